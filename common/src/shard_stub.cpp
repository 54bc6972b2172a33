#include "nsearch/shard_stub.hpp"

#include <fstream>

#include <xapian.h>

#include "nsearch/error.hpp"

namespace nsearch {
namespace fs = std::filesystem;

bool ShardStub::has_remote() const {
  for (const ShardEntry& shard : shards) {
    if (shard.remote) return true;
  }
  return false;
}

std::vector<fs::path> ShardStub::local_paths() const {
  std::vector<fs::path> paths;
  for (const ShardEntry& shard : shards) {
    if (!shard.remote) paths.push_back(shard.path);
  }
  return paths;
}

std::optional<fs::path> stub_file_of(const fs::path& db_path) {
  std::error_code ec;
  if (fs::is_regular_file(db_path, ec)) return db_path;
  if (fs::is_directory(db_path, ec)) {
    fs::path inside = db_path / kStubFileName;
    if (fs::is_regular_file(inside, ec)) return inside;
  }
  return std::nullopt;
}

ShardStub read_stub(const fs::path& stub_file) {
  std::ifstream in(stub_file);
  if (!in) {
    throw Error(ErrorKind::database_not_found, "cannot read stub file " + stub_file.string());
  }
  ShardStub stub{stub_file, {}};
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Xapian skips blank lines and '#' comments too.
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    const std::string where = stub_file.string() + ":" + std::to_string(line_number);
    if (rest.empty()) {
      throw Error(ErrorKind::invalid_argument,
                  where + ": expected \"TYPE LOCATION\", got \"" + line + "\"");
    }
    if (type == "auto" || type == "glass" || type == "chert") {
      const fs::path path(rest);
      stub.shards.push_back(
          {false, rest, path.is_absolute() ? path : stub_file.parent_path() / path});
    } else if (type == "remote") {
      if (rest.front() != ':' && rest.find(':') == std::string::npos) {
        throw Error(
            ErrorKind::invalid_argument,
            where + ": a remote shard is HOST:PORT (or :PROGRAM ARGS), got \"" + rest + "\"");
      }
      stub.shards.push_back({true, rest, {}});
    } else {
      throw Error(ErrorKind::invalid_argument,
                  where + ": unknown shard type \"" + type + "\" (auto, glass or remote)");
    }
  }
  if (stub.shards.empty()) {
    throw Error(ErrorKind::invalid_argument, stub_file.string() + ": the stub lists no shard");
  }
  return stub;
}

void write_stub(const ShardStub& stub) {
  const fs::path folder = stub.file.parent_path();
  std::string text;
  for (const ShardEntry& shard : stub.shards) {
    if (shard.remote) {
      text += "remote " + shard.location + "\n";
      continue;
    }
    const fs::path relative = shard.path.lexically_relative(folder);
    const bool inside = !relative.empty() && *relative.begin() != "..";
    text += "auto " + (inside ? relative : shard.path).string() + "\n";
  }
  fs::path temporary = stub.file;
  temporary += ".new";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw Error(ErrorKind::database_error, "cannot write " + temporary.string());
  }
  fs::rename(temporary, stub.file);
}

void check_servable(const fs::path& db_path) {
  try {
    Xapian::Database check(db_path.string());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_not_found,
                "cannot open " + db_path.string() + ": " + e.get_msg());
  }
  const auto stub_file = stub_file_of(db_path);
  if (stub_file && read_stub(*stub_file).has_remote()) {
    throw Error(ErrorKind::invalid_argument,
                stub_file->string() +
                    " lists remote shards: serve each shard on the machine that holds it");
  }
}

std::size_t shard_of(std::string_view id, std::size_t shards) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return shards == 0 ? 0 : static_cast<std::size_t>(hash % shards);
}

}  // namespace nsearch
