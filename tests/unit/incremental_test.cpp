// Library tests for incremental indexing, pruning, copies, progress, stop requests, the
// writer lock and skip categories (the Indexer API; the CLI is covered in ingest_ops_e2e_test).
// Those that hold for any database run on a plain one and on one of two shards.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include <xapian.h>

#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "read/skip_reasons.hpp"
#include "stored_data.hpp"
#include "temp_dir.hpp"
#include "text_util.hpp"
#include "write/writable_database.hpp"

using namespace nsearch;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

void write_gzip(const fs::path& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
}

std::string record(const std::string& id, const std::string& title, const std::string& url = "") {
  std::string r = "{\"id\":\"" + id + "\",\"title\":\"" + title +
                  "\",\"body\":\"The harbour board met on Tuesday about " + title +
                  ". Members agreed to publish the minutes.\",\"outlet\":\"Coast Courier\"";
  if (!url.empty()) r += ",\"url\":\"" + url + "\"";
  return r + "}\n";
}

std::string records(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i)
    out += record("n" + std::to_string(i), "Story number " + std::to_string(i));
  return out;
}

struct Run {
  IndexReport report;
  std::vector<Diagnostic> diagnostics;
};

// The layouts a test runs on: 0 = a plain database, else that many shards.
std::size_t layout() {
  return GENERATE(as<std::size_t>(), 0, 2);
}

// Adds `paths` to `db`, a database of `shards` shards (0: plain).
Run add(std::size_t shards, const fs::path& db, const std::vector<fs::path>& paths,
        IndexOptions options = {}) {
  options.db_path = db;
  options.shards = shards;
  Run run;
  Indexer indexer(options, [&](const Diagnostic& d) { run.diagnostics.push_back(d); });
  indexer.add(paths);
  run.report = indexer.report();
  return run;
}

std::set<std::string> ids_in(const fs::path& db_path) {
  Xapian::Database db(db_path.string());
  std::set<std::string> ids;
  const std::string prefix(schema::kIdPrefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    ids.insert((*it).substr(prefix.size()));
  return ids;
}

Xapian::doccount doc_count(const fs::path& db_path) {
  return Xapian::Database(db_path.string()).get_doccount();
}

// Sets a file's mtime back to `mtime` (as `cp -p`, `tar x` or rsync do).
void set_mtime(const fs::path& path, const timespec& mtime) {
  const timespec times[2] = {mtime, mtime};
  REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

timespec mtime_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mtim;
}

}  // namespace

TEST_CASE("incremental: unchanged files are passed over without being read", "[incremental]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  write_file(corpus / "a.jsonl", records(0, 5));
  write_file(corpus / "b.jsonl", records(5, 8));
  write_gzip(corpus / "c.jsonl.gz", records(8, 10));
  const fs::path db = tmp / "db";

  const Run first = add(shards, db, {corpus});
  CHECK(first.report.added == 10);
  CHECK(first.report.files == 3);
  REQUIRE(doc_count(db) == 10);

  const Run second = add(shards, db, {corpus});
  CHECK(second.report.files == 0);     // nothing opened
  CHECK(second.report.articles == 0);  // nothing parsed
  CHECK(second.report.unchanged_files == 3);
  CHECK(second.report.unchanged == 10);
  CHECK(second.report.added == 0);

  // A touched file (new mtime, same bytes) is recognised by its digest, and not read.
  set_mtime(corpus / "a.jsonl", timespec{1'000'000'000, 0});
  const Run touched = add(shards, db, {corpus});
  CHECK(touched.report.files == 0);
  CHECK(touched.report.unchanged_files == 3);

  // --force reads everything again, and finds every article unchanged.
  IndexOptions force;
  force.force = true;
  const Run forced = add(shards, db, {corpus}, force);
  CHECK(forced.report.files == 3);
  CHECK(forced.report.unchanged == 10);
  CHECK(forced.report.added + forced.report.replaced == 0);

  // Other read options (here a default outlet) read the files again.
  IndexOptions outlet;
  outlet.default_outlet = "Elsewhere";
  CHECK(add(shards, db, {corpus}, outlet).report.files == 3);
  CHECK(doc_count(db) == 10);

  // An article removed by id comes back when its file is added again (only that file is read).
  {
    Indexer indexer({.db_path = db, .shards = shards}, nullptr);
    const std::vector<std::string> ids{"n1"};
    CHECK(indexer.remove(ids) == 1);
  }
  const Run restored = add(shards, db, {corpus}, outlet);
  CHECK(restored.report.files == 1);
  CHECK(restored.report.added == 1);
  CHECK(doc_count(db) == 10);
}

TEST_CASE("incremental: a changed file replaces its articles and drops vanished ones",
          "[incremental]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  write_file(corpus / "a.jsonl", records(0, 5));
  write_gzip(corpus / "b.jsonl.gz", records(5, 10));
  const fs::path db = tmp / "db";
  add(shards, db, {corpus});
  REQUIRE(ids_in(db).size() == 10);

  // Same size, mtime set back: only the ctime tells it changed. n3 renamed n3x (same length).
  const fs::path a = corpus / "a.jsonl";
  const timespec old_mtime = mtime_of(a);
  std::string content = records(0, 5);
  content.replace(content.find("\"n3\""), 4, "\"m3\"");
  write_file(a, content);
  set_mtime(a, old_mtime);
  // The compressed file loses its last two records and changes one title.
  std::string b = records(5, 8);
  b.replace(b.find("Story number 6"), 14, "Story NUMBER 6");
  write_gzip(corpus / "b.jsonl.gz", b);

  const Run run = add(shards, db, {corpus});
  CHECK(run.report.files == 2);
  CHECK(run.report.added == 1);     // m3
  CHECK(run.report.replaced == 1);  // n6
  CHECK(run.report.removed == 3);   // n3, n8, n9
  CHECK(ids_in(db) == std::set<std::string>{"m3", "n0", "n1", "n2", "n4", "n5", "n6", "n7"});

  // An article that two files hold stays until both have dropped it.
  write_file(corpus / "c.jsonl", record("n0", "Story number 0"));
  add(shards, db, {corpus});
  write_file(a, records(1, 3));
  add(shards, db, {corpus});
  CHECK(ids_in(db).contains("n0"));  // still in c.jsonl
  CHECK_FALSE(ids_in(db).contains("n4"));
  write_file(corpus / "c.jsonl", record("z1", "Something else entirely"));
  add(shards, db, {corpus});
  CHECK_FALSE(ids_in(db).contains("n0"));
}

TEST_CASE("incremental: prune drops the articles of files that are gone", "[incremental]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  write_file(corpus / "keep.jsonl", records(0, 3));
  write_file(corpus / "old/gone.jsonl", records(3, 6));
  write_file(tmp / "elsewhere/other.jsonl", records(6, 8));
  const fs::path db = tmp / "db";
  add(shards, db, {corpus, tmp / "elsewhere"});
  REQUIRE(doc_count(db) == 8);

  fs::remove_all(corpus / "old");
  fs::remove_all(tmp / "elsewhere");
  Indexer indexer({.db_path = db, .shards = shards}, nullptr);
  const std::vector<fs::path> roots{corpus};
  CHECK(indexer.prune(roots) == 3);  // only under the root given
  CHECK(indexer.report().removed == 3);
  indexer.commit();
  CHECK(ids_in(db) == std::set<std::string>{"n0", "n1", "n2", "n6", "n7"});
}

TEST_CASE("incremental: exact copies of the same URL are indexed once", "[incremental]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path db = tmp / "db";
  write_file(tmp / "a.jsonl", record("wire-1", "Port reopens", "https://www.Example.com/port/"));
  // The same page (URL differs only in scheme, case, "www.", fragment and trailing slash),
  // same title and body, under another id: a copy.
  write_file(tmp / "b.jsonl",
             record("mirror-9", "Port reopens", "http://example.com/port#top") +
                 // Same URL, other text: an article of its own.
                 record("wire-2", "Port reopens again", "https://www.example.com/port/"));
  const Run run = add(shards, db, {tmp / "a.jsonl", tmp / "b.jsonl"});
  CHECK(run.report.added == 2);
  CHECK(run.report.duplicates == 1);
  CHECK(ids_in(db) == std::set<std::string>{"wire-1", "wire-2"});

  // The copy's file holds the article too: removing the first file keeps it.
  fs::remove(tmp / "a.jsonl");
  Indexer indexer({.db_path = db, .shards = shards}, nullptr);
  const std::vector<fs::path> roots{tmp.path()};
  CHECK(indexer.prune(roots) == 0);
}

// What a search can tell apart, per document: id, stored data, terms (file and copy terms
// included) and values.
std::map<std::string, std::string> document_dump(const fs::path& db_path) {
  Xapian::Database db(db_path.string());
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::string dump = doc.get_data();
    std::string id;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      dump += "\n" + *t;
      if ((*t).starts_with(schema::kIdPrefix)) id = *t;
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      dump += "\n" + std::to_string(v.get_valueno()) + "=" + *v;
    out[id] = dump;
  }
  return out;
}

TEST_CASE("incremental: a bulk load in shards gives what one writer gives", "[incremental]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  // Copies across files, an id met twice (the later version wins), a copy of a replaced
  // version, and enough articles for every shard.
  write_file(corpus / "a.jsonl", records(0, 40) +
                                     record("wire-1", "Port reopens", "https://a.example/p") +
                                     record("dup", "First version"));
  write_file(corpus / "b.jsonl", record("mirror-1", "Port reopens", "http://a.example/p#x") +
                                     record("dup", "Second version", "https://a.example/d") +
                                     records(40, 80));
  write_file(corpus / "c.jsonl", record("mirror-2", "Second version", "https://a.example/d") +
                                     record("mirror-3", "First version"));
  IndexOptions one;
  one.jobs = 1;
  IndexOptions two;
  two.jobs = 2;
  const Run serial = add(0, tmp / "serial.db", {corpus}, one);
  const Run bulk = add(0, tmp / "bulk.db", {corpus}, two);
  for (const Run* run : {&serial, &bulk}) {
    CHECK(run->report.added == 83);  // n0..n79, wire-1, dup, mirror-3 (no URL: no copy)
    CHECK(run->report.replaced == 1);
    CHECK(run->report.duplicates == 2);
  }
  CHECK(document_dump(tmp / "bulk.db") == document_dump(tmp / "serial.db"));
  CHECK(doc_count(tmp / "bulk.db") == 83);

  // The files' records are in the merged database: a re-run reads nothing.
  const Run again = add(0, tmp / "bulk.db", {corpus}, two);
  CHECK(again.report.files == 0);
  CHECK(again.report.unchanged_files == 3);
  // Pruning a file keeps the articles another file also holds.
  fs::remove(corpus / "b.jsonl");
  Indexer indexer({.db_path = tmp / "bulk.db"}, nullptr);
  const std::vector<fs::path> roots{corpus};
  CHECK(indexer.prune(roots) == 40);  // n40..n79; c.jsonl holds dup, a.jsonl wire-1
  indexer.commit();
  CHECK(doc_count(tmp / "bulk.db") == 43);
}

TEST_CASE("incremental: progress reports and a stop request", "[incremental][progress]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  for (int f = 0; f < 6; ++f)
    write_file(corpus / ("f" + std::to_string(f) + ".jsonl"), records(f * 50, f * 50 + 50));
  const fs::path db = tmp / "db";

  std::vector<IndexProgress> seen;
  IndexOptions options;
  options.db_path = db;
  options.shards = shards;
  options.progress_interval = std::chrono::milliseconds(0);
  Indexer* self = nullptr;
  options.on_progress = [&](const IndexProgress& p) {
    seen.push_back(p);
    if (p.articles == 120) self->request_stop();
  };
  {
    Indexer indexer(options, nullptr);
    self = &indexer;
    const std::vector<fs::path> paths{corpus};
    indexer.add(paths);
    const IndexReport report = indexer.report();
    CHECK(report.stopped);
    CHECK(report.added >= 120);
    CHECK(report.added < 300);
  }
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.front().files_total == 6);
  CHECK(seen.front().total_known);
  std::uint64_t total = 0;
  for (const auto& entry : fs::directory_iterator(corpus))
    total += entry.file_size();
  CHECK(seen.front().input_total == total);
  CHECK(seen.back().input_done < total);
  CHECK(seen.back().finished);
  for (std::size_t i = 1; i < seen.size(); ++i) {
    CHECK(seen[i].articles >= seen[i - 1].articles);
    CHECK(seen[i].input_done >= seen[i - 1].input_done);
  }
  // What was done is committed; the stopped file is read again from its start.
  const std::size_t committed = doc_count(db);
  CHECK(committed >= 120);
  CHECK(committed < 300);

  options.on_progress = nullptr;
  const Run rest = add(shards, db, {corpus}, options);
  CHECK_FALSE(rest.report.stopped);
  CHECK(rest.report.unchanged_files == 2);  // f0 and f1 were done
  CHECK(rest.report.added == 300 - committed);
  CHECK(doc_count(db) == 300);
  CHECK(ids_in(db).size() == 300);
}

TEST_CASE("writer lock: a second writer is told who holds the database", "[lock]") {
  TempDir tmp;
  const fs::path db = tmp / "db";
  auto first = std::make_unique<Indexer>(IndexOptions{.db_path = db}, nullptr);
  try {
    Indexer second({.db_path = db}, nullptr);
    FAIL("a second writer opened the database");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::database_locked);
    CHECK_THAT(e.what(), Catch::Contains("locked by nindex (pid " + std::to_string(getpid())));
  }

  // With lock_wait, the second writer gets in once the first is done.
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first.reset();
  });
  IndexOptions waiting{.db_path = db};
  waiting.lock_wait = std::chrono::seconds(20);
  const auto start = std::chrono::steady_clock::now();
  CHECK_NOTHROW(Indexer(waiting, nullptr));
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(250));
  release.join();

  // No note is left behind, and a stale note (from a writer killed with -9) names nobody.
  CHECK_FALSE(fs::exists(db / "nsearch-writer.info"));
  CHECK(lock_holder(db).empty());
  char host[256] = {};
  REQUIRE(gethostname(host, sizeof host - 1) == 0);
  write_file(db / "nsearch-writer.info",
             "pid 999999999\nhost " + std::string(host) + "\nsince 2020-01-01T00:00:00Z\n");
  CHECK(lock_holder(db).empty());
  CHECK_NOTHROW(Indexer({.db_path = db}, nullptr));
  CHECK_FALSE(fs::exists(db / "nsearch-writer.info"));
}

TEST_CASE("skipped inputs are counted by reason category", "[incremental]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  write_file(tmp / "a.jsonl",
             record("ok", "Fine record") + "{not json\n" + "{\"title\":\"\",\"body\":\"\"}\n");
  write_file(tmp / "b.txt", "caf\xe9 au lait\n");
  const Run run = add(shards, tmp / "db", {tmp / "a.jsonl", tmp / "b.txt", tmp / "nope.jsonl"});
  CHECK(run.report.added == 1);
  CHECK(run.report.skipped == 4);
  CHECK(run.report.skipped_by_reason == std::map<std::string, std::size_t>{{"malformed record", 1},
                                                                           {"no article", 1},
                                                                           {"invalid encoding", 1},
                                                                           {"unreadable", 1}});
  REQUIRE(run.diagnostics.size() == 4);
  std::set<std::string> locations;
  for (const Diagnostic& d : run.diagnostics)
    locations.insert(d.location);
  CHECK(locations ==
        std::set<std::string>{(tmp / "a.jsonl").string() + ":2", (tmp / "a.jsonl").string() + ":3",
                              (tmp / "b.txt").string() + ":1", (tmp / "nope.jsonl").string()});

  CHECK(skip_reason_name(SkipReason::over_limit) == "over a limit");
  CHECK(skip_reason_name(SkipReason::binary_data) == "binary data");
  CHECK(skip_reason_name(SkipReason::truncated) == "truncated");
  CHECK(skip_reason_name(SkipReason::other) == "other");
}

TEST_CASE("normalise_url and copy terms", "[incremental]") {
  CHECK(text::normalise_url("HTTPS://WWW.Example.COM:443/a/b/?x=1#frag") == "example.com/a/b?x=1");
  CHECK(text::normalise_url("http://example.com") == "example.com");
  CHECK(text::normalise_url(" urn:x ") == "urn:x");
  CHECK(schema::copy_term("", "t", "b").empty());
  CHECK(schema::copy_term("http://a.org/x", "t", "b") ==
        schema::copy_term("https://www.a.org/x/", "t", "b"));
  CHECK(schema::copy_term("http://a.org/x", "t", "b") !=
        schema::copy_term("http://a.org/x", "t", "c"));
}
