#include "nsearch/schema.hpp"

#include <algorithm>
#include <vector>

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

std::optional<std::string_view> canonical_kind(std::string_view kind) {
  const std::string lower = text::ascii_lowercase(text::trim(kind));
  if (lower.empty() || lower == kArticleKind) return kArticleKind;
  if (lower == kPageKind) return kPageKind;
  return std::nullopt;
}

std::optional<FacetField> find_facet(std::string_view name) {
  for (const auto& facet : kFacets) {
    if (facet.name == name) return facet;
  }
  return std::nullopt;
}

std::string authors_value(std::string_view byline) {
  // Split on the separators first, then on " and " inside each piece.
  std::vector<std::string> names;
  auto add = [&names](std::string_view piece) {
    std::string name = text::collapse_whitespace(piece);
    if (name.size() > 3 && text::ascii_lowercase(name.substr(0, 3)) == "by ") name.erase(0, 3);
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(std::move(name));
    }
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i <= byline.size(); ++i) {
    const bool separator = i == byline.size() || byline[i] == ',' || byline[i] == ';' ||
                           byline[i] == '&' || byline[i] == '|' || byline[i] == kListSeparator;
    if (!separator) continue;
    std::string_view piece = byline.substr(start, i - start);
    for (std::size_t and_at; (and_at = piece.find(" and ")) != std::string_view::npos;) {
      add(piece.substr(0, and_at));
      piece.remove_prefix(and_at + 5);
    }
    add(piece);
    start = i + 1;
  }
  std::string value;
  for (const auto& name : names) {
    if (!value.empty()) value.push_back(kListSeparator);
    value += name;
  }
  return value;
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
std::string day_term(std::string_view sort_key) {
  return std::string(kDayPrefix) + std::string(sort_key.substr(0, 8));
}
std::string month_term(std::string_view sort_key) {
  return std::string(kMonthPrefix) + std::string(sort_key.substr(0, 6));
}
std::string year_term(std::string_view sort_key) {
  return std::string(kYearPrefix) + std::string(sort_key.substr(0, 4));
}
std::string story_band_term(std::uint32_t band_key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string term(kStoryBandPrefix);
  for (int shift = 28; shift >= 0; shift -= 4)
    term.push_back(kHex[(band_key >> shift) & 0xF]);
  return term;
}
std::string kind_term(std::string_view kind) {
  if (const auto known = canonical_kind(kind)) return make_term(kKindPrefix, *known);
  return make_term(kKindPrefix, text::lowercase(text::trim(kind)));
}
std::string source_file_key(std::string_view absolute_path) {
  return text::hex_digest(absolute_path);
}
std::string source_file_term(std::string_view absolute_path) {
  return std::string(kSourceFilePrefix) + source_file_key(absolute_path);
}
std::string copy_term(std::string_view url, std::string_view title, std::string_view body) {
  const std::string normalised = text::normalise_url(url);
  if (normalised.empty()) return {};
  std::string key = normalised;
  key.push_back('\0');
  key.append(title);
  key.push_back('\0');
  key.append(body);
  return std::string(kCopyPrefix) + text::hex_digest(key);
}

}  // namespace nsearch::schema
