// When to commit: by the estimated memory of the changes Xapian buffers, not by a count of
// documents (internal).
#pragma once

#include <algorithm>
#include <cstddef>

#include <xapian.h>

#include "nsearch/schema.hpp"
#include "write/safe_commit.hpp"

namespace nsearch {

/// Xapian (glass) keeps the postings and positions of uncommitted documents in in-memory maps
/// until it flushes them into its B-trees at commit. Their size is estimated from each
/// document's term count and stored data; a commit is due once the estimate reaches the limit.
class CommitBudget {
 public:
  /// Larger batches are not faster: the inverter's maps (one node per posting) stop fitting in
  /// the CPU caches and each posting costs more than the flushes saved. Measured on the
  /// reference corpus with `nindex add --jobs 2` (CPU, two runs each): 2,000 articles per flush
  /// 52.7 s, 500 49.4 s, 250 46.8 s (peak RSS 145, 75, 61 MB); in place, 30% of it: 2,000
  /// 17.5 s, 500 15.2 s. Capped at about 500 articles rather than 250: every flush also rewrites
  /// the B-tree blocks of the terms it touches, a cost that grows with the database.
  static constexpr std::size_t kFastestBatchBytes = 16u << 20;

  /// `memory_bytes`: this writer's share of `--memory`. `databases`: how many databases (shards)
  /// the changes are spread over, each with an inverter of its own, so each batch is fastest at
  /// kFastestBatchBytes.
  explicit CommitBudget(std::size_t memory_bytes, std::size_t databases = 1)
      : limit_bytes_(
            std::max<std::size_t>(1, std::min(memory_bytes, kFastestBatchBytes * databases))) {}

  /// Counts one written document; true when a commit is due.
  bool add(const Xapian::Document& doc, std::size_t data_bytes) {
    used_bytes_ += doc.termlist_count() * kBytesPerTerm + data_bytes;
    values_.add(doc);
    return used_bytes_ >= limit_bytes_;
  }
  /// Counts changes other than new documents (file terms added to or removed from documents
  /// already there, their values written back); true when a commit is due.
  bool add_changes(std::size_t changed_documents) {
    used_bytes_ += changed_documents * kBytesPerChange;
    values_.rewrite(changed_documents * kValueSlots);
    return used_bytes_ >= limit_bytes_;
  }
  /// What the values of the changes counted may take at commit (see commit_with_room).
  ValueRoom& values() { return values_; }
  void reset() {
    used_bytes_ = 0;
    values_.reset();
  }

 private:
  // RSS growth per buffered (term, document) pair: map nodes for the posting and the position
  // list plus the encoded positions.
  static constexpr std::size_t kBytesPerTerm = 160;
  // A re-written document: its changed postings and Xapian's record of the modification.
  static constexpr std::size_t kBytesPerChange = 1024;
  // The slots a document may have values in.
  static constexpr std::size_t kValueSlots = schema::kStorySignatureSlot + 1;
  std::size_t limit_bytes_;
  std::size_t used_bytes_ = 0;
  ValueRoom values_;
};

}  // namespace nsearch
