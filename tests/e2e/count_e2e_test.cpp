// End-to-end: the totals a user reads, through the real nsearch and `nsearch serve`. A collapsed
// search's `total` is the number of distinct stories that --no-collapse lists, and `articles`
// the number of copies it lists, on corpus/ (with syndicated copies of the seed) and on
// Reuters-21578 (skipped without ../shared); beyond the count limit both are lower bounds, and
// text, JSON and the API say so.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "server_process.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
using nsearch::test::run_command;
using nsearch::test::ServerProcess;
using nsearch::test::TempDir;

namespace {

const fs::path kSource = NSEARCH_SOURCE_DIR;
const std::string kNindex = NINDEX_BIN;
const std::string kNsearch = NSEARCH_BIN;

fs::path indexed(const TempDir& dir, const std::vector<std::string>& inputs) {
  const fs::path db = dir / "db";
  std::vector<std::string> argv = {kNindex, "--db", db.string(), "add", "--quiet"};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  const auto added = run_command(argv);
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  return db;
}

// corpus/ plus two edited copies of the seed article (one story of three articles).
const fs::path& corpus_db() {
  static const TempDir dir;
  static const fs::path db = indexed(
      dir, {(kSource / "corpus").string(),
            (kSource / "tests/data/syndication/sahel-daily-mali-mercenaries.txt").string(),
            (kSource / "tests/data/syndication/west-africa-wire-wagner-deal.txt").string()});
  return db;
}

json search_json(const fs::path& db, std::vector<std::string> args) {
  std::vector<std::string> argv = {kNsearch, "--db", db.string(), "--json"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto r = run_command(argv);
  INFO(r.err);
  REQUIRE(r.exit_code <= 1);
  return json::parse(r.out);
}

std::string search_text(const fs::path& db, std::vector<std::string> args) {
  std::vector<std::string> argv = {kNsearch, "--db", db.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto r = run_command(argv, {"NO_COLOR=1"});
  INFO(r.err);
  REQUIRE(r.exit_code <= 1);
  return r.out;
}

struct Listed {
  std::size_t stories = 0, articles = 0;
};

// What --no-collapse lists, counted as a user would: its copies, and their distinct stories.
Listed listed(const fs::path& db, const std::string& query) {
  const json all = search_json(db, {query, "--no-collapse", "--limit", "10000"});
  REQUIRE(all.at("total_exact") == true);
  std::set<std::string> stories;
  for (const auto& hit : all.at("hits"))
    stories.insert(hit.at("story").get<std::string>());
  REQUIRE(all.at("total") == all.at("hits").size());
  return {stories.size(), all.at("hits").size()};
}

// "1,473 articles", as text output writes counts.
std::string plural(std::size_t n, const char* one, const char* many) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out + " " + (n == 1 ? one : many);
}

// The collapsed total of `query` against what --no-collapse lists, in JSON and in text.
void check_exact_totals(const fs::path& db, const std::string& query,
                        const std::vector<std::string>& options = {}) {
  INFO("query: " << query);
  const Listed want = listed(db, query);
  std::vector<std::string> args{query};
  args.insert(args.end(), options.begin(), options.end());
  const json result = search_json(db, args);
  CHECK(result.at("collapsed") == true);
  CHECK(result.at("total_unit") == "stories");
  CHECK(result.at("total_exact") == true);
  CHECK(result.at("total") == want.stories);
  CHECK(result.at("articles_exact") == true);
  CHECK(result.at("articles") == want.articles);
  CHECK_THAT(search_text(db, args), StartsWith(plural(want.stories, "story", "stories") + " (" +
                                               plural(want.articles, "article", "articles") + ")"));
}

struct Server {
  ServerProcess process;
  httplib::Client client;
  explicit Server(const fs::path& db, std::vector<std::string> extra = {})
      : process([&] {
          std::vector<std::string> argv = {kNsearch, "serve", "--db",   db.string(),
                                           "--port", "0",     "--quiet"};
          argv.insert(argv.end(), extra.begin(), extra.end());
          return argv;
        }()),
        client("127.0.0.1", process.port()) {
    client.set_read_timeout(20, 0);
    client.set_url_encode(false);  // the targets below are already encoded
  }

  json get(const std::string& target) {
    const auto r = client.Get(target.c_str());
    REQUIRE(r);
    INFO(target << " -> " << r->status << " " << r->body);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
  }
};

}  // namespace

TEST_CASE("corpus/: a collapsed total is the stories --no-collapse lists", "[count][e2e]") {
  // One match; the syndicated story (three copies); a few; most of the corpus.
  for (const std::string query :
       {"Wagner", "Russian mercenaries Mali", "oil", "lang:en OR lang:fr OR lang:de"}) {
    check_exact_totals(corpus_db(), query);
  }
  // Newest first, the same counts.
  check_exact_totals(corpus_db(), "oil", {"--sort", "date"});
  // The story of three copies counts once, beside its three articles.
  const json story = search_json(corpus_db(), {"Russian mercenaries Mali"});
  CHECK(story.at("total") == 1);
  CHECK(story.at("articles") == 3);
  // Without collapsing, the unit is the article.
  const json all = search_json(corpus_db(), {"Russian mercenaries Mali", "--no-collapse"});
  CHECK(all.at("total_unit") == "articles");
  CHECK(all.at("total") == 3);
  CHECK(all.at("articles") == 3);
  CHECK_THAT(search_text(corpus_db(), {"Russian mercenaries Mali", "--no-collapse"}),
             StartsWith("3 articles, showing 1-3"));
  CHECK_THAT(search_text(corpus_db(), {"nosuchwordanywhere"}),
             StartsWith("0 stories (0 articles)"));
}

TEST_CASE("corpus/: beyond --count-limit the totals are lower bounds, said so", "[count][e2e]") {
  const std::string query = "lang:en OR lang:fr OR lang:de";
  const Listed want = listed(corpus_db(), query);
  REQUIRE(want.articles > 5);
  const json bounded = search_json(corpus_db(), {query, "--count-limit", "5"});
  CHECK(bounded.at("total_exact") == false);
  CHECK(bounded.at("articles_exact") == false);
  CHECK(bounded.at("articles") >= 5);
  CHECK(bounded.at("articles") < want.articles);
  CHECK(bounded.at("total") <= want.stories);
  CHECK(bounded.at("hits").size() == 10);  // the page is ranked over every match all the same
  const std::string text = search_text(corpus_db(), {query, "--count-limit", "5"});
  CHECK_THAT(text, StartsWith("at least "));
  CHECK_THAT(text, Contains(" stories (at least "));
  CHECK_THAT(text, Contains("counted up to the limit; --count-limit 0 counts all"));
  // --count-limit 0 counts everything; facets count everything unless a limit is given.
  CHECK(search_json(corpus_db(), {query, "--count-limit", "0"}).at("total") == want.stories);
  const json faceted = search_json(corpus_db(), {query, "--facets", "lang"});
  CHECK(faceted.at("total_exact") == true);
  CHECK(faceted.at("facets_exact") == true);
  CHECK(faceted.at("facet_unit") == "articles");
  std::size_t facet_sum = 0;  // every article has one language
  for (const auto& value : faceted.at("facets").at("lang"))
    facet_sum += value.at("count").get<std::size_t>();
  CHECK(facet_sum == faceted.at("articles"));
}

TEST_CASE("serve: the API counts as the CLI does, and says when it stopped", "[count][e2e][http]") {
  const std::string query = "lang:en OR lang:fr OR lang:de";
  const Listed want = listed(corpus_db(), query);
  Server server(corpus_db());
  const json exact = server.get("/api/search?q=lang%3Aen+OR+lang%3Afr+OR+lang%3Ade");
  CHECK(exact.at("total") == want.stories);
  CHECK(exact.at("articles") == want.articles);
  CHECK(exact.at("total_exact") == true);
  CHECK(exact.at("total_unit") == "stories");
  const json story = server.get("/api/search?q=Russian+mercenaries+Mali&facets=outlet");
  CHECK(story.at("total") == 1);
  CHECK(story.at("articles") == 3);
  CHECK(story.at("facets").at("outlet").size() == 3);  // an article each: the unit is named
  CHECK(story.at("facet_unit") == "articles");

  const json bounded =
      server.get("/api/search?q=lang%3Aen+OR+lang%3Afr+OR+lang%3Ade&count-limit=5");
  CHECK(bounded.at("total_exact") == false);
  CHECK(bounded.at("articles_exact") == false);
  CHECK(bounded.at("total") <= want.stories);

  // A server with a count limit applies it to every search, the page's faceted ones included.
  Server limited(corpus_db(), {"--count-limit", "5"});
  const json page = limited.get(
      "/api/"
      "search?q=lang%3Aen+OR+lang%3Afr+OR+lang%3Ade&facets=outlet,lang,year,month&facet-limit=0");
  CHECK(page.at("total_exact") == false);
  CHECK(page.at("facets_exact") == false);
  CHECK(page.at("articles") >= 5);
  CHECK(page.at("articles") < want.articles);
  // A request may still ask for every match.
  CHECK(
      limited.get("/api/search?q=lang%3Aen+OR+lang%3Afr+OR+lang%3Ade&count-limit=0").at("total") ==
      want.stories);
}

TEST_CASE("Reuters-21578: collapsed totals of small and large match sets are exact",
          "[count][e2e][shared][scale]") {
  const fs::path reuters = nsearch::test::reuters21578();
  if (!fs::exists(reuters)) {
    WARN(reuters.string() << " not found: skipped");
    return;
  }
  const TempDir dir;
  const fs::path db = indexed(dir, {reuters.string()});
  // About 10, 400, 1,500 and 3,000 matching articles (Reuters re-sent many of its stories).
  for (const std::string query : {"\"crude oil\" opec quota", "crude oil", "oil", "trade"})
    check_exact_totals(db, query);
  check_exact_totals(db, "trade", {"--sort", "date"});
  // The numbers: 363 stories, 382 articles for crude oil.
  const json crude = search_json(db, {"crude oil"});
  CHECK(crude.at("total") == 363);
  CHECK(crude.at("articles") == 382);

  // Beyond the limit: Xapian knows how many articles hold one word, not how many stories.
  const Listed trade = listed(db, "trade");
  const json bounded = search_json(db, {"trade", "--count-limit", "1000"});
  CHECK(bounded.at("total_exact") == false);
  CHECK(bounded.at("total") < trade.stories);
  CHECK(bounded.at("articles_exact") == true);
  CHECK(bounded.at("articles") == trade.articles);
  CHECK_THAT(search_text(db, {"trade", "--count-limit", "1000"}),
             StartsWith("at least ") &&
                 Contains(" stories (" + plural(trade.articles, "article", "articles") +
                          ", counted up to the limit"));
  // Two words: neither count is known before every match is seen.
  const Listed crude_oil = listed(db, "crude oil");
  const json both = search_json(db, {"crude oil", "--count-limit", "100"});
  CHECK(both.at("total_exact") == false);
  CHECK(both.at("articles_exact") == false);
  CHECK(both.at("articles") >= 100);
  CHECK(both.at("articles") < crude_oil.articles);
  CHECK(both.at("total") < crude_oil.stories);
}
