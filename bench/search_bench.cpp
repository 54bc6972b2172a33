// search_bench: query latency of nsearch on the English reference corpus against plain Xapian
// on the same database, in the same run; and the time of a whole `nsearch` process against
// Xapian's `quest`.
//
//   search_bench [--corpus DIR] [--work DIR] [--queries FILE] [--passes N] [--warmup N]
//                [--process-runs N] [--nsearch PATH] [--json]
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

void build_database(const fs::path& corpus, const fs::path& db) {
  const auto files = corpus_files(corpus);
  if (files.empty()) throw std::runtime_error("no *.jsonl.gz under " + corpus.string());
  const auto start = Clock::now();
  nsearch::Indexer indexer({.db_path = db}, nullptr);
  indexer.add(files);
  indexer.commit();
  std::fprintf(stderr, "indexed %zu files into %s in %.1f s\n", files.size(), db.c_str(),
               std::chrono::duration<double>(Clock::now() - start).count());
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
    std::vector<char*> args;
    for (const auto& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
      posix_spawn_file_actions_destroy(&actions);
      throw std::runtime_error("cannot run " + argv[0]);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    posix_spawn_file_actions_destroy(&actions);
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
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
  bool json = false;
  app.add_option("--corpus", corpus, "folder of canonical *.jsonl.gz files");
  app.add_option("--work", work, "where the database is built (reused when present)");
  app.add_option("--queries", queries_path, "kind<TAB>query file");
  app.add_option("--passes", options.passes, "timed passes over the queries");
  app.add_option("--warmup", options.warmup, "untimed passes first");
  app.add_option("--process-runs", process_runs, "runs of a whole nsearch process (0 = skip)");
  app.add_option("--nsearch", nsearch_bin, "the nsearch binary for the process timing");
  app.add_flag("--json", json, "print one JSON object");
  CLI11_PARSE(app, argc, argv);

  try {
    const fs::path db = work / "news-en.db";
    if (!fs::exists(db)) {
      fs::create_directories(work);
      build_database(corpus, db);
    }
    std::ifstream in(queries_path);
    const auto queries = nsearch::read_bench_queries(in, queries_path.string());

    nsearch::Searcher searcher(db);
    PlainXapian plain(db);
    // Warm both sides (page cache, Xapian's block cache), then time each side in turn.
    nsearch::run_bench(queries, {.passes = options.warmup, .warmup = 0},
                       [&](const nsearch::BenchQuery& q) {
                         searcher.search(nsearch::bench_request(q));
                         plain.run(q);
                       });
    const nsearch::BenchOptions timed{.passes = options.passes, .warmup = 0};
    const nsearch::BenchReport nsearch_report = nsearch::run_bench(
        queries, timed,
        [&](const nsearch::BenchQuery& q) { searcher.search(nsearch::bench_request(q)); });
    const nsearch::BenchReport xapian_report =
        nsearch::run_bench(queries, timed, [&](const nsearch::BenchQuery& q) { plain.run(q); });

    double nsearch_proc_p50 = 0, nsearch_proc_p95 = 0, quest_p50 = 0, quest_p95 = 0;
    if (process_runs > 0) {
      std::tie(nsearch_proc_p50, nsearch_proc_p95) =
          process_ms({nsearch_bin, "--db", db.string(), "crude oil"}, process_runs);
      if (fs::exists("/usr/bin/quest")) {
        std::tie(quest_p50, quest_p95) =
            process_ms({"/usr/bin/quest", "-d", db.string(), "crude oil"}, process_runs);
      }
    }

    if (json) {
      std::cout << "{\"nsearch\": " << nsearch::to_json(nsearch_report)
                << ", \"xapian\": " << nsearch::to_json(xapian_report)
                << ", \"process_ms\": {\"nsearch_p50\": " << nsearch_proc_p50
                << ", \"nsearch_p95\": " << nsearch_proc_p95 << ", \"quest_p50\": " << quest_p50
                << ", \"quest_p95\": " << quest_p95 << "}}\n";
      return 0;
    }
    std::printf("database: %s (%u articles), %zu queries x %zu passes after %zu warm-up\n\n",
                db.c_str(), Xapian::Database(db.string()).get_doccount(), queries.size(),
                options.passes, options.warmup);
    std::printf("%-8s %7s | %9s %9s %6s | %9s %9s %6s\n", "kind", "queries", "nsearch", "xapian",
                "ratio", "nsearch", "xapian", "ratio");
    std::printf("%-8s %7s | %9s %9s %6s | %9s %9s %6s\n", "", "", "p50 ms", "p50 ms", "", "p95 ms",
                "p95 ms", "");
    auto row = [](const std::string& name, const nsearch::LatencySummary& a,
                  const nsearch::LatencySummary& b) {
      std::printf("%-8s %7zu | %9.3f %9.3f %6.2f | %9.3f %9.3f %6.2f\n", name.c_str(), a.queries,
                  a.p50_ms, b.p50_ms, a.p50_ms / b.p50_ms, a.p95_ms, b.p95_ms, a.p95_ms / b.p95_ms);
    };
    for (const auto& [kind, s] : nsearch_report.kinds)
      row(kind, s, xapian_report.kinds.at(kind));
    row("overall", nsearch_report.overall, xapian_report.overall);
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
