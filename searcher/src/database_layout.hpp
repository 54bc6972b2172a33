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
  /// The database, or a local shard, is a replica kept by xapian-replicate: a folder whose own
  /// stub names the current copy. Xapian's reopen() does not follow replicas (its replication
  /// guide says to open them afresh), so refreshing opens the database again.
  bool replica = false;
  bool operator==(const DatabaseLayout&) const = default;
};

/// Reads the stub behind `db_path`, if any, and the stubs of its local shards. Throws
/// Error(invalid_argument) for a bad stub line.
DatabaseLayout layout_of(const std::filesystem::path& db_path);

}  // namespace nsearch
