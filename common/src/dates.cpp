#include "nsearch/dates.hpp"

#include <chrono>
#include <cstdio>

namespace nsearch {
namespace {

// A cursor over the date text; every reader returns false without consuming on mismatch.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i == s.size(); }
  bool peek(char c) const { return i < s.size() && s[i] == c; }
  bool take(char c) {
    if (!peek(c)) return false;
    ++i;
    return true;
  }
  bool digits(int count, int* out) {
    if (i + static_cast<std::size_t>(count) > s.size()) return false;
    int v = 0;
    for (int k = 0; k < count; ++k) {
      const char c = s[i + static_cast<std::size_t>(k)];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i += static_cast<std::size_t>(count);
    *out = v;
    return true;
  }
};

}  // namespace

bool is_valid_day(int year, int month, int day) {
  using namespace std::chrono;
  if (year < 1 || year > 9999) return false;
  return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

std::optional<DateTime> parse_iso_date(std::string_view text, bool allow_partial) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  Cursor c{text};
  DateTime dt;
  if (!c.digits(4, &dt.year)) return std::nullopt;
  dt.month = dt.day = 1;
  if (c.done()) return allow_partial && dt.year >= 1 ? std::optional(dt) : std::nullopt;
  if (!c.take('-') || !c.digits(2, &dt.month)) return std::nullopt;
  if (c.done()) {
    if (!allow_partial || dt.month < 1 || dt.month > 12) return std::nullopt;
    return dt;
  }
  if (!c.take('-') || !c.digits(2, &dt.day)) return std::nullopt;
  if (!is_valid_day(dt.year, dt.month, dt.day)) return std::nullopt;
  if (c.done()) return dt;

  if (!c.take('T') && !c.take(' ') && !c.take('t')) return std::nullopt;
  if (!c.digits(2, &dt.hour) || !c.take(':') || !c.digits(2, &dt.minute)) return std::nullopt;
  if (c.take(':') && !c.digits(2, &dt.second)) return std::nullopt;
  if (c.take('.') || c.take(',')) {
    int ignored = 0;
    if (!c.digits(1, &ignored)) return std::nullopt;
    while (c.digits(1, &ignored)) {
    }
  }
  // Leap seconds (":60") are folded into the minute's last second.
  if (dt.hour > 23 || dt.minute > 59 || dt.second > 60) return std::nullopt;
  if (dt.second == 60) dt.second = 59;
  dt.has_time = true;

  int offset_minutes = 0;
  if (c.take('Z') || c.take('z')) {
    dt.utc = true;
  } else if (c.peek('+') || c.peek('-')) {
    const int sign = c.take('-') ? -1 : (c.take('+'), 1);
    int oh = 0, om = 0;
    if (!c.digits(2, &oh)) return std::nullopt;
    if (c.take(':')) {
      if (!c.digits(2, &om)) return std::nullopt;
    } else {
      (void)c.digits(2, &om);
    }
    if (oh > 18 || om > 59) return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
    dt.utc = true;
  }
  if (!c.done()) return std::nullopt;

  if (offset_minutes != 0) {
    using namespace std::chrono;
    const sys_days day{year_month_day{std::chrono::year{dt.year},
                                      std::chrono::month{static_cast<unsigned>(dt.month)},
                                      std::chrono::day{static_cast<unsigned>(dt.day)}}};
    const auto local = sys_seconds{day} + hours{dt.hour} + minutes{dt.minute} + seconds{dt.second};
    const auto utc = local - minutes{offset_minutes};
    const auto utc_day = floor<days>(utc);
    const year_month_day ymd{utc_day};
    const hh_mm_ss tod{utc - utc_day};
    dt.year = static_cast<int>(ymd.year());
    dt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    dt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    dt.hour = static_cast<int>(tod.hours().count());
    dt.minute = static_cast<int>(tod.minutes().count());
    dt.second = static_cast<int>(tod.seconds().count());
    if (dt.year < 1 || dt.year > 9999) return std::nullopt;
  }
  return dt;
}

std::string DateTime::iso() const {
  char buf[32];
  if (!has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%s", year, month, day, hour,
                  minute, second, utc ? "Z" : "");
  }
  return buf;
}

std::string DateTime::sort_key() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", year, month, day, hour, minute,
                second);
  return buf;
}

}  // namespace nsearch
