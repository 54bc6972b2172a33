#include <nlohmann/json.hpp>

#include "nsearch/output.hpp"

namespace nsearch {
namespace {

using nlohmann::ordered_json;

ordered_json or_null(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

ordered_json counts_json(const std::vector<FacetCount>& counts) {
  ordered_json list = ordered_json::array();
  for (const auto& c : counts)
    list.push_back({{"value", c.value}, {"count", c.count}});
  return list;
}

std::string dump(const ordered_json& j) {
  // Stored text is valid UTF-8; `replace` guards against anything that is not.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string snippet_html(const Hit& hit) {
  std::string out;
  std::size_t pos = 0;
  auto escape = [&out](std::string_view text) {
    for (const char c : text) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          out += c;
      }
    }
  };
  const std::string_view snippet = hit.snippet;
  for (const auto& [begin, end] : hit.highlights) {
    escape(snippet.substr(pos, begin - pos));
    out += "<mark>";
    escape(snippet.substr(begin, end - begin));
    out += "</mark>";
    pos = end;
  }
  escape(snippet.substr(pos));
  return out;
}

namespace {

// `collapsed`: with the story's other copies (copies, also_in).
ordered_json hit_json(const Hit& hit, bool collapsed) {
  ordered_json h;
  h["rank"] = hit.rank;
  h["id"] = hit.id;
  h["score"] = hit.score;
  h["title"] = or_null(hit.title);
  h["title_derived"] = hit.title_derived;
  h["outlet"] = or_null(hit.outlet);
  h["date"] = or_null(hit.date);
  h["author"] = or_null(hit.author);
  h["url"] = or_null(hit.url);
  h["lang"] = or_null(hit.lang);
  h["category"] = or_null(hit.category);
  h["kind"] = hit.kind;
  h["snippet"] = or_null(hit.snippet);
  ordered_json ranges = ordered_json::array();
  for (const auto& [begin, end] : hit.highlights)
    ranges.push_back({begin, end});
  h["highlights"] = ranges;
  h["snippet_html"] = hit.snippet.empty() ? ordered_json(nullptr) : ordered_json(snippet_html(hit));
  h["story"] = or_null(hit.story);
  if (collapsed) {
    h["copies"] = hit.copies;
    h["also_in"] = hit.also_in;
  }
  return h;
}

}  // namespace

std::string to_json(const SearchResult& result) {
  ordered_json j;
  j["query"] = result.query;
  j["query_fallback"] = result.query_fallback;
  j["fallback_reason"] = or_null(result.fallback_reason);
  j["parsed_query"] = or_null(result.parsed_query);
  j["total"] = result.total;
  j["total_exact"] = result.total_exact;
  j["total_unit"] = result.collapsed ? "stories" : "articles";
  j["articles"] = result.articles;
  j["articles_exact"] = result.articles_exact;
  j["collapsed"] = result.collapsed;
  j["facet_unit"] = result.facet_unit == FacetUnit::story ? "stories" : "articles";
  j["facets_exact"] = result.facets_exact;
  j["offset"] = result.offset;
  ordered_json hits = ordered_json::array();
  for (const Hit& hit : result.hits)
    hits.push_back(hit_json(hit, result.collapsed));
  j["hits"] = std::move(hits);
  ordered_json facets = ordered_json::object();
  for (const Facet& facet : result.facets)
    facets[facet.name] = counts_json(facet.values);
  j["facets"] = std::move(facets);
  j["suggestion"] = result.suggestion ? ordered_json(*result.suggestion) : ordered_json(nullptr);
  return dump(j);
}

std::string to_json(const Hit& hit) {
  return dump(hit_json(hit, true));
}

std::string to_json(const StoryCopies& copies) {
  ordered_json j;
  j["story"] = or_null(copies.story);
  ordered_json list = ordered_json::array();
  for (const StoryCopy& copy : copies.copies) {
    ordered_json c;
    c["id"] = copy.id;
    c["title"] = or_null(copy.title);
    c["title_derived"] = copy.title_derived;
    c["outlet"] = or_null(copy.outlet);
    c["date"] = or_null(copy.date);
    c["url"] = or_null(copy.url);
    c["similarity"] = copy.similarity;
    c["requested"] = copy.requested;
    list.push_back(std::move(c));
  }
  j["copies"] = std::move(list);
  return dump(j);
}

std::string to_json(const DatabaseStats& stats) {
  ordered_json j;
  j["documents"] = stats.documents;
  j["outlets"] = counts_json(stats.outlets);
  j["languages"] = counts_json(stats.languages);
  j["date_min"] = or_null(stats.date_min);
  j["date_max"] = or_null(stats.date_max);
  return dump(j);
}

std::string to_json(const Suggestions& suggestions) {
  ordered_json j;
  j["query"] = suggestions.query;
  j["completions"] = counts_json(suggestions.completions);
  j["correction"] = or_null(suggestions.correction);
  return dump(j);
}

}  // namespace nsearch
