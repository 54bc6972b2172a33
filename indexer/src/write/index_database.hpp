// The database an Indexer writes: one Xapian database, or the local shards of a sharded one
// seen as one (internal).
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "write/safe_commit.hpp"
#include "write/writable_database.hpp"

namespace nsearch {

/// Everything but adding a document goes through all(): Xapian combines writable shards into
/// one WritableDatabase whose lookups, replacements and deletions reach the shard holding the
/// document (global docid `(local - 1) * n + k + 1` for shard k of n), and whose metadata is
/// shard 0's. A new document, though, would be spread round-robin by docid; add() puts it in
/// the shard its id routes to (shard_of), where re-adding and removing it will look. With one
/// shard (a plain database) all() is that database and add() is add_document.
class IndexDatabase {
 public:
  using Notice = std::function<void(const std::string&)>;

  /// Opens the database at `db_path`, waiting up to `wait` for other writers. A sharded one
  /// (a stub of local shards) is opened whole, or created with `shards` shards when nothing is
  /// there; `shards` 0 opens whatever is there (a plain database is created when missing).
  /// Each database gets its story band terms first (see ensure_story_bands; `notice` is told
  /// when an old one is upgraded). Throws Error (invalid_argument: a plain database asked to
  /// be sharded, a shard count other than the stub's, a remote shard; database_locked naming
  /// the holder; database_error).
  IndexDatabase(const std::filesystem::path& db_path, std::size_t shards,
                std::chrono::milliseconds wait, const Notice& notice);

  Xapian::WritableDatabase& all() { return all_; }
  bool sharded() const { return paths_.size() > 1 || stub_; }
  std::size_t shards() const { return paths_.size(); }

  /// Adds a new document for article `id` to its shard; returns its docid in all().
  Xapian::docid add(const std::string& id, const Xapian::Document& doc);

  /// Sets metadata (kept in shard 0). Goes through here so that commit() knows to commit
  /// shard 0 last.
  void set_metadata(const std::string& key, const std::string& value);

  /// Commits every shard: first the others, in parallel, then shard 0 with the file records
  /// (or all at once when no record changed). A run killed in between so leaves no record of
  /// a file whose articles are not all committed. `room`: the values of all shards' changes,
  /// an upper bound for each (see commit_with_room).
  void commit(const ValueRoom& room);

  /// Drops the changes not committed in every shard (see discard_changes). Never throws.
  void discard_changes() noexcept;

  /// A plain database only: puts the database at `replacement` in its place (moving the old
  /// one to `old`, which must not exist) and opens it.
  void replace_with(const std::filesystem::path& replacement, const std::filesystem::path& old);

 private:
  void open(const std::filesystem::path& path);

  std::chrono::milliseconds wait_;
  bool stub_ = false;
  std::vector<std::filesystem::path> paths_;  // the shards, in stub order
  // Destroyed after the databases: a note goes once its lock is released.
  std::deque<WriterNote> notes_;
  std::vector<Xapian::WritableDatabase> shards_;
  Xapian::WritableDatabase all_;
  bool metadata_changed_ = false;
};

}  // namespace nsearch
