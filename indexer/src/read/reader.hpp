// What every input reader gets: where to send articles and where to report bad records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "nsearch/article.hpp"
#include "nsearch/limits.hpp"
#include "read/skip_reasons.hpp"

namespace nsearch {

struct ReadContext {
  std::string path;  ///< the input as the user named it ("a.tar.gz!dir/b.json" for members)
  std::function<void(Article&&)> emit;
  /// A record (line 0 = the whole file) was skipped for `reason`; `message` says what is wrong.
  std::function<void(std::size_t line, SkipReason reason, const std::string& message)> reject;
  /// A record that holds no article by design (e.g. a WARC request record) was passed over
  /// without a diagnostic. May be empty.
  std::function<void()> ignore{};
  /// A record was read, but part of it was beyond a limit and left out (`message` says what).
  /// May be empty.
  std::function<void(std::size_t line, const std::string& message)> warn{};

  void pass_over() const {
    if (ignore) ignore();
  }
  void note(std::size_t line, const std::string& message) const {
    if (warn) warn(line, message);
  }
};

/// True when an article read from a record identifies anything (an id, URL, title or body);
/// records that do not are rejected rather than indexed.
inline bool identifies_something(const Article& a) {
  return !a.title.empty() || !a.body.empty() || !a.id.empty() || !a.url.empty();
}

}  // namespace nsearch
