// Groups the reasons inputs are skipped for, for run summaries (internal).
#pragma once

#include <string>
#include <string_view>

namespace nsearch {

/// The category of a skip reason as the readers word it: "over a limit", "invalid encoding",
/// "binary data", "truncated", "no article", "unsupported format", "unreadable",
/// "malformed record", or "other".
std::string skip_category(std::string_view reason);

}  // namespace nsearch
