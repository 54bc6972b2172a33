// Reading articles from input files, cleaned and normalised exactly as the indexer indexes them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article.hpp"

namespace nsearch {

/// A problem with one input (file, line or record) that did not stop the run.
struct Diagnostic {
  std::string location;  ///< "path" or "path:line"; "archive!member" and "archive!member:line"
  std::string message;   ///< what was wrong and what was done about it
};
using DiagnosticHandler = std::function<void(const Diagnostic&)>;

/// `--map field=path`: fill an article field (id, title, outlet, date, author, url, lang,
/// category, body, kind) from `path` in each JSON, JSON Lines or CSV record. A path is dotted keys
/// into nested objects ("meta.headline", "thread.site") and numbers into lists or CSV columns
/// ("authors.0", "1"). Mappings replace the built-in names of their field; several for the same
/// field are tried in order.
struct FieldMapping {
  std::string field;
  std::string path;
};

/// Parses "field=path". Throws Error(invalid_argument) naming what is wrong.
FieldMapping parse_field_mapping(std::string_view spec);

/// CSV and TSV dialect. Detected from the start of each file unless set.
struct CsvOptions {
  char delimiter = '\0';   ///< '\0' = detect: ',', ';', '\t' or '|' ('\t' for .tsv files)
  char quote = '\0';       ///< '\0' = detect: '"' or '\'' (quoting as in RFC 4180)
  bool no_header = false;  ///< the first row is data; columns are named by number (--map body=1)
};

struct ReadOptions {
  std::string default_outlet{};  ///< for articles whose input names no outlet
  std::string default_lang{};    ///< for articles whose language is neither given nor detected
  std::vector<FieldMapping> field_map{};  ///< user mappings for JSON, JSON Lines and CSV records
  CsvOptions csv{};
  /// false: read() hands articles over as read, and the caller normalises them (normalise() is
  /// safe to call from several threads when the diagnostic handler is), e.g. on worker threads.
  bool normalise = true;
};

/// Counts of what was read. `skipped` counts records or files rejected with a diagnostic.
struct ReadReport {
  std::size_t files = 0;  ///< files and archive members read
  std::size_t articles = 0;
  std::size_t skipped = 0;
  std::map<std::string, std::size_t> skipped_by_reason{};  ///< category -> count (see README)
  std::size_t bytes = 0;    ///< input bytes read (uncompressed), updated as articles come
  std::size_t ignored = 0;  ///< passed over without a diagnostic: non-HTML WARC records,
                            ///< archive members of unknown type or documentation (README...)
};

/// Reads files and folders (recursively) of supported formats: `.txt` text articles or text
/// dumps of web pages (cleaned), `.html`/`.htm` pages (main text extracted), `.jsonl`/`.ndjson`
/// JSON Lines, `.json` (an object, an array of objects, or a sequence of objects), `.csv`/`.tsv`
/// (see CsvOptions), `.warc` web archives (HTML responses extracted); compressed (gzip, bzip2,
/// xz, zstd, lz4) or in archives (tar, zip, 7-Zip, cpio), whose members are read by their own
/// names and located as "archive!member". Every article comes out normalised: a stable id, an
/// ISO 639-1 language (given, detected, or the default), an ISO date or none, a kind, a title
/// (derived from the body when none is given), trimmed fields.
class ArticleReader {
 public:
  /// Throws Error(invalid_argument) when `options.field_map` names an unknown field.
  ArticleReader(ReadOptions options, DiagnosticHandler on_diagnostic);
  ~ArticleReader();
  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  /// Calls `on_article` for each article under `paths`; bad files and records are reported to
  /// the diagnostic handler and skipped. Exceptions from `on_article` propagate.
  void read(std::span<const std::filesystem::path> paths,
            const std::function<void(Article&&)>& on_article);

  /// The files read() reads for `root`: `root` itself when it is a file, else the files of
  /// supported types under it (recursively, sorted). When `root` cannot be listed, reports it
  /// (counted as skipped) and returns none.
  std::vector<std::filesystem::path> list(const std::filesystem::path& root);

  /// Reads one file as read() does. `named` says the user named it (rather than a folder it is
  /// in): its format is then sniffed from its content when its name does not tell.
  void read_file(const std::filesystem::path& file, bool named,
                 const std::function<void(Article&&)>& on_article);

  /// Fills in and normalises one article as read() does (derives an empty id from the URL or
  /// source, detects the language, normalises the date or drops it with a diagnostic, makes
  /// the kind "article" or "page" (an unknown kind is reported and becomes "article"), and
  /// gives an article without a title one from its body's first sentence, with
  /// `title_derived` set).
  void normalise(Article& article) const;

  const ReadReport& report() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch
