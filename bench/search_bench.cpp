// search_bench: query latency of nsearch on the English reference corpus against plain Xapian
// on the same database, in the same run; and the time of a whole `nsearch` process against
// Xapian's `quest`.
//
//   search_bench [--corpus DIR] [--work DIR] [--queries FILE] [--passes N] [--warmup N]
//                [--process-runs N] [--nsearch PATH] [--synthetic N] [--count-limit N] [--json]
//
// --count-limit N sets SearchRequest::count_limit on the nsearch side (and `--count-limit N` for
// the process): e.g. 1 shows what exact totals and facets cost against the same baseline.
//
// --synthetic N benches a second database in the same run: N synthetic articles recombined from
// the corpus (scripts/make_scaling_corpora.sh: ../shared/tools/synth_news.py, seed 1), built
// into --work once and kept (400,000: a few minutes to generate, about ten to index on 2 cores).
//
// nsearch side: Searcher::search() exactly as `nsearch bench` runs it (top 10, snippets, stored
// fields; exact outlet+year facets for "faceted"; newest first for "date"). Baseline: the same
// query text through Xapian::QueryParser (English stemmer) and Enquire::get_mset(0, 10), with
// ValueCountMatchSpy on the outlet and year slots checking every match for "faceted" and
// set_sort_by_value_then_relevance on the date slot for "date"; no document data, no snippets.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>

#include "nsearch/bench.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::vector<fs::path> corpus_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.ends_with(".jsonl.gz")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Runs a program to its end and returns its wait status; with `quiet`, its output is dropped.
int run_program(const std::vector<std::string>& argv, bool quiet = false) {
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (quiet) posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + argv[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

void index_files(const std::vector<fs::path>& files, const fs::path& db) {
  const auto start = Clock::now();
  nsearch::Indexer indexer({.db_path = db}, nullptr);
  indexer.add(files);
  indexer.commit();
  std::fprintf(stderr, "indexed %zu files into %s in %.1f s\n", files.size(), db.c_str(),
               std::chrono::duration<double>(Clock::now() - start).count());
}

// The reference corpus's database in `work`, built on first use.
fs::path reference_database(const fs::path& corpus, const fs::path& work) {
  const fs::path db = work / "news-en.db";
  if (!fs::exists(db)) {
    const auto files = corpus_files(corpus);
    if (files.empty()) throw std::runtime_error("no *.jsonl.gz under " + corpus.string());
    fs::create_directories(work);
    index_files(files, db);
  }
  return db;
}

// A database of `articles` synthetic articles in `work`, generated and built on first use.
fs::path synthetic_database(std::size_t articles, const fs::path& work) {
  const std::string n = std::to_string(articles);
  const fs::path db = work / ("synth-" + n + ".db");
  if (fs::exists(db)) return db;
  const fs::path input = work / ("synth-" + n + ".jsonl.gz");
  if (!fs::exists(input) &&
      run_program({"/bin/sh", NSEARCH_SOURCE_DIR "/scripts/make_scaling_corpora.sh", work.string(),
                   n}) != 0) {
    throw std::runtime_error("scripts/make_scaling_corpora.sh failed for " + input.string());
  }
  index_files({input}, db);
  return db;
}

// Plain Xapian, as an application would write it.
class PlainXapian {
 public:
  explicit PlainXapian(const fs::path& db) : db_(db.string()) {
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_AND);
  }
  void run(const nsearch::BenchQuery& q) {
    const Xapian::Query query = parser_.parse_query(
        q.query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::ValueCountMatchSpy outlets(nsearch::schema::kOutletSlot);
    Xapian::ValueCountMatchSpy years(nsearch::schema::kYearSlot);
    Xapian::doccount check_at_least = 0;
    if (q.kind == "faceted") {
      enquire.add_matchspy(&outlets);
      enquire.add_matchspy(&years);
      check_at_least = db_.get_doccount();
    }
    if (q.kind == "date") {
      enquire.set_sort_by_value_then_relevance(nsearch::schema::kDateSlot, true);
    }
    const Xapian::MSet mset = enquire.get_mset(0, 10, check_at_least);
    sink_ += mset.size();
  }

 private:
  Xapian::Database db_;
  Xapian::QueryParser parser_;
  std::size_t sink_ = 0;
};

// Wall time of whole processes (start to exit), p50 and p95 over `runs`, in ms.
std::pair<double, double> process_ms(const std::vector<std::string>& argv, int runs) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    run_program(argv, /*quiet=*/true);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

// nsearch and plain Xapian on one database, the same queries, in the same run.
struct SideBySide {
  nsearch::BenchReport nsearch;
  nsearch::BenchReport xapian;
};

SideBySide bench_database(const fs::path& db, const std::vector<nsearch::BenchQuery>& queries,
                          const nsearch::BenchOptions& options,
                          std::optional<std::size_t> count_limit) {
  nsearch::Searcher searcher(db);
  PlainXapian plain(db);
  const auto request = [count_limit](const nsearch::BenchQuery& q) {
    nsearch::SearchRequest r = nsearch::bench_request(q);
    if (count_limit) r.count_limit = count_limit;
    return r;
  };
  // Warm both sides (page cache, Xapian's block cache), then time each side in turn.
  nsearch::run_bench(queries, {.passes = options.warmup, .warmup = 0},
                     [&](const nsearch::BenchQuery& q) {
                       searcher.search(request(q));
                       plain.run(q);
                     });
  const nsearch::BenchOptions timed{.passes = options.passes, .warmup = 0};
  SideBySide report;
  report.nsearch = nsearch::run_bench(
      queries, timed, [&](const nsearch::BenchQuery& q) { searcher.search(request(q)); });
  report.xapian =
      nsearch::run_bench(queries, timed, [&](const nsearch::BenchQuery& q) { plain.run(q); });
  return report;
}

void print_table(const fs::path& db, const SideBySide& report, std::size_t queries,
                 const nsearch::BenchOptions& options) {
  std::printf("database: %s (%u articles), %zu queries x %zu passes after %zu warm-up\n\n",
              db.c_str(), Xapian::Database(db.string()).get_doccount(), queries, options.passes,
              options.warmup);
  std::printf("%-8s %7s | %9s %9s %6s | %9s %9s %6s\n", "kind", "queries", "nsearch", "xapian",
              "ratio", "nsearch", "xapian", "ratio");
  std::printf("%-8s %7s | %9s %9s %6s | %9s %9s %6s\n", "", "", "p50 ms", "p50 ms", "", "p95 ms",
              "p95 ms", "");
  auto row = [](const std::string& name, const nsearch::LatencySummary& a,
                const nsearch::LatencySummary& b) {
    std::printf("%-8s %7zu | %9.3f %9.3f %6.2f | %9.3f %9.3f %6.2f\n", name.c_str(), a.queries,
                a.p50_ms, b.p50_ms, a.p50_ms / b.p50_ms, a.p95_ms, b.p95_ms, a.p95_ms / b.p95_ms);
  };
  for (const auto& [kind, s] : report.nsearch.kinds)
    row(kind, s, report.xapian.kinds.at(kind));
  row("overall", report.nsearch.overall, report.xapian.overall);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"search_bench: nsearch query latency against plain Xapian, same database"};
  fs::path corpus = NSEARCH_DEFAULT_NEWS_EN;
  fs::path work = fs::temp_directory_path() / "nsearch-search-bench";
  fs::path queries_path = NSEARCH_DEFAULT_QUERIES;
  std::string nsearch_bin = NSEARCH_BIN;
  nsearch::BenchOptions options{.passes = 20, .warmup = 2};
  int process_runs = 50;
  std::size_t synthetic = 0;
  std::optional<std::size_t> count_limit;
  bool json = false;
  app.add_option("--corpus", corpus, "folder of canonical *.jsonl.gz files");
  app.add_option("--work", work, "where the databases are built (reused when present)");
  app.add_option("--queries", queries_path, "kind<TAB>query file");
  app.add_option("--passes", options.passes, "timed passes over the queries");
  app.add_option("--warmup", options.warmup, "untimed passes first");
  app.add_option("--process-runs", process_runs, "runs of a whole nsearch process (0 = skip)");
  app.add_option("--nsearch", nsearch_bin, "the nsearch binary for the process timing");
  app.add_option("--synthetic", synthetic,
                 "also bench N synthetic articles generated from the corpus (0 = no)");
  app.add_option("--count-limit", count_limit,
                 "count_limit of the nsearch searches and process (default: the library's)");
  app.add_flag("--json", json, "print one JSON object");
  CLI11_PARSE(app, argc, argv);

  try {
    const fs::path db = reference_database(corpus, work);
    const fs::path synthetic_db = synthetic > 0 ? synthetic_database(synthetic, work) : fs::path();
    std::ifstream in(queries_path);
    const auto queries = nsearch::read_bench_queries(in, queries_path.string());

    const SideBySide reference = bench_database(db, queries, options, count_limit);
    std::optional<SideBySide> scaled;
    if (!synthetic_db.empty()) scaled = bench_database(synthetic_db, queries, options, count_limit);

    double nsearch_proc_p50 = 0, nsearch_proc_p95 = 0, quest_p50 = 0, quest_p95 = 0;
    if (process_runs > 0) {
      std::vector<std::string> argv{nsearch_bin, "--db", db.string(), "crude oil"};
      if (count_limit) argv.insert(argv.end(), {"--count-limit", std::to_string(*count_limit)});
      std::tie(nsearch_proc_p50, nsearch_proc_p95) = process_ms(argv, process_runs);
      if (fs::exists("/usr/bin/quest")) {
        std::tie(quest_p50, quest_p95) =
            process_ms({"/usr/bin/quest", "-d", db.string(), "crude oil"}, process_runs);
      }
    }

    if (json) {
      std::cout << "{\"nsearch\": " << nsearch::to_json(reference.nsearch)
                << ", \"xapian\": " << nsearch::to_json(reference.xapian);
      if (scaled) {
        std::cout << ", \"synthetic\": {\"articles\": " << synthetic
                  << ", \"nsearch\": " << nsearch::to_json(scaled->nsearch)
                  << ", \"xapian\": " << nsearch::to_json(scaled->xapian) << "}";
      }
      std::cout << ", \"process_ms\": {\"nsearch_p50\": " << nsearch_proc_p50
                << ", \"nsearch_p95\": " << nsearch_proc_p95 << ", \"quest_p50\": " << quest_p50
                << ", \"quest_p95\": " << quest_p95 << "}}\n";
      return 0;
    }
    print_table(db, reference, queries.size(), options);
    if (scaled) {
      std::printf("\n");
      print_table(synthetic_db, *scaled, queries.size(), options);
    }
    if (process_runs > 0) {
      std::printf("\nwhole process, 'crude oil', %d runs: nsearch p50 %.2f ms (p95 %.2f)",
                  process_runs, nsearch_proc_p50, nsearch_proc_p95);
      if (quest_p50 > 0) {
        std::printf("; quest p50 %.2f ms (p95 %.2f); ratio %.2f", quest_p50, quest_p95,
                    nsearch_proc_p50 / quest_p50);
      }
      std::printf("\n");
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_bench: %s\n", e.what());
    return 2;
  }
}
