#include "database_layout.hpp"

#include <fstream>
#include <sstream>

#include "nsearch/shard_stub.hpp"

namespace nsearch {

DatabaseLayout layout_of(const std::filesystem::path& db_path) {
  const auto stub_file = stub_file_of(db_path);
  if (!stub_file) return {};
  DatabaseLayout layout;
  layout.remote = read_stub(*stub_file).has_remote();
  std::ifstream in(*stub_file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  layout.stub_text = text.str();
  return layout;
}

}  // namespace nsearch
