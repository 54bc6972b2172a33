// Writes and keeps up the impact tiers of a plain database (see common/src/impact_tiers.hpp)
// (internal).
#pragma once

#include <xapian.h>

#include "nsearch/indexer.hpp"

namespace nsearch {

enum class ImpactTierUpdate { none, built, extended, removed };

/// Brings the tiers of `db` up to date (not committed): builds them when there are none to
/// trust (never built, invalidated, or the database was compacted into a new one, or it has
/// grown half as large again since: new frequent words get theirs), extends them over the
/// documents added since, or removes them when `settings` want none.
///
/// A tier holds the postings with the largest I(ne)B2 normalised wdf (nsearch's default
/// weighting, c = 1): any other weighting stays exact, only how often a tier suffices changes.
ImpactTierUpdate update_impact_tiers(Xapian::WritableDatabase& db,
                                     const ImpactTierSettings& settings = {});

/// Makes the tiers untrusted until the next update_impact_tiers() rebuilds them: to be called,
/// in the same commit, when a document's weighted terms change under the same docid.
void invalidate_impact_tiers(Xapian::WritableDatabase& db);

}  // namespace nsearch
