// What every command-line tool of the project shares (nindex, nsearch and its subcommands,
// nsearch-serve): the --db option, exit codes, and how a parse error ends the program. The
// tools are thin shells over the libraries; this is their one glue header.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "nsearch/error.hpp"

namespace nsearch::cli {

/// Exit codes, the same for every tool: scripts test them.
inline constexpr int kExitOk = 0;
/// nsearch: no match; nindex: finished, but some inputs were skipped or ids not found.
inline constexpr int kExitPartial = 1;
/// Bad arguments, a query that cannot be parsed, no or a locked database, a full disk...
inline constexpr int kExitError = 2;

/// The exit code for an error of `kind`. Every kind is an error (2): scripts written against
/// the tools tell "no match" (1) from "failed" (2), and the message says what failed.
constexpr int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument:
    case ErrorKind::bad_query:
    case ErrorKind::database_not_found:
    case ErrorKind::database_locked:
    case ErrorKind::database_error:
    case ErrorKind::storage_full:
    case ErrorKind::input_error:
    case ErrorKind::not_found:
      return kExitError;
  }
  return kExitError;
}

/// Adds the --db option every command takes.
inline CLI::Option* add_db_option(CLI::App& app, std::string& db) {
  return app.add_option("--db", db, "database path (default: $NSEARCH_DB, else ./news.db)");
}

/// Parses the command line; on --help or --version, or a usage error, returns the exit code to
/// end with (0, or kExitError after the message), else nothing.
inline std::optional<int> parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitError;
  }
  return std::nullopt;
}

/// The arguments with a `--db PATH` (or `--db=PATH`) given before one of `subcommands` moved
/// after it: `nsearch --db X serve` runs as `nsearch serve --db X`, so that --db is accepted on
/// either side of every subcommand. Anything else (`nsearch --db X --lang fr query`) is left as
/// it is. `argv[0]` stays first.
inline std::vector<std::string> db_after_subcommand(
    int argc, char** argv, std::initializer_list<std::string_view> subcommands) {
  std::vector<std::string> args(argv, argv + argc);
  std::size_t db_args = 0;  // 2 for "--db PATH", 1 for "--db=PATH"
  if (args.size() >= 4 && args[1] == "--db") {
    db_args = 2;
  } else if (args.size() >= 3 && args[1].starts_with("--db=")) {
    db_args = 1;
  }
  if (db_args == 0 ||
      std::find(subcommands.begin(), subcommands.end(), args[1 + db_args]) == subcommands.end())
    return args;
  const auto first = args.begin() + 1;
  std::rotate(first, first + static_cast<std::ptrdiff_t>(db_args),
              first + static_cast<std::ptrdiff_t>(db_args) + 1);
  return args;
}

/// argv-style pointers into `args` (which must outlive them), for CLI11 and exec.
inline std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> out;
  out.reserve(args.size() + 1);
  for (std::string& a : args)
    out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace nsearch::cli
