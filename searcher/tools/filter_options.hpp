// The options that narrow what a command reads: database, outlets, languages, kind, dates.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "nsearch/searcher.hpp"

namespace nsearch::cli {

/// Adds --db, --outlet, --lang, --kind, --since, --until and --match, storing into `db`,
/// `request` and `match` (the caller turns `match` into request.default_operator).
void add_filter_options(CLI::App& app, std::string& db, SearchRequest& request, std::string& match);

}  // namespace nsearch::cli
