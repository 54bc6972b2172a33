// Commits that a full disk stops with an exception, not std::terminate (internal).
#pragma once

#include <cstddef>
#include <filesystem>

#include <xapian.h>

namespace nsearch {

/// Xapian 1.4 (glass) writes a commit's document values into the postlist table through a
/// Glass::ValueUpdater whose destructor writes its last chunk: when a write fails there (disk
/// full, file size limit), the destructor throws while the first error unwinds, and the process
/// ends in std::terminate. Every other write of a commit throws an ordinary DatabaseError. So
/// the values are written first, apart (see commit_with_room), with their room checked and
/// reserved beforehand; ValueRoom counts what they may take.
class ValueRoom {
 public:
  /// A document added: its values are appended to the slots' last chunks.
  void add(const Xapian::Document& doc);
  /// A document replaced, deleted or re-tagged (its values read, so written back): the chunks
  /// holding its `values` are rewritten.
  void rewrite(std::size_t values) { rewritten_values_ += values; }
  /// The largest number of bytes the pending values can add to the postlist table of a
  /// database whose postlist file holds `table_bytes`.
  std::size_t bytes(std::size_t table_bytes) const;
  bool empty() const { return new_bytes_ == 0 && rewritten_values_ == 0; }
  void reset() { *this = ValueRoom(); }

 private:
  std::size_t new_bytes_ = 0;  // values added, with their chunk encoding
  std::size_t rewritten_values_ = 0;
};

/// Commits `db` (the glass database at `path`). When `room` is not empty, first makes sure the
/// postlist table can grow by room.bytes() (the file size limit; disk space reserved with
/// fallocate) and writes the values there; a shortfall throws Xapian::DatabaseError with
/// ENOSPC or EFBIG before anything is written. Then commits (postings, termlists, data).
void commit_with_room(Xapian::WritableDatabase& db, const std::filesystem::path& path,
                      const ValueRoom& room);

/// Drops the changes not committed, so that destroying `db` writes nothing (a WritableDatabase
/// destroyed outside a transaction commits). For error paths: never throws.
void discard_changes(Xapian::WritableDatabase& db) noexcept;

}  // namespace nsearch
