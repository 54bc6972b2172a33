// nindex's sharding commands: add --shards (for nsearch::IndexOptions::shards), compact (a thin
// shell over nsearch::compact_database) and serve-shard.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace nindex {

struct ShardCommands {
  std::size_t shards = 0;  ///< add --shards N (0: not given)
  CLI::App* compact = nullptr;
  bool merge = false;
  CLI::App* serve = nullptr;
  int port = 0;
  std::string host = "127.0.0.1";
  std::string serve_db;
  int timeout_ms = -1;
};

/// Registers `add --shards`, `compact` and `serve-shard` on the command line.
void add_shard_commands(CLI::App& app, CLI::App& add, ShardCommands& commands);

/// Runs `compact` or `serve-shard` when one was given; nullopt otherwise. serve-shard does not
/// return when the server starts (the process becomes xapian-tcpsrv). Throws nsearch::Error.
std::optional<int> run_shard_command(const ShardCommands& commands,
                                     const std::filesystem::path& db_path);

}  // namespace nindex
