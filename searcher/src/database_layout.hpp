// What a database path stands for: one database, or shards listed in a stub file (internal).
#pragma once

#include <filesystem>
#include <string>

namespace nsearch {

/// The layout of the database at a path, compared on refresh to see whether the set of shards
/// changed (compaction rewrites the stub), in which case the database is opened afresh.
struct DatabaseLayout {
  std::string stub_text;  ///< the stub file's text; empty for a plain database
  bool remote = false;    ///< some shard is served by a remote server
  bool operator==(const DatabaseLayout&) const = default;
};

/// Reads the stub behind `db_path`, if any. Throws Error(invalid_argument) for a bad stub line.
DatabaseLayout layout_of(const std::filesystem::path& db_path);

}  // namespace nsearch
