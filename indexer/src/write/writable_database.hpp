// Opening the database for writing, saying who holds it when it is locked, and telling
// a full disk from other write errors (internal).
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include <xapian.h>

#include "nsearch/error.hpp"

namespace nsearch {

/// Opens (or creates) the database for writing, waiting up to `wait` for another writer to
/// finish. Throws Error(database_locked) naming the holder when the lock-info note says who,
/// else Error(database_error).
Xapian::WritableDatabase open_writable(const std::filesystem::path& db_path,
                                       std::chrono::milliseconds wait);

/// A note in the database folder saying which process writes it (pid, host, start time), so
/// that a second writer can say who holds the lock. Xapian's own lock is what excludes
/// writers; the note is written by the holder only and removed when it is done (a process
/// killed leaves a stale one, which the next writer replaces).
class WriterNote {
 public:
  explicit WriterNote(std::filesystem::path db_path);
  ~WriterNote();
  WriterNote(const WriterNote&) = delete;
  WriterNote& operator=(const WriterNote&) = delete;

 private:
  std::filesystem::path path_;
};

/// True when `dir` holds nothing but a Xapian database (and a writer note), so it
/// can be swapped whole.
bool holds_only_database_files(const std::filesystem::path& dir);

/// Who holds the lock on `db_path`, as far as its note says: "nindex (pid 12, host h, since
/// 2026-01-02T03:04:05Z)", or empty when no live holder is named.
std::string lock_holder(const std::filesystem::path& db_path);

/// The Error for a Xapian failure while writing: storage_full when the disk or a file size
/// limit is full (ENOSPC, EFBIG, EDQUOT), else database_error. `context` starts the message.
Error write_error(const Xapian::Error& e, const std::string& context);

}  // namespace nsearch
