// Reading articles from input files, cleaned and normalised exactly as the indexer indexes them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "nsearch/article.hpp"

namespace nsearch {

/// A problem with one input (file, line or record) that did not stop the run.
struct Diagnostic {
  std::string location;  ///< "path" or "path:line"
  std::string message;   ///< what was wrong and what was done about it
};
using DiagnosticHandler = std::function<void(const Diagnostic&)>;

struct ReadOptions {
  std::string default_outlet{};  ///< for articles whose input names no outlet
  std::string default_lang{};    ///< for articles whose language is neither given nor detected
};

/// Counts of what was read. `skipped` counts records or files rejected with a diagnostic.
struct ReadReport {
  std::size_t files = 0;
  std::size_t articles = 0;
  std::size_t skipped = 0;
  std::size_t bytes = 0;  ///< input bytes read (uncompressed)
};

/// Reads files and folders (recursively) of supported formats: `.txt` text articles or text
/// dumps of web pages (cleaned), `.html`/`.htm` pages (main text extracted), `.jsonl`/`.ndjson`
/// JSON Lines; each optionally `.gz`. Every article comes out normalised: a stable id, an ISO
/// 639-1 language (given, detected, or the default), an ISO date or none, trimmed fields.
class ArticleReader {
 public:
  ArticleReader(ReadOptions options, DiagnosticHandler on_diagnostic);
  ~ArticleReader();
  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  /// Calls `on_article` for each article under `paths`; bad files and records are reported to
  /// the diagnostic handler and skipped. Exceptions from `on_article` propagate.
  void read(std::span<const std::filesystem::path> paths,
            const std::function<void(Article&&)>& on_article);

  /// Fills in and normalises one article as read() does (derives an empty id from the URL or
  /// source, detects the language, normalises the date or drops it with a diagnostic).
  void normalise(Article& article) const;

  const ReadReport& report() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch
