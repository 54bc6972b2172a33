#include "nsearch/schema.hpp"

#include "text_util.hpp"

namespace nsearch::schema {
namespace {

// Xapian's limit is 245 bytes per term; keep a margin and make long values unique by hash,
// as Omega does for long URLs.
constexpr std::size_t kMaxTermBytes = 240;

std::string make_term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term.append(value);
    return term;
  }
  const std::string digest = text::hex_digest(value);
  std::size_t keep = kMaxTermBytes - prefix.size() - digest.size() - 1;
  // Do not cut a UTF-8 sequence in half.
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80)
    --keep;
  term.append(value.substr(0, keep));
  term.push_back('#');
  term.append(digest);
  return term;
}

}  // namespace

std::optional<FacetField> find_facet(std::string_view name) {
  for (const auto& facet : kFacets) {
    if (facet.name == name) return facet;
  }
  return std::nullopt;
}

std::string id_term(std::string_view id) {
  return make_term(kIdPrefix, id);
}
std::string url_term(std::string_view url) {
  return make_term(kUrlPrefix, url);
}
std::string host_term(std::string_view host) {
  return make_term(kHostPrefix, text::lowercase(host));
}
std::string outlet_term(std::string_view outlet) {
  return make_term(kOutletPrefix, text::lowercase(text::collapse_whitespace(outlet)));
}
std::string lang_term(std::string_view lang_code) {
  return make_term(kLangPrefix, lang_code);
}
std::string category_term(std::string_view category) {
  return make_term(kCategoryPrefix, text::lowercase(text::collapse_whitespace(category)));
}
std::string story_term(std::string_view story_key) {
  return make_term(kStoryPrefix, story_key);
}

}  // namespace nsearch::schema
