#include "input_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "nsearch/error.hpp"

namespace nsearch {

namespace {
constexpr std::size_t kBufferBytes = 256 * 1024;
}

InputFile::InputFile(const std::filesystem::path& path) : path_(path), buf_(kBufferBytes) {
  file_ = gzopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    throw Error(ErrorKind::input_error,
                path.string() + ": cannot open: " + std::strerror(errno != 0 ? errno : ENOENT));
  }
  gzbuffer(file_, kBufferBytes);
}

InputFile::~InputFile() {
  if (file_ != nullptr) gzclose(file_);
}

bool InputFile::fill() {
  const int n = gzread(file_, buf_.data(), static_cast<unsigned>(buf_.size()));
  if (n < 0) {
    int code = 0;
    const char* msg = gzerror(file_, &code);
    throw Error(ErrorKind::input_error, path_.string() + ": read error: " + (msg ? msg : "?"));
  }
  pos_ = 0;
  end_ = static_cast<std::size_t>(n);
  consumed_ += end_;
  return n > 0;
}

InputFile::LineStatus InputFile::read_line(std::string& line, std::size_t max_bytes) {
  line.clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (!any) return LineStatus::end;
      break;
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const char* stop = buf_.data() + end_;
    const char* nl = std::find(start, stop, '\n');
    const auto chunk = static_cast<std::size_t>(nl - start);
    if (!too_long) {
      if (line.size() + chunk > max_bytes) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(start, chunk);
      }
    }
    pos_ += chunk;
    if (nl != stop) {
      ++pos_;  // the '\n'
      break;
    }
  }
  if (too_long) return LineStatus::too_long;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return LineStatus::ok;
}

std::string InputFile::read_all(std::size_t max_bytes) {
  std::string out(buf_.data() + pos_, end_ - pos_);
  pos_ = end_;
  while (fill()) {
    if (out.size() + end_ > max_bytes) {
      throw Error(ErrorKind::input_error,
                  "larger than the limit of " + std::to_string(max_bytes >> 20) + " MiB");
    }
    out.append(buf_.data(), end_);
    pos_ = end_;
  }
  return out;
}

bool looks_binary(std::string_view data) {
  const std::string_view head = data.substr(0, 8192);
  return head.find('\0') != std::string_view::npos;
}

}  // namespace nsearch
