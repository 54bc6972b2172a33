#include "file_ingest.hpp"

#include "nsearch/schema.hpp"
#include "progress_meter.hpp"
#include "read/input_format.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

// Raised from the article callback to leave the reader when a stop is requested.
struct StopReading {};

// Bump when reading or cleaning changes what articles the same file yields, so that files
// indexed by an older nindex are read again.
constexpr int kReaderGeneration = 1;

std::uint64_t size_of(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

bool is_plain(const fs::path& path) {
  return !is_compressed_name(path) && format_of(path) != InputFormat::archive;
}

}  // namespace

void count_outcome(ArticleWriter::Outcome outcome, IndexReport& report) {
  switch (outcome) {
    case ArticleWriter::Outcome::added:
      ++report.added;
      break;
    case ArticleWriter::Outcome::replaced:
      ++report.replaced;
      break;
    case ArticleWriter::Outcome::unchanged:
      ++report.unchanged;
      break;
    case ArticleWriter::Outcome::duplicate:
      ++report.duplicates;
      break;
  }
}

std::string read_options_fingerprint(const IndexOptions& o) {
  std::string key = "generation " + std::to_string(kReaderGeneration);
  const auto put = [&key](std::string_view part) {
    key.push_back('\0');
    key.append(part);
  };
  put(o.default_outlet);
  put(o.default_lang);
  for (const FieldMapping& m : o.field_map) {
    put(m.field);
    put(m.path);
  }
  put(std::string{o.csv.delimiter, o.csv.quote, o.csv.no_header ? '1' : '0'});
  return text::hex_digest(key);
}

FileIngest::FileIngest(Parts parts, const IndexOptions& options)
    : parts_(std::move(parts)),
      options_(options),
      fingerprint_(read_options_fingerprint(options)) {}

void FileIngest::plan(std::span<const fs::path> paths) {
  for (const fs::path& root : paths) {
    for (fs::path& file : parts_.reader.list(root)) {
      if (parts_.stop.load()) {
        stopped_ = true;
        return;
      }
      PlannedFile f;
      f.named = file == root;
      f.size = size_of(file);
      const std::string path = source_file_path(file);
      f.term = schema::source_file_term(path);
      f.check = parts_.registry.check(path, fingerprint_, options_.force);
      f.unchanged = f.check && f.check->unchanged;
      f.file = std::move(file);
      input_total_ += f.size;
      if (f.unchanged) {
        ++parts_.report.unchanged_files;
        parts_.report.unchanged += f.check->articles;
        if (f.check->restamp) parts_.registry.store(f.check->current);
      } else {
        ++to_read_;
        total_known_ = total_known_ && is_plain(f.file);
      }
      files_.push_back(std::move(f));
    }
  }
}

void FileIngest::read(const std::function<void(ReadItem&&)>& push) {
  ProgressMeter meter(options_.on_progress, options_.progress_interval);
  meter.start(files_.size(), input_total_, total_known_);
  for (std::size_t i = 0; i < files_.size() && !stopped_; ++i) {
    const PlannedFile& f = files_[i];
    if (f.unchanged) {
      meter.end_file(f.size);
      continue;
    }
    if (parts_.stop.load()) {
      stopped_ = true;
      break;
    }
    meter.begin_file(f.file.string(), f.size, is_plain(f.file));
    const ReadReport& report = parts_.reader.report();
    const std::size_t articles_before = report.articles;
    const std::size_t skipped_before = report.skipped;
    const std::size_t bytes_before = report.bytes;
    try {
      parts_.reader.read_file(f.file, f.named, [&](Article&& a) {
        if (parts_.stop.load(std::memory_order_relaxed)) throw StopReading{};
        meter.article(a.title.size() + a.body.size(), report.bytes - bytes_before);
        push(ReadItem{i, std::move(a), {}});
      });
    } catch (const StopReading&) {
      stopped_ = true;  // no end for this file: it is read again, from its start, next time
      break;
    }
    push(ReadItem{
        i, std::nullopt, {report.articles - articles_before, report.skipped - skipped_before}});
    meter.end_file(f.size);
  }
  meter.finish();
}

std::optional<SourceFileRecord> FileIngest::completed(std::size_t file, const FileEnd& end) const {
  const auto& check = files_[file].check;
  // Unreadable, or nothing in it could be read (a corrupt copy?): keep what it gave before
  // and leave it unrecorded, so that the next run tries (and reports) it again.
  if (!check || (end.articles == 0 && end.skipped > 0)) return std::nullopt;
  SourceFileRecord record = check->current;
  record.articles = end.articles;
  record.skipped = end.skipped;
  return record;
}

void FileIngest::write(PreparedItem&& item) {
  const std::string& term = files_[item.file].term;
  if (item.file != begun_) {
    parts_.writer.begin_file(term);
    begun_ = item.file;
  }
  if (item.article) {
    parts_.write(*item.article, term);
    return;
  }
  const auto record = completed(item.file, item.end);
  if (!record) {
    parts_.writer.abandon_file(term);
    return;
  }
  parts_.report.removed += parts_.writer.end_file(term);
  parts_.registry.store(*record);
  parts_.after_write();
}

std::size_t FileIngest::prune(std::span<const fs::path> roots) {
  std::size_t removed = 0;
  for (const fs::path& root : roots) {
    for (const SourceFileRecord& record : parts_.registry.under(source_file_path(root))) {
      std::error_code ec;
      if (fs::exists(record.path, ec) || ec) continue;  // when in doubt, keep
      removed += parts_.writer.drop_file(schema::source_file_term(record.path));
      parts_.registry.forget(record.path);
      parts_.after_write();
    }
  }
  parts_.report.removed += removed;
  return removed;
}

}  // namespace nsearch
