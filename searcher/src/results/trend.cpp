#include "results/trend.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "match/matching_query.hpp"
#include "nsearch/error.hpp"
#include "query/query_builder.hpp"
#include "results/trend_periods.hpp"

namespace nsearch {
namespace {

constexpr std::int64_t kNoPeriod = std::numeric_limits<std::int64_t>::min();

// The period of each date index, computed once per distinct date.
class DatePeriods {
 public:
  explicit DatePeriods(TrendPeriod by) : numbering_(by) {}
  std::int64_t of(std::uint32_t date, const std::vector<std::string>& dates) {
    if (date == 0) return kNoPeriod;
    if (date >= period_.size()) period_.resize(dates.size(), kUnknown);
    if (period_[date] == kUnknown)
      period_[date] = numbering_.of_key(dates[date]).value_or(kNoPeriod);
    return period_[date];
  }
  const PeriodNumbering& numbering() const { return numbering_; }

 private:
  static constexpr std::int64_t kUnknown = kNoPeriod + 1;
  PeriodNumbering numbering_;
  std::vector<std::int64_t> period_;
};

// One set of matches: the period and story of each dated match.
struct Dated {
  std::int64_t period;
  std::uint32_t story;
};

std::vector<Dated> dated(const std::vector<Xapian::docid>& docids, DateStoryValues& values,
                         DatePeriods& periods) {
  std::vector<Dated> out;
  out.reserve(docids.size());
  for (const Xapian::docid did : docids) {
    const auto [date, story] = values.of(did);
    const std::int64_t period = periods.of(date, values.dates());
    if (period != kNoPeriod) out.push_back({period, story});
  }
  return out;
}

// Articles, or distinct stories, per period from `first` on (`counts` sized to the periods).
std::vector<std::size_t> per_period(const std::vector<Dated>& matches, std::int64_t first,
                                    std::size_t periods, CountUnit unit) {
  std::vector<std::size_t> counts(periods, 0);
  const auto slot = [&](std::int64_t period) -> std::size_t* {
    if (period < first || period - first >= static_cast<std::int64_t>(periods)) return nullptr;
    return &counts[static_cast<std::size_t>(period - first)];
  };
  if (unit == CountUnit::articles) {
    for (const Dated& match : matches)
      if (std::size_t* count = slot(match.period)) ++*count;
    return counts;
  }
  // A story counts once in each period where it has a matching copy; no story key: its own.
  std::vector<std::pair<std::int64_t, std::uint32_t>> keyed;
  for (const Dated& match : matches) {
    if (slot(match.period) == nullptr) continue;
    if (match.story == 0) {
      ++*slot(match.period);
    } else {
      keyed.emplace_back(match.period, match.story);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
  for (const auto& [period, story] : keyed)
    ++*slot(period);
  return counts;
}

std::vector<Xapian::docid> all_docids(const AnalysisSource& source, const Xapian::Query& filter) {
  if (!filter.empty()) return matching_docids(source.db, filter, source.local);
  if (source.columns == nullptr)
    return matching_docids(source.db, Xapian::Query::MatchAll, source.local);
  // Every docid: deleted ones have no date, and count nowhere.
  std::vector<Xapian::docid> docids(source.db.get_lastdocid());
  for (Xapian::docid did = 1; did <= docids.size(); ++did)
    docids[did - 1] = did;
  return docids;
}

void check(const TrendRequest& request) {
  if (request.queries.empty() || request.queries.size() > kMaxTrendQueries) {
    throw Error(ErrorKind::invalid_argument,
                "a trend needs 1 to " + std::to_string(kMaxTrendQueries) + " queries, not " +
                    std::to_string(request.queries.size()));
  }
}

}  // namespace

TrendResult compute_trend(const AnalysisSource& source, const TrendRequest& request) {
  check(request);
  const QueryBuilder builder(source.db, source.parsers);
  // Parse every query first: a bad one fails before any counting.
  std::vector<Xapian::Query> queries;
  for (const std::string& text : request.queries) {
    SearchRequest one = request.filters;
    one.query = text;
    queries.push_back(matching_part(builder.build(one).query));
  }
  DateStoryValues values(source.db, source.columns, /*dates=*/true,
                         /*stories=*/request.count == CountUnit::stories);
  DatePeriods periods(request.by);
  const std::vector<Dated> all =
      dated(all_docids(source, builder.filters(request.filters)), values, periods);

  std::optional<std::int64_t> first, last;
  const PeriodNumbering& numbering = periods.numbering();
  if (!request.filters.since.empty())
    first = numbering.of_key(date_lower_key(request.filters.since, "--since"));
  if (!request.filters.until.empty())
    last = numbering.of_key(date_upper_key(request.filters.until, "--until"));
  for (const Dated& match : all) {
    if (!request.filters.since.empty() && !request.filters.until.empty()) break;
    if (request.filters.since.empty()) first = std::min(first.value_or(match.period), match.period);
    if (request.filters.until.empty()) last = std::max(last.value_or(match.period), match.period);
  }
  TrendResult result;
  result.by = request.by;
  result.count = request.count;
  result.normalised = request.normalise;
  std::size_t count = 0;
  if (first && last && *first <= *last) {
    const auto span = static_cast<std::uint64_t>(*last - *first) + 1;
    if (span > kMaxTrendPeriods) {
      throw Error(ErrorKind::invalid_argument,
                  std::to_string(span) + " periods is more than " +
                      std::to_string(kMaxTrendPeriods) +
                      ": count by a longer period, or narrow --since/--until");
    }
    count = static_cast<std::size_t>(span);
    for (std::size_t i = 0; i < count; ++i)
      result.periods.push_back(numbering.label(*first + static_cast<std::int64_t>(i)));
  }
  const std::int64_t start = first.value_or(0);
  result.totals = per_period(all, start, count, request.count);
  for (std::size_t q = 0; q < queries.size(); ++q) {
    TrendSeries series;
    series.query = request.queries[q];
    const auto matches =
        dated(matching_docids(source.db, queries[q], source.local), values, periods);
    series.counts = per_period(matches, start, count, request.count);
    if (request.normalise) {
      for (std::size_t i = 0; i < count; ++i) {
        series.shares.push_back(result.totals[i] == 0 ? 0.0
                                                      : static_cast<double>(series.counts[i]) /
                                                            static_cast<double>(result.totals[i]));
      }
    }
    result.series.push_back(std::move(series));
  }
  return result;
}

}  // namespace nsearch
