// Presenting trends and significant terms: JSON, CSV and text.
#pragma once

#include <ostream>
#include <string>

#include "nsearch/analysis.hpp"

namespace nsearch {

/// {"by", "count", "periods": [...], "totals": [...], "series": [{"query", "counts": [...],
/// "shares": [...]}]} ("shares" only when normalised).
std::string to_json(const TrendResult& trend);

/// One line per period: period,total,<query>...,(<query> share...) with a header line.
void write_csv(std::ostream& out, const TrendResult& trend);

/// A table of periods by query; with `sparklines` (a terminal) a sparkline per query below it.
void write_text(std::ostream& out, const TrendResult& trend, bool sparklines);

/// {"query", "by", "matches", "database", "sampled", "measure", "terms": [{"term", "stem",
/// "in_matches", "in_database", "score"}]}.
std::string to_json(const TermsResult& terms);

/// One line per term: rank, term, in the matches, in the database, score.
void write_text(std::ostream& out, const TermsResult& terms);

}  // namespace nsearch
