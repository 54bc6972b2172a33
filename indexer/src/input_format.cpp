#include "input_format.hpp"

#include <algorithm>
#include <vector>

#include "nsearch/error.hpp"
#include "text_util.hpp"

namespace nsearch {

InputFormat format_of(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  if (text::lowercase(p.extension().string()) == ".gz") p = p.stem();
  const std::string ext = text::lowercase(p.extension().string());
  if (ext == ".txt" || ext == ".text") return InputFormat::text;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::html;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::jsonl;
  return InputFormat::unsupported;
}

std::vector<std::filesystem::path> list_input_files(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    throw Error(ErrorKind::input_error, "no such file or directory");
  }
  if (!fs::is_directory(status)) return {root};

  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) throw Error(ErrorKind::input_error, ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) throw Error(ErrorKind::input_error, ec.message());
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
