// Reading input files, gzip-compressed or not, with size limits (internal).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <zlib.h>

namespace nsearch {

/// A file opened for sequential reading; `.gz` content is decompressed transparently.
class InputFile {
 public:
  /// Throws Error(input_error) when the file cannot be opened.
  explicit InputFile(const std::filesystem::path& path);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  enum class LineStatus { ok, too_long, end };
  /// Reads the next line (without the '\n'). A line longer than `max_bytes` is consumed and
  /// reported as too_long with `line` empty.
  LineStatus read_line(std::string& line, std::size_t max_bytes);

  /// Reads the rest of the file; throws Error(input_error) when it exceeds `max_bytes`.
  std::string read_all(std::size_t max_bytes);

  /// Uncompressed bytes consumed so far.
  std::size_t bytes_read() const { return consumed_; }

 private:
  bool fill();  // refills buf_; false at end of file

  std::filesystem::path path_;
  gzFile file_ = nullptr;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::size_t consumed_ = 0;
};

/// True when the start of `data` looks like a binary file (NUL bytes) rather than text.
bool looks_binary(std::string_view data);

}  // namespace nsearch
