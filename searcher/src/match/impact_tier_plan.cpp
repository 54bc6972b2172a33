#include "match/impact_tier_plan.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include "impact_tiers.hpp"
#include "match/weighting.hpp"
#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

// Beyond these the plan would rank about as much as the matcher: not worth it.
constexpr Xapian::doccount kMaxUntieredPostings = 8000;
constexpr std::size_t kMaxCandidates = 60000;
// The candidates a plan keeps, heaviest first: the page is ranked among at most this many.
constexpr std::size_t kMaxKept = 2048;
// A candidate's terms are kept as bits.
constexpr std::size_t kMaxLeaves = 64;
// Xapian prints scale factors with 20 digits; weights and bounds are raised by this much against
// any difference in the last bits of the arithmetic.
constexpr double kBoundMargin = 1e-9;

// A weighted term of the query.
struct Leaf {
  std::string term;
  TermWeigher weigh;
  std::optional<ImpactTier> tier;
  double rest = 0;                                                    // the most outside its tier
  std::vector<std::pair<Xapian::docid, Xapian::termcount>> postings;  // untiered: all
};

// The weighted part of the query as what a match needs, and what then weighs: all of its parts
// (AND, phrases), any (OR, MAX), the first with the others adding weight when they match
// (AND_MAYBE), or a term. FILTER and AND_NOT are their first part: the others only narrow the
// matches, which the matcher applies to the candidates.
struct Node {
  enum class Kind { all, any, maybe, term, nothing } kind;
  std::size_t leaf = 0;                    // Kind::term
  std::vector<std::size_t> children = {};  // into the planner's nodes
};

class Planner {
 public:
  Planner(const Xapian::Database& db, const SearchRequest& request, Xapian::docid covered_through,
          const std::vector<Xapian::termcount>* lengths)
      : db_(db), request_(request), covered_through_(covered_through), all_lengths_(lengths) {}

  // Adds the weighted part of `query`, scaled by `factor`: its node, or nullopt when it cannot
  // be bounded.
  std::optional<std::size_t> add(const Xapian::Query& query, double factor) {
    const std::size_t n = query.get_num_subqueries();
    switch (query.get_type()) {
      case Xapian::Query::LEAF_TERM:
        return add_term(query, factor);
      case Xapian::Query::LEAF_MATCH_NOTHING:
        return node({Node::Kind::nothing});
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_PHRASE:
      case Xapian::Query::OP_NEAR:
        return add_all(query, 0, n, factor, Node::Kind::all);
      case Xapian::Query::OP_OR:
      case Xapian::Query::OP_MAX:
        return add_all(query, 0, n, factor, Node::Kind::any);
      case Xapian::Query::OP_AND_MAYBE:
        return add_all(query, 0, n, factor, n == 0 ? Node::Kind::nothing : Node::Kind::maybe);
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_AND_NOT:
        if (n == 0) return node({Node::Kind::nothing});
        return add(query.get_subquery(0), factor);
      case Xapian::Query::OP_SCALE_WEIGHT: {
        // The factor is not exposed but printed: "Query(<factor> * ...)".
        const std::string description = query.get_description();
        const char* start = description.c_str() + 6;
        char* end = nullptr;
        const double scale = std::strtod(start, &end);
        if (!description.starts_with("Query(") || end == start || !(scale >= 0) || n != 1)
          return std::nullopt;
        return add(query.get_subquery(0), factor * scale);
      }
      default:
        return std::nullopt;  // wildcards, value ranges, posting sources, synonyms...
    }
  }

  // Whether the plan can beat the matcher. A match of several words together (AND, phrases):
  // the matcher skips through the rarest's postings, and weighing the candidates costs about as
  // much (measured at 400,000 articles: a plan of 2 words with title boosts, 6.6 M instructions,
  // and ranking its candidates, 5.6 M, against the matcher's 10 M). A word alone or words in
  // the alternative: the matcher reads every posting.
  bool worth_it(std::size_t root) const {
    const Node* n = &nodes_[root];
    while (n->kind == Node::Kind::maybe)
      n = &nodes_[n->children.front()];
    return n->kind != Node::Kind::all || n->children.size() < 2;
  }

  std::optional<TierPlan> finish(std::size_t root) {
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

    const std::vector<Xapian::termcount> lengths = known_lengths(docids);
    TierPlan plan;
    // Each leaf's weight in each candidate (at most), and whether it is there.
    std::vector<double> weights(leaves_.size() * docids.size(), 0.0);
    std::vector<std::uint64_t> present(docids.size(), 0);
    for (std::size_t l = 0; l < leaves_.size(); ++l) {
      const Leaf& leaf = leaves_[l];
      const auto add_weight = [&](std::size_t i, double weight) {
        weights[l * docids.size() + i] = weight;
        present[i] |= std::uint64_t{1} << l;
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
            add_weight(i, leaf.weigh(leaf.tier->postings[at].wdf, leaf.tier->postings[at].length));
            continue;
          }
          if (posting == end) continue;
          posting.skip_to(did);
          if (posting == end || *posting != did) continue;
          const double here = leaf.weigh(posting.get_wdf(), lengths[i]);
          add_weight(i, did <= covered_through_ ? std::min(here, leaf.rest) : here);
        }
        plan.bound += leaf.rest;
      } else {
        const auto& in = leaf.postings;
        std::size_t at = 0;
        for (std::size_t i = 0; i < docids.size(); ++i) {
          while (at < in.size() && in[at].first < docids[i])
            ++at;
          if (at < in.size() && in[at].first == docids[i])
            add_weight(i, leaf.weigh(in[at].second, lengths[i]));
        }
      }
    }
    // Only the candidates whose terms can make a match: one that cannot may be heavy (an
    // AND's one word) and would push out those that can.
    plan.candidates.reserve(docids.size());
    for (std::size_t i = 0; i < docids.size(); ++i) {
      const Weighed w = weigh(root, i, docids.size(), present[i], weights);
      if (w.matches) plan.candidates.push_back({docids[i], with_margin(w.most)});
    }
    plan.bound = with_margin(plan.bound);
    // Only the heaviest are ever ranked: the others join the bound.
    const auto heavier = [](const TierCandidate& a, const TierCandidate& b) {
      return a.most != b.most ? a.most > b.most : a.did < b.did;
    };
    if (plan.candidates.size() > kMaxKept) {
      std::nth_element(plan.candidates.begin(), plan.candidates.begin() + kMaxKept,
                       plan.candidates.end(), heavier);
      plan.bound = std::max(plan.bound, plan.candidates[kMaxKept].most);
      plan.candidates.resize(kMaxKept);
    }
    std::sort(plan.candidates.begin(), plan.candidates.end(), heavier);
    return plan;
  }

 private:
  static double with_margin(double weight) { return weight * (1 + kBoundMargin) + kBoundMargin; }

  std::size_t node(Node n) {
    nodes_.push_back(std::move(n));
    return nodes_.size() - 1;
  }

  std::optional<std::size_t> add_all(const Xapian::Query& query, std::size_t from, std::size_t to,
                                     double factor, Node::Kind kind) {
    Node parent{kind};
    for (std::size_t i = from; i < to; ++i) {
      const auto child = add(query.get_subquery(i), factor);
      if (!child) return std::nullopt;
      parent.children.push_back(*child);
    }
    return node(std::move(parent));
  }

  std::optional<std::size_t> add_term(const Xapian::Query& leaf_query, double factor) {
    const std::string term = *leaf_query.get_terms_begin();
    const double wqf = leaf_wqf(leaf_query, term);
    if (!(wqf > 0) || leaves_.size() == kMaxLeaves) return std::nullopt;
    const Xapian::doccount termfreq = db_.get_termfreq(term);
    if (termfreq == 0) return node({Node::Kind::nothing});
    const TermWeightStats stats{static_cast<double>(db_.get_doccount()),
                                db_.get_avlength(),
                                static_cast<double>(termfreq),
                                static_cast<double>(db_.get_collection_freq(term)),
                                wqf,
                                factor};
    Leaf leaf{term, TermWeigher(request_, stats), std::nullopt, 0, {}};
    leaf.tier = decode_impact_tier(db_.get_metadata(impact_tier_key(term)));
    if (leaf.tier) {
      tiered_ = true;
      for (const WdfLength& p : leaf.tier->rest)
        leaf.rest = std::max(leaf.rest, leaf.weigh(p.wdf, p.length));
    } else {
      // A term without a tier: every document with it is a candidate.
      if (termfreq > kMaxUntieredPostings) return std::nullopt;
      for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
        leaf.postings.emplace_back(*it, it.get_wdf());
    }
    leaves_.push_back(std::move(leaf));
    return node({Node::Kind::term, leaves_.size() - 1});
  }

  // Each candidate's length where a tier holds it; else the shortest any document has (a term
  // weighs most there).
  std::vector<Xapian::termcount> known_lengths(const std::vector<Xapian::docid>& docids) const {
    const Xapian::termcount shortest =
        std::max<Xapian::termcount>(db_.get_doclength_lower_bound(), 1);
    std::vector<Xapian::termcount> lengths(docids.size(), shortest);
    if (all_lengths_ != nullptr) {
      for (std::size_t i = 0; i < docids.size(); ++i) {
        // A document added since the lengths were read keeps the shortest.
        if (docids[i] < all_lengths_->size() && (*all_lengths_)[docids[i]] != 0)
          lengths[i] = (*all_lengths_)[docids[i]];
      }
      return lengths;
    }
    for (const Leaf& leaf : leaves_) {
      if (!leaf.tier) continue;
      std::size_t i = 0;
      for (std::size_t at = 0; at < leaf.tier->docids.size(); ++at) {
        while (docids[i] < leaf.tier->docids[at])
          ++i;  // every tier docid is a candidate
        lengths[i] = leaf.tier->postings[at].length;
      }
    }
    return lengths;
  }

  struct Weighed {
    bool matches = false;
    double most = 0;
  };

  // Whether candidate i can match node `at`, and what it then weighs at most.
  Weighed weigh(std::size_t at, std::size_t i, std::size_t candidates, std::uint64_t present,
                const std::vector<double>& weights) const {
    const Node& n = nodes_[at];
    switch (n.kind) {
      case Node::Kind::term:
        if (((present >> n.leaf) & 1) == 0) return {};
        return {true, weights[n.leaf * candidates + i]};
      case Node::Kind::nothing:
        return {};
      case Node::Kind::all:
      case Node::Kind::any:
      case Node::Kind::maybe: {
        Weighed sum{n.kind != Node::Kind::any, 0};
        for (std::size_t k = 0; k < n.children.size(); ++k) {
          const Weighed part = weigh(n.children[k], i, candidates, present, weights);
          if (part.matches) {
            sum.most += part.most;
            if (n.kind == Node::Kind::any) sum.matches = true;
          } else if (n.kind == Node::Kind::all || (n.kind == Node::Kind::maybe && k == 0)) {
            return {};
          }
        }
        return sum;
      }
    }
    return {};
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
  const SearchRequest& request_;
  Xapian::docid covered_through_;
  const std::vector<Xapian::termcount>* all_lengths_;
  std::vector<Leaf> leaves_;
  std::vector<Node> nodes_;
  bool tiered_ = false;  // some term has a tier: else the plan saves nothing
};

}  // namespace

std::optional<TierPlan> plan_from_tiers(const Xapian::Database& db, const Xapian::Query& query,
                                        const SearchRequest& request, ValueColumns* columns) {
  const auto state =
      decode_impact_tiers_state(db.get_metadata(std::string(schema::kImpactTiersKey)));
  if (!state || state->uuid != db.get_uuid() || state->covered_through > db.get_lastdocid())
    return std::nullopt;
  Planner planner(db, request, state->covered_through,
                  columns != nullptr ? &columns->lengths() : nullptr);
  const auto root = planner.add(query, 1.0);
  if (!root || !planner.worth_it(*root)) return std::nullopt;
  return planner.finish(*root);
}

}  // namespace nsearch
