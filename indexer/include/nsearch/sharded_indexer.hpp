// Building and updating a sharded nsearch database: several Xapian databases written in
// parallel and searched together through a stub file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "nsearch/indexer.hpp"

namespace nsearch {

/// Writes a sharded database. `options.db_path` is a stub file or a folder holding one
/// (`XAPIANDB`, see shard_stub.hpp) whose lines all name local shards; a new database is a
/// folder with the stub and `shard-0` .. `shard-N-1`. Each article goes to the shard
/// shard_of(id), so re-adding an article replaces it in place and removing it finds it.
/// Articles are read and prepared by `options.jobs` threads and written by one thread per
/// shard; syndicated copies get story keys across all shards, in reading order, as one
/// database would give them. One ShardedIndexer per database at a time (each shard is locked).
class ShardedIndexer {
 public:
  /// Opens the shards of the database at `options.db_path`, or creates a database of `shards`
  /// shards when there is none (`shards` 0: the database must exist). Throws Error
  /// (invalid_argument: a plain database, a shard count other than the stub's, or a remote
  /// shard; database_locked; database_error).
  ShardedIndexer(IndexOptions options, std::size_t shards, DiagnosticHandler on_diagnostic);
  ~ShardedIndexer();  ///< commits pending changes (errors are reported, not thrown)
  ShardedIndexer(const ShardedIndexer&) = delete;
  ShardedIndexer& operator=(const ShardedIndexer&) = delete;

  /// As Indexer::add.
  void add(std::span<const std::filesystem::path> paths);
  /// As Indexer::add_article.
  void add_article(Article article);
  /// Removes articles by id from whichever shard holds them; returns how many existed.
  std::size_t remove(std::span<const std::string> ids);
  /// Commits every shard.
  void commit();

  IndexReport report() const;
  /// The shards' paths, in stub order (article ids are routed by their position).
  std::vector<std::filesystem::path> shard_paths() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

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
