#include "analyse/document_builder.hpp"

#include "languages.hpp"
#include "nsearch/dates.hpp"
#include "nsearch/schema.hpp"
#include "text_util.hpp"

namespace nsearch {

namespace {
// Gap in term positions between fields, so phrases never match across them.
constexpr Xapian::termpos kFieldGap = 100;
}  // namespace

DocumentBuilder::DocumentBuilder() {
  generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

const Xapian::Stem& DocumentBuilder::stemmer(const std::string& lang) {
  auto it = stemmers_.find(lang);
  if (it == stemmers_.end()) it = stemmers_.emplace(lang, languages::stemmer_for(lang)).first;
  return it->second;
}

Xapian::Document DocumentBuilder::build(const Article& article, std::string stored_data) {
  Xapian::Document doc;
  generator_.set_document(doc);
  generator_.set_stemmer(stemmer(article.lang));

  // Free text: the title both on its own (title:) and as part of the general text. A title
  // derived from the body is for display only: its words are the body's first words, indexed
  // with the body, and they must not count as title matches (title:, the title boost).
  if (!article.title.empty() && !article.title_derived) {
    generator_.index_text(article.title, 1, std::string(schema::kTitlePrefix));
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(article.title);
    generator_.increase_termpos(kFieldGap);
  }
  if (!article.author.empty()) {
    generator_.index_text(article.author, 1, std::string(schema::kAuthorPrefix));
    generator_.increase_termpos(kFieldGap);
  }
  generator_.index_text(article.body);

  // Boolean terms for filters and exact lookups.
  doc.add_boolean_term(schema::id_term(article.id));
  doc.add_boolean_term(schema::lang_term(article.lang));
  if (!article.url.empty()) {
    doc.add_boolean_term(schema::url_term(article.url));
    if (const std::string host = text::url_host(article.url); !host.empty()) {
      doc.add_boolean_term(schema::host_term(host));
      doc.add_value(schema::kHostSlot, host);
    }
  }
  // Every document has a kind (empty means an article), so that kind:article finds articles
  // from structured inputs too.
  const std::string kind(schema::canonical_kind(article.kind).value_or(schema::kArticleKind));
  doc.add_boolean_term(schema::kind_term(kind));
  doc.add_value(schema::kKindSlot, kind);
  if (!article.outlet.empty()) doc.add_boolean_term(schema::outlet_term(article.outlet));
  if (!article.category.empty()) doc.add_boolean_term(schema::category_term(article.category));

  doc.add_value(schema::kLangSlot, article.lang);
  if (!article.outlet.empty()) doc.add_value(schema::kOutletSlot, article.outlet);
  if (!article.category.empty()) doc.add_value(schema::kCategorySlot, article.category);
  if (!article.author.empty())
    doc.add_value(schema::kAuthorsSlot, schema::authors_value(article.author));
  if (const auto date = parse_iso_date(article.date)) {
    const std::string key = date->sort_key();  // YYYYMMDDhhmmss
    doc.add_boolean_term(schema::day_term(key));
    doc.add_boolean_term(schema::month_term(key));
    doc.add_boolean_term(schema::year_term(key));
    doc.add_value(schema::kDateSlot, key);
    doc.add_value(schema::kYearSlot, key.substr(0, 4));
    doc.add_value(schema::kMonthSlot, key.substr(0, 4) + "-" + key.substr(4, 2));
  }

  doc.add_value(schema::kContentHashSlot, text::hex_digest(stored_data));
  doc.set_data(std::move(stored_data));
  // Xapian reference counts are not atomic: drop the generator's reference so the document can
  // be handed to another thread (the database writer).
  generator_.set_document(Xapian::Document());
  return doc;
}

}  // namespace nsearch
