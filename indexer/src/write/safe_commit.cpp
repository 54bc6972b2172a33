#include "write/safe_commit.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <string>
#include <system_error>

#include "nsearch/schema.hpp"

namespace nsearch {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBlockBytes = 8192;  // glass's default block size
// Per commit, whatever the batch: each slot's last chunk read back and rewritten, the branch
// blocks above the changed leaves, the free-list blocks.
constexpr std::size_t kFixedBlocks = 32;

[[noreturn]] void no_room(const fs::path& table, int error) {
  throw Xapian::DatabaseError("no room to commit the values in " + table.string(), error);
}

// The room a commit's values need at the end of `table`: within the file size limit, and on
// disk (reserved past the end, so writing there cannot fail for want of space).
void reserve(const fs::path& table, std::size_t table_bytes, std::size_t bytes) {
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      table_bytes + bytes > limit.rlim_cur) {
    no_room(table, EFBIG);
  }
  const int fd = ::open(table.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return;  // not created yet: glass creates it, and a full disk fails there
  const int rc = ::fallocate(fd, FALLOC_FL_KEEP_SIZE, static_cast<off_t>(table_bytes),
                             static_cast<off_t>(bytes));
  const int error = errno;
  ::close(fd);
  // A file system without fallocate only loses the reservation, not the size limit check.
  if (rc != 0 && (error == ENOSPC || error == EDQUOT || error == EFBIG)) no_room(table, error);
}

}  // namespace

void ValueRoom::add(const Xapian::Document& doc) {
  for (auto it = doc.values_begin(); it != doc.values_end(); ++it) {
    new_bytes_ += (*it).size() + 10;  // the docid gap and the length, at most 5 bytes each
  }
}

std::size_t ValueRoom::bytes(std::size_t table_bytes) const {
  // Chunks fill leaf blocks at least half; a rewritten value rewrites (at most) the block of its
  // chunk, and no commit rewrites more blocks than the table has.
  return 2 * new_bytes_ + kFixedBlocks * kBlockBytes +
         std::min(rewritten_values_ * kBlockBytes, table_bytes);
}

void commit_with_room(Xapian::WritableDatabase& db, const fs::path& path, const ValueRoom& room) {
  if (!room.empty()) {
    const fs::path table = path / "postlist.glass";
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(table, ec);
    const std::size_t table_bytes = ec ? 0 : static_cast<std::size_t>(size);
    reserve(table, table_bytes, room.bytes(table_bytes));
    // Opening a value stream of a database with uncommitted changes writes every slot's
    // pending values (not only this slot's), without committing.
    (void)db.valuestream_begin(schema::kDateSlot);
  }
  db.commit();
}

void discard_changes(Xapian::WritableDatabase& db) noexcept {
  try {
    db.begin_transaction(/*flushed=*/false);  // takes in the changes made before it
    db.cancel_transaction();
  } catch (...) {  // in a transaction already (the destructor cancels it), or closed
  }
}

}  // namespace nsearch
