#include "write/shard_writer.hpp"

#include <algorithm>

#include "write/safe_commit.hpp"

namespace nsearch {

ShardWriter::ShardWriter(Xapian::WritableDatabase db, std::size_t queue_limit)
    : db_(std::move(db)),
      queue_limit_(std::max<std::size_t>(1, queue_limit)),
      thread_([this] { run(); }) {}

ShardWriter::~ShardWriter() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    changed_.notify_all();
  }
  thread_.join();
  // After a failed task (a full disk, say) closing the database must not try to commit.
  if (error_) discard_changes(db_);
}

void ShardWriter::post(Task task) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return error_ || queue_.size() < queue_limit_; });
  if (error_) std::rethrow_exception(error_);
  queue_.push_back(std::move(task));
  changed_.notify_all();
}

void ShardWriter::wait() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return error_ || (queue_.empty() && !busy_); });
  if (error_) std::rethrow_exception(error_);
}

void ShardWriter::run() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      busy_ = false;
      changed_.notify_all();
      changed_.wait(lock, [&] { return closing_ || error_ || !queue_.empty(); });
      if (error_ || queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
      changed_.notify_all();
    }
    try {
      task(db_);
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      busy_ = false;
      changed_.notify_all();
      return;
    }
  }
}

}  // namespace nsearch
