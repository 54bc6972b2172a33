#include "read/skip_reasons.hpp"

namespace nsearch {

std::string_view skip_reason_name(SkipReason reason) {
  switch (reason) {
    case SkipReason::over_limit:
      return "over a limit";
    case SkipReason::invalid_encoding:
      return "invalid encoding";
    case SkipReason::binary_data:
      return "binary data";
    case SkipReason::truncated:
      return "truncated";
    case SkipReason::no_article:
      return "no article";
    case SkipReason::unsupported_format:
      return "unsupported format";
    case SkipReason::unreadable:
      return "unreadable";
    case SkipReason::malformed_record:
      return "malformed record";
    case SkipReason::other:
      break;
  }
  return "other";
}

SkipReason skip_reason_of(const Error& error) {
  const auto* read = dynamic_cast<const ReadError*>(&error);
  return read != nullptr ? read->reason() : SkipReason::other;
}

}  // namespace nsearch
