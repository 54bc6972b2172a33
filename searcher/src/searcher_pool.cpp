#include "searcher_pool.hpp"

#include <utility>

namespace nsearch {

SearcherPool::SearcherPool(std::filesystem::path db_path) : db_path_(std::move(db_path)) {}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
    : pool_(&pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::lease() {
  std::unique_ptr<Searcher> searcher;
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (searcher) {
    // An indexer may have committed since this handle last read: serve the latest articles.
    searcher->refresh();  // on failure the handle is dropped; the next lease opens afresh
  } else {
    searcher = std::make_unique<Searcher>(db_path_);
  }
  return Lease(*this, std::move(searcher));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  const std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace nsearch
