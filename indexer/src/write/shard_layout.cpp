#include "write/shard_layout.hpp"

#include <cstdlib>

#include "nsearch/error.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

ShardStub create_sharded_database(const fs::path& db_path, std::size_t shards) {
  std::error_code ec;
  if (fs::exists(db_path, ec) && !fs::is_empty(db_path, ec)) {
    throw Error(ErrorKind::invalid_argument,
                db_path.string() +
                    " is a single database, not a sharded one: --shards creates "
                    "a new database (give another --db)");
  }
  fs::create_directories(db_path, ec);
  if (ec) {
    throw Error(ErrorKind::database_error,
                "cannot create " + db_path.string() + ": " + ec.message());
  }
  ShardStub stub{db_path / kStubFileName, {}};
  for (std::size_t i = 0; i < shards; ++i) {
    const std::string name = "shard-" + std::to_string(i);
    stub.shards.push_back({false, name, db_path / name});
    open_shard_for_writing(db_path / name);  // created empty, so the stub names real databases
  }
  write_stub(stub);
  return stub;
}

}  // namespace

ShardStub local_shards(const fs::path& db_path, std::size_t shards) {
  const auto stub_file = stub_file_of(db_path);
  if (!stub_file) {
    if (shards == 0) {
      throw Error(ErrorKind::invalid_argument, db_path.string() + " is not a sharded database");
    }
    return create_sharded_database(db_path, shards);
  }
  ShardStub stub = read_stub(*stub_file);
  for (const ShardEntry& shard : stub.shards) {
    if (shard.remote) {
      throw Error(ErrorKind::invalid_argument,
                  stub.file.string() + " lists the remote shard \"" + shard.location +
                      "\": shards are written where they are stored (run nindex on that machine "
                      "with --db naming the shard, or a stub of local shards)");
    }
  }
  if (shards != 0 && shards != stub.shards.size()) {
    throw Error(ErrorKind::invalid_argument,
                db_path.string() + " has " + std::to_string(stub.shards.size()) + " shards, not " +
                    std::to_string(shards) +
                    " (articles are routed by the shard count; re-sharding is not supported: "
                    "index into a new database, or merge with nindex compact --merge)");
  }
  return stub;
}

Xapian::WritableDatabase open_shard_for_writing(const fs::path& shard) {
  // Commits are sized by memory (CommitBudget), not by Xapian's count of changes; a user's
  // setting is kept.
  setenv("XAPIAN_FLUSH_THRESHOLD", "4000000000", /*overwrite=*/0);
  try {
    return Xapian::WritableDatabase(shard.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::database_locked,
                "shard " + shard.string() + " is locked by another writer (is nindex running?)");
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error,
                "cannot open shard " + shard.string() + " for writing: " + e.get_msg());
  }
}

}  // namespace nsearch
