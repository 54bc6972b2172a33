// Query completion and spelling correction from the words of the index (internal).
#pragma once

#include <cstddef>
#include <string>

#include <xapian.h>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// Completions of the last word of `text` and a correction of its unknown words, from the
/// unprefixed (free-text) terms of `db`.
Suggestions suggest_words(const Xapian::Database& db, const std::string& text, std::size_t limit);

}  // namespace nsearch
