// Bulk loading into an empty database: one Xapian shard per writer thread, merged into the
// target by compaction at the end (internal).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "analyse/document_builder.hpp"
#include "nsearch/article.hpp"
#include "text_util.hpp"
#include "write/commit_budget.hpp"

namespace nsearch {

/// Xapian allows one writer per database, and its write path (the in-memory inverter and the
/// flushes into B-trees) is most of the cost of indexing, so a single writer thread caps the
/// speed. A ShardSet runs `shards` writer threads, each with a database of its own (in
/// `<db>.shards/`, written without fsync: scratch until merged), and merges them at the end.
///
/// The caller submits articles in reading order from one thread, and tells which ids it has
/// seen (see BulkLookup). The first article with an id goes to a shard; a later one with the same
/// id (a duplicate in the input), or one the caller must see the database for (an exact copy), is
/// set aside in a spill file and replayed after the merge, in reading order, through the ordinary
/// writer (replace, unchanged or copy), so the result is what one writer reading in order would
/// have built.
///
/// An interrupted bulk load leaves the target database as it was (empty) and scratch files in
/// `<db>.shards/`, which the next run removes before starting again.
class ShardSet {
 public:
  /// Finishes a document (e.g. adds story values) on the shard's thread, before it is added.
  using Decorate = std::function<void(Xapian::Document&)>;

  /// Creates `shards` empty shards beside `target` (removing the scratch of an earlier run) and
  /// their writer threads.
  ShardSet(const std::filesystem::path& target, unsigned shards, std::size_t memory_mb);
  ~ShardSet();  ///< stops the writers and removes the scratch folder
  ShardSet(const ShardSet&) = delete;
  ShardSet& operator=(const ShardSet&) = delete;

  /// The folder holding the shards of `target`.
  static std::filesystem::path scratch_dir(const std::filesystem::path& target);

  /// Keeps an article (its stored data, and a `tag` without tabs or newlines for the caller)
  /// to replay after the merge.
  void set_aside(const std::string& tag, const std::string& stored_data);

  /// Queues a claimed, normalised article for a shard (round robin; waits while the shard's
  /// queue is full). Rethrows the first error of a writer thread.
  void submit(Article article, std::string stored_data, Decorate decorate);

  /// Waits for the writers, commits the shards and compacts them into a new database at
  /// `output`. Rethrows the first error of a writer thread.
  void merge_into(const std::filesystem::path& output);

  /// Calls `apply` with the tag and article of every article set aside, in reading order.
  void replay_set_aside(const std::function<void(const std::string& tag, Article&&)>& apply);

  std::size_t documents() const { return submitted_; }

 private:
  struct Work {
    Article article;
    std::string data;
    Decorate decorate;
  };
  struct Shard {
    std::filesystem::path path;
    Xapian::WritableDatabase db;
    DocumentBuilder builder;
    CommitBudget budget;
    std::deque<Work> queue;
    std::thread thread;
  };

  void run(Shard& shard);
  void stop_writers();
  void rethrow_error();

  std::filesystem::path dir_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool closing_ = false;
  std::exception_ptr error_;
  std::size_t submitted_ = 0;
  std::ofstream spill_;  // tag, tab, stored data of each article set aside, one per line
  std::size_t spilled_ = 0;
};

}  // namespace nsearch
