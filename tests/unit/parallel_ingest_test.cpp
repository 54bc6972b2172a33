// Parallel, bounded indexing through the library API: IndexOptions::jobs and ::memory_mb.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <xapian.h>

#include "database_contents.hpp"
#include "database_files.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nsearch::test::contents;
using nsearch::test::table_bytes;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = NSEARCH_CORPUS_DIR;
const fs::path kIngestData = fs::path(NSEARCH_SOURCE_DIR) / "tests" / "data" / "ingest";

IndexReport index_paths(const fs::path& db, const std::vector<fs::path>& paths, unsigned jobs,
                        std::size_t memory_mb = 1024) {
  IndexOptions options;
  options.db_path = db;
  options.jobs = jobs;
  options.memory_mb = memory_mb;
  Indexer indexer(options, nullptr);
  indexer.add(paths);
  indexer.commit();
  return indexer.report();
}

std::string article_line(const std::string& id, const std::string& title, const std::string& body) {
  return R"({"id":")" + id + R"(","title":")" + title + R"(","body":")" + body +
         R"(","lang":"en","outlet":"Test Wire"})" + "\n";
}

// `n` distinct English articles in a JSON Lines file.
void write_articles(const fs::path& path, int n, const std::string& id_prefix) {
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    out << article_line(id_prefix + std::to_string(i), "Harbour report number " + std::to_string(i),
                        "Ships and cranes at berth " + std::to_string(i) +
                            " were counted by the port authority on a windy morning.");
  }
}

}  // namespace

TEST_CASE("jobs: a first load with one thread ends compacted, as a bulk load does",
          "[parallel][scale]") {
  TempDir tmp;
  const fs::path input = tmp / "many.jsonl";
  write_articles(input, 3000, "c");
  // A tiny budget: dozens of commits, each leaving part-full blocks behind.
  const IndexReport serial = index_paths(tmp / "serial.db", {input}, 1, /*memory_mb=*/1);
  const IndexReport bulk = index_paths(tmp / "bulk.db", {input}, 2, /*memory_mb=*/1);
  CHECK(serial.added == 3000);
  CHECK(bulk.added == 3000);
  CHECK(contents(tmp / "serial.db") == contents(tmp / "bulk.db"));
  const std::uintmax_t serial_bytes = table_bytes(tmp / "serial.db");
  const std::uintmax_t bulk_bytes = table_bytes(tmp / "bulk.db");
  INFO("one thread: " << serial_bytes << " bytes, bulk: " << bulk_bytes);
  CHECK(serial_bytes <= bulk_bytes + bulk_bytes / 10);
  CHECK_FALSE(fs::exists(tmp / "serial.db.shards"));
  Xapian::Database db((tmp / "serial.db").string());
  CHECK(db.get_doccount() == 3000);

  SECTION("a rerun finds every file unchanged; adding more writes in place") {
    const IndexReport again = index_paths(tmp / "serial.db", {input}, 1);
    CHECK(again.unchanged_files == 1);
    CHECK(again.added == 0);
    const fs::path more = tmp / "more.jsonl";
    write_articles(more, 10, "d");
    CHECK(index_paths(tmp / "serial.db", {more}, 1).added == 10);
    CHECK(Xapian::Database((tmp / "serial.db").string()).get_doccount() == 3010);
  }
  SECTION("scratch left by a compaction that was interrupted is cleared by the next run") {
    fs::create_directories(tmp / "serial.db.shards" / "merged");
    std::ofstream(tmp / "serial.db.shards" / "merged" / "postlist.glass") << "torn";
    const IndexReport again = index_paths(tmp / "serial.db", {input}, 1);
    CHECK(again.unchanged_files == 1);
    CHECK_FALSE(fs::exists(tmp / "serial.db.shards"));
  }
}

TEST_CASE("jobs: one thread and three threads build the same documents", "[parallel]") {
  TempDir tmp;
  const std::vector<fs::path> inputs{kCorpus, kIngestData};
  const IndexReport serial = index_paths(tmp / "serial.db", inputs, 1);
  const IndexReport parallel = index_paths(tmp / "parallel.db", inputs, 3);
  CHECK(serial.added > 20);
  CHECK(parallel.added == serial.added);
  CHECK(parallel.skipped == serial.skipped);
  CHECK(parallel.text_bytes == serial.text_bytes);
  const auto expected = contents(tmp / "serial.db");
  CHECK(contents(tmp / "parallel.db") == expected);

  SECTION("re-adding with several threads leaves everything unchanged") {
    const IndexReport again = index_paths(tmp / "parallel.db", inputs, 3);
    CHECK(again.added == 0);
    CHECK(again.replaced == 0);
    CHECK(again.unchanged == serial.added);
    CHECK(contents(tmp / "parallel.db") == expected);
  }
  SECTION("adding onto a database that has documents, with several threads") {
    const fs::path db = tmp / "incremental.db";
    index_paths(db, {kCorpus}, 3);
    index_paths(db, {kIngestData}, 3);
    CHECK(contents(db) == expected);
  }
}

TEST_CASE("jobs: the same id twice in one run keeps the later version", "[parallel]") {
  TempDir tmp;
  const fs::path input = tmp / "wire.jsonl";
  {
    std::ofstream out(input);
    for (int i = 0; i < 300; ++i) {
      out << article_line("w" + std::to_string(i), "Wire item " + std::to_string(i),
                          "Body of item " + std::to_string(i));
      if (i == 10) out << article_line("dup", "First version", "Original text about ferries");
      if (i == 250) out << article_line("dup", "Second version", "Corrected text about ferries");
    }
  }
  for (unsigned jobs : {1u, 3u}) {
    INFO("jobs " << jobs);
    const fs::path db_path = tmp / ("dup-" + std::to_string(jobs) + ".db");
    const IndexReport report = index_paths(db_path, {input}, jobs);
    CHECK(report.added == 301);
    CHECK(report.replaced == 1);
    const auto docs = contents(db_path);
    REQUIRE(docs.size() == 301);
    CHECK(docs.at("dup").data.find("Second version") != std::string::npos);
  }
}

TEST_CASE("memory: a tiny budget commits often and indexes every article", "[parallel]") {
  TempDir tmp;
  const fs::path input = tmp / "many.jsonl";
  write_articles(input, 2000, "m");
  for (unsigned jobs : {1u, 2u}) {
    INFO("jobs " << jobs);
    const fs::path db_path = tmp / ("tiny-" + std::to_string(jobs) + ".db");
    // A first document so that the run below writes the database itself (not shards).
    index_paths(db_path, {kCorpus / "text" / "rail-strike.txt"}, jobs);
    const Xapian::rev before = Xapian::Database(db_path.string()).get_revision();
    const IndexReport report = index_paths(db_path, {input}, jobs, /*memory_mb=*/1);
    CHECK(report.added == 2000);
    Xapian::Database db(db_path.string());
    CHECK(db.get_doccount() == 2001);
    // Half a megabyte of buffered changes per commit: a few dozen articles.
    CHECK(db.get_revision() - before >= 10);
    CHECK(contents(db_path).size() == 2001);
  }
}

TEST_CASE("jobs: scratch shards left by an interrupted bulk load are cleared", "[parallel]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  // What a kill during a bulk load leaves: an empty database and a half-written shard.
  fs::create_directories(tmp / "news.db.shards" / "shard-0");
  std::ofstream(tmp / "news.db.shards" / "shard-0" / "postlist.glass") << "torn";
  const IndexReport report = index_paths(db, {kCorpus}, 2);
  CHECK(report.added > 0);
  CHECK(Xapian::Database(db.string()).get_doccount() == report.added);
  CHECK_FALSE(fs::exists(tmp / "news.db.shards"));
}
