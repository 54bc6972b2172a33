// Building and updating an nsearch database from news inputs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "nsearch/article.hpp"
#include "nsearch/article_reader.hpp"

namespace nsearch {

struct IndexOptions {
  std::filesystem::path db_path{};  ///< created when missing
  std::string default_outlet{};     ///< for articles whose input names no outlet
  std::string default_lang{};       ///< for articles whose language is neither given nor detected
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
};

/// Counts of what a run did. `skipped` counts records or files rejected with a diagnostic.
struct IndexReport {
  std::size_t files = 0;
  std::size_t articles = 0;
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
  std::size_t skipped = 0;
  std::size_t bytes = 0;       ///< input bytes read (uncompressed)
  std::size_t text_bytes = 0;  ///< title and body bytes of the articles indexed
};

/// Adds articles to a database. One Indexer per database at a time (Xapian allows one writer);
/// changes become visible to searchers at each commit, and a run that is interrupted leaves the
/// database at its last commit, so re-running the same add completes it.
class Indexer {
 public:
  /// Opens or creates the database. Throws Error (database_locked, database_error).
  Indexer(IndexOptions options, DiagnosticHandler on_diagnostic);
  ~Indexer();  ///< commits pending changes (errors are reported, not thrown)
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  /// Reads every supported file under `paths` (folders recursively, see ArticleReader) and
  /// indexes its articles. Bad files and records are reported to the diagnostic handler and
  /// skipped.
  void add(std::span<const std::filesystem::path> paths);

  /// Indexes one article (an empty id is derived from its URL or source); replaces any article
  /// with the same id, and leaves an identical one untouched.
  void add_article(Article article);

  /// Removes articles by id; returns how many existed.
  std::size_t remove(std::span<const std::string> ids);

  /// Makes all changes so far durable and visible.
  void commit();

  IndexReport report() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch
