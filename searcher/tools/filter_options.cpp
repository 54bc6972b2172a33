#include "filter_options.hpp"

namespace nsearch::cli {

void add_filter_options(CLI::App& app, std::string& db, SearchRequest& request,
                        std::string& match) {
  app.add_option("--db", db, "database path (default: $NSEARCH_DB, else ./news.db)");
  // One value per use, so that a query may follow: --lang fr pétrole.
  app.add_option("--outlet", request.outlets, "only this outlet (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--lang", request.langs, "only this language, e.g. en (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--kind", request.kind, "only this kind of document: article or page");
  app.add_option("--since", request.since,
                 "only articles on or after DATE (2021, 2021-09, 2021-09-24)");
  app.add_option("--until", request.until, "only articles on or before DATE (inclusive)");
  app.add_option("--match", match, "words without operators: all must match, or any")
      ->check(CLI::IsMember({"all", "any"}));
}

}  // namespace nsearch::cli
