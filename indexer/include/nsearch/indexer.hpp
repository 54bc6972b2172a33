// Building and updating an nsearch database from news inputs.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "nsearch/article.hpp"
#include "nsearch/article_reader.hpp"

namespace nsearch {

/// Where an add() run is, for a live progress display. Passed to IndexOptions::on_progress.
struct IndexProgress {
  std::size_t files_done = 0;     ///< input files finished (read, or unchanged and passed over)
  std::size_t files_total = 0;    ///< input files found under the paths given to add()
  std::size_t articles = 0;       ///< articles read so far
  std::uint64_t text_bytes = 0;   ///< title and body bytes of those articles
  std::uint64_t input_done = 0;   ///< bytes on disk of the input read so far (estimate)
  std::uint64_t input_total = 0;  ///< bytes on disk of the input files to read
  bool total_known = false;       ///< input_total is exact: every file to read is uncompressed
  double elapsed_seconds = 0;
  std::string current_file{};  ///< the file being read
  bool finished = false;       ///< the last call of a run
};
using ProgressHandler = std::function<void(const IndexProgress&)>;

/// Impact tiers: for each word in many documents, its heaviest postings and a bound on the
/// others, kept in the database so that a search ranks a few thousand documents instead of
/// every match and still proves its page the same (see README, "Impact tiers"). Brought up to
/// date at the end of Indexer::add() and by Indexer::commit(); articles added since are
/// searched as candidates of every query until then.
struct ImpactTierSettings {
  bool enabled = true;
  /// A plain database with fewer articles keeps none (searching it is fast without).
  std::size_t min_documents = 50000;
  std::size_t tier_size = 1000;     ///< postings in a word's tier when built
  std::size_t min_termfreq = 4000;  ///< words in fewer documents get none
};

struct IndexOptions {
  /// A plain database (created when missing), or a sharded one: a stub file, or a folder
  /// holding one (`XAPIANDB`, see shard_stub.hpp), whose lines all name local shards.
  std::filesystem::path db_path{};
  /// Create a new database as this many shards (a folder with the stub and `shard-0` ..
  /// `shard-N-1`); 0 = plain, or whatever the existing database is. An existing sharded
  /// database must have this many (re-sharding is not supported).
  std::size_t shards = 0;
  std::string default_outlet{};  ///< for articles whose input names no outlet
  std::string default_lang{};    ///< for articles whose language is neither given nor detected
  /// Threads that parse, clean, detect languages and generate terms; 0 = all cores.
  unsigned jobs = 0;
  /// Memory budget in MB for buffered changes: commits happen when the estimated size of the
  /// uncommitted documents reaches it, so peak memory stays bounded whatever the corpus size.
  std::size_t memory_mb = 1024;
  std::vector<FieldMapping> field_map{};  ///< `--map`: see ReadOptions::field_map
  CsvOptions csv{};                       ///< CSV/TSV dialect: see ReadOptions::csv
  /// Group near-duplicate copies of a story (syndication) under one story key, which searches
  /// collapse on. Off: every article is its own story.
  bool story_clusters = true;
  /// Re-read input files even when they are unchanged since they were last indexed.
  bool force = false;
  /// How long to wait for another writer to release the database; zero fails at once.
  std::chrono::milliseconds lock_wait{0};
  ImpactTierSettings impact_tiers{};
  /// Called at most every `progress_interval` during add(), and once at its end.
  ProgressHandler on_progress{};
  std::chrono::milliseconds progress_interval{250};
};

/// Counts of what a run did.
struct IndexReport {
  std::size_t files = 0;            ///< files and archive members read
  std::size_t unchanged_files = 0;  ///< input files passed over: unchanged since last indexed
  std::size_t articles = 0;         ///< articles read
  std::size_t added = 0;
  std::size_t replaced = 0;    ///< an article with the same id was there, with other content
  std::size_t unchanged = 0;   ///< identical to the indexed article (incl. unchanged files)
  std::size_t duplicates = 0;  ///< exact copies (same URL, title and body) under another id
  std::size_t removed = 0;     ///< by remove(), prune(), or gone from a changed file
  std::size_t skipped = 0;     ///< records or files rejected with a diagnostic
  std::map<std::string, std::size_t> skipped_by_reason{};  ///< skip_category() -> count
  std::size_t bytes = 0;                                   ///< input bytes read (uncompressed)
  std::size_t text_bytes = 0;  ///< title and body bytes of the articles indexed
  bool stopped = false;        ///< request_stop() ended add() early (what was done is committed)
};

/// The report as the JSON object `nindex add --json` prints (without its exit code): the
/// counts, skipped_by_reason, bytes, elapsed_seconds (given: the run's wall time) and
/// interrupted. One spelling of the keys for every front end.
std::string report_json(const IndexReport& report, double elapsed_seconds);

/// Adds articles to a database. One Indexer per database at a time (Xapian allows one writer:
/// a second one gets Error(database_locked) naming the process that holds it, see
/// IndexOptions::lock_wait); changes become visible to searchers at each commit, and a run that
/// is interrupted (even by kill -9) leaves the database at its last commit, so re-running the
/// same add completes it. A sharded database is written the same way: each new article goes to
/// the shard shard_of(id) (so re-adding it replaces it in place, and removing it finds it), and
/// every shard commits at once, in parallel.
class Indexer {
 public:
  /// Opens or creates the database (see IndexOptions::db_path and shards). Throws Error
  /// (database_locked, database_error; invalid_argument: a plain database asked to be sharded,
  /// a shard count other than the stub's, or a remote shard).
  /// Write errors later (disk full) throw Error(storage_full); the database keeps its last
  /// commit.
  Indexer(IndexOptions options, DiagnosticHandler on_diagnostic);
  ~Indexer();  ///< commits pending changes (errors are reported, not thrown)
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  /// Reads every supported file under `paths` (folders recursively, see ArticleReader) and
  /// indexes its articles. Bad files and records are reported to the diagnostic handler and
  /// skipped. Incremental: a file unchanged since it was last indexed (same size, times and
  /// content digest, same read options) is passed over without being read; the articles of a
  /// changed file replace what it gave before, and articles no longer in it are removed
  /// (unless another input file still holds them). Returns early, after committing, when
  /// request_stop() is called; a later add() of the same paths continues where it stopped.
  void add(std::span<const std::filesystem::path> paths);

  /// Removes the articles of input files under `roots` (files or folders) that no longer
  /// exist, keeping articles that another existing input file also holds. Returns how many
  /// articles were removed.
  std::size_t prune(std::span<const std::filesystem::path> roots);

  /// Indexes one article (an empty id is derived from its URL or source); replaces any article
  /// with the same id, and leaves an identical one untouched.
  void add_article(Article article);

  /// Removes articles by id; returns how many existed.
  std::size_t remove(std::span<const std::string> ids);

  /// Makes all changes so far durable and visible.
  void commit();

  IndexReport report() const;

  /// Asks a running add() to stop after the article in hand and commit. Safe to call from
  /// any thread (e.g. one that waits for SIGINT); not async-signal-safe.
  void request_stop() noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch
