// End-to-end tests: run the real nindex and nsearch binaries on the sample corpus (and, when it
// is present, the shared Reuters-21578 collection) and check what a user sees: exit codes,
// stdout, stderr and the JSON output. Every test case builds its own database in a TempDir.
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "database_files.hpp"
#include "run_command.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::shell_quote;
using nsearch::test::table_bytes;
using nsearch::test::TempDir;

namespace {

using Args = std::vector<std::string>;
using Counts = std::map<std::string, std::size_t>;

const fs::path kCorpus = NSEARCH_CORPUS_DIR;
const std::string kNindex = NINDEX_BIN;
const std::string kNsearch = NSEARCH_BIN;

const std::string kSeedTitle = "Mali Makes Deal With Russian Mercenaries, Snubs France";
const std::string kSeedOutlet = "The New Diplomat";

// A query that matches every article of the sample corpus (English, French and German) without
// relying on content words; its hits are ranked alike, so the options decide what is seen.
const std::string kEverything = "lang:en OR lang:fr OR lang:de";

// ---------------------------------------------------------------------------------------------
// Small utilities

Args concat(Args a, const Args& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string join(const Args& args) {
  std::string s;
  for (const auto& a : args)
    s += (s.empty() ? "" : " ") + shell_quote(a);
  return s;
}

std::string lowercase(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains_ci(const std::string& haystack, const std::string& needle) {
  return lowercase(haystack).find(lowercase(needle)) != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

/// A string field of a JSON object, or "" when it is missing or null.
std::string field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  REQUIRE(out.good());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Reads a file, gunzipping it when it is gzip-compressed (zlib reads plain files as they are).
std::string read_maybe_gz(const fs::path& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  REQUIRE(in != nullptr);
  std::string data;
  std::array<char, 1 << 16> buf{};
  int n = 0;
  while ((n = gzread(in, buf.data(), static_cast<unsigned>(buf.size()))) > 0)
    data.append(buf.data(), static_cast<std::size_t>(n));
  gzclose(in);
  REQUIRE(n == 0);
  return data;
}

void write_gz(const fs::path& path, const std::string& content) {
  gzFile out = gzopen(path.c_str(), "wb");
  REQUIRE(out != nullptr);
  REQUIRE(gzwrite(out, content.data(), static_cast<unsigned>(content.size())) ==
          static_cast<int>(content.size()));
  REQUIRE(gzclose(out) == Z_OK);
}

/// The records of a JSON Lines file (optionally gzipped); blank lines are ignored.
std::vector<json> read_jsonl(const fs::path& path) {
  std::vector<json> records;
  for (const auto& line : lines_of(read_maybe_gz(path))) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    records.push_back(json::parse(line));
  }
  return records;
}

/// All JSONL records of the sample corpus.
std::vector<json> corpus_records() {
  std::vector<json> records;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (entry.is_regular_file() && entry.path().extension() == ".jsonl") {
      auto more = read_jsonl(entry.path());
      records.insert(records.end(), more.begin(), more.end());
    }
  }
  return records;
}

/// The number of articles in the sample corpus: one per .txt file, one per JSONL record.
std::size_t corpus_document_count() {
  std::size_t n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (!entry.is_regular_file()) continue;
    if (entry.path().extension() == ".txt") ++n;
    if (entry.path().extension() == ".jsonl") n += read_jsonl(entry.path()).size();
  }
  return n;
}

/// How many corpus JSONL records satisfy `pred`.
template <typename Pred>
std::size_t count_records(const std::vector<json>& records, Pred pred) {
  return static_cast<std::size_t>(std::count_if(records.begin(), records.end(), pred));
}

/// Whether an article date ("2021-09-22" or "2021-09-22T10:00:00Z") falls in [since, until],
/// where the bounds are a year, a month or a day and are inclusive; empty bounds are open.
bool date_in_range(const std::string& date, const std::string& since, const std::string& until) {
  if (date.empty()) return false;
  return date.substr(0, since.size()) >= since && date.substr(0, until.size()) <= until;
}

// ---------------------------------------------------------------------------------------------
// Running the binaries

CommandResult run_nindex(const fs::path& db, const Args& args, const Args& env = {}) {
  return run_command(concat({kNindex, "--db", db.string()}, args), env);
}

CommandResult run_nsearch(const fs::path& db, const Args& args, const Args& env = {"NO_COLOR=1"}) {
  return run_command(concat({kNsearch, "--db", db.string()}, args), env);
}

/// Runs `argv` with `dir` as the working directory.
CommandResult run_in(const fs::path& dir, const Args& argv, const Args& env) {
  return run_command(
      concat({"sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", dir.string()}, argv), env);
}

/// `nindex add PATHS` must succeed without warnings.
void index_ok(const fs::path& db, const Args& paths) {
  const CommandResult r = run_nindex(db, concat({"add"}, paths));
  INFO("nindex add " << join(paths) << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.err.find("warning") == std::string::npos);
}

void index_corpus(const fs::path& db) {
  index_ok(db, {kCorpus.string()});
}

json stats_json(const fs::path& db, const Args& env = {}) {
  const CommandResult r = run_nindex(db, {"stats", "--json"}, env);
  INFO("stderr: " << r.err << "\nstdout: " << r.out);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

/// Runs `nsearch ARGS --json` (the query must come first in ARGS) and parses its output.
json search_json(const fs::path& db, const Args& args) {
  const CommandResult r = run_nsearch(db, concat(args, {"--json"}));
  INFO("nsearch " << join(args) << " --json\nstderr: " << r.err << "\nstdout: " << r.out);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  REQUIRE(r.err.empty());
  json j = json::parse(r.out);
  CHECK(r.exit_code == (j.at("total").get<std::size_t>() > 0 ? 0 : 1));  // matches, like grep
  return j;
}

/// Every hit for `query` (plus options): asks for up to 10000 and checks that is all of them.
json all_hits(const fs::path& db, const std::string& query, const Args& options = {}) {
  const json j = search_json(db, concat({query, "--limit", "10000"}, options));
  INFO("query: " << query << " " << join(options));
  REQUIRE(j.at("total").get<std::size_t>() == j.at("hits").size());
  return j.at("hits");
}

std::set<std::string> ids_of(const json& hits) {
  std::set<std::string> ids;
  for (const auto& h : hits)
    ids.insert(h.at("id").get<std::string>());
  return ids;
}

std::set<std::string> ids(const fs::path& db, const std::string& query, const Args& options = {}) {
  return ids_of(all_hits(db, query, options));
}

std::set<std::string> union_of(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> r;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::inserter(r, r.end()));
  return r;
}
std::set<std::string> intersection_of(const std::set<std::string>& a,
                                      const std::set<std::string>& b) {
  std::set<std::string> r;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(r, r.end()));
  return r;
}
std::set<std::string> difference_of(const std::set<std::string>& a,
                                    const std::set<std::string>& b) {
  std::set<std::string> r;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(r, r.end()));
  return r;
}

/// A facet list [{"value", "count"}] as a map.
Counts counts_of(const json& list) {
  Counts counts;
  for (const auto& item : list) {
    const auto value = item.at("value").get<std::string>();
    CHECK(counts.count(value) == 0);  // each value listed once
    counts[value] = item.at("count").get<std::size_t>();
  }
  return counts;
}

/// The facet counts a user would compute from the hits themselves.
Counts recount(const json& hits, const std::string& facet) {
  Counts counts;
  for (const auto& h : hits) {
    std::string value;
    if (facet == "year") {
      value = field(h, "date").substr(0, 4);
    } else if (facet == "month") {
      value = field(h, "date").substr(0, 7);
    } else {
      value = field(h, facet.c_str());
    }
    if (!value.empty()) ++counts[value];
  }
  return counts;
}

/// The first line of text output that starts with "1. ", i.e. the first hit's title line.
std::string first_hit_line(const std::string& out) {
  for (const auto& line : lines_of(out)) {
    if (line.rfind("1. ", 0) == 0) return line;
  }
  return {};
}

/// The nindex summary line on stderr ("nindex: N articles from M files: ... added ...").
std::string summary_line(const std::string& err) {
  for (const auto& line : lines_of(err)) {
    if (line.rfind("nindex: ", 0) == 0 && line.find(" added, ") != std::string::npos &&
        line.find(" skipped") != std::string::npos)
      return line;
  }
  return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// 1. Indexing the sample corpus

TEST_CASE("nindex add indexes the sample corpus and stats --json describes it", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  const std::vector<json> records = corpus_records();
  const std::size_t expected = corpus_document_count();
  REQUIRE(expected > records.size());  // the .txt articles come on top of the JSONL records

  const CommandResult add = run_nindex(db, {"add", kCorpus.string()});
  INFO("stderr: " << add.err);
  CHECK(add.exit_code == 0);
  CHECK(add.out.empty());  // the summary goes to stderr
  const std::string summary = summary_line(add.err);
  REQUIRE_FALSE(summary.empty());
  CHECK_THAT(summary, Contains(std::to_string(expected) + " articles"));
  CHECK_THAT(summary, Contains(std::to_string(expected) + " added"));
  CHECK_THAT(summary, Contains("0 skipped"));
  CHECK(add.err.find("warning") == std::string::npos);
  CHECK(fs::exists(db));

  const json stats = stats_json(db);
  CHECK(stats.at("documents").get<std::size_t>() == expected);

  const Counts outlets = counts_of(stats.at("outlets"));
  REQUIRE(outlets.count(kSeedOutlet) == 1);
  CHECK(outlets.at(kSeedOutlet) == 1);
  Counts jsonl_outlets;
  for (const auto& r : records)
    ++jsonl_outlets[field(r, "outlet")];
  for (const auto& [outlet, count] : jsonl_outlets) {
    INFO("outlet " << outlet);
    REQUIRE(outlets.count(outlet) == 1);
    CHECK(outlets.at(outlet) == count);
  }

  const Counts languages = counts_of(stats.at("languages"));
  for (const char* lang : {"en", "fr", "de"}) {
    INFO("language " << lang);
    REQUIRE(languages.count(lang) == 1);
  }
  std::size_t languages_total = 0;
  for (const auto& [lang, count] : languages)
    languages_total += count;
  CHECK(languages_total == expected);  // every article has a language
  CHECK(languages.at("fr") ==
        count_records(records, [](const json& r) { return field(r, "lang") == "fr"; }));
  CHECK(languages.at("de") ==
        count_records(records, [](const json& r) { return field(r, "lang") == "de"; }));

  REQUIRE(stats.at("date_min").is_string());
  REQUIRE(stats.at("date_max").is_string());
  std::string min_date = "9999", max_date = "0000";
  for (const auto& r : records) {
    const std::string day = field(r, "date").substr(0, 10);
    if (day.empty()) continue;
    min_date = std::min(min_date, day);
    max_date = std::max(max_date, day);
  }
  CHECK(stats.at("date_min").get<std::string>().substr(0, 10) == min_date);
  CHECK(stats.at("date_max").get<std::string>().substr(0, 10) == max_date);

  // The text form says the same.
  const CommandResult text = run_nindex(db, {"stats"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Contains(std::to_string(expected)));
  CHECK_THAT(text.out, Contains(kSeedOutlet));
}

// ---------------------------------------------------------------------------------------------
// 2. Text output

TEST_CASE("nsearch text output puts the seed first for 'Russian contractor'", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);

  const CommandResult r = run_nsearch(db, {"Russian contractor"}, {"NO_COLOR=1"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(first_hit_line(r.out) == "1. " + kSeedTitle);
  CHECK_THAT(r.out, Contains(kSeedOutlet));
  CHECK(r.out.find('\x1b') == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// 3. JSON output

TEST_CASE("nsearch --json prints one object with hits, nulls for unknown fields, and facets",
          "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);

  const std::string query = "mercenaries AND Sahel";
  const CommandResult r = run_nsearch(db, {query, "--facets", "outlet,year", "--json"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(lines_of(r.out).size() == 1);  // one JSON object on one line
  const json j = json::parse(r.out);

  for (const char* key : {"query", "total", "offset", "hits", "facets"}) {
    INFO("key " << key);
    CHECK(j.contains(key));
  }
  CHECK(j.at("query") == query);
  CHECK(j.at("offset") == 0);
  const json& hits = j.at("hits");
  REQUIRE(hits.is_array());
  REQUIRE_FALSE(hits.empty());
  CHECK(j.at("total").get<std::size_t>() >= hits.size());

  const json* seed = nullptr;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const json& h = hits[i];
    INFO("hit " << h.dump());
    for (const char* key : {"rank", "id", "score", "title", "outlet", "date", "author", "url",
                            "lang", "category", "snippet"}) {
      INFO("key " << key);
      REQUIRE(h.contains(key));
    }
    CHECK(h.at("rank") == i + 1);
    CHECK(h.at("id").is_string());
    CHECK_FALSE(h.at("id").get<std::string>().empty());
    CHECK(h.at("score").is_number());
    for (const char* key :
         {"title", "outlet", "date", "author", "url", "lang", "category", "snippet"}) {
      INFO("key " << key);
      CHECK((h.at(key).is_string() || h.at(key).is_null()));
      if (h.at(key).is_string()) CHECK_FALSE(h.at(key).get<std::string>().empty());
    }
    if (field(h, "title") == kSeedTitle) seed = &h;
  }
  REQUIRE(seed != nullptr);
  CHECK(field(*seed, "outlet") == kSeedOutlet);
  CHECK(field(*seed, "lang") == "en");
  // The seed is a text dump without a date, URL or category: those are null, not "". Its
  // credit line "Agency Report" is the author.
  CHECK(seed->at("date").is_null());
  CHECK(field(*seed, "author") == "Agency Report");
  CHECK(seed->at("url").is_null());
  CHECK(seed->at("category").is_null());
  const std::string snippet = field(*seed, "snippet");
  CHECK((contains_ci(snippet, "sahel") || contains_ci(snippet, "mercenar")));
  if (seed->contains("highlights")) {
    for (const auto& range : seed->at("highlights")) {
      const auto begin = range.at(0).get<std::size_t>();
      const auto end = range.at(1).get<std::size_t>();
      REQUIRE(begin < end);
      REQUIRE(end <= snippet.size());
      const std::string word = lowercase(snippet.substr(begin, end - begin));
      CHECK((word.rfind("sahel", 0) == 0 || word.rfind("mercenar", 0) == 0));
    }
  }

  const json& facets = j.at("facets");
  REQUIRE(facets.contains("outlet"));
  REQUIRE(facets.contains("year"));
  const Counts outlets = counts_of(facets.at("outlet"));
  REQUIRE(outlets.count(kSeedOutlet) == 1);
  CHECK(outlets == recount(hits, "outlet"));
  CHECK(counts_of(facets.at("year")) == recount(hits, "year"));
}

// ---------------------------------------------------------------------------------------------
// 4. Query language

TEST_CASE("nsearch query language: stemming, fields, boolean operators, phrases", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  const std::vector<json> records = corpus_records();
  // Articles that tell the features apart where the sample corpus cannot.
  const fs::path extra = tmp / "extra.jsonl";
  write_file(extra,
             R"({"id": "extra-contractors-only", "title": "Dredging Tender Draws Three Bidders", )"
             R"("outlet": "Test Wire", "date": "2022-01-10", "lang": "en", "body": "Three )"
             R"(contractors have bid for the harbour dredging work, officials said."})"
             "\n"
             R"({"id": "extra-mercenaries-in-body", "title": "Ministers Debate Security )"
             R"(Budget", "outlet": "Test Wire", "date": "2022-01-11", "lang": "en", "body": )"
             R"("Opposition members asked whether foreign mercenaries had been paid from the )"
             R"(security budget."})"
             "\n"
             R"({"id": "extra-crude-apart-from-oil", "title": "Refinery Notes", "outlet": "Test )"
             R"(Wire", "date": "2022-01-12", "lang": "en", "body": "The crude arriving this )"
             R"(week is heavy and sour. Separately, the price of heating oil rose."})"
             "\n");
  index_ok(db, {kCorpus.string(), extra.string()});

  SECTION("stemming: 'contractor' finds an article that only says 'contractors'") {
    const auto hits = ids(db, "contractor");
    CHECK(hits.count("extra-contractors-only") == 1);
    CHECK(hits.count("hg-2024-new-bridge-contractors") == 1);
    CHECK(ids(db, "contractors") == hits);
  }

  SECTION("title: searches titles only") {
    const json hits = all_hits(db, "title:mercenaries");
    REQUIRE_FALSE(hits.empty());
    std::set<std::string> titles;
    for (const auto& h : hits) {
      INFO("title " << field(h, "title"));
      CHECK(contains_ci(field(h, "title"), "mercenar"));
      titles.insert(field(h, "title"));
    }
    CHECK(titles.count(kSeedTitle) == 1);
    const auto found = ids_of(hits);
    CHECK(found.count("smp-2021-wagner-mercenaries-debate") == 1);
    CHECK(found.count("smp-2024-mercenaries-abuses-report") == 1);
    CHECK(found.count("extra-mercenaries-in-body") == 0);
    CHECK(ids(db, "mercenaries").count("extra-mercenaries-in-body") == 1);
  }

  SECTION("outlet: matches the whole outlet name, case-insensitively") {
    for (const std::string q : {R"(outlet:"the new diplomat")", R"(outlet:"THE NEW DIPLOMAT")",
                                R"(outlet:"The New Diplomat")"}) {
      INFO("query " << q);
      const json hits = all_hits(db, q);
      REQUIRE(hits.size() == 1);
      CHECK(field(hits[0], "title") == kSeedTitle);
      CHECK(field(hits[0], "outlet") == kSeedOutlet);
    }
    const json gazette = all_hits(db, R"(outlet:"the harbour gazette")");
    CHECK(gazette.size() == count_records(records, [](const json& r) {
            return field(r, "outlet") == "The Harbour Gazette";
          }));
    for (const auto& h : gazette)
      CHECK(field(h, "outlet") == "The Harbour Gazette");
  }

  SECTION("lang: keeps one language") {
    const json hits = all_hits(db, "lang:fr");
    CHECK(hits.size() ==
          count_records(records, [](const json& r) { return field(r, "lang") == "fr"; }));
    for (const auto& h : hits)
      CHECK(field(h, "lang") == "fr");
  }

  SECTION("category: keeps one category, case-insensitively") {
    const std::size_t expected =
        count_records(records, [](const json& r) { return field(r, "category") == "Business"; });
    REQUIRE(expected > 0);
    for (const std::string q : {"category:Business", "category:business"}) {
      INFO("query " << q);
      const json hits = all_hits(db, q);
      CHECK(hits.size() == expected);
      for (const auto& h : hits)
        CHECK(field(h, "category") == "Business");
    }
    // A non-ASCII category.
    const json economie = all_hits(db, "category:économie");
    CHECK(economie.size() ==
          count_records(records, [](const json& r) { return field(r, "category") == "Économie"; }));
    for (const auto& h : economie)
      CHECK(field(h, "category") == "Économie");
  }

  SECTION("author: finds an author by surname") {
    const auto by_holt = [](const json& r) {
      const std::string a = field(r, "author");
      return a.size() >= 4 && a.substr(a.size() - 4) == "Holt";
    };
    const std::size_t expected = count_records(records, by_holt);
    REQUIRE(expected > 0);
    const json hits = all_hits(db, "author:holt");
    CHECK(hits.size() == expected);
    for (const auto& h : hits)
      CHECK(by_holt(h));
    CHECK(ids(db, R"(author:"maren holt")") == ids_of(hits));
  }

  SECTION("NOT, OR and parentheses combine result sets") {
    const auto crude = ids(db, "crude");
    const auto opec = ids(db, "opec");
    const auto rohoel = ids(db, "Rohöl");
    REQUIRE_FALSE(crude.empty());
    REQUIRE_FALSE(opec.empty());
    REQUIRE_FALSE(rohoel.empty());

    const auto crude_not_opec = ids(db, "crude NOT opec");
    CHECK(crude_not_opec == difference_of(crude, opec));
    CHECK_FALSE(crude_not_opec.empty());
    CHECK(crude_not_opec.size() < crude.size());

    CHECK(ids(db, "crude OR Rohöl") == union_of(crude, rohoel));

    const auto grouped_left = ids(db, "(crude OR Rohöl) AND opec");
    const auto grouped_right = ids(db, "crude OR (Rohöl AND opec)");
    CHECK(grouped_left == intersection_of(union_of(crude, rohoel), opec));
    CHECK(grouped_right == union_of(crude, intersection_of(rohoel, opec)));
    CHECK(grouped_left != grouped_right);
  }

  SECTION("a phrase needs the words together, plain words do not") {
    const auto words = ids(db, "crude oil");
    const auto phrase = ids(db, "\"crude oil\"");
    CHECK(words.count("extra-crude-apart-from-oil") == 1);
    CHECK(phrase.count("extra-crude-apart-from-oil") == 0);
    CHECK(difference_of(phrase, words).empty());
    for (const char* id : {"hg-2019-opec-output-cut", "hg-2020-crude-oil-storage-glut",
                           "hg-2024-crude-oil-tanker-detours", "nl-2022-crude-oil-price-surge",
                           "smp-2023-crude-oil-pipeline-exports"}) {
      INFO("id " << id);
      CHECK(phrase.count(id) == 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Options

TEST_CASE("nsearch options: paging, filters, dates, sorting and facets", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);
  const std::vector<json> records = corpus_records();
  const json everything = all_hits(db, kEverything);
  REQUIRE(everything.size() == corpus_document_count());

  SECTION("--limit and --offset page through the same ranking") {
    const std::size_t page_size = 7;
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < everything.size() + page_size; offset += page_size) {
      INFO("offset " << offset);
      const json page = search_json(db, {kEverything, "--limit", std::to_string(page_size),
                                         "--offset", std::to_string(offset)});
      CHECK(page.at("offset") == offset);
      if (page.at("total_exact").get<bool>()) CHECK(page.at("total") == everything.size());
      const json& hits = page.at("hits");
      CHECK(hits.size() ==
            std::min(page_size, everything.size() - std::min(offset, everything.size())));
      for (std::size_t i = 0; i < hits.size(); ++i) {
        CHECK(hits[i].at("rank") == offset + i + 1);
        paged.push_back(hits[i].at("id").get<std::string>());
      }
    }
    std::vector<std::string> full;
    for (const auto& h : everything)
      full.push_back(h.at("id").get<std::string>());
    CHECK(paged == full);  // same order, no overlap, nothing missing
    CHECK(std::set<std::string>(paged.begin(), paged.end()).size() == paged.size());
  }

  SECTION("--outlet is repeatable and case-insensitive") {
    const json hits = all_hits(db, kEverything,
                               {"--outlet", "the harbour gazette", "--outlet", "NORTHERN LEDGER"});
    CHECK(hits.size() == count_records(records, [](const json& r) {
            return field(r, "outlet") == "The Harbour Gazette" ||
                   field(r, "outlet") == "Northern Ledger";
          }));
    std::set<std::string> outlets;
    for (const auto& h : hits)
      outlets.insert(field(h, "outlet"));
    CHECK(outlets == std::set<std::string>{"The Harbour Gazette", "Northern Ledger"});

    const json diplomat = all_hits(db, kEverything, {"--outlet", "the new diplomat"});
    REQUIRE(diplomat.size() == 1);
    CHECK(field(diplomat[0], "title") == kSeedTitle);
  }

  SECTION("--lang is repeatable") {
    const json fr = all_hits(db, kEverything, {"--lang", "fr"});
    CHECK(fr.size() ==
          count_records(records, [](const json& r) { return field(r, "lang") == "fr"; }));
    for (const auto& h : fr)
      CHECK(field(h, "lang") == "fr");

    const json fr_de = all_hits(db, kEverything, {"--lang", "fr", "--lang", "de"});
    CHECK(fr_de.size() == count_records(records, [](const json& r) {
            return field(r, "lang") == "fr" || field(r, "lang") == "de";
          }));
    for (const auto& h : fr_de)
      CHECK((field(h, "lang") == "fr" || field(h, "lang") == "de"));
  }

  SECTION("--since and --until are inclusive and take a year, a month or a day") {
    const std::vector<std::pair<std::string, std::string>> ranges = {
        {"2021", "2021"},
        {"2021-09", "2021-09"},
        {"2021-09-24", ""},
        {"", "2019-03-14"},
        {"2021-09-22", "2021-09-26"},
        {"2020-02", "2021-05-30"},
        {"2024-11-19", "2024-11-19"},  // a timestamp record on its own day
        {"2019", "2019-09"},
        {"2023-06-14", "2023-06-14"},
    };
    for (const auto& [since, until] : ranges) {
      INFO("--since '" << since << "' --until '" << until << "'");
      Args options;
      if (!since.empty()) options = concat(options, {"--since", since});
      if (!until.empty()) options = concat(options, {"--until", until});
      const json hits = all_hits(db, kEverything, options);
      for (const auto& h : hits) {
        INFO("date " << field(h, "date"));
        CHECK(date_in_range(field(h, "date"), since, until));
      }
      const std::size_t expected = count_records(
          records, [&](const json& r) { return date_in_range(field(r, "date"), since, until); });
      CHECK(expected > 0);
      CHECK(hits.size() == expected);
    }
  }

  SECTION("--sort date lists the newest first, undated articles last") {
    const json hits = all_hits(db, kEverything, {"--sort", "date"});
    CHECK(hits.size() == everything.size());
    std::string previous = "9999";
    bool undated_seen = false;
    for (const auto& h : hits) {
      const std::string date = field(h, "date");
      INFO("date " << date << " after " << previous);
      if (date.empty()) {
        undated_seen = true;
        continue;
      }
      CHECK_FALSE(undated_seen);
      CHECK(date <= previous);
      previous = date;
    }
  }

  SECTION("facet counts equal the counts of the hits") {
    const std::vector<std::string> names = {"outlet", "year", "month", "lang", "category"};
    for (const std::string& query : {kEverything, std::string("crude OR elections OR Sahel")}) {
      for (const Args& limit : {Args{"--facet-limit", "0"}, Args{}}) {
        INFO("query " << query << " " << join(limit));
        const json j = search_json(
            db, concat({query, "--limit", "1000", "--facets", "outlet,year,month,lang,category"},
                       limit));
        const json& hits = j.at("hits");
        REQUIRE(j.at("total") == hits.size());
        REQUIRE_FALSE(hits.empty());
        for (const auto& name : names) {
          INFO("facet " << name);
          REQUIRE(j.at("facets").contains(name));
          const json& list = j.at("facets").at(name);
          const Counts expected = recount(hits, name);
          const Counts got = counts_of(list);
          if (limit.empty()) {  // default: the top 20 values, each with its exact count
            CHECK(got.size() == std::min<std::size_t>(20, expected.size()));
            for (const auto& [value, count] : got) {
              INFO("value " << value);
              REQUIRE(expected.count(value) == 1);
              CHECK(expected.at(value) == count);
            }
          } else {
            CHECK(got == expected);
          }
          // Dates chronologically, the others by count.
          for (std::size_t i = 1; i < list.size(); ++i) {
            if (name == "year" || name == "month") {
              CHECK(list[i - 1].at("value").get<std::string>() <
                    list[i].at("value").get<std::string>());
            } else {
              CHECK(list[i - 1].at("count").get<std::size_t>() >=
                    list[i].at("count").get<std::size_t>());
            }
          }
        }
      }
    }
  }
}

TEST_CASE("nsearch: the query may follow --outlet and --lang values", "[e2e]") {
  // `nsearch --lang fr pétrole` must search French articles for "pétrole", not treat "pétrole"
  // as a second language and list every French article.
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);

  const auto petrole = ids(db, "pétrole", {"--lang", "fr"});
  REQUIRE_FALSE(petrole.empty());
  CHECK(ids_of(search_json(db, {"--lang", "fr", "pétrole", "--limit", "100"}).at("hits")) ==
        petrole);

  const auto crude = ids(db, "crude", {"--outlet", "The Harbour Gazette"});
  REQUIRE_FALSE(crude.empty());
  CHECK(ids_of(search_json(db, {"--outlet", "The Harbour Gazette", "crude", "--limit", "100"})
                   .at("hits")) == crude);

  const CommandResult none = run_nsearch(db, {"--lang", "fr", "zzzqxv"});
  INFO("first line of stdout: " << lines_of(none.out + "\n").front());
  CHECK(none.exit_code == 1);
  CHECK_THAT(none.out, Contains("0 stories (0 articles)"));
}

// ---------------------------------------------------------------------------------------------
// 6. Exit codes and errors

TEST_CASE("nsearch exit codes: 0 hits, 1 no hits, 2 errors", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);

  SECTION("no hits: exit 1 and '0 stories (0 articles)'") {
    const CommandResult r = run_nsearch(db, {"zzzqxv"});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Contains("0 stories (0 articles)"));
    CHECK(r.err.empty());

    const CommandResult j = run_nsearch(db, {"zzzqxv", "--json"});
    CHECK(j.exit_code == 1);
    const json parsed = json::parse(j.out);
    CHECK(parsed.at("total") == 0);
    CHECK(parsed.at("hits").empty());
  }

  SECTION("unbalanced queries are searched as plain words and say so; empty ones are errors") {
    for (const std::string q : {"\"russian", "(oil", "oil)", "mali \"russian contractor"}) {
      const CommandResult r = run_nsearch(db, {q, "--explain"});
      INFO("query " << q << "\nstdout: " << r.out << "\nstderr: " << r.err);
      CHECK(r.exit_code == 0);
      CHECK(r.err.empty());
      CHECK_THAT(r.out, Contains("searched as plain words") && Contains("unbalanced"));
      const json j = search_json(db, {q});
      CHECK(j.at("query_fallback") == true);
      CHECK_THAT(field(j, "fallback_reason"), Contains("unbalanced"));
      CHECK_FALSE(field(j, "parsed_query").empty());
    }
    for (const std::string q : {"", "   "}) {
      const CommandResult r = run_nsearch(db, {q});
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK(lines_of(r.err).size() == 1);
      CHECK_THAT(r.err, Contains("empty query"));
    }
  }

  SECTION("missing database: exit 2 with a message naming the path, and nothing created") {
    const fs::path missing = tmp / "no-such.db";
    const CommandResult r = run_nsearch(missing, {"oil"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains(missing.string()));
    CHECK_FALSE(fs::exists(missing));

    const CommandResult s = run_nindex(missing, {"stats"});
    INFO("nindex stderr: " << s.err);
    CHECK(s.exit_code == 2);
    CHECK_THAT(s.err, Contains(missing.string()));
    CHECK_FALSE(fs::exists(missing));
  }

  SECTION("unknown facet: exit 2 naming it") {
    const CommandResult r = run_nsearch(db, {"oil", "--facets", "outlet,bogus"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("bogus"));
  }

  SECTION("bad dates: exit 2 naming the option") {
    for (const Args& options : {Args{"--since", "2021-13"}, Args{"--until", "yesterday"},
                                Args{"--since", "2022", "--until", "2021"}}) {
      const CommandResult r = run_nsearch(db, concat({"oil"}, options));
      INFO(join(options) << "\nstderr: " << r.err);
      CHECK(r.exit_code == 2);
      CHECK_THAT(r.err, Contains(options[0]));
    }
  }
}

TEST_CASE("command-line usage errors exit with 2, like other errors", "[e2e]") {
  // nsearch documents its exit codes like grep: 0 = hits, 1 = no hits, 2 = error.
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);
  for (const Args& args : {Args{"oil", "--sort", "bogus"}, Args{"oil", "--no-such-option"},
                           Args{"oil", "--limit", "20000"}, Args{"oil", "--limit", "many"}}) {
    const CommandResult r = run_nsearch(db, args);
    INFO("nsearch " << join(args) << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
  }
  for (const Args& args : {Args{}, Args{"frobnicate"}}) {
    const CommandResult r = run_nindex(db, args);
    INFO("nindex " << join(args) << "\nstderr: " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// 7. Re-indexing

TEST_CASE("nindex add is idempotent and picks up a changed article", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  const fs::path corpus = tmp / "corpus";
  fs::copy(kCorpus, corpus, fs::copy_options::recursive);
  const std::size_t expected = corpus_document_count();

  index_ok(db, {corpus.string()});
  REQUIRE(stats_json(db).at("documents") == expected);

  const CommandResult again = run_nindex(db, {"add", corpus.string()});
  INFO("second add stderr: " << again.err);
  CHECK(again.exit_code == 0);
  const std::string second = summary_line(again.err);
  CHECK_THAT(second, Contains(" 0 added"));
  CHECK_THAT(second, Contains(" 0 replaced"));
  CHECK_THAT(second, Contains(std::to_string(expected) + " unchanged"));
  CHECK(stats_json(db).at("documents") == expected);

  // Change the title of the first record of one JSONL file, keeping every other byte.
  const fs::path file = corpus / "jsonl" / "english-outlets.jsonl";
  const std::string original = read_file(file);
  const auto newline = original.find('\n');
  REQUIRE(newline != std::string::npos);
  auto record = nlohmann::ordered_json::parse(original.substr(0, newline));
  const std::string id = record.at("id").get<std::string>();
  const std::string old_title = record.at("title").get<std::string>();
  const std::string new_title = "Quokka Parliament Approves Zeppelin Tariff";
  record["title"] = new_title;
  write_file(file, record.dump() + original.substr(newline));

  const std::string old_title_query = "title:\"" + old_title + "\"";
  REQUIRE(ids(db, old_title_query).count(id) == 1);
  REQUIRE(ids(db, "title:quokka").empty());

  const CommandResult update = run_nindex(db, {"add", corpus.string()});
  INFO("third add stderr: " << update.err);
  CHECK(update.exit_code == 0);
  const std::string third = summary_line(update.err);
  CHECK_THAT(third, Contains(" 0 added"));
  CHECK_THAT(third, Contains(" 1 replaced"));
  CHECK_THAT(third, Contains(std::to_string(expected - 1) + " unchanged"));
  CHECK(stats_json(db).at("documents") == expected);

  const json hits = all_hits(db, "title:quokka");
  REQUIRE(hits.size() == 1);
  CHECK(field(hits[0], "id") == id);
  CHECK(field(hits[0], "title") == new_title);
  CHECK(ids(db, "quokka zeppelin") == std::set<std::string>{id});
  CHECK(ids(db, old_title_query).count(id) == 0);
}

TEST_CASE("nindex remove deletes articles by id", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);
  const std::size_t expected = corpus_document_count();
  const std::string id = "hg-2019-opec-output-cut";
  REQUIRE(ids(db, "opec").count(id) == 1);

  const CommandResult removed = run_nindex(db, {"remove", id});
  INFO("stderr: " << removed.err);
  CHECK(removed.exit_code == 0);
  CHECK(stats_json(db).at("documents") == expected - 1);
  CHECK(ids(db, "opec").count(id) == 0);

  const CommandResult unknown = run_nindex(db, {"remove", "no-such-article"});
  CHECK(unknown.exit_code == 1);
  CHECK(stats_json(db).at("documents") == expected - 1);

  // Adding the corpus again brings it back.
  const CommandResult add = run_nindex(db, {"add", kCorpus.string()});
  CHECK(add.exit_code == 0);
  CHECK_THAT(summary_line(add.err), Contains(" 1 added"));
  CHECK(stats_json(db).at("documents") == expected);
  CHECK(ids(db, "opec").count(id) == 1);
}

// ---------------------------------------------------------------------------------------------
// 8. Bad input

TEST_CASE("nindex skips bad files and records with warnings and indexes the rest", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  const fs::path inputs = tmp / "inputs";
  fs::create_directory(inputs);

  write_file(inputs / "mixed.jsonl",
             R"({"id": "good-alpha", "title": "Alpha Cargo Arrives", "outlet": "Test Wire", )"
             R"("date": "2020-01-01", "lang": "en", "body": "The alpha shipment of turbines )"
             R"(arrived at the quay on Monday."})"
             "\n"
             R"({"id": "broken", "title": "Missing the rest)"
             "\n"
             "\n"
             "{\"id\": \"bad-utf8\", \"title\": \"Bad \xff\xfe bytes\", \"body\": \"x\"}\n"
             R"({"id": "good-bravo", "title": "Bravo Ferry Timetable Changes", "outlet": "Test )"
             R"(Wire", "date": "2020-01-02", "lang": "en", "body": "The bravo ferry will leave )"
             R"(half an hour earlier from next week."})"
             "\n");
  write_file(inputs / "empty.txt", "");
  const char binary[] = "Headline\n\0\0\0\x01\x02 binary\n";
  write_file(inputs / "binary.txt", std::string(binary, sizeof binary - 1));
  write_gz(inputs / "packed.jsonl.gz",
           R"({"id": "gz-charlie", "title": "Charlie Lighthouse Restored", "outlet": "Test Wire", )"
           R"("date": "2021-03-03", "lang": "en", "body": "Volunteers finished restoring the )"
           R"(charlie lighthouse lamp."})"
           "\n"
           R"({"id": "gz-delta", "title": "Delta Wetland Survey Counts Herons", "outlet": "Test )"
           R"(Wire", "date": "2021-03-04", "lang": "en", "body": "Surveyors counted herons )"
           R"(across the delta wetland."})"
           "\n");

  const fs::path missing = tmp / "missing.jsonl";
  const CommandResult r = run_nindex(db, {"add", inputs.string(), missing.string()});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);  // finished, but skipped some inputs
  CHECK(r.out.empty());

  std::vector<std::string> warnings;
  for (const auto& line : lines_of(r.err)) {
    if (line.find("warning") != std::string::npos) warnings.push_back(line);
  }
  const auto warned = [&](const std::string& location) {
    return std::count_if(warnings.begin(), warnings.end(), [&](const std::string& w) {
      return w.find(location) != std::string::npos;
    });
  };
  CHECK(warned("mixed.jsonl:2:") == 1);  // malformed JSON
  CHECK(warned("mixed.jsonl:4:") == 1);  // invalid UTF-8
  CHECK(warned("mixed.jsonl:1:") == 0);
  CHECK(warned("mixed.jsonl:3:") == 0);  // blank lines are not errors
  CHECK(warned("mixed.jsonl:5:") == 0);
  CHECK(warned("empty.txt") == 1);
  CHECK(warned("binary.txt") == 1);
  CHECK(warned("packed.jsonl.gz") == 0);
  CHECK(warned(missing.string()) >= 1);
  CHECK(warnings.size() == 5);

  const std::string summary = summary_line(r.err);
  REQUIRE_FALSE(summary.empty());
  CHECK_THAT(summary, Contains(" 4 added"));
  CHECK_THAT(summary, Contains(" 5 skipped"));

  CHECK(stats_json(db).at("documents") == 4);
  CHECK(ids(db, "alpha turbines") == std::set<std::string>{"good-alpha"});
  CHECK(ids(db, "bravo ferry") == std::set<std::string>{"good-bravo"});
  CHECK(ids(db, "charlie lighthouse") == std::set<std::string>{"gz-charlie"});
  CHECK(ids(db, "herons") == std::set<std::string>{"gz-delta"});
}

// ---------------------------------------------------------------------------------------------
// 9. NSEARCH_DB

TEST_CASE("NSEARCH_DB names the database when --db is absent", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "env.db";
  const fs::path cwd = tmp / "cwd";  // where a ./news.db fallback would land
  fs::create_directory(cwd);
  const Args env = {"NSEARCH_DB=" + shell_quote(db.string()), "NO_COLOR=1"};
  const std::size_t expected = corpus_document_count();

  const CommandResult add = run_in(cwd, {kNindex, "add", kCorpus.string()}, env);
  INFO("nindex add stderr: " << add.err);
  CHECK(add.exit_code == 0);
  CHECK(fs::exists(db));
  CHECK_FALSE(fs::exists(cwd / "news.db"));

  const CommandResult stats = run_in(cwd, {kNindex, "stats", "--json"}, env);
  INFO("nindex stats stderr: " << stats.err);
  REQUIRE(stats.exit_code == 0);
  CHECK(json::parse(stats.out).at("documents") == expected);

  const CommandResult search = run_in(cwd, {kNsearch, "Russian contractor"}, env);
  INFO("nsearch stdout: " << search.out << "\nstderr: " << search.err);
  CHECK(search.exit_code == 0);
  CHECK(first_hit_line(search.out) == "1. " + kSeedTitle);

  // NSEARCH_DB is what is opened: pointing it elsewhere gives an error naming that path ...
  const fs::path elsewhere = tmp / "elsewhere.db";
  const Args env_elsewhere = {"NSEARCH_DB=" + shell_quote(elsewhere.string())};
  const CommandResult missing = run_in(cwd, {kNsearch, "oil"}, env_elsewhere);
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Contains(elsewhere.string()));
  // ... and --db, when given, wins over it.
  const CommandResult explicit_db =
      run_in(cwd, {kNsearch, "--db", db.string(), "Russian contractor"}, env_elsewhere);
  CHECK(explicit_db.exit_code == 0);
  CHECK(first_hit_line(explicit_db.out) == "1. " + kSeedTitle);
  CHECK_FALSE(fs::exists(cwd / "news.db"));
}

// ---------------------------------------------------------------------------------------------
// 10. Colour

TEST_CASE("nsearch writes no colour codes when stdout is not a terminal", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_corpus(db);

  // NO_COLOR unset; stdout is a pipe.
  const CommandResult plain =
      run_command({"env", "-u", "NO_COLOR", kNsearch, "--db", db.string(), "Russian contractor"});
  INFO("stdout: " << plain.out);
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find('\x1b') == std::string::npos);
  CHECK(first_hit_line(plain.out) == "1. " + kSeedTitle);
  // Exactly what NO_COLOR=1 gives.
  CHECK(plain.out == run_nsearch(db, {"Russian contractor"}, {"NO_COLOR=1"}).out);

  // Control: on a terminal the same search is highlighted, unless NO_COLOR is set.
  if (run_command({"sh", "-c", "command -v script"}).exit_code != 0) {
    WARN("script(1) not found: terminal colour check skipped");
    return;
  }
  const std::string search =
      shell_quote(kNsearch) + " --db " + shell_quote(db.string()) + " 'Russian contractor'";
  const CommandResult tty =
      run_command({"script", "-qec", "env -u NO_COLOR " + search, "/dev/null"});
  CHECK(tty.out.find('\x1b') != std::string::npos);
  const CommandResult tty_no_color =
      run_command({"script", "-qec", "env NO_COLOR=1 " + search, "/dev/null"});
  CHECK_THAT(tty_no_color.out, Contains(kSeedTitle));
  CHECK(tty_no_color.out.find('\x1b') == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// 11. Reuters-21578 (shared data)

namespace {

/// Whether `text` contains every word of `words` as a whole word, ignoring ASCII case.
bool has_whole_words(const std::string& text, const std::set<std::string>& words) {
  std::set<std::string> found;
  std::string word;
  const auto flush = [&] {
    if (words.count(word) != 0) found.insert(word);
    word.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || u >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else {
      flush();
    }
  }
  flush();
  return found.size() == words.size();
}

}  // namespace

TEST_CASE("Reuters-21578: indexing, re-adding, and 'crude oil' hits and facets",
          "[e2e][shared][scale]") {
  const fs::path reuters = nsearch::test::reuters21578();
  if (!fs::exists(reuters)) {
    WARN(reuters.string() << " not found: skipped");
    return;
  }

  struct Record {
    std::string outlet, year;
    bool crude_and_oil = false;
  };
  std::map<std::string, Record> records;
  for (const auto& line : lines_of(read_maybe_gz(reuters))) {
    if (line.empty()) continue;
    const json r = json::parse(line);
    const std::string text = field(r, "title") + "\n" + field(r, "body");
    records[field(r, "id")] = {field(r, "outlet"), field(r, "date").substr(0, 4),
                               has_whole_words(text, {"crude", "oil"})};
  }
  REQUIRE(records.size() == 21578);

  TempDir tmp;
  const fs::path db = tmp / "reuters.db";
  const CommandResult add = run_nindex(db, {"add", reuters.string()});
  INFO("first add stderr: " << add.err);
  REQUIRE(add.exit_code == 0);
  CHECK_THAT(summary_line(add.err), Contains("21578 added"));
  CHECK(stats_json(db).at("documents") == 21578);

  const CommandResult again = run_nindex(db, {"add", reuters.string()});
  INFO("second add stderr: " << again.err);
  CHECK(again.exit_code == 0);
  CHECK_THAT(summary_line(again.err), Contains(" 0 added"));
  CHECK_THAT(summary_line(again.err), Contains(" 0 replaced"));
  CHECK(stats_json(db).at("documents") == 21578);

  // --no-collapse: every matching article, Reuters' wire re-sends included.
  const json j = search_json(
      db, {"crude oil", "--facets", "outlet,year", "--limit", "10000", "--no-collapse"});
  const json& hits = j.at("hits");
  REQUIRE_FALSE(hits.empty());
  CHECK(j.at("total") == hits.size());

  Counts outlets, years;
  std::set<std::string> hit_ids;
  for (const auto& h : hits) {
    const std::string id = field(h, "id");
    INFO("hit " << id);
    REQUIRE(records.count(id) == 1);
    CHECK(hit_ids.insert(id).second);
    const Record& r = records.at(id);
    if (!r.outlet.empty()) ++outlets[r.outlet];
    if (!r.year.empty()) ++years[r.year];
  }
  CHECK(counts_of(j.at("facets").at("outlet")) == outlets);
  CHECK(counts_of(j.at("facets").at("year")) == years);

  std::vector<std::string> missed;
  std::size_t expected = 0;
  for (const auto& [id, r] : records) {
    if (!r.crude_and_oil) continue;
    ++expected;
    if (hit_ids.count(id) == 0) missed.push_back(id);
  }
  INFO(missed.size() << " of " << expected << " records with both 'crude' and 'oil' missed, e.g. "
                     << (missed.empty() ? std::string() : missed.front()));
  CHECK(expected > 0);
  CHECK(missed.empty());
}

TEST_CASE("nsearch --count, --like and relative dates", "[e2e]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  index_ok(db, {kCorpus.string()});

  const CommandResult count = run_nsearch(db, {"--count", "crude oil"});
  CHECK(count.exit_code == 0);
  CHECK(count.out == std::to_string(all_hits(db, "crude oil").size()) + "\n");
  CHECK(run_nsearch(db, {"--count", "zzzqxv"}).out == "0\n");
  CHECK(run_nsearch(db, {"--count", "zzzqxv"}).exit_code == 1);

  const json like = search_json(db, {"--like", "hg-2019-opec-output-cut", "--limit", "5"});
  REQUIRE_FALSE(like.at("hits").empty());
  std::set<std::string> like_ids;
  for (const auto& hit : like.at("hits"))
    like_ids.insert(hit.at("id").get<std::string>());
  CHECK_FALSE(like_ids.contains("hg-2019-opec-output-cut"));  // not itself
  // The most similar articles to an OPEC output story are the other oil stories.
  CHECK(like.at("hits")[0].at("title").get<std::string>().find("Oil") != std::string::npos);
  const CommandResult unknown = run_nsearch(db, {"--like", "no-such-id"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("no-such-id"));

  // Relative dates: everything in the corpus is at least a year old, nothing is from the future.
  CHECK(run_nsearch(db, {"--count", "--since", "1d", kEverything}).out == "0\n");
  CHECK(run_nsearch(db, {"--count", "--until", "1d", kEverything}).out ==
        run_nsearch(db, {"--count", "--since", "1900", kEverything}).out);
  CHECK(run_nsearch(db, {"--since", "3x", "oil"}).exit_code == 2);
}

// ---------------------------------------------------------------------------------------------
// Parallel and memory-bounded indexing

TEST_CASE(
    "nindex add --jobs 1 and --jobs 3 find the same articles; a tiny --memory still "
    "indexes them all",
    "[e2e]") {
  TempDir tmp;
  const fs::path ingest_data = fs::path(NSEARCH_SOURCE_DIR) / "tests" / "data" / "ingest";
  const Args inputs{kCorpus.string(), ingest_data.string()};
  const fs::path one = tmp / "one.db";
  const fs::path three = tmp / "three.db";
  const fs::path tiny = tmp / "tiny.db";
  const CommandResult r1 = run_nindex(one, concat({"add", "--jobs", "1"}, inputs));
  const CommandResult r3 = run_nindex(three, concat({"add", "--jobs", "3"}, inputs));
  const CommandResult rt =
      run_nindex(tiny, concat({"add", "--jobs", "2", "--memory", "1"}, inputs));
  INFO("--jobs 1: " << r1.err << "\n--jobs 3: " << r3.err << "\n--memory 1: " << rt.err);
  REQUIRE(r1.exit_code == 1);  // the header-less CSV fixture needs --map: skipped with a warning
  CHECK(r3.exit_code == r1.exit_code);
  CHECK(rt.exit_code == r1.exit_code);
  const json stats = stats_json(one);
  CHECK(stats.at("documents").get<std::size_t>() > corpus_document_count());
  // A first load ends compacted whatever --jobs: one thread writes no bigger a database.
  CHECK(table_bytes(one) <= table_bytes(three) + table_bytes(three) / 10);
  CHECK(stats_json(three) == stats);
  CHECK(stats_json(tiny) == stats);

  for (const std::string& query : Args{kEverything, "council budget", "title:marathon",
                                       "\"rail strike\"", "ports OR harbours"}) {
    INFO("query: " << query);
    const json expected = all_hits(one, query);
    CHECK_FALSE(expected.empty());
    for (const fs::path& db : {three, tiny}) {
      const json got = all_hits(db, query);
      CHECK(ids_of(got) == ids_of(expected));
      // Same scores: equal-scored hits may come in another order, their documents differ.
      std::multiset<double> want, have;
      for (const auto& h : expected)
        want.insert(std::round(h.at("score").get<double>() * 1e6));
      for (const auto& h : got)
        have.insert(std::round(h.at("score").get<double>() * 1e6));
      CHECK(have == want);
    }
  }
  // A re-add with several threads onto the full database changes nothing.
  const CommandResult again = run_nindex(three, concat({"add", "--jobs", "3"}, inputs));
  CHECK_THAT(summary_line(again.err), Contains(" 0 added, 0 replaced"));
}
