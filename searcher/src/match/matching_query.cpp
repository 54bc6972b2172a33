#include "match/matching_query.hpp"

#include <vector>

namespace nsearch {
namespace {

using Q = Xapian::Query;

// Sets `out` to the matching part of `in` and returns true if it differs from `in`.
bool strip_weight_only(const Q& in, Q& out) {
  switch (in.get_type()) {
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      strip_weight_only(in.get_subquery(0), out);
      return true;
    // Operators without parameters are rebuilt from their rewritten branches. Others (phrases,
    // NEAR, ELITE_SET, value ranges, wildcards) hold nothing to remove, or must stay as they are.
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_NOT:
    case Q::OP_XOR:
    case Q::OP_FILTER:
    case Q::OP_SYNONYM:
    case Q::OP_MAX: {
      std::vector<Q> branches(in.get_num_subqueries());
      bool changed = false;
      for (std::size_t i = 0; i < branches.size(); ++i)
        changed = strip_weight_only(in.get_subquery(i), branches[i]) || changed;
      out = changed ? Q(in.get_type(), branches.begin(), branches.end()) : in;
      return changed;
    }
    default:
      out = in;
      return false;
  }
}

}  // namespace

Xapian::Query matching_part(const Xapian::Query& query) {
  Q out;
  strip_weight_only(query, out);
  return out;
}

bool intersects(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Q::OP_PHRASE:
    case Q::OP_NEAR:
      return true;
    case Q::OP_AND:
      if (query.get_num_subqueries() > 1) return true;
      break;
    default:
      break;
  }
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (intersects(query.get_subquery(i))) return true;
  }
  return false;
}

}  // namespace nsearch
