// Matching articles or stories per calendar period for several queries (internal).
#pragma once

#include "match/match_walk.hpp"
#include "nsearch/analysis.hpp"

namespace nsearch {

/// Searcher::trend over `source`. Each query's matches are collected once (no weights) and
/// counted by the period of their date column value; a story counts once in each period it has
/// a matching copy in, as `--count` with that period's --since/--until counts it. Undated
/// articles are in no period. Throws Error (bad_query, invalid_argument).
TrendResult compute_trend(const AnalysisSource& source, const TrendRequest& request);

}  // namespace nsearch
