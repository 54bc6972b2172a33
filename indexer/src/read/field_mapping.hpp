// Which record fields fill which article fields, for JSON, JSON Lines and CSV inputs (internal).
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "nsearch/article.hpp"
#include "nsearch/article_reader.hpp"

namespace nsearch {

/// Maps records onto articles. Built in are the canonical keys (id, url, title, outlet, date,
/// lang, body, author, category, kind) and the names real exporters use (matched
/// case-insensitively, the first non-empty one in this order wins):
///
///   title     title, headline, thread.title
///   body      body, text, content, maintext, article, articleBody
///   outlet    outlet, source, site, publication, publisher, source_domain, source_name,
///             domain, thread.site
///   date      date, published, date_publish, pubDate, publishedAt, published_at,
///             datePublished, date_published, timestamp, thread.published
///   author    author, authors, byline, creator
///   url       url, link, canonical_url, thread.url
///   lang      lang, language
///   category  category, categories, section, topic, topics
///   kind      kind ("article" or "page": checked when the article is normalised)
///
/// A canonical "title_derived": true marks the title as derived from the body, as `nindex
/// extract --json` writes it.
///
/// A canonical key that is present with the value null means "unknown": the other names are
/// not consulted for that field, so canonical records (and `nindex extract --json` output)
/// read exactly as written. Of several dates, one that pins the time down (a Unix timestamp,
/// or a time with a zone) wins over a local time without one.
///
/// Values: strings as they are; numbers as text (dates: Unix seconds, or milliseconds when
/// 13 digits, also as digit strings); objects by their "name" (a NewsAPI source, a list of
/// author objects) or "$date"; lists give their first item, except author (joined with ", ")
/// and body (joined with newlines).
///
/// User mappings (`--map field=path`) replace the built-in names of their field; several for
/// one field are tried in order. A path is dotted keys into nested objects ("meta.headline")
/// and numbers into lists or CSV columns ("authors.0", "1"); a key that itself contains dots
/// ("thread.site" as a flattened column name) is matched first.
class FieldMapper {
 public:
  /// Throws Error(invalid_argument) when a mapping names an unknown field or an empty path.
  explicit FieldMapper(std::span<const FieldMapping> user = {});

  /// The article fields `record` (a JSON object) holds; `source` is left empty.
  Article map(const nlohmann::json& record) const;

  /// True when there are user mappings and all of them name columns by number ("body=1").
  bool maps_columns_by_number() const { return all_by_number_; }
  /// True when some user mapping starts with a column number.
  bool uses_column_numbers() const { return any_by_number_; }
  /// True when there are user mappings.
  bool has_user_mappings() const { return has_user_; }

  /// True when `key` (e.g. a CSV header cell) is a name this mapper reads: a built-in name, or
  /// the first key of a user path.
  bool knows_key(std::string_view key) const;

  static constexpr std::size_t kFields = 10;

 private:
  struct Path {
    std::string text;
  };
  std::array<std::vector<Path>, kFields> user_;
  bool all_by_number_ = false;
  bool any_by_number_ = false;
  bool has_user_ = false;
};

/// The mapper with the built-in names only (immutable, shared).
const FieldMapper& builtin_field_mapper();

}  // namespace nsearch
