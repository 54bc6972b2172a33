// One thread per shard that owns the shard's writable database (internal).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include <xapian.h>

namespace nsearch {

/// Xapian objects are not thread-safe, and each shard allows one writer: a ShardWriter's
/// thread is the only one that touches its database, applying the tasks posted to it in order.
/// The queue is bounded, so a slow shard holds back the reader rather than filling memory.
class ShardWriter {
 public:
  using Task = std::function<void(Xapian::WritableDatabase&)>;

  ShardWriter(Xapian::WritableDatabase db, std::size_t queue_limit);
  ~ShardWriter();  ///< runs the tasks still queued (unless one failed), then stops
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  /// Queues a task, waiting while the queue is full. Rethrows the first error of a task.
  void post(Task task);
  /// Waits until every task posted so far has run. Rethrows the first error of a task.
  void wait();

 private:
  void run();

  Xapian::WritableDatabase db_;
  std::size_t queue_limit_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Task> queue_;
  bool busy_ = false;  // a task is running
  bool closing_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace nsearch
