// Unit tests for ranking through the library API: free-text analysis, the weighting schemes,
// title and repeated-word weights, the query's language, and TREC runs.
#include <catch2/catch.hpp>
#include <sstream>

#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/searcher.hpp"
#include "nsearch/trec.hpp"
#include "query/free_text.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nsearch::test::TempDir;

namespace {

Article article(std::string id, std::string lang, std::string title, std::string body) {
  return {.id = std::move(id),
          .title = std::move(title),
          .lang = std::move(lang),
          .body = std::move(body)};
}

struct Collection {
  TempDir dir;
  std::filesystem::path db = dir / "db";
  explicit Collection(const std::vector<Article>& articles) {
    Indexer indexer({.db_path = db}, nullptr);
    for (const auto& a : articles)
      indexer.add_article(a);
    indexer.commit();
  }
  SearchResult free_text(const std::string& text, SearchRequest request = {}) {
    request.query = text;
    request.free_text = true;
    request.default_operator = DefaultOperator::any;
    return Searcher(db).search(request);
  }
};

double score_of(const SearchResult& result, const std::string& id) {
  for (const auto& hit : result.hits) {
    if (hit.id == id) return hit.score;
  }
  FAIL("no hit " << id);
  return 0;
}

const std::vector<Article> kNews = {
    article("vn", "en", "Saigon after the coup",
            "The U.S. policy toward the new regime in South Viet Nam was set this week."),
    article("wheat", "en", "Wheat deals", "Canada sold wheat to Russia; the U.S. may follow."),
    article("troops", "en", "Troops in Europe", "The number of troops stationed in West Germany."),
    article("ferry", "en", "Harbour ferry returns", "The council voted on the timetable."),
    article("council", "en", "Council meeting",
            "The harbour ferry was discussed at length by the council."),
};

}  // namespace

TEST_CASE("free text is analysed like the articles: case, acronyms, possessives", "[ranking]") {
  Collection c(kNews);
  // Upper case, "U.S ." as TIME writes it, a possessive and stray punctuation.
  const auto r = c.free_text("U.S . POLICY TOWARD VIET NAM'S NEW REGIME (AFTER THE COUP) ?");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "vn");
  // Operator words and unbalanced syntax are plain words, not errors.
  CHECK_NOTHROW(c.free_text("WHEAT AND \"RUSSIA OR NOT (CANADA"));
  CHECK(c.free_text("WHEAT AND \"RUSSIA OR NOT (CANADA").hits[0].id == "wheat");
  // A text of stop words alone still searches for them rather than for nothing.
  CHECK_FALSE(c.free_text("THE").hits.empty());
  CHECK(c.free_text("?! ...").hits.empty());
}

TEST_CASE("free text: a repeated word weighs more, a title match adds weight", "[ranking]") {
  Collection c(kNews);
  const double once = score_of(c.free_text("timetable"), "ferry");
  CHECK(score_of(c.free_text("timetable, TIMETABLE"), "ferry") == Approx(2 * once));

  SearchRequest plain;
  plain.title_weight = 0;
  SearchRequest titled;
  titled.title_weight = 0.5;
  const auto without = c.free_text("harbour", plain);
  const auto with = c.free_text("harbour", titled);
  // "ferry" has harbour in its title, "council" only in its text.
  CHECK(score_of(with, "ferry") > score_of(without, "ferry"));
  CHECK(score_of(with, "council") == Approx(score_of(without, "council")));
  CHECK(SearchRequest{}.title_weight == 0.5);
}

TEST_CASE("weighting: I(ne)B2 by default, BM25 on request, bad parameters rejected", "[ranking]") {
  Collection c(kNews);
  const SearchRequest defaults;
  CHECK(defaults.weighting == Weighting::ineb2);
  CHECK(defaults.dfr_c == 1.0);

  SearchRequest bm25;
  bm25.weighting = Weighting::bm25;
  const auto dfr = c.free_text("wheat russia");
  const auto okapi = c.free_text("wheat russia", bm25);
  REQUIRE_FALSE(dfr.hits.empty());
  REQUIRE_FALSE(okapi.hits.empty());
  CHECK(dfr.hits[0].id == "wheat");
  CHECK(okapi.hits[0].id == "wheat");
  CHECK(dfr.hits[0].score != Approx(okapi.hits[0].score));
  bm25.bm25_k1 = 0.9;
  bm25.bm25_b = 0.4;
  CHECK(c.free_text("wheat russia", bm25).hits[0].score != Approx(okapi.hits[0].score));

  // Ordinary (query language) searches are ranked by the same scheme.
  SearchRequest query;
  query.query = "wheat";
  CHECK(Searcher(c.db).search(query).hits[0].score == Approx(c.free_text("wheat").hits[0].score));

  SearchRequest bad_b = bm25;
  bad_b.bm25_b = 1.5;
  CHECK_THROWS_MATCHES(c.free_text("wheat", bad_b), Error,
                       Catch::Predicate<Error>(
                           [](const Error& e) { return e.kind() == ErrorKind::invalid_argument; }));
  SearchRequest bad_c;
  bad_c.dfr_c = 0;
  CHECK_THROWS_AS(c.free_text("wheat", bad_c), Error);

  // The same settings by name, as the HTTP API takes them.
  SearchRequest named;
  set_request_option(named, "weighting", "bm25");
  CHECK(named.weighting == Weighting::bm25);
  set_request_option(named, "weighting", "ineb2");
  set_request_option(named, "dfr-c", "2.5");
  CHECK(named.weighting == Weighting::ineb2);
  CHECK(named.dfr_c == 2.5);
  set_request_option(named, "bm25", "1.2,0.75");  // selects BM25
  CHECK(named.weighting == Weighting::bm25);
  CHECK(named.bm25_k1 == 1.2);
  CHECK_THROWS_AS(set_request_option(named, "weighting", "tfidf"), Error);
}

TEST_CASE("free text in a known language is read in that language only", "[ranking]") {
  CHECK(language_by_stop_words("I AM INTERESTED IN THE USERS OF LIBRARIES", {"de", "en"}) == "en");
  CHECK(language_by_stop_words("Die Wahlen in der Stadt und auf dem Land", {"en", "de"}) == "de");
  CHECK_FALSE(language_by_stop_words("mercenaries Mali", {"en", "de"}));
  CHECK_FALSE(language_by_stop_words("in", {"en", "de"}));

  // English articles about information (stemmed "inform") and one German article with the
  // English word "Information" (stemmed "information": rare in this database). Read as German
  // too, an English question would put the German article first on that rare term.
  std::vector<Article> articles;
  for (int i = 0; i < 6; ++i) {
    articles.push_back(
        article("en" + std::to_string(i), "en", "Information services",
                "Information for readers of public libraries, part " + std::to_string(i) + "."));
  }
  articles.push_back(article("users", "en", "Library users",
                             "Studies of the information needs of library users."));
  articles.push_back(article("de", "de", "Bibliothek",
                             "Die Information der Nutzer in der Bibliothek wurde untersucht."));
  Collection c(articles);
  const auto r = c.free_text("I AM INTERESTED IN INFORMATION ABOUT THE USERS OF LIBRARIES");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == "users");
}

TEST_CASE("TREC run: qid Q0 docid rank score tag, by rank", "[ranking][trec]") {
  Collection c(kNews);
  Searcher searcher(c.db);
  std::istringstream queries(
      "q1\tU.S . POLICY IN VIET NAM ?\n\n  \nq2\tWHEAT (AND) U.S .\nq3\t?!\n");
  std::ostringstream out;
  TrecRunOptions options;
  options.tag = "test-run";
  options.depth = 2;
  write_trec_run(searcher, queries, out, options);
  std::istringstream lines(out.str());
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::vector<std::string> row;
    for (std::string f; fields >> f;)
      row.push_back(f);
    rows.push_back(row);
  }
  REQUIRE(rows.size() == 4);  // two hits for each of q1 and q2, none for q3
  CHECK(rows[0] == std::vector<std::string>{"q1", "Q0", "vn", "1", rows[0][4], "test-run"});
  CHECK(rows[1][0] == "q1");
  CHECK(rows[1][3] == "2");
  CHECK(std::stod(rows[0][4]) >= std::stod(rows[1][4]));
  CHECK(rows[2][0] == "q2");
  CHECK(rows[2][2] == "wheat");

  std::istringstream bad("q1\tfine\nno tab here\n");
  std::ostringstream ignored;
  CHECK_THROWS_WITH(write_trec_run(searcher, bad, ignored, options), Catch::Contains("line 2"));
}

TEST_CASE("pseudo-relevance feedback adds the top articles' terms", "[ranking][expand]") {
  Collection c({
      article("f1", "en", "Harbour ferry returns",
              "The harbour ferry timetable was restored on the island route."),
      article("f2", "en", "Ferry fares", "Ferry fares rise on the harbour route to the island."),
      article("t1", "en", "Timetable changes",
              "A new timetable for the harbour route to the island starts on Monday."),
      article("x1", "en", "Wheat deals", "Canada sold wheat to Russia."),
  });
  const auto ids = [](const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits)
      out.push_back(h.id);
    return out;
  };
  CHECK(ids(c.free_text("ferry")) == std::vector<std::string>{"f2", "f1"});
  SearchRequest expanded;
  expanded.expand_terms = 5;
  const auto r = c.free_text("ferry", expanded);
  // The timetable story shares the ferry stories' words (harbour, route, island) but not "ferry".
  REQUIRE(r.hits.size() == 3);
  CHECK(r.hits[2].id == "t1");
  expanded.expand_weight = 0;
  CHECK(c.free_text("ferry", expanded).hits.size() == 3);  // matched, weighted zero
  CHECK(c.free_text("ferry", expanded).hits[2].score == Approx(0).margin(1e-9));
}

TEST_CASE("TREC run: every copy of a syndicated story is listed", "[ranking][trec]") {
  const std::string wire =
      "Mali's transitional government has hired Russian private military contractors to train "
      "its army, diplomatic sources said on Monday, despite warnings from France and its allies "
      "that such a deal would be incompatible with their continued presence in the Sahel.";
  Collection c({article("copy-a", "en", "Mali hires Russian contractors", wire),
                article("copy-b", "en", "Mali turns to Russian contractors", wire),
                article("other", "en", "Wheat deals", "Canada sold wheat to Russia.")});
  Searcher searcher(c.db);
  std::istringstream queries("1\tRUSSIAN CONTRACTORS IN MALI\n");
  std::ostringstream out;
  write_trec_run(searcher, queries, out, TrecRunOptions{});
  CHECK(out.str().find(" copy-a ") != std::string::npos);
  CHECK(out.str().find(" copy-b ") != std::string::npos);
}
