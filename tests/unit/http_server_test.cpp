// Library tests of the HTTP server (nsearch::HttpServer in-process), the shared request
// options and the Searcher calls the API is built on (article, suggest, refresh).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "nsearch/error.hpp"
#include "nsearch/http_server.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/output.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/searcher.hpp"
#include "searcher_pool.hpp"
#include "temp_dir.hpp"

using Catch::Matchers::Contains;
using nlohmann::json;
using nsearch::Article;
using nsearch::Error;
using nsearch::ErrorKind;
using nsearch::Indexer;
using nsearch::SearchRequest;
using nsearch::test::TempDir;

namespace {

Article make(std::string id, std::string title, std::string outlet, std::string date,
             std::string body) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.outlet = std::move(outlet);
  a.date = std::move(date);
  a.lang = "en";
  a.body = std::move(body);
  a.source = "/secret/path/input.jsonl:3";
  return a;
}

struct Fixture {
  TempDir dir;
  std::filesystem::path db = dir / "db";
  Fixture() {
    Indexer indexer({.db_path = db}, nullptr);
    indexer.add_article(make("m1", "Mercenaries in the Sahel", "The New Diplomat", "2021-09-14",
                             "Mercenaries and merchants crossed the desert."));
    indexer.add_article(make("m2", "Merchants return", "Harbour Gazette", "2022-01-03",
                             "The merchants of the harbour returned."));
    indexer.add_article(make("x1", "<script>alert(1)</script>", "Harbour Gazette", "2020-02-02",
                             "Markup & ampersands < >."));
    indexer.commit();
  }
};

int error_kind_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return static_cast<int>(e.kind());
  }
  return -1;
}

}  // namespace

TEST_CASE("request options: names and values map onto a SearchRequest", "[options]") {
  SearchRequest r;
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"q", "crude oil"},
                                                        {"n", "5"},
                                                        {"offset", "10"},
                                                        {"outlet", "A"},
                                                        {"outlet", "B"},
                                                        {"lang", "fr"},
                                                        {"since", "2021"},
                                                        {"until", "2022-06"},
                                                        {"sort", "date"},
                                                        {"match", "any"},
                                                        {"facets", "outlet,,year"},
                                                        {"facet-limit", "0"},
                                                        {"bm25", "1.2,0.75"},
                                                        {"expand", "3"},
                                                        {"expand-weight", "0.25"},
                                                        {"title-weight", "2"}}) {
    nsearch::set_request_option(r, name, value);
  }
  CHECK(r.query == "crude oil");
  CHECK(r.limit == 5);
  CHECK(r.offset == 10);
  CHECK(r.outlets == std::vector<std::string>{"A", "B"});
  CHECK(r.langs == std::vector<std::string>{"fr"});
  CHECK(r.since == "2021");
  CHECK(r.until == "2022-06");
  CHECK(r.sort == nsearch::SortOrder::date);
  CHECK(r.default_operator == nsearch::DefaultOperator::any);
  CHECK(r.facets == std::vector<std::string>{"outlet", "year"});
  CHECK(r.facet_limit == 0);
  CHECK(r.bm25_k1 == 1.2);
  CHECK(r.bm25_b == 0.75);
  CHECK(r.expand_terms == 3);
  CHECK(r.expand_weight == 0.25);
  CHECK(r.title_weight == 2);

  nsearch::set_request_option(r, "count", "1");
  CHECK(r.limit == 0);
  CHECK(r.exact_total);

  const auto invalid = static_cast<int>(ErrorKind::invalid_argument);
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"limit", "-5"},
                                                        {"limit", "5x"},
                                                        {"limit", ""},
                                                        {"limit", "10001"},
                                                        {"offset", "1000001"},
                                                        {"sort", "name"},
                                                        {"match", "most"},
                                                        {"bm25", "1"},
                                                        {"bm25", "1,x"},
                                                        {"title-weight", "-1"},
                                                        {"title-weight", "nan"},
                                                        {"expand", "101"},
                                                        {"count", "maybe"},
                                                        {"colour", "red"}}) {
    INFO(name << "=" << value);
    SearchRequest scratch;
    CHECK(error_kind_of([&] { nsearch::set_request_option(scratch, name, value); }) == invalid);
  }
  try {
    nsearch::set_request_option(r, "limit", "-5");
  } catch (const Error& e) {
    CHECK_THAT(e.what(), Contains("\"-5\" for limit"));
  }
  CHECK(nsearch::request_options().size() >= 16);
  CHECK(nsearch::split_list(",a,,b,") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("Searcher: article by id, suggestions, refresh", "[searcher]") {
  Fixture f;
  nsearch::Searcher searcher(f.db);
  const Article a = searcher.article("m1");
  CHECK(a.title == "Mercenaries in the Sahel");
  CHECK(a.outlet == "The New Diplomat");
  CHECK(error_kind_of([&] { searcher.article("nope"); }) == static_cast<int>(ErrorKind::not_found));

  const auto s = searcher.suggest("desert mer", 5);
  REQUIRE(s.completions.size() == 2);
  CHECK(s.completions[0].value == "merchants");  // in both articles: first
  CHECK(s.completions[0].count == 2);
  CHECK(s.completions[1].value == "mercenaries");
  CHECK(s.completions[1].count == 1);
  CHECK(s.correction.empty());
  CHECK(searcher.suggest("mercenries", 5).correction == "mercenaries");
  CHECK(searcher.suggest("harbuor merchants", 0).correction == "harbour merchants");
  CHECK(searcher.suggest("zzzzqqq", 5).correction.empty());
  CHECK(searcher.suggest("", 5).completions.empty());

  // An article added after opening is seen after refresh().
  {
    Indexer indexer({.db_path = f.db}, nullptr);
    indexer.add_article(make("z1", "Zeppelins", "Harbour Gazette", "2023-01-01", "Airships."));
  }
  searcher.refresh();
  CHECK(searcher.article("z1").title == "Zeppelins");
}

TEST_CASE("HttpServer: serves the API in-process and stops cleanly", "[http]") {
  Fixture f;
  std::ostringstream log;
  nsearch::HttpServerOptions options;
  options.db_path = f.db;
  options.port = 0;
  options.threads = 2;
  options.access_log = &log;
  nsearch::HttpServer server(options);
  REQUIRE(server.port() > 0);
  std::thread serving([&server] { server.serve(); });

  httplib::Client client("127.0.0.1", server.port());
  client.set_url_encode(false);
  auto search = client.Get("/api/search?q=mercenaries&facets=outlet");
  REQUIRE(search);
  CHECK(search->status == 200);
  const json result = json::parse(search->body);
  CHECK(result["total"] == 1);
  CHECK(result["facets"]["outlet"].size() == 1);
  // The markup title is data: JSON carries it verbatim, escaped where it becomes HTML.
  auto xss = client.Get("/api/search?q=ampersands");
  REQUIRE(xss);
  const json x = json::parse(xss->body);
  CHECK(x["hits"][0]["title"] == "<script>alert(1)</script>");
  CHECK_THAT(x["hits"][0]["snippet_html"].get<std::string>(), Contains("&amp;"));
  CHECK_THAT(x["hits"][0]["snippet_html"].get<std::string>(), !Contains("< >"));

  auto doc = client.Get("/api/doc/m2");
  REQUIRE(doc);
  const json article = json::parse(doc->body);
  CHECK(article["title"] == "Merchants return");
  CHECK(article["author"].is_null());
  CHECK(article["source"].is_null());  // not "/secret/path/input.jsonl:3"
  auto missing = client.Get("/api/doc/m9");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  auto bad = client.Get("/api/search?q=oil&limit=-5");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  auto stats = client.Get("/api/stats");
  REQUIRE(stats);
  CHECK(json::parse(stats->body)["documents"] == 3);
  auto suggest = client.Get("/api/suggest?q=merce");
  REQUIRE(suggest);
  CHECK(json::parse(suggest->body)["completions"][0]["value"] == "mercenaries");

  server.stop();
  serving.join();
  const std::string lines = log.str();
  CHECK_THAT(lines, Contains("\"GET /api/doc/m9 HTTP/1.1\" 404 "));
  CHECK_THAT(lines, Contains("\"GET /api/search?q=oil&limit=-5 HTTP/1.1\" 400 "));
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 7);
  CHECK(!httplib::Client("127.0.0.1", server.port()).Get("/api/stats"));  // no longer listening
}

TEST_CASE("HttpServer: a port in use is an error at construction", "[http]") {
  Fixture f;
  nsearch::HttpServerOptions options;
  options.db_path = f.db;
  options.port = 0;
  nsearch::HttpServer first(options);
  options.port = first.port();
  CHECK(error_kind_of([&] { nsearch::HttpServer second(options); }) ==
        static_cast<int>(ErrorKind::invalid_argument));
}

TEST_CASE("SearcherPool: at most max_active searches at once; failures free their turn", "[http]") {
  Fixture f;
  nsearch::SearcherPool pool(f.db, 1);
  std::optional<nsearch::SearcherPool::Lease> first(pool.lease());
  CHECK((*first)->article("m1").title == "Mercenaries in the Sahel");
  std::atomic<bool> second_ran{false};
  std::thread second([&] {
    const auto lease = pool.lease();
    second_ran = lease->article("m2").title == "Merchants return";
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(!second_ran);  // waits while the only turn is taken
  first.reset();
  second.join();
  CHECK(second_ran);

  // A database that cannot be opened gives its turn back: the next lease fails too, not hangs.
  nsearch::SearcherPool missing(f.dir / "missing.db", 1);
  for (int i = 0; i < 2; ++i) {
    CHECK(error_kind_of([&] { missing.lease(); }) ==
          static_cast<int>(ErrorKind::database_not_found));
  }
}
