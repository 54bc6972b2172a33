#include "searcher_pool.hpp"

#include <algorithm>
#include <utility>

namespace nsearch {

SearcherPool::SearcherPool(std::filesystem::path db_path, std::size_t max_active)
    : db_path_(std::move(db_path)), free_slots_(std::max<std::size_t>(1, max_active)) {}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
    : pool_(&pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), searcher_(std::move(other.searcher_)) {}

SearcherPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->end_turn(std::move(searcher_));
}

void SearcherPool::wait_for_turn() {
  std::unique_lock lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  turn_.wait(lock, [&] { return ticket == admitted_ && free_slots_ > 0; });
  ++admitted_;
  --free_slots_;
  turn_.notify_all();  // the next ticket may go too if a slot is free
}

void SearcherPool::end_turn(std::unique_ptr<Searcher> searcher) {
  {
    const std::lock_guard lock(mutex_);
    if (searcher) idle_.push_back(std::move(searcher));
    ++free_slots_;
  }
  turn_.notify_all();
}

SearcherPool::Lease SearcherPool::lease() {
  wait_for_turn();
  std::unique_ptr<Searcher> searcher;
  {
    const std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  try {
    if (searcher) {
      // An indexer may have committed since this handle last read: serve the latest articles.
      searcher->refresh();
    } else {
      searcher = std::make_unique<Searcher>(db_path_);
    }
  } catch (...) {
    end_turn(nullptr);  // the failed handle is dropped; the next lease opens afresh
    throw;
  }
  return Lease(*this, std::move(searcher));
}

}  // namespace nsearch
