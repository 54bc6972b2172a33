#include "write/bulk_lookup.hpp"

#include "write/safe_commit.hpp"

namespace nsearch {

BulkLookup::BulkLookup(const std::filesystem::path& path)
    : path_(path),
      // Only looked up by term and value: no termlists to build and compress at each commit.
      db_(path.string(),
          Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST),
      reader_(path.string()) {}

BulkLookup::~BulkLookup() {
  // Scratch: the batch in hand is not written when the load stops (on a full disk, say).
  discard_changes(db_);
}

bool BulkLookup::claim(const std::string& term) {
  if (term.empty()) return true;
  // Only this thread writes the scratch database, and only record() commits: the reader
  // never falls behind by more than the pending batch.
  const bool known = pending_.contains(term) || reader_.term_exists(term);
  pending_.insert(term);
  return !known;
}

bool BulkLookup::record(const Xapian::Document& entry) {
  db_.add_document(entry);
  values_.add(entry);
  if (++batch_ < kBatch) return false;
  commit_with_room(db_, path_, values_);
  values_.reset();
  reader_.reopen();
  pending_.clear();
  batch_ = 0;
  return true;
}

Xapian::Database BulkLookup::committed() const {
  return Xapian::Database(path_.string());
}

}  // namespace nsearch
