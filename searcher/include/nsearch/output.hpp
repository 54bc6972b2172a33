// Presenting search results and statistics: JSON for programs, text for people.
#pragma once

#include <ostream>
#include <string>

#include "nsearch/database_stats.hpp"  // its to_json and write_text, for the CLI and API
#include "nsearch/searcher.hpp"

namespace nsearch {

/// One JSON object: {"query", "query_fallback", "fallback_reason", "parsed_query", "total",
/// "total_exact", "total_unit", "articles", "articles_exact", "collapsed", "facet_unit",
/// "offset", "hits": [...], "facets": {...}, "suggestion"}; unknown fields are null. The format
/// is documented in the README.
std::string to_json(const SearchResult& result);

/// One hit as in to_json(SearchResult)'s "hits", with "copies" and "also_in" always.
std::string to_json(const Hit& hit);

/// The hit's snippet as HTML: text escaped, matches wrapped in <mark> (JSON's "snippet_html").
std::string snippet_html(const Hit& hit);

/// {"query", "completions": [{"value", "count"}], "correction"} (correction null when none).
std::string to_json(const Suggestions& suggestions);
/// JSON for Searcher::copies: {"story", "copies": [{"id", "title", "title_derived", "outlet",
/// "date", "url", "similarity", "requested"}]}.
std::string to_json(const StoryCopies& copies);

struct TextStyle {
  bool color = false;    ///< ANSI highlighting of matches (only for terminals)
  bool explain = false;  ///< also print how the query was understood
};

/// A readable listing: a summary line naming its units ("363 stories (382 articles)", "at least"
/// for lower bounds), numbered hits with metadata and snippet, then facets with their unit.
/// Hits of kind "page" are tagged "[page]"; titles derived from the body are not bold.
void write_text(std::ostream& out, const SearchResult& result, const TextStyle& style);
void write_text(std::ostream& out, const StoryCopies& copies);

}  // namespace nsearch
