#include "read/input_file.hpp"

#include <algorithm>
#include <cstring>

#include "nsearch/error.hpp"
#include "read/archive_input.hpp"
#include "read/skip_reasons.hpp"

namespace nsearch {

namespace {
constexpr std::size_t kBufferBytes = 256 * 1024;

std::uint64_t size_on_disk(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}
}  // namespace

InputFile::InputFile(const std::filesystem::path& path)
    : guard_(std::make_unique<ExpansionGuard>(size_on_disk(path))), buf_(kBufferBytes) {
  try {
    archive_ = std::make_unique<ArchiveReader>(path, *guard_, /*containers=*/false);
    if (archive_->next()) source_ = &archive_->member();
  } catch (const Error& e) {
    throw ReadError(skip_reason_of(e), path.string() + ": " + e.what());
  }
}

InputFile::InputFile(ByteSource& source) : source_(&source), buf_(kBufferBytes) {}

InputFile::~InputFile() = default;

bool InputFile::fill() {
  if (source_ == nullptr) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) return true;
  const std::size_t n = source_->read(buf_.data() + end_, buf_.size() - end_);
  end_ += n;
  consumed_ += n;
  return n > 0;
}

std::string_view InputFile::peek(std::size_t n) {
  n = std::min(n, buf_.size());
  while (end_ - pos_ < n && fill()) {
  }
  return {buf_.data() + pos_, std::min(n, end_ - pos_)};
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
  std::string out;
  for (;;) {
    if (pos_ == end_ && !fill()) break;
    if (out.size() + (end_ - pos_) > max_bytes) {
      throw ReadError(SkipReason::over_limit,
                      "larger than the limit of " + std::to_string(max_bytes >> 20) + " MiB");
    }
    out.append(buf_.data() + pos_, end_ - pos_);
    pos_ = end_;
  }
  return out;
}

std::size_t InputFile::read(std::string& out, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    if (pos_ == end_ && !fill()) break;
    const std::size_t take = std::min(n - done, end_ - pos_);
    out.append(buf_.data() + pos_, take);
    pos_ += take;
    done += take;
  }
  return done;
}

std::size_t InputFile::skip(std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    if (pos_ == end_ && !fill()) break;
    const std::size_t take = std::min(n - done, end_ - pos_);
    pos_ += take;
    done += take;
  }
  return done;
}

bool looks_binary(std::string_view data) {
  const std::string_view head = data.substr(0, 8192);
  return head.find('\0') != std::string_view::npos;
}

}  // namespace nsearch
