// Unit tests for document kinds (article or page) and titles derived from the body: the schema,
// stored data and document building.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include <xapian.h>

#include "document_builder.hpp"
#include "nsearch/schema.hpp"
#include "stored_data.hpp"

using namespace nsearch;

TEST_CASE("schema: kinds have one prefix, slot, stored field and facet", "[kind][schema]") {
  CHECK(schema::canonical_kind("") == schema::kArticleKind);
  CHECK(schema::canonical_kind("article") == "article");
  CHECK(schema::canonical_kind(" Page ") == "page");
  CHECK_FALSE(schema::canonical_kind("blog"));
  CHECK_FALSE(schema::canonical_kind("pages"));
  CHECK(schema::kind_term("page") == "XKpage");
  CHECK(schema::kind_term("") == "XKarticle");
  CHECK(schema::kind_term("Blog") == "XKblog");  // matches nothing

  // Our own prefixes are "X" plus a letter, followed directly by the value: none may begin
  // with another, or one's terms could read as the other's.
  const std::vector<std::string_view> x_prefixes{schema::kOutletPrefix, schema::kStoryPrefix,
                                                 schema::kKindPrefix, schema::kSourceFilePrefix,
                                                 schema::kCopyPrefix};
  for (std::size_t i = 0; i < x_prefixes.size(); ++i) {
    for (std::size_t j = 0; j < x_prefixes.size(); ++j) {
      if (i != j) CHECK_FALSE(x_prefixes[j].starts_with(x_prefixes[i]));
    }
  }
  const std::vector<Xapian::valueno> slots{
      schema::kDateSlot,        schema::kYearSlot,  schema::kMonthSlot,
      schema::kOutletSlot,      schema::kLangSlot,  schema::kCategorySlot,
      schema::kContentHashSlot, schema::kHostSlot,  schema::kAuthorsSlot,
      schema::kKindSlot,        schema::kStorySlot, schema::kStorySignatureSlot};
  CHECK(std::set<Xapian::valueno>(slots.begin(), slots.end()).size() == slots.size());
  const auto facet = schema::find_facet("kind");
  REQUIRE(facet);
  CHECK(facet->slot == schema::kKindSlot);
}

TEST_CASE("stored data: kind and title_derived round trip, old data reads as an article",
          "[kind][schema]") {
  Article a{.id = "p1", .title = "First words", .title_derived = true, .body = "First words."};
  a.kind = "page";
  const std::string data = serialise_article(a);
  CHECK(data.find("\"title_derived\":true") != std::string::npos);
  CHECK(data.find("\"kind\":\"page\"") != std::string::npos);
  const Article back = deserialise_article(data);
  CHECK(back.kind == "page");
  CHECK(back.title_derived);

  // A given title writes no flag; an empty kind is stored as an article.
  const std::string plain = serialise_article({.id = "a1", .title = "Headline"});
  CHECK(plain.find("title_derived") == std::string::npos);
  CHECK(plain.find("\"kind\":\"article\"") != std::string::npos);
  CHECK_FALSE(deserialise_article(plain).title_derived);

  // Written before kinds existed: an article. Odd layouts take the slow path, same answer.
  CHECK(deserialise_article(R"({"id":"old","title":"T","body":"B"})").kind == "article");
  const Article slow =
      deserialise_article(R"({"id":"s","title_derived":true,"kind":"page","n":1})");
  CHECK(slow.kind == "page");
  CHECK(slow.title_derived);
  CHECK_FALSE(deserialise_article(R"({"id":"s","title_derived":false})").title_derived);
  CHECK(deserialise_article(R"({"id":"s","title_derived":"yes"})").id == "s");
}

TEST_CASE("documents: a derived title is not indexed as a title, every document has a kind",
          "[kind][indexer]") {
  DocumentBuilder builder;
  Article derived{.id = "u1",
                  .title = "Zookeepers counted flamingos",
                  .title_derived = true,
                  .lang = "en",
                  .body = "Zookeepers counted flamingos. More later."};
  const Xapian::Document doc = builder.build(derived, serialise_article(derived));
  std::map<std::string, Xapian::termcount> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    terms[*it] = it.get_wdf();
  CHECK(terms.count("Szookeepers") == 0);
  CHECK(terms.count("ZSzookeep") == 0);
  CHECK(terms["zookeepers"] == 1);  // once, from the body
  CHECK(terms.count("XKarticle") == 1);
  CHECK(doc.get_value(schema::kKindSlot) == "article");

  Article given = derived;
  given.title_derived = false;
  given.kind = "page";
  const Xapian::Document page = builder.build(given, serialise_article(given));
  std::set<std::string> page_terms(page.termlist_begin(), page.termlist_end());
  CHECK(page_terms.count("Szookeepers") == 1);
  CHECK(page_terms.count("XKpage") == 1);
  CHECK(page_terms.count("XKarticle") == 0);
  CHECK(page.get_value(schema::kKindSlot) == "page");
}
