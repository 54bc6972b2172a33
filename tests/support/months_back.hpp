// A relative date in months ("NNm") reaching from today (UTC) back to the same day of January
// 2022, and that day as an absolute date: tests of relative dates compare the two on corpus/
// (2019-2024), which has articles on both sides whatever day they run on (test support).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace nsearch::test {

struct MonthsBack {
  std::string relative;  ///< e.g. "58m"
  std::string absolute;  ///< e.g. "2022-01-28"
};

/// Today in UTC, the day relative dates count back from.
inline std::chrono::year_month_day today_utc() {
  using namespace std::chrono;
  return year_month_day{floor<days>(system_clock::now())};
}

inline MonthsBack months_back_to_january_2022() {
  const std::chrono::year_month_day today = today_utc();
  const int months = (static_cast<int>(today.year()) - 2022) * 12 +
                     static_cast<int>(static_cast<unsigned>(today.month())) - 1;
  char day[16];
  std::snprintf(day, sizeof day, "2022-01-%02u", static_cast<unsigned>(today.day()));
  return {std::to_string(months) + "m", day};
}

}  // namespace nsearch::test
