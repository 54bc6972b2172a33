// What the database knows about the input files it was built from, so that a re-run passes
// over unchanged files without reading them (internal).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "write/index_database.hpp"

namespace nsearch {

/// What stat() says about a file. A file whose content changed always has a new ctime (which,
/// unlike mtime, no tool can set back), so equal stamps mean an unchanged file.
struct FileStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

/// Reads the stamp of `path`; nullopt when it cannot be stat()ed.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

/// XXH3 digest of the file's bytes as stored (compressed files are not decompressed);
/// nullopt when it cannot be read.
std::optional<std::string> digest_of(const std::filesystem::path& path);

/// One input file as last indexed. Kept as JSON in the database's metadata.
struct SourceFileRecord {
  std::string path;  ///< absolute, normalised
  FileStamp stamp;
  std::string digest;   ///< digest_of() when it was read
  std::string options;  ///< fingerprint of the read options it was read with
  std::uint64_t articles = 0;
  std::uint64_t skipped = 0;
};

/// The absolute, normalised form of `path` that keys its record (symlinks resolved).
std::string source_file_path(const std::filesystem::path& path);

/// The per-file records of one database.
class SourceRegistry {
 public:
  explicit SourceRegistry(IndexDatabase& db) : db_(db) {}

  std::optional<SourceFileRecord> find(const std::string& path) const;
  /// Every record whose file is `root` or lies under it.
  std::vector<SourceFileRecord> under(const std::string& root) const;
  void store(const SourceFileRecord& record);
  void forget(const std::string& path);
  /// Forgets the files `doc` was read from (its schema::source_file_term()s), so that the next
  /// add() reads them again: for a document removed by id, which re-adding its file restores.
  void forget_files_of(const Xapian::Document& doc);

  /// What to do with a file before reading it.
  struct Check {
    bool unchanged = false;      ///< same content and read options as last time: pass it over
    SourceFileRecord current;    ///< to store() once the file is fully indexed (counts unset)
    std::uint64_t articles = 0;  ///< articles it held last time (when unchanged)
    bool restamp = false;        ///< unchanged, but with a new stamp: store() `current` again
  };
  /// Compares `path` with its record: equal stamps, or a different stamp but the same size
  /// and digest (a copy restored with its old mtime, a touched file), mean unchanged.
  /// Nullopt when the file cannot be read (the reader reports why).
  std::optional<Check> check(const std::string& path, const std::string& options_fingerprint,
                             bool force) const;

 private:
  IndexDatabase& db_;  // records are kept in its metadata
};

}  // namespace nsearch
