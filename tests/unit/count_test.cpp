// Counting through the library API: collapsed totals count stories exactly, with the articles
// beside them, up to the count limit; beyond it both are lower bounds and say so.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "nsearch/indexer.hpp"
#include "nsearch/output.hpp"
#include "nsearch/searcher.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nsearch::test::TempDir;

namespace {

// A wire service's stories, each carried by 1 to 3 outlets word for word (so that every copy
// joins its story): story s has 1 + s % 3 copies; every body says "report", the stories whose
// number is a multiple of 150 say "zeppelin", those of 4 "quarry".
constexpr std::size_t kStories = 1500;
std::size_t copies_of(std::size_t story) {
  return 1 + story % 3;
}
bool says_zeppelin(std::size_t story) {
  return story % 150 == 0;
}
bool says_quarry(std::size_t story) {
  return story % 4 == 0;
}

// One JSON line: an article that outlet number `outlet` carried.
void write_article(std::ostream& out, const std::string& id, std::size_t outlet,
                   const std::string& title, const std::string& body) {
  out << nlohmann::json{{"id", id},
                        {"url", "https://outlet" + std::to_string(outlet) + ".example/" + id},
                        {"title", title},
                        {"outlet", "Outlet " + std::to_string(outlet)},
                        {"lang", "en"},
                        {"date", "2024-03-01"},
                        {"body", body}}
             .dump()
      << "\n";
}

void write_wire_corpus(const fs::path& file) {
  static constexpr const char* kWords[] = {
      "harbour", "council", "budget", "minister", "river",   "flood",  "election", "market",
      "shares",  "school",  "rail",   "strike",   "weather", "energy", "prices",   "court",
      "police",  "museum",  "bridge", "storm",    "exports", "wheat",  "mayor",    "housing"};
  std::mt19937 rng(19);
  std::ofstream out(file);
  for (std::size_t story = 0; story < kStories; ++story) {
    std::string body = "report ";
    if (says_zeppelin(story)) body += "zeppelin ";
    if (says_quarry(story)) body += "quarry ";
    for (int w = 0; w < 80; ++w)
      body += std::string(kWords[rng() % std::size(kWords)]) + (w % 12 == 11 ? ". " : " ");
    for (std::size_t copy = 0; copy < copies_of(story); ++copy) {
      const std::string id = "wire-" + std::to_string(story) + "-" + std::to_string(copy);
      write_article(out, id, copy, "Story " + std::to_string(story), body);
    }
  }
}

struct Expected {
  std::size_t stories = 0, articles = 0;
};

template <typename Says>
Expected expected(Says says) {
  Expected e;
  for (std::size_t story = 0; story < kStories; ++story) {
    if (!says(story)) continue;
    ++e.stories;
    e.articles += copies_of(story);
  }
  return e;
}

// `corpus` indexed into dir/db.
fs::path indexed(const TempDir& dir, const fs::path& corpus) {
  nsearch::IndexOptions options;
  options.db_path = dir / "db";
  nsearch::Indexer indexer(
      options, [](const nsearch::Diagnostic& d) { FAIL(d.location << ": " << d.message); });
  const std::vector<fs::path> inputs{corpus};
  indexer.add(inputs);
  return options.db_path;
}

const fs::path& wire_db() {
  static const TempDir dir;
  static const fs::path db = [] {
    write_wire_corpus(dir / "wire.jsonl");
    return indexed(dir, dir / "wire.jsonl");
  }();
  return db;
}

// Stories that many outlets carried word for word: 8 short ones saying "blizzard" three times,
// 15 copies each, above 40 longer articles of their own that say it once. The first twenty
// hits of "blizzard" are copies of two stories.
const fs::path& syndicated_db() {
  static const TempDir dir;
  static const fs::path db = [] {
    static constexpr const char* kWords[] = {"harbour", "council", "budget", "minister",
                                             "river",   "flood",   "market", "shares",
                                             "school",  "rail",    "strike", "weather"};
    std::mt19937 rng(23);
    const auto words = [&rng](int n) {
      std::string text;
      for (int w = 0; w < n; ++w)
        text += std::string(kWords[rng() % std::size(kWords)]) + (w % 10 == 9 ? ". " : " ");
      return text;
    };
    std::ofstream out(dir / "syndicated.jsonl");
    for (int story = 0; story < 8; ++story) {
      const std::string body = "blizzard blizzard blizzard " + words(20 + story);
      for (std::size_t copy = 0; copy < 15; ++copy)
        write_article(out, "wire-" + std::to_string(story) + "-" + std::to_string(copy), copy,
                      "Blizzard " + std::to_string(story), body);
    }
    for (int own = 0; own < 40; ++own)
      write_article(out, "own-" + std::to_string(own), 100, "Blizzard " + std::to_string(100 + own),
                    "blizzard " + words(60 + own));
    out.close();
    return indexed(dir, dir / "syndicated.jsonl");
  }();
  return db;
}

nsearch::SearchRequest request_for(const std::string& text) {
  nsearch::SearchRequest request;
  request.query = text;
  request.snippet_bytes = 0;
  return request;
}

// Distinct stories among every copy a search without collapsing lists, as a user would count.
std::size_t listed_stories(nsearch::Searcher& searcher, const std::string& text,
                           std::size_t& articles) {
  nsearch::SearchRequest request = request_for(text);
  request.collapse = false;
  request.limit = 10'000;
  const nsearch::SearchResult all = searcher.search(request);
  std::set<std::string> stories;
  for (const auto& hit : all.hits)
    stories.insert(hit.story);
  articles = all.hits.size();
  return stories.size();
}

std::string as_text(const nsearch::SearchResult& result) {
  std::ostringstream out;
  nsearch::write_text(out, result, nsearch::TextStyle{});
  return out.str();
}

}  // namespace

TEST_CASE("collapsed totals are the stories the matches belong to, and the articles beside them",
          "[count]") {
  nsearch::Searcher searcher(wire_db());
  const std::vector<std::pair<std::string, Expected>> cases = {
      {"zeppelin", expected(says_zeppelin)},
      {"quarry", expected(says_quarry)},
      {"report", expected([](std::size_t) { return true; })},
  };
  for (const auto& [text, want] : cases) {
    for (const auto sort : {nsearch::SortOrder::relevance, nsearch::SortOrder::date}) {
      INFO(text << (sort == nsearch::SortOrder::date ? ", newest first" : ""));
      nsearch::SearchRequest request = request_for(text);
      request.sort = sort;
      const nsearch::SearchResult result = searcher.search(request);
      CHECK(result.collapsed);
      CHECK(result.total_exact);
      CHECK(result.articles_exact);
      CHECK(result.total == want.stories);
      CHECK(result.articles == want.articles);
      std::size_t articles = 0;
      CHECK(result.total == listed_stories(searcher, text, articles));
      CHECK(result.articles == articles);
    }
  }
  // The numbers a user reads, with thousands separated.
  CHECK_THAT(as_text(searcher.search(request_for("quarry"))),
             Contains("375 stories (750 articles), showing 1-10"));
  CHECK_THAT(as_text(searcher.search(request_for("report"))),
             Contains("1,500 stories (3,000 articles), showing 1-10"));
}

TEST_CASE("facets count articles, and the headline names both units", "[count]") {
  nsearch::Searcher searcher(wire_db());
  nsearch::SearchRequest request = request_for("quarry");
  request.facets = {"outlet"};
  const nsearch::SearchResult result = searcher.search(request);
  std::size_t facet_sum = 0;
  for (const auto& value : result.facets.at(0).values)
    facet_sum += value.count;  // one outlet per article
  CHECK(facet_sum == result.articles);
  CHECK(result.facet_unit == nsearch::FacetUnit::copy);
  CHECK_THAT(as_text(result), Contains("outlet (articles):"));
  const auto json = nlohmann::json::parse(nsearch::to_json(result));
  CHECK(json["total_unit"] == "stories");
  CHECK(json["facet_unit"] == "articles");
  CHECK(json["articles"] == facet_sum);

  request.facet_by = nsearch::FacetUnit::story;
  const nsearch::SearchResult by_story = searcher.search(request);
  std::size_t stories_sum = 0;
  for (const auto& value : by_story.facets.at(0).values)
    stories_sum += value.count;
  // Every quarry story ran in Outlet 0; its copies in Outlets 1 and 2.
  CHECK(by_story.facets.at(0).values.front().count == by_story.total);
  CHECK(stories_sum == by_story.articles);
  CHECK_THAT(as_text(by_story), Contains("outlet (stories):"));
}

TEST_CASE("beyond the count limit the totals are lower bounds, and say so", "[count]") {
  nsearch::Searcher searcher(wire_db());
  const auto says_either = [](std::size_t s) { return says_quarry(s) || says_zeppelin(s); };
  const Expected all = expected(says_either);
  for (const bool collapse : {true, false}) {
    INFO("collapse " << collapse);
    nsearch::SearchRequest request = request_for("quarry OR zeppelin");
    request.collapse = collapse;
    request.count_limit = 100;
    const nsearch::SearchResult result = searcher.search(request);
    CHECK_FALSE(result.total_exact);
    CHECK_FALSE(result.articles_exact);
    CHECK_FALSE(result.facets_exact);
    CHECK(result.articles >= 100);
    CHECK(result.articles < all.articles);
    CHECK(result.total <= (collapse ? all.stories : all.articles));
    CHECK(result.total >= (collapse ? 100 / 3 : 100));  // at most 3 copies a story
    CHECK(result.hits.size() == 10);
    const std::string text = as_text(result);
    CHECK_THAT(text, Contains("at least " + std::to_string(result.articles) + " articles"));
    CHECK_THAT(text, Contains("counted up to the limit; --count-limit 0 counts all"));
    const auto json = nlohmann::json::parse(nsearch::to_json(result));
    CHECK(json["total_exact"] == false);
    CHECK(json["articles_exact"] == false);
    CHECK(json["total_unit"] == (collapse ? "stories" : "articles"));

    // With the limit set explicitly, facets count the articles counted, and say so.
    request.facets = {"outlet"};
    const nsearch::SearchResult faceted = searcher.search(request);
    CHECK_FALSE(faceted.total_exact);
    CHECK_FALSE(faceted.facets_exact);
    std::size_t facet_sum = 0;
    for (const auto& value : faceted.facets.at(0).values)
      facet_sum += value.count;
    CHECK(facet_sum >= 100);
    CHECK(facet_sum < all.articles);
    CHECK_THAT(as_text(faceted),
               Contains("note: facets count the matches counted up to the limit"));

    // Without a limit set, facets count every match and make the totals exact.
    request.count_limit.reset();
    const nsearch::SearchResult exact = searcher.search(request);
    CHECK(exact.total_exact);
    CHECK(exact.facets_exact);
    CHECK(exact.articles == all.articles);
    CHECK(exact.total == (collapse ? all.stories : all.articles));
    request.facets.clear();
    request.count_limit = 0;  // no limit
    CHECK(searcher.search(request).total == (collapse ? all.stories : all.articles));
  }
}

TEST_CASE("a single word's article count is exact beyond the limit, its stories are not",
          "[count]") {
  // Xapian knows how many articles hold a word without reading them, but not their stories.
  nsearch::Searcher searcher(wire_db());
  nsearch::SearchRequest request = request_for("report");
  request.count_limit = 100;
  const nsearch::SearchResult result = searcher.search(request);
  CHECK(result.articles_exact);
  CHECK(result.articles == 3000);
  CHECK_FALSE(result.total_exact);
  CHECK(result.total < kStories);
  CHECK_THAT(as_text(result), Contains("stories (3,000 articles, counted up to the limit"));
  request.collapse = false;
  const nsearch::SearchResult articles = searcher.search(request);
  CHECK(articles.total_exact);
  CHECK(articles.total == 3000);
}

TEST_CASE("a search's time limit stops counting too: the totals become lower bounds", "[count]") {
  nsearch::Searcher searcher(wire_db());
  const Expected all = expected([](std::size_t) { return true; });
  nsearch::SearchRequest request = request_for("report OR quarry");
  // A Searcher's first counting search reads values through Xapian's matcher, whose time limit
  // is a timer that may fire after so small a match; later searches count from columns in
  // memory, checking the clock themselves.
  searcher.search(request);
  for (int search = 0; search < 2; ++search) {
    INFO("search " << search);
    request.time_limit_seconds = 1e-9;
    const nsearch::SearchResult limited = searcher.search(request);
    // The stories of the matches counted before time ran out; the articles may be known
    // whatever was counted (here every article says "report").
    CHECK_FALSE(limited.total_exact);
    CHECK(limited.total < all.stories);
    CHECK(limited.articles <= all.articles);
    CHECK(limited.hits.size() == 10);
    CHECK_THAT(as_text(limited), Contains("at least"));
  }
  request.time_limit_seconds = 0;
  const nsearch::SearchResult exact = searcher.search(request);
  CHECK(exact.total_exact);
  CHECK(exact.articles == all.articles);
  CHECK(exact.total == all.stories);
}

TEST_CASE("collapsed: a Searcher with columns pages as a fresh one does", "[count][sort]") {
  // With its columns in memory a Searcher collapses copies itself; every page must hold the
  // stories, copies, ranks and scores that Xapian's own collapsing gives (a fresh Searcher).
  // Copies are word for word, so they tie: the copy kept is the first by docid either way.
  const auto page_of = [](const nsearch::SearchResult& result) {
    std::vector<std::string> page;
    for (const auto& hit : result.hits) {
      page.push_back(hit.id + "#" + std::to_string(hit.rank) + "+" + std::to_string(hit.copies) +
                     "=" + std::to_string(hit.score));
    }
    return page;
  };
  for (const auto sort : {nsearch::SortOrder::relevance, nsearch::SortOrder::date}) {
    for (const auto weighting : {nsearch::Weighting::ineb2, nsearch::Weighting::bm25}) {
      for (const char* query :
           {"report", "quarry OR zeppelin", "harbour market", "zeppelin", "blizzard"}) {
        const fs::path& db = std::string(query) == "blizzard" ? syndicated_db() : wire_db();
        nsearch::Searcher warmed(db);
        nsearch::SearchRequest request = request_for(query);
        request.sort = sort;
        request.weighting = weighting;
        warmed.search(request);
        warmed.search(request);
        for (const auto& [offset, limit] : std::vector<std::pair<std::size_t, std::size_t>>{
                 {0, 10}, {10, 10}, {0, 200}, {1490, 20}, {5, 0}}) {
          INFO("query " << query << ", sort " << static_cast<int>(sort) << ", weighting "
                        << static_cast<int>(weighting) << ", offset " << offset << ", limit "
                        << limit);
          request.offset = offset;
          request.limit = limit;
          nsearch::Searcher fresh(db);
          const nsearch::SearchResult expected = fresh.search(request);
          const nsearch::SearchResult got = warmed.search(request);
          CHECK(page_of(got) == page_of(expected));
          CHECK(got.total == expected.total);
          CHECK(got.total_exact);
          CHECK(got.articles == expected.articles);
          if (&db == &syndicated_db()) CHECK(got.total == 48);  // 8 stories of 15, 40 alone
        }
      }
    }
  }
}
