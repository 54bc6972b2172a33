// The search filters as command-line options, declared once for every nsearch command that
// selects articles (search, export).
#pragma once

#include <CLI/CLI.hpp>

#include "nsearch/searcher.hpp"

namespace nsearch::cli {

/// Adds --outlet and --lang (repeatable), --kind, --since and --until, filling `request`.
void add_filter_options(CLI::App& app, SearchRequest& request);

}  // namespace nsearch::cli
