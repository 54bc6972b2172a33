#include "skip_reasons.hpp"

#include <array>
#include <utility>

#include "text_util.hpp"

namespace nsearch {

std::string skip_category(std::string_view reason) {
  // First match wins: "binary data, not JSON" is binary data before it is malformed.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 32> kCues{{
      {"larger than", "over a limit"},
      {"longer than", "over a limit"},
      {"more than", "over a limit"},
      {"too many", "over a limit"},
      {"expands", "over a limit"},
      {"nested", "over a limit"},
      {"invalid utf-8", "invalid encoding"},
      {"encoding", "invalid encoding"},
      {"charset", "invalid encoding"},
      {"binary", "binary data"},
      {"truncated", "truncated"},
      {"ends inside", "truncated"},
      {"unexpected end", "truncated"},
      {"no article", "no article"},
      {"empty", "no article"},
      {"has no id, url, title or body", "no article"},
      {"unsupported", "unsupported format"},
      {"not a warc", "unsupported format"},
      {"no column", "unsupported format"},
      {"no header", "unsupported format"},
      {"no such file", "unreadable"},
      {"cannot open", "unreadable"},
      {"cannot read", "unreadable"},
      {"permission", "unreadable"},
      {"i/o error", "unreadable"},
      {"not json", "malformed record"},
      {"not a json", "malformed record"},
      {"parse", "malformed record"},
      {"malformed", "malformed record"},
      {"expected", "malformed record"},
      {"unexpected", "malformed record"},
      {"corrupt", "malformed record"},
  }};
  const std::string lower = text::ascii_lowercase(reason);
  for (const auto& [cue, category] : kCues) {
    if (lower.find(cue) != std::string::npos) return std::string(category);
  }
  return "other";
}

}  // namespace nsearch
