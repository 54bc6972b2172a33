// Shared by the fuzz targets: fuzz data as an input stream, and a read context that swallows
// what a reader emits while checking the invariants every reader promises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "nsearch/error.hpp"
#include "read/byte_source.hpp"
#include "read/reader.hpp"

namespace nsearch::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Bytes of the fuzz input handed out in pieces of varying size, as a file or a decompressor
/// would, so that buffer refills happen at arbitrary offsets.
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read(char* buf, std::size_t n) override {
    const std::size_t piece = std::min({n, bytes_.size() - pos_, next_piece()});
    std::memcpy(buf, bytes_.data() + pos_, piece);
    pos_ += piece;
    return piece;
  }

 private:
  std::size_t next_piece() {
    pieces_ = pieces_ * 1103515245u + 12345u;  // deterministic, varies from read to read
    return 1 + (pieces_ >> 8) % 8192;
  }
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::uint32_t pieces_ = 1;
};

/// Aborts (a finding) when `condition` fails: an invariant of the code under test.
inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
  }
}

/// A context that accepts every article and rejection. Rejections must name a reason, and an
/// article must identify something (readers drop records that identify nothing).
inline ReadContext counting_context(std::size_t& articles) {
  return ReadContext{
      "fuzz-input",
      [&articles](Article&& a) {
        require(identifies_something(a), "an emitted article identifies something");
        ++articles;
      },
      [](std::size_t, SkipReason, const std::string& reason) {
        require(!reason.empty(), "a rejection names its reason");
      },
      [] {},
  };
}

}  // namespace nsearch::fuzz
