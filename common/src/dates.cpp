#include "nsearch/dates.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

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

std::optional<DateTime> to_utc(DateTime dt, int offset_minutes) {
  if (offset_minutes == 0) return dt;
  using namespace std::chrono;
  const sys_days day{year_month_day{std::chrono::year{dt.year},
                                    std::chrono::month{static_cast<unsigned>(dt.month)},
                                    std::chrono::day{static_cast<unsigned>(dt.day)}}};
  const auto utc = sys_seconds{day} + hours{dt.hour} + minutes{dt.minute} + seconds{dt.second} -
                   minutes{offset_minutes};
  const auto utc_day = floor<days>(utc);
  const year_month_day ymd{utc_day};
  const hh_mm_ss tod{utc - utc_day};
  // A zone can carry 31 Dec 9999 into year 10000 (or 1 Jan of the first year back a year):
  // outside the range every date must fit, so the date is refused rather than stored wrong.
  if (!is_valid_day(static_cast<int>(ymd.year()), static_cast<int>(unsigned{ymd.month()}),
                    static_cast<int>(unsigned{ymd.day()})))
    return std::nullopt;
  dt.year = static_cast<int>(ymd.year());
  dt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  dt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  dt.hour = static_cast<int>(tod.hours().count());
  dt.minute = static_cast<int>(tod.minutes().count());
  dt.second = static_cast<int>(tod.seconds().count());
  return dt;
}

}  // namespace

bool is_valid_day(int year, int month, int day) {
  using namespace std::chrono;
  if (year < kFirstYear || year > kLastYear) return false;
  // std::chrono::day and month hold values up to 255 only: day 2842 would wrap to a valid 26.
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
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
    const auto utc = to_utc(dt, offset_minutes);
    if (!utc || utc->year < kFirstYear || utc->year > kLastYear) return std::nullopt;
    return utc;
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

// ---- Free-form dates ----------------------------------------------------------------------

namespace nsearch {
namespace {

enum class TokenKind { number, word, time, sep, offset };

struct Token {
  TokenKind kind;
  int value = 0;            // number: value; offset: minutes east of UTC
  int digits = 0;           // number: digit count
  int h = 0, m = 0, s = 0;  // time
  std::string word{};       // word (lower case, dots removed)
  char sep = 0;             // sep: one of / - . ,
};

constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};

// 1..12 for "sep", "sept", "september"; 0 when not a month name.
int month_of(std::string_view w) {
  if (w.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    const std::string_view full = kMonths[i];
    if (w == full || (w.size() <= full.size() && full.starts_with(w) && w.size() >= 3 &&
                      (w.size() == 3 || w == "sept"))) {
      return i + 1;
    }
  }
  return 0;
}

bool is_weekday(std::string_view w) {
  constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
  for (const auto d : kDays) {
    if (w == d || (w.size() >= 3 && d.starts_with(w) && w.size() <= 5)) return true;
  }
  return false;
}

// Zone abbreviations news pages print, as minutes east of UTC. "ET"/"PT" follow US daylight
// saving by month (close enough for a publication date).
std::optional<int> zone_offset(std::string_view w, int month) {
  const bool us_summer = month >= 4 && month <= 10;
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"z", 0},      {"gmt", 0},    {"utc", 0},    {"ut", 0},     {"bst", 60},   {"cet", 60},
      {"cest", 120}, {"eet", 120},  {"eest", 180}, {"msk", 180},  {"ist", 330},  {"sgt", 480},
      {"hkt", 480},  {"jst", 540},  {"kst", 540},  {"aest", 600}, {"aedt", 660}, {"awst", 480},
      {"wst", 480},  {"nzst", 720}, {"nzdt", 780}, {"est", -300}, {"edt", -240}, {"cst", -360},
      {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540},
      {"hst", -600}, {"wat", 60},   {"cat", 120},  {"eat", 180},  {"sast", 120},
  };
  for (const auto& z : kZones) {
    if (w == z.name) return z.minutes;
  }
  if (w == "et") return us_summer ? -240 : -300;
  if (w == "ct") return us_summer ? -300 : -360;
  if (w == "mt") return us_summer ? -360 : -420;
  if (w == "pt") return us_summer ? -420 : -480;
  return std::nullopt;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Splits date text into tokens; false on characters no date contains.
bool tokenize(std::string_view text, std::vector<Token>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (is_digit(c)) {
      std::size_t j = i;
      int v = 0;
      while (j < text.size() && is_digit(text[j]) && j - i < 9)
        v = v * 10 + (text[j++] - '0');
      if (j < text.size() && is_digit(text[j])) return false;  // absurdly long number
      // h:mm[:ss][.fff]
      if (j + 2 < text.size() && text[j] == ':' && is_digit(text[j + 1]) && is_digit(text[j + 2]) &&
          j - i <= 2) {
        Token t{TokenKind::time};
        t.h = v;
        t.m = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
        j += 3;
        if (j + 2 < text.size() && text[j] == ':' && is_digit(text[j + 1]) &&
            is_digit(text[j + 2])) {
          t.s = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
          j += 3;
          if (j < text.size() && (text[j] == '.' || text[j] == ',') && j + 1 < text.size() &&
              is_digit(text[j + 1])) {
            ++j;
            while (j < text.size() && is_digit(text[j]))
              ++j;
          }
        }
        out.push_back(t);
      } else {
        Token t{TokenKind::number};
        t.value = v;
        t.digits = static_cast<int>(j - i);
        // Ordinal suffixes: 24th, 1st, 2nd, 3rd.
        if (j + 2 <= text.size()) {
          const std::string suffix = lower_ascii(text.substr(j, 2));
          if ((suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
              (j + 2 == text.size() || !is_alpha(text[j + 2]))) {
            j += 2;
          }
        }
        out.push_back(t);
      }
      i = j;
    } else if (is_alpha(c)) {
      std::size_t j = i;
      std::string w;
      // Words may contain dots: "a.m.", "sept."
      while (j < text.size() && (is_alpha(text[j]) || (text[j] == '.' && !w.empty()))) {
        if (text[j] != '.') w.push_back(text[j]);
        ++j;
      }
      if (w.size() > 12) return false;
      Token t{TokenKind::word};
      t.word = lower_ascii(w);
      out.push_back(t);
      i = j;
    } else if ((c == '+' || c == '-') && !out.empty() && out.back().kind == TokenKind::time &&
               i + 1 < text.size() && is_digit(text[i + 1])) {
      // Numeric zone after a time: +02:00, -0500, +02.
      std::size_t j = i + 1;
      int hh = 0, mm = 0, n = 0;
      while (j < text.size() && is_digit(text[j]) && n < 2)
        hh = hh * 10 + (text[j++] - '0'), ++n;
      if (j < text.size() && text[j] == ':') ++j;
      n = 0;
      while (j < text.size() && is_digit(text[j]) && n < 2)
        mm = mm * 10 + (text[j++] - '0'), ++n;
      if (hh > 18 || mm > 59) return false;
      Token t{TokenKind::offset};
      t.value = (c == '-' ? -1 : 1) * (hh * 60 + mm);
      out.push_back(t);
      i = j;
    } else if (c == '/' || c == '-' || c == '.' || c == ',') {
      Token t{TokenKind::sep};
      t.sep = c;
      out.push_back(t);
      ++i;
    } else if (c == '(' || c == ')' || c == '|' || c == ':' || c == '@' || c == '\'') {
      ++i;  // decoration: "(GMT)", "| 10:32", "Published: ..."
    } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      i += 2;  // no-break space
    } else {
      return false;
    }
  }
  return true;
}

// Days/hours before the anchor: "yesterday", "3 hours ago".
std::optional<DateTime> parse_relative(const std::vector<Token>& t, const DateTime& anchor) {
  using namespace std::chrono;
  const sys_days day{year_month_day{std::chrono::year{anchor.year},
                                    std::chrono::month{static_cast<unsigned>(anchor.month)},
                                    std::chrono::day{static_cast<unsigned>(anchor.day)}}};
  sys_seconds at =
      sys_seconds{day} + hours{anchor.hour} + minutes{anchor.minute} + seconds{anchor.second};
  bool keep_time = anchor.has_time;
  seconds back{0};
  if (t.size() == 1 && t[0].kind == TokenKind::word &&
      (t[0].word == "today" || t[0].word == "yesterday")) {
    if (t[0].word == "yesterday") back = days{1};
    keep_time = false;
  } else if (t.size() == 3 && t[0].kind == TokenKind::number && t[1].kind == TokenKind::word &&
             t[2].kind == TokenKind::word && t[2].word == "ago") {
    std::string unit = t[1].word;
    if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
    const int n = t[0].value;
    if (unit == "second" || unit == "sec") {
      back = seconds{n};
    } else if (unit == "minute" || unit == "min") {
      back = minutes{n};
    } else if (unit == "hour" || unit == "hr") {
      back = hours{n};
    } else if (unit == "day") {
      back = days{n};
      keep_time = false;
    } else if (unit == "week") {
      back = weeks{n};
      keep_time = false;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // "140426426 hrs ago" reaches back before the first year dates have.
  if (back > at - sys_days{std::chrono::year{kFirstYear} / January / 1}) return std::nullopt;
  at -= back;
  const auto d = floor<days>(at);
  const year_month_day ymd{d};
  DateTime dt;
  dt.year = static_cast<int>(ymd.year());
  dt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  dt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  if (keep_time) {
    const hh_mm_ss tod{at - d};
    dt.hour = static_cast<int>(tod.hours().count());
    dt.minute = static_cast<int>(tod.minutes().count());
    dt.second = static_cast<int>(tod.seconds().count());
    dt.has_time = true;
    dt.utc = anchor.utc;
  }
  return dt;
}

int full_year(const Token& t) {
  if (t.digits == 4) return t.value;
  return -1;
}

// The calendar part: numeric (2021/09/24, 24.09.2021, 20210924) or with a month name.
bool parse_calendar(const std::vector<Token>& t, DateTime& dt) {
  std::vector<const Token*> numbers;
  std::vector<char> seps;
  int month_name = 0;
  std::size_t month_index = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == TokenKind::number) numbers.push_back(&t[i]);
    if (t[i].kind == TokenKind::sep && t[i].sep != ',') seps.push_back(t[i].sep);
    if (t[i].kind == TokenKind::word) {
      const int m = month_of(t[i].word);
      if (m == 0 || month_name != 0) return false;
      month_name = m;
      month_index = numbers.size();
    }
  }
  if (month_name != 0) {
    // "September 24, 2021", "24 Sep 2021", "Sep 24 2021"; the year is four digits.
    if (numbers.size() != 2) return false;
    const Token* day = nullptr;
    const Token* year = nullptr;
    if (full_year(*numbers[1]) > 0 && numbers[0]->digits <= 2) {
      day = numbers[0];
      year = numbers[1];
    } else if (full_year(*numbers[0]) > 0 && numbers[1]->digits <= 2 && month_index == 1) {
      year = numbers[0];  // "2021 Sep 24"
      day = numbers[1];
    } else {
      return false;
    }
    dt.year = year->value;
    dt.month = month_name;
    dt.day = day->value;
    return is_valid_day(dt.year, dt.month, dt.day);
  }
  if (numbers.size() == 1 && numbers[0]->digits == 8) {
    const int v = numbers[0]->value;
    dt.year = v / 10000;
    dt.month = v / 100 % 100;
    dt.day = v % 100;
    return dt.year >= 1900 && dt.year <= 2100 && is_valid_day(dt.year, dt.month, dt.day);
  }
  if (numbers.size() != 3 || seps.size() != 2 || seps[0] != seps[1]) return false;
  const Token& a = *numbers[0];
  const Token& b = *numbers[1];
  const Token& c = *numbers[2];
  if (a.digits == 4) {  // 2021/09/24
    dt.year = a.value;
    dt.month = b.value;
    dt.day = c.value;
  } else if (c.digits == 4 && a.digits <= 2 && b.digits <= 2) {
    dt.year = c.value;
    if (seps[0] == '.' || a.value > 12) {  // 24.09.2021, 24/09/2021
      dt.day = a.value;
      dt.month = b.value;
    } else if (b.value > 12 || a.value == b.value) {  // 09/24/2021
      dt.month = a.value;
      dt.day = b.value;
    } else {
      return false;  // 09/10/2021: September 10 or 9 October? Do not guess.
    }
  } else {
    return false;
  }
  return is_valid_day(dt.year, dt.month, dt.day);
}

}  // namespace

std::optional<DateTime> parse_date(std::string_view text, const std::optional<DateTime>& anchor) {
  if (text.size() > 200) return std::nullopt;
  if (auto iso = parse_iso_date(text)) return iso;

  std::vector<Token> tokens;
  if (!tokenize(text, tokens)) return std::nullopt;
  // Labels and filler words carry no date.
  std::vector<Token> t;
  for (const Token& tok : tokens) {
    if (tok.kind == TokenKind::word &&
        (is_weekday(tok.word) || tok.word == "published" || tok.word == "updated" ||
         tok.word == "posted" || tok.word == "on" || tok.word == "at" || tok.word == "of" ||
         tok.word == "the" || tok.word == "date" || tok.word == "last" || tok.word == "modified")) {
      continue;
    }
    t.push_back(tok);
  }
  if (t.empty()) return std::nullopt;
  if (anchor) {
    if (auto rel = parse_relative(t, *anchor)) return rel;
  }

  // Split off the time of day and its zone: "10:32 a.m. GMT", "08:30:00 +0200".
  DateTime dt;
  std::optional<int> offset;
  std::vector<Token> calendar;
  bool seen_time = false;
  bool after_time = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    if (tok.kind == TokenKind::time && !seen_time) {
      seen_time = after_time = true;
      dt.hour = tok.h;
      dt.minute = tok.m;
      dt.second = tok.s;
      dt.has_time = true;
      continue;
    }
    if (after_time && tok.kind == TokenKind::word && (tok.word == "am" || tok.word == "pm")) {
      if (dt.hour < 1 || dt.hour > 12) return std::nullopt;
      if (tok.word == "pm" && dt.hour != 12) dt.hour += 12;
      if (tok.word == "am" && dt.hour == 12) dt.hour = 0;
      continue;
    }
    if (after_time && tok.kind == TokenKind::offset && !offset) {
      offset = tok.value;
      continue;
    }
    if (after_time && tok.kind == TokenKind::word && !offset) {
      // The month is not known yet for ET/PT; decided after the calendar part below.
      if (zone_offset(tok.word, 6)) {
        calendar.push_back(tok);  // keep a marker, resolved later
        continue;
      }
    }
    if (tok.kind == TokenKind::time || tok.kind == TokenKind::offset) return std::nullopt;
    if (tok.kind == TokenKind::sep && after_time && tok.sep == ',') continue;
    if (tok.kind != TokenKind::sep) after_time = false;
    calendar.push_back(tok);
  }
  // Resolve a zone word now that the month can be known.
  std::string zone_word;
  std::vector<Token> date_part;
  for (const Token& tok : calendar) {
    if (tok.kind == TokenKind::word && month_of(tok.word) == 0 && zone_offset(tok.word, 6)) {
      if (!zone_word.empty()) return std::nullopt;
      zone_word = tok.word;
    } else {
      date_part.push_back(tok);
    }
  }
  while (!date_part.empty() && date_part.back().kind == TokenKind::sep)
    date_part.pop_back();
  while (!date_part.empty() && date_part.front().kind == TokenKind::sep)
    date_part.erase(date_part.begin());
  if (!parse_calendar(date_part, dt)) return std::nullopt;
  if (dt.hour > 23 || dt.minute > 59 || dt.second > 59) return std::nullopt;
  if (!zone_word.empty()) offset = zone_offset(zone_word, dt.month);
  if (offset) {
    dt.utc = true;
    return to_utc(dt, *offset);
  }
  return dt;
}

std::optional<DateTime> find_date(std::string_view text, const std::optional<DateTime>& anchor) {
  constexpr std::size_t kMaxScan = 2000;  // bylines and datelines are short
  constexpr std::size_t kMaxDateBytes = 64;
  text = text.substr(0, kMaxScan);
  auto boundary_before = [&](std::size_t i) {
    return i == 0 || !(is_alpha(text[i - 1]) || is_digit(text[i - 1]));
  };
  for (std::size_t start = 0; start < text.size(); ++start) {
    if (!boundary_before(start) || !(is_alpha(text[start]) || is_digit(text[start]))) continue;
    const std::size_t limit = std::min(text.size(), start + kMaxDateBytes);
    // Longest candidate first, ending at a word boundary.
    for (std::size_t end = limit; end > start; --end) {
      if (end < text.size() && (is_alpha(text[end]) || is_digit(text[end])) &&
          (is_alpha(text[end - 1]) || is_digit(text[end - 1]))) {
        continue;
      }
      if (auto dt = parse_date(text.substr(start, end - start), anchor)) return dt;
    }
  }
  return std::nullopt;
}

}  // namespace nsearch
