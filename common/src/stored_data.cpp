#include "stored_data.hpp"

#include <nlohmann/json.hpp>

#include "nsearch/schema.hpp"

namespace nsearch {

namespace field = schema::field;

std::string serialise_article(const Article& a) {
  nlohmann::ordered_json j;
  auto put = [&j](const char* key, const std::string& value) {
    if (value.empty()) {
      j[key] = nullptr;
    } else {
      j[key] = value;
    }
  };
  put(field::kId, a.id);
  put(field::kTitle, a.title);
  put(field::kOutlet, a.outlet);
  put(field::kDate, a.date);
  put(field::kAuthor, a.author);
  put(field::kUrl, a.url);
  put(field::kLang, a.lang);
  put(field::kCategory, a.category);
  put(field::kSource, a.source);
  put(field::kBody, a.body);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article deserialise_article(const std::string& data) {
  Article a;
  const auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return a;
  auto get = [&j](const char* key) -> std::string {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  a.id = get(field::kId);
  a.title = get(field::kTitle);
  a.outlet = get(field::kOutlet);
  a.date = get(field::kDate);
  a.author = get(field::kAuthor);
  a.url = get(field::kUrl);
  a.lang = get(field::kLang);
  a.category = get(field::kCategory);
  a.source = get(field::kSource);
  a.body = get(field::kBody);
  return a;
}

}  // namespace nsearch
