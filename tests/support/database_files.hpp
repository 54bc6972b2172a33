// What a database looks like on disk (test support; no library dependencies).
#pragma once

#include <cstdint>
#include <filesystem>

namespace nsearch::test {

/// Bytes in a database's table files (how compact it is).
inline std::uintmax_t table_bytes(const std::filesystem::path& db_path) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(db_path)) {
    if (entry.path().extension() == ".glass") bytes += entry.file_size();
  }
  return bytes;
}

}  // namespace nsearch::test
