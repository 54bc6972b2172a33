#include "write/impact_tier_builder.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <string>
#include <unordered_set>
#include <vector>

#include "impact_tiers.hpp"
#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

// The length normalisation tiers are chosen for: I(ne)B2's c, nsearch's default weighting.
constexpr double kDfrC = 1.0;
// Tiers are rebuilt when the database has grown this many times over since they were built.
constexpr double kRebuildGrowth = 1.5;
// Glass keeps a metadata key in a B-tree key (at most 255 bytes, its own prefix included): a
// term long enough to pass that in its tier's key gets no tier.
constexpr std::size_t kMaxKeyBytes = 200;

std::optional<ImpactTiersState> trusted_state(const Xapian::Database& db) {
  auto state = decode_impact_tiers_state(db.get_metadata(std::string(schema::kImpactTiersKey)));
  if (!state || state->uuid != db.get_uuid() || state->covered_through > db.get_lastdocid() ||
      db.get_doccount() > kRebuildGrowth * state->built_for) {
    return std::nullopt;
  }
  return state;
}

std::vector<std::string> tier_keys(const Xapian::Database& db) {
  std::vector<std::string> keys;
  const std::string prefix(schema::kImpactTierKeyPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
    keys.push_back(*it);
  return keys;
}

void remove_tiers(Xapian::WritableDatabase& db) {
  for (const std::string& key : tier_keys(db))
    db.set_metadata(key, {});
  db.set_metadata(std::string(schema::kImpactTiersKey), {});
}

// One term's tier: the tier_size postings with the largest I(ne)B2 normalised wdf, and the
// frontier of the others.
ImpactTier build_tier(const Xapian::Database& db, const std::string& term,
                      const std::vector<Xapian::termcount>& lengths, double c_times_average,
                      Xapian::doccount tier_size) {
  struct Entry {
    double impact;
    Xapian::docid did;
    WdfLength posting;
    // The heap's top is the weakest: least impact, then the latest docid.
    bool operator<(const Entry& o) const {
      return impact != o.impact ? impact > o.impact : did < o.did;
    }
  };
  std::priority_queue<Entry> best;
  ImpactTier tier;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const Xapian::docid did = *it;
    const WdfLength posting{it.get_wdf(), did < lengths.size() ? lengths[did] : 0};
    if (posting.wdf == 0) continue;  // a boolean posting weighs nothing
    const double impact = posting.wdf * std::log2(1 + c_times_average / std::max<Xapian::termcount>(
                                                                            posting.length, 1));
    best.push({impact, did, posting});
    if (best.size() > tier_size) {
      add_to_frontier(tier.rest, best.top().posting);
      best.pop();
    }
  }
  std::vector<std::pair<Xapian::docid, WdfLength>> kept;
  kept.reserve(best.size());
  for (; !best.empty(); best.pop())
    kept.emplace_back(best.top().did, best.top().posting);
  std::sort(kept.begin(), kept.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [did, posting] : kept) {
    tier.docids.push_back(did);
    tier.postings.push_back(posting);
  }
  return tier;
}

void build_tiers(Xapian::WritableDatabase& db, const ImpactTierSettings& settings) {
  // Every document's length, read once from the length list.
  std::vector<Xapian::termcount> lengths(db.get_lastdocid() + 1, 0);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    lengths[*it] = it.get_doclength();
  const double c_times_average = kDfrC * db.get_avlength();
  std::unordered_set<std::string> stale;
  for (std::string& key : tier_keys(db))
    stale.insert(std::move(key));
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    if (it.get_termfreq() < settings.min_termfreq) continue;
    const std::string term = *it;
    if (db.get_collection_freq(term) == 0) continue;  // boolean: never weighed
    const std::string key = impact_tier_key(term);
    if (key.size() > kMaxKeyBytes) continue;  // searched as a term without a tier
    db.set_metadata(key, encode_impact_tier(
                             build_tier(db, term, lengths, c_times_average, settings.tier_size)));
    stale.erase(key);
  }
  for (const std::string& key : stale)
    db.set_metadata(key, {});
}

// The documents after `state.covered_through` join each tier they would have entered: a posting
// the frontier does not cover goes into the tier, so the bound stays true.
void extend_tiers(Xapian::WritableDatabase& db, const ImpactTiersState& state) {
  const std::string prefix(schema::kImpactTierKeyPrefix);
  for (const std::string& key : tier_keys(db)) {
    auto tier = decode_impact_tier(db.get_metadata(key));
    if (!tier) {
      db.set_metadata(key, {});  // unreadable: the searcher treats the term as untiered
      continue;
    }
    const std::string term = key.substr(prefix.size());
    bool changed = false;
    Xapian::PostingIterator it = db.postlist_begin(term);
    for (it.skip_to(state.covered_through + 1); it != db.postlist_end(term); ++it) {
      const WdfLength posting{it.get_wdf(), it.get_doclength()};
      if (posting.wdf == 0 || dominated(tier->rest, posting)) continue;
      tier->docids.push_back(*it);
      tier->postings.push_back(posting);
      changed = true;
    }
    if (changed) db.set_metadata(key, encode_impact_tier(*tier));
  }
}

}  // namespace

ImpactTierUpdate update_impact_tiers(Xapian::WritableDatabase& db,
                                     const ImpactTierSettings& settings) {
  const std::string state_key(schema::kImpactTiersKey);
  if (!settings.enabled || db.get_doccount() < settings.min_documents) {
    if (db.get_metadata(state_key).empty() && tier_keys(db).empty()) return ImpactTierUpdate::none;
    remove_tiers(db);
    return ImpactTierUpdate::removed;
  }
  ImpactTiersState next{db.get_uuid(), db.get_lastdocid(), db.get_doccount()};
  if (const auto state = trusted_state(db)) {
    if (state->covered_through == db.get_lastdocid()) return ImpactTierUpdate::none;
    extend_tiers(db, *state);
    next.built_for = state->built_for;
    db.set_metadata(state_key, encode_impact_tiers_state(next));
    return ImpactTierUpdate::extended;
  }
  build_tiers(db, settings);
  db.set_metadata(state_key, encode_impact_tiers_state(next));
  return ImpactTierUpdate::built;
}

void invalidate_impact_tiers(Xapian::WritableDatabase& db) {
  const std::string state_key(schema::kImpactTiersKey);
  if (!db.get_metadata(state_key).empty()) db.set_metadata(state_key, {});
}

}  // namespace nsearch
