// Writes and keeps up the impact tiers of a plain database (see common/src/impact_tiers.hpp)
// (internal).
#pragma once

#include <xapian.h>

namespace nsearch {

struct ImpactTierOptions {
  /// Below this many documents a search is fast without tiers: none are kept.
  Xapian::doccount min_documents = 50000;
  /// Postings in a term's tier when it is built.
  Xapian::doccount tier_size = 1000;
  /// Terms in fewer documents get no tier: their postings are cheap to rank whole.
  Xapian::doccount min_termfreq = 4000;
  /// The length normalisation the tiers are chosen for (I(ne)B2's c, nsearch's default
  /// weighting). Any other weighting stays exact; only how often a tier suffices changes.
  double dfr_c = 1.0;
  /// Tiers are rebuilt (new frequent terms get theirs) when the database has grown this many
  /// times over since they were built; in between, new documents extend them.
  double rebuild_growth = 1.5;
};

enum class ImpactTierUpdate { none, built, extended, removed };

/// Brings the tiers of `db` up to date (not committed): builds them when there are none to
/// trust (never built, invalidated, or the database was compacted into a new one), extends
/// them over the documents added since, or removes them from a database too small to need
/// them.
ImpactTierUpdate update_impact_tiers(Xapian::WritableDatabase& db,
                                     const ImpactTierOptions& options = {});

/// Makes the tiers untrusted until the next update_impact_tiers() rebuilds them: to be called,
/// in the same commit, when a document's weighted terms change under the same docid.
void invalidate_impact_tiers(Xapian::WritableDatabase& db);

}  // namespace nsearch
