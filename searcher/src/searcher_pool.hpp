// Searchers for concurrent requests: each in-flight request has one to itself (internal).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// Hands out Searchers (each with its own Xapian database handle, which is not thread-safe),
/// opening one more only when every open one is in use: with N worker threads at most N exist.
class SearcherPool {
 public:
  explicit SearcherPool(std::filesystem::path db_path);

  /// Exclusive use of one Searcher, given back to the pool at the end of the lease.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher);
    ~Lease();
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Searcher& operator*() const { return *searcher_; }
    Searcher* operator->() const { return searcher_.get(); }
    /// Closes the Searcher instead of giving it back (its database failed).
    void discard() { searcher_.reset(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  /// A Searcher at the database's latest revision. Throws Error (database_not_found,
  /// database_error) when the database cannot be opened; the next lease tries again.
  Lease lease();

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::filesystem::path db_path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace nsearch
