// The length of UTF-8 text in code points, not bytes (test support).
#pragma once

#include <cstddef>
#include <string_view>

namespace nsearch::test {

inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace nsearch::test
