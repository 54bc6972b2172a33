// What every input reader gets: where to send articles and where to report bad records.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "nsearch/article.hpp"

namespace nsearch {

/// Hard limits on hostile inputs.
inline constexpr std::size_t kMaxTextFileBytes = 32u << 20;  // a single text article
inline constexpr std::size_t kMaxLineBytes = 16u << 20;      // one JSON Lines record
inline constexpr std::size_t kMaxHtmlFileBytes = 16u << 20;  // one HTML page

struct ReadContext {
  std::string path;  ///< the input as the user named it, for messages and sources
  std::function<void(Article&&)> emit;
  /// A record (line 0 = the whole file) was skipped for `reason`.
  std::function<void(std::size_t line, const std::string& reason)> reject;
};

}  // namespace nsearch
