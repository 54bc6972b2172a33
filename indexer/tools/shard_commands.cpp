#include "shard_commands.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "nsearch/cli_app.hpp"
#include "nsearch/database_maintenance.hpp"
#include "nsearch/error.hpp"
#include "nsearch/shard_stub.hpp"

namespace nindex {
namespace fs = std::filesystem;

void add_shard_commands(CLI::App& app, CLI::App& add, ShardCommands& commands) {
  add.add_option("--shards", commands.shards,
                 "create the database as N shards written in parallel, searched as one (a "
                 "folder with a Xapian stub file XAPIANDB and shard-0..N-1)")
      ->check(CLI::Range(1, 1024));

  commands.compact = app.add_subcommand(
      "compact", "compact the database (Xapian compaction); a sharded one shard by shard");
  commands.compact->add_flag("--merge", commands.merge,
                             "merge the shards of a sharded database into one");

  commands.serve = app.add_subcommand(
      "serve-shard",
      "serve the database to remote searchers (runs xapian-tcpsrv; list it in a stub file as "
      "\"remote HOST:PORT\")");
  commands.serve->add_option("--port", commands.port, "TCP port to listen on")
      ->required()
      ->check(CLI::Range(1, 65535));
  commands.serve->add_option("--host", commands.host,
                             "address to listen on (default 127.0.0.1: this machine only; "
                             "0.0.0.0 for every interface)");
  commands.serve->add_option("--timeout", commands.timeout_ms,
                             "milliseconds an idle or active connection may last (default: "
                             "xapian-tcpsrv's)");
  commands.serve->add_option("db", commands.serve_db, "database (default: --db)");
}

namespace {

[[noreturn]] void exec_tcpsrv(const ShardCommands& commands, const fs::path& db) {
  nsearch::check_servable(db);  // a clear error now rather than from the server
  std::vector<std::string> args = {"xapian-tcpsrv", "--port", std::to_string(commands.port),
                                   "--interface", commands.host};
  if (commands.timeout_ms >= 0) {
    args.insert(args.end(), {"--timeout", std::to_string(commands.timeout_ms)});
  }
  args.push_back(db.string());
  std::cerr << "nindex: serving " << db.string() << " on " << commands.host << ":" << commands.port
            << " (xapian-tcpsrv)" << std::endl;
  // xapian-tcpsrv ends its whole process group on SIGTERM (to stop its connection handlers).
  // In a terminal's foreground the group is this job; started by another program it would
  // be that program's group too, so it gets a group of its own.
  if (tcgetpgrp(STDIN_FILENO) != getpgrp()) setpgid(0, 0);
  std::vector<char*> argv = nsearch::cli::argv_of(args);
  execvp(argv[0], argv.data());  // no shell: the program is looked up in PATH
  throw nsearch::Error(nsearch::ErrorKind::invalid_argument,
                       std::string("cannot run xapian-tcpsrv (Debian package xapian-tools): ") +
                           std::strerror(errno));
}

}  // namespace

std::optional<int> run_shard_command(const ShardCommands& commands, const fs::path& db_path) {
  if (commands.compact != nullptr && commands.compact->parsed()) {
    const nsearch::CompactReport r = nsearch::compact_database(db_path, commands.merge);
    std::fprintf(stderr, "nindex: compacted %zu documents: %zu shard%s -> %zu\n", r.documents,
                 r.shards_before, r.shards_before == 1 ? "" : "s", r.shards_after);
    return nsearch::cli::kExitOk;
  }
  if (commands.serve != nullptr && commands.serve->parsed()) {
    exec_tcpsrv(commands, commands.serve_db.empty() ? db_path : fs::path(commands.serve_db));
  }
  return std::nullopt;
}

}  // namespace nindex
