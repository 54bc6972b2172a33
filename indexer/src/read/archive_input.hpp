// Compressed files and archives read with libarchive (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "read/byte_source.hpp"

struct archive;
struct archive_entry;

namespace nsearch {

/// Shared by everything read out of one top-level input, however deeply nested: counts archive
/// members and uncompressed bytes, and stops the input (throws Error) when there are too many
/// members or the data expands far beyond the input's size on disk (a zip bomb).
class ExpansionGuard {
 public:
  explicit ExpansionGuard(std::uint64_t input_bytes) : input_bytes_(input_bytes) {}
  void add_bytes(std::size_t n);
  void add_member();
  /// True once a limit was hit; everything after that is skipped.
  bool tripped() const { return tripped_; }

 private:
  [[noreturn]] void trip(const std::string& why);
  std::uint64_t input_bytes_;
  std::uint64_t produced_ = 0;
  std::size_t members_ = 0;
  bool tripped_ = false;
};

/// One file or stream opened with libarchive. With `containers`, tar, zip, 7-Zip and cpio
/// archives are recognised by content and their regular-file members are read in turn; anything
/// else is a single stream (one member), decompressed when it is gzip, bzip2, xz, lzma, zstd or
/// lz4 (also by content, whatever the name).
class ArchiveReader {
 public:
  /// Opens a file. Throws Error(input_error) when it cannot be opened.
  ArchiveReader(const std::filesystem::path& path, ExpansionGuard& guard, bool containers);
  /// Reads `parent` (e.g. a member of an enclosing archive), which must outlive this reader.
  ArchiveReader(ByteSource& parent, ExpansionGuard& guard, bool containers);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  /// Advances to the next member; false at the end (an empty single stream has none).
  /// Directories, links and devices inside archives are passed over. Throws Error when the
  /// archive is corrupt or a guard limit is hit.
  bool next();
  /// True when the input is an archive of members (valid once next() returned true).
  bool is_container() const { return container_; }
  /// The current member's path inside the archive (empty for a single stream).
  const std::string& member_name() const { return name_; }
  /// The current member's (uncompressed) data; reading it throws Error on corrupt data.
  ByteSource& member();

 private:
  struct Handle;
  class Member;
  struct StreamState;
  void configure(bool containers);
  [[noreturn]] void fail(const std::string& what);

  std::unique_ptr<StreamState> stream_;  // for readers on a parent stream; outlives handle_
  std::unique_ptr<Handle> handle_;
  std::unique_ptr<Member> member_;
  ExpansionGuard& guard_;
  std::string name_;
  bool container_ = false;
};

/// Decompresses gzip data held in memory (an HTTP body sent with Content-Encoding: gzip).
/// Throws Error(input_error) when it is corrupt or expands beyond `max_bytes`.
std::string gunzip(std::string_view data, std::size_t max_bytes);

}  // namespace nsearch
