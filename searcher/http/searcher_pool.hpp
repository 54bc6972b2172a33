// Searchers for concurrent requests: each search in progress has one to itself (internal).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// Hands out Searchers (each with its own Xapian database handle, which is not thread-safe) to
/// at most `max_active` holders at a time, in order of arrival. Searching is CPU-bound: with
/// more searches running than cores, each one (a heavy one too) only gets a slice, and its
/// latency grows with the number of requests in flight; in turn, each runs at full speed.
class SearcherPool {
 public:
  SearcherPool(std::filesystem::path db_path, std::size_t max_active);

  /// Exclusive use of one Searcher, given back to the pool at the end of the lease.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher);
    ~Lease();
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Searcher& operator*() const { return *searcher_; }
    Searcher* operator->() const { return searcher_.get(); }
    /// Closes the Searcher instead of giving it back (its database failed).
    void discard() { searcher_.reset(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  /// Waits for a turn, then gives a Searcher at the database's latest revision. Throws Error
  /// (database_not_found, database_error) when the database cannot be opened; the next lease
  /// tries again.
  Lease lease();

 private:
  void wait_for_turn();
  void end_turn(std::unique_ptr<Searcher> searcher);

  std::filesystem::path db_path_;
  std::mutex mutex_;
  std::condition_variable turn_;
  std::size_t free_slots_;
  std::uint64_t next_ticket_ = 0;  ///< given to the next arrival
  std::uint64_t admitted_ = 0;     ///< tickets below this one have had their turn
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace nsearch
