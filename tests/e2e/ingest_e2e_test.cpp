// End-to-end ingest tests: the real nindex on the fixtures in tests/data/ingest, and the raw
// exports in the shared data read against their canonical JSON Lines (skipped without them).
#include <algorithm>
#include <catch2/catch.hpp>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "nsearch/article_reader.hpp"
#include "read/input_file.hpp"
#include "run_command.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

using nlohmann::json;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(NSEARCH_SOURCE_DIR) / "tests/data/ingest";

CommandResult nindex(const std::vector<std::string>& args) {
  std::vector<std::string> argv{NINDEX_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> records;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) records.push_back(json::parse(line));
  }
  return records;
}

const json* with_title(const std::vector<json>& records, const std::string& title) {
  for (const auto& r : records)
    if (r["title"].is_string() && r["title"] == title) return &r;
  return nullptr;
}

std::size_t count_lines(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    n += line.find(part) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("nindex extract --json reads every ingest fixture", "[e2e][ingest]") {
  const CommandResult r = nindex({"extract", "--json", kFixtures.string()});
  INFO(r.err);
  CHECK(r.exit_code == 1);  // the header-less CSV needs --map
  CHECK(count_lines(r.err, "warning") == 1);
  CHECK(count_lines(r.err, "headerless-semicolon.csv: no header row") +
            count_lines(r.err, "headerless-semicolon.csv: no column names") ==
        1);
  const auto records = json_lines(r.out);
  CHECK(records.size() == 26);

  const json* crane = with_title(records, "Harbour Crane Collapse Halts Night Shift");
  REQUIRE(crane != nullptr);
  CHECK((*crane)["outlet"] == "Coast Courier");
  CHECK((*crane)["date"] == "2024-03-05T07:15:00Z");
  CHECK((*crane)["source"] == (kFixtures / "cc-news-sample.warc.gz").string() + ":3");

  const json* tram = with_title(records, "Tram Line Extension Opens");
  REQUIRE(tram != nullptr);
  CHECK((*tram)["date"] == "2021-06-05T07:00:00Z");
  CHECK((*tram)["category"] == "Transport");

  const json* grid =
      with_title(records, "Texas grid operator warns of potential rolling blackouts on Monday");
  REQUIRE(grid != nullptr);
  CHECK((*grid)["outlet"] == "reuters.com");
  CHECK((*grid)["date"] == "2022-07-11T04:40:52Z");

  const json* flood = with_title(records, "River Flood Warning Issued For Valley Towns");
  REQUIRE(flood != nullptr);
  CHECK((*flood)["source"] == (kFixtures / "bundle.zip").string() + "!pages/flood.html");

  for (const auto& rec : records) {
    CHECK_FALSE(rec["id"].get<std::string>().empty());
    CHECK(rec["lang"] == "en");
  }
}

TEST_CASE("nindex --map and CSV options", "[e2e][ingest]") {
  const fs::path gnad = kFixtures / "headerless-semicolon.csv";
  const CommandResult mapped = nindex({"extract", "--json", "--outlet", "DER STANDARD", "--map",
                                       "category=0", "--map", "body=1", gnad.string()});
  INFO(mapped.err);
  CHECK(mapped.exit_code == 0);
  const auto rows = json_lines(mapped.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["category"] == "Wirtschaft");
  CHECK(rows[0]["outlet"] == "DER STANDARD");
  CHECK(rows[0]["lang"] == "de");
  CHECK(rows[2]["source"] == gnad.string() + ":3");

  // --csv-no-header turns the TSV header into a row; columns by number.
  const CommandResult raw =
      nindex({"extract", "--json", "--csv-no-header", "--csv-delimiter", "tab", "--map", "title=0",
              "--map", "body=1", (kFixtures / "wire.tsv").string()});
  INFO(raw.err);
  CHECK(raw.exit_code == 0);
  const auto raw_rows = json_lines(raw.out);
  REQUIRE(raw_rows.size() == 3);
  CHECK(raw_rows[0]["title"] == "headline");

  // --map with a dotted path on JSON.
  const CommandResult nested = nindex({"extract", "--json", "--map", "outlet=thread.site_full",
                                       (kFixtures / "webhose-post.json").string()});
  CHECK(json_lines(nested.out).at(0)["outlet"] == "www.quaysidepost.example");

  // Bad options exit 2 with a message.
  const CommandResult bad_map = nindex({"extract", "--map", "headline=x", gnad.string()});
  CHECK(bad_map.exit_code == 2);
  CHECK_THAT(bad_map.err, Catch::Contains("unknown article field"));
  const CommandResult bad_delim = nindex({"extract", "--csv-delimiter", ";;", gnad.string()});
  CHECK(bad_delim.exit_code == 2);
  CHECK_THAT(bad_delim.err, Catch::Contains("--csv-delimiter"));
}

TEST_CASE("nindex add: archives, WARC, CSV and JSON into one database", "[e2e][ingest]") {
  TempDir tmp;
  const std::string db = (tmp / "news.db").string();
  const CommandResult first = nindex({"--db", db, "add", kFixtures.string()});
  INFO(first.err);
  CHECK(first.exit_code == 1);
  CHECK_THAT(first.err, Catch::Contains("26 added"));
  const CommandResult gnad =
      nindex({"--db", db, "add", "--outlet", "DER STANDARD", "--map", "category=0", "--map",
              "body=1", (kFixtures / "headerless-semicolon.csv").string()});
  INFO(gnad.err);
  CHECK(gnad.exit_code == 0);
  CHECK_THAT(gnad.err, Catch::Contains("3 added"));

  const CommandResult stats = nindex({"--db", db, "stats", "--json"});
  REQUIRE(stats.exit_code == 0);
  CHECK(json::parse(stats.out)["documents"] == 29);

  const CommandResult search =
      run_command({NSEARCH_BIN, "--db", db, "--json", "crane", "collapse"});
  INFO(search.err);
  REQUIRE(search.exit_code == 0);
  const json hits = json::parse(search.out);
  REQUIRE(hits["total"] == 1);
  CHECK(hits["hits"][0]["url"] == "https://coastcourier.example/news/harbour-crane-collapse");
  const CommandResult derby =
      run_command({NSEARCH_BIN, "--db", db, "--json", "--outlet", "der standard", "derby"});
  CHECK(json::parse(derby.out)["total"] == 1);

  // Re-adding the same inputs changes nothing.
  const CommandResult again = nindex({"--db", db, "add", kFixtures.string()});
  CHECK_THAT(again.err, Catch::Contains("0 added") && Catch::Contains("26 unchanged"));
}

// ---------------------------------------------------------------------------------------------
// Raw exports in the shared data, against their canonical JSON Lines.

namespace {

struct Export {
  std::string name;
  fs::path raw;
  fs::path canonical;
  nsearch::ReadOptions options;
  enum Match { by_url, by_order, by_bbc_member } match;
  std::set<std::string> allowed_missing;  // canonical ids, each explained below
};

std::vector<json> read_canonical(const fs::path& path) {
  nsearch::InputFile in(path);
  std::vector<json> records;
  std::string line;
  while (in.read_line(line, 64u << 20) == nsearch::InputFile::LineStatus::ok)
    records.push_back(json::parse(line));
  return records;
}

std::string text_or_empty(const json& v) {
  return v.is_string() ? v.get<std::string>() : std::string();
}

// Titles are compared with whitespace collapsed: nindex normalises every title that way,
// while the canonical files keep the source's spacing (one BBC headline has a double space).
std::string collapsed(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

// "…/bbc-fulltext.tar.gz!bbc/sport/199.txt" -> "bbc-sport-199".
std::string bbc_id(const std::string& source) {
  const auto bang = source.find('!');
  if (bang == std::string::npos) return {};
  fs::path member(source.substr(bang + 1));
  return "bbc-" + member.parent_path().filename().string() + "-" + member.stem().string();
}

}  // namespace

// Each raw export is compared when it is present (skipped with a warning otherwise). The BBC
// text files are plain articles (headline, blank line, body), which the reader tells from page
// dumps even when a standfirst or a sports preview's fixture lines come before the body.
TEST_CASE("raw exports ingest with the titles, outlets and dates of their canonical JSONL",
          "[e2e][ingest][shared]") {
  const fs::path data = nsearch::test::shared_dir() / "data";
  std::vector<Export> exports;
  exports.push_back({"us-financial-news-2018",
                     data / "news-en/us-financial-news-2018/raw/us-financial-news-size-6000.tar.gz",
                     data / "news-en/us-financial-news-2018/us-financial-news-2018.jsonl.gz",
                     {},
                     Export::by_url,
                     {}});
  exports.push_back({"webz-free-news-sample",
                     data / "news-en/webz-free-news-sample/raw/"
                            "Human_Interest_positive_20240128124133-recovered.tar.gz",
                     data / "news-en/webz-free-news-sample/webz-free-news-sample.jsonl.gz",
                     {},
                     Export::by_url,
                     {}});
  // fwd/news repeats 167 links, so its rows are matched in file order.
  exports.push_back({"fwd-headlines",
                     data / "news-en/fwd-headlines/raw/headlines-2022-07-11.json.gz",
                     data / "news-en/fwd-headlines/fwd-headlines.jsonl.gz",
                     {},
                     Export::by_order,
                     {}});
  // sport/199.txt holds one latin-1 byte (a pound sign). The canonical converter decodes it as
  // cp1252; nindex reads text files as UTF-8 only and reports the file (invalid UTF-8).
  exports.push_back({"bbc",
                     data / "news-en/bbc/raw/bbc-fulltext.tar.gz",
                     data / "news-en/bbc/bbc.jsonl.gz",
                     {.default_outlet = "BBC News"},
                     Export::by_bbc_member,
                     {"bbc-sport-199"}});
  exports.push_back(
      {"de-10kgnad",
       data / "news-multi/de-10kgnad/raw/test.csv.gz",
       data / "news-multi/de-10kgnad/de-10kgnad-test.jsonl.gz",
       {.default_outlet = "DER STANDARD", .field_map = {{"category", "0"}, {"body", "1"}}},
       Export::by_order,
       {}});

  bool any = false;
  for (const Export& e : exports) {
    if (!fs::exists(e.raw) || !fs::exists(e.canonical)) {
      WARN("skipped " << e.name << ": " << e.raw << " not found");
      continue;
    }
    any = true;
    std::vector<nsearch::Article> read;
    std::vector<nsearch::Diagnostic> diagnostics;
    nsearch::ArticleReader reader(e.options,
                                  [&](const nsearch::Diagnostic& d) { diagnostics.push_back(d); });
    const std::vector<fs::path> inputs{e.raw};
    reader.read(inputs, [&](nsearch::Article&& a) { read.push_back(std::move(a)); });
    const std::vector<json> canonical = read_canonical(e.canonical);

    std::map<std::string, const nsearch::Article*> index;
    for (const auto& a : read) {
      if (e.match == Export::by_url) index.emplace(a.url, &a);
      if (e.match == Export::by_bbc_member) index.emplace(bbc_id(a.source), &a);
    }
    std::size_t missing = 0, unexplained_missing = 0, titles = 0, outlets = 0, dates = 0;
    std::string first_mismatch;
    for (std::size_t i = 0; i < canonical.size(); ++i) {
      const json& c = canonical[i];
      const nsearch::Article* a = nullptr;
      if (e.match == Export::by_order) {
        a = i < read.size() ? &read[i] : nullptr;
      } else {
        const auto it = index.find(e.match == Export::by_url ? text_or_empty(c["url"])
                                                             : text_or_empty(c["id"]));
        a = it == index.end() ? nullptr : it->second;
      }
      if (a == nullptr) {
        ++missing;
        if (!e.allowed_missing.contains(text_or_empty(c["id"]))) ++unexplained_missing;
        continue;
      }
      const auto note = [&](const char* field, const std::string& want, const std::string& got) {
        if (first_mismatch.empty()) {
          first_mismatch = text_or_empty(c["id"]) + " " + field + ": canonical \"" + want +
                           "\", read \"" + got + "\" (" + a->source + ")";
        }
      };
      // A record without a title gets one derived from its body (10kGNAD has none).
      const std::string title = collapsed(text_or_empty(c["title"]));
      if (a->title_derived ? !title.empty() || a->title.empty() : title != a->title) {
        ++titles;
        note("title", text_or_empty(c["title"]), a->title);
      }
      if (text_or_empty(c["outlet"]) != a->outlet) {
        ++outlets;
        note("outlet", text_or_empty(c["outlet"]), a->outlet);
      }
      if (text_or_empty(c["date"]) != a->date) {
        ++dates;
        note("date", text_or_empty(c["date"]), a->date);
      }
    }
    std::cout << "raw export " << e.name << ": " << canonical.size() << " canonical, "
              << read.size() << " read, " << missing << " missing (" << unexplained_missing
              << " unexplained), mismatches: " << titles << " titles, " << outlets << " outlets, "
              << dates << " dates; " << diagnostics.size() << " diagnostics\n";
    INFO(e.name << ": " << first_mismatch);
    for (const auto& d : diagnostics)
      UNSCOPED_INFO(d.location << ": " << d.message);
    CHECK(unexplained_missing == 0);
    CHECK(missing == e.allowed_missing.size());
    CHECK(read.size() + e.allowed_missing.size() == canonical.size());
    CHECK(diagnostics.size() == e.allowed_missing.size());
    CHECK(titles == 0);
    CHECK(outlets == 0);
    CHECK(dates == 0);
  }
  if (!any) WARN("no raw exports under " << data << "; nothing compared");
}
