// From a search request to a Xapian query (internal).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// Builds queries against one database. Each article was stemmed in its own language, so
/// the query text is parsed once per language present (with that language's stemmer and
/// stop words) and each parse is restricted to articles of its language.
class QueryBuilder {
 public:
  explicit QueryBuilder(const Xapian::Database& db);

  /// Throws Error(bad_query) for unparseable text, Error(invalid_argument) for bad filters.
  Xapian::Query build(const SearchRequest& request) const;

  /// The filters of `request` (outlets, languages, dates) alone; an empty query when none.
  Xapian::Query filters(const SearchRequest& request) const;

 private:
  Xapian::Query parse_text(const std::string& text, const std::string& lang,
                           const SearchRequest& request) const;

  Xapian::Database db_;
  std::vector<std::string> languages_;  // ISO codes present in the database
};

/// Lower-cases every word except the boolean operators (AND, OR, NOT, XOR, NEAR, ADJ).
/// Xapian's QueryParser leaves capitalised words unstemmed (a guess that they are names);
/// articles are stemmed whatever their case, and in German every noun is capitalised, so
/// "Regierungen" must find "Regierung" as "regierungen" does.
std::string lowercase_words(std::string_view text);

/// Plain words of `text`: punctuation becomes space and everything is lower-cased, so that
/// no character or word acts as query syntax.
std::string plain_words(std::string_view text);

/// Checks quotes and parentheses balance; throws Error(bad_query) naming the problem.
void check_query_syntax(const std::string& text);

/// Inclusive date filter bounds as date-slot keys: "2021" -> 20210101000000 / 20211231235959.
/// Throws Error(invalid_argument) naming `option` when the text is not a date.
std::string date_lower_key(const std::string& text, const char* option);
std::string date_upper_key(const std::string& text, const char* option);

}  // namespace nsearch
