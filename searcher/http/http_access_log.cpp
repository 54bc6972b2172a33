#include "http_access_log.hpp"

#include <array>
#include <cstdio>
#include <ctime>

namespace nsearch {
namespace {

void append_printable(std::string& out, std::string_view s) {
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f || c == '"' ? '?' : c;
  }
}

}  // namespace

std::string access_log_line(const AccessRecord& record) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(record.time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 40> when{};
  std::strftime(when.data(), when.size(), "[%d/%b/%Y:%H:%M:%S +0000]", &utc);

  std::string line;
  append_printable(line, record.remote_addr.empty() ? "-" : record.remote_addr);
  line += " - - ";
  line += when.data();
  line += " \"";
  append_printable(line, record.method);
  line += ' ';
  append_printable(line, record.target);
  line += ' ';
  append_printable(line, record.version);
  line += "\" " + std::to_string(record.status) + " " + std::to_string(record.bytes) + " ";
  if (record.duration) {
    std::array<char, 32> ms{};
    std::snprintf(ms.data(), ms.size(), "%.1fms",
                  static_cast<double>(record.duration->count()) / 1000.0);
    line += ms.data();
  } else {
    line += "-";
  }
  line += '\n';
  return line;
}

}  // namespace nsearch
