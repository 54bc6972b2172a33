// The names of trend periods and count units, as options and JSON spell them.
#include "nsearch/analysis.hpp"
#include "nsearch/error.hpp"

namespace nsearch {

TrendPeriod parse_trend_period(std::string_view text) {
  for (const TrendPeriod period :
       {TrendPeriod::day, TrendPeriod::week, TrendPeriod::month, TrendPeriod::year}) {
    if (text == name_of(period)) return period;
  }
  throw Error(ErrorKind::invalid_argument,
              "bad period \"" + std::string(text) + "\": expected day, week, month or year");
}

CountUnit parse_count_unit(std::string_view text) {
  if (text == "articles") return CountUnit::articles;
  if (text == "stories") return CountUnit::stories;
  throw Error(ErrorKind::invalid_argument,
              "bad count \"" + std::string(text) + "\": expected articles or stories");
}

std::string_view name_of(TrendPeriod period) {
  switch (period) {
    case TrendPeriod::day:
      return "day";
    case TrendPeriod::week:
      return "week";
    case TrendPeriod::month:
      return "month";
    case TrendPeriod::year:
      return "year";
  }
  return "month";
}

std::string_view name_of(CountUnit unit) {
  return unit == CountUnit::stories ? "stories" : "articles";
}

}  // namespace nsearch
