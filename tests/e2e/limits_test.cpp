// Resource limits (README "Limits", nsearch/limits.hpp): each one enforced through the public
// interface with a message naming the input or the query, and the run going on past it.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/limits.hpp"
#include "nsearch/searcher.hpp"
#include "run_command.hpp"
#include "temp_dir.hpp"

using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

CommandResult nindex(const std::vector<std::string>& args) {
  std::vector<std::string> argv{NINDEX_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

CommandResult nsearch_cli(const fs::path& db, const std::vector<std::string>& args) {
  std::vector<std::string> argv{NSEARCH_BIN, "--db", db.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, {"NO_COLOR=1"});
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

std::string json_line(const std::string& id, const std::string& body) {
  return nlohmann::json{{"id", id}, {"title", "Title " + id}, {"body", body}}.dump() + "\n";
}

const std::string kParagraphs =
    "<h1>Harbour reopens after the storm</h1>"
    "<p>The harbour reopened on Monday after a week of repairs to the sea wall, the port "
    "authority said, and the first ferries left on time in calm weather.</p>"
    "<p>Fishermen who had waited in the outer bay brought their boats in during the morning "
    "and said the damage to the quays was less than they had feared after the storm.</p>"
    "<p>Engineers from the regional council worked through the weekend to shore up the northern "
    "breakwater, where two sections of the old stone wall had collapsed into the channel and "
    "blocked the approach for larger vessels until divers cleared the rubble.</p>"
    "<p>The harbour master said traffic would return to its usual timetable by the end of the "
    "week, although cargo ships would be limited to daylight arrivals while the lights on the "
    "outer mole are replaced and tested by the coastguard.</p>";

// A database of `n` distinct articles about oil, numbered, all in English.
fs::path oil_database(const TempDir& dir, std::size_t n) {
  const fs::path db = dir / "oil.db";
  nsearch::IndexOptions options;
  options.db_path = db;
  nsearch::Indexer indexer(options, [](const nsearch::Diagnostic&) {});
  for (std::size_t i = 0; i < n; ++i) {
    nsearch::Article a;
    a.id = "oil-" + std::to_string(i);
    a.title = "Oil report " + std::to_string(i);
    a.lang = "en";
    // Distinct texts, so that no two are collapsed as copies of one story.
    a.body = "Crude oil report " + std::to_string(i) + ":";
    for (std::size_t w = 0; w < 30; ++w)
      a.body += " word" + std::to_string(i * 100 + w);
    indexer.add_article(std::move(a));
  }
  indexer.commit();
  return db;
}

}  // namespace

TEST_CASE("Limit: whole-file inputs larger than the limit are skipped, naming the file",
          "[limits][e2e]") {
  TempDir dir;
  const fs::path in = dir / "in";
  fs::create_directories(in);
  write_file(in / "huge.txt", repeat("A line of a very long text article about the harbour.\n",
                                     (nsearch::kMaxTextFileBytes / 54) + 1000));
  write_file(in / "huge.html",
             "<html><body>" +
                 repeat("<p>words of a paragraph</p>\n", nsearch::kMaxHtmlFileBytes / 28 + 1000) +
                 "</body></html>");
  write_file(in / "small.html", "<html><body>" + kParagraphs + "</body></html>");
  // With worker threads (the parallel bulk load) and into shards: files are still read, and
  // limited, in one place.
  for (const std::string mode : {"--jobs", "--shards"}) {
    const fs::path db = dir / ("db" + mode);
    const CommandResult r = nindex({"--db", db.string(), "add", mode, "2", in.string()});
    INFO(mode);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err,
               Catch::Contains("huge.txt: ") && Catch::Contains("larger than the limit of 32 MiB"));
    CHECK_THAT(r.err, Catch::Contains("huge.html: ") &&
                          Catch::Contains("larger than the limit of 16 MiB"));
    CHECK_THAT(r.out + r.err, Catch::Contains("1 added"));  // the small page still is
  }
}

TEST_CASE("Limit: line length of JSON Lines, CSV and text files", "[limits][e2e]") {
  TempDir dir;
  const std::string body = "Crude oil prices rose again today.";
  SECTION("a JSON Lines record over 16 MiB is skipped, the lines around it are read") {
    write_file(dir / "big.jsonl", json_line("a", body) +
                                      json_line("b", std::string(nsearch::kMaxLineBytes, 'x')) +
                                      json_line("c", body));
    const CommandResult r = nindex({"extract", "--json", (dir / "big.jsonl").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("big.jsonl:2: line longer than 16 MiB"));
    CHECK_THAT(r.out, Catch::Contains("\"id\":\"a\"") && Catch::Contains("\"id\":\"c\""));
  }
  SECTION("a CSV row over 16 MiB is skipped, the rows around it are read") {
    write_file(dir / "big.csv", "id,title,body\na,First,\"" + body + "\"\nb,Second,\"" +
                                    std::string(nsearch::kMaxCsvRecordBytes, 'x') +
                                    "\"\nc,Third,\"" + body + "\"\n");
    const CommandResult r = nindex({"extract", "--json", (dir / "big.csv").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("big.csv:3: ") && Catch::Contains("16 MiB"));
    CHECK_THAT(r.out, Catch::Contains("\"id\":\"a\"") && Catch::Contains("\"id\":\"c\""));
  }
  SECTION("a text file with a line over 1 MiB is skipped, naming the line") {
    write_file(dir / "long-line.txt", "Title: A headline\n\nFirst paragraph.\n" +
                                          std::string(nsearch::kMaxTextLineBytes + 1, 'y') + "\n");
    const CommandResult r = nindex({"extract", (dir / "long-line.txt").string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("long-line.txt:4: line longer than 1 MiB"));
    // Exactly at the limit the line is read.
    write_file(dir / "at-limit.txt",
               "Title: A headline\n\n" + std::string(nsearch::kMaxTextLineBytes, 'y') + "\n");
    CHECK(nindex({"extract", (dir / "at-limit.txt").string()}).exit_code == 0);
  }
}

TEST_CASE("Limit: HTML nesting depth: deeper tags are ignored with a warning, text kept",
          "[limits][e2e]") {
  TempDir dir;
  const std::size_t too_deep = nsearch::kMaxHtmlDepth + 100;
  write_file(dir / "deep.html", "<html><body>" + repeat("<div>", too_deep) + kParagraphs +
                                    repeat("</div>", too_deep) + "</body></html>");
  write_file(dir / "shallow.html", "<html><body>" + repeat("<div>", 50) + kParagraphs +
                                       repeat("</div>", 50) + "</body></html>");
  const CommandResult deep = nindex({"extract", "--json", (dir / "deep.html").string()});
  CHECK(deep.exit_code == 0);  // indexed, not skipped
  CHECK_THAT(deep.err, Catch::Contains("deep.html: HTML nested deeper than 400 elements"));
  CHECK_THAT(deep.out, Catch::Contains("Fishermen who had waited"));
  const CommandResult shallow = nindex({"extract", "--json", (dir / "shallow.html").string()});
  CHECK(shallow.exit_code == 0);
  CHECK(shallow.err.empty());
}

TEST_CASE("Limit: JSON nesting depth", "[limits][e2e]") {
  TempDir dir;
  const auto nested = [](std::size_t depth) {
    return "{\"id\":\"n\",\"title\":\"T\",\"body\":\"B\",\"extra\":" + repeat("[", depth - 1) +
           repeat("]", depth - 1) + "}\n";
  };
  write_file(dir / "nested.jsonl",
             nested(nsearch::kMaxJsonDepth) + nested(nsearch::kMaxJsonDepth + 1));
  const CommandResult r = nindex({"extract", "--json", (dir / "nested.jsonl").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("nested.jsonl:2: JSON nested deeper than 64 levels"));
  CHECK_THAT(r.err, !Catch::Contains("nested.jsonl:1:"));
  CHECK_THAT(r.out, Catch::Contains("\"id\":\"n\""));
}

TEST_CASE("Limit: number of query terms", "[limits][e2e][search]") {
  TempDir dir;
  const fs::path db = oil_database(dir, 3);
  const auto words = [](std::size_t n) {
    std::string q = "oil";
    for (std::size_t i = 1; i < n; ++i)
      q += " w" + std::to_string(i);
    return q;
  };
  nsearch::Searcher searcher(db);
  nsearch::SearchRequest request;
  request.default_operator = nsearch::DefaultOperator::any;
  request.query = words(nsearch::kMaxQueryTerms);
  CHECK(searcher.search(request).total == 3);
  request.query = words(nsearch::kMaxQueryTerms + 1);
  try {
    searcher.search(request);
    FAIL("a query over the limit was run");
  } catch (const nsearch::Error& e) {
    CHECK(e.kind() == nsearch::ErrorKind::bad_query);
    CHECK_THAT(e.what(), Catch::Contains("query \"oil w1 w2") &&
                             Catch::Contains("has 257 terms, more than the limit of 256"));
  }
  const CommandResult r = nsearch_cli(db, {"--match", "any", words(300)});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("has 300 terms, more than the limit of 256"));

  SECTION("text that is not valid syntax is not searched as plain words past the limit") {
    request.query = "\"" + words(nsearch::kMaxQueryTerms + 1);  // unbalanced quote
    CHECK_THROWS_WITH(searcher.search(request), Catch::Contains("has 257 terms"));
    request.query = "\"" + words(10);
    CHECK(searcher.search(request).query_fallback);  // a short one still is
    const CommandResult cli = nsearch_cli(db, {"(" + words(300)});
    CHECK(cli.exit_code == 2);
    CHECK_THAT(cli.err, Catch::Contains("has 300 terms, more than the limit of 256"));
  }
  SECTION("free text (TREC topics) counts distinct terms, in the database or not") {
    request.free_text = true;
    request.query = words(nsearch::kMaxQueryTerms) + " oil oil";
    CHECK(searcher.search(request).total == 3);
    request.query = words(nsearch::kMaxQueryTerms + 1);
    CHECK_THROWS_WITH(searcher.search(request),
                      Catch::Contains("has 257 terms, more than the limit of 256"));
  }
}

TEST_CASE("Limit: result window (offset + limit)", "[limits][e2e][search]") {
  TempDir dir;
  const fs::path db = oil_database(dir, 12);
  nsearch::Searcher searcher(db);
  nsearch::SearchRequest request;
  request.query = "oil";
  request.offset = nsearch::kMaxResultWindow - 10;
  request.limit = 10;
  CHECK(searcher.search(request).hits.empty());  // at the edge: allowed (nothing that deep)
  request.offset = nsearch::kMaxResultWindow - 9;
  CHECK_THROWS_WITH(searcher.search(request),
                    Catch::Contains("offset 9991 + limit 10 is beyond the result window of "
                                    "10000 hits"));
  request.offset = 0;
  request.limit = static_cast<std::size_t>(-1);  // would overflow offset + limit
  CHECK_THROWS_AS(searcher.search(request), nsearch::Error);

  const CommandResult ok = nsearch_cli(db, {"--offset", "10", "--limit", "5", "oil"});
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("Oil report"));
  const CommandResult far = nsearch_cli(db, {"--offset", "20000", "oil"});
  CHECK(far.exit_code == 2);
  CHECK_THAT(far.err, Catch::Contains("offset 20000 + limit 10 is beyond the result window"));
}
