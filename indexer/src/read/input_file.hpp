// Buffered sequential reading of one input stream, with size limits (internal).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "read/byte_source.hpp"

namespace nsearch {

class ArchiveReader;
class ExpansionGuard;

/// A stream read sequentially: lines, whole contents, or bytes. Either a file of its own
/// (compressed content is decompressed transparently) or a ByteSource such as an archive member.
class InputFile {
 public:
  /// Opens a file as one stream (gzip, bzip2, xz, zstd... decompressed by content).
  /// Throws Error(input_error) when the file cannot be opened.
  explicit InputFile(const std::filesystem::path& path);
  /// Reads `source`, which must outlive this object.
  explicit InputFile(ByteSource& source);
  ~InputFile();
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  enum class LineStatus { ok, too_long, end };
  /// Reads the next line (without the '\n' or "\r\n"). A line longer than `max_bytes` is
  /// consumed and reported as too_long with `line` empty.
  LineStatus read_line(std::string& line, std::size_t max_bytes);

  /// Reads the rest of the stream; throws Error(input_error) when it exceeds `max_bytes`.
  std::string read_all(std::size_t max_bytes);

  /// The next bytes without consuming them: up to `n` (at most the buffer size, 256 KiB),
  /// fewer only at the end of the stream.
  std::string_view peek(std::size_t n);

  /// The next byte, or -1 at the end.
  int get() {
    if (pos_ == end_ && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_++]);
  }

  /// Appends up to `n` bytes to `out`; returns how many (fewer only at the end).
  std::size_t read(std::string& out, std::size_t n);
  /// Discards up to `n` bytes; returns how many.
  std::size_t skip(std::size_t n);

  /// Uncompressed bytes consumed so far.
  std::size_t bytes_read() const { return consumed_; }

 private:
  bool fill();  // refills buf_ after the unread bytes; false when nothing more came

  std::unique_ptr<ExpansionGuard> guard_;  // when the file is our own
  std::unique_ptr<ArchiveReader> archive_;
  ByteSource* source_ = nullptr;  // null for an empty file
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::size_t consumed_ = 0;
};

/// True when the start of `data` looks like a binary file (NUL bytes) rather than text.
bool looks_binary(std::string_view data);

}  // namespace nsearch
