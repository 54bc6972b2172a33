// ingest_bench: `nindex add` throughput against a minimal indexer written directly on Xapian's
// TermGenerator, measured in the same run on the same corpus.
//
//   ingest_bench [--corpus PATH]... [--work DIR] [--jobs N] [--memory MB] [--breakdown]
//
// Default corpus: every English canonical corpus in ../shared/data/news-en (the reference
// corpus of the ingest issue). Each stage runs in a child process of its own, so the peak RSS
// reported (getrusage of that child) is the stage's own. Rows:
//   read+parse           the floor: decompress, parse and normalise every record, index nothing
//   xapian baseline      read_jsonl + TermGenerator (positions, English stemming) + add_document,
//                        one commit at the end (Xapian's default auto-flush every 10,000 docs)
//   nsearch Indexer      what `nindex add --jobs N --memory MB` runs
// --breakdown adds rows that split the baseline's time: term generation alone, without
// positions, with a single flush, and the nsearch document builder alone.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>
#include <CLI/CLI.hpp>

#include "analyse/document_builder.hpp"
#include "nsearch/article_reader.hpp"
#include "nsearch/indexer.hpp"
#include "stored_data.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct StageResult {
  double seconds = 0;
  double cpu_seconds = 0;  // user + system, all threads
  double peak_rss_mb = 0;
  std::size_t articles = 0;
  std::size_t text_bytes = 0;   // title + body
  std::uintmax_t db_bytes = 0;  // on disk after the stage
  bool ok = false;
};

std::uintmax_t disk_usage(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  }
  return total;
}

// Runs `stage` in a child process; its wall time, peak RSS and counts come back through a pipe.
StageResult run_in_child(const std::function<StageResult()>& stage) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    StageResult r;
    const auto start = Clock::now();
    try {
      r = stage();
      r.ok = true;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ingest_bench: %s\n", e.what());
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const ssize_t written = write(fds[1], &r, sizeof r);
    _exit(written == static_cast<ssize_t>(sizeof r) ? 0 : 1);
  }
  close(fds[1]);
  StageResult r;
  const ssize_t got = read(fds[0], &r, sizeof r);
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  if (got != static_cast<ssize_t>(sizeof r)) return {};
  r.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  const auto secs = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
  };
  r.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
  return r;
}

// Streams every article of the corpus, as nindex reads it.
void read_corpus(const std::vector<fs::path>& corpus,
                 const std::function<void(nsearch::Article&&)>& on_article) {
  nsearch::ArticleReader reader({}, nullptr);
  reader.read(corpus, on_article);
}

// The baseline: what a user writing directly on Xapian would do.
struct BaselineSettings {
  bool positions = true;
  bool write = true;          // false: generate terms only
  bool single_flush = false;  // one flush at the end instead of every 10,000 documents
};

StageResult minimal_xapian_indexer(const std::vector<fs::path>& corpus, const fs::path& db_path,
                                   BaselineSettings settings) {
  if (settings.single_flush) setenv("XAPIAN_FLUSH_THRESHOLD", "100000000", 1);
  std::optional<Xapian::WritableDatabase> db;
  if (settings.write) db.emplace(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("en"));
  StageResult r;
  read_corpus(corpus, [&](nsearch::Article&& a) {
    Xapian::Document doc;
    generator.set_document(doc);
    if (settings.positions) {
      generator.index_text(a.title);
      generator.increase_termpos();
      generator.index_text(a.body);
    } else {
      generator.index_text_without_positions(a.title);
      generator.index_text_without_positions(a.body);
    }
    doc.add_boolean_term("Q" + a.id);
    doc.set_data(a.title + "\n" + a.body);
    ++r.articles;
    r.text_bytes += a.title.size() + a.body.size();
    if (db) db->add_document(doc);
  });
  if (db) db->commit();
  return r;
}

StageResult read_only(const std::vector<fs::path>& corpus) {
  StageResult r;
  read_corpus(corpus, [&](nsearch::Article&& a) {
    ++r.articles;
    r.text_bytes += a.title.size() + a.body.size();
  });
  return r;
}

StageResult nsearch_builder_only(const std::vector<fs::path>& corpus) {
  StageResult r;
  nsearch::DocumentBuilder builder;
  read_corpus(corpus, [&](nsearch::Article&& a) {
    ++r.articles;
    r.text_bytes += a.title.size() + a.body.size();
    const Xapian::Document doc = builder.build(a, nsearch::serialise_article(a));
    if (doc.termlist_count() == 0) std::abort();  // keeps the work observable
  });
  return r;
}

StageResult nsearch_indexer(const std::vector<fs::path>& corpus, const fs::path& db_path,
                            unsigned jobs, std::size_t memory_mb) {
  nsearch::IndexOptions options;
  options.db_path = db_path;
  options.jobs = jobs;
  options.memory_mb = memory_mb;
  nsearch::IndexReport report;
  {
    nsearch::Indexer indexer(options, nullptr);
    indexer.add(corpus);
    indexer.commit();
    report = indexer.report();
  }
  StageResult r;
  r.articles = report.added + report.replaced + report.unchanged;
  r.text_bytes = report.text_bytes;
  return r;
}

// The 1-minute load average: timings on a shared machine mean little without it.
std::string load_average() {
  double load[1] = {0};
  if (getloadavg(load, 1) != 1) return "unknown";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", load[0]);
  return buf;
}

void print_row(const char* name, const StageResult& r, const StageResult& baseline,
               const StageResult& corpus) {
  if (!r.ok) {
    std::printf("%-30s failed\n", name);
    return;
  }
  const double mb = static_cast<double>(corpus.text_bytes) / 1e6;
  std::printf("%-30s %7.2f s (cpu %6.2f s) %7.0f art/s %6.2f MB/s  RSS %5.0f MB", name, r.seconds,
              r.cpu_seconds, static_cast<double>(r.articles) / r.seconds, mb / r.seconds,
              r.peak_rss_mb);
  if (r.db_bytes > 0) {
    std::printf("  index %6.1f MB (%.2fx text)", static_cast<double>(r.db_bytes) / 1e6,
                static_cast<double>(r.db_bytes) / static_cast<double>(corpus.text_bytes));
  }
  if (baseline.ok) {
    std::printf("  time/baseline %.2f cpu/baseline %.2f", r.seconds / baseline.seconds,
                r.cpu_seconds / baseline.cpu_seconds);
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ingest_bench: nindex add vs a minimal Xapian TermGenerator indexer"};
  std::vector<std::string> corpus_args;
  std::string work = "/tmp/ingest_bench";
  unsigned jobs = 0;
  std::size_t memory_mb = 1024;
  bool breakdown = false;
  bool baseline_only = false;
  app.add_option("--corpus", corpus_args,
                 "files or folders (default: ../shared/data/news-en/*/*.jsonl.gz)");
  app.add_option("--work", work, "scratch directory (its databases are recreated)");
  app.add_option("--jobs", jobs, "nsearch worker threads (0 = all cores)");
  app.add_option("--memory", memory_mb, "nsearch memory budget in MB")->check(CLI::PositiveNumber);
  app.add_flag("--breakdown", breakdown, "also time the parts of the baseline");
  app.add_flag("--baseline-only", baseline_only,
               "time only the baseline (e.g. under another XAPIAN_FLUSH_THRESHOLD)");
  CLI11_PARSE(app, argc, argv);

  std::vector<fs::path> corpus(corpus_args.begin(), corpus_args.end());
  if (corpus.empty()) {
    const fs::path news_en = fs::path(NSEARCH_SHARED_DATA_DIR) / "news-en";
    std::error_code ec;
    for (const auto& dir : fs::directory_iterator(news_en, ec)) {
      for (const auto& file : fs::directory_iterator(dir.path(), ec)) {
        if (file.path().string().ends_with(".jsonl.gz")) corpus.push_back(file.path());
      }
    }
    std::sort(corpus.begin(), corpus.end());
    if (corpus.empty()) {
      std::fprintf(stderr, "ingest_bench: no corpus under %s; pass --corpus\n", news_en.c_str());
      return 2;
    }
  }
  fs::create_directories(work);
  const fs::path baseline_db = fs::path(work) / "baseline.db";
  const fs::path nsearch_db = fs::path(work) / "nsearch.db";

  const StageResult parsed = run_in_child([&] { return read_only(corpus); });
  if (!parsed.ok) return 2;
  std::printf("corpus: %zu inputs, %zu articles, %.1f MB title+body; %u cores, load %s\n",
              corpus.size(), parsed.articles, static_cast<double>(parsed.text_bytes) / 1e6,
              std::thread::hardware_concurrency(), load_average().c_str());
  const StageResult none;

  fs::remove_all(baseline_db);
  StageResult baseline =
      run_in_child([&] { return minimal_xapian_indexer(corpus, baseline_db, {}); });
  baseline.db_bytes = disk_usage(baseline_db);
  if (baseline_only) {
    print_row("xapian baseline", baseline, baseline, parsed);
    return baseline.ok ? 0 : 1;
  }
  fs::remove_all(nsearch_db);
  StageResult ours =
      run_in_child([&] { return nsearch_indexer(corpus, nsearch_db, jobs, memory_mb); });
  ours.db_bytes = disk_usage(nsearch_db);

  print_row("read+parse (floor)", parsed, baseline, parsed);
  print_row("xapian baseline", baseline, baseline, parsed);
  char name[64];
  std::snprintf(name, sizeof name, "nsearch --jobs %u --memory %zu", jobs, memory_mb);
  print_row(name, ours, baseline, parsed);
  if (baseline.ok && ours.ok) {
    std::printf("speed-up over the baseline: %.2fx; over read+parse: %.2fx slower\n",
                baseline.seconds / ours.seconds, ours.seconds / parsed.seconds);
  }

  if (breakdown) {
    fs::remove_all(baseline_db);
    const StageResult terms_only =
        run_in_child([&] { return minimal_xapian_indexer(corpus, baseline_db, {.write = false}); });
    print_row("  termgen only (no db)", terms_only, baseline, parsed);
    StageResult no_pos = run_in_child(
        [&] { return minimal_xapian_indexer(corpus, baseline_db, {.positions = false}); });
    no_pos.db_bytes = disk_usage(baseline_db);
    print_row("  baseline without positions", no_pos, baseline, parsed);
    fs::remove_all(baseline_db);
    StageResult one_flush = run_in_child(
        [&] { return minimal_xapian_indexer(corpus, baseline_db, {.single_flush = true}); });
    one_flush.db_bytes = disk_usage(baseline_db);
    print_row("  baseline, one flush", one_flush, baseline, parsed);
    const StageResult builder = run_in_child([&] { return nsearch_builder_only(corpus); });
    print_row("  nsearch builder only (no db)", builder, baseline, parsed);
  }
  (void)none;
  std::printf("load at the end: %s\n", load_average().c_str());
  return baseline.ok && ours.ok ? 0 : 1;
}
