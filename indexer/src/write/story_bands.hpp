// Databases indexed before story band terms existed: giving their documents the terms
// (internal).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>

#include <xapian.h>

namespace nsearch {

/// Makes sure every document of `db` with a story signature has its story band terms (see
/// add_story_fields), so that StoryClusters finds it: an empty database is marked as having
/// them, and one indexed before they existed is given them once, in place, and committed.
/// `before_upgrade` is told how many documents are about to be given terms (not called when
/// there are none). Returns that number (0 when there was nothing to do). `path`: where `db`
/// is. On an error, what was not committed is dropped.
std::size_t ensure_story_bands(Xapian::WritableDatabase& db, const std::filesystem::path& path,
                               const std::function<void(std::size_t)>& before_upgrade = {});

/// Marks `db` as one whose documents have their story band terms (not committed).
void mark_story_bands(Xapian::WritableDatabase& db);

}  // namespace nsearch
