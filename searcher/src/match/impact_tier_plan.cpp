#include "match/impact_tier_plan.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include "impact_tiers.hpp"
#include "match/posting_walk.hpp"
#include "match/weighting.hpp"
#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

// Beyond these the plan would rank about as much as the matcher: not worth it.
constexpr Xapian::doccount kMaxUntieredPostings = 8000;
constexpr std::size_t kMaxCandidates = 60000;
// Xapian prints scale factors with 20 digits; the bound is raised by this much against any
// difference in the last bits of the arithmetic.
constexpr double kBoundMargin = 1e-9;

// A weighted leaf of the query.
struct Leaf {
  std::string term;
  TermWeightStats stats;
  std::optional<ImpactTier> tier;
  double rest = 0;                                                    // the most outside its tier
  std::vector<std::pair<Xapian::docid, Xapian::termcount>> postings;  // untiered: all
};

class Planner {
 public:
  Planner(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& request,
          Xapian::docid covered_through)
      : db_(db), query_(query), request_(request), covered_through_(covered_through) {}

  // Adds the weighted part of `query`, scaled by `factor`; false when it cannot be bounded.
  bool add(const Xapian::Query& query, double factor) {
    const std::size_t n = query.get_num_subqueries();
    switch (query.get_type()) {
      case Xapian::Query::LEAF_TERM:
        return add_term(query, factor);
      case Xapian::Query::LEAF_MATCH_NOTHING:
        return true;
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_OR:
      case Xapian::Query::OP_AND_MAYBE:
      case Xapian::Query::OP_MAX:
      case Xapian::Query::OP_PHRASE:
      case Xapian::Query::OP_NEAR:
        // A document's weight is at most the sum of its terms' weights.
        for (std::size_t i = 0; i < n; ++i) {
          if (!add(query.get_subquery(i), factor)) return false;
        }
        return true;
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_AND_NOT:
        // Only the first part weighs; the others only narrow the matches.
        return n == 0 || add(query.get_subquery(0), factor);
      case Xapian::Query::OP_SCALE_WEIGHT: {
        // The factor is not exposed but printed: "Query(<factor> * ...)".
        const std::string description = query.get_description();
        const char* start = description.c_str() + 6;
        char* end = nullptr;
        const double scale = std::strtod(start, &end);
        if (!description.starts_with("Query(") || end == start || !(scale >= 0) || n != 1)
          return false;
        return scale == 0 || add(query.get_subquery(0), factor * scale);
      }
      default:
        return false;  // wildcards, value ranges, posting sources, synonyms...
    }
  }

  std::optional<TierPlan> finish() {
    // The documents added since the tiers were brought up to date are candidates too.
    const Xapian::docid last = db_.get_lastdocid();
    if (!tiered_ || last - covered_through_ > kMaxCandidates) return std::nullopt;
    std::vector<Xapian::docid> docids;
    for (const Leaf& leaf : leaves_) {
      if (leaf.tier) {
        docids.insert(docids.end(), leaf.tier->docids.begin(), leaf.tier->docids.end());
      } else {
        for (const auto& posting : leaf.postings)
          docids.push_back(posting.first);
      }
    }
    for (Xapian::docid did = covered_through_ + 1; did <= last; ++did)
      docids.push_back(did);
    std::sort(docids.begin(), docids.end());
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    if (docids.size() > kMaxCandidates) return std::nullopt;
    // Of a query of terms and boolean operators, only the candidates that match: one that
    // does not can be heavy (an AND's one word) and would push out those that do.
    if (const auto walk = PostingWalk::make(db_, query_)) {
      std::erase_if(docids, [&](Xapian::docid did) { return walk->skip_to(did) != did; });
    }

    TierPlan plan;
    // Each candidate's length, where a tier holds it; else the shortest any document has.
    const Xapian::termcount shortest =
        std::max<Xapian::termcount>(db_.get_doclength_lower_bound(), 1);
    std::vector<Xapian::termcount> lengths(docids.size(), shortest);
    for (const Leaf& leaf : leaves_) {
      if (!leaf.tier) continue;
      std::size_t i = 0;
      for (std::size_t at = 0; at < leaf.tier->docids.size() && i < docids.size(); ++at) {
        while (i < docids.size() && docids[i] < leaf.tier->docids[at])
          ++i;
        if (i < docids.size() && docids[i] == leaf.tier->docids[at])
          lengths[i] = leaf.tier->postings[at].length;
      }
    }
    std::vector<double> most(docids.size(), 0.0);
    for (const Leaf& leaf : leaves_) {
      const auto weight = [&](Xapian::termcount wdf, Xapian::termcount length) {
        return term_weight(request_, leaf.stats, wdf, length);
      };
      if (leaf.tier) {
        // In the tier: the exact weight. Elsewhere the term's wdf, read from its posting list
        // (a walk forward, about the cost of reading it; no document length is looked up),
        // weighed at the length known or the shortest, and never above the tier's bound.
        const auto& in = leaf.tier->docids;
        std::size_t at = 0;
        Xapian::PostingIterator posting = db_.postlist_begin(leaf.term);
        const Xapian::PostingIterator end = db_.postlist_end(leaf.term);
        for (std::size_t i = 0; i < docids.size(); ++i) {
          const Xapian::docid did = docids[i];
          while (at < in.size() && in[at] < did)
            ++at;
          if (at < in.size() && in[at] == did) {
            most[i] += weight(leaf.tier->postings[at].wdf, leaf.tier->postings[at].length);
            continue;
          }
          if (posting == end) continue;
          posting.skip_to(did);
          if (posting == end || *posting != did) continue;
          const double here = weight(posting.get_wdf(), lengths[i]);
          most[i] += did <= covered_through_ ? std::min(here, leaf.rest) : here;
        }
        plan.bound += leaf.rest;
      } else {
        const auto& in = leaf.postings;
        std::size_t at = 0;
        for (std::size_t i = 0; i < docids.size(); ++i) {
          while (at < in.size() && in[at].first < docids[i])
            ++at;
          if (at < in.size() && in[at].first == docids[i])
            most[i] += weight(in[at].second, lengths[i]);
        }
      }
    }
    plan.candidates.reserve(docids.size());
    for (std::size_t i = 0; i < docids.size(); ++i)
      plan.candidates.push_back({docids[i], with_margin(most[i])});
    std::sort(plan.candidates.begin(), plan.candidates.end(),
              [](const TierCandidate& a, const TierCandidate& b) {
                return a.most != b.most ? a.most > b.most : a.did < b.did;
              });
    plan.bound = with_margin(plan.bound);
    return plan;
  }

 private:
  static double with_margin(double weight) { return weight * (1 + kBoundMargin) + kBoundMargin; }

  bool add_term(const Xapian::Query& leaf_query, double factor) {
    const std::string term = *leaf_query.get_terms_begin();
    const double wqf = leaf_wqf(leaf_query, term);
    if (!(wqf > 0)) return false;
    const Xapian::doccount termfreq = db_.get_termfreq(term);
    if (termfreq == 0 || factor == 0) return true;
    Leaf leaf;
    leaf.term = term;
    leaf.stats = {static_cast<double>(db_.get_doccount()),
                  db_.get_avlength(),
                  static_cast<double>(termfreq),
                  static_cast<double>(db_.get_collection_freq(term)),
                  wqf,
                  factor};
    leaf.tier = decode_impact_tier(db_.get_metadata(impact_tier_key(term)));
    if (leaf.tier) {
      tiered_ = true;
      for (const WdfLength& p : leaf.tier->rest)
        leaf.rest = std::max(leaf.rest, term_weight(request_, leaf.stats, p.wdf, p.length));
    } else {
      // A term without a tier: every document with it is a candidate.
      if (termfreq > kMaxUntieredPostings) return false;
      for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
        leaf.postings.emplace_back(*it, it.get_wdf());
    }
    leaves_.push_back(std::move(leaf));
    return true;
  }

  // A leaf's within-query frequency, printed after its term as "#<wqf>" when not 1.
  static double leaf_wqf(const Xapian::Query& leaf, const std::string& term) {
    const std::string description = leaf.get_description();
    const std::string head = "Query(" + term;
    if (!description.starts_with(head)) return 0;
    const std::string_view rest = std::string_view(description).substr(head.size());
    if (!rest.starts_with('#')) return 1;
    return std::strtod(std::string(rest.substr(1)).c_str(), nullptr);
  }

  const Xapian::Database& db_;
  const Xapian::Query& query_;
  const SearchRequest& request_;
  Xapian::docid covered_through_;
  std::vector<Leaf> leaves_;
  bool tiered_ = false;  // some term has a tier: else the plan saves nothing
};

}  // namespace

std::optional<TierPlan> plan_from_tiers(const Xapian::Database& db, const Xapian::Query& query,
                                        const SearchRequest& request) {
  const auto state =
      decode_impact_tiers_state(db.get_metadata(std::string(schema::kImpactTiersKey)));
  if (!state || state->uuid != db.get_uuid() || state->covered_through > db.get_lastdocid())
    return std::nullopt;
  Planner planner(db, query, request, state->covered_through);
  if (!planner.add(query, 1.0)) return std::nullopt;
  return planner.finish();
}

}  // namespace nsearch
