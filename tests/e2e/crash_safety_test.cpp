// Crash safety end to end: nindex killed with -9 at random moments, a disk that fills up, and
// searches running while nindex commits. The database must always open, pass xapian-check,
// hold each article once, and a re-run must complete it exactly.
#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <xapian.h>

#include "child_process.hpp"
#include "nsearch/schema.hpp"
#include "run_command.hpp"
#include "synthetic_corpus.hpp"
#include "temp_dir.hpp"

using nsearch::test::ChildProcess;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::TempDir;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

struct DatabaseState {
  Xapian::doccount documents = 0;
  std::size_t ids = 0;         // distinct article ids
  std::size_t duplicated = 0;  // ids held by more than one document
};

DatabaseState inspect(const fs::path& db_path) {
  Xapian::Database db(db_path.string());
  DatabaseState s;
  s.documents = db.get_doccount();
  const std::string prefix(nsearch::schema::kIdPrefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    ++s.ids;
    if (it.get_termfreq() != 1) ++s.duplicated;
  }
  return s;
}

// xapian-check's verdict (exit 0 and "No errors found").
bool xapian_check_passes(const fs::path& db) {
  const CommandResult r = run_command({"xapian-check", db.string()});
  if (r.exit_code != 0 || r.out.find("No errors found") == std::string::npos) {
    UNSCOPED_INFO("xapian-check " << db << ":\n" << r.out << r.err);
    return false;
  }
  return true;
}

// Runs `nindex add ARGS CORPUS` `rounds` times, killing it with -9 after a random delay from
// `delays` (ms, widened each round); after each, the database (if there is one yet) must be
// consistent. Returns how many runs were killed.
int kill_rounds(const fs::path& db, const fs::path& corpus, std::vector<std::string> args,
                int rounds, std::pair<int, int> delays, std::size_t most) {
  const unsigned seed = std::random_device{}();
  std::cout << "crash test: kill times seeded with " << seed << "\n";
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  std::vector<std::string> argv{NINDEX_BIN, "--db", db.string(), "add"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(corpus.string());
  int killed = 0;
  for (int round = 0; round < rounds; ++round) {
    ChildProcess run(argv, db.parent_path() / "out", db.parent_path() / "err");
    std::uniform_int_distribution<int> delay_ms(delays.first * (round + 1),
                                                delays.second * (round + 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    if (run.running()) {
      run.signal(SIGKILL);
      ++killed;
    }
    const int code = run.wait();
    INFO("round " << round << " exit " << code << ": " << run.err());
    CHECK((code == 128 + SIGKILL || code == 0));
    if (!fs::exists(db / "iamglass")) continue;  // killed before the database existed
    const DatabaseState state = inspect(db);
    CHECK(state.duplicated == 0);
    CHECK(state.ids == state.documents);
    CHECK(state.documents <= most);
    CHECK(xapian_check_passes(db));
  }
  return killed;
}

// The re-run after the kills: exactly `expected` documents, each id once.
void check_rerun_completes(const fs::path& db, const fs::path& corpus, std::size_t expected) {
  const CommandResult rest = run_command({NINDEX_BIN, "--db", db.string(), "add", corpus.string()});
  INFO(rest.err);
  CHECK(rest.exit_code == 0);
  const DatabaseState final_state = inspect(db);
  CHECK(final_state.documents == expected);
  CHECK(final_state.ids == expected);
  CHECK(final_state.duplicated == 0);
  CHECK(xapian_check_passes(db));
}

}  // namespace

TEST_CASE("kill -9 during a large add, several times, then a re-run", "[e2e][crash]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 24, 400);
  const fs::path db = tmp / "news.db";
  // Into a database with documents, written in place, committing every few dozen articles.
  const fs::path seed = tmp / "seed";
  const std::size_t seeded = nsearch::test::write_synthetic_corpus(seed, 1, 20, "s");
  REQUIRE(run_command({NINDEX_BIN, "--db", db.string(), "add", seed.string()}).exit_code == 0);
  // Early rounds die young (at first commits); later ones late in a file or mid-commit.
  CHECK(kill_rounds(db, corpus, {"--memory", "2"}, 4, {150, 600}, seeded + total) >= 2);
  check_rerun_completes(db, corpus, seeded + total);
}

TEST_CASE("kill -9 during a bulk load into an empty database, then a re-run", "[e2e][crash]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 24, 400);
  const fs::path db = tmp / "news.db";
  // Shards are scratch until merged: a kill at any moment (while the shards are written,
  // compacted or swapped in) leaves the database empty, absent, or complete.
  CHECK(kill_rounds(db, corpus, {"--jobs", "2"}, 3, {100, 2500}, total) >= 1);
  check_rerun_completes(db, corpus, total);
}

TEST_CASE("disk full: a clear error, exit 2, the database keeps its last commit", "[e2e][crash]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 10, 400);
  const fs::path small = tmp / "small";
  const std::size_t first = nsearch::test::write_synthetic_corpus(small, 1, 50, "s");
  const fs::path db = tmp / "news.db";
  REQUIRE(run_command({NINDEX_BIN, "--db", db.string(), "add", small.string()}).exit_code == 0);
  REQUIRE(inspect(db).documents == first);

  // No file may grow past 1 MiB (ulimit -f), much less than the corpus's index needs; a
  // small tmpfs would do the same but needs root. One commit at the end, so nothing of this
  // run may show.
  ChildProcess run({NINDEX_BIN, "--db", db.string(), "add", corpus.string()}, tmp / "out",
                   tmp / "err", rlim_t{1} << 20);
  REQUIRE(run.wait_for(120s));
  INFO(run.err());
  CHECK(run.wait() == 2);
  CHECK_THAT(run.err(), Catch::Contains("nindex: error: ") &&
                            Catch::Contains("disk full or file size limit") &&
                            Catch::Contains("the database keeps its last commit"));
  const DatabaseState state = inspect(db);
  CHECK(state.documents == first);
  CHECK(state.duplicated == 0);
  CHECK(xapian_check_passes(db));

  // With room again, the same command completes.
  const CommandResult rest = run_command({NINDEX_BIN, "--db", db.string(), "add", corpus.string()});
  CHECK(rest.exit_code == 0);
  CHECK(inspect(db).documents == first + total);
}

TEST_CASE("disk full during a bulk load: a clear error, exit 2, the database stays empty",
          "[e2e][crash]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 10, 400);
  const fs::path db = tmp / "news.db";
  // At these limits the first write refused used to fall in Xapian's update of the value chunks
  // (std::terminate: see safe_commit.hpp); at 1 MiB in a shard, the largest file.
  const rlim_t limit = GENERATE(rlim_t{1} << 20, rlim_t{1792} << 10, rlim_t{2816} << 10);
  INFO("file size limit " << limit);
  ChildProcess run({NINDEX_BIN, "--db", db.string(), "add", "--jobs", "2", corpus.string()},
                   tmp / "out", tmp / "err", limit);
  REQUIRE(run.wait_for(120s));
  INFO(run.err());
  CHECK(run.wait() == 2);
  CHECK_THAT(run.err(), Catch::Contains("disk full or file size limit"));
  CHECK(inspect(db).documents == 0);
  CHECK(xapian_check_passes(db));
  CHECK_FALSE(fs::exists(tmp / "news.db.shards"));

  const CommandResult rest = run_command({NINDEX_BIN, "--db", db.string(), "add", corpus.string()});
  CHECK(rest.exit_code == 0);
  CHECK(inspect(db).documents == total);
}

TEST_CASE("nsearch never fails while nindex add commits", "[e2e][concurrency]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 16, 400);
  const fs::path seed = tmp / "seed";
  nsearch::test::write_synthetic_corpus(seed, 1, 20, "s");
  const fs::path db = tmp / "news.db";
  REQUIRE(run_command({NINDEX_BIN, "--db", db.string(), "add", seed.string()}).exit_code == 0);

  ChildProcess run({NINDEX_BIN, "--db", db.string(), "add", "--memory", "3", corpus.string()},
                   tmp / "out", tmp / "err");
  std::size_t searches = 0;
  std::size_t failures = 0;
  std::string first_failure;
  const char* queries[] = {"harbour council", "\"flood river\"", "market OR shares",
                           "title:report"};
  while (run.running() || searches < 10) {
    const CommandResult r = run_command({NSEARCH_BIN, "--db", db.string(), "--json", "--limit",
                                         "20", "--facets", "outlet,year", queries[searches % 4]});
    ++searches;
    if (r.exit_code != 0 && r.exit_code != 1) {  // 1: nothing matched (yet), like grep
      ++failures;
      if (first_failure.empty()) first_failure = r.err;
    }
  }
  INFO(first_failure);
  CHECK(run.wait() == 0);
  CHECK(failures == 0);
  CHECK(searches >= 10);
  CHECK(inspect(db).documents == total + 20);
  std::cout << "concurrency test: " << searches << " searches while indexing, " << failures
            << " failed\n";
}
