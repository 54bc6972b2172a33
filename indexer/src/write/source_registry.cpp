#include "write/source_registry.hpp"

#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "nsearch/schema.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

std::string metadata_key(const std::string& path) {
  return std::string(schema::kSourceFileKeyPrefix) + schema::source_file_key(path);
}

std::int64_t nanoseconds(const timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

std::optional<SourceFileRecord> parse_record(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  try {
    SourceFileRecord r;
    r.path = j.at("path").get<std::string>();
    r.stamp.size = j.at("size").get<std::uint64_t>();
    r.stamp.mtime_ns = j.at("mtime_ns").get<std::int64_t>();
    r.stamp.ctime_ns = j.at("ctime_ns").get<std::int64_t>();
    r.stamp.inode = j.at("inode").get<std::uint64_t>();
    r.digest = j.at("digest").get<std::string>();
    r.options = j.at("options").get<std::string>();
    r.articles = j.at("articles").get<std::uint64_t>();
    r.skipped = j.at("skipped").get<std::uint64_t>();
    return r;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // written by another version: treated as never indexed
  }
}

}  // namespace

std::optional<FileStamp> stamp_of(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(st.st_size), nanoseconds(st.st_mtim),
                   nanoseconds(st.st_ctim), static_cast<std::uint64_t>(st.st_ino)};
}

std::optional<std::string> digest_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  text::StreamingDigest digest;
  std::vector<char> buf(1u << 20);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    digest.update(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return std::nullopt;
  return digest.hex();
}

std::string source_file_path(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(path, ec);
  if (ec) absolute = fs::absolute(path).lexically_normal();
  return absolute.string();
}

std::optional<SourceFileRecord> SourceRegistry::find(const std::string& path) const {
  const std::string text = db_.view().get_metadata(metadata_key(path));
  if (text.empty()) return std::nullopt;
  auto record = parse_record(text);
  if (record && record->path != path) return std::nullopt;  // a digest collision
  return record;
}

std::vector<SourceFileRecord> SourceRegistry::under(const std::string& root) const {
  std::vector<SourceFileRecord> records;
  const std::string prefix(schema::kSourceFileKeyPrefix);
  const std::string folder = root.ends_with('/') ? root : root + "/";
  for (auto it = db_.view().metadata_keys_begin(prefix); it != db_.view().metadata_keys_end(prefix);
       ++it) {
    auto record = parse_record(db_.view().get_metadata(*it));
    if (record && (record->path == root || record->path.starts_with(folder))) {
      records.push_back(std::move(*record));
    }
  }
  return records;
}

void SourceRegistry::store(const SourceFileRecord& r) {
  const nlohmann::json j = {{"path", r.path},
                            {"size", r.stamp.size},
                            {"mtime_ns", r.stamp.mtime_ns},
                            {"ctime_ns", r.stamp.ctime_ns},
                            {"inode", r.stamp.inode},
                            {"digest", r.digest},
                            {"options", r.options},
                            {"articles", r.articles},
                            {"skipped", r.skipped}};
  db_.set_metadata(metadata_key(r.path),
                   j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void SourceRegistry::forget(const std::string& path) {
  db_.set_metadata(metadata_key(path), {});
}

void SourceRegistry::forget_files_of(const Xapian::Document& doc) {
  const std::string prefix(schema::kSourceFilePrefix);
  Xapian::TermIterator it = doc.termlist_begin();
  for (it.skip_to(prefix); it != doc.termlist_end() && (*it).starts_with(prefix); ++it) {
    db_.set_metadata(std::string(schema::kSourceFileKeyPrefix) + (*it).substr(prefix.size()), {});
  }
}

std::optional<SourceRegistry::Check> SourceRegistry::check(const std::string& path,
                                                           const std::string& options_fingerprint,
                                                           bool force) const {
  // Stamp first, digest second: a write between the two shows up as a new ctime next time.
  const auto stamp = stamp_of(path);
  if (!stamp) return std::nullopt;
  Check check;
  check.current.path = path;
  check.current.stamp = *stamp;
  check.current.options = options_fingerprint;
  const auto previous = force ? std::nullopt : find(path);
  const bool comparable =
      previous && previous->options == options_fingerprint && previous->stamp.size == stamp->size;
  if (comparable && previous->stamp == *stamp) {
    check.unchanged = true;
    check.current.digest = previous->digest;
  } else {
    const auto digest = digest_of(path);
    if (!digest) return std::nullopt;
    check.current.digest = *digest;
    check.unchanged = comparable && previous->digest == *digest;
    check.restamp = check.unchanged;
  }
  if (check.unchanged) {
    check.articles = previous->articles;
    check.current.articles = previous->articles;
    check.current.skipped = previous->skipped;
  }
  return check;
}

}  // namespace nsearch
