// End-to-end tests of `nsearch serve`: the real binary on a free loopback port over the sample
// corpus (plus one article whose fields are markup), driven over HTTP as a client would.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;
using nsearch::test::run_command;
using nsearch::test::ServerProcess;
using nsearch::test::TempDir;

namespace {

const std::string kNindex = NINDEX_BIN;
const std::string kNsearch = NSEARCH_BIN;
const fs::path kHostile = fs::path(NSEARCH_SOURCE_DIR) / "tests/data/web/hostile.jsonl";
const std::string kSeedTitle = "Mali Makes Deal With Russian Mercenaries, Snubs France";

void index_into(const fs::path& db, const std::vector<std::string>& paths) {
  std::vector<std::string> argv = {kNindex, "--db", db.string(), "add"};
  argv.insert(argv.end(), paths.begin(), paths.end());
  const auto r = run_command(argv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// The corpus and the hostile article, indexed once for the whole test program.
const fs::path& corpus_db() {
  static const TempDir dir;
  static const fs::path db = [] {
    const fs::path path = dir.path() / "news.db";
    index_into(path, {NSEARCH_CORPUS_DIR, kHostile.string()});
    return path;
  }();
  return db;
}

struct Server {
  ServerProcess process;
  httplib::Client client;
  explicit Server(const fs::path& db, std::vector<std::string> extra = {})
      : process([&] {
          std::vector<std::string> argv = {kNsearch, "serve", "--db", db.string(), "--port", "0"};
          argv.insert(argv.end(), extra.begin(), extra.end());
          return argv;
        }()),
        client("127.0.0.1", process.port()) {
    client.set_read_timeout(20, 0);
    client.set_url_encode(false);  // the targets below are already encoded
  }
};

httplib::Result get(httplib::Client& client, const std::string& target) {
  auto r = client.Get(target.c_str());
  REQUIRE(r);
  return r;
}

json get_json(httplib::Client& client, const std::string& target, int status) {
  const auto r = get(client, target);
  INFO(target << " -> " << r->status << " " << r->body);
  REQUIRE(r->status == status);
  REQUIRE(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
  return json::parse(r->body);
}

std::string encode(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out += c;
    } else {
      constexpr const char* kHex = "0123456789ABCDEF";
      out += '%';
      out += kHex[(static_cast<unsigned char>(c) >> 4) & 0xf];
      out += kHex[static_cast<unsigned char>(c) & 0xf];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("serve: /api/search returns the same JSON as nsearch --json", "[http]") {
  Server server(corpus_db());
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"q=Russian+contractor", {"Russian contractor"}},
      {"q=crude+oil&limit=3&offset=1", {"crude oil", "--limit", "3", "--offset", "1"}},
      {"q=oil&outlet=Northern+Ledger&facets=outlet,year",
       {"oil", "--outlet", "Northern Ledger", "--facets", "outlet,year"}},
      {"q=election+OR+wahlen&lang=de&lang=fr&sort=date",
       {"election OR wahlen", "--lang", "de", "--lang", "fr", "--sort", "date"}},
      {"q=oil&since=2020&until=2022-06&match=any",
       {"oil", "--since", "2020", "--until", "2022-06", "--match", "any"}},
      {"like=hg-2019-opec-output-cut&limit=4",
       {"--like", "hg-2019-opec-output-cut", "--limit", "4"}},
      {"q=oil&bm25=1.2,0.75&title-weight=2&expand=5&expand-weight=0.3&facets=lang&facet-limit=1",
       {"oil", "--bm25", "1.2,0.75", "--title-weight", "2", "--expand", "5", "--expand-weight",
        "0.3", "--facets", "lang", "--facet-limit", "1"}},
  };
  for (const auto& [params, cli_args] : cases) {
    std::vector<std::string> argv = {kNsearch, "--db", corpus_db().string(), "--json"};
    argv.insert(argv.end(), cli_args.begin(), cli_args.end());
    const auto cli = run_command(argv);
    INFO(params << "\n" << cli.err);
    REQUIRE(cli.exit_code == 0);
    const json api = get_json(server.client, "/api/search?" + params, 200);
    CHECK(api == json::parse(cli.out));
  }
  const json seed = get_json(server.client, "/api/search?q=Russian%20contractor", 200);
  REQUIRE(!seed["hits"].empty());
  CHECK(seed["hits"][0]["title"] == kSeedTitle);

  // count=1 gives the exact number of matches, like --count.
  const json count = get_json(server.client, "/api/search?q=oil&count=1", 200);
  const auto cli_count = run_command({kNsearch, "--db", corpus_db().string(), "--count", "oil"});
  CHECK(count["hits"].empty());
  CHECK(count["total_exact"] == true);
  CHECK(std::to_string(count["total"].get<std::size_t>()) + "\n" == cli_count.out);
}

TEST_CASE("serve: bad requests are JSON errors with status 400", "[http]") {
  Server server(corpus_db());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"limit=-5&q=oil", "limit"},
      {"limit=abc&q=oil", "limit"},
      {"limit=10001&q=oil", "at most 10000"},
      {"q=oil&sort=sideways", "relevance or date"},
      {"q=oil&match=some", "all or any"},
      {"q=oil&facets=colour", "unknown facet"},
      {"q=oil&colour=red", "unknown option \"colour\""},
      {"q=oil&q=gas", "given twice"},
      {"q=%20%20", "empty query"},
      {"q=oil&since=yesterday-ish", "since"},
      {"q=oil&bm25=1", "K1,B"},
      {"q=oil&title-weight=-1", "non-negative"},
      {"q=oil&like=hg-2019-opec-output-cut", "no query text"},
      {"", "empty query"},
  };
  for (const auto& [params, message] : cases) {
    const json error = get_json(server.client, "/api/search?" + params, 400);
    INFO(params << " -> " << error.dump());
    CHECK(error["status"] == 400);
    CHECK_THAT(error["error"].get<std::string>(), Contains(message));
  }
  // Invalid query syntax is not an error: it is searched as plain words, and the answer says so.
  const json fallback = get_json(server.client, "/api/search?q=%22unclosed", 200);
  CHECK(fallback["query_fallback"] == true);
  CHECK_THAT(fallback["fallback_reason"].get<std::string>(), Contains("unbalanced quotes"));
  const json long_query = get_json(server.client, "/api/search?q=" + std::string(5000, 'a'), 400);
  CHECK_THAT(long_query["error"].get<std::string>(), Contains("longer than"));
  const json suggest = get_json(server.client, "/api/suggest?q=oil&limit=51", 400);
  CHECK_THAT(suggest["error"].get<std::string>(), Contains("at most 50"));

  // A body larger than the limit is refused before it is read to the end.
  const auto big = server.client.Post("/api/search", std::string(64 * 1024, 'x'), "text/plain");
  REQUIRE(big);
  CHECK(big->status == 413);
}

TEST_CASE("serve: /api/doc, /api/stats and /api/suggest", "[http]") {
  Server server(corpus_db());
  const json doc = get_json(server.client, "/api/doc/hg-2019-opec-output-cut", 200);
  CHECK(doc["id"] == "hg-2019-opec-output-cut");
  CHECK(doc["title"] == "OPEC Members Agree Deeper Output Cut as Crude Oil Slides");
  CHECK(doc["outlet"] == "The Harbour Gazette");
  CHECK(doc["date"] == "2019-03-14");
  CHECK_THAT(doc["body"].get<std::string>(), Contains("600,000 barrels a day"));
  CHECK(doc["source"].is_null());  // the server's file paths are not shown

  const json missing = get_json(server.client, "/api/doc/no-such-article", 404);
  CHECK(missing["status"] == 404);
  CHECK_THAT(missing["error"].get<std::string>(), Contains("no-such-article"));
  // Ids are path segments: escaped characters are decoded.
  get_json(server.client, "/api/doc/no%20such%2Farticle", 404);

  const json stats = get_json(server.client, "/api/stats", 200);
  CHECK(stats["documents"] == 45);  // corpus/ (44) and the hostile article
  CHECK(stats["date_min"] == "2019-03-14");
  CHECK(stats["outlets"][0]["value"] == "The Harbour Gazette");

  const json completions = get_json(server.client, "/api/suggest?q=wagner%20merc", 200);
  REQUIRE(!completions["completions"].empty());
  CHECK(completions["completions"][0]["value"] == "mercenaries");
  CHECK(completions["correction"].is_null());
  const json corrected = get_json(server.client, "/api/suggest?q=russian%20mercenries", 200);
  CHECK(corrected["correction"] == "russian mercenaries");

  const auto unknown = get(server.client, "/api/nothing");
  CHECK(unknown->status == 404);
  CHECK(json::parse(unknown->body)["status"] == 404);
}

TEST_CASE("serve: /api/export streams every match as JSON lines or CSV", "[http]") {
  Server server(corpus_db());
  // Every matching article, as many as the search counts without collapsing.
  const json counted = get_json(server.client, "/api/search?q=oil&collapse=0&limit=0", 200);
  const auto lines = get(server.client, "/api/export?q=oil");
  REQUIRE(lines->status == 200);
  CHECK(lines->get_header_value("Content-Type") == "application/x-ndjson; charset=utf-8");
  std::set<std::string> ids;
  std::istringstream in(lines->body);
  for (std::string line; std::getline(in, line);) {
    const json article = json::parse(line);
    CHECK(ids.insert(article.at("id").get<std::string>()).second);
    CHECK(article.at("source").is_null());  // the server's file paths are not shown
  }
  CHECK(ids.size() == counted.at("total").get<std::size_t>());
  CHECK(ids.size() > 1);

  // One per story, chosen fields, CSV; no query: the whole database.
  const json stories = get_json(server.client, "/api/search?q=oil&limit=0", 200);
  const auto collapsed = get(server.client, "/api/export?q=oil&collapse=1&fields=id");
  CHECK(static_cast<std::size_t>(std::count(collapsed->body.begin(), collapsed->body.end(),
                                            '\n')) == stories.at("total").get<std::size_t>());
  const auto csv = get(server.client, "/api/export?format=csv&fields=id,date&order=index");
  REQUIRE(csv->status == 200);
  CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
  CHECK(csv->body.starts_with("id,date\r\n"));
  CHECK(std::count(csv->body.begin(), csv->body.end(), '\n') == 46);  // header and 45 articles

  // Bad requests are answered before the stream starts.
  for (const char* bad :
       {"/api/export?q=oil&order=random", "/api/export?format=xml", "/api/export?fields=id,colour",
        "/api/export?since=someday", "/api/export?q=oil&limit=5", "/api/export?q=a&q=b"})
    get_json(server.client, bad, 400);
}

TEST_CASE("serve: a client that hangs up mid-export gives its searcher back", "[http]") {
  // An export of several megabytes (many chunks, more than the socket buffers hold), served by
  // a server that runs one search at a time: the searcher the export holds must be given back
  // when its client goes away, or the next search would wait for ever.
  const TempDir dir;
  const std::vector<std::string> words = {"harbour", "council", "budget", "ferry",  "storm",
                                          "school",  "bridge",  "market", "rail",   "hospital",
                                          "river",   "farmers", "museum", "tunnel", "festival"};
  {
    std::ofstream out(dir.path() / "many.jsonl");
    for (std::size_t i = 0; i < 2500; ++i) {
      std::string body = "Article " + std::to_string(i) + " reports that";
      for (std::size_t w = 0; w < 250; ++w)
        body += " " + words[(i * 7 + w * w + w * i) % words.size()];
      out << json{{"title", "Local news " + std::to_string(i)},
                  {"outlet", "Valley Herald"},
                  {"date", "2024-01-01"},
                  {"body", body + "."}}
                 .dump()
          << "\n";
    }
  }
  const fs::path db = dir.path() / "many.db";
  index_into(db, {(dir.path() / "many.jsonl").string()});
  Server server(db, {"--searches", "1"});

  httplib::Client quitter("127.0.0.1", server.process.port());
  std::size_t received = 0;
  const auto hung_up = quitter.Get("/api/export", [&](const char*, std::size_t n) {
    received += n;
    return false;  // hang up after the first piece
  });
  CHECK_FALSE(hung_up);  // the client cancelled
  CHECK(received > 0);
  CHECK(received < 1024 * 1024);  // a part of the export, not all of it

  // The one searcher is free again, and the server still streams whole exports.
  server.client.set_read_timeout(10, 0);
  const json counted = get_json(server.client, "/api/search?q=harbour&collapse=0&limit=0", 200);
  const auto whole = get(server.client, "/api/export?fields=id");
  REQUIRE(whole->status == 200);
  CHECK(std::count(whole->body.begin(), whole->body.end(), '\n') == 2500);
  CHECK(counted.at("total").get<std::size_t>() > 0);
}

TEST_CASE("serve: syndicated copies collapse into one hit; /api/copies lists them", "[http]") {
  const TempDir dir;
  const fs::path db = dir.path() / "stories.db";
  index_into(db, {(fs::path(NSEARCH_CORPUS_DIR) / "seed").string(),
                  (fs::path(NSEARCH_SOURCE_DIR) / "tests/data/syndication").string()});
  Server server(db);
  const json collapsed = get_json(server.client, "/api/search?q=Wagner+mercenaries+Mali", 200);
  const auto cli =
      run_command({kNsearch, "--db", db.string(), "--json", "Wagner mercenaries Mali"});
  CHECK(collapsed == json::parse(cli.out));
  const json every =
      get_json(server.client, "/api/search?q=Wagner+mercenaries+Mali&collapse=0", 200);
  REQUIRE(!collapsed["hits"].empty());
  CHECK(every["hits"].size() > collapsed["hits"].size());
  const json& top = collapsed["hits"][0];
  CHECK(top["copies"].get<int>() >= 1);

  const json copies = get_json(server.client, "/api/copies/" + top["id"].get<std::string>(), 200);
  const auto cli_copies = run_command(
      {kNsearch, "--db", db.string(), "--json", "--copies", top["id"].get<std::string>()});
  CHECK(copies == json::parse(cli_copies.out));
  CHECK(copies["copies"].size() == top["copies"].get<std::size_t>() + 1);
  get_json(server.client, "/api/copies/no-such-article", 404);
}

TEST_CASE("serve: the page and its files, with security headers and revalidation", "[http]") {
  Server server(corpus_db());
  const auto page = get(server.client, "/");
  REQUIRE(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK_THAT(page->body, Contains("<form id=\"search\" role=\"search\""));
  CHECK_THAT(page->get_header_value("Content-Security-Policy"), Contains("script-src 'self'"));
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  const std::string etag = page->get_header_value("ETag");
  REQUIRE(!etag.empty());
  const auto again = server.client.Get("/", {{"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
  CHECK(again->body.empty());

  const auto script = get(server.client, "/app.js");
  CHECK(script->status == 200);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK_THAT(script->body, Contains("textContent"));
  CHECK(get(server.client, "/style.css")->status == 200);
  const auto none = get(server.client, "/no-such-page");
  CHECK(none->status == 404);
}

TEST_CASE("serve: concurrent requests all get their own correct answer", "[http]") {
  Server server(corpus_db(), {"--threads", "4"});
  const std::vector<std::string> queries = {"oil", "Sahel", "election", "Russian contractor"};
  std::vector<std::string> expected;
  for (const auto& q : queries)
    expected.push_back(get_json(server.client, "/api/search?q=" + encode(q), 200).dump());
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", server.process.port());
      client.set_url_encode(false);
      for (int i = 0; i < 25; ++i) {
        const std::size_t k = (t + static_cast<std::size_t>(i)) % queries.size();
        const auto r = client.Get(("/api/search?q=" + encode(queries[k])).c_str());
        if (!r || r->status != 200 || json::parse(r->body).dump() != expected[k]) ++wrong[t];
      }
    });
  }
  for (auto& t : threads)
    t.join();
  CHECK(wrong == std::vector<int>(8, 0));
}

TEST_CASE("serve: 503 while the database is missing, then serves it once it exists", "[http]") {
  const TempDir dir;
  const fs::path db = dir.path() / "later.db";
  Server server(db);
  const json unavailable = get_json(server.client, "/api/search?q=oil", 503);
  CHECK_THAT(unavailable["error"].get<std::string>(), Contains("no database at"));
  get_json(server.client, "/api/stats", 503);
  // The page itself does not need the database.
  CHECK(get(server.client, "/")->status == 200);

  index_into(db, {kHostile.string()});
  const json found = get_json(server.client, "/api/search?q=zeppelins", 200);
  CHECK(found["total"] == 1);
}

TEST_CASE("serve: an access log line per request, clean exit on SIGTERM and SIGINT", "[http]") {
  for (const int signal : {SIGTERM, SIGINT}) {
    Server server(corpus_db());
    get(server.client, "/api/stats");
    get(server.client, "/api/search?q=oil&limit=-5");
    get(server.client, "/missing");
    CHECK(server.process.stop(signal) == 0);
    const std::string log = server.process.stderr_text();
    INFO(log);
    CHECK_THAT(log, Contains("\"GET /api/stats HTTP/1.1\" 200 "));
    CHECK_THAT(log, Contains("\"GET /api/search?q=oil&limit=-5 HTTP/1.1\" 400 "));
    CHECK_THAT(log, Contains("\"GET /missing HTTP/1.1\" 404 "));
    CHECK_THAT(log, Contains(signal == SIGINT ? "stopping (SIGINT)" : "stopping (SIGTERM)"));
  }
}

TEST_CASE("serve: a request in progress at SIGTERM is still answered", "[http]") {
  Server server(corpus_db());
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(server.process.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  const std::string head = "GET /api/search?q=Russian+contractor HTTP/1.1\r\nHost: test\r\n";
  REQUIRE(write(sock, head.data(), head.size()) == static_cast<ssize_t>(head.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the server is reading it

  int exit_code = -2;  // checked after the join: Catch2 assertions stay on this thread
  std::thread stopping([&] { exit_code = server.process.stop(SIGTERM); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string rest = "Connection: close\r\n\r\n";
  REQUIRE(write(sock, rest.data(), rest.size()) == static_cast<ssize_t>(rest.size()));
  std::string response;
  char buf[4096];
  for (ssize_t n; (n = read(sock, buf, sizeof buf)) > 0;)
    response.append(buf, static_cast<std::size_t>(n));
  close(sock);
  stopping.join();
  CHECK(exit_code == 0);
  CHECK_THAT(response, Contains("HTTP/1.1 200 OK"));
  CHECK_THAT(response, Contains(kSeedTitle));
}

TEST_CASE("serve: usage errors exit 2; a port in use is a clear error", "[http]") {
  const auto bad_port = run_command({kNsearch, "serve", "--port", "70000"});
  CHECK(bad_port.exit_code == 2);
  Server first(corpus_db());
  const auto taken = run_command({kNsearch, "serve", "--db", corpus_db().string(), "--port",
                                  std::to_string(first.process.port())});
  CHECK(taken.exit_code == 2);
  CHECK_THAT(taken.err, Contains("cannot listen on 127.0.0.1 port"));
}
