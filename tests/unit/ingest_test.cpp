// Unit tests for the ingest readers: field mapping, JSON, CSV/TSV, WARC, compressed files and
// archives (indexer/src/read). Fixtures are in tests/data/ingest (see its README).
#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <vector>

#include "nsearch/article_reader.hpp"
#include "nsearch/dates.hpp"
#include "nsearch/error.hpp"
#include "read/archive_input.hpp"
#include "read/field_mapping.hpp"
#include "read/formats/csv_reader.hpp"
#include "read/formats/http_response.hpp"
#include "read/formats/json_reader.hpp"
#include "read/formats/jsonl_reader.hpp"
#include "read/formats/warc_reader.hpp"
#include "read/input_file.hpp"
#include "read/input_format.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nlohmann::json;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(NSEARCH_SOURCE_DIR) / "tests/data/ingest";

struct Collected {
  std::vector<Article> articles;
  std::vector<std::pair<std::size_t, std::string>> rejects;
  std::vector<SkipReason> reasons;  // of the rejects, in order
  std::size_t ignored = 0;
  ReadContext context(const std::string& path) {
    return ReadContext{path, [this](Article&& a) { articles.push_back(std::move(a)); },
                       [this](std::size_t line, SkipReason reason, const std::string& why) {
                         rejects.emplace_back(line, why);
                         reasons.push_back(reason);
                       },
                       [this] { ++ignored; }};
  }
  std::string rejects_text() const {
    std::string s;
    for (const auto& [line, why] : rejects)
      s += std::to_string(line) + ": " + why + "\n";
    return s;
  }
};

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// Reads `content` as a file called `name` with one of the readers.
template <class Read>
Collected read_as(const std::string& name, const std::string& content, Read read) {
  TempDir dir;
  write_file(dir / name, content);
  InputFile input(dir / name);
  Collected got;
  read(input, got.context(name));
  return got;
}

Collected read_json_text(const std::string& content,
                         const FieldMapper& mapper = builtin_field_mapper()) {
  return read_as("x.json", content,
                 [&](InputFile& in, const ReadContext& ctx) { read_json(in, ctx, mapper); });
}

Collected read_csv_text(const std::string& content, const FieldMapper& mapper,
                        const CsvOptions& options = {}, bool tsv = false) {
  return read_as(tsv ? "x.tsv" : "x.csv", content, [&](InputFile& in, const ReadContext& ctx) {
    read_csv(in, ctx, mapper, options, tsv);
  });
}

Collected read_warc_text(const std::string& content) {
  return read_as("x.warc", content,
                 [](InputFile& in, const ReadContext& ctx) { read_warc(in, ctx); });
}

Article map_json(const std::string& text, const FieldMapper& mapper = builtin_field_mapper()) {
  return mapper.map(json::parse(text));
}

// Everything ArticleReader reads from `paths`, with its diagnostics.
struct ReadAll {
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
  ReadReport report;
  const Article* by_title(const std::string& title) const {
    for (const auto& a : articles)
      if (a.title == title) return &a;
    return nullptr;
  }
  bool warned(const std::string& location_part, const std::string& message_part = "") const {
    for (const auto& d : diagnostics) {
      if (d.location.find(location_part) != std::string::npos &&
          d.message.find(message_part) != std::string::npos) {
        return true;
      }
    }
    return false;
  }
};

ReadAll read_all(std::vector<fs::path> paths, ReadOptions options = {}) {
  ReadAll out;
  ArticleReader reader(std::move(options),
                       [&](const Diagnostic& d) { out.diagnostics.push_back(d); });
  reader.read(paths, [&](Article&& a) { out.articles.push_back(std::move(a)); });
  out.report = reader.report();
  return out;
}

// A tar archive (built in memory with libarchive) of `members` name -> content.
std::string make_tar(const std::vector<std::pair<std::string, std::string>>& members) {
  struct Free {
    void operator()(archive* a) const { archive_write_free(a); }
  };
  std::unique_ptr<archive, Free> a(archive_write_new());
  archive_write_set_format_pax_restricted(a.get());
  std::vector<char> buf(1 << 20);
  for (const auto& [name, content] : members)
    buf.resize(buf.size() + content.size() + 4096);
  std::size_t used = 0;
  REQUIRE(archive_write_open_memory(a.get(), buf.data(), buf.size(), &used) == ARCHIVE_OK);
  for (const auto& [name, content] : members) {
    struct EntryFree {
      void operator()(archive_entry* e) const { archive_entry_free(e); }
    };
    std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    REQUIRE(archive_write_header(a.get(), e.get()) == ARCHIVE_OK);
    REQUIRE(archive_write_data(a.get(), content.data(), content.size()) ==
            static_cast<la_ssize_t>(content.size()));
  }
  REQUIRE(archive_write_close(a.get()) == ARCHIVE_OK);
  return std::string(buf.data(), used);
}

std::string gzip_bytes(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string warc_record(const std::string& type, const std::string& uri, const std::string& date,
                        const std::string& block, const std::string& extra_headers = "") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n" + extra_headers;
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: " + date + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
       block + "\r\n\r\n";
  return r;
}

const std::string kArticleHtml =
    "<!DOCTYPE html><html><head><title>Quay Wall Repairs Finish Early</title></head><body>"
    "<article><h1>Quay Wall Repairs Finish Early</h1>"
    "<p>Repairs to the old quay wall finished two weeks early, the harbour board said on Friday, "
    "after divers completed the last of the underwater work ahead of schedule.</p>"
    "<p>The wall had been closed to shipping since the winter storms damaged its foundations, "
    "forcing fishing boats to unload at the smaller jetty on the other side of the bay.</p>"
    "<p>Boat owners welcomed the news and said they would move back to their usual berths "
    "before the start of the summer season, when the harbour is at its busiest.</p>"
    "</article></body></html>";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Field mapping

TEST_CASE("field mapping: exporters' names, nesting, lists and objects", "[ingest][mapping]") {
  const Article a = map_json(R"({
    "Headline": "H", "maintext": "B", "thread": {"site": "example.com"},
    "pubDate": "2021-09-24", "authors": [{"name": "A One"}, "B Two", {"x": 1}],
    "link": "https://e.com/x", "Language": "english", "topics": ["Politics", "World"]})");
  CHECK(a.title == "H");
  CHECK(a.body == "B");
  CHECK(a.outlet == "example.com");
  CHECK(a.date == "2021-09-24");
  CHECK(a.author == "A One, B Two");
  CHECK(a.url == "https://e.com/x");
  CHECK(a.lang == "english");  // normalised to "en" by ArticleReader::normalise
  CHECK(a.category == "Politics");

  // Earlier names win; empty values fall through to the next name.
  const Article b = map_json(
      R"({"title": "", "headline": "From headline", "source": {"id": null, "name": "Wire"},
          "site": "site.example", "text": ["Para one.", "Para two."], "content": "ignored"})");
  CHECK(b.title == "From headline");
  CHECK(b.outlet == "Wire");
  CHECK(b.body == "Para one.\nPara two.");
  CHECK(map_json(R"({"thread": {"title": "Thread title"}, "title": ""})").title == "Thread title");
  CHECK(map_json(R"({"id": 42})").id == "42");
}

TEST_CASE("field mapping: canonical keys set to null are final", "[ingest][mapping]") {
  // As `nindex extract --json` writes them: "source" is where the record came from, not the
  // outlet.
  const Article a = map_json(
      R"({"id": "x", "title": "T", "outlet": null, "source": "corpus/a.txt", "body": null,
          "text": "not the body", "date": null, "published": "2020-01-01"})");
  CHECK(a.outlet.empty());
  CHECK(a.body.empty());
  CHECK(a.date.empty());
  // Only the exact canonical key counts; other names for the field are still read.
  CHECK(map_json(R"({"Outlet": null, "source": "Wire"})").outlet == "Wire");
}

TEST_CASE("field mapping: dates from Unix time, and zoned dates win", "[ingest][mapping]") {
  CHECK(map_json(R"({"timestamp": 1657513103})").date == "2022-07-11T04:18:23Z");
  CHECK(map_json(R"({"timestamp": 1657513103000})").date == "2022-07-11T04:18:23Z");
  CHECK(map_json(R"({"timestamp": "1657513103"})").date == "2022-07-11T04:18:23Z");
  CHECK(map_json(R"({"date": {"$date": "2021-01-02T03:04:05Z"}})").date == "2021-01-02T03:04:05Z");
  CHECK(map_json(R"({"date": "20210924"})").date == "20210924");  // left to parse_date
  // fwd/news: "published" is local time without a zone, "timestamp" is exact.
  CHECK(map_json(R"({"published": "July 11, 2022 12:18 AM", "timestamp": 1657513103})").date ==
        "2022-07-11T04:18:23Z");
  CHECK(map_json(R"({"date": "2021-01-01", "published": "2021-01-01T10:00:00+02:00"})").date ==
        "2021-01-01T10:00:00+02:00");
  CHECK(map_json(R"({"date": "not a date", "published": "2021-03-04"})").date == "2021-03-04");
  CHECK(map_json(R"({"date": "not a date"})").date == "not a date");  // reported later
  // A float epoch is read like an integer one; one far beyond any date (and beyond long long,
  // where converting it was undefined: a fuzz finding) is kept as text, to be reported later.
  CHECK(map_json(R"({"timestamp": 1657513103.5})").date == "2022-07-11T04:18:23Z");
  CHECK(map_json(R"({"timestamp": 1.6e40})").date == "1.6e+40");
  CHECK(map_json(R"({"timestamp": -1.6e40})").date == "-1.6e+40");
}

TEST_CASE("field mapping: --map replaces the built-in names of its field", "[ingest][mapping]") {
  const std::vector<FieldMapping> maps = {
      parse_field_mapping("title=meta.headline"), parse_field_mapping("title = meta.alt"),
      parse_field_mapping("outlet=thread.site"), parse_field_mapping("author=people.1.name"),
      parse_field_mapping("body=x.y")};
  const FieldMapper mapper(maps);
  const Article a = map_json(
      R"({"title": "Not this", "meta": {"headline": "Mapped"}, "thread": {"site": "s.example"},
          "people": [{"name": "First"}, {"name": "Second"}], "x.y": "literal dotted key",
          "url": "https://still.example/builtin"})",
      mapper);
  CHECK(a.title == "Mapped");
  CHECK(a.outlet == "s.example");
  CHECK(a.author == "Second");
  CHECK(a.body == "literal dotted key");
  CHECK(a.url == "https://still.example/builtin");  // unmapped fields keep the built-in names
  // Several mappings for a field are tried in order.
  CHECK(map_json(R"({"title": "x", "meta": {"alt": "Fallback"}})", mapper).title == "Fallback");
  CHECK(map_json(R"({"title": "x"})", mapper).title.empty());

  CHECK(mapper.knows_key("META"));
  CHECK(mapper.knows_key("headline"));
  CHECK_FALSE(mapper.knows_key("label"));
  CHECK_FALSE(mapper.maps_columns_by_number());
  const std::vector<FieldMapping> numeric = {parse_field_mapping("category=0"),
                                             parse_field_mapping("body=1")};
  CHECK(FieldMapper(numeric).maps_columns_by_number());
  CHECK(FieldMapper(numeric).uses_column_numbers());
}

TEST_CASE("field mapping: bad --map specifications are refused", "[ingest][mapping]") {
  CHECK(parse_field_mapping("Language=lng").field == "lang");
  CHECK(parse_field_mapping("text=story").field == "body");
  CHECK_THROWS_AS(parse_field_mapping("title"), Error);
  CHECK_THROWS_AS(parse_field_mapping("headline=x"), Error);
  CHECK_THROWS_AS(parse_field_mapping("title="), Error);
  CHECK_THROWS_AS(parse_field_mapping("title=a..b"), Error);
  try {
    parse_field_mapping("bogus=x");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("unknown article field"));
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

TEST_CASE("json reader: a single object is the file's article", "[ingest][json]") {
  InputFile input(kFixtures / "single-object.json");
  Collected got;
  read_json(input, got.context("single-object.json"));
  REQUIRE(got.articles.size() == 1);
  const Article& a = got.articles[0];
  CHECK(a.source == "single-object.json");
  CHECK(a.title == "Glacier Retreat Measured By Drone Survey");
  CHECK(a.outlet == "Alpine Science News");
  CHECK(a.author == "Mara Keller, Tom Ruiz");
  CHECK(a.body ==
        "Researchers measured the retreat of the valley glacier with a drone survey.\n"
        "The ice front moved back forty metres in a year.");
  CHECK(a.category == "Science");
  CHECK(got.rejects.empty());
}

TEST_CASE("json reader: arrays are streamed, records numbered, bad ones skipped",
          "[ingest][json]") {
  const Collected got = read_json_text(
      "\xEF\xBB\xBF[\n"
      "  {\"title\": \"One\", \"link\": \"https://e.com/1\"},\n"
      "  {\"title\": \"Two\" \"oops\": 1},\n"  // 2: malformed, line 3
      "  [1, 2],\n"                            // 3: not an object
      "  {},\n"                                // 4: identifies nothing
      "  \"text\",\n"                          // 5: not an object
      "  {\"title\": \"Six, {with} [brackets] and \\\"quotes\\\"\"}, {\"title\": \"Seven\"}\n"
      "]\n");
  REQUIRE(got.articles.size() == 3);
  CHECK(got.articles[0].source == "x.json:1");
  CHECK(got.articles[1].title == "Six, {with} [brackets] and \"quotes\"");
  CHECK(got.articles[1].source == "x.json:6");
  CHECK(got.articles[2].source == "x.json:7");
  INFO(got.rejects_text());
  REQUIRE(got.rejects.size() == 4);
  CHECK(got.rejects[0].first == 2);
  CHECK_THAT(got.rejects[0].second, Catch::Contains("malformed JSON") && Catch::Contains("line 3"));
  CHECK(got.rejects[1].first == 3);
  CHECK_THAT(got.rejects[1].second, Catch::Contains("not a JSON object"));
  CHECK(got.rejects[2].first == 4);
  CHECK(got.rejects[3].first == 5);
}

TEST_CASE("json reader: sequences, API wrappers, truncation and hostile input", "[ingest][json]") {
  // NDJSON in a .json file, or objects one after another.
  Collected seq = read_json_text("{\"title\": \"A\"}\n{\"title\": \"B\"} {\"title\": \"C\"}");
  REQUIRE(seq.articles.size() == 3);
  CHECK(seq.articles[0].source == "x.json:1");
  CHECK(seq.articles[2].source == "x.json:3");

  InputFile api(kFixtures / "newsapi-response.json");
  Collected wrapped;
  read_json(api, wrapped.context("api.json"));
  REQUIRE(wrapped.articles.size() == 2);
  CHECK(wrapped.articles[0].outlet == "Harbour Herald");
  CHECK(wrapped.articles[0].body == "Dock workers agreed a new three-year contract on Monday.");
  CHECK(wrapped.articles[1].source == "api.json:2");

  Collected truncated = read_json_text("[{\"title\": \"A\"}, {\"title\": \"B");
  CHECK(truncated.articles.size() == 1);
  REQUIRE(truncated.rejects.size() == 1);
  CHECK_THAT(truncated.rejects[0].second, Catch::Contains("truncated"));
  CHECK(truncated.reasons[0] == SkipReason::truncated);

  Collected deep = read_json_text("[" + std::string(200, '[') + std::string(200, ']') +
                                  ", {\"title\": \"After\"}]");
  REQUIRE(deep.articles.size() == 1);
  CHECK(deep.articles[0].title == "After");
  REQUIRE(deep.rejects.size() == 1);
  CHECK_THAT(deep.rejects[0].second, Catch::Contains("nested deeper"));

  Collected big = read_json_text("[{\"body\": \"" + std::string(17u << 20, 'x') +
                                 "\"}, {\"title\": \"Small\"}]");
  REQUIRE(big.articles.size() == 1);
  REQUIRE(big.rejects.size() == 1);
  CHECK_THAT(big.rejects[0].second, Catch::Contains("larger than 16 MiB"));

  Collected bad_utf8 = read_json_text("[{\"title\": \"bad \xff\"}, {\"title\": \"ok\"}]");
  CHECK(bad_utf8.articles.size() == 1);
  CHECK_THAT(bad_utf8.rejects.at(0).second, Catch::Contains("UTF-8"));

  Collected overflow = read_json_text("[{\"title\": \"Big\", \"n\": 1e999}, {\"title\": \"ok\"}]");
  CHECK(overflow.articles.size() == 1);
  CHECK_THAT(overflow.rejects.at(0).second, Catch::Contains("malformed JSON"));

  Collected garbage = read_json_text("hello");
  CHECK(garbage.articles.empty());
  CHECK_THAT(garbage.rejects.at(0).second, Catch::Contains("not JSON"));
  CHECK(read_json_text("  \n ").rejects.empty());  // empty: the caller reports it
}

TEST_CASE("jsonl reader: exporters' names and --map", "[ingest][json]") {
  const std::vector<FieldMapping> maps = {parse_field_mapping("title=meta.h")};
  const FieldMapper mapper(maps);
  const Collected got =
      read_as("x.jsonl",
              "{\"headline\": \"Plain\", \"text\": \"Body\", \"source_domain\": \"d.example\"}\n"
              "{\"meta\": {\"h\": \"Mapped\"}, \"headline\": \"ignored\"}\n",
              [&](InputFile& in, const ReadContext& ctx) { read_jsonl(in, ctx); });
  REQUIRE(got.articles.size() == 2);
  CHECK(got.articles[0].title == "Plain");
  CHECK(got.articles[0].outlet == "d.example");
  CHECK(got.articles[1].title == "ignored");
  const Collected mapped =
      read_as("x.jsonl", "{\"meta\": {\"h\": \"Mapped\"}, \"headline\": \"ignored\"}\n",
              [&](InputFile& in, const ReadContext& ctx) { read_jsonl(in, ctx, mapper); });
  REQUIRE(mapped.articles.size() == 1);
  CHECK(mapped.articles[0].title == "Mapped");
}

// ---------------------------------------------------------------------------------------------
// CSV / TSV

TEST_CASE("csv: dialect detection", "[ingest][csv]") {
  CHECK(detect_csv_dialect("a,b,c\n1,2,3\n4,5,6\n", {}, false).delimiter == ',');
  CHECK(detect_csv_dialect("a;b;c\n1,5;2;3\n4;5,5;6\n", {}, false).delimiter == ';');
  CHECK(detect_csv_dialect("a\tb\n1\t2\n", {}, false).delimiter == '\t');
  CHECK(detect_csv_dialect("a|b\n1|2\n", {}, false).delimiter == '|');
  const CsvDialect normal = detect_csv_dialect("t,b\n\"x, y\",\"it's\"\n'a,b\n", {}, false);
  CHECK(normal.delimiter == ',');
  CHECK(normal.quote == '"');
  // 10kGNAD: ';' and "'" quoting; fields may start with '"' that is text.
  const CsvDialect gnad = detect_csv_dialect(
      "Web;'Text; with \"quotes\" and ''doubled'''\nSport;\"Rapid\" wins at home\nKultur;'a;b'\n",
      {}, false);
  CHECK(gnad.delimiter == ';');
  CHECK(gnad.quote == '\'');
  // TSV: no quoting unless the sample shows it.
  CHECK(detect_csv_dialect("t\tb\n\"Quoted\" start\tx\n", {}, true).quote == '\0');
  CHECK(detect_csv_dialect("t\tb\n\"a\tb\"\tc\n", {}, true).quote == '"');
  // Options win.
  const CsvOptions fixed{.delimiter = ';', .quote = '\'', .no_header = false};
  const CsvDialect forced = detect_csv_dialect("a,b\n", fixed, false);
  CHECK(forced.delimiter == ';');
  CHECK(forced.quote == '\'');
}

TEST_CASE("csv: RFC 4180 quoting, line breaks in fields, CRLF, header names", "[ingest][csv]") {
  InputFile input(kFixtures / "quoted.csv");
  Collected got;
  read_csv(input, got.context("quoted.csv"), builtin_field_mapper(), {}, false);
  INFO(got.rejects_text());
  REQUIRE(got.articles.size() == 3);
  const Article& a = got.articles[0];
  CHECK(a.title == "Council Approves \"Green Belt\" Plan");
  CHECK(a.body ==
        "The council approved the green belt plan on Tuesday, after a long debate.\n"
        "Opponents said they would appeal.");
  CHECK(a.outlet == "Valley Times");
  CHECK(a.author == "Lane, Jo");
  CHECK(a.url == "https://valleytimes.example/green-belt");
  CHECK(a.source == "quoted.csv:2");
  CHECK(got.articles[1].source == "quoted.csv:4");  // the row after the two-line one
  CHECK(got.articles[1].date == "April 3, 2023");
  CHECK(got.articles[2].title.empty());
  CHECK(got.articles[2].source == "quoted.csv:6");  // blank line 5 skipped
  CHECK(got.rejects.empty());
}

TEST_CASE("csv: header-less files with columns named by number", "[ingest][csv]") {
  const std::vector<FieldMapping> maps = {parse_field_mapping("category=0"),
                                          parse_field_mapping("body=1")};
  const FieldMapper mapper(maps);
  InputFile input(kFixtures / "headerless-semicolon.csv");
  Collected got;
  read_csv(input, got.context("g.csv"), mapper, {}, false);
  INFO(got.rejects_text());
  REQUIRE(got.articles.size() == 3);
  CHECK(got.articles[0].category == "Wirtschaft");
  CHECK(got.articles[0].body ==
        "Die Gewerkschaft lanciert den \"All-in-Rechner\"; sie findet, dass die Vertragsform "
        "beschränkt gehört. Es geht um 'Mehrleistungen'.");
  CHECK(got.articles[1].body ==
        "\"Rapid\" gewinnt das Derby deutlich und übernimmt die Tabellenführung in der "
        "Bundesliga.");
  CHECK(got.articles[2].source == "g.csv:3");

  // Without a mapping the file cannot be read: one diagnostic, not one per row.
  const Collected unmapped = read_csv_text("a;b\nc;d\n", builtin_field_mapper());
  CHECK(unmapped.articles.empty());
  REQUIRE(unmapped.rejects.size() == 1);
  CHECK_THAT(unmapped.rejects[0].second, Catch::Contains("--map"));

  // A first row naming known fields is a header even with numeric mappings...
  const std::vector<FieldMapping> by_number = {parse_field_mapping("body=1")};
  const Collected headed =
      read_csv_text("title,story\nT1,Body one\n", FieldMapper(by_number), {}, false);
  REQUIRE(headed.articles.size() == 1);
  CHECK(headed.articles[0].title == "T1");
  CHECK(headed.articles[0].body == "Body one");
  // ...unless --csv-no-header says otherwise.
  const Collected forced = read_csv_text("title,story\nT1,Body one\n", FieldMapper(by_number),
                                         CsvOptions{.no_header = true}, false);
  CHECK(forced.articles.size() == 2);
}

TEST_CASE("csv/tsv: names, dates, and bad rows", "[ingest][csv]") {
  InputFile tsv(kFixtures / "wire.tsv");
  Collected got;
  read_csv(tsv, got.context("wire.tsv"), builtin_field_mapper(), {}, true);
  REQUIRE(got.articles.size() == 2);
  CHECK(got.articles[0].title == "Tram Line Extension Opens");
  CHECK(got.articles[0].outlet == "City Wire");
  CHECK(got.articles[0].category == "Transport");
  CHECK(got.articles[1].date == "2021-06-06T08:00:00Z");  // Unix seconds in a cell

  const Collected bad = read_csv_text(
      "title,body\nGood,Row\nBad \xff,Row\n" + std::string(5000, ',') + "\n\"Open,never closed\n",
      builtin_field_mapper(), CsvOptions{.quote = '"'});  // detection would see no quoting
  REQUIRE(bad.articles.size() == 1);
  INFO(bad.rejects_text());
  REQUIRE(bad.rejects.size() == 3);
  CHECK(bad.rejects[0].first == 3);
  CHECK_THAT(bad.rejects[0].second, Catch::Contains("UTF-8"));
  CHECK_THAT(bad.rejects[1].second, Catch::Contains("columns"));
  CHECK(bad.rejects[2].first == 5);
  CHECK_THAT(bad.rejects[2].second, Catch::Contains("not closed"));
}

// ---------------------------------------------------------------------------------------------
// HTTP and WARC

TEST_CASE("http: response head and chunked bodies", "[ingest][warc]") {
  const auto r = parse_http_response(
      "HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; Charset=\"ISO-8859-1\"\r\n"
      "Transfer-Encoding: chunked\r\nContent-Encoding: GZIP\r\n\r\nbody");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->media_type == "text/html");
  CHECK(r->charset == "iso-8859-1");
  CHECK(r->content_encoding == "gzip");
  CHECK(r->chunked);
  CHECK(r->body == "body");
  CHECK_FALSE(parse_http_response("GET / HTTP/1.1\r\n\r\n"));
  CHECK_FALSE(parse_http_response("HTTP/1.1 200 OK\r\nno end"));
  CHECK(dechunk("4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n") == "Wikipedia");
  CHECK_FALSE(dechunk("9\r\nshort\r\n"));
  CHECK_FALSE(dechunk("zz\r\n"));
}

TEST_CASE("warc: HTML responses become articles, other records are passed over", "[ingest][warc]") {
  InputFile input(kFixtures / "cc-news-sample.warc.gz");  // one gzip member per record
  Collected got;
  read_warc(input, got.context("cc.warc.gz"));
  INFO(got.rejects_text());
  REQUIRE(got.articles.size() == 2);
  const Article& crane = got.articles[0];
  CHECK(crane.title == "Harbour Crane Collapse Halts Night Shift");
  CHECK(crane.url == "https://coastcourier.example/news/harbour-crane-collapse");
  const auto crane_date = parse_date(crane.date);  // the page's own date, as the page gives it
  REQUIRE(crane_date);
  CHECK(crane_date->iso() == "2024-03-05T07:15:00Z");
  CHECK(crane.source == "cc.warc.gz:3");
  const Article& orchard = got.articles[1];
  CHECK(orchard.title == "Orchard Growers Report Record Apple Harvest");
  CHECK(orchard.url == "https://orchardnews.example/2024/03/record-apple-harvest/");  // from WARC
  CHECK(orchard.date == "2024-03-06T12:00:02Z");                                      // WARC-Date
  CHECK(got.rejects.empty());
  CHECK(got.ignored == 4);  // warcinfo, request, image/jpeg, 301 redirect
}

TEST_CASE("warc: chunked and gzip-encoded bodies, resources, bad records", "[ingest][warc]") {
  const std::string html = kArticleHtml;
  std::string chunked;
  for (std::size_t i = 0; i < html.size(); i += 100) {
    const std::string part = html.substr(i, 100);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string warc =
      warc_record(
          "response", "https://a.example/chunked", "2024-01-01T00:00:00Z",
          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
              chunked) +
      warc_record("response", "<https://b.example/gzip>", "2024-01-02T00:00:00Z",
                  "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gzip_bytes(html)) +
      warc_record("resource", "https://c.example/page", "2024-01-03T00:00:00Z", html,
                  "Content-Type: text/html\r\n") +
      warc_record("response", "https://d.example/", "2024-01-04T00:00:00Z", "not an HTTP response");
  const Collected got = read_warc_text(warc);
  INFO(got.rejects_text());
  REQUIRE(got.articles.size() == 3);
  CHECK(got.articles[0].url == "https://a.example/chunked");
  CHECK(got.articles[1].url == "https://b.example/gzip");  // angle brackets removed
  CHECK(got.articles[1].date == "2024-01-02T00:00:00Z");
  CHECK(got.articles[2].url == "https://c.example/page");
  REQUIRE(got.rejects.size() == 1);
  CHECK(got.rejects[0].first == 4);
  CHECK_THAT(got.rejects[0].second, Catch::Contains("without an HTTP response"));

  // A truncated record, and something that is no WARC at all.
  const std::string whole = warc_record("response", "https://e.example/", "2024-01-05T00:00:00Z",
                                        "HTTP/1.1 200 OK\r\n\r\n" + html);
  const Collected truncated = read_warc_text(whole.substr(0, whole.size() - 200));
  REQUIRE(truncated.rejects.size() == 1);
  CHECK_THAT(truncated.rejects[0].second, Catch::Contains("truncated"));
  CHECK(truncated.reasons[0] == SkipReason::truncated);
  const Collected not_warc = read_warc_text("{\"title\": \"json\"}\n");
  REQUIRE(not_warc.rejects.size() == 1);
  CHECK(not_warc.rejects[0].first == 0);
  CHECK_THAT(not_warc.rejects[0].second, Catch::Contains("not a WARC file"));
  const Collected no_length = read_warc_text("WARC/1.0\r\nWARC-Type: response\r\n\r\n");
  CHECK_THAT(no_length.rejects.at(0).second, Catch::Contains("Content-Length"));
}

// ---------------------------------------------------------------------------------------------
// Formats, compression and archives

TEST_CASE("input formats: names through compression, content sniffing", "[ingest][formats]") {
  CHECK(format_of("a.json") == InputFormat::json);
  CHECK(format_of("a.JSON.GZ") == InputFormat::json);
  CHECK(format_of("a.csv.bz2") == InputFormat::csv);
  CHECK(format_of("a.tsv.xz") == InputFormat::tsv);
  CHECK(format_of("CC-NEWS-2024.warc.gz") == InputFormat::warc);
  CHECK(format_of("a.tar.gz") == InputFormat::archive);
  CHECK(format_of("a.tgz") == InputFormat::archive);
  CHECK(format_of("a.tar.zst") == InputFormat::archive);
  CHECK(format_of("a.zip") == InputFormat::archive);
  CHECK(format_of("a.gz") == InputFormat::unsupported);
  CHECK(format_of("dir.v2/file") == InputFormat::unsupported);
  CHECK(is_compressed_name("x.json.zst"));
  CHECK_FALSE(is_compressed_name("x.json"));
  CHECK(has_foreign_extension("logo.png"));
  CHECK(has_foreign_extension("paper.pdf.gz"));
  CHECK_FALSE(has_foreign_extension("data"));
  CHECK_FALSE(has_foreign_extension("data.gz"));
  CHECK_FALSE(has_foreign_extension("x.jsonl"));
  CHECK(sniff_format("\xEF\xBB\xBF  WARC/1.1\r\n") == InputFormat::warc);
  CHECK(sniff_format("\n [{\"a\":1}]") == InputFormat::json);
  CHECK(sniff_format("<!DOCTYPE HTML><html>") == InputFormat::html);
  CHECK(sniff_format("Just text") == InputFormat::unsupported);
  CHECK(is_documentation("bbc/README.TXT"));
  CHECK(is_documentation("LICENSE"));
  CHECK_FALSE(is_documentation("readme-the-news.txt"));
}

TEST_CASE("compressed files: bzip2, xz and zstd read transparently", "[ingest][formats]") {
  for (const std::string kind : {"bz2", "xz", "zst"}) {
    InputFile input(kFixtures / ("records.jsonl." + kind));
    Collected got;
    read_jsonl(input, got.context(kind));
    REQUIRE(got.articles.size() == 2);
    CHECK(got.articles[0].id == kind + "-1");
    CHECK(got.articles[1].title == "Compressed " + kind + " record two");
  }
}

TEST_CASE("archives: members listed and read through libarchive", "[ingest][archive]") {
  ExpansionGuard guard(fs::file_size(kFixtures / "bundle.zip"));
  ArchiveReader zip(kFixtures / "bundle.zip", guard, true);
  std::map<std::string, std::string> members;
  while (zip.next()) {
    REQUIRE(zip.is_container());
    InputFile data(zip.member());
    members[zip.member_name()] = data.read_all(1 << 20);
  }
  CHECK(members.size() == 4);  // directories are not members
  CHECK(members.at("notes/ferry.txt").starts_with("Title: Bravo Ferry Timetable"));
  CHECK(members.count("README.txt") == 1);

  // A plain file is one member, not a container.
  ExpansionGuard guard2(1000);
  ArchiveReader plain(kFixtures / "wire.tsv", guard2, true);
  REQUIRE(plain.next());
  CHECK_FALSE(plain.is_container());
  CHECK_FALSE(plain.next());

  CHECK_THROWS_AS(ArchiveReader(kFixtures / "missing.zip", guard2, true), Error);
  CHECK(gunzip(gzip_bytes("hello"), 100) == "hello");
  CHECK_THROWS_AS(gunzip(gzip_bytes(std::string(1000, 'x')), 100), Error);
  CHECK_THROWS_AS(gunzip(std::string("\x1f\x8b\x08\x00garbage", 12), 100), Error);
}

TEST_CASE("archive reader: members of tarballs and zips named archive!member",
          "[ingest][archive]") {
  const ReadAll got = read_all({kFixtures / "bundle.tar.gz", kFixtures / "bundle.zip"});
  INFO(got.diagnostics.size());
  CHECK(got.diagnostics.empty());
  REQUIRE(got.articles.size() == 5);
  const std::string tar = (kFixtures / "bundle.tar.gz").string();
  const Article* tug = got.by_title("Tug Crews Vote To Strike Over Rosters");
  REQUIRE(tug != nullptr);
  CHECK(tug->source == tar + "!posts/news_0000001.json");
  CHECK(tug->outlet == "harbourgazette.example");
  CHECK(tug->date == "2024-02-10T16:00:00Z");
  CHECK(tug->lang == "en");
  const Article* keeper = got.by_title("Lighthouse Keeper Retires After Forty Years");
  REQUIRE(keeper != nullptr);  // empty "title", taken from thread.title
  const Article* nested = got.by_title("Nested Gzip Member Is Read");
  REQUIRE(nested != nullptr);
  CHECK(nested->source == tar + "!extra/more.jsonl.gz:1");
  const Article* ferry = got.by_title("Bravo Ferry Timetable Changes From Monday");
  REQUIRE(ferry != nullptr);
  CHECK(ferry->source == (kFixtures / "bundle.zip").string() + "!notes/ferry.txt");
  CHECK(ferry->id.starts_with("ferry-"));
  const Article* flood = got.by_title("River Flood Warning Issued For Valley Towns");
  REQUIRE(flood != nullptr);
  CHECK(flood->url == "https://valleytimes.example/news/river-flood-warning");
  CHECK(got.report.files == 5);
  CHECK(got.report.ignored == 3);  // LICENSE, README.txt, logo.png
  // Ids do not change between runs.
  const ReadAll again = read_all({kFixtures / "bundle.zip"});
  REQUIRE(again.by_title(ferry->title) != nullptr);
  CHECK(again.by_title(ferry->title)->id == ferry->id);
}

TEST_CASE("archive reader: corrupt archives, nesting depth, bombs", "[ingest][archive]") {
  TempDir dir;
  // A truncated tar.gz: what was read is kept, the rest is reported.
  const std::string article = "{\"title\": \"Kept\", \"body\": \"x\"}";
  std::string noise;  // incompressible, so that half the gzip stream is half the tar
  for (unsigned x = 1; noise.size() < 200000;) {
    x = x * 1103515245u + 12345u;
    noise.push_back(static_cast<char>('a' + (x >> 16) % 26));
  }
  std::string tar = make_tar({{"a.json", article}, {"b.json", "{\"body\": \"" + noise + "\"}"}});
  const std::string gz = gzip_bytes(tar);
  write_file(dir / "cut.tar.gz", gz.substr(0, gz.size() / 2));
  const ReadAll cut = read_all({dir / "cut.tar.gz"});
  CHECK(cut.articles.size() == 1);
  CHECK(cut.warned("cut.tar.gz!b.json"));

  // Archives in archives in archives... up to kMaxArchiveDepth levels.
  std::string nested = make_tar({{"deep.json", article}});
  for (int level = 0; level < 3; ++level)
    nested = make_tar({{"level.tar", nested}});
  write_file(dir / "nest.tar", nested);
  const ReadAll deep = read_all({dir / "nest.tar"});
  CHECK(deep.articles.empty());
  CHECK(deep.warned("nest.tar!level.tar!level.tar!level.tar", "nested"));
  std::string shallow = make_tar({{"deep.json", article}});
  for (int level = 0; level < 2; ++level)
    shallow = make_tar({{"level", shallow}});  // no extension: recognised by content
  write_file(dir / "shallow.tar", shallow);
  const ReadAll ok = read_all({dir / "shallow.tar"});
  REQUIRE(ok.articles.size() == 1);
  CHECK(ok.articles[0].source == (dir / "shallow.tar").string() + "!level!level!deep.json");

  // A gzip bomb: 80 MiB of blank lines in a few hundred KiB.
  {
    gzFile f = gzopen((dir / "bomb.jsonl.gz").c_str(), "wb9");
    REQUIRE(f != nullptr);
    const std::string line = article + "\n" + std::string(1 << 20, '\n');
    for (int i = 0; i < 80; ++i)
      gzwrite(f, line.data(), static_cast<unsigned>(line.size()));
    gzclose(f);
  }
  const ReadAll bomb = read_all({dir / "bomb.jsonl.gz"});
  CHECK(bomb.articles.size() >= 1);
  CHECK(bomb.warned("bomb.jsonl.gz", "zip bomb"));

  // Member counts are bounded too.
  ExpansionGuard guard(1);
  CHECK_THROWS_AS(
      [&] {
        for (std::size_t i = 0; i <= kMaxArchiveMembers; ++i)
          guard.add_member();
      }(),
      Error);
  CHECK(guard.tripped());
}

TEST_CASE("article reader: every fixture, formats found by name and content", "[ingest][reader]") {
  TempDir dir;
  fs::copy_file(kFixtures / "webhose-post.json", dir / "post");  // no extension: sniffed
  ReadOptions options;
  options.field_map = {parse_field_mapping("category=0"), parse_field_mapping("body=1")};
  const ReadAll got = read_all({kFixtures / "headerless-semicolon.csv", dir / "post"}, options);
  INFO(got.diagnostics.size());
  REQUIRE(got.articles.size() == 4);
  CHECK(got.articles[0].category == "Wirtschaft");
  CHECK(got.articles[0].lang == "de");
  const Article& post = got.articles[3];
  CHECK(post.source == (dir / "post").string());
  CHECK(post.outlet == "quaysidepost.example");  // not mapped: built-in names
  CHECK(post.category.empty());                  // mapped to column 0, which JSON lacks
  CHECK(post.body.empty());

  const ReadAll all = read_all({kFixtures});
  // Everything but the header-less CSV, which needs --map (one diagnostic).
  CHECK(all.articles.size() == 26);
  REQUIRE(all.diagnostics.size() == 1);
  CHECK_THAT(all.diagnostics[0].location, Catch::EndsWith("headerless-semicolon.csv"));
  const Article* harvest = all.by_title("Orchard Growers Report Record Apple Harvest");
  REQUIRE(harvest != nullptr);
  CHECK(harvest->date == "2024-03-06T12:00:02Z");
  CHECK(harvest->id.starts_with("orchardnews.example-"));
  const Article* webz = all.by_title("Ferry Fares Frozen For Another Year - Quayside Post");
  REQUIRE(webz != nullptr);
  CHECK(webz->lang == "en");  // "english"
  CHECK(webz->date == "2023-12-28T21:57:00Z");
  CHECK(webz->category == "Economy, Business and Finance");
}
