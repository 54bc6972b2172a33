#include "bench_command.hpp"

#include <fstream>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "count_limit_option.hpp"

#include "nsearch/bench.hpp"
#include "nsearch/cli_app.hpp"
#include "nsearch/database_path.hpp"
#include "nsearch/error.hpp"
#include "nsearch/searcher.hpp"

namespace nsearch::cli {

int bench_command(int argc, char** argv) {
  CLI::App app{"nsearch bench: query latency percentiles, per query kind, after warm-up"};
  std::string db, queries_path;
  BenchOptions options;
  bool json = false;
  app.add_option("queries", queries_path,
                 "file of 'kind<TAB>query' or 'query' lines (kinds: term, or, and, phrase, "
                 "faceted, date)")
      ->required()
      ->check(CLI::ExistingFile);
  add_db_option(app, db);
  app.add_option("--passes", options.passes, "timed runs of every query")
      ->check(CLI::Range(1, 100000));
  app.add_option("--warmup", options.warmup, "untimed runs of every query first")
      ->check(CLI::Range(0, 100000));
  std::optional<std::size_t> count_limit;
  add_count_limit_option(app, count_limit);
  app.add_flag("--json", json, "print one JSON object");
  if (const auto done = parse(app, argc, argv)) return *done;
  try {
    std::ifstream in(queries_path);
    const std::vector<BenchQuery> queries = read_bench_queries(in, queries_path);
    if (queries.empty()) throw Error(ErrorKind::invalid_argument, queries_path + ": no queries");
    Searcher searcher(resolve_database_path(db));
    const BenchReport report = run_bench(queries, options, [&](const BenchQuery& q) {
      SearchRequest request = bench_request(q);
      if (count_limit) request.count_limit = count_limit;
      searcher.search(request);
    });
    if (json) {
      std::cout << to_json(report) << "\n";
    } else {
      write_text(std::cout, report);
    }
    return 0;
  } catch (const Error& e) {
    std::cerr << "nsearch bench: " << e.what() << "\n";
    return exit_code(e.kind());
  }
}

}  // namespace nsearch::cli
