#include "export_command.hpp"

#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "filter_options.hpp"

#include "nsearch/article_format.hpp"
#include "nsearch/database_path.hpp"
#include "nsearch/error.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/searcher.hpp"

namespace nsearch::cli {

int export_command(int argc, char** argv) {
  constexpr int kExitMatches = 0, kExitNoMatches = 1, kExitError = 2;  // as nsearch
  CLI::App app{"nsearch export: every article that matches, as JSON lines or CSV", "export"};
  std::string db;
  std::vector<std::string> query_words;
  SearchRequest request;
  std::string match = "all";
  std::string order = "date";
  std::string format = "jsonl";
  std::string fields;
  bool collapse = false;
  app.add_option("query", query_words, "query (as nsearch; none: every article)");
  add_filter_options(app, db, request, match);
  app.add_option("--order", order, "date (newest first) or index (as indexed: fastest)")
      ->check(CLI::IsMember({"date", "index"}));
  app.add_flag("--collapse", collapse, "one article per story (the first in that order)");
  app.add_option("--format", format, "jsonl (read back by nindex add) or csv")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  std::string known;
  for (const std::string_view f : article_fields())
    known += (known.empty() ? "" : ",") + std::string(f);
  app.add_option("--fields", fields, "fields to write, in order (default: all: " + known + ")");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitError;
  }
  for (const auto& word : query_words)
    request.query += (request.query.empty() ? "" : " ") + word;
  try {
    request.default_operator = parse_match(match);
    request.sort = order == "date" ? SortOrder::date : SortOrder::relevance;
    request.collapse = collapse;
    const ExportFormat writer(format, fields);
    Searcher searcher(resolve_database_path(db));
    std::ios::sync_with_stdio(false);
    std::cout << writer.header();
    const std::size_t written = searcher.export_matches(request, [&](const Article& article) {
      std::cout << writer.record(article);
      return static_cast<bool>(std::cout);  // a closed pipe (| head) ends the export
    });
    std::cout.flush();
    return written > 0 ? kExitMatches : kExitNoMatches;
  } catch (const Error& e) {
    std::cerr << "nsearch export: " << e.what() << "\n";
    return kExitError;
  }
}

}  // namespace nsearch::cli
