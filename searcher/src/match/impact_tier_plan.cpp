#include "match/impact_tier_plan.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <sstream>
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
// Weighing every candidate costs a walk of each weighted term's posting list: a query of more
// words (a hostile one, or a long free-text question) is left to the matcher and its time limit.
constexpr std::size_t kMaxWeightedLeaves = 16;
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
  bool weighted = true;   // false: a filter's term, whose presence alone counts
  bool excluded = false;  // a filter's term under an odd number of exclusions (AND_NOT)
};

// The query as what a match needs, and what then weighs: all of its parts (AND, phrases), any
// (OR, MAX), the first with the others adding weight when they match (AND_MAYBE), the first if
// the others match (FILTER; AND_NOT's others as none of them), or a term. Filters add their
// terms unweighted, date ranges and the like as value conditions, and MatchAll.
struct Node {
  enum class Kind { all, any, maybe, filtered, none_of, term, value, everything, nothing } kind;
  std::size_t leaf = 0;                    // Kind::term
  std::vector<std::size_t> children = {};  // into the planner's nodes
  // Kind::value: the slot's value, when present, within [low, high] (either may be open).
  Xapian::valueno slot = 0;
  std::optional<std::string> low = {}, high = {};
};

class Planner {
 public:
  Planner(const Xapian::Database& db, const SearchRequest& request, Xapian::docid covered_through,
          ValueColumns* columns)
      : db_(db), request_(request), covered_through_(covered_through), columns_(columns) {}

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
      case Xapian::Query::OP_AND_NOT: {
        // The first part weighs; the others only narrow the matches.
        if (n == 0) return node({Node::Kind::nothing});
        const auto first = add(query.get_subquery(0), factor);
        if (!first) return std::nullopt;
        Node parent{Node::Kind::filtered, 0, {*first}};
        Node excluded{Node::Kind::none_of};
        for (std::size_t i = 1; i < n; ++i) {
          const auto condition =
              add_condition(query.get_subquery(i), query.get_type() == Xapian::Query::OP_AND_NOT);
          if (!condition) return std::nullopt;
          (query.get_type() == Xapian::Query::OP_FILTER ? parent : excluded)
              .children.push_back(*condition);
        }
        if (!excluded.children.empty()) parent.children.push_back(node(std::move(excluded)));
        return node(std::move(parent));
      }
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
    while (n->kind == Node::Kind::maybe || n->kind == Node::Kind::filtered)
      n = &nodes_[n->children.front()];
    return n->kind != Node::Kind::all || n->children.size() < 2;
  }

  // `page_end`: candidates the page needs at least (fewer: nullopt).
  std::optional<TierPlan> finish(std::size_t root, std::size_t page_end) {
    // The documents added since the tiers were brought up to date are candidates too.
    const Xapian::docid last = db_.get_lastdocid();
    if (!tiered_ || last - covered_through_ > kMaxCandidates) return std::nullopt;
    std::vector<Xapian::docid> docids;
    for (const Leaf& leaf : leaves_) {
      if (!leaf.weighted) continue;  // a filter's term: it only narrows
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
    // A filter of rare terms (an outlet, a language) leaves fewer candidates than the page
    // needs: the matcher, skipping through the filter's postings, is then the fast way.
    if (static_cast<double>(docids.size()) * selectivity(root) < 4.0 * page_end)
      return std::nullopt;

    // The filters first (the candidates' words taken as there): a candidate they reject costs
    // nothing more, and a filter that leaves too few for the page leaves it to the matcher,
    // which skips through the filter's postings.
    std::vector<std::uint64_t> present = filter_terms_present(docids);
    std::uint64_t weighted = 0;
    for (std::size_t l = 0; l < leaves_.size(); ++l) {
      if (leaves_[l].weighted) weighted |= std::uint64_t{1} << l;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < docids.size(); ++i) {
      if (!weigh(root, docids[i], i, 0, present[i] | weighted, nullptr).matches) continue;
      docids[kept] = docids[i];
      present[kept++] = present[i];
    }
    docids.resize(kept);
    present.resize(kept);
    if (kept < page_end) return std::nullopt;

    const std::vector<Xapian::termcount> lengths = known_lengths(docids);
    TierPlan plan;
    // Each weighted leaf's weight in each candidate (at most), and whether it is there.
    std::vector<double> weights(leaves_.size() * docids.size(), 0.0);
    for (std::size_t l = 0; l < leaves_.size(); ++l) {
      const Leaf& leaf = leaves_[l];
      const auto add_weight = [&](std::size_t i, double weight) {
        weights[l * docids.size() + i] = weight;
        present[i] |= std::uint64_t{1} << l;
      };
      if (!leaf.weighted) {
        continue;
      } else if (leaf.tier) {
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
      const Weighed w = weigh(root, docids[i], i, docids.size(), present[i], &weights);
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
    // The page's last hit weighs at most the page_end-th candidate's `most`: at or below the
    // bound, nothing can prove the page.
    if (plan.candidates.size() < page_end || !(plan.candidates[page_end - 1].most > plan.bound))
      return std::nullopt;
    return plan;
  }

 private:
  static double with_margin(double weight) { return weight * (1 + kBoundMargin) + kBoundMargin; }

  std::size_t node(Node n) {
    nodes_.push_back(std::move(n));
    return nodes_.size() - 1;
  }

  // A part that only narrows the matches: boolean terms, value ranges, and their combinations.
  // `excluded`: the part excludes what it matches.
  std::optional<std::size_t> add_condition(const Xapian::Query& query, bool excluded) {
    const std::size_t n = query.get_num_subqueries();
    switch (query.get_type()) {
      case Xapian::Query::LEAF_TERM: {
        if (leaves_.size() == kMaxLeaves) return std::nullopt;
        const std::string term = *query.get_terms_begin();
        leaves_.push_back({term, TermWeigher(request_, {}), std::nullopt, 0, {}, false, excluded});
        return node({Node::Kind::term, leaves_.size() - 1});
      }
      case Xapian::Query::LEAF_MATCH_ALL:
        return node({Node::Kind::everything});
      case Xapian::Query::LEAF_MATCH_NOTHING:
        return node({Node::Kind::nothing});
      case Xapian::Query::OP_VALUE_RANGE:
      case Xapian::Query::OP_VALUE_GE:
      case Xapian::Query::OP_VALUE_LE:
        return add_value_condition(query);
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_FILTER:
      case Xapian::Query::OP_OR:
      case Xapian::Query::OP_AND_NOT: {
        Node parent{query.get_type() == Xapian::Query::OP_OR ? Node::Kind::any : Node::Kind::all};
        Node none_of{Node::Kind::none_of};
        for (std::size_t i = 0; i < n; ++i) {
          const bool exclusion = query.get_type() == Xapian::Query::OP_AND_NOT && i > 0;
          const auto part = add_condition(query.get_subquery(i), excluded != exclusion);
          if (!part) return std::nullopt;
          (exclusion ? none_of : parent).children.push_back(*part);
        }
        if (!none_of.children.empty()) parent.children.push_back(node(std::move(none_of)));
        return node(std::move(parent));
      }
      default:
        return std::nullopt;
    }
  }

  // A value range, read from in-memory columns: its slot and limits are not exposed but
  // printed, "Query(VALUE_RANGE <slot> <low> <high>)" (VALUE_GE, VALUE_LE: one limit).
  std::optional<std::size_t> add_value_condition(const Xapian::Query& query) {
    if (columns_ == nullptr) return std::nullopt;
    std::string description = query.get_description();
    if (!description.starts_with("Query(") || !description.ends_with(")")) return std::nullopt;
    std::istringstream in(description.substr(6, description.size() - 7));
    std::string op;
    std::vector<std::string> words;
    in >> op;
    for (std::string w; in >> w;)
      words.push_back(w);
    const std::size_t limits = op == "VALUE_RANGE" ? 2 : 1;
    if (words.size() != 1 + limits) return std::nullopt;
    for (const std::string& w : words) {
      // Printed values are escaped when not plain text: only plain ones are read back.
      if (!std::all_of(w.begin(), w.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '-' || c == ':' || c == '.';
          })) {
        return std::nullopt;
      }
    }
    Node value{Node::Kind::value};
    char* end = nullptr;
    value.slot = static_cast<Xapian::valueno>(std::strtoul(words[0].c_str(), &end, 10));
    if (*end != '\0') return std::nullopt;
    if (op == "VALUE_RANGE") {
      value.low = words[1];
      value.high = words[2];
    } else if (op == "VALUE_GE") {
      value.low = words[1];
    } else if (op == "VALUE_LE") {
      value.high = words[1];
    } else {
      return std::nullopt;
    }
    return node(std::move(value));
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
    if (!(wqf > 0) || leaves_.size() == kMaxLeaves || ++weighted_leaves_ > kMaxWeightedLeaves)
      return std::nullopt;
    const Xapian::doccount termfreq = db_.get_termfreq(term);
    if (termfreq == 0) return node({Node::Kind::nothing});
    const TermWeightStats stats{static_cast<double>(db_.get_doccount()),
                                db_.get_avlength(),
                                static_cast<double>(termfreq),
                                static_cast<double>(db_.get_collection_freq(term)),
                                wqf,
                                factor};
    leaves_.push_back({term, TermWeigher(request_, stats), std::nullopt, 0, {}, true});
    return node({Node::Kind::term, leaves_.size() - 1});
  }

 public:
  // Reads the weighted terms' tiers (once the query is known to be worth it); false when a
  // term without one is too frequent to rank its every document.
  bool load_tiers() {
    for (Leaf& leaf : leaves_) {
      if (!leaf.weighted) continue;
      leaf.tier = decode_impact_tier(db_.get_metadata(impact_tier_key(leaf.term)));
      if (leaf.tier) {
        tiered_ = true;
        for (const WdfLength& p : leaf.tier->rest)
          leaf.rest = std::max(leaf.rest, leaf.weigh(p.wdf, p.length));
        continue;
      }
      // A term without a tier: every document with it is a candidate.
      if (db_.get_termfreq(leaf.term) > kMaxUntieredPostings) return false;
      for (auto it = db_.postlist_begin(leaf.term); it != db_.postlist_end(leaf.term); ++it)
        leaf.postings.emplace_back(*it, it.get_wdf());
    }
    return true;
  }

 private:
  // Each candidate's length where a tier holds it; else the shortest any document has (a term
  // weighs most there).
  std::vector<Xapian::termcount> known_lengths(const std::vector<Xapian::docid>& docids) const {
    const Xapian::termcount shortest =
        std::max<Xapian::termcount>(db_.get_doclength_lower_bound(), 1);
    std::vector<Xapian::termcount> lengths(docids.size(), shortest);
    if (columns_ != nullptr) {
      // Read (once a Searcher revision) only when a plan gets this far.
      const std::vector<Xapian::termcount>& all = columns_->lengths();
      for (std::size_t i = 0; i < docids.size(); ++i) {
        // A document added since the lengths were read keeps the shortest.
        if (docids[i] < all.size() && all[docids[i]] != 0) lengths[i] = all[docids[i]];
      }
      return lengths;
    }
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
    return lengths;
  }

  struct Weighed {
    bool matches = false;
    double most = 0;
  };

  // The share of documents that pass node `at`'s filters, from their terms' frequencies (value
  // conditions and exclusions taken as passing everything).
  double selectivity(std::size_t at) const {
    const Node& n = nodes_[at];
    switch (n.kind) {
      case Node::Kind::filtered: {
        double share = selectivity(n.children.front());
        for (std::size_t k = 1; k < n.children.size(); ++k)
          share *= condition_share(n.children[k]);
        return share;
      }
      case Node::Kind::maybe:
        return selectivity(n.children.front());
      default:
        return 1.0;
    }
  }

  double condition_share(std::size_t at) const {
    const Node& n = nodes_[at];
    switch (n.kind) {
      case Node::Kind::term:
        return static_cast<double>(db_.get_termfreq(leaves_[n.leaf].term)) /
               std::max<Xapian::doccount>(db_.get_doccount(), 1);
      case Node::Kind::nothing:
        return 0.0;
      case Node::Kind::all: {
        double share = 1.0;
        for (const std::size_t child : n.children)
          share *= condition_share(child);
        return share;
      }
      case Node::Kind::any: {
        double share = 0.0;
        for (const std::size_t child : n.children)
          share += condition_share(child);
        return std::min(share, 1.0);
      }
      default:
        return 1.0;
    }
  }

  // Whether each candidate has each filter term (bit l for leaf l). A term in most documents
  // is not looked up (a seek in its long posting list for each candidate, 6,000 instructions):
  // it is taken as there when required and as absent when excluded, so that no candidate that
  // may match is dropped, and the matcher applies it to those ranked.
  std::vector<std::uint64_t> filter_terms_present(const std::vector<Xapian::docid>& docids) const {
    std::vector<std::uint64_t> present(docids.size(), 0);
    for (std::size_t l = 0; l < leaves_.size(); ++l) {
      if (leaves_[l].weighted) continue;
      if (db_.get_termfreq(leaves_[l].term) > db_.get_doccount() / 2) {
        if (leaves_[l].excluded) continue;
        for (std::uint64_t& bits : present)
          bits |= std::uint64_t{1} << l;
        continue;
      }
      Xapian::PostingIterator posting = db_.postlist_begin(leaves_[l].term);
      const Xapian::PostingIterator end = db_.postlist_end(leaves_[l].term);
      for (std::size_t i = 0; i < docids.size() && posting != end; ++i) {
        posting.skip_to(docids[i]);
        if (posting != end && *posting == docids[i]) present[i] |= std::uint64_t{1} << l;
      }
    }
    return present;
  }

  // Whether candidate i (document `did`) can match node `at`, and what it then weighs at most
  // (0 without `weights`).
  Weighed weigh(std::size_t at, Xapian::docid did, std::size_t i, std::size_t candidates,
                std::uint64_t present, const std::vector<double>* weights) const {
    const Node& n = nodes_[at];
    const auto part = [&](std::size_t child) {
      return weigh(child, did, i, candidates, present, weights);
    };
    switch (n.kind) {
      case Node::Kind::term:
        if (((present >> n.leaf) & 1) == 0) return {};
        return {true, weights != nullptr ? (*weights)[n.leaf * candidates + i] : 0};
      case Node::Kind::nothing:
        return {};
      case Node::Kind::everything:
        return {true, 0};
      case Node::Kind::value: {
        const ValueColumn& column = columns_->column(n.slot);
        const std::string& value = column.values()[column.index(did)];
        // A document without the value never matches a range.
        if (value.empty() || (n.low && value < *n.low) || (n.high && value > *n.high)) return {};
        return {true, 0};
      }
      case Node::Kind::none_of:
        for (const std::size_t child : n.children) {
          if (part(child).matches) return {};
        }
        return {true, 0};
      case Node::Kind::filtered: {
        for (std::size_t k = 1; k < n.children.size(); ++k) {
          if (!part(n.children[k]).matches) return {};
        }
        return part(n.children.front());
      }
      case Node::Kind::all:
      case Node::Kind::any:
      case Node::Kind::maybe: {
        Weighed sum{n.kind != Node::Kind::any, 0};
        for (std::size_t k = 0; k < n.children.size(); ++k) {
          const Weighed w = part(n.children[k]);
          if (w.matches) {
            sum.most += w.most;
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
  ValueColumns* columns_;  // for value conditions; none: a query with one is not planned
  std::vector<Leaf> leaves_;
  std::vector<Node> nodes_;
  bool tiered_ = false;  // some term has a tier: else the plan saves nothing
  std::size_t weighted_leaves_ = 0;
};

}  // namespace

std::optional<TierPlan> plan_from_tiers(const Xapian::Database& db, const Xapian::Query& query,
                                        const SearchRequest& request, ValueColumns* columns) {
  const auto state =
      decode_impact_tiers_state(db.get_metadata(std::string(schema::kImpactTiersKey)));
  if (!state || state->uuid != db.get_uuid() || state->covered_through > db.get_lastdocid())
    return std::nullopt;
  Planner planner(db, request, state->covered_through, columns);
  const auto root = planner.add(query, 1.0);
  if (!root || !planner.worth_it(*root) || !planner.load_tiers()) return std::nullopt;
  return planner.finish(*root, request.offset + request.limit);
}

}  // namespace nsearch
