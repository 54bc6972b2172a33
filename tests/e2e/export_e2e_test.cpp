// End-to-end tests of `nsearch export`: the real binaries on the sample corpus (and, when it is
// present, the shared Reuters-21578 collection). What a user checks: every match is there once,
// each line is valid JSON (read back by `nindex add`) or CSV, in the order asked for.
#include <zlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::TempDir;

namespace {

using Args = std::vector<std::string>;

const fs::path kCorpus = NSEARCH_CORPUS_DIR;
const std::string kNindex = NINDEX_BIN;
const std::string kNsearch = NSEARCH_BIN;

Args concat(Args a, const Args& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

CommandResult nindex(const fs::path& db, const Args& args) {
  return run_command(concat({kNindex, "--db", db.string()}, args));
}

CommandResult nsearch(const fs::path& db, const Args& args) {
  return run_command(concat({kNsearch, "--db", db.string()}, args));
}

CommandResult export_matches(const fs::path& db, const Args& args) {
  return run_command(concat({kNsearch, "export", "--db", db.string()}, args));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::size_t count_of(const fs::path& db, const Args& args) {
  const CommandResult r = nsearch(db, concat(args, {"--count"}));
  INFO(r.err);
  REQUIRE(r.exit_code <= 1);
  return std::stoul(r.out);
}

/// The records of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& cell = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) rows.emplace_back(1);
    } else {
      cell += c;
    }
  }
  return rows;
}

fs::path indexed_corpus(const TempDir& tmp) {
  const fs::path db = tmp / "news.db";
  const CommandResult add = nindex(db, {"add", kCorpus.string()});
  INFO(add.err);
  REQUIRE(add.exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("nsearch export writes every article once, read back by nindex add", "[e2e]") {
  TempDir tmp;
  const fs::path db = indexed_corpus(tmp);
  const CommandResult stats = nindex(db, {"stats", "--json"});
  REQUIRE(stats.exit_code == 0);
  const std::size_t documents = json::parse(stats.out).at("documents").get<std::size_t>();
  REQUIRE(documents > 10);

  // No query: the whole database, newest first.
  const CommandResult all = export_matches(db, {});
  INFO(all.err);
  REQUIRE(all.exit_code == 0);
  const std::vector<std::string> lines = lines_of(all.out);
  REQUIRE(lines.size() == documents);
  std::set<std::string> ids;
  std::string previous_date = "9999";
  bool undated_seen = false;
  for (const std::string& line : lines) {
    const json article = json::parse(line);
    for (const char* key : {"id", "url", "title", "title_derived", "outlet", "date", "author",
                            "lang", "category", "kind", "body", "source"})
      CHECK(article.contains(key));
    CHECK(ids.insert(article.at("id").get<std::string>()).second);
    // Newest first, undated articles last.
    if (article.at("date").is_null()) {
      undated_seen = true;
      continue;
    }
    CHECK_FALSE(undated_seen);
    const std::string date = article.at("date").get<std::string>();
    CHECK(date.substr(0, 10) <= previous_date.substr(0, 10));
    previous_date = date;
  }

  // The export is a corpus: indexed again, it is the same articles.
  const fs::path exported = tmp / "export.jsonl";
  std::ofstream(exported) << all.out;
  const fs::path copy = tmp / "copy.db";
  const CommandResult add = nindex(copy, {"add", exported.string()});
  INFO(add.err);
  REQUIRE(add.exit_code == 0);
  CHECK(json::parse(nindex(copy, {"stats", "--json"}).out).at("documents") == documents);
  CHECK(lines_of(export_matches(copy, {"--order", "index", "--fields", "id"}).out).size() ==
        documents);
}

TEST_CASE("nsearch export: a query and filters select what --count counts", "[e2e]") {
  TempDir tmp;
  const fs::path db = indexed_corpus(tmp);
  for (const Args& query : {Args{"Wagner"}, Args{"mercenaries OR France"}, Args{"--lang", "fr"},
                            Args{"--since", "2021-01-01", "Mali"}}) {
    INFO("query: " << query.back());
    const std::size_t articles = count_of(db, concat(query, {"--no-collapse"}));
    const std::size_t stories = count_of(db, query);
    CHECK(articles > 0);
    const CommandResult every = export_matches(db, concat(query, {"--order", "index"}));
    INFO(every.err);
    CHECK(every.exit_code == 0);
    CHECK(lines_of(every.out).size() == articles);
    const CommandResult collapsed = export_matches(db, concat(query, {"--collapse"}));
    CHECK(lines_of(collapsed.out).size() == stories);
  }
  const CommandResult none = export_matches(db, {"xylophonequartet"});
  CHECK(none.exit_code == 1);
  CHECK(none.out.empty());
}

TEST_CASE("nsearch export --format csv: chosen fields, quoted as CSV readers expect", "[e2e]") {
  TempDir tmp;
  const fs::path db = indexed_corpus(tmp);
  const CommandResult csv =
      export_matches(db, {"--format", "csv", "--fields", "id,title,body", "--order", "index"});
  INFO(csv.err);
  REQUIRE(csv.exit_code == 0);
  const CommandResult jsonl = export_matches(db, {"--fields", "id,title,body", "--order", "index"});
  const std::vector<std::string> records = lines_of(jsonl.out);
  const auto rows = parse_csv(csv.out);
  REQUIRE(rows.size() == records.size() + 1);
  CHECK(rows.front() == std::vector<std::string>{"id", "title", "body"});
  bool multiline = false;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const json record = json::parse(records[i]);
    CHECK(record.size() == 3);  // only the fields asked for
    REQUIRE(rows[i + 1].size() == 3);
    CHECK(rows[i + 1][0] == record.at("id").get<std::string>());
    CHECK(rows[i + 1][2] == record.at("body").get<std::string>());
    multiline = multiline || rows[i + 1][2].find('\n') != std::string::npos;
  }
  CHECK(multiline);  // bodies of several paragraphs went through quoting

  const CommandResult bad = export_matches(db, {"--fields", "id,colour"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown field \"colour\"") != std::string::npos);
  CHECK(export_matches(db, {"--order", "random"}).exit_code == 2);
}

TEST_CASE("nsearch export: all of Reuters-21578 that matches a frequent word",
          "[e2e][shared][scale]") {
  const fs::path reuters = nsearch::test::reuters21578();
  if (!fs::exists(reuters)) {
    WARN(reuters.string() << " not found: skipped");
    return;
  }
  TempDir tmp;
  const fs::path db = tmp / "reuters.db";
  REQUIRE(nindex(db, {"add", reuters.string()}).exit_code == 0);
  const std::size_t matches = count_of(db, {"said", "--no-collapse"});
  CHECK(matches > 10000);  // past the search result window
  for (const char* order : {"index", "date"}) {
    INFO("order " << order);
    const CommandResult r = export_matches(db, {"said", "--order", order, "--fields", "id,date"});
    REQUIRE(r.exit_code == 0);
    const std::vector<std::string> lines = lines_of(r.out);
    CHECK(lines.size() == matches);
    std::set<std::string> ids;
    for (const std::string& line : lines)
      ids.insert(json::parse(line).at("id").get<std::string>());
    CHECK(ids.size() == matches);
  }
}
