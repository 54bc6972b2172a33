// Telling a sharded database from a plain one, and compacting either.
#pragma once

#include <cstddef>
#include <filesystem>

namespace nsearch {

/// True when `db_path` is a stub file or a folder holding one (a sharded database).
bool is_sharded_database(const std::filesystem::path& db_path);

/// What compact_database did.
struct CompactReport {
  std::size_t shards_before = 0;
  std::size_t shards_after = 0;
  std::size_t documents = 0;
};

/// Compacts the database at `db_path` with Xapian's compactor (full packing). A plain
/// database is compacted in place. A sharded one has each shard compacted, or, with `merge`,
/// all of them merged into one shard; the stub is rewritten to name the new shards (atomically:
/// searchers opening it meanwhile see the old shards or the new ones) and the old ones are
/// deleted. Every shard is locked against writers meanwhile. Remote shards are refused
/// (compact them on their machine). Throws Error (invalid_argument, database_locked,
/// database_error).
CompactReport compact_database(const std::filesystem::path& db_path, bool merge);

}  // namespace nsearch
