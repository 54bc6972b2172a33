// From a search request to a Xapian query (internal).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "nsearch/searcher.hpp"
#include "query/query_parsers.hpp"

namespace nsearch {

/// A query ready to run, and how the text was read.
struct BuiltQuery {
  Xapian::Query query;
  /// The text was not valid query syntax and ran as plain words instead; `fallback_reason`
  /// says what was wrong with it.
  bool fallback = false;
  std::string fallback_reason{};
};

/// The languages of a database's articles, from its language terms. A Searcher keeps them
/// while the database's revision stays: over remote shards, reading them is an exchange with
/// each server.
struct DatabaseLanguages {
  std::vector<std::string> codes;          ///< ISO codes present in the database
  std::vector<Xapian::doccount> articles;  ///< the articles of each code
  bool every_article_has_one = false;      ///< their term frequencies add up to the doccount
};
DatabaseLanguages languages_of(const Xapian::Database& db);

/// Builds queries against one database. Each article was stemmed in its own language, so
/// the query text is parsed once per language present (with that language's stemmer and
/// stop words) and each parse is restricted to articles of its language. Languages whose
/// parses agree share one branch, and a branch that every language shares needs no filter:
/// a query of English words usually reads the same in most languages, and running it once
/// instead of once per language is what keeps a search fast.
class QueryBuilder {
 public:
  /// Parses with `parsers` (kept by the caller between searches of `db`), else with its own;
  /// reads the database's languages unless given them.
  explicit QueryBuilder(const Xapian::Database& db, QueryParsers* parsers = nullptr,
                        const DatabaseLanguages* languages = nullptr);

  /// Throws Error(bad_query) for an empty query, Error(invalid_argument) for bad filters. Text
  /// that is not valid syntax is searched as plain words (BuiltQuery::fallback).
  BuiltQuery build(const SearchRequest& request) const;

  /// The filters of `request` (outlets, languages, kind, dates) alone; an empty query when none.
  Xapian::Query filters(const SearchRequest& request) const;

 private:
  Xapian::Query parse_text(const std::string& text, const std::string& lang,
                           const SearchRequest& request, bool free_text) const;
  Xapian::Query parse_all_languages(const std::string& text, const SearchRequest& request,
                                    bool free_text) const;
  /// `query` restricted to the articles of the languages of `lang_terms`.
  Xapian::Query restricted_to(const Xapian::Query& query,
                              const std::vector<std::string>& lang_terms) const;

  Xapian::Database db_;
  QueryParsers* parsers_;
  std::unique_ptr<QueryParsers> own_parsers_;  // when the caller keeps none
  DatabaseLanguages languages_;
};

/// Lower-cases every word except the boolean operators (AND, OR, NOT, XOR, NEAR, ADJ).
/// Xapian's QueryParser leaves capitalised words unstemmed (a guess that they are names);
/// articles are stemmed whatever their case, and in German every noun is capitalised, so
/// "Regierungen" must find "Regierung" as "regierungen" does.
std::string lowercase_words(std::string_view text);

/// Checks quotes and parentheses balance; throws Error(bad_query) naming the problem.
void check_query_syntax(const std::string& text);

/// The kind a --kind filter names: "article" or "page" (see schema::canonical_kind). Throws
/// Error(invalid_argument) for anything else.
std::string_view checked_kind(std::string_view text);

/// Inclusive date filter bounds as date-slot keys: "2021" -> 20210101000000 / 20211231235959.
/// Throws Error(invalid_argument) naming `option` when the text is not a date.
std::string date_lower_key(const std::string& text, const char* option);
std::string date_upper_key(const std::string& text, const char* option);

}  // namespace nsearch
