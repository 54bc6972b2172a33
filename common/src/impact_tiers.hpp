// Impact tiers: for each frequent term, the postings that can weigh most, and a bound on the
// rest, so that a search can rank a few thousand documents instead of every posting and still
// prove its top ten exact (internal; written by nindex, read by the searcher).
//
// A term's weight in a document rises with its wdf and falls with the document's length, under
// both of nsearch's weighting schemes (I(ne)B2, BM25) whatever their parameters and the
// collection's statistics. So the postings outside a tier are bounded by the few (wdf, length)
// pairs that no other such posting beats on both: the bound is computed at search time, under
// the statistics of the day, from those pairs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace nsearch {

/// A (wdf, document length) pair of a posting.
struct WdfLength {
  Xapian::termcount wdf = 0;
  Xapian::termcount length = 0;
  bool operator==(const WdfLength&) const = default;
};

/// One term's tier.
struct ImpactTier {
  std::vector<Xapian::docid> docids;  ///< ascending
  std::vector<WdfLength> postings;    ///< the term's wdf in each, and its length
  /// Every posting of the term, up to the state's covered_through, whose document is not in
  /// `docids` has wdf <= some point's wdf and length >= that point's length. No point beats
  /// another on both, so by ascending wdf the lengths ascend too.
  std::vector<WdfLength> rest;
};

/// Adds (wdf, length) to a set of pairs kept as the ones no other beats on both (ascending
/// wdf, ascending length); a pair that is beaten changes nothing.
void add_to_frontier(std::vector<WdfLength>& frontier, WdfLength point);
/// True when some pair of `frontier` has wdf >= point.wdf and length <= point.length.
bool dominated(const std::vector<WdfLength>& frontier, WdfLength point);

std::string encode_impact_tier(const ImpactTier& tier);
/// nullopt when `data` is not an encoded tier.
std::optional<ImpactTier> decode_impact_tier(std::string_view data);

/// What the tiers of a database cover.
struct ImpactTiersState {
  std::string uuid;  ///< the database's, when they were built (compaction changes it)
  Xapian::docid covered_through = 0;  ///< every document up to here is accounted for
  Xapian::doccount built_for = 0;     ///< documents when they were built
};

std::string encode_impact_tiers_state(const ImpactTiersState& state);
/// nullopt when absent, emptied (invalidated) or unreadable.
std::optional<ImpactTiersState> decode_impact_tiers_state(std::string_view data);

/// The metadata key of `term`'s tier.
std::string impact_tier_key(std::string_view term);

}  // namespace nsearch
