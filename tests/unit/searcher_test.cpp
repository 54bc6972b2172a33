// Unit tests for searcher/: query building, filters, facets, sorting, snippets, output.
#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "match/matching_query.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/output.hpp"
#include "nsearch/searcher.hpp"
#include "query/query_builder.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nsearch::test::TempDir;

namespace {

Article make(std::string id, std::string title, std::string outlet, std::string date,
             std::string lang, std::string body, std::string category = "",
             std::string author = "") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.outlet = std::move(outlet);
  a.date = std::move(date);
  a.lang = std::move(lang);
  a.body = std::move(body);
  a.category = std::move(category);
  a.author = std::move(author);
  return a;
}

// A small database shared by the tests below (rebuilt per test case: cheap).
struct Fixture {
  TempDir dir;
  std::filesystem::path db = dir / "db";
  Fixture() {
    Indexer indexer({.db_path = db}, nullptr);
    indexer.add_article(make("w1", "Mali turns to Russian mercenaries", "The New Diplomat", "",
                             "en",
                             "Diplomatic sources said a private Russian military contractor "
                             "would train troops in the Sahel.",
                             "World", "Agency Report"));
    indexer.add_article(make("b1", "Contractors finish the new bridge", "Harbour Gazette",
                             "2024-03-10", "en", "The contractors finished the bridge early.",
                             "Local", "Jo Lane"));
    indexer.add_article(make("o1", "Crude oil prices climb", "Harbour Gazette",
                             "2021-09-24T08:00:00Z", "en",
                             "Crude oil rose as OPEC kept output steady.", "Business"));
    indexer.add_article(make("o2", "Oil output and crude politics", "Northern Ledger", "2021-09-01",
                             "en", "Output of oil fell; the crude debate went on.", "Business"));
    indexer.add_article(make("o3", "Le pétrole brut recule", "Le Courrier", "2022-01-15", "fr",
                             "Les prix du pétrole brut ont reculé après les annonces.",
                             "Économie"));
    indexer.add_article(make("e1", "Wahlen in der Stadt", "Rundschau", "2019-05-26", "de",
                             "Bei den Wahlen gewann die Partei deutlich.", "Politik"));
    indexer.add_article(make("x1", "<script>alert(1)</script> & more", "Harbour Gazette",
                             "2020-02-02", "en", "A title with markup & ampersands < >."));
    indexer.commit();
  }
  SearchResult search(SearchRequest request) { return Searcher(db).search(request); }
  SearchResult search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return search(request);
  }
  static std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits)
      out.push_back(h.id);
    std::sort(out.begin(), out.end());
    return out;
  }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("query syntax: balanced quotes and parentheses", "[query]") {
  CHECK_NOTHROW(check_query_syntax("\"crude oil\" AND (opec OR output)"));
  CHECK_NOTHROW(check_query_syntax("\"(\" inside quotes"));
  try {
    check_query_syntax("\"russian contractor");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::bad_query);
    CHECK(std::string(e.what()).find("unbalanced quotes") != std::string::npos);
  }
  CHECK_THROWS_WITH(check_query_syntax("(oil OR gas"), Catch::Contains("unbalanced parentheses"));
  CHECK_THROWS_WITH(check_query_syntax("oil) gas"), Catch::Contains("position 4"));
}

TEST_CASE("query: date filter bounds are inclusive periods", "[query]") {
  CHECK(date_lower_key("2021", "--since") == "20210101000000");
  CHECK(date_upper_key("2021", "--until") == "20211231235959");
  CHECK(date_upper_key("2024-02", "--until") == "20240229235959");
  CHECK(date_upper_key("2021-09-24", "--until") == "20210924235959");
  CHECK(date_lower_key("2021-09-24", "--since") == "20210924000000");
  CHECK_THROWS_WITH(date_lower_key("last week", "--since"), Catch::Contains("--since"));
}

TEST_CASE("search: stemming, fields, operators", "[search]") {
  Fixture f;
  CHECK(Fixture::ids(f.search("Russian contractor")) == Ids{"w1"});
  CHECK(Fixture::ids(f.search("contractor")) == Ids{"b1", "w1"});
  CHECK(Fixture::ids(f.search("mercenaries AND Sahel")) == Ids{"w1"});
  CHECK(Fixture::ids(f.search("title:contractors")) == Ids{"b1"});
  CHECK(Fixture::ids(f.search("author:lane")) == Ids{"b1"});
  CHECK(Fixture::ids(f.search("oil outlet:\"harbour GAZETTE\"")) == Ids{"o1"});
  CHECK(Fixture::ids(f.search("outlet:rundschau")) == Ids{"e1"});
  CHECK(Fixture::ids(f.search("category:business")) == Ids{"o1", "o2"});
  CHECK(Fixture::ids(f.search("lang:french")) == Ids{"o3"});
  CHECK(Fixture::ids(f.search("oil NOT opec")) == Ids{"o2"});
  CHECK(Fixture::ids(f.search("opec OR bridge")) == Ids{"b1", "o1"});
  CHECK(Fixture::ids(f.search("(opec OR bridge) AND early")) == Ids{"b1"});
  CHECK(Fixture::ids(f.search("\"crude oil\"")) == Ids{"o1"});
  CHECK(Fixture::ids(f.search("crude oil")) == Ids{"o1", "o2"});
  CHECK(f.search("nothing-matches-this").total == 0);
}

TEST_CASE("search: a Searcher reads each query as a fresh one would", "[search]") {
  // A Searcher keeps its query parsers and stemmers between searches: nothing of one query may
  // carry over to the next (operators, languages, fields, a fallback).
  Fixture f;
  Searcher kept(f.db);
  const std::vector<std::pair<std::string, DefaultOperator>> queries = {
      {"Russian contractor", DefaultOperator::any},
      {"Russian contractor", DefaultOperator::all},
      {"pétrole brut", DefaultOperator::all},
      {"+crude oil", DefaultOperator::all},
      {"(unbalanced oil", DefaultOperator::all},
      {"oil outlet:\"harbour GAZETTE\"", DefaultOperator::all},
      {"Wahlen", DefaultOperator::all},
      {"crude oil", DefaultOperator::all},
      {"crude oil", DefaultOperator::any},
      {"title:contractors", DefaultOperator::all}};
  for (const auto& [text, op] : queries) {
    CAPTURE(text);
    SearchRequest r;
    r.query = text;
    r.default_operator = op;
    const SearchResult again = kept.search(r);
    const SearchResult fresh = Searcher(f.db).search(r);
    CHECK(again.parsed_query == fresh.parsed_query);
    CHECK(again.query_fallback == fresh.query_fallback);
    REQUIRE(again.hits.size() == fresh.hits.size());
    for (std::size_t i = 0; i < fresh.hits.size(); ++i) {
      CHECK(again.hits[i].id == fresh.hits[i].id);
      CHECK(again.hits[i].score == fresh.hits[i].score);
      CHECK(again.hits[i].snippet == fresh.hits[i].snippet);
      CHECK(again.hits[i].highlights == fresh.hits[i].highlights);
    }
  }
}

TEST_CASE("search: each language is stemmed with its own stemmer", "[search]") {
  Fixture f;
  CHECK(Fixture::ids(f.search("wahl")) == Ids{"e1"});     // German stem of "Wahlen"
  CHECK(Fixture::ids(f.search("reculer")) == Ids{"o3"});  // French stem of "reculé"
}

TEST_CASE("search: filters by outlet, language and date", "[search]") {
  Fixture f;
  SearchRequest r;
  r.query = "oil";
  r.outlets = {"northern ledger", "Nobody"};
  CHECK(Fixture::ids(f.search(r)) == Ids{"o2"});
  r = {};
  r.query = "outlet:\"harbour gazette\" OR lang:de OR lang:fr";
  r.since = "2021-09";
  r.until = "2022";
  CHECK(Fixture::ids(f.search(r)) == Ids{"o1", "o3"});
  r.until = "2021-09-24";
  CHECK(Fixture::ids(f.search(r)) == Ids{"o1"});
  r.since = "2021-09-25";
  r.until = "2021-12";
  CHECK(f.search(r).total == 0);
  r = {};
  r.query = "";
  r.langs = {"de"};
  CHECK(Fixture::ids(f.search(r)) == Ids{"e1"});
  r = {};
  r.query = "oil";
  r.since = "2022";
  r.until = "2021";
  CHECK_THROWS_AS(f.search(r), Error);
  r = {};
  r.query = "   ";
  CHECK_THROWS_WITH(f.search(r), Catch::Contains("empty query"));
}

TEST_CASE("search: facets count every match exactly", "[facets]") {
  Fixture f;
  SearchRequest r;
  r.query = "outlet:\"harbour gazette\" OR oil OR lang:de";
  r.limit = 1;  // counts must not depend on the page
  r.facets = {"outlet", "year", "month", "lang", "category"};
  const SearchResult result = f.search(r);
  CHECK(result.total == 5);
  CHECK(result.total_exact);
  REQUIRE(result.facets.size() == 5);
  std::map<std::string, std::size_t> outlets;
  for (const auto& v : result.facets[0].values)
    outlets[v.value] = v.count;
  CHECK(outlets == std::map<std::string, std::size_t>{
                       {"Harbour Gazette", 3}, {"Northern Ledger", 1}, {"Rundschau", 1}});
  CHECK(result.facets[0].values.front().value == "Harbour Gazette");  // by count
  std::vector<std::string> years;
  for (const auto& v : result.facets[1].values)
    years.push_back(v.value);
  CHECK(years == std::vector<std::string>{"2019", "2020", "2021", "2024"});  // chronological
  CHECK(result.facets[2].values.front().value == "2019-05");

  r.facet_limit = 1;
  CHECK(f.search(r).facets[0].values.size() == 1);
  r.facets = {"colour"};
  CHECK_THROWS_WITH(f.search(r), Catch::Contains("unknown facet"));
}

TEST_CASE("search: sorting by date and paging", "[search]") {
  Fixture f;
  SearchRequest r;
  r.query = "outlet:\"harbour gazette\" OR oil OR lang:de OR lang:fr OR mercenaries";
  r.sort = SortOrder::date;
  r.limit = 100;
  const SearchResult all = f.search(r);
  REQUIRE(all.hits.size() == 7);
  for (std::size_t i = 1; i < all.hits.size(); ++i) {
    CHECK(all.hits[i - 1].date.substr(0, 10) >= all.hits[i].date.substr(0, 10));
  }
  CHECK(all.hits.back().id == "w1");  // undated articles come last
  r.limit = 3;
  r.offset = 3;
  const SearchResult page = f.search(r);
  REQUIRE(page.hits.size() == 3);
  CHECK(page.hits[0].rank == 4);
  CHECK(page.hits[0].id == all.hits[3].id);
  CHECK(page.hits[2].id == all.hits[5].id);
}

TEST_CASE("search: snippets mark the matched words", "[snippets]") {
  Fixture f;
  const SearchResult r = f.search("contractor");
  REQUIRE_FALSE(r.hits.empty());
  for (const Hit& hit : r.hits) {
    REQUIRE_FALSE(hit.highlights.empty());
    for (const auto& [begin, end] : hit.highlights) {
      const std::string word = hit.snippet.substr(begin, end - begin);
      CHECK((word == "contractor" || word == "contractors"));
    }
  }
  const SearchResult markup = f.search("ampersands");
  REQUIRE(markup.hits.size() == 1);
  CHECK(markup.hits[0].snippet.find("markup & ampersands < >") != std::string::npos);
}

TEST_CASE("output: JSON has every field, null when unknown", "[output]") {
  Fixture f;
  SearchRequest r;
  r.query = "mercenaries";
  r.facets = {"outlet"};
  const std::string json = to_json(f.search(r));
  for (const char* key :
       {"\"query\":\"mercenaries\"", "\"total\":1", "\"offset\":0", "\"rank\":1", "\"id\":\"w1\"",
        "\"date\":null", "\"url\":null", "\"author\":\"Agency Report\"",
        "\"facets\":{\"outlet\":[{\"value\":"
        "\"The New Diplomat\",\"count\":1}]}"}) {
    CAPTURE(key);
    CHECK(json.find(key) != std::string::npos);
  }
}

TEST_CASE("output: text is safe for terminals and coloured only on request", "[output]") {
  Fixture f;
  SearchResult r = f.search("contractor");
  const std::string title = r.hits[0].title;
  r.hits[0].title += "\x1b[31m\x7f\tend";
  std::ostringstream plain, color;
  write_text(plain, r, TextStyle{false});
  write_text(color, r, TextStyle{true});
  CHECK(plain.str().find('\x1b') == std::string::npos);
  CHECK(plain.str().find(title + " [31m  end") != std::string::npos);  // each one a space
  CHECK(plain.str().starts_with("2 stories (2 articles), showing 1-2"));
  CHECK(color.str().find("\x1b[1mcontractor") != std::string::npos);  // matches in bold
}

TEST_CASE("stats: documents, outlets, languages, date range", "[stats]") {
  Fixture f;
  const DatabaseStats s = Searcher(f.db).stats();
  CHECK(s.documents == 7);
  REQUIRE_FALSE(s.outlets.empty());
  CHECK(s.outlets.front().value == "Harbour Gazette");
  CHECK(s.outlets.front().count == 3);
  CHECK(s.languages.front().value == "en");
  CHECK(s.languages.front().count == 5);
  CHECK(s.date_min == "2019-05-26");
  CHECK(s.date_max == "2024-03-10");
  CHECK_THROWS_AS(Searcher(f.dir / "missing"), Error);
}

TEST_CASE("query: words are lower-cased so that capitalised words are stemmed too", "[query]") {
  CHECK(lowercase_words("Russian AND (Contractors OR Wagner) NOT Mali") ==
        "russian AND (contractors OR wagner) NOT mali");
  CHECK(lowercase_words("title:Mali NEAR/3 \"Crude Oil\"") == "title:mali NEAR/3 \"crude oil\"");
  CHECK(lowercase_words("Überschwemmungen") == "überschwemmungen");
  Fixture f;
  CHECK(Fixture::ids(f.search("Contractors")) == Ids{"b1", "w1"});
  CHECK(Fixture::ids(f.search("Wahl")) == Ids{"e1"});
}

TEST_CASE("search: more like this, exact totals, relative dates", "[search]") {
  Fixture f;
  SearchRequest r;
  r.like_id = "o1";
  const SearchResult like = f.search(r);
  REQUIRE_FALSE(like.hits.empty());
  CHECK(like.hits[0].id == "o2");  // the other English crude oil story
  for (const auto& hit : like.hits)
    CHECK(hit.id != "o1");
  r.like_id = "missing";
  try {
    f.search(r);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::not_found);
  }
  r = {};
  r.like_id = "o1";
  r.query = "oil";
  CHECK_THROWS_AS(f.search(r), Error);

  r = {};
  r.query = "outlet:\"harbour gazette\" OR lang:de";
  r.limit = 0;
  r.exact_total = true;
  const SearchResult counted = f.search(r);
  CHECK(counted.hits.empty());
  CHECK(counted.total == 4);
  CHECK(counted.total_exact);

  r.since = "400w";  // about 7.7 years before today: from 2019 on, the whole fixture
  CHECK(f.search(r).total == 4);
  r.since = "1d";
  CHECK(f.search(r).total == 0);
  CHECK(date_lower_key("0d", "--since").size() == 14);
  CHECK_THROWS_AS(date_lower_key("5q", "--since"), Error);
}

TEST_CASE("output: snippet_html escapes the text and marks the matches", "[output]") {
  Fixture f;
  const std::string json = to_json(f.search("ampersands"));
  CHECK(json.find(
            "\"snippet_html\":\"A title with markup &amp; <mark>ampersands</mark> &lt; &gt;.\"") !=
        std::string::npos);
}

TEST_CASE("query: the matching part drops only what adds weight", "[query][count]") {
  using Q = Xapian::Query;
  const Q oil("Zoil");
  const Q gas("Zgas");
  const Q boost(Q::OP_SCALE_WEIGHT, Q("ZSoil"), 0.5);
  CHECK(matching_part(Q(Q::OP_AND_MAYBE, oil, boost)).get_description() == oil.get_description());
  // Inside other operators, and however deep.
  const Q both(Q::OP_AND, Q(Q::OP_AND_MAYBE, oil, boost), Q(Q::OP_SCALE_WEIGHT, gas, 2.0));
  CHECK(matching_part(both).get_description() == Q(Q::OP_AND, oil, gas).get_description());
  const Q filtered(Q::OP_FILTER, Q(Q::OP_AND_MAYBE, oil, boost), Q("Len"));
  CHECK(matching_part(filtered).get_description() ==
        Q(Q::OP_FILTER, oil, Q("Len")).get_description());
  // What decides matching stays as it is: phrases, exclusions, value ranges.
  const std::vector<Q> words{Q("crude"), Q("oil")};
  const Q phrase(Q::OP_PHRASE, words.begin(), words.end());
  CHECK(matching_part(phrase).get_description() == phrase.get_description());
  const Q excluded(Q::OP_AND_NOT, phrase, Q(Q::OP_VALUE_GE, 1, "2020"));
  CHECK(matching_part(excluded).get_description() == excluded.get_description());

  // Through a search: the same articles match, counted by the same numbers.
  Fixture f;
  SearchRequest plain;
  plain.query = "crude oil";
  plain.title_weight = 0;
  SearchRequest boosted = plain;
  boosted.title_weight = 3;
  boosted.recency = "30d";
  const SearchResult without = f.search(plain);
  const SearchResult with = f.search(boosted);
  CHECK(Fixture::ids(with) == Ids{"o1", "o2"});
  CHECK(Fixture::ids(with) == Fixture::ids(without));
  CHECK(with.total == 2);
  CHECK(with.total_exact);
  CHECK(with.articles == without.articles);
}

TEST_CASE("search: newest first reads the same from a Searcher's in-memory columns",
          "[search][sort]") {
  // A Searcher that counts again sorts by dates held in memory: the order must not change.
  Fixture f;
  Searcher searcher(f.db);
  SearchRequest request;
  request.query = "oil OR crude OR contractors OR wahlen OR ampersands";
  request.sort = SortOrder::date;
  std::vector<std::string> first;
  for (int search = 0; search < 3; ++search) {
    const SearchResult result = searcher.search(request);
    std::vector<std::string> order;
    for (const auto& hit : result.hits)
      order.push_back(hit.id);
    if (search == 0) first = order;
    CHECK(order == first);
  }
  CHECK(first == Ids{"b1", "o1", "o2", "x1", "e1", "w1"});  // undated last
}
