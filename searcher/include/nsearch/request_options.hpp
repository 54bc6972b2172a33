// Search options by name: the one mapping from option names and text values to a SearchRequest,
// shared by the nsearch CLI and the HTTP API (`/api/search?limit=5&outlet=...`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// "relevance" or "date". Throws Error(invalid_argument) otherwise.
SortOrder parse_sort_order(std::string_view text);

/// "all" or "any". Throws Error(invalid_argument) otherwise.
DefaultOperator parse_match(std::string_view text);

/// "copy" or "story". Throws Error(invalid_argument) otherwise.
FacetUnit parse_facet_unit(std::string_view text);

/// The non-empty items of a comma-separated list.
std::vector<std::string> split_list(std::string_view list);

/// One search option: its name (the CLI's long option without "--"; "q" is the query text)
/// and what it does, for usage texts and error messages.
struct RequestOption {
  std::string_view name;
  std::string_view help;
};

/// Every option set_request_option() knows, in usage order.
const std::vector<RequestOption>& request_options();

/// Sets the option called `name` from its text form: q, limit (alias n), offset, outlet and
/// lang (each use adds one value), kind (article or page), since, until, sort, match, facets
/// (comma-separated), facet-limit, like, weighting ("ineb2"/"bm25"), dfr-c, bm25 ("K1,B": selects
/// BM25), expand, expand-weight, title-weight, collapse ("0"/"false": every copy of a story),
/// first-seen, facet-by (copy or story), count-limit (matching articles to count, 0 = all),
/// count ("1"/"true": only the exact number of matches).
/// Numbers are checked against the same ranges as the CLI. Throws Error(invalid_argument) naming
/// the option and the reason.
void set_request_option(SearchRequest& request, std::string_view name, std::string_view value);

}  // namespace nsearch
