// Unit tests for document kinds (article or page) and titles derived from the body: the schema,
// stored data, document building, reading and normalising, and search (library API).
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "analyse/document_builder.hpp"
#include "nsearch/article_format.hpp"
#include "nsearch/article_reader.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/output.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"
#include "stored_data.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nlohmann::json;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A body whose first sentence becomes the title of the article that has none.
constexpr const char* kUntitledBody =
    "Zookeepers counted seventeen flamingos at dawn. The census continues tomorrow.";

std::vector<Article> read_jsonl(const std::string& content, std::vector<Diagnostic>* diagnostics) {
  TempDir dir;
  const fs::path file = dir / "records.jsonl";
  std::ofstream(file, std::ios::binary) << content;
  ArticleReader reader({}, [&](const Diagnostic& d) {
    if (diagnostics != nullptr) diagnostics->push_back(d);
  });
  std::vector<Article> articles;
  const std::vector<fs::path> paths{file};
  reader.read(paths, [&](Article&& a) { articles.push_back(std::move(a)); });
  return articles;
}

// An article, a page and an article without a title, indexed through the library.
struct KindFixture {
  TempDir dir;
  fs::path db = dir / "db";
  KindFixture() {
    Indexer indexer({.db_path = db}, nullptr);
    indexer.add_article({.id = "a1",
                         .title = "Flamingo numbers fall at the city zoo",
                         .outlet = "Valley Times",
                         .lang = "en",
                         .body = "The zoo reported fewer flamingos this spring."});
    indexer.add_article({.id = "p1",
                         .title = "Zoo opening hours and flamingo feeding times",
                         .outlet = "Valley Times",
                         .lang = "en",
                         .body = "Open daily from nine. Flamingo feeding at noon and at four.",
                         .kind = "page"});
    indexer.add_article(
        {.id = "u1", .outlet = "Valley Times", .lang = "en", .body = kUntitledBody});
    indexer.commit();
  }
};

std::set<std::string> ids(const SearchResult& result) {
  std::set<std::string> out;
  for (const Hit& hit : result.hits)
    out.insert(hit.id);
  return out;
}

SearchResult search(const fs::path& db, const std::string& query, const std::string& kind = "",
                    std::vector<std::string> facets = {}) {
  Searcher searcher(db);
  SearchRequest request;
  request.query = query;
  request.kind = kind;
  request.facets = std::move(facets);
  return searcher.search(request);
}

}  // namespace

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

TEST_CASE("reading: the kind field, its check, and titles derived from the body",
          "[kind][ingest]") {
  std::vector<Diagnostic> diagnostics;
  const std::vector<Article> articles = read_jsonl(
      R"({"id": "p1", "title": "Index", "kind": "Page", "body": "Links to stories."})"
      "\n"
      R"({"id": "a1", "title": "Headline", "body": "Text."})"
      "\n"
      R"({"id": "b1", "title": "Blog post", "kind": "blog", "body": "Text."})"
      "\n"
      R"({"id": "u1", "title": null, "body": "Zookeepers counted flamingos. More later."})"
      "\n"
      R"({"id": "x1", "title": "Zookeepers counted flamingos", "title_derived": true, "body": "Zookeepers counted flamingos. More later."})"
      "\n",
      &diagnostics);
  REQUIRE(articles.size() == 5);
  CHECK(articles[0].kind == "page");
  CHECK(articles[1].kind == "article");  // none given
  CHECK_FALSE(articles[1].title_derived);
  // Another kind is reported and read as an article, not dropped.
  CHECK(articles[2].kind == "article");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message ==
        "unknown kind \"blog\" (expected article or page); indexed as "
        "an article");
  CHECK(diagnostics[0].location.ends_with("records.jsonl:3"));
  CHECK(articles[3].title == "Zookeepers counted flamingos");
  CHECK(articles[3].title_derived);
  // `nindex extract --json` output read again keeps the mark.
  CHECK(articles[4].title_derived);
}

TEST_CASE("copies: a derived title does not make a titled article's copy", "[kind][indexer]") {
  // Copies have the same URL, title and body: a record without a title is no copy of one with
  // a headline, even when the headline is what would be derived.
  TempDir dir;
  Indexer indexer({.db_path = dir / "db"}, nullptr);
  const std::string body = kUntitledBody;
  indexer.add_article({.id = "titled",
                       .title = "Zookeepers counted seventeen flamingos at dawn",
                       .url = "https://zoo.example/census",
                       .lang = "en",
                       .body = body});
  indexer.add_article(
      {.id = "untitled", .url = "https://zoo.example/census", .lang = "en", .body = body});
  indexer.add_article(
      {.id = "untitled-again", .url = "https://zoo.example/census", .lang = "en", .body = body});
  CHECK(indexer.report().added == 2);
  CHECK(indexer.report().duplicates == 1);  // two title-less records are copies, as before
}

TEST_CASE("search: --kind filters, the kind facet, kind: in queries", "[kind][searcher]") {
  const KindFixture fx;
  CHECK(ids(search(fx.db, "flamingo")) == std::set<std::string>{"a1", "p1", "u1"});
  CHECK(ids(search(fx.db, "flamingo", "page")) == std::set<std::string>{"p1"});
  CHECK(ids(search(fx.db, "flamingo", "article")) == std::set<std::string>{"a1", "u1"});
  CHECK(ids(search(fx.db, "flamingo", "PAGE")) == std::set<std::string>{"p1"});
  CHECK(ids(search(fx.db, "", "page")) == std::set<std::string>{"p1"});  // a filter alone
  CHECK(ids(search(fx.db, "flamingo kind:page")) == std::set<std::string>{"p1"});
  CHECK(ids(search(fx.db, "flamingo -kind:page")) == std::set<std::string>{"a1", "u1"});
  CHECK_THROWS_AS(search(fx.db, "flamingo", "blog"), Error);
  // Not a kind: the query is searched as plain words, and says why.
  const SearchResult odd = search(fx.db, "flamingo kind:blog");
  CHECK(odd.query_fallback);
  CHECK(odd.fallback_reason.find("kind: expects article or page") != std::string::npos);

  const SearchResult faceted = search(fx.db, "flamingo", "", {"kind"});
  REQUIRE(faceted.facets.size() == 1);
  std::map<std::string, std::size_t> counts;
  for (const FacetCount& c : faceted.facets[0].values)
    counts[c.value] = c.count;
  CHECK(counts == std::map<std::string, std::size_t>{{"article", 2}, {"page", 1}});

  for (const Hit& hit : faceted.hits) {
    CHECK(hit.kind == (hit.id == "p1" ? "page" : "article"));
    CHECK(hit.title_derived == (hit.id == "u1"));
  }
}

TEST_CASE("search: a derived title is shown but is no title for title: or the boost",
          "[kind][searcher]") {
  const KindFixture fx;
  const SearchResult body_words = search(fx.db, "zookeepers");
  REQUIRE(ids(body_words) == std::set<std::string>{"u1"});
  CHECK(body_words.hits[0].title == "Zookeepers counted seventeen flamingos at dawn");
  CHECK(body_words.hits[0].title_derived);
  CHECK(search(fx.db, "title:zookeepers").hits.empty());
  CHECK(ids(search(fx.db, "title:flamingo")) == std::set<std::string>{"a1", "p1"});
  CHECK(Searcher(fx.db).article("u1").title_derived);
}

TEST_CASE("output: JSON and text say the kind and whether the title was derived",
          "[kind][output]") {
  const KindFixture fx;
  const SearchResult result = search(fx.db, "flamingo");
  const json j = json::parse(to_json(result));
  std::map<std::string, json> hits;
  for (const json& hit : j.at("hits"))
    hits[hit.at("id").get<std::string>()] = hit;
  CHECK(hits.at("p1").at("kind") == "page");
  CHECK(hits.at("a1").at("kind") == "article");
  CHECK(hits.at("u1").at("title_derived") == true);
  CHECK(hits.at("a1").at("title_derived") == false);

  std::ostringstream text;
  write_text(text, result, TextStyle{});
  CHECK(text.str().find(". [page] Zoo opening hours") != std::string::npos);
  CHECK(text.str().find("[page] Flamingo") == std::string::npos);
  CHECK(text.str().find(". Zookeepers counted seventeen flamingos at dawn\n") != std::string::npos);
  CHECK(text.str().find("(untitled)") == std::string::npos);

  // The article as `nindex extract` and /api/doc show it.
  const json article = json::parse(to_json(Searcher(fx.db).article("p1")));
  CHECK(article.at("kind") == "page");
  CHECK(article.at("title_derived") == false);
}

TEST_CASE("request options: kind by name, checked", "[kind][options]") {
  SearchRequest r;
  set_request_option(r, "kind", "page");
  CHECK(r.kind == "page");
  set_request_option(r, "kind", "");
  CHECK(r.kind.empty());
  CHECK_THROWS_AS(set_request_option(r, "kind", "blog"), Error);
  bool listed = false;
  for (const RequestOption& option : request_options())
    listed = listed || option.name == "kind";
  CHECK(listed);
}
