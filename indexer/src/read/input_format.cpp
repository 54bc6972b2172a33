#include "read/input_format.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "nsearch/error.hpp"
#include "read/skip_reasons.hpp"
#include "text_util.hpp"

namespace nsearch {

namespace {

bool is_compression_suffix(std::string_view ext) {
  constexpr std::array<std::string_view, 7> kSuffixes = {".gz",  ".bz2", ".xz", ".lzma",
                                                         ".zst", ".lz4", ".bz"};
  return std::find(kSuffixes.begin(), kSuffixes.end(), ext) != kSuffixes.end();
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && text::ascii_lowercase(s.substr(0, prefix.size())) == prefix;
}

}  // namespace

InputFormat format_of(const std::filesystem::path& path) {
  std::filesystem::path p = path.filename();
  std::string ext = text::ascii_lowercase(p.extension().string());
  for (int i = 0; i < 4 && is_compression_suffix(ext); ++i) {
    p = p.stem();
    ext = text::ascii_lowercase(p.extension().string());
  }
  if (ext == ".txt" || ext == ".text") return InputFormat::text;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::html;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::jsonl;
  if (ext == ".json") return InputFormat::json;
  if (ext == ".csv") return InputFormat::csv;
  if (ext == ".tsv" || ext == ".tab") return InputFormat::tsv;
  if (ext == ".warc") return InputFormat::warc;
  if (ext == ".zip" || ext == ".tar" || ext == ".tgz" || ext == ".tbz2" || ext == ".tbz" ||
      ext == ".txz" || ext == ".tzst" || ext == ".7z" || ext == ".cpio") {
    return InputFormat::archive;
  }
  return InputFormat::unsupported;
}

bool is_compressed_name(const std::filesystem::path& path) {
  return is_compression_suffix(text::ascii_lowercase(path.extension().string()));
}

bool has_foreign_extension(const std::filesystem::path& path) {
  std::filesystem::path p = path.filename();
  for (int i = 0; i < 4 && is_compressed_name(p); ++i)
    p = p.stem();
  return p.has_extension() && !p.stem().empty() && format_of(p) == InputFormat::unsupported;
}

InputFormat sniff_format(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const auto start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return InputFormat::unsupported;
  head.remove_prefix(start);
  if (head.starts_with("WARC/")) return InputFormat::warc;
  if (head.front() == '{' || head.front() == '[') return InputFormat::json;
  if (starts_with_nocase(head, "<!doctype html") || starts_with_nocase(head, "<html")) {
    return InputFormat::html;
  }
  return InputFormat::unsupported;
}

bool is_documentation(const std::filesystem::path& path) {
  std::string name = text::ascii_lowercase(path.filename().string());
  if (const auto dot = name.find('.'); dot != std::string::npos) name.resize(dot);
  for (const std::string_view doc :
       {"readme", "license", "licence", "copying", "changelog", "notice", "authors"}) {
    if (name == doc) return true;
  }
  return false;
}

std::vector<std::filesystem::path> list_input_files(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    throw ReadError(SkipReason::unreadable, "no such file or directory");
  }
  if (!fs::is_directory(status)) return {root};

  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw ReadError(SkipReason::unreadable, ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) throw ReadError(SkipReason::unreadable, ec.message());
    const fs::path& p = it->path();
    if (p.filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace nsearch
