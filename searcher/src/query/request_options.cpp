#include "nsearch/request_options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

#include "nsearch/error.hpp"
#include "nsearch/limits.hpp"
#include "nsearch/schema.hpp"

namespace nsearch {
namespace {

[[noreturn]] void reject(std::string_view name, std::string_view value, std::string_view why) {
  throw Error(ErrorKind::invalid_argument, "bad value \"" + std::string(value) + "\" for " +
                                               std::string(name) + ": " + std::string(why));
}

std::size_t parse_count(std::string_view name, std::string_view value, std::size_t max) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    reject(name, value, "expected a whole number from 0 to " + std::to_string(max));
  }
  if (n > max) reject(name, value, "must be at most " + std::to_string(max));
  return n;
}

double parse_weight(std::string_view name, std::string_view value) {
  double x = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
      !std::isfinite(x) || x < 0) {
    reject(name, value, "expected a non-negative number");
  }
  return x;
}

bool parse_flag(std::string_view name, std::string_view value) {
  if (value == "1" || value == "true" || value.empty()) return true;
  if (value == "0" || value == "false") return false;
  reject(name, value, "expected 1, true, 0 or false");
}

using Setter = std::function<void(SearchRequest&, std::string_view name, std::string_view value)>;

struct OptionSpec {
  RequestOption option;
  Setter set;
};

// limit and offset each within the result window (the Searcher checks their sum).
constexpr std::size_t kMaxLimit = kMaxResultWindow;
constexpr std::size_t kMaxOffset = kMaxResultWindow;
constexpr std::size_t kMaxFacetLimit = 100000;
constexpr std::size_t kMaxExpandTerms = 100;
// Xapian counts documents in 32 bits.
constexpr std::size_t kMaxCountLimit = 4'000'000'000;

const std::vector<OptionSpec>& option_specs() {
  static const std::vector<OptionSpec> specs = {
      {{"q", "query (words, \"phrases\", AND/OR/NOT, field:value)"},
       [](SearchRequest& r, auto, auto v) { r.query = v; }},
      {{"limit", "number of hits to return (0-10000, default 10)"},
       [](SearchRequest& r, auto n, auto v) { r.limit = parse_count(n, v, kMaxLimit); }},
      {{"offset", "hits to skip, for paging"},
       [](SearchRequest& r, auto n, auto v) { r.offset = parse_count(n, v, kMaxOffset); }},
      {{"outlet", "only this outlet (repeatable)"},
       [](SearchRequest& r, auto, auto v) { r.outlets.emplace_back(v); }},
      {{"lang", "only this language, e.g. en (repeatable)"},
       [](SearchRequest& r, auto, auto v) { r.langs.emplace_back(v); }},
      {{"kind", "only this kind of document: article or page"},
       [](SearchRequest& r, auto n, auto v) {
         if (!v.empty() && !schema::canonical_kind(v)) reject(n, v, "expected article or page");
         r.kind = v;
       }},
      {{"since", "only articles on or after DATE (2021, 2021-09, 2021-09-24)"},
       [](SearchRequest& r, auto, auto v) { r.since = v; }},
      {{"until", "only articles on or before DATE (inclusive)"},
       [](SearchRequest& r, auto, auto v) { r.until = v; }},
      {{"sort", "relevance or date (newest first)"},
       [](SearchRequest& r, auto, auto v) { r.sort = parse_sort_order(v); }},
      {{"recency", "blend recency into relevance with this half-life (12h, 30d, 2w, 6m, 1y)"},
       [](SearchRequest& r, auto, auto v) { r.recency = v; }},
      {{"match", "words without operators: all must match, or any"},
       [](SearchRequest& r, auto, auto v) { r.default_operator = parse_match(v); }},
      {{"facets", "count matches by these fields, comma-separated"},
       [](SearchRequest& r, auto, auto v) { r.facets = split_list(v); }},
      {{"facet-limit", "values per facet (0 = all)"},
       [](SearchRequest& r, auto n, auto v) { r.facet_limit = parse_count(n, v, kMaxFacetLimit); }},
      {{"like", "articles similar to the article with this id"},
       [](SearchRequest& r, auto, auto v) { r.like_id = v; }},
      {{"weighting", "ranking: ineb2 (divergence from randomness, default) or bm25"},
       [](SearchRequest& r, auto n, auto v) {
         if (v == "ineb2") {
           r.weighting = Weighting::ineb2;
         } else if (v == "bm25") {
           r.weighting = Weighting::bm25;
         } else {
           reject(n, v, "expected ineb2 or bm25");
         }
       }},
      {{"dfr-c", "I(ne)B2 length normalisation parameter C (default 1)"},
       [](SearchRequest& r, auto n, auto v) { r.dfr_c = parse_weight(n, v); }},
      {{"bm25", "rank by BM25 with parameters K1,B"},
       [](SearchRequest& r, auto n, auto v) {
         const auto parts = split_list(v);
         if (parts.size() != 2) reject(n, v, "expected K1,B");
         r.weighting = Weighting::bm25;
         r.bm25_k1 = parse_weight(n, parts[0]);
         r.bm25_b = parse_weight(n, parts[1]);
       }},
      {{"expand", "add N terms from the top articles to the query"},
       [](SearchRequest& r, auto n, auto v) {
         r.expand_terms = parse_count(n, v, kMaxExpandTerms);
       }},
      {{"expand-weight", "weight of expansion terms"},
       [](SearchRequest& r, auto n, auto v) { r.expand_weight = parse_weight(n, v); }},
      {{"title-weight", "extra weight of title matches"},
       [](SearchRequest& r, auto n, auto v) { r.title_weight = parse_weight(n, v); }},
      {{"collapse", "each syndicated story once (1, default) or every copy (0)"},
       [](SearchRequest& r, auto n, auto v) { r.collapse = parse_flag(n, v); }},
      {{"first-seen", "show each story's earliest copy"},
       [](SearchRequest& r, auto n, auto v) { r.first_seen = parse_flag(n, v); }},
      {{"facet-by", "facets count copies (copy) or stories (story)"},
       [](SearchRequest& r, auto, auto v) { r.facet_by = parse_facet_unit(v); }},
      {{"count-limit", "count at most N matching articles, then report lower bounds (0 = all)"},
       [](SearchRequest& r, auto n, auto v) { r.count_limit = parse_count(n, v, kMaxCountLimit); }},
      {{"count", "only the exact number of matches (no hits)"},
       [](SearchRequest& r, auto n, auto v) {
         if (parse_flag(n, v)) {
           r.limit = 0;
           r.exact_total = true;
         }
       }},
  };
  return specs;
}

}  // namespace

SortOrder parse_sort_order(std::string_view text) {
  if (text == "relevance") return SortOrder::relevance;
  if (text == "date") return SortOrder::date;
  reject("sort", text, "expected relevance or date");
}

FacetUnit parse_facet_unit(std::string_view text) {
  if (text == "copy") return FacetUnit::copy;
  if (text == "story") return FacetUnit::story;
  reject("facet-by", text, "expected copy or story");
}

DefaultOperator parse_match(std::string_view text) {
  if (text == "all") return DefaultOperator::all;
  if (text == "any") return DefaultOperator::any;
  reject("match", text, "expected all or any");
}

std::vector<std::string> split_list(std::string_view list) {
  std::vector<std::string> items;
  for (std::size_t pos = 0; pos <= list.size();) {
    const std::size_t end = std::min(list.find(',', pos), list.size());
    if (end > pos) items.emplace_back(list.substr(pos, end - pos));
    pos = end + 1;
  }
  return items;
}

const std::vector<RequestOption>& request_options() {
  static const std::vector<RequestOption> options = [] {
    std::vector<RequestOption> list;
    for (const auto& spec : option_specs())
      list.push_back(spec.option);
    return list;
  }();
  return options;
}

void set_request_option(SearchRequest& request, std::string_view name, std::string_view value) {
  const std::string_view canonical = name == "n" ? "limit" : name;
  for (const auto& spec : option_specs()) {
    if (spec.option.name == canonical) {
      spec.set(request, canonical, value);
      return;
    }
  }
  std::string known;
  for (const auto& spec : option_specs()) {
    known += known.empty() ? "" : ", ";
    known += spec.option.name;
  }
  throw Error(ErrorKind::invalid_argument,
              "unknown option \"" + std::string(name) + "\" (known: " + known + ")");
}

}  // namespace nsearch
