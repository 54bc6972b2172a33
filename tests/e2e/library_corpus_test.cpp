// End-to-end tests of the search features through the public library API on corpus/: what
// search_e2e_test checks through the nsearch binary, done by an embedding program that
// indexes corpus/ with nsearch::Indexer and asks nsearch::Searcher.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "months_back.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/output.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/searcher.hpp"
#include "nsearch/trec.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using namespace nsearch;
using nsearch::test::TempDir;

namespace {

using IdSet = std::set<std::string>;

// corpus/ indexed once through the library for the whole file: these tests only read it.
class CorpusDb {
 public:
  CorpusDb() {
    std::mutex mutex;
    std::vector<std::string> problems;
    Indexer indexer({.db_path = path()}, [&](const Diagnostic& d) {
      const std::lock_guard lock(mutex);
      problems.push_back(d.location + ": " + d.message);
    });
    const std::vector<fs::path> inputs{NSEARCH_CORPUS_DIR};
    indexer.add(inputs);
    indexer.commit();
    if (!problems.empty())
      throw std::runtime_error("corpus/ did not index cleanly: " + problems[0]);
  }
  fs::path path() const { return dir_ / "news.db"; }

 private:
  TempDir dir_;
};

Searcher& searcher() {
  static const CorpusDb db;
  static Searcher instance(db.path());
  return instance;
}

SearchRequest request(const std::string& query) {
  SearchRequest r;
  r.query = query;
  r.limit = 1000;
  return r;
}

SearchResult search(const SearchRequest& r) {
  return searcher().search(r);
}
SearchResult search(const std::string& query) {
  return search(request(query));
}

IdSet ids(const SearchRequest& r) {
  IdSet out;
  for (const Hit& hit : search(r).hits)
    out.insert(hit.id);
  return out;
}
IdSet ids(const std::string& query) {
  return ids(request(query));
}

std::vector<std::string> ranked_ids(const SearchResult& result) {
  std::vector<std::string> out;
  for (const Hit& hit : result.hits)
    out.push_back(hit.id);
  return out;
}

const Facet& facet(const SearchResult& result, const std::string& name) {
  for (const Facet& f : result.facets) {
    if (f.name == name) return f;
  }
  throw std::runtime_error("no facet " + name);
}

std::map<std::string, std::size_t> facet_map(const SearchResult& result, const std::string& name) {
  std::map<std::string, std::size_t> out;
  for (const FacetCount& v : facet(result, name).values)
    out[v.value] = v.count;
  return out;
}

const std::string kAllLanguages = "lang:en OR lang:fr OR lang:de";

}  // namespace

TEST_CASE("library on corpus/: TREC runs of raw topic text", "[e2e][library]") {
  std::istringstream topics(
      "1\tWhat did OPEC decide about crude OIL output?\n"
      "\n"
      "2\tMERCENARIES (Wagner) AND NOT \"sahel\n");
  std::ostringstream run;
  TrecRunOptions options;
  options.tag = "lib";
  options.depth = 2;
  write_trec_run(searcher(), topics, run, options);
  std::istringstream lines(run.str());
  std::map<std::string, int> per_query;
  for (std::string qid, q0, docid, tag; lines >> qid >> q0 >> docid;) {
    std::size_t rank = 0;
    double score = 0;
    lines >> rank >> score >> tag;
    CHECK(q0 == "Q0");
    CHECK(tag == "lib");
    CHECK(rank == static_cast<std::size_t>(++per_query[qid]));
    CHECK(score > 0);
    if (qid == "1" && rank == 1) CHECK(docid == "hg-2019-opec-output-cut");
  }
  CHECK(per_query == std::map<std::string, int>{{"1", 2}, {"2", 2}});
  std::istringstream no_tab("1 crude oil\n");
  CHECK_THROWS_AS(write_trec_run(searcher(), no_tab, run, options), Error);
}

TEST_CASE("library on corpus/: the query language", "[e2e][library][query]") {
  CHECK(ids("cranes NEAR/3 idle") == IdSet{"cw-2023-dock-workers-walkout"});
  CHECK(ids("cranes NEAR/1 idle").empty());
  CHECK(ids("sanction*") == IdSet{"cw-2023-sanctions-shipping-firms",
                                  "cw-2023-banks-sanctioning-rules",
                                  "nl-2022-crude-oil-price-surge"});
  const IdSet mercenaries = ids("mercenaries");
  REQUIRE(mercenaries.size() >= 3);
  CHECK(ids("mercenaries -wagner").count("smp-2021-wagner-mercenaries-debate") == 0);
  CHECK(ids("mercenaries -wagner").size() < mercenaries.size());
  CHECK(ids("+mercenaries wagner") == mercenaries);
  CHECK(ids("\"northern port\"") == IdSet{"cw-2023-dock-workers-walkout"});
  CHECK(ids("\"night-shift pay\"") == IdSet{"cw-2023-dock-workers-walkout"});
  CHECK(ids("site:europe.continentalwire.example") ==
        IdSet{"cw-2023-banks-sanctioning-rules", "cw-2023-dock-workers-walkout"});
  CHECK(ids("sanctions date:2023-03") ==
        IdSet{"cw-2023-sanctions-shipping-firms", "cw-2023-banks-sanctioning-rules"});
  SearchRequest year2021 = request(kAllLanguages);
  year2021.since = "2021";
  year2021.until = "2021";
  CHECK(ids("year:2021") == ids(year2021));
  CHECK_FALSE(ids("year:2021").empty());

  // Not valid syntax: searched as plain words, and the result says why.
  const SearchResult dangling = search("crude oil AND");
  CHECK(dangling.query_fallback);
  CHECK_THAT(dangling.fallback_reason, Contains("AND"));
  CHECK(ranked_ids(dangling) == ranked_ids(search("crude oil")));
  CHECK(search("oil date:2021-13").query_fallback);
  CHECK_FALSE(search("crude oil").query_fallback);
  CHECK_THROWS_AS(search("   "), Error);
}

TEST_CASE("library on corpus/: dates, relative dates, date order, recency",
          "[e2e][library][dates]") {
  SearchRequest r = request(kAllLanguages);
  r.since = "2023-03-24";
  r.until = "2023-03-25";
  CHECK(ids(r) == IdSet{"cw-2023-sanctions-shipping-firms", "cw-2023-banks-sanctioning-rules",
                        "cw-2023-dock-workers-walkout", "smp-2023-football-qualifier-draw"});
  r.since = "2023-03";
  r.until = "2023-03";
  CHECK(ids(r).size() == 4);

  const nsearch::test::MonthsBack back = nsearch::test::months_back_to_january_2022();
  SearchRequest relative = request(kAllLanguages);
  relative.since = back.relative;
  SearchRequest absolute = request(kAllLanguages);
  absolute.since = back.absolute;
  CHECK(ids(relative) == ids(absolute));
  CHECK(ids(relative).count("nl-2022-crude-oil-price-surge") == 1);
  CHECK(ids(relative).count("smp-2021-wagner-mercenaries-debate") == 0);
  const std::chrono::year_month_day today = nsearch::test::today_utc();
  relative.since = std::to_string(static_cast<int>(today.year()) - 2022 + 1) + "y";
  CHECK(ids(relative).count("nl-2022-crude-oil-price-surge") == 1);
  relative.since = "2w";
  CHECK(ids(relative).empty());
  relative.since = "3q";
  CHECK_THROWS_AS(search(relative), Error);
  // Counts reaching back before year 1 stop there: "40000y" used to wrap around to the year
  // 27562, so --since matched nothing and --until everything.
  SearchRequest dated = request(kAllLanguages);
  dated.since = "1900";
  REQUIRE(ids(dated).size() > 10);
  for (const char* far : {"40000y", "99999y", "99999m", "99999w", "99999d"}) {
    CAPTURE(far);
    SearchRequest since = request(kAllLanguages);
    since.since = far;
    CHECK(ids(since) == ids(dated));
    SearchRequest until = request(kAllLanguages);
    until.until = far;
    CHECK(ids(until).empty());
  }

  SearchRequest newest = request("lang:en");
  newest.sort = SortOrder::date;
  std::vector<std::string> dates;
  for (const Hit& hit : search(newest).hits) {
    if (!hit.date.empty()) dates.push_back(hit.date);
  }
  REQUIRE(dates.size() > 10);
  CHECK(std::is_sorted(dates.rbegin(), dates.rend()));

  SearchRequest ranked = request("harbour");
  ranked.sort = SortOrder::relevance;
  const SearchResult by_score = search(ranked);
  std::vector<double> scores;
  for (const Hit& hit : by_score.hits)
    scores.push_back(hit.score);
  CHECK(std::is_sorted(scores.rbegin(), scores.rend()));
  CHECK(scores.front() > scores.back());

  SearchRequest recent = request("mercenaries");
  recent.recency = "1y";
  const SearchResult lifted = search(recent);
  REQUIRE_FALSE(lifted.hits.empty());
  CHECK(lifted.hits.front().id == "smp-2024-mercenaries-abuses-report");  // the newest match
  CHECK(lifted.total == search("mercenaries").total);
}

TEST_CASE("library on corpus/: facets of every kind, exact and ordered", "[e2e][library][facets]") {
  SearchRequest r = request(kAllLanguages);
  r.facets = {"outlet", "host", "author", "category", "lang", "year", "month", "day"};
  r.facet_limit = 0;
  const SearchResult all = search(r);
  REQUIRE(all.total == 44);
  CHECK(facet_map(all, "lang") ==
        std::map<std::string, std::size_t>{{"en", 32}, {"de", 6}, {"fr", 6}});
  CHECK(facet(all, "lang").values.front().value == "en");  // by count
  const auto categories = facet_map(all, "category");
  CHECK(categories.at("Business") == 9);
  CHECK(categories.at("Économie") == 1);
  CHECK(facet(all, "category").values.front().value == "Business");
  CHECK(facet_map(all, "host").at("europe.continentalwire.example") == 2);
  CHECK(facet_map(all, "author").at("Lena Park") == 3);
  for (const char* name : {"outlet", "host", "author", "category", "lang"}) {
    INFO(name);
    const auto& values = facet(all, name).values;
    CHECK(std::is_sorted(values.begin(), values.end(),
                         [](const auto& a, const auto& b) { return a.count > b.count; }));
  }
  for (const char* name : {"year", "month", "day"}) {
    INFO(name);
    std::vector<std::string> keys;
    std::size_t counted = 0;
    for (const auto& v : facet(all, name).values) {
      keys.push_back(v.value);
      counted += v.count;
    }
    CHECK(std::is_sorted(keys.begin(), keys.end()));  // by date
    CHECK(counted <= all.total);                      // undated articles have no bucket
  }
  CHECK(facet_map(all, "month").at("2023-03") == 4);
  CHECK(facet_map(all, "year").at("2023") == facet_map(all, "month").at("2023-03") + 5);

  // Exact: each outlet's count is the number of its matches.
  for (const auto& [outlet, count] : facet_map(all, "outlet")) {
    SearchRequest one = request(kAllLanguages);
    one.outlets = {outlet};
    CHECK(search(one).hits.size() == count);
  }
  r.facet_limit = 2;
  CHECK(facet(search(r), "category").values.size() == 2);

  // Human output: the facets under the hits.
  r.limit = 1;
  r.facets = {"lang", "category"};
  std::ostringstream text;
  write_text(text, search(r), TextStyle{});
  const std::string out = text.str();
  const auto hit_at = out.find("1. ");
  const auto lang_at = out.find("lang (articles):");
  REQUIRE(hit_at != std::string::npos);
  REQUIRE(lang_at != std::string::npos);
  CHECK(lang_at > hit_at);
  CHECK_THAT(out.substr(lang_at), Contains("en (32)") && Contains("Business (9)"));
}

TEST_CASE("library on corpus/: snippets from the best passage, marked and escaped",
          "[e2e][library][snippets]") {
  const SearchResult deep = search("physiotherapist shore title");
  REQUIRE(deep.hits.size() == 1);
  const Hit& hit = deep.hits[0];
  CHECK_THAT(hit.snippet, !Contains("9,000 runners"));  // not the opening lines
  std::vector<std::string> marked;
  for (const auto& [first, last] : hit.highlights)
    marked.push_back(hit.snippet.substr(first, last - first));
  CHECK(marked == std::vector<std::string>{"physiotherapist", "Shore", "title"});

  const SearchResult stems = search("sanctioned");
  REQUIRE_FALSE(stems.hits.empty());
  const std::string json = to_json(stems);
  CHECK_THAT(json, Contains("<mark>sanctioned</mark>") && Contains("<mark>sanctions</mark>"));
  const std::string quoted = to_json(search("women's race"));
  CHECK_THAT(quoted, Contains("&quot;I trained on these streets") && Contains("women&#39;s"));

  std::ostringstream bold;
  write_text(bold, search("sanctioned"), TextStyle{.color = true});
  CHECK_THAT(bold.str(), Contains("\x1b[1msanctioned\x1b[0m"));
  std::ostringstream plain;
  write_text(plain, search("sanctioned"), TextStyle{});
  CHECK_THAT(plain.str(), !Contains("\x1b["));
}

TEST_CASE("library on corpus/: did you mean, more like this", "[e2e][library]") {
  SearchRequest misspelt = request("mercinaries");
  const SearchResult few = search(misspelt);
  CHECK(few.total == 0);
  CHECK(few.suggestion == std::optional<std::string>("mercenaries"));
  CHECK(search("Wagnr AND mercinaries").suggestion == "wagner AND mercenaries");
  CHECK_FALSE(search("mercenaries").suggestion.has_value());
  CHECK_THAT(to_json(search("mercenaries")), Contains("\"suggestion\":null"));

  SearchRequest like = request("");
  like.like_id = "cw-2023-sanctions-shipping-firms";
  const SearchResult similar = search(like);
  REQUIRE_FALSE(similar.hits.empty());
  for (const Hit& h : similar.hits)
    CHECK(h.id != like.like_id);
  const auto similar_ids = ranked_ids(similar);
  CHECK(std::count(similar_ids.begin(), similar_ids.end(), "cw-2023-banks-sanctioning-rules") == 1);
}

TEST_CASE("library on corpus/: paging, counts only, count", "[e2e][library]") {
  for (const SortOrder sort : {SortOrder::relevance, SortOrder::date}) {
    SearchRequest whole_request = request("lang:en OR lang:fr");
    whole_request.sort = sort;
    const auto whole = ranked_ids(search(whole_request));
    REQUIRE(whole.size() > 20);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < whole.size(); offset += 7) {
      SearchRequest page = whole_request;
      page.offset = offset;
      page.limit = 7;
      for (const auto& id : ranked_ids(search(page)))
        paged.push_back(id);
    }
    CHECK(paged == whole);
  }

  // limit 0: the count and the facets, no hits.
  SearchRequest counts = request("oil");
  counts.limit = 0;
  counts.facets = {"outlet"};
  const SearchResult counted = search(counts);
  CHECK(counted.hits.empty());
  CHECK(counted.total == 5);
  CHECK(facet_map(counted, "outlet") ==
        std::map<std::string, std::size_t>{
            {"The Harbour Gazette", 3}, {"Northern Ledger", 1}, {"Sahel Morning Post", 1}});
  // `count`, as the CLI and the HTTP API set it: the exact number only.
  SearchRequest count_only = request("oil");
  set_request_option(count_only, "count", "1");
  const SearchResult exact = search(count_only);
  CHECK(exact.hits.empty());
  CHECK(exact.total == 5);
  CHECK(exact.total_exact);
}
