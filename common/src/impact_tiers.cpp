#include "impact_tiers.hpp"

#include <algorithm>
#include <limits>
#include <sstream>

#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

void put_varint(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

bool get_varint(std::string_view& in, std::uint64_t& n) {
  n = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

template <typename T>
bool get_bounded(std::string_view& in, T& value) {
  std::uint64_t n = 0;
  if (!get_varint(in, n) || n > std::numeric_limits<T>::max()) return false;
  value = static_cast<T>(n);
  return true;
}

constexpr char kTierFormat = '1';

}  // namespace

void add_to_frontier(std::vector<WdfLength>& frontier, WdfLength point) {
  if (dominated(frontier, point)) return;
  // Drop the points the new one beats: wdf <= its wdf and length >= its length.
  std::erase_if(frontier,
                [&](const WdfLength& p) { return p.wdf <= point.wdf && p.length >= point.length; });
  const auto at =
      std::lower_bound(frontier.begin(), frontier.end(), point,
                       [](const WdfLength& a, const WdfLength& b) { return a.wdf < b.wdf; });
  frontier.insert(at, point);
}

bool dominated(const std::vector<WdfLength>& frontier, WdfLength point) {
  // The points with wdf >= point.wdf have the larger lengths: the first of them is the
  // shortest.
  const auto at =
      std::lower_bound(frontier.begin(), frontier.end(), point.wdf,
                       [](const WdfLength& p, Xapian::termcount wdf) { return p.wdf < wdf; });
  return at != frontier.end() && at->length <= point.length;
}

std::string encode_impact_tier(const ImpactTier& tier) {
  std::string out(1, kTierFormat);
  put_varint(out, tier.docids.size());
  Xapian::docid previous = 0;
  for (std::size_t i = 0; i < tier.docids.size(); ++i) {
    put_varint(out, tier.docids[i] - previous);
    put_varint(out, tier.postings[i].wdf);
    put_varint(out, tier.postings[i].length);
    previous = tier.docids[i];
  }
  put_varint(out, tier.rest.size());
  for (const WdfLength& p : tier.rest) {
    put_varint(out, p.wdf);
    put_varint(out, p.length);
  }
  return out;
}

std::optional<ImpactTier> decode_impact_tier(std::string_view in) {
  if (in.empty() || in.front() != kTierFormat) return std::nullopt;
  in.remove_prefix(1);
  ImpactTier tier;
  std::size_t count = 0;
  if (!get_bounded(in, count) || count > in.size()) return std::nullopt;
  tier.docids.reserve(count);
  tier.postings.reserve(count);
  Xapian::docid did = 0;
  for (std::size_t i = 0; i < count; ++i) {
    Xapian::docid gap = 0;
    WdfLength p;
    if (!get_bounded(in, gap) || gap == 0 ||
        did > std::numeric_limits<Xapian::docid>::max() - gap || !get_bounded(in, p.wdf) ||
        !get_bounded(in, p.length)) {
      return std::nullopt;
    }
    did += gap;
    tier.docids.push_back(did);
    tier.postings.push_back(p);
  }
  if (!get_bounded(in, count) || count > in.size()) return std::nullopt;
  for (std::size_t i = 0; i < count; ++i) {
    WdfLength p;
    if (!get_bounded(in, p.wdf) || !get_bounded(in, p.length)) return std::nullopt;
    if (!tier.rest.empty() &&
        (p.wdf <= tier.rest.back().wdf || p.length <= tier.rest.back().length))
      return std::nullopt;  // not a frontier: a bound from it could be wrong
    tier.rest.push_back(p);
  }
  if (!in.empty()) return std::nullopt;
  return tier;
}

std::string encode_impact_tiers_state(const ImpactTiersState& state) {
  return std::string(1, kTierFormat) + ' ' + state.uuid + ' ' +
         std::to_string(state.covered_through) + ' ' + std::to_string(state.built_for);
}

std::optional<ImpactTiersState> decode_impact_tiers_state(std::string_view data) {
  std::istringstream in{std::string(data)};
  char format = 0;
  ImpactTiersState state;
  if (!(in >> format >> state.uuid >> state.covered_through >> state.built_for) ||
      format != kTierFormat || state.uuid.empty()) {
    return std::nullopt;
  }
  return state;
}

std::string impact_tier_key(std::string_view term) {
  return std::string(schema::kImpactTierKeyPrefix) + std::string(term);
}

}  // namespace nsearch
