// Page metadata: see html_metadata.hpp. Sources are read in order of reliability: JSON-LD is
// written for search engines and names fields exactly, OpenGraph/article: meta come next, then
// older <meta> conventions, microdata and <time>.
#include "clean/html/html_metadata.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/html/html_dom.hpp"
#include "read/formats/json_record.hpp"
#include "text_util.hpp"

namespace nsearch::html {
namespace {

using nlohmann::json;

bool looks_like_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") ||
         s.starts_with("www.");
}

void set_if_empty(std::string& field, std::string_view value) {
  if (field.empty()) field = text::collapse_whitespace(value);
}

// ---- JSON-LD ---------------------------------------------------------------------------------

/// JSON-LD as pages write it: wrapped in HTML comments or CDATA markers, with raw line breaks
/// inside strings (which strict JSON forbids).
std::string clean_json_text(std::string_view s) {
  s = text::trim(s);
  for (const std::string_view prefix : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (s.starts_with(prefix)) s = text::trim(s.substr(prefix.size()));
  }
  for (const std::string_view suffix : {"-->", "//]]>", "]]>"}) {
    if (s.ends_with(suffix)) s = text::trim(s.substr(0, s.size() - suffix.size()));
  }
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return out;
}

/// The objects of a JSON-LD document: top-level objects, array items, @graph members and
/// mainEntity values, breadth-first, a few levels deep.
std::vector<const json*> ld_objects(const json& doc) {
  std::vector<const json*> out;
  std::vector<std::pair<const json*, int>> queue{{&doc, 0}};
  for (std::size_t i = 0; i < queue.size() && out.size() < 1000; ++i) {
    const auto [v, level] = queue[i];
    if (level > 4) continue;
    if (v->is_array()) {
      for (const json& item : *v)
        queue.emplace_back(&item, level + 1);
      continue;
    }
    if (!v->is_object()) continue;
    out.push_back(v);
    for (const char* key : {"@graph", "mainEntity", "itemListElement"}) {
      if (auto it = v->find(key); it != v->end()) queue.emplace_back(&*it, level + 1);
    }
  }
  return out;
}

std::vector<std::string> ld_types(const json& obj) {
  std::vector<std::string> out;
  const auto it = obj.find("@type");
  if (it == obj.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const json& t : *it) {
      if (t.is_string()) out.push_back(t.get<std::string>());
    }
  }
  return out;
}

/// A schema.org type without its vocabulary: "http://schema.org/Recipe" -> "Recipe".
std::string_view bare_type(std::string_view t) {
  if (const auto slash = t.rfind('/'); slash != std::string_view::npos) t.remove_prefix(slash + 1);
  return t;
}

bool is_article_type(std::string_view t) {
  t = bare_type(t);
  return t.ends_with("Article") || t.ends_with("Posting") || t == "Report";
}

// Declared content items (PageMetadata::declared_items) kept at most: a long recipe's worth.
constexpr std::size_t kMaxDeclaredItems = 200;

bool is_page_type(std::string_view t) {
  return t == "WebSite" || t == "CollectionPage" || t == "ItemList" || t == "SearchResultsPage";
}

/// Resolves JSON-LD node references ({"@id": ...}) against the document's objects.
class LdIndex {
 public:
  explicit LdIndex(const std::vector<const json*>& objects) {
    for (const json* o : objects) {
      const auto it = o->find("@id");
      if (it != o->end() && it->is_string() && o->size() > 1)
        by_id_.emplace(it->get<std::string>(), o);
    }
  }

  const json& resolve(const json& v) const {
    if (v.is_object() && v.size() == 1) {
      const auto it = v.find("@id");
      if (it != v.end() && it->is_string()) {
        const auto found = by_id_.find(it->get<std::string>());
        if (found != by_id_.end()) return *found->second;
      }
    }
    return v;
  }

  /// A text value: a string, a number, the first usable item of an array, or an object's
  /// `name` (or @value / alternateName).
  std::string text(const json& raw, int depth = 0) const {
    const json& v = resolve(raw);
    if (v.is_string()) return text::collapse_whitespace(v.get<std::string>());
    if (v.is_number()) return v.dump();
    if (depth > 3) return {};
    if (v.is_array()) {
      for (const json& item : v) {
        std::string s = text(item, depth + 1);
        if (!s.empty()) return s;
      }
      return {};
    }
    if (v.is_object()) {
      for (const char* key : {"name", "@value", "alternateName"}) {
        if (auto it = v.find(key); it != v.end()) {
          std::string s = text(*it, depth + 1);
          if (!s.empty()) return s;
        }
      }
    }
    return {};
  }

  /// Names of people: a string, a Person/Organization object, or a list of those.
  std::string names(const json& raw) const {
    const json& v = resolve(raw);
    std::vector<std::string> found;
    const auto add = [&](const json& item) {
      std::string s = text(item);
      if (!s.empty() && !looks_like_url(s) &&
          std::find(found.begin(), found.end(), s) == found.end()) {
        found.push_back(std::move(s));
      }
    };
    if (v.is_array()) {
      for (const json& item : v)
        add(item);
    } else {
      add(v);
    }
    std::string out;
    for (const std::string& s : found) {
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }

 private:
  std::unordered_map<std::string, const json*> by_id_;
};

std::string field_text(const LdIndex& index, const json& obj, const char* key) {
  const auto it = obj.find(key);
  return it == obj.end() ? std::string() : index.text(*it);
}

/// Ingredients, supplies and step texts of a Recipe or HowTo: strings, lists of them, HowToStep
/// objects ("text") and HowToSection objects ("itemListElement"), nested a few levels.
void add_items(const json& v, std::vector<std::string>& out, int depth = 0) {
  constexpr int kMaxDepth = 4;
  if (out.size() >= kMaxDeclaredItems || depth > kMaxDepth) return;
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
  } else if (v.is_array()) {
    for (const json& item : v)
      add_items(item, out, depth + 1);
  } else if (v.is_object()) {
    for (const char* key : {"text", "name", "itemListElement"}) {
      if (auto it = v.find(key); it != v.end()) add_items(*it, out, depth + 1);
    }
  }
}

void read_declared_items(const json& o, PageMetadata& meta) {
  for (const char* key : {"recipeIngredient", "recipeInstructions", "supply", "tool", "step"}) {
    if (auto it = o.find(key); it != o.end()) add_items(*it, meta.declared_items);
  }
}

bool declares_items(std::string_view t) {
  t = bare_type(t);
  return t == "Recipe" || t == "HowTo";
}

/// Fills `meta` from one JSON-LD document (earlier documents win).
void read_json_ld(const json& doc, PageMetadata& meta) {
  const std::vector<const json*> objects = ld_objects(doc);
  const LdIndex index(objects);
  const json* article = nullptr;
  bool page_only = !objects.empty();
  for (const json* o : objects) {
    for (const std::string& t : ld_types(*o)) {
      if (declares_items(t) && meta.declared_items.empty()) read_declared_items(*o, meta);
      if (is_article_type(t) && article == nullptr) article = o;
      if (!is_page_type(t) && t != "Organization" && t != "BreadcrumbList") page_only = false;
    }
  }
  if (article == nullptr) {
    if (page_only) meta.declares_page = true;
    return;
  }
  const json& a = *article;
  meta.declares_article = true;
  set_if_empty(meta.headline, field_text(index, a, "headline"));
  set_if_empty(meta.headline, field_text(index, a, "name"));
  set_if_empty(meta.date, field_text(index, a, "datePublished"));
  set_if_empty(meta.date, field_text(index, a, "dateCreated"));
  if (auto it = a.find("author"); it != a.end()) set_if_empty(meta.author, index.names(*it));
  if (auto it = a.find("creator"); it != a.end()) set_if_empty(meta.author, index.names(*it));
  if (auto it = a.find("publisher"); it != a.end()) set_if_empty(meta.site_name, index.text(*it));
  set_if_empty(meta.lang, field_text(index, a, "inLanguage"));
  if (auto it = a.find("articleBody");
      it != a.end() && it->is_string() && meta.article_body.empty()) {
    const std::string& body = it->get_ref<const std::string&>();
    // Some sites put HTML there; only plain text is usable as it is.
    if (body.find("</") == std::string::npos && body.find("<p") == std::string::npos) {
      meta.article_body = body;
    }
  }
  set_if_empty(meta.category, field_text(index, a, "articleSection"));
  std::string url = field_text(index, a, "url");
  if (url.empty()) {
    if (auto it = a.find("mainEntityOfPage"); it != a.end()) {
      url = it->is_object() && it->contains("@id") ? index.text((*it)["@id"]) : index.text(*it);
    }
  }
  if (looks_like_url(url)) set_if_empty(meta.url, url);
}

void read_json_ld_script(std::string_view script, PageMetadata& meta) {
  const std::string cleaned = clean_json_text(script);
  if (cleaned.empty() || !json_nesting_within_limit(cleaned)) return;
  const json doc = json::parse(cleaned, nullptr, false);
  if (!doc.is_discarded()) read_json_ld(doc, meta);
}

// ---- <meta> ----------------------------------------------------------------------------------

/// Which field a <meta> key fills, in decreasing priority within each field.
enum class Field { kOgTitle, kSite, kUrl, kOgType, kDate, kAuthor, kCategory, kLang };

struct MetaKey {
  std::string_view key;
  Field field;
};

constexpr MetaKey kMetaKeys[] = {
    {"og:title", Field::kOgTitle},
    {"twitter:title", Field::kOgTitle},
    {"og:site_name", Field::kSite},
    {"og:url", Field::kUrl},
    {"og:type", Field::kOgType},
    {"article:published_time", Field::kDate},
    {"og:article:published_time", Field::kDate},
    {"article:published", Field::kDate},
    {"datepublished", Field::kDate},
    {"date", Field::kDate},
    {"pubdate", Field::kDate},
    {"publish-date", Field::kDate},
    {"publish_date", Field::kDate},
    {"publishdate", Field::kDate},
    {"published_time", Field::kDate},
    {"dc.date.issued", Field::kDate},
    {"dc.date", Field::kDate},
    {"dc.date.created", Field::kDate},
    {"dcterms.issued", Field::kDate},
    {"dcterms.date", Field::kDate},
    {"dcterms.created", Field::kDate},
    {"citation_publication_date", Field::kDate},
    {"citation_date", Field::kDate},
    {"sailthru.date", Field::kDate},
    {"parsely-pub-date", Field::kDate},
    {"original-publish-date", Field::kDate},
    {"displaydate", Field::kDate},
    {"article:author", Field::kAuthor},
    {"og:article:author", Field::kAuthor},
    {"author", Field::kAuthor},
    {"dc.creator", Field::kAuthor},
    {"dcterms.creator", Field::kAuthor},
    {"citation_author", Field::kAuthor},
    {"sailthru.author", Field::kAuthor},
    {"parsely-author", Field::kAuthor},
    {"byl", Field::kAuthor},
    {"article:section", Field::kCategory},
    {"og:article:section", Field::kCategory},
    {"section", Field::kCategory},
    {"category", Field::kCategory},
    {"content-language", Field::kLang},
    {"dc.language", Field::kLang},
    {"language", Field::kLang},
    {"og:locale", Field::kLang},
};

/// <meta> values collected by key, so that priority follows kMetaKeys, not page order.
class MetaTags {
 public:
  void add(const GumboNode* e) {
    std::string_view key = attribute(e, "property");
    if (key.empty()) key = attribute(e, "name");
    if (key.empty()) key = attribute(e, "itemprop");
    if (key.empty()) key = attribute(e, "http-equiv");
    std::string_view value = attribute(e, "content");
    if (key.empty() || text::trim(value).empty()) return;
    const std::string k = text::ascii_lowercase(text::trim(key));
    values_.emplace(k, text::collapse_whitespace(value));  // the first one of a key wins
  }

  std::string first(Field field) const {
    for (const MetaKey& mk : kMetaKeys) {
      if (mk.field != field) continue;
      const auto it = values_.find(std::string(mk.key));
      if (it == values_.end()) continue;
      std::string v = it->second;
      if (field == Field::kAuthor) {
        if (looks_like_url(v)) continue;  // article:author is often a profile link
        if (text::ascii_lowercase(v).starts_with("by ")) v = v.substr(3);
      }
      return v;
    }
    return {};
  }

 private:
  std::unordered_map<std::string, std::string> values_;
};

// ---- the document walk -----------------------------------------------------------------------

/// Everything the metadata walk finds besides <meta>.
struct DomFindings {
  MetaTags meta;
  std::vector<std::string> json_ld;
  std::string title_tag, canonical, time_published, time_any, micro_headline, micro_author;
  std::vector<std::string> micro_items;  // microdata recipe ingredients and instructions
};

std::string element_text(const GumboNode* e) {
  return all_text(e);
}

void inspect(const GumboNode* e, DomFindings& f) {
  switch (tag_of(e)) {
    case GUMBO_TAG_META:
      f.meta.add(e);
      break;
    case GUMBO_TAG_TITLE:
      if (f.title_tag.empty()) f.title_tag = element_text(e);
      break;
    case GUMBO_TAG_LINK:
      if (f.canonical.empty() && text::ascii_lowercase(attribute(e, "rel")) == "canonical") {
        f.canonical = text::trim(attribute(e, "href"));
      }
      break;
    case GUMBO_TAG_SCRIPT:
      if (text::ascii_lowercase(attribute(e, "type")).find("ld+json") != std::string::npos) {
        f.json_ld.push_back(element_text(e));
      }
      break;
    case GUMBO_TAG_TIME: {
      const std::string_view dt = attribute(e, "datetime");
      const bool published = has_attribute(e, "pubdate") ||
                             text::ascii_lowercase(attribute(e, "itemprop")) == "datepublished";
      std::string value(dt.empty() ? std::string_view() : dt);
      if (value.empty() && published) value = element_text(e);
      if (published) set_if_empty(f.time_published, value);
      set_if_empty(f.time_any, value);
      break;
    }
    default:
      break;
  }
  const std::string prop = text::ascii_lowercase(attribute(e, "itemprop"));
  if (prop.empty() || tag_of(e) == GUMBO_TAG_META) return;
  if (prop == "headline") set_if_empty(f.micro_headline, element_text(e));
  if (prop == "datepublished") {
    std::string_view v = attribute(e, "datetime");
    if (v.empty()) v = attribute(e, "content");
    set_if_empty(f.time_published, v.empty() ? element_text(e) : std::string(v));
  }
  if (prop == "author" || prop == "creator") set_if_empty(f.micro_author, element_text(e));
  if ((prop == "recipeingredient" || prop == "ingredients" || prop == "recipeinstructions") &&
      f.micro_items.size() < kMaxDeclaredItems) {
    f.micro_items.push_back(element_text(e));
  }
}

}  // namespace

PageMetadata read_metadata(const GumboNode* root) {
  DomFindings f;
  for_each_element(root, [&](const GumboNode* e) {
    inspect(e, f);
    return tag_of(e) != GUMBO_TAG_SCRIPT && tag_of(e) != GUMBO_TAG_STYLE;
  });
  PageMetadata meta;
  meta.title_tag = f.title_tag;
  for (const std::string& script : f.json_ld)
    read_json_ld_script(script, meta);
  set_if_empty(meta.headline, f.micro_headline);
  if (meta.declared_items.empty()) meta.declared_items = std::move(f.micro_items);
  meta.og_title = f.meta.first(Field::kOgTitle);
  set_if_empty(meta.site_name, f.meta.first(Field::kSite));
  if (looks_like_url(f.canonical)) meta.url = text::collapse_whitespace(f.canonical);
  const std::string og_url = f.meta.first(Field::kUrl);
  if (looks_like_url(og_url)) set_if_empty(meta.url, og_url);
  set_if_empty(meta.date, f.meta.first(Field::kDate));
  set_if_empty(meta.date, f.time_published);
  set_if_empty(meta.date, f.time_any);
  set_if_empty(meta.author, f.meta.first(Field::kAuthor));
  set_if_empty(meta.author, f.micro_author);
  set_if_empty(meta.category, f.meta.first(Field::kCategory));
  std::string html_lang(attribute(root, "lang"));
  if (html_lang.empty()) html_lang = attribute(root, "xml:lang");
  set_if_empty(meta.lang, html_lang);
  set_if_empty(meta.lang, f.meta.first(Field::kLang));
  const std::string og_type = text::ascii_lowercase(f.meta.first(Field::kOgType));
  if (og_type == "article" || og_type.starts_with("article")) meta.declares_article = true;
  if (og_type == "website" && !meta.declares_article) meta.declares_page = true;
  if (meta.declares_article) meta.declares_page = false;
  return meta;
}

// ---- <title> ---------------------------------------------------------------------------------

namespace {

constexpr std::string_view kTitleSeparators[] = {
    " | ",        " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " // ",
    " \xC2\xB7 ", " : "};

std::vector<std::string_view> split_parts(std::string_view title) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < title.size()) {
    std::size_t sep_len = 0;
    for (const std::string_view sep : kTitleSeparators) {
      if (title.substr(i).starts_with(sep)) {
        sep_len = sep.size();
        break;
      }
    }
    if (sep_len == 0) {
      ++i;
      continue;
    }
    parts.push_back(text::trim(title.substr(start, i - start)));
    i += sep_len;
    start = i;
  }
  parts.push_back(text::trim(title.substr(start)));
  std::erase_if(parts, [](std::string_view p) { return p.empty(); });
  return parts;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool same_name(std::string_view a, std::string_view b) {
  const std::string la = text::lowercase(a), lb = text::lowercase(b);
  return !la.empty() && !lb.empty() &&
         (la == lb || la.find(lb) != std::string::npos || lb.find(la) != std::string::npos);
}

/// Joins parts [first, last) back with the separator they had in the title.
std::string join_parts(std::string_view title, const std::vector<std::string_view>& parts,
                       std::size_t first, std::size_t last) {
  if (first >= last) return {};
  const char* begin = parts[first].data();
  const char* end = parts[last - 1].data() + parts[last - 1].size();
  return std::string(title.substr(static_cast<std::size_t>(begin - title.data()),
                                  static_cast<std::size_t>(end - begin)));
}

// A site or section name is short; a headline rarely is.
constexpr std::size_t kMaxSiteWords = 4;

}  // namespace

TitleParts split_title(std::string_view title, std::string_view known_site) {
  const std::string collapsed = text::collapse_whitespace(title);
  const std::vector<std::string_view> parts = split_parts(collapsed);
  TitleParts out;
  if (parts.size() < 2) {
    out.headline = collapsed;
    if (!known_site.empty() && same_name(collapsed, known_site) &&
        text::lowercase(collapsed) == text::lowercase(known_site)) {
      out.headline.clear();
      out.site = collapsed;
    }
    return out;
  }
  std::size_t first = 0, last = parts.size();
  if (!known_site.empty()) {
    if (same_name(parts[last - 1], known_site)) out.site = std::string(parts[--last]);
    if (last - first >= 2 && same_name(parts[first], known_site)) {
      out.site = std::string(parts[first++]);
    }
    if (!out.site.empty()) {
      out.headline = join_parts(collapsed, parts, first, last);
      return out;
    }
  }
  const auto words = [&](std::size_t i) { return word_count(parts[i]); };
  const auto longest = [&](std::size_t a, std::size_t b) {
    std::size_t m = 0;
    for (std::size_t i = a; i < b; ++i)
      m = std::max(m, words(i));
    return m;
  };
  // Headlines contain dashes and colons but hardly ever '|' or '::': behind those, a part as
  // long as the headline can still be the site name ("Ferry news | The Harbour Herald").
  const auto strong_between = [&](std::size_t i) {
    const char* from = parts[i].data() + parts[i].size();
    const std::string_view gap(from, static_cast<std::size_t>(parts[i + 1].data() - from));
    return gap.find('|') != std::string_view::npos || gap.find("::") != std::string_view::npos ||
           gap.find("\xC2\xBB") != std::string_view::npos ||
           gap.find("//") != std::string_view::npos;
  };
  const auto droppable = [&](std::size_t part, std::size_t rest_first, std::size_t rest_last,
                             bool strong) {
    const std::size_t n = words(part), rest = longest(rest_first, rest_last);
    return n <= kMaxSiteWords && (n < rest || (strong && n <= rest));
  };
  // Trailing site and section names: "Headline - World - The Daily Planet".
  while (last - first >= 2 && droppable(last - 1, first, last - 1, strong_between(last - 2))) {
    --last;
  }
  // Leading ones: "BBC NEWS | Americas | Headline".
  while (last - first >= 2 && droppable(first, first + 1, last, strong_between(first))) {
    ++first;
  }
  // The outermost part dropped names the site.
  if (last < parts.size()) {
    out.site = std::string(parts.back());
  } else if (first > 0) {
    out.site = std::string(parts.front());
  }
  out.headline = join_parts(collapsed, parts, first, last);
  return out;
}

}  // namespace nsearch::html
