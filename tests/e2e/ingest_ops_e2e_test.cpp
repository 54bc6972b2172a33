// End-to-end tests of running nindex add as a user does: re-runs, --prune, remove, summaries
// and --json, exit codes, progress on a terminal, Ctrl-C, and a database locked by another
// writer. Each runs on both layouts: a plain database and one of two shards (`add --shards 2`).
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

// The layouts every test runs on: 0 = a plain database, else that many shards.
std::size_t layout() {
  return GENERATE(as<std::size_t>(), 0, 2);
}

// `nindex add` arguments: `--shards N` (which creates the shards, and is checked against them
// later) for a sharded layout, then `rest`.
std::vector<std::string> add(std::size_t shards, std::vector<std::string> rest) {
  std::vector<std::string> args{"add"};
  if (shards > 0) args.insert(args.end(), {"--shards", std::to_string(shards)});
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("nindex add: re-runs, --json summary, --prune, remove and exit codes",
          "[e2e][ingest-ops]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const fs::path db = tmp / "news.db";
  write_file(corpus / "a.jsonl", article("a1", "Ferry returns") + article("a2", "Crane repaired"));
  write_file(corpus / "sub/b.jsonl", article("b1", "Bridge closes") + "{broken\n");

  const CommandResult first = nindex(db, add(shards, {"--json", corpus.string()}));
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
  const CommandResult second = nindex(db, add(shards, {"--json", corpus.string()}));
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
  const CommandResult third = nindex(db, add(shards, {"--prune", "--json", corpus.string()}));
  INFO(third.err);
  CHECK(third.exit_code == 0);
  const json s3 = json::parse(third.out);
  CHECK(s3["replaced"] == 1);
  CHECK(s3["removed"] == 2);  // a2 (gone from a.jsonl) and b1 (file gone)
  CHECK(documents(db) == 1);

  // --quiet: not a word on stderr when all is well; the JSON summary still comes.
  write_file(corpus / "c.jsonl", article("c1", "Market opens"));
  const CommandResult quiet = nindex(db, add(shards, {"--quiet", "--json", corpus.string()}));
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  CHECK(json::parse(quiet.out)["added"] == 1);

  // remove finds the article wherever it is, and forgets its file: adding it again restores it.
  const CommandResult removed = nindex(db, {"remove", "c1", "no-such-id"});
  CHECK(removed.exit_code == 1);
  CHECK_THAT(removed.err, Catch::Contains("removed 1 of 2"));
  CHECK(documents(db) == 1);
  const CommandResult restored = nindex(db, add(shards, {"--json", corpus.string()}));
  CHECK(json::parse(restored.out)["added"] == 1);
  CHECK(documents(db) == 2);

  // Bad arguments are fatal.
  CHECK(nindex(db, add(shards, {"--memory", "0", corpus.string()})).exit_code == 2);
  CHECK(nindex(db, add(shards, {"--no-such-option", corpus.string()})).exit_code == 2);
}

TEST_CASE("nindex add: an unchanged re-run reads nothing and takes a fraction of the time",
          "[e2e][ingest-ops]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 20, 400);
  const fs::path db = tmp / "news.db";

  auto start = std::chrono::steady_clock::now();
  const CommandResult first = nindex(db, add(shards, {"--json", corpus.string()}));
  const double first_seconds = seconds_since(start);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(json::parse(first.out)["added"] == total);

  start = std::chrono::steady_clock::now();
  const CommandResult again = nindex(db, add(shards, {"--json", corpus.string()}));
  const double again_seconds = seconds_since(start);
  INFO(again.err);
  CHECK(again.exit_code == 0);
  const json summary = json::parse(again.out);
  CHECK(summary["files"] == 0);
  CHECK(summary["unchanged_files"] == 20);
  CHECK(summary["unchanged"] == total);
  CHECK(summary["added"] == 0);
  CHECK(documents(db) == total);
  INFO("first run " << first_seconds << " s, unchanged re-run " << again_seconds << " s");
  CHECK(again_seconds < first_seconds / 10);
}

TEST_CASE("nindex add: live progress on a terminal only", "[e2e][ingest-ops]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  nsearch::test::write_synthetic_corpus(corpus, 12, 300);
  // `script` gives nindex a terminal; its output is what the user would see.
  std::string command = nsearch::test::shell_quote(NINDEX_BIN) + " --db " +
                        nsearch::test::shell_quote((tmp / "tty.db").string());
  for (const std::string& arg : add(shards, {corpus.string()}))
    command += " " + nsearch::test::shell_quote(arg);
  const CommandResult tty = run_command({"script", "-qefc", command, "/dev/null"});
  INFO(tty.out);
  CHECK(tty.exit_code == 0);
  CHECK_THAT(tty.out, Catch::Contains("\r\033[K"));
  CHECK_THAT(tty.out, Catch::Contains(" files, ") && Catch::Contains(" articles/s"));
  CHECK_THAT(tty.out, Catch::Contains("3600 added"));

  // Not a terminal: the summary line only.
  const CommandResult piped = nindex(tmp / "piped.db", add(shards, {corpus.string()}));
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

// Runs `nindex add --json --memory 1 corpus` (a commit every few dozen articles) and interrupts
// it once a commit of it is visible that holds more than `at_least` documents. Returns how many
// articles it reports added.
std::size_t add_until_committed(const fs::path& db, std::size_t shards, const fs::path& corpus,
                                Xapian::doccount at_least, const TempDir& tmp) {
  std::vector<std::string> argv{NINDEX_BIN, "--db", db.string()};
  for (const std::string& arg : add(shards, {"--json", "--memory", "1", corpus.string()}))
    argv.push_back(arg);
  ChildProcess run(argv, tmp / "out", tmp / "err");
  const std::size_t added = interrupt(run, [&] {
    try {
      return documents(db) > at_least;
    } catch (const Xapian::Error&) {
      return false;
    }
  });
  CHECK(added > 0);
  return added;
}

// The same add again adds the `rest` and passes over the files the interrupted run finished.
void check_rerun_completes(const fs::path& db, std::size_t shards, const fs::path& corpus,
                           std::size_t rest) {
  const CommandResult run = nindex(db, add(shards, {"--json", corpus.string()}));
  INFO(run.err);
  CHECK(run.exit_code == 0);
  const json summary = json::parse(run.out);
  CHECK(summary["added"] == rest);
  CHECK(summary["unchanged_files"].get<std::size_t>() > 0);  // files done were recorded
}

TEST_CASE("nindex add: Ctrl-C commits what was done and a re-run continues", "[e2e][ingest-ops]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path corpus = tmp / "corpus";
  constexpr std::size_t kPerFile = 400;
  const std::size_t total = nsearch::test::write_synthetic_corpus(corpus, 20, kPerFile);
  const fs::path db = tmp / "news.db";
  // Interrupted once more than a file's articles are committed, a run has finished its first
  // file, whose record the re-run finds (a commit seen sooner may come before any file's end).

  SECTION("into a database with documents (written in place, many commits)") {
    write_file(tmp / "seed.jsonl", article("seed1", "Ferry returns"));
    REQUIRE(nindex(db, add(shards, {(tmp / "seed.jsonl").string()})).exit_code == 0);
    const std::size_t added = add_until_committed(db, shards, corpus, 1 + kPerFile, tmp);
    CHECK(added < total);
    CHECK(documents(db) == 1 + added);  // all that was added is committed
    check_rerun_completes(db, shards, corpus, total - added);
    CHECK(documents(db) == 1 + total);
  }
  SECTION("into an empty sharded database (written in place)") {
    if (shards == 0) return;  // a plain one is bulk loaded: the next section
    const std::size_t added = add_until_committed(db, shards, corpus, kPerFile, tmp);
    CHECK(added < total);
    CHECK(documents(db) == added);
    check_rerun_completes(db, shards, corpus, total - added);
    CHECK(documents(db) == total);
  }
  SECTION("into an empty database (bulk load in shards): the shards so far are merged") {
    if (shards > 0) return;  // a sharded one is written in place: the section before
    ChildProcess run(
        {NINDEX_BIN, "--db", db.string(), "add", "--json", "--jobs", "2", corpus.string()},
        tmp / "out", tmp / "err");
    const fs::path scratch = tmp / "news.db.shards";
    // Interrupt a while after the shards appear: some files are done, others are not.
    std::optional<std::chrono::steady_clock::time_point> started;
    const std::size_t added = interrupt(run, [&] {
      if (!started && fs::exists(scratch)) started = std::chrono::steady_clock::now();
      return started && std::chrono::steady_clock::now() >
                            *started + 300ms * nsearch::test::kSanitizerSlowdown;
    });
    CHECK(added > 0);
    CHECK(added < total);
    CHECK(documents(db) == added);
    CHECK_FALSE(fs::exists(scratch));  // scratch removed
    check_rerun_completes(db, shards, corpus, total - added);
    CHECK(documents(db) == total);
  }
}

TEST_CASE("nindex: a second writer fails fast naming the first, or waits with --wait",
          "[e2e][ingest-ops][lock]") {
  const std::size_t shards = layout();
  INFO("shards: " << shards);
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  write_file(tmp / "a.jsonl", article("a1", "Ferry returns"));
  auto holder = std::make_unique<nsearch::Indexer>(
      nsearch::IndexOptions{.db_path = db, .shards = shards}, nullptr);

  const auto start = std::chrono::steady_clock::now();
  const CommandResult locked = nindex(db, add(shards, {(tmp / "a.jsonl").string()}));
  CHECK(std::chrono::steady_clock::now() - start < 5s);
  CHECK(locked.exit_code == 2);
  CHECK_THAT(locked.err,
             Catch::Contains("is locked by nindex (pid " + std::to_string(getpid()) + " on "));
  CHECK(nindex(db, {"remove", "a1"}).exit_code == 2);

  const CommandResult gave_up =
      nindex(db, add(shards, {"--wait", "0.3", (tmp / "a.jsonl").string()}));
  CHECK(gave_up.exit_code == 2);
  CHECK_THAT(gave_up.err, Catch::Contains("gave up waiting"));

  std::thread release([&] {
    std::this_thread::sleep_for(500ms);
    holder.reset();
  });
  const CommandResult waited = nindex(db, add(shards, {"--wait", (tmp / "a.jsonl").string()}));
  release.join();
  INFO(waited.err);
  CHECK(waited.exit_code == 0);
  CHECK(documents(db) == 1);
}
