// End-to-end tests of running nindex add as a user does: re-runs, --prune, summaries and
// --json, exit codes, progress on a terminal, Ctrl-C, and a database locked by another writer.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include <xapian.h>

#include "child_process.hpp"
#include "nsearch/indexer.hpp"
#include "run_command.hpp"
#include "sanitizer_slowdown.hpp"
#include "synthetic_corpus.hpp"
#include "temp_dir.hpp"

using nlohmann::json;
using nsearch::test::ChildProcess;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::TempDir;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

CommandResult nindex(const fs::path& db, std::vector<std::string> args) {
  std::vector<std::string> argv{NINDEX_BIN, "--db", db.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

std::string article(const std::string& id, const std::string& title) {
  return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + title +
         " was reported by the harbour office on Monday.\"}\n";
}

Xapian::doccount documents(const fs::path& db) {
  return Xapian::Database(db.string()).get_doccount();
}

}  // namespace

TEST_CASE("nindex add: re-runs, --json summary, --prune and exit codes", "[e2e][ingest-ops]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const fs::path db = tmp / "news.db";
  write_file(corpus / "a.jsonl", article("a1", "Ferry returns") + article("a2", "Crane repaired"));
  write_file(corpus / "sub/b.jsonl", article("b1", "Bridge closes") + "{broken\n");

  const CommandResult first = nindex(db, {"add", "--json", corpus.string()});
  INFO(first.err);
  CHECK(first.exit_code == 1);  // one record skipped
  CHECK_THAT(first.err, Catch::Contains("sub/b.jsonl:2: malformed JSON"));
  const json s1 = json::parse(first.out);
  CHECK(s1["added"] == 3);
  CHECK(s1["skipped"] == 1);
  CHECK(s1["skipped_by_reason"] == json{{"malformed record", 1}});
  CHECK(s1["exit_code"] == 1);
  CHECK(s1["interrupted"] == false);

  // Nothing changed: no file is read, everything is unchanged, nothing to warn about.
  const CommandResult second = nindex(db, {"add", "--json", corpus.string()});
  CHECK(second.exit_code == 0);
  CHECK(second.err.find("warning") == std::string::npos);
  const json s2 = json::parse(second.out);
  CHECK(s2["files"] == 0);
  CHECK(s2["unchanged_files"] == 2);
  CHECK(s2["unchanged"] == 3);
  CHECK(s2["added"] == 0);
  CHECK_THAT(second.err, Catch::Contains("2 unchanged files passed over"));

  // A file edited in place and another removed: --prune drops the removed file's articles.
  write_file(corpus / "a.jsonl", article("a1", "Ferry returns late"));
  fs::remove(corpus / "sub/b.jsonl");
  const CommandResult third = nindex(db, {"add", "--prune", "--json", corpus.string()});
  INFO(third.err);
  CHECK(third.exit_code == 0);
  const json s3 = json::parse(third.out);
  CHECK(s3["replaced"] == 1);
  CHECK(s3["removed"] == 2);  // a2 (gone from a.jsonl) and b1 (file gone)
  CHECK(documents(db) == 1);

  // --quiet: not a word on stderr when all is well; the JSON summary still comes.
  write_file(corpus / "c.jsonl", article("c1", "Market opens"));
  const CommandResult quiet = nindex(db, {"add", "--quiet", "--json", corpus.string()});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  CHECK(json::parse(quiet.out)["added"] == 1);

  // Bad arguments are fatal.
  CHECK(nindex(db, {"add", "--memory", "0", corpus.string()}).exit_code == 2);
  CHECK(nindex(db, {"add", "--no-such-option", corpus.string()}).exit_code == 2);
}

TEST_CASE("nindex add: live progress on a terminal only", "[e2e][ingest-ops]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  nsearch::test::write_synthetic_corpus(corpus, 12, 300);
  // `script` gives nindex a terminal; its output is what the user would see.
  const std::string command = nsearch::test::shell_quote(NINDEX_BIN) + " --db " +
                              nsearch::test::shell_quote((tmp / "tty.db").string()) + " add " +
                              nsearch::test::shell_quote(corpus.string());
  const CommandResult tty = run_command({"script", "-qefc", command, "/dev/null"});
  INFO(tty.out);
  CHECK(tty.exit_code == 0);
  CHECK_THAT(tty.out, Catch::Contains("\r\033[K"));
  CHECK_THAT(tty.out, Catch::Contains(" files, ") && Catch::Contains(" articles/s"));
  CHECK_THAT(tty.out, Catch::Contains("3600 added"));

  // Not a terminal: the summary line only.
  const CommandResult piped = nindex(tmp / "piped.db", {"add", corpus.string()});
  CHECK(piped.exit_code == 0);
  CHECK(piped.err.find('\r') == std::string::npos);
  CHECK(std::count(piped.err.begin(), piped.err.end(), '\n') == 1);
}

// Sends SIGINT to `run` once `ready` says so; checks the run says it was interrupted and
// returns how many articles it reports added.
template <typename Ready>
std::size_t interrupt(ChildProcess& run, Ready ready) {
  for (int i = 0; i < 6000 && run.running() && !ready(); ++i)
    std::this_thread::sleep_for(5ms);
  REQUIRE(run.running());
  run.signal(SIGINT);
  REQUIRE(run.wait_for(60s));
  INFO(run.err());
  CHECK(run.wait() == 130);
  CHECK_THAT(run.err(), Catch::Contains("interrupted"));
  const json summary = json::parse(run.out());
  CHECK(summary["interrupted"] == true);
  CHECK(summary["exit_code"] == 130);
  return summary["added"];
}

TEST_CASE("nindex add: Ctrl-C commits what was done and a re-run continues", "[e2e][ingest-ops]") {
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 20, 400);
  const fs::path db = tmp / "news.db";

  SECTION("into a database with documents (written in place, many commits)") {
    write_file(tmp / "seed.jsonl", article("seed1", "Ferry returns"));
    REQUIRE(nindex(db, {"add", (tmp / "seed.jsonl").string()}).exit_code == 0);
    // A small memory budget: a commit every few dozen articles.
    ChildProcess run(
        {NINDEX_BIN, "--db", db.string(), "add", "--json", "--memory", "1", corpus.string()},
        tmp / "out", tmp / "err");
    // Interrupt once the first commit of this run is visible.
    const std::size_t added = interrupt(run, [&] {
      try {
        return documents(db) > 1;
      } catch (const Xapian::Error&) {
        return false;
      }
    });
    CHECK(added > 0);
    CHECK(added < total);
    CHECK(documents(db) == 1 + added);  // all that was added is committed

    const CommandResult rest = nindex(db, {"add", "--json", corpus.string()});
    INFO(rest.err);
    CHECK(rest.exit_code == 0);
    CHECK(json::parse(rest.out)["added"] == total - added);
    CHECK(documents(db) == 1 + total);
  }
  SECTION("into an empty database (bulk load in shards): the shards so far are merged") {
    ChildProcess run(
        {NINDEX_BIN, "--db", db.string(), "add", "--json", "--jobs", "2", corpus.string()},
        tmp / "out", tmp / "err");
    const fs::path shards = tmp / "news.db.shards";
    // Interrupt a while after the shards appear: some files are done, others are not.
    std::optional<std::chrono::steady_clock::time_point> started;
    const std::size_t added = interrupt(run, [&] {
      if (!started && fs::exists(shards)) started = std::chrono::steady_clock::now();
      return started && std::chrono::steady_clock::now() >
                            *started + 300ms * nsearch::test::kSanitizerSlowdown;
    });
    CHECK(added > 0);
    CHECK(added < total);
    CHECK(documents(db) == added);
    CHECK_FALSE(fs::exists(shards));  // scratch removed

    const CommandResult rest = nindex(db, {"add", "--json", corpus.string()});
    INFO(rest.err);
    CHECK(rest.exit_code == 0);
    const json summary = json::parse(rest.out);
    CHECK(summary["added"] == total - added);
    CHECK(summary["unchanged_files"].get<std::size_t>() > 0);  // files done were recorded
    CHECK(documents(db) == total);
  }
}

TEST_CASE("nindex: a second writer fails fast naming the first, or waits with --wait",
          "[e2e][ingest-ops][lock]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  write_file(tmp / "a.jsonl", article("a1", "Ferry returns"));
  auto holder = std::make_unique<nsearch::Indexer>(nsearch::IndexOptions{.db_path = db}, nullptr);

  const auto start = std::chrono::steady_clock::now();
  const CommandResult locked = nindex(db, {"add", (tmp / "a.jsonl").string()});
  CHECK(std::chrono::steady_clock::now() - start < 5s);
  CHECK(locked.exit_code == 2);
  CHECK_THAT(locked.err,
             Catch::Contains("is locked by nindex (pid " + std::to_string(getpid()) + " on "));
  CHECK(nindex(db, {"remove", "a1"}).exit_code == 2);

  const CommandResult gave_up = nindex(db, {"add", "--wait", "0.3", (tmp / "a.jsonl").string()});
  CHECK(gave_up.exit_code == 2);
  CHECK_THAT(gave_up.err, Catch::Contains("gave up waiting"));

  std::thread release([&] {
    std::this_thread::sleep_for(500ms);
    holder.reset();
  });
  const CommandResult waited = nindex(db, {"add", "--wait", (tmp / "a.jsonl").string()});
  release.join();
  INFO(waited.err);
  CHECK(waited.exit_code == 0);
  CHECK(documents(db) == 1);
}
