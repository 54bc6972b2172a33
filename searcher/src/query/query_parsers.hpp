// Query parsers kept between searches, one per language (internal).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

namespace nsearch {

/// A Xapian::QueryParser per language, set up once with the language's stemmer and stop words
/// and nsearch's field prefixes: setting one up (its stop list above all) cost as much as
/// parsing with it, and a search parses once per language in the database. The default
/// operator is the caller's to set before each parse. Not thread-safe, like a Searcher.
class QueryParsers {
 public:
  explicit QueryParsers(const Xapian::Database& db) : db_(db) {}

  /// The parser for an ISO 639-1 code (a database's language terms may name any).
  Xapian::QueryParser& parser(std::string_view lang);

 private:
  struct Parser {
    Xapian::SimpleStopper stopper;  // the parser keeps a pointer to it
    Xapian::QueryParser parser;
  };
  Xapian::Database db_;
  std::map<std::string, std::unique_ptr<Parser>, std::less<>> parsers_;
};

}  // namespace nsearch
