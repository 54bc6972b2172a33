// shard_bench: what sharding costs and gives. Indexing time into one database vs into N shards
// (the same threads), and query latency on one local database vs the same articles in local
// shards and in shards served remotely (`nindex serve-shard`, loopback), each as a ratio to the
// single database measured in the same run.
//
//   shard_bench [--corpus FILE] [--work DIR] [--shards N] [--jobs J] [--repeat R]
//
// Default corpus: Reuters-21578 from ../shared/data. Indexing runs alternate (single, sharded,
// single, ...) so that a noisy neighbour on the machine hits both alike; the best run counts.
// Queries take turns between the three searchers for the same reason.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "nsearch/indexer.hpp"
#include "nsearch/searcher.hpp"
#include "shard_server.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double index_once(const fs::path& corpus, const fs::path& db, std::size_t shards, unsigned jobs) {
  fs::remove_all(db);
  nsearch::IndexOptions options;
  options.db_path = db;
  options.jobs = jobs;
  options.shards = shards;
  const std::vector<fs::path> inputs{corpus};
  const auto start = Clock::now();
  nsearch::Indexer indexer(options, nullptr);
  indexer.add(inputs);
  indexer.commit();
  return seconds_since(start);
}

struct Latency {
  double p50_ms = 0, p95_ms = 0, mean_ms = 0;
};

// The searchers take turns, query by query, so that a noisy neighbour on the machine slows them
// alike and their ratios hold (timed one after the other they drifted 2x apart between runs).
std::vector<Latency> time_queries(const std::vector<nsearch::Searcher*>& searchers,
                                  const std::vector<nsearch::SearchRequest>& requests, int repeat) {
  for (nsearch::Searcher* searcher : searchers) {
    for (const auto& r : requests)
      searcher->search(r);  // warm the caches (and the connections)
  }
  std::vector<std::vector<double>> ms(searchers.size());
  for (int i = 0; i < repeat; ++i) {
    for (const auto& r : requests) {
      for (std::size_t s = 0; s < searchers.size(); ++s) {
        const auto start = Clock::now();
        searchers[s]->search(r);
        ms[s].push_back(seconds_since(start) * 1000.0);
      }
    }
  }
  std::vector<Latency> latencies;
  for (std::vector<double>& times : ms) {
    std::sort(times.begin(), times.end());
    latencies.push_back(
        {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)],
         std::accumulate(times.begin(), times.end(), 0.0) / static_cast<double>(times.size())});
  }
  return latencies;
}

std::vector<nsearch::SearchRequest> query_mix() {
  std::vector<nsearch::SearchRequest> requests;
  for (const char* q :
       {"oil prices", "bank interest rates", "coffee", "\"trade deficit\"", "yen OR dollar",
        "grain AND soviet", "gold mining", "acquisition", "japan trade", "wheat exports"}) {
    nsearch::SearchRequest plain;
    plain.query = q;
    requests.push_back(plain);
    nsearch::SearchRequest faceted = plain;
    faceted.facets = {"year", "month", "category"};
    requests.push_back(faceted);
  }
  return requests;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"shard_bench: indexing into shards and searching local vs remote shards"};
  std::string corpus = NSEARCH_DEFAULT_BENCH_CORPUS;
  std::string work = (fs::temp_directory_path() / "nsearch-shard-bench").string();
  std::size_t shards = 2;
  unsigned jobs = 2;
  int repeat = 20;
  int index_runs = 2;
  app.add_option("--corpus", corpus, "file or folder to index");
  app.add_option("--work", work, "scratch folder (removed at the end)");
  app.add_option("--shards", shards, "shards to compare with one database")
      ->check(CLI::Range(2, 64));
  app.add_option("--jobs", jobs, "indexing threads in both cases");
  app.add_option("--repeat", repeat, "times each query is run")->check(CLI::PositiveNumber);
  app.add_option("--index-runs", index_runs, "indexing runs of each kind (the best counts)")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  const fs::path dir = work;
  fs::create_directories(dir);
  const fs::path single = dir / "single.db";
  const fs::path sharded = dir / "sharded.db";
  std::printf("corpus %s, %u indexing threads, %zu shards\n", corpus.c_str(), jobs, shards);

  double best_single = 1e300;
  double best_sharded = 1e300;
  for (int run = 0; run < index_runs; ++run) {
    best_single = std::min(best_single, index_once(corpus, single, 0, jobs));
    best_sharded = std::min(best_sharded, index_once(corpus, sharded, shards, jobs));
  }
  std::printf("indexing  1 database   %7.2f s   1.00\n", best_single);
  std::printf("indexing  %zu shards     %7.2f s   %.2f x the time of 1 database\n", shards,
              best_sharded, best_sharded / best_single);

  std::vector<std::unique_ptr<nsearch::test::ShardServer>> servers;
  {
    std::ofstream stub(dir / "remote.stub");
    for (std::size_t i = 0; i < shards; ++i) {
      servers.push_back(std::make_unique<nsearch::test::ShardServer>(
          NINDEX_BIN, sharded / ("shard-" + std::to_string(i))));
      stub << servers.back()->stub_line() << "\n";
    }
  }
  const auto requests = query_mix();
  nsearch::Searcher one(single);
  nsearch::Searcher local(sharded);
  nsearch::Searcher remote(dir / "remote.stub");
  const std::vector<Latency> latencies = time_queries({&one, &local, &remote}, requests, repeat);
  const Latency& base = latencies[0];
  std::printf("queries (%zu x %d)      p50 ms   p95 ms  mean ms  mean ratio\n", requests.size(),
              repeat);
  const auto row = [&](const char* name, const Latency& x) {
    std::printf("  %-20s %7.2f  %7.2f  %7.2f  %.2f\n", name, x.p50_ms, x.p95_ms, x.mean_ms,
                x.mean_ms / base.mean_ms);
  };
  row("1 local database", base);
  row("local shards", latencies[1]);
  row("remote shards", latencies[2]);
  servers.clear();
  fs::remove_all(dir);
  return 0;
}
