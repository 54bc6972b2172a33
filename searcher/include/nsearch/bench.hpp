// Query latency measurement: `nsearch bench` and the repository benchmark share this.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// One benchmark query and its kind: term, or, and, phrase (by the query's shape), faceted
/// (exact outlet and year facets) or date (newest first).
struct BenchQuery {
  std::string kind;
  std::string query;
};

/// Reads `kind<TAB>query` or bare `query` lines (the kind then follows from the query's
/// shape); blank lines and lines starting with '#' are skipped. Throws Error(invalid_argument)
/// naming `source` and the line for an unknown kind or an empty query.
std::vector<BenchQuery> read_bench_queries(std::istream& in, const std::string& source);

/// term (one word), phrase (has a quote), or (has OR), else and.
std::string query_kind(const std::string& query);

/// The search a benchmark query stands for: top 10 with snippets, plus facets for "faceted"
/// and newest-first order for "date".
SearchRequest bench_request(const BenchQuery& query);

struct LatencySummary {
  double p50_ms = 0, p95_ms = 0, p99_ms = 0;
  std::size_t queries = 0;  ///< distinct queries
  std::size_t runs = 0;     ///< timed runs (queries x passes)
};

struct BenchReport {
  LatencySummary overall;
  std::map<std::string, LatencySummary> kinds;
};

struct BenchOptions {
  std::size_t passes = 5;  ///< timed runs of every query
  std::size_t warmup = 1;  ///< untimed runs of every query first
};

/// Times `run` on each query: `warmup` untimed passes, then `passes` timed ones.
BenchReport run_bench(const std::vector<BenchQuery>& queries, const BenchOptions& options,
                      const std::function<void(const BenchQuery&)>& run);

/// {"overall": {"p50_ms", "p95_ms", "p99_ms", "queries", "runs"}, "kinds": {kind: {...}}}.
std::string to_json(const BenchReport& report);
/// A table: one line per kind, then overall.
void write_text(std::ostream& out, const BenchReport& report);

}  // namespace nsearch
