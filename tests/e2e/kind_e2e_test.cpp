// End-to-end tests of document kinds and derived titles through the real binaries: records
// with a kind and without a title indexed by `nindex add`, found (or not) by `nsearch --kind`,
// `kind:`, `title:`, the kind facet, JSON and text output, `nindex extract` and the HTTP API;
// and the German 10kGNAD CSV, whose records have no title, when the shared data is present.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "code_points.hpp"
#include "http_get.hpp"
#include "run_command.hpp"
#include "server_process.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::ServerProcess;
using nsearch::test::TempDir;

namespace {

using Args = std::vector<std::string>;
using IdSet = std::set<std::string>;

// A page, two articles (one without a title) and a record of a kind nsearch does not know.
constexpr const char* kRecords =
    R"({"id": "zoo-page", "title": "Zoo opening hours and flamingo feeding times", "kind": "page", "lang": "en", "body": "Open daily from nine. Flamingo feeding at noon and at four."})"
    "\n"
    R"({"id": "zoo-news", "title": "Flamingo numbers fall at the city zoo", "lang": "en", "body": "The zoo reported fewer flamingos this spring."})"
    "\n"
    R"({"id": "zoo-census", "lang": "en", "body": "Zookeepers counted seventeen flamingos at dawn. The census continues tomorrow."})"
    "\n"
    R"({"id": "zoo-blog", "title": "A flamingo diary", "kind": "blog", "lang": "en", "body": "Dear diary, the flamingos were loud."})"
    "\n";

struct KindDb {
  TempDir dir;
  fs::path records = dir / "zoo.jsonl";
  fs::path db = dir / "news.db";
  CommandResult added;
  KindDb() {
    std::ofstream(records) << kRecords;
    added = run_command({NINDEX_BIN, "--db", db.string(), "add", records.string()});
  }
};

const KindDb& kind_db() {
  static const KindDb db;
  return db;
}

CommandResult run_nsearch(const Args& args, const fs::path& db = kind_db().db) {
  Args argv{NSEARCH_BIN, "--db", db.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, {"NO_COLOR=1"});
}

json search_json(const Args& args, const fs::path& db = kind_db().db) {
  Args all = args;
  all.insert(all.end(), {"--json", "--limit", "10000"});
  const CommandResult r = run_nsearch(all, db);
  INFO("stderr: " << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return json::parse(r.out);
}

IdSet ids(const json& result) {
  IdSet out;
  for (const json& hit : result.at("hits"))
    out.insert(hit.at("id").get<std::string>());
  return out;
}

std::map<std::string, json> hits_by_id(const json& result) {
  std::map<std::string, json> out;
  for (const json& hit : result.at("hits"))
    out[hit.at("id").get<std::string>()] = hit;
  return out;
}

std::map<std::string, std::size_t> facet(const json& result, const std::string& name) {
  std::map<std::string, std::size_t> out;
  for (const json& v : result.at("facets").at(name))
    out[v.at("value").get<std::string>()] = v.at("count").get<std::size_t>();
  return out;
}

}  // namespace

TEST_CASE("nindex add: a record's kind is kept, another kind is reported", "[e2e][kind]") {
  const CommandResult& r = kind_db().added;
  INFO(r.err);
  CHECK(r.exit_code == 0);  // reported, not skipped
  CHECK_THAT(r.err, Contains("zoo.jsonl:4: unknown kind \"blog\" (expected article or page); "
                             "indexed as an article"));
}

TEST_CASE("nsearch --kind: pages only, articles only, and in the query language", "[e2e][kind]") {
  const IdSet all{"zoo-page", "zoo-news", "zoo-census", "zoo-blog"};
  CHECK(ids(search_json({"flamingo"})) == all);
  CHECK(ids(search_json({"--kind", "page", "flamingo"})) == IdSet{"zoo-page"});
  CHECK(ids(search_json({"--kind", "article", "flamingo"})) ==
        IdSet{"zoo-news", "zoo-census", "zoo-blog"});
  CHECK(ids(search_json({"--kind", "page"})) == IdSet{"zoo-page"});  // the filter alone
  CHECK(ids(search_json({"flamingo", "kind:page"})) == IdSet{"zoo-page"});
  CHECK(ids(search_json({"flamingo", "NOT", "kind:page"})) ==
        IdSet{"zoo-news", "zoo-census", "zoo-blog"});

  const CommandResult bad = run_nsearch({"--kind", "blog", "flamingo"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains("--kind: expected article or page, got \"blog\""));
}

TEST_CASE("nsearch --facets kind, and the kind in JSON and text output", "[e2e][kind]") {
  const json result = search_json({"--facets", "kind", "flamingo"});
  CHECK(facet(result, "kind") == std::map<std::string, std::size_t>{{"article", 3}, {"page", 1}});
  const auto hits = hits_by_id(result);
  CHECK(hits.at("zoo-page").at("kind") == "page");
  CHECK(hits.at("zoo-news").at("kind") == "article");
  CHECK(hits.at("zoo-blog").at("kind") == "article");

  const CommandResult text = run_nsearch({"--facets", "kind", "flamingo"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Contains(". [page] Zoo opening hours and flamingo feeding times\n"));
  CHECK_THAT(text.out, !Contains("[page] Flamingo numbers"));
  CHECK_THAT(text.out, Contains("kind (articles):\n  article (3)\n  page (1)\n"));
}

TEST_CASE("a record without a title shows one derived from its body, not searchable as a title",
          "[e2e][kind]") {
  const json body_words = search_json({"zookeepers"});
  REQUIRE(ids(body_words) == IdSet{"zoo-census"});
  const json& hit = body_words.at("hits").at(0);
  CHECK(hit.at("title") == "Zookeepers counted seventeen flamingos at dawn");
  CHECK(hit.at("title_derived") == true);
  CHECK(hits_by_id(search_json({"flamingo"})).at("zoo-news").at("title_derived") == false);

  // title: and the title boost know only given titles.
  CHECK(search_json({"title:zookeepers"}).at("hits").empty());
  CHECK(run_nsearch({"title:zookeepers"}).exit_code == 1);
  CHECK(ids(search_json({"title:flamingo"})) == IdSet{"zoo-page", "zoo-news", "zoo-blog"});

  const CommandResult text = run_nsearch({"zookeepers"});
  CHECK_THAT(text.out, Contains("1. Zookeepers counted seventeen flamingos at dawn\n"));
  CHECK_THAT(text.out, !Contains("(untitled)"));
}

TEST_CASE("nindex extract shows kind and derived titles, and its output reads back the same",
          "[e2e][kind]") {
  const KindDb& kdb = kind_db();
  const CommandResult r = run_command({NINDEX_BIN, "extract", "--json", kdb.records.string()});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, json> extracted;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json j = json::parse(line);
    extracted[j.at("id").get<std::string>()] = j;
  }
  REQUIRE(extracted.size() == 4);
  CHECK(extracted.at("zoo-page").at("kind") == "page");
  CHECK(extracted.at("zoo-census").at("title") == "Zookeepers counted seventeen flamingos at dawn");
  CHECK(extracted.at("zoo-census").at("title_derived") == true);
  CHECK(extracted.at("zoo-news").at("title_derived") == false);

  const CommandResult text = run_command({NINDEX_BIN, "extract", kdb.records.string()});
  CHECK_THAT(text.out, Contains("title:    Zookeepers counted seventeen flamingos at dawn "
                                "(derived from the body)\n"));
  CHECK_THAT(text.out, Contains("kind:     page\n"));

  // What extract printed, indexed again: the same kinds and derived titles.
  TempDir again;
  const fs::path copy = again / "extracted.jsonl";
  std::ofstream(copy) << r.out;
  const fs::path db = again / "news.db";
  REQUIRE(run_command({NINDEX_BIN, "--db", db.string(), "add", copy.string()}).exit_code == 0);
  const auto hits = hits_by_id(search_json({"flamingo"}, db));
  CHECK(hits.at("zoo-census").at("title_derived") == true);
  CHECK(hits.at("zoo-page").at("kind") == "page");
  CHECK(search_json({"title:zookeepers"}, db).at("hits").empty());
}

TEST_CASE("nsearch serve: kind= filters, its facet counts, bad values are 400", "[e2e][kind]") {
  ServerProcess server({NSEARCH_BIN, "serve", "--db", kind_db().db.string(), "--port", "0"});
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(20, 0);
  const auto get = [&](const std::string& target, int status) {
    return nsearch::test::get_json_answer(client, target, status);
  };
  CHECK(ids(get("/api/search?q=flamingo&kind=page", 200)) == IdSet{"zoo-page"});
  const json articles = get("/api/search?q=flamingo&kind=article&facets=kind", 200);
  CHECK(ids(articles) == IdSet{"zoo-news", "zoo-census", "zoo-blog"});
  CHECK(facet(articles, "kind") == std::map<std::string, std::size_t>{{"article", 3}});
  CHECK(hits_by_id(articles).at("zoo-census").at("title_derived") == true);
  CHECK_THAT(get("/api/search?q=flamingo&kind=blog", 400).at("error").get<std::string>(),
             Contains("expected article or page"));
  CHECK_THAT(
      get("/api/search?q=flamingo&kind=page&kind=article", 400).at("error").get<std::string>(),
      Contains("kind given twice"));
  const json doc = get("/api/doc/zoo-census", 200);
  CHECK(doc.at("title_derived") == true);
  CHECK(doc.at("kind") == "article");
}

TEST_CASE("10kGNAD: German records without a title get one from their first sentence",
          "[e2e][kind][shared]") {
  const fs::path csv = nsearch::test::shared_dir() / "data/news-multi/de-10kgnad/raw/test.csv.gz";
  if (!fs::exists(csv)) {
    WARN("skipped: " << csv << " not found");
    return;
  }
  TempDir dir;
  const fs::path db = dir / "news.db";
  const CommandResult added =
      run_command({NINDEX_BIN, "--db", db.string(), "add", "--map", "category=0", "--map", "body=1",
                   "--csv-no-header", csv.string()});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  // Every record, copies of a story included.
  const json result = search_json({"--kind", "article", "--no-collapse", "--facets", "kind"}, db);
  CHECK(result.at("total") == 1028);
  CHECK(facet(result, "kind") == std::map<std::string, std::size_t>{{"article", 1028}});
  std::size_t derived = 0, short_enough = 0;
  std::string first_title;
  for (const json& hit : result.at("hits")) {
    const std::string title = hit.at("title").is_string() ? hit.at("title").get<std::string>() : "";
    derived += hit.at("title_derived") == true && !title.empty() ? 1 : 0;
    short_enough += nsearch::test::code_points(title) <= 91 ? 1 : 0;  // 90 and the ellipsis
    if (title.starts_with("Die Gewerkschaft GPA-djp")) first_title = title;
  }
  CHECK(derived == 1028);
  CHECK(short_enough == 1028);
  // The first record's first sentence has 16 words: cut on a word before 90 characters.
  CHECK(first_title ==
        "Die Gewerkschaft GPA-djp lanciert den \"All-in-Rechner\" und findet, dass die "
        "Vertragsform…");
  CHECK_THAT(run_nsearch({"--limit", "50", "--kind", "article"}, db).out, !Contains("(untitled)"));
}

TEST_CASE("nindex add: a scraped page that is no article is indexed as a page, not lost",
          "[e2e][kind]") {
  // An HTML results table and a text dump of another one: neither reads as an article; both
  // hold text someone searches for.
  TempDir dir;
  std::string html =
      "<html><head><title>Regatta results</title></head><body><h1>Regatta results</h1>"
      "<p>Results of the harbour regatta held on Saturday</p><table>";
  std::string dump = "Dinghy race\n\nTimes of the lake regatta for dinghies on Sunday\n\n";
  for (int i = 1; i <= 12; ++i) {
    const std::string n = std::to_string(i);
    html += "<tr><td>" + n + "</td><td>Boat " + n +
            " Seagull</td><td>Skipper Jane Doe</td>"
            "<td>1:0" +
            std::to_string(i % 10) + ":12</td></tr>";
    dump += n + ". Dinghy " + n + " Pelican, helmed by Sam Roe, 2:1" + std::to_string(i % 10) +
            ":40 hours\n";
  }
  html += "</table></body></html>";
  const fs::path pages_dir = dir / "pages";
  fs::create_directories(pages_dir);
  std::ofstream(pages_dir / "regatta.html") << html;
  std::ofstream(pages_dir / "regatta.txt") << dump;
  const fs::path db = dir / "pages.db";
  const CommandResult added =
      run_command({NINDEX_BIN, "--db", db.string(), "add", pages_dir.string()});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK_THAT(added.err, Contains("0 skipped"));
  CHECK_THAT(added.err, !Contains("; skipped"));  // no page reported as skipped

  const json pages = search_json({"--kind", "page", "regatta"}, db);
  REQUIRE(pages.at("hits").size() == 2);
  for (const json& hit : pages.at("hits"))
    CHECK(hit.at("kind") == "page");
  CHECK(search_json({"--kind", "article", "regatta"}, db).at("hits").empty());
}
