// nbench: indexing throughput and query latency on a JSON Lines corpus, each reported as a
// ratio against a baseline measured in the same run.
//
//   nbench [--corpus FILE.jsonl[.gz]] [--work DIR] [--repeat N]
//
// Indexing baseline: reading and parsing the corpus without indexing (the floor any indexer
// pays). Query baseline: the same query through bare Xapian (QueryParser + Enquire, top 10,
// no snippets, no facets), against the same database.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>

#include "nsearch/indexer.hpp"
#include "nsearch/searcher.hpp"
#include "read/formats/jsonl_reader.hpp"
#include "read/input_file.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Latency {
  double p50_ms = 0, p95_ms = 0, mean_ms = 0;
};

Latency summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  Latency l;
  l.p50_ms = ms[ms.size() / 2];
  l.p95_ms = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  l.mean_ms = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
  return l;
}

template <typename F>
Latency time_queries(const std::vector<std::string>& queries, int repeat, F&& run) {
  std::vector<double> ms;
  for (int r = 0; r < repeat; ++r) {
    for (const auto& q : queries) {
      const auto start = Clock::now();
      run(q);
      ms.push_back(seconds_since(start) * 1000.0);
    }
  }
  return summarise(std::move(ms));
}

void benchmark_indexing(const std::string& corpus, const std::filesystem::path& db) {
  namespace fs = std::filesystem;
  // 1. Baseline: decompress + parse every record, index nothing.
  std::size_t parsed = 0, bytes = 0;
  auto start = Clock::now();
  {
    nsearch::InputFile input(corpus);
    nsearch::ReadContext ctx{corpus, [&](nsearch::Article&&) { ++parsed; },
                             [](std::size_t, nsearch::SkipReason, const std::string&) {}};
    nsearch::read_jsonl(input, ctx);
    bytes = input.bytes_read();
  }
  const double parse_s = seconds_since(start);

  // 2. Full indexing into a new database.
  start = Clock::now();
  nsearch::IndexReport first;
  {
    nsearch::Indexer indexer({.db_path = db}, nullptr);
    const std::vector<fs::path> inputs{corpus};
    indexer.add(inputs);
    indexer.commit();
    first = indexer.report();
  }
  const double index_s = seconds_since(start);

  // 3. Re-adding the same input (everything unchanged).
  start = Clock::now();
  {
    nsearch::Indexer indexer({.db_path = db}, nullptr);
    const std::vector<fs::path> inputs{corpus};
    indexer.add(inputs);
  }
  const double readd_s = seconds_since(start);

  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %s (%zu records, %.1f MB uncompressed)\n", corpus.c_str(), parsed, mb);
  std::printf("%-34s %8.2f s %9.0f articles/s %7.2f MB/s  ratio 1.00\n", "read+parse (baseline)",
              parse_s, static_cast<double>(parsed) / parse_s, mb / parse_s);
  std::printf("%-34s %8.2f s %9.0f articles/s %7.2f MB/s  ratio %.2f\n", "index (new database)",
              index_s, static_cast<double>(first.added) / index_s, mb / index_s, index_s / parse_s);
  std::printf("%-34s %8.2f s %9.0f articles/s %7.2f MB/s  ratio %.2f\n", "re-add (all unchanged)",
              readd_s, static_cast<double>(parsed) / readd_s, mb / readd_s, readd_s / parse_s);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"nbench: indexing and query benchmark"};
  std::string corpus = NSEARCH_DEFAULT_BENCH_CORPUS;
  std::string work = "/tmp/nbench";
  int repeat = 20;
  bool queries_only = false;
  app.add_option("--corpus", corpus, "JSON Lines corpus (optionally .gz)");
  app.add_option("--work", work, "scratch directory (its database is recreated)");
  app.add_option("--repeat", repeat, "times each query is run")->check(CLI::PositiveNumber);
  app.add_flag("--queries-only", queries_only,
               "reuse the database of an earlier run; time queries");
  CLI11_PARSE(app, argc, argv);

  namespace fs = std::filesystem;
  if (!fs::exists(corpus)) {
    std::fprintf(stderr, "nbench: corpus %s not found\n", corpus.c_str());
    return 2;
  }
  const fs::path db = fs::path(work) / "bench.db";
  if (!queries_only) {
    fs::remove_all(db);
    fs::create_directories(work);
    benchmark_indexing(corpus, db);
  }

  // 4. Queries: bare Xapian vs nsearch (snippets), vs nsearch with 3 exact facets.
  const std::vector<std::string> queries = {
      "crude oil",
      "oil prices",
      "bank of japan",
      "trade deficit",
      "interest rates",
      "\"interest rates\"",
      "coffee OR cocoa",
      "wheat AND export",
      "opec output",
      "dollar NOT yen",
      "merger",
      "takeover bid",
      "gold",
      "federal reserve",
      "grain shipments",
      "stock split",
      "debt crisis",
      "sugar",
      "profit",
      "loss",
  };
  Xapian::Database xdb(db.string());
  Xapian::QueryParser qp;
  qp.set_database(xdb);
  qp.set_stemmer(Xapian::Stem("en"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  std::size_t sink = 0;
  const Latency bare = time_queries(queries, repeat, [&](const std::string& q) {
    Xapian::Enquire enquire(xdb);
    enquire.set_query(qp.parse_query(q));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it)
      sink += it.get_document().get_data().size();
  });
  nsearch::Searcher searcher(db);
  const Latency plain = time_queries(queries, repeat, [&](const std::string& q) {
    nsearch::SearchRequest r;
    r.query = q;
    sink += searcher.search(r).hits.size();
  });
  const Latency faceted = time_queries(queries, repeat, [&](const std::string& q) {
    nsearch::SearchRequest r;
    r.query = q;
    r.facets = {"outlet", "year", "month"};
    sink += searcher.search(r).hits.size();
  });
  const Latency by_date = time_queries(queries, repeat, [&](const std::string& q) {
    nsearch::SearchRequest r;
    r.query = q;
    r.sort = nsearch::SortOrder::date;
    sink += searcher.search(r).hits.size();
  });
  std::printf("queries: %zu x %d runs, top 10\n", queries.size(), repeat);
  auto row = [&](const char* name, const Latency& l) {
    std::printf("%-34s p50 %7.3f ms  p95 %7.3f ms  mean %7.3f ms  ratio %.2f\n", name, l.p50_ms,
                l.p95_ms, l.mean_ms, l.mean_ms / bare.mean_ms);
  };
  row("bare Xapian (baseline)", bare);
  row("nsearch (snippets)", plain);
  row("nsearch + facets outlet,year,month", faceted);
  row("nsearch --sort date", by_date);
  return sink == 0 ? 1 : 0;
}
