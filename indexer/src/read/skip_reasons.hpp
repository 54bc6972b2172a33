// Why inputs are skipped: the categories of run summaries (internal).
#pragma once

#include <string>
#include <string_view>

#include "nsearch/error.hpp"

namespace nsearch {

/// The reason a file or record was skipped, as the reader that skipped it knows it. Run
/// summaries count skips by these (IndexReport::skipped_by_reason, by skip_reason_name).
enum class SkipReason {
  over_limit,          ///< larger or longer than a limit, nested too deep, expands too much
  invalid_encoding,    ///< not valid UTF-8
  binary_data,         ///< binary content where text was expected
  truncated,           ///< the input ends inside a record
  no_article,          ///< empty, or a record or page with no article in it
  unsupported_format,  ///< not a format nindex reads, or no column to read
  unreadable,          ///< cannot be opened or read (missing, permissions, I/O, bad archive)
  malformed_record,    ///< a record that does not parse (JSON, CSV, WARC, HTTP)
  other,
};

/// "over a limit", "invalid encoding", "binary data", "truncated", "no article",
/// "unsupported format", "unreadable", "malformed record", "other" (as the README lists them).
std::string_view skip_reason_name(SkipReason reason);

/// An input that cannot be read, and why: what the readers throw.
class ReadError : public Error {
 public:
  ReadError(SkipReason reason, const std::string& message)
      : Error(ErrorKind::input_error, message), reason_(reason) {}
  SkipReason reason() const noexcept { return reason_; }

 private:
  SkipReason reason_;
};

/// The reason behind an error caught while reading: a ReadError's own, else `other`.
SkipReason skip_reason_of(const Error& error);

}  // namespace nsearch
