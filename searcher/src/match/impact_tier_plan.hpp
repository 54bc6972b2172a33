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

/// A plan for `query` (weighted as `request` asks) over `db`, a single local database, or
/// nullopt when its tiers cannot bound the query: no trusted tiers, a weighted part that is
/// not terms under AND, OR, AND_MAYBE, MAX, phrases and scale factors, a frequent term without
/// a tier, or too many documents added since the tiers were last brought up to date.
///
/// Every document outside the candidates either does not match or weighs at most `bound`, and
/// each candidate at most its `most`. A page ranked among the first candidates whose last
/// weight is above the bound and above the `most` of every candidate left out is the page
/// Xapian ranks from every match. `most` is the exact weight (plus a rounding margin) for the
/// terms whose tier holds the document, read from the tier: no posting list or document length
/// is looked up, which is what makes ranking a few thousand candidates cheap.
/// With `columns`, every document's length is read from them (ValueColumns::lengths, built
/// on first use): without, a document that no tier of the query holds is weighed at the
/// shortest length, too heavy, and ranked early for nothing.
std::optional<TierPlan> plan_from_tiers(const Xapian::Database& db, const Xapian::Query& query,
                                        const SearchRequest& request,
                                        ValueColumns* columns = nullptr);

}  // namespace nsearch
