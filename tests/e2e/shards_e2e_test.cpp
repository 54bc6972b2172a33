// End-to-end: sharded databases through the real nindex and nsearch. `add --shards`, `remove`,
// `compact` and `serve-shard`; and the Reuters corpus (corpus/ without the shared data) indexed
// into one database and into two shards served remotely, which must answer alike.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "same_ranking.hpp"
#include "shard_server.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;
using nsearch::test::run_command;
using nsearch::test::ShardServer;
using nsearch::test::TempDir;

namespace {

const fs::path kCorpus = NSEARCH_CORPUS_DIR;
const fs::path kSource = NSEARCH_SOURCE_DIR;
const std::string kNindex = NINDEX_BIN;
const std::string kNsearch = NSEARCH_BIN;

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

json search(const fs::path& db, const std::vector<std::string>& args) {
  std::vector<std::string> argv{kNsearch, "--db", db.string(), "--json"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = run_command(argv);
  INFO(result.err);
  REQUIRE(result.exit_code <= 1);  // 1: nothing matched
  return json::parse(result.out);
}

// A collapsed hit stands for its story: of copies with equal scores (Reuters has exact
// duplicates) either may be shown, so stories are compared there.
nsearch::test::Ranking ranking(const json& result, bool by_date) {
  nsearch::test::Ranking r;
  const bool collapsed = result.value("collapsed", false);
  for (const json& hit : result["hits"]) {
    const json& key = collapsed && hit["story"].is_string() ? hit["story"] : hit["id"];
    const double score =
        by_date ? nsearch::test::date_score(hit["date"].is_string() ? hit["date"].get<std::string>()
                                                                    : std::string())
                : hit["score"].get<double>();
    r.emplace_back(key.get<std::string>(), score);
  }
  return r;
}

// The same answer, hit for hit (ties in score aside, see check_same_ranking). Returns the number
// of hits tied in score with another.
std::size_t check_same_result(const json& expected, const json& actual, bool by_date = false) {
  CHECK(actual["total"] == expected["total"]);
  CHECK(actual["total_exact"] == expected["total_exact"]);
  CHECK(actual["facets"] == expected["facets"]);
  CHECK(actual.value("suggestion", json()) == expected.value("suggestion", json()));
  const std::size_t tied =
      nsearch::test::check_same_ranking(ranking(expected, by_date), ranking(actual, by_date));
  for (const json& want : expected["hits"]) {
    for (const json& got : actual["hits"]) {
      if (got["id"] != want["id"]) continue;  // the same copy shown
      INFO("hit " << want["id"]);
      CHECK(got["snippet"] == want["snippet"]);
      CHECK(got["highlights"] == want["highlights"]);
      CHECK(got.value("copies", 0) == want.value("copies", 0));
      CHECK(got.value("also_in", json::array()) == want.value("also_in", json::array()));
    }
  }
  return tied;
}

}  // namespace

TEST_CASE("nindex add --shards, remove, compact and serve-shard", "[shards][e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  const auto added =
      run_command({kNindex, "--db", db.string(), "add", "--shards", "2", kCorpus.string()});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK(read_file(db / "XAPIANDB") == "auto shard-0\nauto shard-1\n");
  const auto again = run_command({kNindex, "--db", db.string(), "add", kCorpus.string()});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.err, Contains(" 0 added, 0 replaced"));

  const json found = search(db, {"crude oil"});
  REQUIRE(found["total"].get<int>() > 0);
  const std::string id = found["hits"][0]["id"];
  const auto removed = run_command({kNindex, "--db", db.string(), "remove", id});
  CHECK(removed.exit_code == 0);
  CHECK_THAT(removed.err, Contains("removed 1 of 1"));
  CHECK(search(db, {"crude oil"})["total"] == found["total"].get<int>() - 1);

  const json before = search(db, {"--facets", "outlet,lang", "--limit", "50", "the OR oil"});
  const auto compacted = run_command({kNindex, "--db", db.string(), "compact", "--merge"});
  INFO(compacted.err);
  CHECK(compacted.exit_code == 0);
  CHECK(read_file(db / "XAPIANDB") == "auto shard-0.c1\n");
  check_same_result(before, search(db, {"--facets", "outlet,lang", "--limit", "50", "the OR oil"}));

  // A sharded database is served whole by one server.
  {
    ShardServer whole(kNindex, db);
    std::ofstream(tmp / "whole.stub") << whole.stub_line() << "\n";
    check_same_result(before, search(tmp / "whole.stub",
                                     {"--facets", "outlet,lang", "--limit", "50", "the OR oil"}));
  }

  const auto wrong =
      run_command({kNindex, "--db", db.string(), "add", "--shards", "3", kCorpus.string()});
  CHECK(wrong.exit_code == 2);
  CHECK_THAT(wrong.err, Contains("has 1 shards, not 3"));
  const auto no_db = run_command({kNindex, "serve-shard", "--port", "1", (tmp / "none").string()});
  CHECK(no_db.exit_code == 2);
  CHECK_THAT(no_db.err, Contains("cannot open"));
}

TEST_CASE("two shards served remotely answer as one local database",
          "[shards][remote][e2e][scale]") {
  const fs::path reuters = nsearch::test::reuters21578();
  const bool have_reuters = fs::exists(reuters);
  const fs::path corpus = have_reuters ? reuters : kCorpus;
  TempDir tmp;
  for (const auto& [db, extra] : {std::pair{"single.db", ""}, std::pair{"sharded.db", "2"}}) {
    std::vector<std::string> argv{kNindex, "--db", (tmp / db).string(), "add", "--jobs", "2"};
    if (*extra != '\0') argv.insert(argv.end(), {"--shards", extra});
    argv.push_back(corpus.string());
    const auto indexed = run_command(argv);
    INFO(indexed.err);
    REQUIRE(indexed.exit_code <= 1);  // Reuters has records without text, reported and skipped
  }
  ShardServer server0(kNindex, tmp / "sharded.db" / "shard-0");
  ShardServer server1(kNindex, tmp / "sharded.db" / "shard-1");
  const fs::path stub = tmp / "remote.stub";
  std::ofstream(stub) << server0.stub_line() << "\n" << server1.stub_line() << "\n";
  const fs::path single = tmp / "single.db";

  const std::vector<std::string> facets{
      "--facets", "year,month,day,category,lang,outlet,author", "--facet-limit", "0", "--limit",
      "20"};
  std::vector<std::vector<std::string>> searches = {
      {"oil prices"},
      {"bank interest rates"},
      {"coffee"},
      {"\"trade deficit\""},
      {"yen OR dollar"},
      {"grain AND soviet"},
      {"title:opec"},
      {"--match", "any", "cocoa sugar coffee"},
      {"--sort", "date", "crude oil"},
      {"--no-collapse", "wheat"},
      {"--offset", "20", "gold"},
      {"--weighting", "bm25", "gold mining"},
      {"--first-seen", "acquisition"},
      {"Russian contractor"},
  };
  std::size_t tied = 0;
  std::size_t hits = 0;
  for (auto args : searches) {
    args.insert(args.begin(), facets.begin(), facets.end());
    INFO("nsearch " << json(args).dump());
    const json expected = search(single, args);
    const bool by_date = std::find(args.begin(), args.end(), "date") != args.end();
    tied += check_same_result(expected, search(stub, args), by_date);
    hits += expected["hits"].size();
  }
  CHECK(hits > (have_reuters ? 200u : 10u));
  // Most hits have a score of their own, so their order is checked strictly.
  CHECK(tied * 4 < hits);

  const auto stats_single = run_command({kNindex, "--db", single.string(), "stats", "--json"});
  const auto stats_remote = run_command({kNindex, "--db", stub.string(), "stats", "--json"});
  CHECK(stats_remote.exit_code == 0);
  CHECK(json::parse(stats_remote.out) == json::parse(stats_single.out));

  // Xapian's remote servers run only its own match spies: story facets are refused clearly.
  const auto by_story = run_command(
      {kNsearch, "--db", stub.string(), "--facets", "year", "--facet-by", "story", "oil"});
  CHECK(by_story.exit_code == 2);
  CHECK_THAT(by_story.err, Contains("remote shards"));

  // The servers stop with the test, whatever its outcome (ShardServer's destructor); here they
  // are stopped explicitly to check they were still running.
  CHECK(server0.stop());
  CHECK(server1.stop());
  const auto after = run_command({kNsearch, "--db", stub.string(), "oil"});
  CHECK(after.exit_code == 2);
}

// Reuters has one outlet: here a story's copies come from several, so that the outlets listed
// with a hit (looked up for the whole page at once) are compared too.
TEST_CASE("syndicated copies over remote shards: the copies and outlets of one database",
          "[shards][remote][e2e]") {
  TempDir tmp;
  const std::string syndication = (kSource / "tests/data/syndication").string();
  for (const auto& [db, shards] : {std::pair{"single.db", ""}, std::pair{"sharded.db", "2"}}) {
    std::vector<std::string> argv{kNindex, "--db", (tmp / db).string(), "add"};
    if (*shards != '\0') argv.insert(argv.end(), {"--shards", shards});
    argv.insert(argv.end(), {kCorpus.string(), syndication});
    const auto indexed = run_command(argv);
    INFO(indexed.err);
    REQUIRE(indexed.exit_code == 0);
  }
  ShardServer server0(kNindex, tmp / "sharded.db" / "shard-0");
  ShardServer server1(kNindex, tmp / "sharded.db" / "shard-1");
  const fs::path stub = tmp / "remote.stub";
  std::ofstream(stub) << server0.stub_line() << "\n" << server1.stub_line() << "\n";

  std::size_t with_outlets = 0;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"Wagner"},
           {"--first-seen", "Wagner"},
           {"--sort", "date", "Mali"},
           {"--facets", "outlet", "--limit", "50", "Russian contractor"},
       }) {
    INFO("nsearch " << json(args).dump());
    const json expected = search(tmp / "single.db", args);
    const json actual = search(stub, args);
    check_same_result(expected, actual, args.front() == "--sort");
    for (const json& hit : expected["hits"]) {
      const bool shown_alike = std::any_of(actual["hits"].begin(), actual["hits"].end(),
                                           [&](const json& got) { return got["id"] == hit["id"]; });
      if (shown_alike && !hit.value("also_in", json::array()).empty()) ++with_outlets;
    }
  }
  CHECK(with_outlets >= 4);
}
