// nindex's sharding commands: add --shards, compact, serve-shard (a thin shell over
// nsearch::ShardedIndexer and nsearch::compact_database).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "nsearch/indexer.hpp"

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

/// True when `add`/`remove` must write shards: --shards given or the database is sharded.
bool writes_shards(const ShardCommands& commands, const std::filesystem::path& db_path);

using SummaryPrinter = std::function<void(const nsearch::IndexReport&, double seconds)>;

/// `nindex add` into a sharded database; returns the exit status.
int run_sharded_add(const nsearch::IndexOptions& options, std::size_t shards,
                    const std::vector<std::string>& inputs, nsearch::DiagnosticHandler on_warning,
                    const SummaryPrinter& summary);

/// `nindex remove` from a sharded database; returns the exit status.
int run_sharded_remove(const nsearch::IndexOptions& options, const std::vector<std::string>& ids);

/// Runs `compact` or `serve-shard` when one was given; nullopt otherwise. serve-shard does not
/// return when the server starts (the process becomes xapian-tcpsrv). Throws nsearch::Error.
std::optional<int> run_shard_command(const ShardCommands& commands,
                                     const std::filesystem::path& db_path);

}  // namespace nindex
