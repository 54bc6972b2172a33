// What every input reader gets: where to send articles and where to report bad records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "nsearch/article.hpp"

namespace nsearch {

/// Hard limits on hostile inputs.
inline constexpr std::size_t kMaxTextFileBytes = 32u << 20;    // a single text article
inline constexpr std::size_t kMaxLineBytes = 16u << 20;        // one JSON Lines record
inline constexpr std::size_t kMaxHtmlFileBytes = 16u << 20;    // one HTML page
inline constexpr std::size_t kMaxJsonRecordBytes = 16u << 20;  // one record of a JSON file
inline constexpr std::size_t kMaxCsvRecordBytes = 16u << 20;   // one CSV/TSV row
inline constexpr std::size_t kMaxCsvFields = 4096;             // columns of one CSV/TSV row
inline constexpr std::size_t kMaxWarcHeaderBytes = 64u << 10;  // a WARC or HTTP header block
inline constexpr std::size_t kMaxJsonDepth = 64;               // nesting of JSON values
// Archives and compressed inputs: members of one input (all levels), nesting of archives in
// archives, and the expansion ratio (uncompressed / on-disk bytes) tolerated once the output
// exceeds kExpansionCheckBytes. Beyond these the rest of the input is skipped (zip bombs).
inline constexpr std::size_t kMaxArchiveMembers = 1'000'000;
inline constexpr int kMaxArchiveDepth = 3;
inline constexpr std::uint64_t kMaxExpansionRatio = 200;
inline constexpr std::uint64_t kExpansionCheckBytes = 64u << 20;

struct ReadContext {
  std::string path;  ///< the input as the user named it ("a.tar.gz!dir/b.json" for members)
  std::function<void(Article&&)> emit;
  /// A record (line 0 = the whole file) was skipped for `reason`.
  std::function<void(std::size_t line, const std::string& reason)> reject;
  /// A record that holds no article by design (e.g. a WARC request record) was passed over
  /// without a diagnostic. May be empty.
  std::function<void()> ignore{};

  void pass_over() const {
    if (ignore) ignore();
  }
};

/// True when an article read from a record identifies anything (an id, URL, title or body);
/// records that do not are rejected rather than indexed.
inline bool identifies_something(const Article& a) {
  return !a.title.empty() || !a.body.empty() || !a.id.empty() || !a.url.empty();
}

}  // namespace nsearch
