// Ranking a frequent term's best postings instead of all of them, when the database's impact
// tiers (common/src/impact_tiers.hpp) prove the page the same (internal).
#pragma once

#include <optional>
#include <vector>

#include <xapian.h>

#include "match/value_columns.hpp"
#include "nsearch/searcher.hpp"

namespace nsearch {

/// A document worth ranking, and what it can weigh at most.
struct TierCandidate {
  Xapian::docid did = 0;
  double most = 0;
};

/// The documents worth ranking for a query, and what any other document weighs at most.
struct TierPlan {
  std::vector<TierCandidate> candidates;  ///< heaviest first (by `most`), a few thousand at most
  double bound = 0;
};

/// A plan for `query` (weighted as `request` asks, its page at request.offset + limit) over
/// `db`, a single local database, or nullopt when it would not pay or cannot prove the page: no
/// trusted tiers; a weighted part that is not terms under AND, OR, AND_MAYBE, MAX, phrases and
/// scale factors, with filters of terms and value ranges (FILTER, AND_NOT); words that must all
/// match (the matcher is as fast there); more than 16 weighted terms; a frequent term without a
/// tier; a filter too rare for the page; a value range without `columns`; or candidates that
/// cannot outweigh the bound.
///
/// Every document outside the candidates either does not match or weighs at most `bound`, and
/// each candidate at most its `most`. A page ranked among the first candidates whose last
/// weight is above the bound and above the `most` of every candidate left out is the page
/// Xapian ranks from every match. A candidate's `most` is exact (plus a rounding margin): a
/// term's weight from its tier, or from its wdf read in one forward walk of its posting list
/// and the document's length, capped by the tier's bound. No document length is looked up in
/// Xapian (a decode of its chunk of the length list each): with `columns` the lengths come from
/// ValueColumns::lengths (built on first use), as value ranges do from its columns; without,
/// a document no tier of the query holds is weighed at the shortest length, too heavy, and
/// ranked early for nothing.
std::optional<TierPlan> plan_from_tiers(const Xapian::Database& db, const Xapian::Query& query,
                                        const SearchRequest& request,
                                        ValueColumns* columns = nullptr);

}  // namespace nsearch
