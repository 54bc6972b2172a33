#include "analysis_commands.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "filter_options.hpp"

#include "nsearch/analysis.hpp"
#include "nsearch/analysis_output.hpp"
#include "nsearch/database_path.hpp"
#include "nsearch/error.hpp"
#include "nsearch/request_options.hpp"

namespace nsearch::cli {
namespace {

constexpr int kExitError = 2;

bool on_terminal() {
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(STDOUT_FILENO) == 1;
}

// Parses `app`; returns an exit status when the command is done (help, or a usage error).
std::optional<int> parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitError;
  }
  return std::nullopt;
}

}  // namespace

int trend_command(int argc, char** argv) {
  CLI::App app{
      "nsearch trend: matching articles (or stories) per period for each query, e.g.\n"
      "  nsearch trend wagner france --by month --normalise"};
  std::string db, match = "all", by = "month", count = "articles";
  TrendRequest request;
  bool json = false, csv = false;
  app.add_option("queries", request.queries, "one query per argument (quote multi-word queries)")
      ->required();
  add_filter_options(app, db, request.filters, match);
  app.add_option("--by", by, "period: day, week (ISO, named by its Monday), month or year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  app.add_option("--count", count, "count articles (every copy) or stories (each once a period)")
      ->check(CLI::IsMember({"articles", "stories"}));
  app.add_flag("--normalise,--normalize", request.normalise,
               "also the share of all articles (stories) of the period");
  app.add_flag("--json", json, "print one JSON object");
  app.add_flag("--csv", csv, "print CSV: period,total,counts...,shares...");
  if (const auto done = parse(app, argc, argv)) return *done;
  try {
    request.filters.default_operator = parse_match(match);
    request.by = parse_trend_period(by);
    request.count = parse_count_unit(count);
    Searcher searcher(resolve_database_path(db));
    const TrendResult result = searcher.trend(request);
    if (json) {
      std::cout << to_json(result) << "\n";
    } else if (csv) {
      write_csv(std::cout, result);
    } else {
      write_text(std::cout, result, on_terminal());
    }
    return 0;
  } catch (const Error& e) {
    std::cerr << "nsearch trend: " << e.what() << "\n";
    return kExitError;
  }
}

int terms_command(int argc, char** argv) {
  CLI::App app{
      "nsearch terms: the words most over-represented in the matches of QUERY against the\n"
      "whole database (log-likelihood ratio), e.g. nsearch terms wagner --limit 20"};
  std::string db, match = "all", by = "articles";
  std::vector<std::string> words;
  TermsRequest request;
  bool json = false;
  app.add_option("query", words, "query (words, \"phrases\", AND/OR/NOT, field:value)")->required();
  add_filter_options(app, db, request.search, match);
  app.add_option("--limit,-n", request.limit, "number of terms")
      ->check(CLI::Range(std::size_t{1}, kMaxSignificantTerms));
  app.add_option("--by", by, "count articles (every copy) or stories (one copy each)")
      ->check(CLI::IsMember({"articles", "stories"}));
  app.add_flag("--json", json, "print one JSON object");
  if (const auto done = parse(app, argc, argv)) return *done;
  try {
    for (const auto& word : words)
      request.search.query += (request.search.query.empty() ? "" : " ") + word;
    request.search.default_operator = parse_match(match);
    request.by = parse_count_unit(by);
    Searcher searcher(resolve_database_path(db));
    const TermsResult result = searcher.terms(request);
    if (json) {
      std::cout << to_json(result) << "\n";
    } else {
      write_text(std::cout, result);
    }
    return 0;
  } catch (const Error& e) {
    std::cerr << "nsearch terms: " << e.what() << "\n";
    return kExitError;
  }
}

}  // namespace nsearch::cli
