// One add() run over input files: plans which files to read (passing over unchanged ones),
// reads the others on the pipeline's reading thread, and keeps each file's record and its
// documents in step on the writer's thread; progress and stop requests (internal).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analyse/prepared_article.hpp"
#include "nsearch/article_reader.hpp"
#include "nsearch/indexer.hpp"
#include "write/article_writer.hpp"
#include "write/source_registry.hpp"

namespace nsearch {

/// Counts one write in `report`.
void count_outcome(ArticleWriter::Outcome outcome, IndexReport& report);

/// A digest of the options that change which articles a file yields: a file read with other
/// options is read again.
std::string read_options_fingerprint(const IndexOptions& options);

/// What a file gave, handed on after its last article once it was read to its end.
struct FileEnd {
  std::uint64_t articles = 0;
  std::uint64_t skipped = 0;  ///< records or parts rejected with a diagnostic
};

/// What the reading thread hands on, in reading order: an article of planned file `file`, or,
/// without an article, the end of that file.
template <typename ArticleType>
struct FileItem {
  std::size_t file = 0;
  std::optional<ArticleType> article;
  FileEnd end;
};
using ReadItem = FileItem<Article>;
using PreparedItem = FileItem<PreparedArticle>;

class FileIngest {
 public:
  struct Parts {
    ArticleReader& reader;
    ArticleWriter& writer;
    SourceRegistry& registry;
    IndexReport& report;
    const std::atomic<bool>& stop;
    /// Writes an article read from the file with the given term (and counts it).
    std::function<void(PreparedArticle&, const std::string& file_term)> write;
    std::function<void()> after_write;  ///< commits when enough changes are pending
  };
  FileIngest(Parts parts, const IndexOptions& options);

  /// Writer's thread, before reading: lists the files under `paths` and compares each with its
  /// record; unchanged files are counted (and their records restamped) and will not be read.
  void plan(std::span<const std::filesystem::path> paths);
  /// True when there is nothing to read.
  bool nothing_to_read() const { return to_read_ == 0; }

  /// Reading thread: reads the planned files that are new or changed, in order, and hands on
  /// their articles, each file followed by its end. Returns early when a stop is requested
  /// (the file being read then gets no end).
  void read(const std::function<void(ReadItem&&)>& push);
  /// A stop request ended plan() or read() early.
  bool stopped() const { return stopped_; }

  /// Writer's thread, for a database written in place: writes an article, or at a file's end
  /// removes the articles it no longer gives and stores its record.
  void write(PreparedItem&& item);

  /// The source-file term of planned file `file`.
  const std::string& file_term(std::size_t file) const { return files_[file].term; }
  /// The record to store for a file read to its end, once its articles are written; none when
  /// it must be tried again next time (unreadable, or nothing in it could be read).
  std::optional<SourceFileRecord> completed(std::size_t file, const FileEnd& end) const;

  /// Drops the files under `roots` that are gone; returns the documents removed.
  std::size_t prune(std::span<const std::filesystem::path> roots);

 private:
  struct PlannedFile {
    std::filesystem::path file;
    bool named = false;  // given by the user, not found in a folder
    std::uint64_t size = 0;
    std::string term;
    std::optional<SourceRegistry::Check> check;
    bool unchanged = false;
  };

  Parts parts_;
  const IndexOptions& options_;
  std::string fingerprint_;
  std::vector<PlannedFile> files_;
  std::size_t to_read_ = 0;
  std::uint64_t input_total_ = 0;
  bool total_known_ = true;
  bool stopped_ = false;
  std::size_t begun_ = static_cast<std::size_t>(-1);  // the file the writer is in
};

}  // namespace nsearch
