#include "json_writer.hpp"
#include "nsearch/output.hpp"

namespace nsearch {
namespace {

void write_counts(JsonWriter& w, const std::vector<FacetCount>& counts) {
  w.begin_array();
  for (const auto& c : counts)
    w.begin_object().key("value").string(c.value).key("count").number(c.count).end_object();
  w.end_array();
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
void write_hit(JsonWriter& w, const Hit& hit, bool collapsed) {
  w.begin_object();
  w.key("rank").number(hit.rank);
  w.key("id").string(hit.id);
  w.key("score").number(hit.score);
  w.key("title").string_or_null(hit.title);
  w.key("title_derived").boolean(hit.title_derived);
  w.key("outlet").string_or_null(hit.outlet);
  w.key("date").string_or_null(hit.date);
  w.key("author").string_or_null(hit.author);
  w.key("url").string_or_null(hit.url);
  w.key("lang").string_or_null(hit.lang);
  w.key("category").string_or_null(hit.category);
  w.key("kind").string(hit.kind);
  w.key("snippet").string_or_null(hit.snippet);
  w.key("highlights").begin_array();
  for (const auto& [begin, end] : hit.highlights)
    w.begin_array().number(begin).number(end).end_array();
  w.end_array();
  w.key("snippet_html");
  if (hit.snippet.empty()) {
    w.null();
  } else {
    w.string(snippet_html(hit));
  }
  w.key("story").string_or_null(hit.story);
  if (collapsed) {
    w.key("copies").number(hit.copies);
    w.key("also_in").begin_array();
    for (const std::string& outlet : hit.also_in)
      w.string(outlet);
    w.end_array();
  }
  w.end_object();
}

}  // namespace

std::string to_json(const SearchResult& result) {
  JsonWriter w;
  w.begin_object();
  w.key("query").string(result.query);
  w.key("query_fallback").boolean(result.query_fallback);
  w.key("fallback_reason").string_or_null(result.fallback_reason);
  w.key("parsed_query").string_or_null(result.parsed_query);
  w.key("ranked_from_tiers").number(result.ranked_from_tiers);
  w.key("total").number(result.total);
  w.key("total_exact").boolean(result.total_exact);
  w.key("total_unit").string(result.collapsed ? "stories" : "articles");
  w.key("articles").number(result.articles);
  w.key("articles_exact").boolean(result.articles_exact);
  w.key("collapsed").boolean(result.collapsed);
  w.key("facet_unit").string(result.facet_unit == FacetUnit::story ? "stories" : "articles");
  w.key("facets_exact").boolean(result.facets_exact);
  w.key("offset").number(result.offset);
  w.key("hits").begin_array();
  for (const Hit& hit : result.hits)
    write_hit(w, hit, result.collapsed);
  w.end_array();
  w.key("facets").begin_object();
  for (const Facet& facet : result.facets) {
    w.key(facet.name);
    write_counts(w, facet.values);
  }
  w.end_object();
  w.key("suggestion");
  if (result.suggestion) {
    w.string(*result.suggestion);
  } else {
    w.null();
  }
  w.end_object();
  return w.take();
}

std::string to_json(const Hit& hit) {
  JsonWriter w;
  write_hit(w, hit, true);
  return w.take();
}

std::string to_json(const StoryCopies& copies) {
  JsonWriter w;
  w.begin_object();
  w.key("story").string_or_null(copies.story);
  w.key("copies").begin_array();
  for (const StoryCopy& copy : copies.copies) {
    w.begin_object();
    w.key("id").string(copy.id);
    w.key("title").string_or_null(copy.title);
    w.key("title_derived").boolean(copy.title_derived);
    w.key("outlet").string_or_null(copy.outlet);
    w.key("date").string_or_null(copy.date);
    w.key("url").string_or_null(copy.url);
    w.key("similarity").number(copy.similarity);
    w.key("requested").boolean(copy.requested);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

std::string to_json(const Suggestions& suggestions) {
  JsonWriter w;
  w.begin_object();
  w.key("query").string(suggestions.query);
  w.key("completions");
  write_counts(w, suggestions.completions);
  w.key("correction").string_or_null(suggestions.correction);
  w.end_object();
  return w.take();
}

}  // namespace nsearch
