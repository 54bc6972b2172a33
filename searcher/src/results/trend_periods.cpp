#include "results/trend_periods.hpp"

#include <chrono>
#include <cstdio>

#include "nsearch/dates.hpp"

namespace nsearch {
namespace {

// 1970-01-05, day 4 of the Unix epoch, was a Monday.
constexpr std::int64_t kFirstMonday = 4;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::optional<int> digits(std::string_view text) {
  int n = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string iso_day(std::int64_t day_number) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day_number}}};
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace

std::optional<std::int64_t> PeriodNumbering::of_key(std::string_view key) const {
  if (key.size() < 8) return std::nullopt;
  const auto year = digits(key.substr(0, 4));
  const auto month = digits(key.substr(4, 2));
  const auto day = digits(key.substr(6, 2));
  if (!year || !month || !day || !is_valid_day(*year, *month, *day)) return std::nullopt;
  switch (by_) {
    case TrendPeriod::year:
      return *year;
    case TrendPeriod::month:
      return std::int64_t{*year} * 12 + (*month - 1);
    case TrendPeriod::day:
    case TrendPeriod::week:
      break;
  }
  const std::int64_t day_number =
      std::chrono::sys_days{std::chrono::year{*year} / *month / *day}.time_since_epoch().count();
  return by_ == TrendPeriod::day ? day_number : floor_div(day_number - kFirstMonday, 7);
}

std::string PeriodNumbering::label(std::int64_t period) const {
  char text[48];
  switch (by_) {
    case TrendPeriod::year:
      std::snprintf(text, sizeof text, "%04d", static_cast<int>(period));
      return text;
    case TrendPeriod::month:
      std::snprintf(text, sizeof text, "%04d-%02d", static_cast<int>(floor_div(period, 12)),
                    static_cast<int>(period - floor_div(period, 12) * 12 + 1));
      return text;
    case TrendPeriod::day:
      return iso_day(period);
    case TrendPeriod::week:
      break;
  }
  return iso_day(period * 7 + kFirstMonday);
}

}  // namespace nsearch
