#include "read/field_mapping.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

#include "nsearch/dates.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

using nlohmann::json;

enum Field : std::size_t {
  kId,
  kTitle,
  kOutlet,
  kDate,
  kAuthor,
  kUrl,
  kLang,
  kCategory,
  kBody,
  kKind
};
constexpr std::array<std::string_view, FieldMapper::kFields> kFieldNames = {
    "id", "title", "outlet", "date", "author", "url", "lang", "category", "body", "kind"};

std::string* field_of(Article& a, std::size_t field) {
  switch (field) {
    case kId:
      return &a.id;
    case kTitle:
      return &a.title;
    case kOutlet:
      return &a.outlet;
    case kDate:
      return &a.date;
    case kAuthor:
      return &a.author;
    case kUrl:
      return &a.url;
    case kLang:
      return &a.lang;
    case kCategory:
      return &a.category;
    case kKind:
      return &a.kind;
    default:
      return &a.body;
  }
}

// Built-in names, in priority order per field (the first is the canonical key). Names with a
// dot are paths into nested objects.
struct Alias {
  std::string_view name;
  std::size_t field;
};
constexpr Alias kAliases[] = {
    {"id", kId},
    {"title", kTitle},
    {"headline", kTitle},
    {"thread.title", kTitle},
    {"body", kBody},
    {"text", kBody},
    {"content", kBody},
    {"maintext", kBody},
    {"article", kBody},
    {"articlebody", kBody},
    {"outlet", kOutlet},
    {"source", kOutlet},
    {"site", kOutlet},
    {"publication", kOutlet},
    {"publisher", kOutlet},
    {"source_domain", kOutlet},
    {"source_name", kOutlet},
    {"domain", kOutlet},
    {"thread.site", kOutlet},
    {"date", kDate},
    {"published", kDate},
    {"date_publish", kDate},
    {"pubdate", kDate},
    {"publishedat", kDate},
    {"published_at", kDate},
    {"datepublished", kDate},
    {"date_published", kDate},
    {"timestamp", kDate},
    {"thread.published", kDate},
    {"author", kAuthor},
    {"authors", kAuthor},
    {"byline", kAuthor},
    {"creator", kAuthor},
    {"url", kUrl},
    {"link", kUrl},
    {"canonical_url", kUrl},
    {"thread.url", kUrl},
    {"lang", kLang},
    {"language", kLang},
    {"category", kCategory},
    {"categories", kCategory},
    {"section", kCategory},
    {"topic", kCategory},
    {"topics", kCategory},
    {"kind", kKind},
};
constexpr std::size_t kAliasCount = sizeof kAliases / sizeof kAliases[0];

bool equal_nocase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return text::ascii_lower(x) == text::ascii_lower(y);
         });
}

// The rank in kAliases of a top-level key that is a built-in name (case-insensitive).
std::optional<std::size_t> top_level_rank(std::string_view key) {
  constexpr std::size_t kLongest = 16;
  if (key.size() > kLongest) return std::nullopt;
  char buf[kLongest];
  std::transform(key.begin(), key.end(), buf, text::ascii_lower);
  const std::string_view lower(buf, key.size());
  for (std::size_t rank = 0; rank < kAliasCount; ++rank) {
    if (kAliases[rank].name == lower) return rank;  // dotted names never match a plain key
  }
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const json* find_key(const json& object, std::string_view key) {
  if (const auto it = object.find(key); it != object.end()) return &*it;
  for (const auto& [k, v] : object.items()) {
    if (equal_nocase(k, key)) return &v;
  }
  return nullptr;
}

// Follows a dotted path; a literal key containing the rest of the path wins.
const json* resolve(const json& root, std::string_view path) {
  const json* cur = &root;
  while (cur != nullptr && !path.empty()) {
    const auto dot = path.find('.');
    const std::string_view segment = path.substr(0, dot);
    const std::string_view rest = dot == std::string_view::npos ? "" : path.substr(dot + 1);
    if (cur->is_object()) {
      if (!rest.empty()) {
        if (const json* whole = find_key(*cur, path)) return whole;
      }
      cur = find_key(*cur, segment);
    } else if (cur->is_array() && all_digits(segment)) {
      const auto index = std::stoull(std::string(segment));
      cur = index < cur->size() ? &(*cur)[index] : nullptr;
    } else {
      return nullptr;
    }
    path = rest;
  }
  return cur;
}

// ---- values ---------------------------------------------------------------------------------

enum class ListPolicy { first, comma, lines };

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number_float()) return v.dump();
  if (v.is_object()) {
    if (const json* name = find_key(v, "name"); name != nullptr && name->is_string()) {
      return name->get<std::string>();
    }
  }
  return {};
}

std::string value_text(const json& v, ListPolicy policy) {
  if (!v.is_array()) return scalar_text(v);
  std::string out;
  for (const json& item : v) {
    std::string s = scalar_text(item);
    if (text::trim(s).empty()) continue;
    if (policy == ListPolicy::first) return s;
    if (!out.empty()) out += policy == ListPolicy::comma ? ", " : "\n";
    out += s;
  }
  return out;
}

// Unix time (seconds) as "YYYY-MM-DDTHH:MM:SSZ"; nullopt outside years 1900..9999.
std::optional<std::string> unix_to_iso(long long seconds) {
  if (seconds < -2208988800LL || seconds > 253402300799LL) return std::nullopt;
  using namespace std::chrono;
  const sys_seconds tp{std::chrono::seconds{seconds}};
  const sys_days day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss hms{tp - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return std::string(buf);
}

struct DateValue {
  std::string text;
  bool absolute = false;  // a Unix timestamp: UTC by definition
};

// A date value: Unix seconds (or 13-digit milliseconds) as numbers or digit strings become
// ISO UTC; MongoDB's {"$date": ...} is looked into; other strings are kept for parse_date().
DateValue date_value(const json& v, int depth = 0) {
  if (depth > 2) return {};
  if (v.is_array()) return v.empty() ? DateValue{} : date_value(v.front(), depth + 1);
  if (v.is_object()) {
    if (const json* inner = find_key(v, "$date")) return date_value(*inner, depth + 1);
    return {};
  }
  std::optional<long long> epoch;
  if (v.is_number_integer() || v.is_number_unsigned()) {
    epoch = v.get<long long>();
  } else if (v.is_number_float()) {
    // Converting a double beyond long long's range is undefined (a fuzz finding: 1.6e40); no
    // date is that far, so such a number is kept as text like other unreadable values.
    const double seconds = v.get<double>();
    if (!std::isfinite(seconds) || std::fabs(seconds) > 1e17) return {v.dump(), false};
    epoch = static_cast<long long>(seconds);
  } else if (v.is_string()) {
    const std::string s(text::trim(v.get_ref<const std::string&>()));
    if (all_digits(s) && (s.size() == 9 || s.size() == 10 || s.size() == 13)) {
      epoch = std::stoll(s);
    } else {
      return {s, false};
    }
  }
  if (!epoch) return {};
  if (*epoch > 99'999'999'999LL || *epoch < -99'999'999'999LL) *epoch /= 1000;  // milliseconds
  if (const auto iso = unix_to_iso(*epoch)) return {*iso, true};
  return {v.dump(), false};
}

ListPolicy policy_of(std::size_t field) {
  if (field == kAuthor) return ListPolicy::comma;
  if (field == kBody) return ListPolicy::lines;
  return ListPolicy::first;
}

// Of several dates, the first that pins the time down; else the first that parses; else the
// first (normalisation reports it).
std::string choose_date(const std::vector<DateValue>& dates) {
  if (dates.size() == 1) return dates.front().text;
  const DateValue* parseable = nullptr;
  for (const DateValue& d : dates) {
    if (d.absolute) return d.text;
    const auto parsed = parse_date(d.text);
    if (!parsed) continue;
    if (parsed->utc) return d.text;
    if (parseable == nullptr) parseable = &d;
  }
  return parseable != nullptr ? parseable->text : dates.front().text;
}

std::optional<std::size_t> field_index(std::string_view name) {
  const std::string lower = text::ascii_lowercase(text::trim(name));
  for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
    if (kFieldNames[i] == lower) return i;
  }
  if (lower == "language") return kLang;
  if (lower == "text") return kBody;
  return std::nullopt;
}

}  // namespace

FieldMapping parse_field_mapping(std::string_view spec) {
  const auto eq = spec.find('=');
  if (eq == std::string_view::npos) {
    throw Error(ErrorKind::invalid_argument,
                "--map " + std::string(spec) + ": expected FIELD=PATH, e.g. title=meta.headline");
  }
  const std::string_view field = text::trim(spec.substr(0, eq));
  const std::string_view path = text::trim(spec.substr(eq + 1));
  const auto index = field_index(field);
  if (!index) {
    throw Error(ErrorKind::invalid_argument,
                "--map " + std::string(spec) + ": unknown article field \"" + std::string(field) +
                    "\" (one of id, title, outlet, date, author, url, lang, category, body, "
                    "kind)");
  }
  if (path.empty() || path.front() == '.' || path.back() == '.' ||
      path.find("..") != std::string_view::npos) {
    throw Error(ErrorKind::invalid_argument, "--map " + std::string(spec) +
                                                 ": the path must be keys or column numbers "
                                                 "separated by dots, e.g. meta.headline or 1");
  }
  return FieldMapping{std::string(kFieldNames[*index]), std::string(path)};
}

FieldMapper::FieldMapper(std::span<const FieldMapping> user) {
  has_user_ = !user.empty();
  all_by_number_ = has_user_;
  for (const FieldMapping& m : user) {
    const FieldMapping checked = parse_field_mapping(m.field + "=" + m.path);
    user_[*field_index(checked.field)].push_back(Path{checked.path});
    const bool numeric = all_digits(checked.path.substr(0, checked.path.find('.')));
    all_by_number_ = all_by_number_ && all_digits(checked.path);
    any_by_number_ = any_by_number_ || numeric;
  }
}

bool FieldMapper::knows_key(std::string_view key) const {
  const std::string lower = text::ascii_lowercase(text::trim(key));
  if (top_level_rank(lower)) return true;
  for (const auto& paths : user_) {
    for (const Path& p : paths) {
      if (text::ascii_lowercase(p.text.substr(0, p.text.find('.'))) == lower ||
          text::ascii_lowercase(p.text) == lower) {
        return true;
      }
    }
  }
  return false;
}

Article FieldMapper::map(const json& record) const {
  Article article;
  if (!record.is_object()) return article;

  // Top-level keys that are built-in names, by field and rank. No allocation: the usual
  // record has a dozen keys, a few of them names.
  struct Hit {
    std::size_t field;
    std::size_t rank;
    const json* value;
  };
  constexpr std::size_t kMaxHits = 64;
  std::array<Hit, kMaxHits> hits;
  std::size_t n_hits = 0;
  std::array<bool, kFields> unknown{};  // canonical key present with null
  for (auto it = record.begin(); it != record.end() && n_hits < kMaxHits; ++it) {
    const std::string& key = it.key();
    const auto rank = top_level_rank(key);
    if (!rank) continue;
    const std::size_t field = kAliases[*rank].field;
    if (it->is_null()) {
      if (key == kFieldNames[field]) unknown[field] = true;
      continue;
    }
    hits[n_hits++] = Hit{field, *rank, &*it};
  }
  std::sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n_hits),
            [](const Hit& a, const Hit& b) { return a.rank < b.rank; });  // ranks group fields

  // Fills the field from the first value with text (for dates: the best of them).
  std::vector<const json*> values;
  const auto take = [&](std::size_t field) {
    std::string* out = field_of(article, field);
    if (field == kDate) {
      std::vector<DateValue> dates;
      for (const json* v : values) {
        DateValue d = date_value(*v);
        if (!text::trim(d.text).empty()) dates.push_back(std::move(d));
      }
      if (!dates.empty()) *out = choose_date(dates);
      return !dates.empty();
    }
    for (const json* v : values) {
      std::string text = value_text(*v, policy_of(field));
      if (!text::trim(text).empty()) {
        *out = std::move(text);
        return true;
      }
    }
    return false;
  };

  for (std::size_t field = 0; field < kFields; ++field) {
    values.clear();
    if (!user_[field].empty()) {
      for (const Path& p : user_[field]) {
        if (const json* v = resolve(record, p.text); v != nullptr && !v->is_null()) {
          values.push_back(v);
        }
      }
      take(field);
      continue;
    }
    if (unknown[field]) continue;
    for (std::size_t i = 0; i < n_hits; ++i)
      if (hits[i].field == field) values.push_back(hits[i].value);
    if (take(field)) continue;
    values.clear();  // nested names ("thread.site") are the fallbacks
    for (const Alias& alias : kAliases) {
      if (alias.field != field || alias.name.find('.') == std::string_view::npos) continue;
      if (const json* v = resolve(record, alias.name); v != nullptr && !v->is_null()) {
        values.push_back(v);
      }
    }
    take(field);
  }
  // `nindex extract --json` marks titles derived from the body; reading its output again must
  // not turn them into given titles.
  if (const auto it = record.find(schema::field::kTitleDerived);
      it != record.end() && it->is_boolean() && it->get<bool>() && !article.title.empty()) {
    article.title_derived = true;
  }
  return article;
}

const FieldMapper& builtin_field_mapper() {
  static const FieldMapper mapper;
  return mapper;
}

}  // namespace nsearch
