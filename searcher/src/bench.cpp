#include "nsearch/bench.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "nsearch/error.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

constexpr const char* kKinds[] = {"term", "or", "and", "phrase", "faceted", "date"};

bool known_kind(const std::string& kind) {
  return std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds);
}

LatencySummary summarise(std::vector<double> ms, std::size_t queries) {
  LatencySummary s;
  s.queries = queries;
  s.runs = ms.size();
  if (ms.empty()) return s;
  std::sort(ms.begin(), ms.end());
  // Nearest-rank percentiles.
  auto pct = [&ms](double p) {
    const auto rank =
        static_cast<std::size_t>(p / 100.0 * static_cast<double>(ms.size()) + 0.999999);
    return ms[std::clamp<std::size_t>(rank, 1, ms.size()) - 1];
  };
  s.p50_ms = pct(50);
  s.p95_ms = pct(95);
  s.p99_ms = pct(99);
  return s;
}

}  // namespace

std::string query_kind(const std::string& query) {
  if (query.find('"') != std::string::npos) return "phrase";
  const std::string padded = " " + query + " ";
  if (padded.find(" OR ") != std::string::npos) return "or";
  if (text::trim(query).find_first_of(" \t") == std::string_view::npos) return "term";
  return "and";
}

std::vector<BenchQuery> read_bench_queries(std::istream& in, const std::string& source) {
  std::vector<BenchQuery> queries;
  std::string line;
  for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (text::trim(line).empty() || line.front() == '#') continue;
    BenchQuery q;
    if (const auto tab = line.find('\t'); tab != std::string::npos) {
      q.kind = std::string(text::trim(std::string_view(line).substr(0, tab)));
      q.query = std::string(text::trim(std::string_view(line).substr(tab + 1)));
    } else {
      q.query = std::string(text::trim(line));
      q.kind = query_kind(q.query);
    }
    const std::string where = source + ":" + std::to_string(line_no) + ": ";
    if (!known_kind(q.kind)) {
      throw Error(ErrorKind::invalid_argument,
                  where + "unknown query kind \"" + q.kind +
                      "\" (known: term, or, and, phrase, faceted, date)");
    }
    if (q.query.empty()) throw Error(ErrorKind::invalid_argument, where + "empty query");
    queries.push_back(std::move(q));
  }
  return queries;
}

SearchRequest bench_request(const BenchQuery& query) {
  SearchRequest request;
  request.query = query.query;
  request.limit = 10;
  if (query.kind == "faceted") request.facets = {"outlet", "year"};
  if (query.kind == "date") request.sort = SortOrder::date;
  return request;
}

BenchReport run_bench(const std::vector<BenchQuery>& queries, const BenchOptions& options,
                      const std::function<void(const BenchQuery&)>& run) {
  using Clock = std::chrono::steady_clock;
  for (std::size_t pass = 0; pass < options.warmup; ++pass) {
    for (const auto& q : queries)
      run(q);
  }
  std::vector<double> all;
  std::map<std::string, std::vector<double>> by_kind;
  std::map<std::string, std::size_t> kind_queries;
  for (const auto& q : queries)
    ++kind_queries[q.kind];
  for (std::size_t pass = 0; pass < options.passes; ++pass) {
    for (const auto& q : queries) {
      const auto start = Clock::now();
      run(q);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      all.push_back(ms);
      by_kind[q.kind].push_back(ms);
    }
  }
  BenchReport report;
  report.overall = summarise(std::move(all), queries.size());
  for (auto& [kind, ms] : by_kind)
    report.kinds[kind] = summarise(std::move(ms), kind_queries[kind]);
  return report;
}

std::string to_json(const BenchReport& report) {
  auto summary = [](const LatencySummary& s) {
    nlohmann::ordered_json j;
    j["p50_ms"] = s.p50_ms;
    j["p95_ms"] = s.p95_ms;
    j["p99_ms"] = s.p99_ms;
    j["queries"] = s.queries;
    j["runs"] = s.runs;
    return j;
  };
  nlohmann::ordered_json j;
  j["overall"] = summary(report.overall);
  j["kinds"] = nlohmann::ordered_json::object();
  for (const auto& [kind, s] : report.kinds)
    j["kinds"][kind] = summary(s);
  return j.dump();
}

void write_text(std::ostream& out, const BenchReport& report) {
  char line[128];
  std::snprintf(line, sizeof line, "%-10s %8s %9s %9s %9s\n", "kind", "queries", "p50 ms", "p95 ms",
                "p99 ms");
  out << line;
  auto row = [&](const std::string& name, const LatencySummary& s) {
    std::snprintf(line, sizeof line, "%-10s %8zu %9.3f %9.3f %9.3f\n", name.c_str(), s.queries,
                  s.p50_ms, s.p95_ms, s.p99_ms);
    out << line;
  };
  for (const auto& [kind, s] : report.kinds)
    row(kind, s);
  row("overall", report.overall);
}

}  // namespace nsearch
