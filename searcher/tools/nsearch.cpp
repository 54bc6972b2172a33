// nsearch: searches an nsearch database. A thin shell over nsearch::Searcher.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>

#include "analysis_commands.hpp"
#include "bench_command.hpp"
#include "count_limit_option.hpp"
#include "exec_sibling.hpp"
#include "export_command.hpp"
#include "filter_options.hpp"

#include "nsearch/database_path.hpp"
#include "nsearch/error.hpp"
#include "nsearch/output.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/searcher.hpp"
#include "nsearch/trec.hpp"

namespace {

// Like grep: 0 = hits found, 1 = no hits, 2 = error.
constexpr int kExitHits = 0;
constexpr int kExitNoHits = 1;
constexpr int kExitError = 2;

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(STDOUT_FILENO) == 1;
}

}  // namespace

using nsearch::cli::add_filter_options;

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "serve")
    return nsearch::cli::exec_sibling("nsearch-serve", argc - 1, argv + 1);
  if (argc > 1 && std::string_view(argv[1]) == "bench") {
    return nsearch::cli::bench_command(argc - 1, argv + 1);
  }
  if (argc > 1 && std::string_view(argv[1]) == "trend")
    return nsearch::cli::trend_command(argc - 1, argv + 1);
  if (argc > 1 && std::string_view(argv[1]) == "terms")
    return nsearch::cli::terms_command(argc - 1, argv + 1);
  if (argc > 1 && std::string_view(argv[1]) == "export")
    return nsearch::cli::export_command(argc - 1, argv + 1);
  CLI::App app{
      "nsearch: search a news database built by nindex\n(nsearch serve --help: the HTTP server; "
      "nsearch bench --help: latency;\nnsearch trend --help: counts per period; nsearch terms "
      "--help: what matches are about;\nnsearch export --help: every match as JSON lines or CSV)"};
  std::string db;
  std::vector<std::string> query_words;
  nsearch::SearchRequest request;
  std::string sort = "relevance";
  std::string match = "all";
  std::string facets;
  bool json = false;
  std::vector<double> bm25;

  app.add_option("query", query_words, "query (words, \"phrases\", AND/OR/NOT, field:value)");
  add_filter_options(app, db, request, match);
  // offset + limit are checked against the result window by the Searcher.
  app.add_option("--limit,-n", request.limit, "number of hits to show");
  app.add_option("--offset", request.offset, "hits to skip (for paging)");
  app.add_option("--sort", sort, "relevance or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}));
  app.add_option("--recency", request.recency,
                 "blend recency into relevance with this half-life (12h, 30d, 2w, 6m, 1y)");
  app.add_option("--facets", facets,
                 "count matches by: outlet,host,author,category,lang,kind,year,month,day");
  app.add_option("--facet-limit", request.facet_limit, "values per facet (0 = all)");
  app.add_flag("--json", json, "print one JSON object");
  bool explain = false;
  app.add_flag("--explain", explain, "also print how the query was understood");
  bool count_only = false;
  app.add_flag("--count", count_only, "print only the number of matches");
  nsearch::cli::add_count_limit_option(app, request.count_limit);
  app.add_option("--like", request.like_id, "articles similar to the article with this id");
  bool no_collapse = false;
  app.add_flag("--no-collapse", no_collapse,
               "show every copy of a syndicated story (default: each story once)");
  app.add_flag("--first-seen", request.first_seen,
               "show each story's earliest copy and list other outlets by date");
  std::string facet_by = "copy";
  app.add_option("--facet-by", facet_by,
                 "facets count every copy (copy) or each story once (story)")
      ->check(CLI::IsMember({"copy", "story"}));
  std::string copies_of;
  app.add_option("--copies", copies_of, "list every copy of the story of the article with this id");
  std::string trec_queries;
  nsearch::TrecRunOptions trec;
  app.add_option("--trec-run", trec_queries,
                 "run each 'qid<TAB>text' line of FILE as free text; print a TREC run")
      ->check(CLI::ExistingFile);
  app.add_option("--run-tag", trec.tag, "tag for --trec-run lines");
  std::string weighting = "ineb2";
  app.add_option("--weighting", weighting,
                 "ranking: ineb2 (divergence from randomness, default) or bm25")
      ->check(CLI::IsMember({"ineb2", "bm25"}));
  app.add_option("--dfr-c", request.dfr_c, "I(ne)B2 length normalisation parameter C (default 1)")
      ->check(CLI::PositiveNumber);
  app.add_option("--bm25", bm25, "rank by BM25 with parameters K1,B (default 1.6,0.6)")
      ->expected(2)
      ->delimiter(',')
      ->allow_extra_args(false);  // so that a query may follow: --bm25 1.2,0.75 oil
  app.add_option("--expand", request.expand_terms,
                 "add N terms from the top articles to the query (pseudo-relevance feedback)")
      ->check(CLI::Range(0, 100));
  app.add_option("--expand-weight", request.expand_weight, "weight of expansion terms")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--title-weight", request.title_weight, "extra weight of title matches")
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2 like other errors.
    return app.exit(e) == 0 ? 0 : kExitError;
  }

  for (const auto& word : query_words) {
    if (!request.query.empty()) request.query += ' ';
    request.query += word;
  }
  request.sort = nsearch::parse_sort_order(sort);
  request.default_operator = nsearch::parse_match(match);
  request.facets = nsearch::split_list(facets);
  request.collapse = !no_collapse;
  request.facet_by = nsearch::parse_facet_unit(facet_by);
  request.weighting = weighting == "bm25" ? nsearch::Weighting::bm25 : nsearch::Weighting::ineb2;
  if (bm25.size() == 2) {
    if (app.count("--weighting") > 0 && weighting != "bm25") {
      std::cerr << "nsearch: --bm25 sets BM25 parameters; it cannot go with --weighting "
                << weighting << "\n";
      return kExitError;
    }
    request.weighting = nsearch::Weighting::bm25;
    request.bm25_k1 = bm25[0];
    request.bm25_b = bm25[1];
  }

  try {
    nsearch::Searcher searcher(nsearch::resolve_database_path(db));
    if (!trec_queries.empty()) {
      std::ifstream queries(trec_queries);
      trec.base = request;
      // --limit defaults to 10 for people; a run is judged to depth 1000 unless told otherwise.
      trec.depth = app.count("--limit") > 0 ? request.limit : 1000;
      nsearch::write_trec_run(searcher, queries, std::cout, trec);
      return kExitHits;
    }
    if (!copies_of.empty()) {
      const nsearch::StoryCopies copies = searcher.copies(copies_of);
      if (json) {
        std::cout << nsearch::to_json(copies) << "\n";
      } else {
        nsearch::write_text(std::cout, copies);
      }
      return kExitHits;
    }
    if (count_only) {
      request.limit = 0;
      request.exact_total = true;
    }
    const nsearch::SearchResult result = searcher.search(request);
    if (count_only) {
      std::cout << result.total << "\n";
    } else if (json) {
      std::cout << nsearch::to_json(result) << "\n";
    } else {
      nsearch::write_text(std::cout, result, nsearch::TextStyle{use_color(), explain});
    }
    return result.total > 0 ? kExitHits : kExitNoHits;
  } catch (const nsearch::Error& e) {
    std::cerr << "nsearch: " << e.what() << "\n";
    return kExitError;
  }
}
