#include "database_layout.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "nsearch/shard_stub.hpp"

namespace nsearch {
namespace {

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

DatabaseLayout layout_of(const std::filesystem::path& db_path) {
  const auto stub_file = stub_file_of(db_path);
  if (!stub_file) return {};
  DatabaseLayout layout;
  const ShardStub stub = read_stub(*stub_file);
  layout.remote = stub.has_remote();
  layout.stub_text = read_text(*stub_file);
  // A replica folder made by xapian-replicate holds a stub naming its current copy, replica_N:
  // the database itself, or its shards.
  const auto names_replica = [](const ShardStub& s) {
    return std::any_of(s.shards.begin(), s.shards.end(), [](const ShardEntry& e) {
      return !e.remote && e.location.starts_with("replica_");
    });
  };
  layout.replica = names_replica(stub);
  for (const std::filesystem::path& shard : stub.local_paths()) {
    if (const auto nested = stub_file_of(shard)) {
      layout.replica = layout.replica || names_replica(read_stub(*nested));
      layout.stub_text += read_text(*nested);
    }
  }
  return layout;
}

}  // namespace nsearch
