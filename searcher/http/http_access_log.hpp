// The access log of the HTTP server: one line per request (internal).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace nsearch {

struct AccessRecord {
  std::string_view remote_addr;
  std::string_view method;
  std::string_view target;   ///< path and query string as sent
  std::string_view version;  ///< "HTTP/1.1"
  int status = 0;
  std::size_t bytes = 0;                              ///< response body size
  std::optional<std::chrono::microseconds> duration;  ///< time spent answering, when known
  std::chrono::system_clock::time_point time;
};

/// Common Log Format plus the duration in milliseconds, e.g.
/// 127.0.0.1 - - [28/Nov/2026:01:30:00 +0000] "GET /api/stats HTTP/1.1" 200 91 0.4ms
/// Control characters in the request are replaced, so a line is always one line.
std::string access_log_line(const AccessRecord& record);

}  // namespace nsearch
