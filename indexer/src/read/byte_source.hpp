// A sequential source of bytes: a file, a decompressed stream, an archive member (internal).
#pragma once

#include <cstddef>

namespace nsearch {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `n` bytes into `buf`; returns how many, 0 at the end. Throws Error
  /// (input_error) when the data cannot be read (corrupt compression, I/O error).
  virtual std::size_t read(char* buf, std::size_t n) = 0;
};

}  // namespace nsearch
