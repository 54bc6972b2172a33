#include "query/query_parsers.hpp"

#include "languages.hpp"
#include "nsearch/limits.hpp"
#include "nsearch/schema.hpp"
#include "query/query_fields.hpp"

namespace nsearch {
namespace {

// `outlet:"the new diplomat"`, `category:sport`: exact, case-insensitive boolean filters.
class TermFieldProcessor : public Xapian::FieldProcessor {
 public:
  using MakeTerm = std::string (*)(std::string_view);
  explicit TermFieldProcessor(MakeTerm make_term) : make_term_(make_term) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(make_term_(value));
  }

 private:
  MakeTerm make_term_;
};

// `lang:en`, `lang:English`.
class LangFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(schema::lang_term(languages::normalise(value)));
  }
};

}  // namespace

Xapian::QueryParser& QueryParsers::parser(std::string_view lang) {
  auto it = parsers_.find(lang);
  if (it != parsers_.end()) return it->second->parser;
  auto made = std::make_unique<Parser>();
  for (const std::string_view word : languages::stop_words(lang))
    made->stopper.add(std::string(word));
  Xapian::QueryParser& qp = made->parser;
  qp.set_database(db_);
  qp.set_stemmer(languages::stemmer_for(lang));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_stopper(&made->stopper);
  qp.add_prefix("title", std::string(schema::kTitlePrefix));
  qp.add_prefix("author", std::string(schema::kAuthorPrefix));
  qp.add_boolean_prefix("outlet", (new TermFieldProcessor(schema::outlet_term))->release());
  qp.add_boolean_prefix("category", (new TermFieldProcessor(schema::category_term))->release());
  qp.add_boolean_prefix("lang", (new LangFieldProcessor)->release());
  qp.add_boolean_prefix("kind", (new KindFieldProcessor)->release());
  qp.add_boolean_prefix("site", (new SiteFieldProcessor(db_))->release());
  qp.add_boolean_prefix("date", (new DateFieldProcessor)->release());
  qp.add_boolean_prefix("year", (new YearFieldProcessor)->release());
  // Too many expansions is an error at match time (see Searcher), not a silent cut.
  qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_ERROR);
  return parsers_.emplace(std::string(lang), std::move(made)).first->second->parser;
}

}  // namespace nsearch
