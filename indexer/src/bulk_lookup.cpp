#include "bulk_lookup.hpp"

namespace nsearch {

BulkLookup::BulkLookup(const std::filesystem::path& path)
    : path_(path),
      db_(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC),
      reader_(path.string()) {
  // Each batch is a transaction, so that nothing writes the batch in hand when the load stops
  // (a WritableDatabase destroyed outside a transaction commits, and may throw doing so: the
  // disk that stopped the load is full).
  db_.begin_transaction();
}

BulkLookup::~BulkLookup() {
  try {
    db_.cancel_transaction();
    db_.close();
  } catch (const Xapian::Error&) {  // scratch: nothing in it is kept
  }
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
  if (++batch_ < kBatch) return false;
  db_.commit_transaction();
  db_.begin_transaction();
  reader_.reopen();
  pending_.clear();
  batch_ = 0;
  return true;
}

Xapian::Database BulkLookup::committed() const {
  return Xapian::Database(path_.string());
}

}  // namespace nsearch
