// nindex: builds and maintains an nsearch database. A thin shell over nsearch::Indexer.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "nsearch/article_format.hpp"
#include "nsearch/article_reader.hpp"
#include "nsearch/cli_app.hpp"
#include "nsearch/database_path.hpp"
#include "nsearch/database_stats.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "run_display.hpp"
#include "shard_commands.hpp"

namespace {

using nsearch::cli::kExitOk;
constexpr int kExitSkipped = nsearch::cli::kExitPartial;  // finished, some inputs skipped

// `--wait [SECONDS]`: absent = fail at once, without a value = wait as long as it takes.
std::chrono::milliseconds lock_wait(const CLI::Option* option, double seconds) {
  if (option->count() == 0) return std::chrono::milliseconds(0);
  if (seconds <= 0) return std::chrono::hours(24 * 365);
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

struct AddFlags {
  bool quiet = false;
  bool json = false;
  bool prune = false;
  double wait_seconds = 0;
  CLI::Option* wait = nullptr;
};

// `nindex add`: indexes, shows progress on a terminal, prints the summary, returns the exit code.
int run_add(nsearch::IndexOptions options, const std::vector<std::string>& inputs,
            const AddFlags& flags) {
  nindex::StatusLine status(!flags.quiet && isatty(STDERR_FILENO) == 1);
  nindex::StopOnSignals stop_on_signals(status);
  options.on_progress = [&status](const nsearch::IndexProgress& p) { status.progress(p); };
  options.lock_wait = lock_wait(flags.wait, flags.wait_seconds);
  const auto start = std::chrono::steady_clock::now();
  nsearch::IndexReport report;
  {
    nsearch::Indexer indexer(options,
                             [&status](const nsearch::Diagnostic& d) { status.warning(d); });
    stop_on_signals.attach(&indexer);
    const std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    indexer.add(paths);
    if (flags.prune && !indexer.report().stopped) indexer.prune(paths);
    report = indexer.report();
    stop_on_signals.attach(nullptr);
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  int code = report.skipped > 0 ? kExitSkipped : kExitOk;
  if (report.stopped) {
    code = 128 + (stop_on_signals.signal() != 0 ? stop_on_signals.signal() : SIGINT);
    status.message(
        "interrupted; what was indexed is committed: run the same command again "
        "to continue");
  }
  if (!flags.quiet) status.message(nindex::summary_text(report, elapsed.count()));
  if (flags.json) std::cout << nindex::summary_json(report, elapsed.count(), code) << "\n";
  return code;
}

void print_warning(const nsearch::Diagnostic& d) {
  std::cerr << "nindex: warning: " << d.location << ": " << d.message << "\n";
}

// Options shared by `add` and `extract` that say how to read records.
struct RecordOptions {
  std::vector<std::string> maps;
  std::string csv_delimiter;
  std::string csv_quote;
  bool csv_no_header = false;
};

void add_record_options(CLI::App* cmd, RecordOptions& o) {
  cmd->add_option("--map", o.maps,
                  "FIELD=PATH: fill an article field (title, body, outlet, date, author, url, "
                  "lang, category, id) from PATH in JSON/CSV records: dotted keys "
                  "(meta.headline) or column numbers (1); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--csv-delimiter", o.csv_delimiter,
                  "CSV/TSV field separator: , ; | or tab (default: detected)");
  cmd->add_option("--csv-quote", o.csv_quote,
                  "CSV/TSV quote character: \" or ' (default: detected)");
  cmd->add_flag("--csv-no-header", o.csv_no_header,
                "CSV/TSV files have no header row; name columns by number with --map");
}

// Fills `options` from the command line; throws nsearch::Error(invalid_argument).
void apply_record_options(const RecordOptions& o, nsearch::IndexOptions& options) {
  for (const std::string& spec : o.maps)
    options.field_map.push_back(nsearch::parse_field_mapping(spec));
  const auto one_char = [](const std::string& value, const char* option) {
    if (value.empty()) return '\0';
    if (value == "tab" || value == "\\t" || value == "\t") return '\t';
    if (value.size() != 1) {
      throw nsearch::Error(nsearch::ErrorKind::invalid_argument,
                           std::string(option) + ": expected one character, got \"" + value + "\"");
    }
    return value.front();
  };
  options.csv.delimiter = one_char(o.csv_delimiter, "--csv-delimiter");
  options.csv.quote = one_char(o.csv_quote, "--csv-quote");
  options.csv.no_header = o.csv_no_header;
}

}  // namespace

int main(int argc, char** argv) {
  // Over a file size limit (ulimit -f), fail the write with EFBIG and report it, rather than
  // being killed by SIGXFSZ: the database then stays at its last commit, with a clear message.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"nindex: index news articles for nsearch"};
  app.require_subcommand(1);
  std::string db;
  nsearch::cli::add_db_option(app, db);
  // --db (an option of nindex itself) is also accepted after the subcommand: nindex add --db X.
  app.fallthrough();

  auto* add = app.add_subcommand("add", "index files and folders (recursively)");
  std::vector<std::string> inputs;
  nsearch::IndexOptions options;
  add->add_option("paths", inputs,
                  "files, folders or archives: .txt, .html, .jsonl, .json, .csv, .tsv, .warc "
                  "(optionally compressed), .zip, .tar(.gz)")
      ->required();
  add->add_option("--outlet", options.default_outlet, "outlet for articles that name none");
  add->add_option("--lang", options.default_lang,
                  "language for articles whose language is not given or detected");
  add->add_option("--jobs,-j", options.jobs,
                  "threads that read, clean and index (default: all cores)");
  add->add_option("--memory", options.memory_mb,
                  "MB of memory for buffered changes; commits happen before it is exceeded "
                  "(default: 1024)")
      ->check(CLI::PositiveNumber);
  bool no_stories = false;
  add->add_flag("--no-stories", no_stories,
                "do not group syndicated copies into stories (every article its own story)");
  AddFlags add_flags;
  add->add_flag("--quiet,-q", add_flags.quiet, "no progress line and no summary; warnings only");
  add->add_flag("--json", add_flags.json, "print the summary as a JSON object on stdout");
  add->add_flag("--force", options.force,
                "read every file again, even those unchanged since they were indexed");
  add->add_flag("--prune", add_flags.prune,
                "also remove articles of files under the given paths that no longer exist");
  add_flags.wait = add->add_option("--wait", add_flags.wait_seconds,
                                   "when another nindex writes the database, wait for it (at "
                                   "most SECONDS, default: as long as it takes)")
                       ->expected(0, 1);
  RecordOptions record_options;
  add_record_options(add, record_options);

  auto* extract = app.add_subcommand(
      "extract", "print what `add` would index for each article, without indexing");
  std::vector<std::string> extract_inputs;
  bool extract_json = false;
  extract->add_option("paths", extract_inputs, "files or folders")->required();
  extract->add_flag("--json", extract_json, "one JSON object per article and line");
  extract->add_option("--outlet", options.default_outlet, "outlet for articles that name none");
  extract->add_option("--lang", options.default_lang, "language when not given or detected");
  add_record_options(extract, record_options);

  auto* remove = app.add_subcommand("remove", "remove articles by id");
  std::vector<std::string> ids;
  remove->add_option("ids", ids, "article ids")->required();
  double remove_wait_seconds = 0;
  auto* remove_wait =
      remove->add_option("--wait", remove_wait_seconds, "wait for another writer (SECONDS)")
          ->expected(0, 1);

  auto* stats = app.add_subcommand("stats", "show what the database holds");
  bool stats_json = false;
  stats->add_flag("--json", stats_json, "print a JSON object");

  nindex::ShardCommands shard_commands;
  nindex::add_shard_commands(app, *add, shard_commands);

  if (const auto done = nsearch::cli::parse(app, argc, argv)) return *done;
  options.db_path = nsearch::resolve_database_path(db);
  options.story_clusters = !no_stories;

  try {
    apply_record_options(record_options, options);
    if (auto status = nindex::run_shard_command(shard_commands, options.db_path)) return *status;
    options.shards = shard_commands.shards;
    if (add->parsed()) return run_add(options, inputs, add_flags);
    if (extract->parsed()) {
      nsearch::ArticleReader reader(
          {options.default_outlet, options.default_lang, options.field_map, options.csv},
          print_warning);
      const std::vector<std::filesystem::path> paths(extract_inputs.begin(), extract_inputs.end());
      bool first = true;
      reader.read(paths, [&](nsearch::Article&& article) {
        if (extract_json) {
          std::cout << nsearch::to_json(article) << "\n";
        } else {
          if (!first) std::cout << "\n----\n\n";
          nsearch::write_text(std::cout, article);
        }
        first = false;
      });
      return reader.report().skipped > 0 ? kExitSkipped : kExitOk;
    }
    if (remove->parsed()) {
      options.lock_wait = lock_wait(remove_wait, remove_wait_seconds);
      nsearch::Indexer indexer(options, nullptr);
      const std::size_t removed = indexer.remove(ids);
      indexer.commit();
      std::fprintf(stderr, "nindex: removed %zu of %zu articles\n", removed, ids.size());
      return removed == ids.size() ? kExitOk : kExitSkipped;
    }
    const nsearch::DatabaseStats s = nsearch::database_stats(options.db_path);
    if (stats_json) {
      std::cout << nsearch::to_json(s) << "\n";
    } else {
      nsearch::write_text(std::cout, s);
    }
    return kExitOk;
  } catch (const nsearch::Error& e) {
    std::cerr << "nindex: error: " << e.what() << "\n";
    return nsearch::cli::exit_code(e.kind());
  }
}
