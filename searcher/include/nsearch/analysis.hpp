// News analysis over a database: attention over time for several queries (trends), and the
// words a set of matches is about (significant terms).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// The calendar unit of a trend. Weeks are ISO weeks (Monday to Sunday), named by their Monday.
enum class TrendPeriod { day, week, month, year };

/// What analysis counts: every article (each copy of a syndicated story), or each story once.
enum class CountUnit { articles, stories };

/// At most this many queries in one trend.
inline constexpr std::size_t kMaxTrendQueries = 20;
/// At most this many periods in one trend (about 270 years of days).
inline constexpr std::size_t kMaxTrendPeriods = 100'000;

struct TrendRequest {
  std::vector<std::string> queries;  ///< one series per query, in this order (1..kMaxTrendQueries)
  /// Filters and query options shared by every series: outlets, langs, kind, since, until,
  /// default_operator, free_text. Its `query` is ignored.
  SearchRequest filters{};
  TrendPeriod by = TrendPeriod::month;
  CountUnit count = CountUnit::articles;
  bool normalise = false;  ///< also give each count's share of all articles (stories) then
};

struct TrendSeries {
  std::string query;
  std::vector<std::size_t> counts;  ///< per period: matching articles, or distinct stories
  std::vector<double> shares;       ///< with `normalise`: counts[i] / TrendResult::totals[i]
};

struct TrendResult {
  TrendPeriod by = TrendPeriod::month;
  CountUnit count = CountUnit::articles;
  bool normalised = false;
  /// Every period from `since` (else the first dated article passing the filters) to `until`
  /// (else the last), oldest first: "2021-09-24", "2021-09-20" (a week's Monday), "2021-09",
  /// "2021". Empty when no article passing the filters has a date.
  std::vector<std::string> periods;
  /// Per period: all articles (stories) passing the filters, whatever the query.
  std::vector<std::size_t> totals;
  std::vector<TrendSeries> series;  ///< in the order of TrendRequest::queries
};

/// Significant terms are drawn from the term lists of at most this many matches, spread evenly
/// over the match set; their counts are then exact.
inline constexpr std::size_t kTermsSample = 300;

/// At most this many terms in one answer.
inline constexpr std::size_t kMaxSignificantTerms = 200;

struct TermsRequest {
  /// The query and filters of the match set (query text required; hits options ignored).
  SearchRequest search{};
  std::size_t limit = 20;              ///< terms to return (1..kMaxSignificantTerms)
  CountUnit by = CountUnit::articles;  ///< count documents, or each story once (one copy)
};

struct SignificantTerm {
  std::string term;             ///< the most common surface form among the matches (lower-case)
  std::string stem;             ///< the indexed stem the counts are of
  std::size_t in_matches = 0;   ///< matching articles (stories) containing it
  std::size_t in_database = 0;  ///< articles (stories) of the whole database containing it
  double score = 0;             ///< log-likelihood ratio G2: higher = more over-represented
};

struct TermsResult {
  std::string query;
  CountUnit by = CountUnit::articles;
  std::size_t matches = 0;   ///< articles (stories) in the match set
  std::size_t database = 0;  ///< articles (stories) in the database
  /// Candidates were drawn from this many matches (all of them when the set is small); the
  /// counts of the terms returned are always exact.
  std::size_t sampled = 0;
  std::vector<SignificantTerm> terms;  ///< most significant first
};

/// "day", "week", "month" or "year". Throws Error(invalid_argument) otherwise.
TrendPeriod parse_trend_period(std::string_view text);
/// "articles" or "stories". Throws Error(invalid_argument) otherwise.
CountUnit parse_count_unit(std::string_view text);
std::string_view name_of(TrendPeriod period);
std::string_view name_of(CountUnit unit);

}  // namespace nsearch
