// The database an Indexer writes: one Xapian database, or the local shards of a sharded one
// seen as one (internal).
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "write/safe_commit.hpp"
#include "write/shard_writer.hpp"
#include "write/writable_database.hpp"

namespace nsearch {

/// Everything but adding a document goes through all() or view(): Xapian combines writable
/// shards into one WritableDatabase whose lookups, replacements and deletions reach the shard
/// holding the document (global docid `(local - 1) * n + k + 1` for shard k of n), and whose
/// metadata is shard 0's. A new document, though, would be spread round-robin by docid; add()
/// puts it in the shard its id routes to (shard_of), where re-adding and removing it will look.
///
/// Adding a document (Xapian's inverter, the termlist and data tables) is most of the cost of
/// writing, so with shards each one adds on a thread of its own (ShardWriter), as a bulk load
/// does; all() and view() first wait for those threads. first_with() mostly need not: a term
/// absent from the shards as last committed and from the documents added since is absent.
/// With one shard (a plain database) all() is that database and add() is add_document.
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

  /// The database, to change it (waits for the adds in flight).
  Xapian::WritableDatabase& all();
  /// The database, to read it (waits for the adds in flight).
  const Xapian::WritableDatabase& view();
  bool sharded() const { return paths_.size() > 1 || stub_; }
  std::size_t shards() const { return paths_.size(); }

  /// Adds a new document for article `id` to its shard; returns its docid in all(). `terms`:
  /// those of its terms first_with() will be asked about (empty ones are ignored). With shards
  /// the add runs later, on the shard's thread: its Xapian error is thrown by a later call.
  Xapian::docid add(const std::string& id, Xapian::Document&& doc,
                    std::initializer_list<std::string_view> terms);

  /// True when a document has `term`.
  bool holds(const std::string& term);
  /// The first document with `term`, if any (none for an empty term).
  std::optional<Xapian::docid> first_with(const std::string& term);

  /// Sets metadata (kept in shard 0). Goes through here so that commit() knows to commit
  /// shard 0 last.
  void set_metadata(const std::string& key, const std::string& value);

  /// Commits every shard: first the others, in parallel, then shard 0 with the file records
  /// (or all at once when no record changed). A run killed in between so leaves no record of
  /// a file whose articles are not all committed. `room`: the values of all shards' changes,
  /// an upper bound for each (see commit_with_room).
  void commit(const ValueRoom& room);

  /// With shards, when nothing but documents were added since the last commit() (no file
  /// record, no replacement or deletion): starts committing every shard on its thread and
  /// returns true at once, so that writing goes on meanwhile (the commit is visible to readers
  /// when it ends; errors come from a later call). Otherwise returns false: use commit().
  bool commit_in_background(const ValueRoom& room);

  /// Drops the changes not committed in every shard (see discard_changes). Never throws.
  void discard_changes() noexcept;

  /// A plain database only: puts the database at `replacement` in its place (moving the old
  /// one to `old`, which must not exist) and opens it.
  void replace_with(const std::filesystem::path& replacement, const std::filesystem::path& old);

 private:
  void open(const std::filesystem::path& path);
  void wait_for_adds();
  bool committed_holds(const std::string& term);

  std::chrono::milliseconds wait_;
  bool stub_ = false;
  std::vector<std::filesystem::path> paths_;  // the shards, in stub order
  // Destroyed after the databases: a note goes once its lock is released.
  std::deque<WriterNote> notes_;
  std::vector<Xapian::WritableDatabase> shards_;
  Xapian::WritableDatabase all_;
  bool metadata_changed_ = false;
  // With shards only: what add() needs to hand documents to the shards' threads.
  std::vector<std::unique_ptr<ShardWriter>> writers_;
  std::vector<Xapian::docid> last_docid_;        // per shard, with the adds queued
  Xapian::Database committed_;                   // the shards as last committed
  std::unordered_set<std::string> added_terms_;  // first_with() terms added since
  bool changed_otherwise_ = false;               // all() since the last commit: look up exactly
};

}  // namespace nsearch
