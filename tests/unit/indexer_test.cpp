// Unit tests for indexer/: readers, normalisation, the Indexer's add/replace/skip logic.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstring>
#include <fstream>
#include <vector>

#include <xapian.h>

#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "read/formats/jsonl_reader.hpp"
#include "read/formats/text_reader.hpp"
#include "read/input_file.hpp"
#include "read/input_format.hpp"
#include "stored_data.hpp"
#include "temp_dir.hpp"
#include "write/safe_commit.hpp"

using namespace nsearch;
using nsearch::test::TempDir;

namespace {

struct Collected {
  std::vector<Article> articles;
  std::vector<std::pair<std::size_t, std::string>> rejects;
  ReadContext context(const std::string& path) {
    return ReadContext{path, [this](Article&& a) { articles.push_back(std::move(a)); },
                       [this](std::size_t line, SkipReason, const std::string& why) {
                         rejects.emplace_back(line, why);
                       }};
  }
};

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_gzip(const std::filesystem::path& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
}

}  // namespace

TEST_CASE("text reader: the seed article", "[readers]") {
  const std::string seed =
      read_file(std::filesystem::path(NSEARCH_CORPUS_DIR) / "seed/mali-wagner-newdiplomat.txt");
  REQUIRE_FALSE(seed.empty());
  Collected got;
  read_text_article(seed, got.context("seed.txt"));
  REQUIRE(got.articles.size() == 1);
  const Article& a = got.articles.front();
  CHECK(a.title == "Mali Makes Deal With Russian Mercenaries, Snubs France");
  CHECK(a.outlet == "The New Diplomat");
  CHECK(a.date.empty());
  CHECK(a.body.find("Mali has the right to seek military support") != std::string::npos);
  CHECK(a.source == "seed.txt");
}

TEST_CASE("text reader: header block for clean articles, cleaner for page dumps", "[readers]") {
  Collected got;
  read_text_article(
      "Title: Floods hit the valley\nOutlet: Valley Times\nDate: 2023-04-02\n"
      "Author: A. Writer\n\nThe river rose.\n\nRoads closed.\n",
      got.context("h.txt"));
  read_text_article("\n\n  Plain headline  \n\nFirst paragraph.\nSecond paragraph.\n",
                    got.context("p.txt"));
  // A dump with a headline, a real paragraph and page furniture goes through the cleaner.
  read_text_article(
      "Home | News | Sport\n\nHarbour ferry returns to service after repairs\n\n"
      "The harbour ferry returned to service on Monday after six weeks of repairs to its engines, "
      "the operator said, and timetables will be back to normal from next week.\n\n"
      "Passengers had used a replacement bus that added almost an hour to the journey around the "
      "bay, and local shops said trade had suffered while the crossing was closed.\n\n"
      "Share this article\nSubscribe to our newsletter\n",
      got.context("dump.txt"));
  REQUIRE(got.articles.size() == 2);
  CHECK(got.articles[0].title == "Floods hit the valley");
  CHECK(got.articles[0].outlet == "Valley Times");
  CHECK(got.articles[0].date == "2023-04-02");
  CHECK(got.articles[0].author == "A. Writer");
  CHECK(got.articles[0].body == "The river rose.\nRoads closed.");
  CHECK(got.articles[1].title == "Harbour ferry returns to service after repairs");
  CHECK(got.articles[1].body.starts_with("The harbour ferry returned"));
  CHECK(got.articles[1].body.ends_with("while the crossing was closed."));
  CHECK(got.articles[1].source == "dump.txt");
  // Two short lines are no article: said so, with the way to index a short clean file.
  REQUIRE(got.rejects.size() == 1);
  CHECK(got.rejects[0].second.find("no article") != std::string::npos);
  CHECK(got.rejects[0].second.find("Title:") != std::string::npos);
}

TEST_CASE("text reader: rejects empty, binary and invalid UTF-8 files", "[readers]") {
  Collected got;
  read_text_article(" \n\n", got.context("empty.txt"));
  read_text_article(std::string("GIF89a\0\0\x01", 9), got.context("bin.txt"));
  read_text_article("Title line\nok\nbad \xff byte\n", got.context("latin.txt"));
  CHECK(got.articles.empty());
  REQUIRE(got.rejects.size() == 3);
  CHECK(got.rejects[0].second.find("empty") != std::string::npos);
  CHECK(got.rejects[1].second.find("binary") != std::string::npos);
  CHECK(got.rejects[2].first == 3);  // the line with the bad byte
  CHECK(got.rejects[2].second.find("UTF-8") != std::string::npos);
}

TEST_CASE("text reader: header lines with nothing to index are rejected", "[readers]") {
  Collected got;
  read_text_article("Title: \f\f\f\f\f\f", got.context("blank-title.txt"));  // found by fuzzing
  read_text_article("Title:   \nOutlet: Daily\n\n \n", got.context("no-text.txt"));
  read_text_article("Outlet: Daily\nDate: 2021-09-24\n", got.context("metadata-only.txt"));
  CHECK(got.articles.empty());
  REQUIRE(got.rejects.size() == 3);
  for (const auto& [line, why] : got.rejects)
    CHECK(why.find("no title, text") != std::string::npos);
  read_text_article("Title: \f Kept \f\n", got.context("kept.txt"));
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].title == "Kept");
}

TEST_CASE("jsonl reader: good, malformed and hostile lines", "[readers]") {
  TempDir dir;
  const auto path = dir / "a.jsonl";
  write_file(
      path,
      "{\"id\":\"a1\",\"title\":\"One\",\"outlet\":\"O\",\"date\":\"2021-01-02\",\"lang\":\"en\","
      "\"body\":\"Text one.\",\"author\":[\"X\",\"Y\"],\"category\":\"World\"}\n"
      "\n"
      "{\"id\": \"a2\", \"title\": \"Two\"\n"     // line 3: truncated
      "[1, 2]\n"                                  // line 4: not an object
      "{\"id\":\"a3\",\"title\":\"bad \xff\"}\n"  // line 5: invalid UTF-8
          + std::string(100, '[') + std::string(100, ']') +
          "\n"  // line 6: too deep
          "{\"id\":\"a4\",\"body\":\"Only a body.\",\"url\":null}\r\n"
          "{}\n");  // line 8: identifies nothing
  Collected got;
  InputFile input(path);
  read_jsonl(input, got.context("a.jsonl"));
  REQUIRE(got.articles.size() == 2);
  CHECK(got.articles[0].id == "a1");
  CHECK(got.articles[0].author == "X, Y");
  CHECK(got.articles[0].category == "World");
  CHECK(got.articles[0].source == "a.jsonl:1");
  CHECK(got.articles[1].id == "a4");
  CHECK(got.articles[1].url.empty());
  std::vector<std::size_t> lines;
  for (const auto& r : got.rejects)
    lines.push_back(r.first);
  CHECK(lines == std::vector<std::size_t>{3, 4, 5, 6, 8});
  CHECK(got.rejects[0].second.find("malformed JSON") != std::string::npos);
  CHECK(got.rejects[2].second.find("UTF-8") != std::string::npos);
  CHECK(got.rejects[3].second.find("nested") != std::string::npos);
}

TEST_CASE("input files: gzip is read transparently, long lines are bounded", "[readers]") {
  TempDir dir;
  write_gzip(dir / "x.jsonl.gz", "line one\nline two");
  InputFile gz(dir / "x.jsonl.gz");
  std::string line;
  REQUIRE(gz.read_line(line, 100) == InputFile::LineStatus::ok);
  CHECK(line == "line one");
  REQUIRE(gz.read_line(line, 100) == InputFile::LineStatus::ok);
  CHECK(line == "line two");
  CHECK(gz.read_line(line, 100) == InputFile::LineStatus::end);

  write_file(dir / "long.jsonl", std::string(5000, 'x') + "\nshort\n");
  InputFile plain(dir / "long.jsonl");
  CHECK(plain.read_line(line, 1000) == InputFile::LineStatus::too_long);
  REQUIRE(plain.read_line(line, 1000) == InputFile::LineStatus::ok);
  CHECK(line == "short");

  CHECK_THROWS_AS(InputFile(dir / "missing.jsonl"), Error);
}

TEST_CASE("input formats: by extension, through .gz; folders walked in order", "[readers]") {
  CHECK(format_of("a/b.txt") == InputFormat::text);
  CHECK(format_of("b.JSONL") == InputFormat::jsonl);
  CHECK(format_of("b.ndjson.gz") == InputFormat::jsonl);
  CHECK(format_of("b.txt.gz") == InputFormat::text);
  CHECK(format_of("b.pdf") == InputFormat::unsupported);

  TempDir dir;
  std::filesystem::create_directories(dir / "sub");
  std::filesystem::create_directories(dir / ".hidden");
  write_file(dir / "sub/b.txt", "x");
  write_file(dir / "a.txt", "x");
  write_file(dir / ".hidden/c.txt", "x");
  const auto files = list_input_files(dir.path());
  REQUIRE(files.size() == 2);
  CHECK(files[0].filename() == "a.txt");
  CHECK(files[1].filename() == "b.txt");
  CHECK_THROWS_AS(list_input_files(dir / "nope"), Error);
}

TEST_CASE("text reader: plain articles keep their first line as title", "[readers]") {
  const std::string body =
      "Beer and spirits are heavily taxed in Japan, driving brewers to search for "
      "alternatives. Japanese brewers are making money from drinks that are beer-flavoured. "
      "Japan's long economic downturn helped drive the trend, as drinkers looked for cheaper "
      "opportunities.\n\nAsahi is predicting profits to rise 50% in 2005 as it "
      "launches a drink based on soybean peptides rather than malt, its chief executive said on "
      "Tuesday in Tokyo.\n";
  Collected got;
  // A headline, a standfirst without a full stop, the body (BBC News's text files).
  read_text_article(
      "Japan turns to beer alternatives\n\nJapanese brewers are increasingly "
      "making money from beer-flavoured drinks rather than beer itself\n\n" +
          body,
      got.context("standfirst.txt"));
  // A sports preview: fixture lines between the headline and the body.
  read_text_article(
      "Blackburn v Burnley\n\nEwood Park\n\nTuesday, 1 March\n\n2000 GMT\n\n"
      "Howard Webb (South Yorkshire)\n\nhome to Leicester in the quarter-finals"
      "\n\n" +
          body,
      got.context("preview.txt"));
  // A headline that trails off.
  read_text_article("Rivals of the \u00a3400 Apple...\n\n" + body, got.context("ellipsis.txt"));
  // A page dump under a masthead: the masthead is no headline.
  read_text_article("Evening News Digest\n\nFloods close valley roads\n\n" + body,
                    got.context("dump.txt"));
  REQUIRE(got.articles.size() == 4);
  CHECK(got.articles[0].title == "Japan turns to beer alternatives");
  CHECK(got.articles[0].body.starts_with("Japanese brewers are increasingly"));
  CHECK(got.articles[1].title == "Blackburn v Burnley");
  CHECK(got.articles[2].title == "Rivals of the \u00a3400 Apple...");
  CHECK(got.articles[3].title == "Floods close valley roads");
}

TEST_CASE("indexer: add, unchanged, update, remove", "[indexer]") {
  TempDir dir;
  const auto db_path = dir / "db";
  std::vector<Diagnostic> diagnostics;
  auto collect = [&](const Diagnostic& d) { diagnostics.push_back(d); };
  Article a;
  a.id = "a1";
  a.title = "Floods close roads";
  a.body = "Heavy rain flooded the valley roads.";
  a.lang = "English";
  a.date = "2023-04-02T10:00:00+02:00";
  a.outlet = "  Valley   Times ";
  {
    Indexer indexer({.db_path = db_path}, collect);
    indexer.add_article(a);
    indexer.add_article(a);
    Article changed = a;
    changed.title = "Floods close more roads";
    indexer.add_article(changed);
    CHECK(indexer.report().added == 1);
    CHECK(indexer.report().unchanged == 1);
    CHECK(indexer.report().replaced == 1);
  }
  Xapian::Database db(db_path.string());
  REQUIRE(db.get_doccount() == 1);
  const Xapian::Document doc = db.get_document(*db.postlist_begin(schema::id_term("a1")));
  const Article stored = deserialise_article(doc.get_data());
  CHECK(stored.title == "Floods close more roads");
  CHECK(stored.lang == "en");
  CHECK(stored.outlet == "Valley Times");
  CHECK(stored.date == "2023-04-02T08:00:00Z");
  CHECK(doc.get_value(schema::kDateSlot) == "20230402080000");
  CHECK(doc.get_value(schema::kYearSlot) == "2023");
  CHECK(doc.get_value(schema::kMonthSlot) == "2023-04");
  CHECK(db.term_exists(schema::outlet_term("valley times")));
  CHECK(db.term_exists("D20230402"));
  CHECK(db.term_exists("M202304"));
  CHECK(db.term_exists("Y2023"));
  CHECK(db.term_exists("Len"));
  CHECK(db.term_exists("Sfloods"));  // title words, prefixed
  CHECK(db.term_exists("ZSflood"));  // and stemmed
  CHECK(db.term_exists("Zflood"));   // stemmed, unprefixed (title and body)
  CHECK(diagnostics.empty());

  Indexer indexer({.db_path = db_path}, collect);
  const std::vector<std::string> ids{"a1", "never-indexed"};
  CHECK(indexer.remove(ids) == 1);
  indexer.commit();
  CHECK(Xapian::Database(db_path.string()).get_doccount() == 0);
}

TEST_CASE("indexer: derived ids, detected language, bad dates", "[indexer]") {
  TempDir dir;
  std::vector<Diagnostic> diagnostics;
  Indexer indexer({.db_path = dir / "db", .default_outlet = "Fallback Outlet"},
                  [&](const Diagnostic& d) { diagnostics.push_back(d); });
  Article with_url;
  with_url.url = "https://www.news.example/2021/story";
  with_url.title =
      "Die Regierung hat am Montag neue Maßnahmen gegen die Überschwemmungen beschlossen";
  with_url.body =
      "Die Bundesregierung will den betroffenen Gemeinden schnell helfen, sagte die "
      "Ministerin nach der Sitzung in Berlin. Die Schäden sind enorm.";
  with_url.date = "yesterday";
  with_url.source = "x.jsonl:7";
  indexer.add_article(with_url);
  indexer.commit();
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].location == "x.jsonl:7");
  CHECK(diagnostics[0].message.find("unrecognised date") != std::string::npos);

  Xapian::Database db((dir / "db").string());
  const Article stored = deserialise_article(db.get_document(1).get_data());
  CHECK(stored.id.starts_with("news.example-"));
  CHECK(stored.lang == "de");
  CHECK(stored.outlet == "Fallback Outlet");
  CHECK(stored.date.empty());
  CHECK(db.term_exists("Hnews.example"));
  CHECK(db.get_document(1).get_value(schema::kDateSlot).empty());
}

TEST_CASE("indexer: files and folders, with diagnostics naming file and line", "[indexer]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  write_file(dir / "in/good.txt", "Title: A headline\n\nSome body text here.\n");
  write_file(dir / "in/list.jsonl",
             "{\"id\":\"j1\",\"title\":\"T1\"}\nnot json\n{\"id\":\"j2\",\"title\":\"T2\"}\n");
  write_file(dir / "in/empty.jsonl", "");
  write_file(dir / "in/notes.md", "ignored in folders");
  std::vector<Diagnostic> diagnostics;
  {
    Indexer indexer({.db_path = dir / "db"},
                    [&](const Diagnostic& d) { diagnostics.push_back(d); });
    const std::vector<std::filesystem::path> inputs{dir / "in", dir / "missing",
                                                    dir / "in/notes.md"};
    indexer.add(inputs);
    CHECK(indexer.report().added == 3);
    CHECK(indexer.report().files == 3);
    CHECK(indexer.report().skipped == 4);  // bad line, empty file, missing path, explicit .md
  }
  std::vector<std::string> locations;
  for (const auto& d : diagnostics)
    locations.push_back(d.location);
  CHECK(std::find(locations.begin(), locations.end(), (dir / "in/list.jsonl").string() + ":2") !=
        locations.end());
  CHECK(std::find(locations.begin(), locations.end(), (dir / "in/empty.jsonl").string()) !=
        locations.end());
  CHECK(std::find(locations.begin(), locations.end(), (dir / "missing").string()) !=
        locations.end());

  // The id of a text article does not depend on how its path was spelled.
  Xapian::Database db((dir / "db").string());
  Indexer again({.db_path = dir / "db2"}, nullptr);
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  const std::vector<std::filesystem::path> relative{"in/good.txt"};
  again.add(relative);
  again.commit();
  std::filesystem::current_path(cwd);
  Xapian::Database db2((dir / "db2").string());
  std::string id_abs, id_rel;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Article art = deserialise_article(db.get_document(*it).get_data());
    if (art.title == "A headline") id_abs = art.id;
  }
  id_rel = deserialise_article(db2.get_document(1).get_data()).id;
  CHECK(id_abs.starts_with("good-"));
  CHECK(id_abs == id_rel);
}

TEST_CASE("indexer: a second writer gets a clear 'locked' error", "[indexer]") {
  TempDir dir;
  Indexer first({.db_path = dir / "db"}, nullptr);
  try {
    Indexer second({.db_path = dir / "db"}, nullptr);
    FAIL("second writer opened the database");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::database_locked);
    CHECK(std::string(e.what()).find("locked") != std::string::npos);
  }
}

namespace {

// Adds `count` documents with a kilobyte of values each (what commit_with_room writes apart).
void add_valued_documents(Xapian::WritableDatabase& db, ValueRoom& room, int count) {
  for (int i = 0; i < count; ++i) {
    Xapian::Document doc;
    doc.add_term("Qdoc" + std::to_string(db.get_lastdocid() + 1));
    doc.add_value(schema::kStorySignatureSlot, std::string(1000, static_cast<char>('a' + i % 26)));
    doc.add_value(schema::kDateSlot, "20240101000000");
    room.add(doc);
    db.add_document(doc);
  }
}

}  // namespace

TEST_CASE("commit_with_room: values that would pass the file size limit throw, not terminate",
          "[indexer]") {
  TempDir tmp;
  const std::filesystem::path path = tmp / "db";
  {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    ValueRoom room;
    add_valued_documents(db, room, 100);
    commit_with_room(db, path, room);
  }
  // In a child: the limit is per process, and a terminate must not take the test with it.
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    ValueRoom room;
    add_valued_documents(db, room, 2000);  // about 2 MB of values
    const rlim_t size = std::filesystem::file_size(path / "postlist.glass");
    const rlimit limit{size + (256u << 10), size + (256u << 10)};
    setrlimit(RLIMIT_FSIZE, &limit);
    int status = 3;  // committed: the limit was not checked
    try {
      commit_with_room(db, path, room);
    } catch (const Xapian::DatabaseError& e) {
      const char* reason = e.get_error_string();
      status = reason != nullptr && std::strcmp(reason, std::strerror(EFBIG)) == 0 ? 0 : 4;
    }
    discard_changes(db);
    _exit(status);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));  // not killed by SIGABRT (std::terminate)
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(Xapian::Database(path.string()).get_doccount() == 100);
}

TEST_CASE("discard_changes: closing the database then commits nothing", "[indexer]") {
  TempDir tmp;
  const std::filesystem::path path = tmp / "db";
  ValueRoom room;
  {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    add_valued_documents(db, room, 3);
    db.commit();
    add_valued_documents(db, room, 5);
    discard_changes(db);
    discard_changes(db);  // twice is harmless
  }
  CHECK(Xapian::Database(path.string()).get_doccount() == 3);
}
