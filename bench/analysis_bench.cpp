// analysis_bench: in-process latency of news analysis (issue 22) on existing databases, each
// against a baseline in the same run.
//
//   analysis_bench --db PATH [--db PATH...] [--passes N] [--warmup N] [--by month]
//                  [--trend "q1,q2,..."] [--terms "q1,q2,..."]
//
// trend: Searcher::trend of the 5 trend queries by month (articles, then stories). Baseline:
// what a client without it does, `nsearch --count` with --since/--until for every query and
// period, as Searcher::search calls (exact totals, no hits) in the same process.
// terms: Searcher::terms top 20 for each terms query (articles, then stories). Baseline: plain
// Xapian's ESet (Enquire::get_eset) with the first kTermsSample matches as the relevance set.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>

#include "nsearch/analysis.hpp"
#include "nsearch/searcher.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

struct Latency {
  double p50 = 0, p95 = 0;
};

// p50 and p95 in ms of `passes` timed runs of `run` after `warmup` untimed ones.
Latency time_ms(std::size_t warmup, std::size_t passes, const std::function<void()>& run) {
  for (std::size_t i = 0; i < warmup; ++i)
    run();
  std::vector<double> ms;
  for (std::size_t i = 0; i < passes; ++i) {
    const auto start = Clock::now();
    run();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

void row(const char* what, const Latency& ours, const Latency& base, const char* base_name) {
  std::printf("%-28s p50 %8.2f ms  p95 %8.2f ms | %-22s p50 %9.2f ms  ratio %6.3f\n", what,
              ours.p50, ours.p95, base_name, base.p50, ours.p50 / base.p50);
}

// The --count calls a trend replaces: every query, every period, exact totals only.
void counts_per_period(nsearch::Searcher& searcher, const nsearch::TrendResult& shape,
                       const std::vector<std::string>& queries, bool stories) {
  for (const auto& query : queries) {
    for (const auto& period : shape.periods) {
      nsearch::SearchRequest request;
      request.query = query;
      request.limit = 0;
      request.exact_total = true;
      request.collapse = stories;
      request.suggest = false;
      request.since = period;
      request.until = period;
      searcher.search(request);
    }
  }
}

// Plain Xapian's term suggestions for a query: an ESet over its first `sample` matches.
void xapian_eset(const Xapian::Database& db, const std::string& text, std::size_t sample) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query(text));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(sample));
  Xapian::RSet rset;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    rset.add_document(*it);
  if (!rset.empty()) enquire.get_eset(20, rset);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"analysis_bench: latency of Searcher::trend and Searcher::terms"};
  std::vector<std::string> dbs;
  std::size_t passes = 20, warmup = 3;
  std::string by = "month";
  std::string trend_queries = "oil,bank,trade,election,strike";
  std::string terms_queries = "oil,bank rates,election,strike,wheat";
  app.add_option("--db", dbs, "database (repeatable)")->required();
  app.add_option("--passes", passes, "timed runs")->check(CLI::Range(1, 100000));
  app.add_option("--warmup", warmup, "untimed runs first")->check(CLI::Range(0, 100000));
  app.add_option("--by", by, "trend period")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  app.add_option("--trend", trend_queries, "comma-separated trend queries");
  app.add_option("--terms", terms_queries, "comma-separated terms queries");
  CLI11_PARSE(app, argc, argv);
  const auto trend_list = split(trend_queries);
  const auto terms_list = split(terms_queries);

  for (const auto& path : dbs) {
    nsearch::Searcher searcher(path);
    const Xapian::Database db(path);
    std::printf("database: %s (%u articles); %zu passes after %zu warm-up\n", path.c_str(),
                db.get_doccount(), passes, warmup);
    for (const auto unit : {nsearch::CountUnit::articles, nsearch::CountUnit::stories}) {
      nsearch::TrendRequest request;
      request.queries = trend_list;
      request.by = nsearch::parse_trend_period(by);
      request.count = unit;
      request.normalise = true;
      const nsearch::TrendResult shape = searcher.trend(request);
      const Latency ours = time_ms(warmup, passes, [&] { searcher.trend(request); });
      // The baseline is slow (queries x periods searches): fewer passes.
      const std::size_t base_passes = std::max<std::size_t>(1, passes / 10);
      const Latency base = time_ms(1, base_passes, [&] {
        counts_per_period(searcher, shape, trend_list, unit == nsearch::CountUnit::stories);
      });
      const std::string what = std::to_string(trend_list.size()) + "-query trend by " + by + " (" +
                               std::string(nsearch::name_of(unit)) + ", " +
                               std::to_string(shape.periods.size()) + " periods)";
      row(what.c_str(), ours, base, "--count per period");
    }
    for (const auto unit : {nsearch::CountUnit::articles, nsearch::CountUnit::stories}) {
      for (const auto& query : terms_list) {
        nsearch::TermsRequest request;
        request.search.query = query;
        request.limit = 20;
        request.by = unit;
        const nsearch::TermsResult shape = searcher.terms(request);
        const Latency ours = time_ms(warmup, passes, [&] { searcher.terms(request); });
        const Latency base =
            time_ms(warmup, passes, [&] { xapian_eset(db, query, nsearch::kTermsSample); });
        const std::string what = "top-20 terms \"" + query + "\" " +
                                 std::string(nsearch::name_of(unit)) + " (" +
                                 std::to_string(shape.matches) + ")";
        row(what.c_str(), ours, base, "xapian eset top-300");
      }
    }
    std::printf("\n");
  }
  return 0;
}
