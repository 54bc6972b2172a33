// What a bulk load has written so far, for the lookups one writer would make in its own
// database (internal): ids, exact copies and near-duplicate bands.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "write/safe_commit.hpp"

namespace nsearch {

/// The shards of a bulk load (ShardSet) are written on their own threads, so the thread that
/// claims ids and assigns stories cannot read them. It records the lookup terms of every
/// article here instead: a scratch database (written without fsync, committed every
/// kBatch articles, so memory stays flat as the load grows) and, in memory, the terms of the
/// batch not committed yet.
class BulkLookup {
 public:
  static constexpr std::size_t kBatch = 2048;

  /// Creates an empty scratch database at `path` (overwriting one left there).
  explicit BulkLookup(const std::filesystem::path& path);
  /// Drops the batch not committed (the scratch database is only read during the load).
  ~BulkLookup();
  BulkLookup(const BulkLookup&) = delete;
  BulkLookup& operator=(const BulkLookup&) = delete;

  /// True when no article recorded before had `term` (an id or a copy term; empty: true).
  /// Remembers it for the claims that follow; record() must then be given the article.
  bool claim(const std::string& term);

  /// Records one article's lookup terms and values (the terms claimed, its story fields).
  /// True when this committed a batch: committed() then shows it.
  bool record(const Xapian::Document& entry);

  /// The scratch database as last committed.
  Xapian::Database committed() const;

 private:
  std::filesystem::path path_;
  Xapian::WritableDatabase db_;
  Xapian::Database reader_;
  std::unordered_set<std::string> pending_;  // terms claimed since the last commit
  ValueRoom values_;                         // of the batch not committed
  std::size_t batch_ = 0;
};

}  // namespace nsearch
