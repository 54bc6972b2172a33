// End-to-end: `nsearch trend` and `nsearch terms` on corpus/ (plus the syndicated copies of the
// seed and a few planted articles), checked against `nsearch --count` per period, and the same
// through the library and the HTTP API.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "http_get.hpp"
#include "nsearch/analysis.hpp"
#include "nsearch/error.hpp"
#include "nsearch/searcher.hpp"
#include "run_command.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using nsearch::test::run_command;
using nsearch::test::ServerProcess;
using nsearch::test::TempDir;

namespace {

const fs::path kSource = NSEARCH_SOURCE_DIR;
const std::string kNindex = NINDEX_BIN;
const std::string kNsearch = NSEARCH_BIN;
const std::string kPlanted = "quillwort";
const std::string kTopic = "lightkeeper";  // in no corpus/ article

// Articles about lighthouses that all mention the planted word, each otherwise different (so that
// none is taken for a copy of another), full of function words.
void write_planted(const fs::path& dir) {
  const std::vector<std::string> places = {"Marlow Point", "Kestrel Head", "Saltmarsh Reach",
                                           "Gannet Rock", "Heron Sound"};
  const std::vector<std::string> topics = {
      "volunteers repainted the tower and the keeper's cottage over the summer",
      "engineers replaced the lamp with a modern optic that is visible for twenty miles",
      "a museum of shipwrecks opened in the old fog signal building in spring",
      "volunteers say storms damaged the jetty, and boats could not land supplies for a fortnight",
      "students counted seabirds nesting on the cliffs below the gallery"};
  fs::create_directories(dir);
  for (std::size_t i = 0; i < places.size(); ++i) {
    std::ofstream out(dir / ("lighthouse-" + std::to_string(i) + ".txt"));
    out << "Title: " << places[i] << " " << kTopic << "\nOutlet: Coastal Post\nDate: 2022-0"
        << (i % 3) + 1 << "-1" << i << "\n\n"
        << "At the " << places[i] << " lighthouse, the " << kTopic << " said that " << topics[i]
        << ". It is the " << kPlanted << ", and it was the " << kPlanted << ".\n";
  }
}

// A third dated copy of the story of tests/data/syndication/sahel-daily-mali-mercenaries.txt
// (dated 2021-09-26; the West Africa Wire copy 2021-09-25; the seed in corpus/ has no date).
void write_third_copy(const fs::path& dir) {
  std::ifstream in(kSource / "tests/data/syndication/sahel-daily-mali-mercenaries.txt");
  std::string line, body;
  while (std::getline(in, line)) {
    if (line.rfind("Outlet:", 0) == 0) line = "Outlet: Harbour Wire";
    if (line.rfind("Date:", 0) == 0) line = "Date: 2021-09-27";
    body += line + "\n";
  }
  std::ofstream(dir / "harbour-wire-mali-mercenaries.txt") << body;
}

/// corpus/, three dated syndicated copies of the seed (one story) and planted articles.
const fs::path& analysis_db() {
  static const TempDir dir;
  static const fs::path db = [] {
    write_planted(dir / "planted");
    write_third_copy(dir / "planted");
    const fs::path copies = kSource / "tests/data/syndication";
    const auto added = run_command(
        {kNindex, "--db", (dir / "db").string(), "add", (kSource / "corpus").string(),
         (copies / "sahel-daily-mali-mercenaries.txt").string(),
         (copies / "west-africa-wire-wagner-deal.txt").string(), (dir / "planted").string()});
    INFO(added.err);
    REQUIRE(added.exit_code == 0);
    return dir / "db";
  }();
  return db;
}

json run_json(std::vector<std::string> argv) {
  argv.insert(argv.begin() + 2, {"--db", analysis_db().string()});  // after the subcommand
  const auto r = run_command(argv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// `nsearch --count` from `since` to `until`, of articles (every copy) or of stories.
std::size_t count_from(const std::string& query, const std::string& since, const std::string& until,
                       bool stories) {
  std::vector<std::string> argv = {kNsearch,  "--db",    analysis_db().string(),
                                   "--count", "--since", since,
                                   "--until", until,     query};
  if (!stories) argv.emplace_back("--no-collapse");
  const auto r = run_command(argv);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return std::stoul(r.out);
}

// The same for one period ("2021", "2021-09", "2021-09-24").
std::size_t count_in(const std::string& query, const std::string& period, bool stories) {
  return count_from(query, period, period, stories);
}

// Every article and page: the query that matches the whole database.
const std::string kEverything = "kind:article OR kind:page";

}  // namespace

TEST_CASE("nsearch trend counts as --count does in each period", "[analysis][e2e]") {
  for (const std::string count : {"articles", "stories"}) {
    const json trend = run_json({kNsearch, "trend", "oil OR crude", "Russian mercenaries Mali",
                                 "--by", "month", "--count", count, "--json"});
    CHECK(trend["by"] == "month");
    CHECK(trend["count"] == count);
    const auto& periods = trend["periods"];
    REQUIRE(periods.size() > 12);
    CHECK(periods.front() == "2019-03");  // the first dated article
    REQUIRE(trend["series"].size() == 2);
    std::size_t nonzero = 0;
    for (const auto& series : trend["series"]) {
      REQUIRE(series["counts"].size() == periods.size());
      CHECK_FALSE(series.contains("shares"));
      for (std::size_t i = 0; i < periods.size(); ++i) {
        const std::size_t expected = count_in(series["query"], periods[i], count == "stories");
        INFO(series["query"] << " " << periods[i] << " " << count);
        CHECK(series["counts"][i] == expected);
        nonzero += expected > 0 ? 1 : 0;
      }
    }
    CHECK(nonzero > 3);  // a comparison of zeros would prove nothing
  }
}

TEST_CASE("a syndicated story adds 1 with --count stories, its copies 3 with articles",
          "[analysis][e2e]") {
  const std::string story = "Russian mercenaries Mali";
  const json articles = run_json({kNsearch, "trend", story, "--by", "year", "--json"});
  const json stories =
      run_json({kNsearch, "trend", story, "--by", "year", "--count", "stories", "--json"});
  const auto year = [](const json& trend, const std::string& label) -> std::size_t {
    for (std::size_t i = 0; i < trend["periods"].size(); ++i)
      if (trend["periods"][i] == label) return trend["series"][0]["counts"][i];
    FAIL("no period " << label);
    return 0;
  };
  CHECK(year(articles, "2021") == 3);  // three dated copies, September 2021
  CHECK(year(stories, "2021") == 1);
  // Weeks: the copies were published on the weekend of the ISO week of Monday 2021-09-20 and on
  // the Monday after: the story counts once in each week.
  const json weeks = run_json({kNsearch, "trend", story, "--by", "week", "--since", "2021-09-20",
                               "--until", "2021-10-03", "--count", "stories", "--json"});
  CHECK(weeks["periods"] == json::array({"2021-09-20", "2021-09-27"}));
  CHECK(weeks["series"][0]["counts"][0] == count_from(story, "2021-09-20", "2021-09-26", true));
  CHECK(weeks["series"][0]["counts"][1] == count_from(story, "2021-09-27", "2021-10-03", true));
  CHECK(weeks["series"][0]["counts"] == json::array({1, 1}));
}

TEST_CASE("nsearch trend --normalise gives each count's share of all articles then",
          "[analysis][e2e]") {
  const json trend =
      run_json({kNsearch, "trend", "oil", "mali", "--by", "year", "--normalise", "--json"});
  const auto& periods = trend["periods"];
  REQUIRE_FALSE(periods.empty());
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const std::size_t all = count_in(kEverything, periods[i], false);
    CHECK(trend["totals"][i] == all);
    for (const auto& series : trend["series"]) {
      const double expected = all == 0 ? 0.0 : series["counts"][i].get<double>() / all;
      CHECK(series["shares"][i].get<double>() == Approx(expected));
    }
  }
  // --since/--until bound the periods, empty ones included.
  const json bounded = run_json(
      {kNsearch, "trend", "mali", "--by", "year", "--since", "2017", "--until", "2020", "--json"});
  CHECK(bounded["periods"] == json::array({"2017", "2018", "2019", "2020"}));
  CHECK(bounded["totals"][0] == 0);
}

TEST_CASE("nsearch trend prints CSV and a table", "[analysis][e2e]") {
  const auto csv = run_command({kNsearch, "trend", "--db", analysis_db().string(), "oil", "mali",
                                "--by", "year", "--csv", "--normalise"});
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out.rfind("period,total,oil,mali,oil share,mali share\n2019,", 0) == 0);
  const auto text =
      run_command({kNsearch, "trend", "--db", analysis_db().string(), "oil", "--by", "year"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("[1] oil") != std::string::npos);
}

TEST_CASE("nsearch trend draws one sparkline per query on a terminal, none into a pipe",
          "[analysis][e2e]") {
  const std::vector<std::string> argv = {kNsearch, "trend", "--db", analysis_db().string(),
                                         "oil",    "mali",  "--by", "year"};
  const auto piped = run_command(argv);
  REQUIRE(piped.exit_code == 0);
  CHECK(piped.out.find("\u2588") == std::string::npos);  // no full block: no sparkline
  if (run_command({"sh", "-c", "command -v script"}).exit_code != 0) {
    WARN("script(1) not found: terminal sparkline check skipped");
    return;
  }
  std::string trend;
  for (const auto& arg : argv)
    trend += " " + nsearch::test::shell_quote(arg);
  const auto tty = run_command({"script", "-qec", "env -u NO_COLOR" + trend, "/dev/null"});
  REQUIRE(tty.exit_code == 0);
  // Each query's legend line ends with its bars; the busiest year of each is a full block.
  for (const std::string legend : {"[1] oil  ", "[2] mali  "}) {
    const auto at = tty.out.find(legend);
    REQUIRE(at != std::string::npos);
    const std::string line = tty.out.substr(at, tty.out.find('\n', at) - at);
    INFO(line);
    CHECK(line.find("\u2588") != std::string::npos);
  }
  // NO_COLOR asks for plain output on a terminal too.
  const auto plain = run_command({"script", "-qec", "env NO_COLOR=1" + trend, "/dev/null"});
  CHECK(plain.out.find("\u2588") == std::string::npos);
}

TEST_CASE("nsearch terms --by stories counts a syndicated story once", "[analysis][e2e]") {
  const std::string story = "Russian mercenaries Mali";
  const json articles = run_json({kNsearch, "terms", story, "--json", "--limit", "50"});
  const json stories =
      run_json({kNsearch, "terms", story, "--by", "stories", "--json", "--limit", "50"});
  const auto count = [&](bool by_stories) {
    std::vector<std::string> argv = {kNsearch, "--db", analysis_db().string(), "--count", story};
    if (!by_stories) argv.emplace_back("--no-collapse");
    const auto r = run_command(argv);
    REQUIRE(r.exit_code == 0);
    return std::stoul(r.out);
  };
  CHECK(articles["matches"] == count(false));
  CHECK(stories["matches"] == count(true));
  // The story's copies make the match set larger by articles than by stories.
  CHECK(articles["matches"].get<std::size_t>() > stories["matches"].get<std::size_t>());
  // The story's words are in all its copies, but in one story: by stories each counts once.
  const auto in_matches = [](const json& terms, const std::string& word) -> std::size_t {
    for (const auto& term : terms["terms"])
      if (term["term"] == word) return term["in_matches"];
    return 0;
  };
  std::size_t fewer = 0;
  for (const auto& term : stories["terms"]) {
    INFO(term.dump());
    const std::size_t by_story = term["in_matches"];
    CHECK(by_story <= stories["matches"].get<std::size_t>());
    const std::size_t by_article = in_matches(articles, term["term"]);
    if (by_article == 0) continue;  // not among the articles' 50 best
    CHECK(by_article >= by_story);
    fewer += by_article > by_story ? 1 : 0;
  }
  CHECK(fewer > 0);
}

TEST_CASE("nsearch trend --count stories --normalise: shares of all stories then",
          "[analysis][e2e]") {
  const json trend = run_json(
      {kNsearch, "trend", "oil", "--by", "year", "--count", "stories", "--normalise", "--json"});
  const auto& periods = trend["periods"];
  REQUIRE_FALSE(periods.empty());
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const std::size_t all = count_in(kEverything, periods[i], true);
    CHECK(trend["totals"][i] == all);
    CHECK(trend["series"][0]["counts"][i] == count_in("oil", periods[i], true));
    const double expected =
        all == 0 ? 0.0 : trend["series"][0]["counts"][i].get<double>() / static_cast<double>(all);
    CHECK(trend["series"][0]["shares"][i].get<double>() == Approx(expected));
  }
}

TEST_CASE("nsearch trend and terms reject bad input with exit 2", "[analysis][e2e]") {
  const std::string db = analysis_db().string();
  for (const auto& argv : std::vector<std::vector<std::string>>{
           {kNsearch, "trend", "--db", db},
           {kNsearch, "trend", "--db", db, "oil", "--by", "fortnight"},
           {kNsearch, "trend", "--db", db, "oil", "--since", "someday"},
           {kNsearch, "trend", "--db", db, "   "},
           {kNsearch, "trend", "--db", db, "oil", "--by", "day", "--since", "0001", "--until",
            "9999"},
           {kNsearch, "terms", "--db", db},
           {kNsearch, "terms", "--db", db, "oil", "--limit", "0"},
           {kNsearch, "terms", "--db", db, "oil", "--by", "pages"}}) {
    const auto r = run_command(argv);
    INFO(argv[1] << " " << argv.back() << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("nsearch terms puts the planted word first, without stop words or query words",
          "[analysis][e2e]") {
  for (const std::string by : {"articles", "stories"}) {
    const json terms = run_json({kNsearch, "terms", kTopic, "--by", by, "--json"});
    CHECK(terms["matches"] == 5);
    REQUIRE_FALSE(terms["terms"].empty());
    const json& first = terms["terms"][0];
    CHECK(first["term"] == kPlanted);
    CHECK(first["in_matches"] == 5);
    CHECK(first["in_database"] == 5);
    // First alone: every other word is in fewer of the matches, or in other articles too.
    REQUIRE(terms["terms"].size() > 1);
    CHECK(terms["terms"][1]["score"].get<double>() < first["score"].get<double>());
    double previous = first["score"];
    for (const auto& term : terms["terms"]) {
      INFO(term.dump());
      CHECK(term["term"] != kTopic);
      CHECK(term["term"] != "lightkeepers");
      for (const std::string stop : {"the", "and", "it", "of", "is", "that", "was", "a"})
        CHECK(term["term"] != stop);
      CHECK(term["score"].get<double>() <= previous);
      previous = term["score"];
    }
  }
  // The surface form, not the stem: "volunteers" (in two of the articles) is indexed as the stem
  // "volunt".
  const json terms = run_json({kNsearch, "terms", kTopic, "--json", "--limit", "50"});
  bool volunteers = false;
  for (const auto& term : terms["terms"])
    volunteers = volunteers || (term["term"] == "volunteers" && term["stem"] == "volunt");
  CHECK(volunteers);
}

TEST_CASE("Searcher::trend and Searcher::terms through the library", "[analysis][library]") {
  nsearch::Searcher searcher(analysis_db());
  nsearch::TrendRequest trend;
  trend.queries = {kTopic};
  trend.by = nsearch::TrendPeriod::month;
  trend.filters.since = "2022-01";
  trend.filters.until = "2022-04";
  trend.normalise = true;
  const nsearch::TrendResult result = searcher.trend(trend);
  REQUIRE(result.periods == std::vector<std::string>{"2022-01", "2022-02", "2022-03", "2022-04"});
  // The planted articles: months 1, 2, 3, 1, 2.
  CHECK(result.series[0].counts == std::vector<std::size_t>{2, 2, 1, 0});
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(
        result.series[0].shares[i] ==
        Approx(result.totals[i] == 0 ? 0.0 : 1.0 * result.series[0].counts[i] / result.totals[i]));
  }
  trend.queries.assign(nsearch::kMaxTrendQueries + 1, "oil");
  CHECK_THROWS_AS(searcher.trend(trend), nsearch::Error);

  nsearch::TermsRequest terms;
  terms.search.query = kTopic;
  terms.limit = 3;
  const nsearch::TermsResult top = searcher.terms(terms);
  REQUIRE(top.terms.size() == 3);
  CHECK(top.terms[0].term == kPlanted);
  CHECK(top.matches == 5);
  terms.search.query = "nosuchwordanywhere";
  CHECK(searcher.terms(terms).terms.empty());
}

TEST_CASE("/api/trend and /api/terms answer as the CLI, and 400 for bad parameters",
          "[analysis][http]") {
  ServerProcess server({kNsearch, "serve", "--db", analysis_db().string(), "--port", "0"});
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(20, 0);
  const auto get = [&](const std::string& target, int status) {
    return nsearch::test::get_json_answer(client, target, status);
  };
  const json trend = get("/api/trend?q=oil&q=mali&by=year&normalise=1", 200);
  CHECK(trend ==
        run_json({kNsearch, "trend", "oil", "mali", "--by", "year", "--normalise", "--json"}));
  const json terms = get("/api/terms?q=" + kTopic + "&limit=5", 200);
  CHECK(terms == run_json({kNsearch, "terms", kTopic, "--limit", "5", "--json"}));
  for (const std::string bad :
       {"/api/trend", "/api/trend?q=oil&by=fortnight", "/api/trend?q=oil&count=pages",
        "/api/trend?q=oil&sort=date", "/api/trend?q=oil&normalise=maybe",
        "/api/trend?q=oil&since=someday", "/api/trend?q=%22unbalanced&by=day&since=0001",
        "/api/terms", "/api/terms?q=oil&limit=0", "/api/terms?q=oil&limit=201",
        "/api/terms?q=oil&q=gas", "/api/terms?q=oil&by=x", "/api/terms?q=%20"}) {
    const json error = get(bad, 400);
    CHECK(error["status"] == 400);
    CHECK_FALSE(error["error"].get<std::string>().empty());
  }
}
