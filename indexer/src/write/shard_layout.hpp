// Where a sharded database's shards live, and opening them for writing (internal).
#pragma once

#include <cstddef>
#include <filesystem>

#include <xapian.h>

#include "nsearch/shard_stub.hpp"

namespace nsearch {

/// The stub of the sharded database at `db_path`, created with `shards` empty shards (folder
/// `db_path` holding XAPIANDB and shard-0 .. shard-N-1) when nothing is there. Refuses a plain
/// database, a shard count other than the stub's (`shards` 0 accepts any) and remote shards.
/// Throws Error(invalid_argument, database_error).
ShardStub local_shards(const std::filesystem::path& db_path, std::size_t shards);

/// Opens (creating when missing) one shard for writing. Throws Error(database_locked) when
/// another writer holds it, Error(database_error) otherwise.
Xapian::WritableDatabase open_shard_for_writing(const std::filesystem::path& shard);

}  // namespace nsearch
