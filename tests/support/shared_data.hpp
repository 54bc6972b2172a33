// Where the shared test data lives (test support).
#pragma once

#include <cstdlib>
#include <filesystem>

namespace nsearch::test {

/// $NSEARCH_SHARED_DIR when set, else the `shared/` folder beside the source checkout.
/// Tests that need it skip when the files they want are absent.
inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("NSEARCH_SHARED_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return NSEARCH_SHARED_DIR;
}

/// The shared Reuters-21578 collection as JSON Lines (gzipped); absent without ../shared.
inline std::filesystem::path reuters21578() {
  return shared_dir() / "data/news-en/reuters21578/reuters21578.jsonl.gz";
}

}  // namespace nsearch::test
