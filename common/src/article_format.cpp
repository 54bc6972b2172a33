#include "nsearch/article_format.hpp"

#include <nlohmann/json.hpp>

#include "nsearch/schema.hpp"

namespace nsearch {

std::string to_json(const Article& a) {
  nlohmann::ordered_json j;
  auto put = [&j](const char* key, const std::string& value) {
    j[key] = value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
  };
  put("id", a.id);
  put("url", a.url);
  put("title", a.title);
  j["title_derived"] = a.title_derived;
  put("outlet", a.outlet);
  put("date", a.date);
  put("author", a.author);
  put("lang", a.lang);
  put("category", a.category);
  put("kind", std::string(schema::canonical_kind(a.kind).value_or(schema::kArticleKind)));
  put("body", a.body);
  put("source", a.source);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_text(std::ostream& out, const Article& a) {
  auto field = [&out](const char* name, const std::string& value) {
    out << name << (value.empty() ? "(none)" : value) << "\n";
  };
  field("source:   ", a.source);
  field("id:       ", a.id);
  field("title:    ", a.title_derived ? a.title + " (derived from the body)" : a.title);
  field("outlet:   ", a.outlet);
  field("date:     ", a.date);
  field("author:   ", a.author);
  field("url:      ", a.url);
  field("lang:     ", a.lang);
  field("category: ", a.category);
  field("kind:     ", std::string(schema::canonical_kind(a.kind).value_or(schema::kArticleKind)));
  out << "\n" << a.body << "\n";
}

}  // namespace nsearch
