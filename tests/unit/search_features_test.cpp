// Library tests for the query language, recency, facets, snippets, suggestions, paging and the
// benchmark helpers, through the public Searcher API.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "json_writer.hpp"
#include "match/recency.hpp"
#include "nsearch/bench.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/output.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"
#include "query/spelling.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nsearch::test::TempDir;

namespace {

using IdSet = std::set<std::string>;

SearchRequest query_request(const std::string& text) {
  SearchRequest request;
  request.query = text;
  return request;
}

// Wire stories: hosts with subdomains, several authors, dates a day apart.
struct WireDesk {
  TempDir dir;
  std::filesystem::path db = dir / "db";
  WireDesk() {
    Indexer indexer({.db_path = db}, nullptr);
    auto add = [&indexer](Article a) { indexer.add_article(a); };
    add({.id = "s1",
         .title = "Sanctions hit shipping",
         .outlet = "Wire One",
         .date = "2023-03-24",
         .author = "Lena Park, Omar Haddad",
         .url = "https://www.wireone.example/a",
         .lang = "en",
         .body = "Regulators widened sanctions on shipping firms. The sanctioned firms appealed."});
    add({.id = "s2",
         .title = "Banks want clear rules",
         .outlet = "Wire One",
         .date = "2023-03-24T15:00:00Z",
         .author = "Omar Haddad and Lena Park",
         .url = "https://europe.wireone.example/b",
         .lang = "en",
         .body = "Bankers asked for clearer sanctioning rules after weeks of confusion."});
    add({.id = "d1",
         .title = "Dock workers walk out at the northern port",
         .outlet = "Port Times",
         .date = "2023-03-25",
         .author = "By Lena Park",
         .url = "https://porttimes.example/c",
         .lang = "en",
         .body = "Union officials said the cranes would stay idle until talks resumed. "
                 "Ferries still sail."});
    add({.id = "m1",
         .title = "Mercenaries accused of abuses",
         .outlet = "Port Times",
         .date = "2022-06-01",
         .url = "https://notwireone.example/d",
         .lang = "en",
         .body = "A report accused mercenaries of abuses in three provinces."});
    add({.id = "m2",
         .title = "Council debates mercenaries",
         .outlet = "Port Times",
         .date = "2021-06-01",
         .lang = "en",
         .body = "The council debated the mercenaries question for a second day."});
    indexer.commit();
  }
  SearchResult search(SearchRequest r) { return Searcher(db).search(r); }
  SearchResult search(const std::string& q) { return search(query_request(q)); }
  IdSet ids(const std::string& q) {
    IdSet out;
    for (const auto& h : search(q).hits)
      out.insert(h.id);
    return out;
  }
};

const Facet& facet(const SearchResult& r, const std::string& name) {
  for (const auto& f : r.facets)
    if (f.name == name) return f;
  FAIL("no facet " << name);
  throw;
}

}  // namespace

TEST_CASE("query language: NEAR, NEAR/n, +/-, wildcards, phrases", "[query]") {
  WireDesk w;
  CHECK(w.ids("cranes NEAR idle") == IdSet{"d1"});
  CHECK(w.ids("cranes NEAR/3 idle") == IdSet{"d1"});  // "cranes would stay idle"
  CHECK(w.ids("cranes NEAR/1 idle").empty());
  CHECK(w.ids("cranes NEAR/3 ferries").empty());  // far apart
  CHECK(w.ids("mercenaries -council") == IdSet{"m1"});
  CHECK(w.ids("+mercenaries council") == IdSet{"m1", "m2"});  // council only ranks
  CHECK(w.search("+mercenaries council").hits[0].id == "m2");
  CHECK(w.ids("+mercenaries +council") == IdSet{"m2"});
  CHECK(w.ids("sanction*") == IdSet{"s1", "s2"});     // sanctions, sanctioned, sanctioning
  CHECK(w.ids("\"northern port\"") == IdSet{"d1"});   // phrase in the title
  CHECK(w.ids("\"report accused\"") == IdSet{"m1"});  // phrase in the body
  CHECK(w.ids("\"accused report\"").empty());
}

TEST_CASE("query language: too wide a wildcard is a clear error", "[query]") {
  TempDir dir;
  const auto db = dir / "db";
  {
    Indexer indexer({.db_path = db}, nullptr);
    std::string body;
    for (int i = 0; i < 1100; ++i)
      body += "qa" + std::to_string(i) + "x ";
    indexer.add_article({.id = "many", .title = "Many words", .lang = "en", .body = body});
    indexer.commit();
  }
  SearchRequest r;
  r.query = "qa*";
  try {
    Searcher(db).search(r);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::bad_query);
    CHECK_THAT(e.what(), Catch::Contains("qa*") && Catch::Contains("1000"));
  }
  r.query = "qa10*";  // qa10x, qa100x..qa109x, qa1000x..: few enough
  CHECK(Searcher(db).search(r).total == 1);
}

TEST_CASE("query language: site:, date:, year:", "[query]") {
  WireDesk w;
  CHECK(w.ids("site:wireone.example") == IdSet{"s1", "s2"});  // with its subdomain
  CHECK(w.ids("site:https://www.WireOne.example/x") == IdSet{"s1", "s2"});
  CHECK(w.ids("site:europe.wireone.example") == IdSet{"s2"});
  CHECK(w.ids("site:porttimes.example") == IdSet{"d1"});
  CHECK(w.ids("site:one.example").empty());  // not a suffix match inside a label
  CHECK(w.ids("date:2023-03-24") == IdSet{"s1", "s2"});
  CHECK(w.ids("date:2023-03-24..2023-03-25") == IdSet{"s1", "s2", "d1"});
  CHECK(w.ids("date:2023-03..") == IdSet{"s1", "s2", "d1"});
  CHECK(w.ids("mercenaries date:..2021") == IdSet{"m2"});
  CHECK(w.ids("year:2022") == IdSet{"m1"});
  CHECK(w.ids("mercenaries year:2021") == IdSet{"m2"});
}

TEST_CASE("query language: invalid syntax falls back to plain words, empty is an error",
          "[query]") {
  WireDesk w;
  for (const std::string q :
       {"\"mercenaries council", "(mercenaries council", "mercenaries) council",
        "mercenaries council AND", "date:someday mercenaries council"}) {
    INFO(q);
    const SearchResult r = w.search(q);
    CHECK(r.query_fallback);
    CHECK_FALSE(r.fallback_reason.empty());
    IdSet ids;
    for (const auto& h : r.hits)
      ids.insert(h.id);
    CHECK(ids.count("m2") == 1);  // both words are in m2
  }
  const SearchResult ok = w.search("mercenaries council");
  CHECK_FALSE(ok.query_fallback);
  CHECK_THAT(ok.parsed_query, Catch::Contains("mercenar"));
  CHECK_THROWS_AS(w.search("   "), Error);
}

TEST_CASE("recency: --recency blends the date into relevance", "[recency]") {
  CHECK(parse_half_life_days("30d") == 30);
  CHECK(parse_half_life_days("2w") == 14);
  CHECK(parse_half_life_days("12h") == 0.5);
  CHECK_THROWS_AS(parse_half_life_days("30"), Error);
  CHECK_THROWS_AS(parse_half_life_days("0d"), Error);
  CHECK(key_to_days("19700102000000") == 1.0);

  WireDesk w;
  SearchRequest r;
  r.query = "mercenaries";
  const SearchResult plain = w.search(r);
  REQUIRE(plain.hits.size() == 2);
  CHECK(plain.hits[0].id == "m2");  // the better text match (the shorter article)
  r.recency = "1y";  // ages from the newest article (2023-03-25): m1 0.8 years, m2 1.8
  const SearchResult recent = w.search(r);
  REQUIRE(recent.hits.size() == 2);
  CHECK(recent.hits[0].id == "m1");  // a year newer: recency wins
  CHECK(recent.hits[0].score > plain.hits[1].score);
  r.recency = "100y";  // everything is "new": the text order stays
  CHECK(w.search(r).hits[0].id == "m2");
  r.recency = "soon";
  CHECK_THROWS_AS(w.search(r), Error);
  r.recency = "30d";
  r.sort = SortOrder::date;
  CHECK_THROWS_AS(w.search(r), Error);
}

TEST_CASE("facets: host, author (each name once) and day histogram, exact", "[facets]") {
  WireDesk w;
  SearchRequest r;
  r.query = "site:wireone.example OR site:porttimes.example";
  r.facets = {"host", "author", "day"};
  const SearchResult res = w.search(r);
  CHECK(res.total == 3);
  const auto& host = facet(res, "host").values;
  REQUIRE(host.size() == 3);
  CHECK(host[0].count == 1);
  const auto& author = facet(res, "author").values;
  REQUIRE(author.size() == 2);
  CHECK(author[0].value == "Lena Park");  // in all three, one of them "By Lena Park"
  CHECK(author[0].count == 3);
  CHECK(author[1].value == "Omar Haddad");
  CHECK(author[1].count == 2);
  const auto& day = facet(res, "day").values;
  REQUIRE(day.size() == 2);
  CHECK(day[0].value == "2023-03-24");  // by date, not by count
  CHECK(day[0].count == 2);
  CHECK(day[1].value == "2023-03-25");

  r.facets = {"day"};
  r.facet_limit = 1;  // the busiest day
  const auto limited = facet(w.search(r), "day").values;
  REQUIRE(limited.size() == 1);
  CHECK(limited[0].value == "2023-03-24");
  CHECK(schema::authors_value("By Jo Lane; Sam Diaz & Jo Lane") == "Jo Lane\x1fSam Diaz");
}

TEST_CASE("snippets: the best passage, with stemmed variants marked", "[snippets]") {
  TempDir dir;
  const auto db = dir / "db";
  {
    Indexer indexer({.db_path = db}, nullptr);
    std::string body = "The meeting opened with routine business about parks. ";
    for (int i = 0; i < 30; ++i)
      body += "Councillors discussed street lighting and bins at length. ";
    body += "Later the elected mayor promised that elections would follow the election law.";
    indexer.add_article({.id = "e", .title = "Council meeting", .lang = "en", .body = body});
    indexer.commit();
  }
  SearchRequest r;
  r.query = "elect";
  r.snippet_bytes = 160;
  Searcher searcher(db);
  const SearchResult res = searcher.search(r);
  REQUIRE(res.hits.size() == 1);
  const Hit& hit = res.hits[0];
  CHECK_THAT(hit.snippet, Catch::Contains("elected mayor"));  // not the first sentence
  std::set<std::string> marked;
  for (const auto& [b, e] : hit.highlights)
    marked.insert(hit.snippet.substr(b, e - b));
  CHECK(marked == std::set<std::string>{"elected", "elections", "election"});
  // Again: the Searcher now stems the text's words from its cache, to the same snippet.
  const SearchResult again = searcher.search(r);
  REQUIRE(again.hits.size() == 1);
  CHECK(again.hits[0].snippet == hit.snippet);
  CHECK(again.hits[0].highlights == hit.highlights);
  const std::string json = to_json(res);
  CHECK_THAT(json, Catch::Contains("<mark>elected</mark>"));
  std::ostringstream tty;
  write_text(tty, res, TextStyle{.color = true});
  CHECK_THAT(tty.str(), Catch::Contains("\x1b[1melected\x1b[0m"));
}

TEST_CASE("did you mean: corrections from the index's vocabulary", "[spelling]") {
  CHECK(edit_distance(U"mercinaries", U"mercenaries", 2) == 1);
  CHECK(edit_distance(U"mercenaires", U"mercenaries", 2) == 1);  // transposition
  CHECK(edit_distance(U"abc", U"xyzw", 2) == 3);                 // cut off at limit + 1

  WireDesk w;
  SearchRequest r;
  r.query = "mercinaries";
  SearchResult res = w.search(r);
  CHECK(res.total == 0);
  REQUIRE(res.suggestion.has_value());
  CHECK(*res.suggestion == "mercenaries");
  r.query = "Mercinaries AND councel";
  res = w.search(r);
  REQUIRE(res.suggestion.has_value());
  CHECK(*res.suggestion == "mercenaries AND council");
  r.query = "mercenaries";  // enough hits: no suggestion
  CHECK_FALSE(w.search(r).suggestion.has_value());
  r.query = "outlet:mercinaries";  // field values are not words to correct
  CHECK_FALSE(w.search(r).suggestion.has_value());
  r.query = "zzzzqqq";  // nothing close
  CHECK_FALSE(w.search(r).suggestion.has_value());
  CHECK_THAT(to_json(w.search(r)), Catch::Contains("\"suggestion\":null"));
}

TEST_CASE("more like this excludes the article, pages are stable", "[search]") {
  WireDesk w;
  SearchRequest r;
  r.like_id = "s1";
  const SearchResult like = w.search(r);
  REQUIRE_FALSE(like.hits.empty());
  for (const auto& hit : like.hits)
    CHECK(hit.id != "s1");
  CHECK(like.hits[0].id == "s2");  // the other sanctions story

  // Ties (a pure filter ranks everything alike) must not reorder between pages.
  for (const SortOrder order : {SortOrder::relevance, SortOrder::date}) {
    SearchRequest all;
    all.query = "lang:en";
    all.sort = order;
    all.limit = 100;
    const SearchResult whole = w.search(all);
    REQUIRE(whole.hits.size() == 5);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < 5; offset += 2) {
      SearchRequest page = all;
      page.offset = offset;
      page.limit = 2;
      for (const auto& hit : w.search(page).hits)
        paged.push_back(hit.id);
    }
    std::vector<std::string> expected;
    for (const auto& hit : whole.hits)
      expected.push_back(hit.id);
    CHECK(paged == expected);
  }
}

TEST_CASE("bench: query files, kinds, percentiles", "[bench]") {
  std::istringstream in(
      "# comment\noil\ncrude oil\noil OR gas\n\"crude oil\"\nfaceted\toil\n"
      "date\toil\n");
  const auto queries = read_bench_queries(in, "q.tsv");
  REQUIRE(queries.size() == 6);
  CHECK(queries[0].kind == "term");
  CHECK(queries[1].kind == "and");
  CHECK(queries[2].kind == "or");
  CHECK(queries[3].kind == "phrase");
  CHECK(bench_request(queries[4]).facets == std::vector<std::string>{"outlet", "year"});
  CHECK(bench_request(queries[5]).sort == SortOrder::date);
  std::istringstream bad("\noil\nfuzzy\toil\n");
  CHECK_THROWS_WITH(read_bench_queries(bad, "q.tsv"), Catch::Contains("q.tsv:3"));

  std::size_t calls = 0;
  const BenchReport report = run_bench(queries, BenchOptions{.passes = 3, .warmup = 2},
                                       [&calls](const BenchQuery&) { ++calls; });
  CHECK(calls == 6 * 5);
  CHECK(report.overall.runs == 18);
  CHECK(report.overall.queries == 6);
  CHECK(report.kinds.at("term").runs == 3);
  CHECK(report.overall.p50_ms <= report.overall.p95_ms);
  CHECK(report.overall.p95_ms <= report.overall.p99_ms);
  CHECK_THAT(to_json(report), Catch::StartsWith("{\"overall\":{\"p50_ms\":"));
}

TEST_CASE("languages that read a query alike share one branch; the results do not change",
          "[query]") {
  TempDir dir;
  const auto db = dir / "db";
  {
    Indexer indexer({.db_path = db}, nullptr);
    indexer.add_article({.id = "en1",
                         .title = "Oil prices",
                         .lang = "en",
                         .body = "Oil prices rose while refineries kept running."});
    indexer.add_article(
        {.id = "fr1", .title = "Le pétrole", .lang = "fr", .body = "Le prix du oil."});
    indexer.add_article(
        {.id = "de1", .title = "Öl", .lang = "de", .body = "Der Preis für oil stieg."});
    indexer.commit();
  }
  Searcher searcher(db);
  SearchRequest request = query_request("oil");
  request.collapse = false;
  // "oil" is the same word in every language: one query, no language filter.
  SearchResult all = searcher.search(request);
  CHECK(all.total == 3);
  CHECK_THAT(all.parsed_query, !Catch::Contains("Len"));
  // A language asked for still filters.
  request.langs = {"fr"};
  SearchResult french = searcher.search(request);
  REQUIRE(french.hits.size() == 1);
  CHECK(french.hits.front().id == "fr1");
  // Words that stem differently keep a branch per reading, each for its languages only.
  request.langs.clear();
  // ("running" is "run" in English, "running" in French and German.)
  request.query = "running";
  SearchResult running = searcher.search(request);
  // (German and French articles outnumber English ones: their branch excludes English ones.)
  CHECK_THAT(running.parsed_query, Catch::Contains("FILTER Len"));
  CHECK_THAT(running.parsed_query, Catch::Contains("AND_NOT Len"));
  IdSet ids;
  for (const auto& hit : running.hits)
    ids.insert(hit.id);
  CHECK(ids == IdSet{"en1"});
}

TEST_CASE("a corpus mostly in one language: its branch excludes the others' articles", "[query]") {
  TempDir dir;
  const auto db = dir / "db";
  {
    Indexer indexer({.db_path = db}, nullptr);
    for (int i = 0; i < 4; ++i) {
      indexer.add_article({.id = "en" + std::to_string(i),
                           .title = "Refinery news " + std::to_string(i),
                           .lang = "en",
                           .body = i % 2 ? "The refinery kept running." : "Oil prices rose."});
    }
    indexer.add_article(
        {.id = "fr1", .title = "Le pétrole", .lang = "fr", .body = "Le running du dimanche."});
    indexer.add_article(
        {.id = "de1", .title = "Öl", .lang = "de", .body = "Der Preis für Öl stieg."});
    indexer.commit();
  }
  Searcher searcher(db);
  SearchRequest request = query_request("running");
  request.collapse = false;
  const SearchResult running = searcher.search(request);
  // English is most of the corpus: its reading is every article but the German and French
  // ones, which keep their own reading, filtered by language.
  CHECK_THAT(running.parsed_query, Catch::Contains("AND_NOT (Lde OR Lfr)"));
  CHECK_THAT(running.parsed_query, Catch::Contains("FILTER (Lde OR Lfr)"));
  IdSet ids;
  for (const auto& hit : running.hits)
    ids.insert(hit.id);
  CHECK(ids == IdSet{"en1", "en3", "fr1"});
  CHECK(running.total == 3);
  // Snippets mark the word in each language's reading.
  for (const auto& hit : running.hits) {
    INFO(hit.id << ": " << hit.snippet);
    std::vector<std::string> marked;
    for (const auto& [begin, end] : hit.highlights)
      marked.push_back(hit.snippet.substr(begin, end - begin));
    CHECK(marked == std::vector<std::string>{"running"});
  }
  // The same with a language asked for.
  request.langs = {"en", "fr"};
  CHECK(searcher.search(request).total == 3);
  request.langs = {"de"};
  CHECK(searcher.search(request).total == 0);
}

TEST_CASE("JSON output: written as it goes, byte for byte what nlohmann's dump gives", "[output]") {
  const std::vector<std::string> strings = {
      "",
      "plain",
      "quote \" and back\\slash / slash",
      std::string("controls \b\f\n\r\t \x01\x1f\x7f and a nul: ") + '\0' + ".",
      "\xC3\xBCnic\xC3\xB6"
      "de \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x89",
      "bad \xFF\xFE bytes and a cut \xC3",
      "\xED\xA0\x80 surrogate"};
  const std::vector<double> doubles = {0.0,   1.0,  0.1,          -2.5,    3.14159265358979,
                                       1e300, 1e-7, std::nan(""), HUGE_VAL};
  nlohmann::ordered_json expected = nlohmann::ordered_json::object();
  nsearch::JsonWriter w;
  w.begin_object();
  for (std::size_t i = 0; i < strings.size(); ++i) {
    const std::string key = "k" + std::to_string(i) + strings[i];
    expected[key] = strings[i];
    w.key(key).string(strings[i]);
  }
  expected["doubles"] = doubles;
  w.key("doubles").begin_array();
  for (const double d : doubles)
    w.number(d);
  w.end_array();
  expected["sizes"] = {std::size_t{0}, std::size_t{42}, SIZE_MAX};
  w.key("sizes").begin_array().number(std::size_t{0}).number(std::size_t{42}).number(SIZE_MAX);
  w.end_array();
  expected["nested"] = {{"empty_array", nlohmann::ordered_json::array()},
                        {"empty_object", nlohmann::ordered_json::object()},
                        {"pairs", {{1, 2}, {3, 4}}},
                        {"flags", {true, false, nullptr}}};
  w.key("nested").begin_object();
  w.key("empty_array").begin_array().end_array();
  w.key("empty_object").begin_object().end_object();
  w.key("pairs").begin_array();
  w.begin_array().number(std::size_t{1}).number(std::size_t{2}).end_array();
  w.begin_array().number(std::size_t{3}).number(std::size_t{4}).end_array();
  w.end_array();
  w.key("flags").begin_array().boolean(true).boolean(false).null().end_array();
  w.end_object();
  w.key("or_null").string_or_null("");
  expected["or_null"] = nullptr;
  w.end_object();
  CHECK(w.take() ==
        expected.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

TEST_CASE("newest first: the same pages from in-memory columns as from Xapian's sort", "[sort]") {
  // Dates of three distinct seconds (ties by the hundred, more than a page's candidates), some
  // articles undated, and stories of up to three word-for-word copies.
  TempDir dir;
  const auto db = dir / "db";
  {
    Indexer indexer({.db_path = db}, nullptr);
    for (int i = 0; i < 600; ++i) {
      const int story = i % 9 < 6 ? i / 3 : 1000 + i;
      const std::string words = story % 5 == 0 ? "alpha" : story % 7 == 0 ? "beta" : "gamma";
      indexer.add_article({.id = "a" + std::to_string(i),
                           .title = "Report " + std::to_string(story),
                           .outlet = "outlet" + std::to_string(i % 4),
                           .date = i % 11 == 0 ? "" : "2024-03-0" + std::to_string(5 + i % 3),
                           .lang = "en",
                           .body = "A report about " + words + " number " + std::to_string(story) +
                                   " and what followed it."});
    }
    indexer.commit();
  }
  std::vector<SearchRequest> requests;
  for (const bool collapse : {true, false}) {
    for (const std::string q :
         {"report", "alpha OR beta", "report -gamma", "\"what followed\"", "alpha"}) {
      for (const std::size_t offset : {0, 10, 50}) {
        SearchRequest request = query_request(q);
        request.sort = SortOrder::date;
        request.collapse = collapse;
        request.offset = offset;
        request.facets = {"outlet"};
        requests.push_back(request);
      }
    }
  }
  auto page = [](Searcher& searcher, const SearchRequest& request) {
    const SearchResult result = searcher.search(request);
    std::vector<std::string> lines{std::to_string(result.total) + "/" +
                                   std::to_string(result.articles)};
    for (const auto& hit : result.hits)
      lines.push_back(hit.id + " " + hit.date + " " + std::to_string(hit.copies));
    return lines;
  };
  // A Searcher's first counting search reads values from Xapian and sorts with its matcher; from
  // its second on it builds in-memory columns and walks posting lists where it can.
  Searcher searcher(db);
  page(searcher, requests.front());
  std::vector<std::string> first;
  bool copies_shown = false;
  for (const SearchRequest& request : requests) {
    Searcher fresh(db);
    const std::vector<std::string> expected = page(fresh, request);
    const std::vector<std::string> from_columns = page(searcher, request);
    INFO(request.query << (request.collapse ? " collapsed" : "") << " from " << request.offset);
    CHECK(from_columns == expected);
    if (request.offset == 0) CHECK(expected.size() > 1);
    if (first.empty()) first = expected;
    for (const std::string& line : expected)
      copies_shown = copies_shown || line.ends_with(" 2");
  }
  CHECK(copies_shown);
  // Undated articles come last, newest first before them.
  CHECK_THAT(first[1], Catch::Contains("2024-03-07"));
}
