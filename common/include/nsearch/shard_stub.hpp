// Sharded databases: Xapian stub database files listing the shards (local or remote) that are
// searched together as one database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

/// One line of a stub file (Xapian's format): `auto PATH` / `glass PATH` (a local shard; a
/// relative PATH is relative to the stub file's folder), `remote HOST:PORT` (a shard served by
/// xapian-tcpsrv or `nindex serve-shard`) or `remote :PROGRAM ARGS` (xapian-progsrv).
struct ShardEntry {
  bool remote = false;
  std::string location;          ///< as written after the type: a path, HOST:PORT or :PROGRAM
  std::filesystem::path path{};  ///< local shards: the resolved path
};

/// A parsed stub file.
struct ShardStub {
  std::filesystem::path file;  ///< the stub file itself
  std::vector<ShardEntry> shards;

  bool has_remote() const;
  /// Paths of the local shards, in stub order.
  std::vector<std::filesystem::path> local_paths() const;
};

/// The name of the stub file inside a sharded database folder (Xapian opens a folder holding a
/// file of this name as a stub).
inline constexpr std::string_view kStubFileName = "XAPIANDB";

/// The stub file behind `db_path`: the path itself when it is a regular file, or
/// `db_path/XAPIANDB` when `db_path` is a folder holding one; nullopt for a plain database or
/// a missing path.
std::optional<std::filesystem::path> stub_file_of(const std::filesystem::path& db_path);

/// Reads a stub file. Throws Error(invalid_argument) naming `file:line` for a line Xapian would
/// not accept, Error(database_not_found) when it cannot be read.
ShardStub read_stub(const std::filesystem::path& stub_file);

/// Writes `stub` atomically (a new file renamed over the old one), so that a searcher opening
/// the database meanwhile sees the old list or the new one, never a mix. Local paths inside the
/// stub's folder are written relative to it, so the folder can be moved or copied whole.
void write_stub(const ShardStub& stub);

/// Checks that `db_path` can be served whole by xapian-tcpsrv: Xapian opens it, and, when it
/// is sharded, its shards are all local (a server does not relay to other servers). Throws
/// Error(database_not_found) naming Xapian's reason, or Error(invalid_argument).
void check_servable(const std::filesystem::path& db_path);

/// The shard (0..shards-1) that holds the article with this id: FNV-1a (64 bit) of the id
/// modulo `shards`. Stable across runs, machines and versions, so that re-adding or removing an
/// article always reaches the shard that has it.
std::size_t shard_of(std::string_view id, std::size_t shards);

}  // namespace nsearch
