// The part of a query that decides which documents match (internal).
#pragma once

#include <xapian.h>

namespace nsearch {

/// `query` without what only adds weight: the optional branches of AND_MAYBE (title boosts,
/// recency, expansion terms) and SCALE_WEIGHT's factors. Exactly the same documents match; an
/// unweighted pass that counts them then reads no posting list that cannot change the count
/// (a title boost cost about a third of counting a single word's matches).
Xapian::Query matching_part(const Xapian::Query& query);

/// True when `query` holds an AND of several branches, a phrase or NEAR: a match the matcher
/// finds by skipping through several posting lists (and reading positions), where ranking more
/// hits than the page costs more candidates checked.
bool intersects(const Xapian::Query& query);

}  // namespace nsearch
