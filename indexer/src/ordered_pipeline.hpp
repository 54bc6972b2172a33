// A bounded producer -> N workers -> consumer pipeline that hands results to the consumer in
// the order the producer made the inputs (internal).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace nsearch {

struct PipelineLimits {
  unsigned workers = 1;
  std::size_t batch_items = 64;
  std::size_t batch_bytes = 1 << 20;
  std::size_t max_batches = 4;
};

/// Runs `produce` on a thread of its own, `transform` on `workers` threads and `consume` on the
/// calling thread, which sees results in production order (so the output does not depend on
/// the number of workers). Items travel in batches that close at `batch_items` items or
/// `batch_bytes` bytes (as `size_of` counts them); at most `max_batches` are in flight, which
/// bounds memory whatever the input size. With 0 workers everything runs on the calling thread.
/// The first exception thrown by any stage stops the others and is rethrown by run().
template <typename In, typename Out>
class OrderedPipeline {
 public:
  using Limits = PipelineLimits;
  using Push = std::function<void(In&&)>;
  using Produce = std::function<void(const Push&)>;
  using Transform = std::function<Out(In&&, unsigned worker)>;
  using SizeOf = std::function<std::size_t(const In&)>;
  using Consume = std::function<void(Out&&)>;

  OrderedPipeline(Limits limits, Transform transform, SizeOf size_of)
      : limits_(limits), transform_(std::move(transform)), size_of_(std::move(size_of)) {
    if (limits_.batch_items == 0) limits_.batch_items = 1;
    if (limits_.max_batches < limits_.workers + 1) limits_.max_batches = limits_.workers + 1;
  }

  void run(const Produce& produce, const Consume& consume) {
    if (limits_.workers == 0) {
      produce([&](In&& in) { consume(transform_(std::move(in), 0)); });
      return;
    }
    reset();
    std::vector<std::thread> threads;
    threads.emplace_back([&] { producer(produce); });
    for (unsigned w = 0; w < limits_.workers; ++w)
      threads.emplace_back([this, w] { worker(w); });
    try {
      consumer(consume);
    } catch (...) {
      fail(std::current_exception());
    }
    for (std::thread& t : threads)
      t.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  struct Batch {
    std::size_t seq = 0;
    std::vector<In> in;
    std::vector<Out> out;
  };

  void reset() {
    pending_.clear();
    done_.clear();
    in_flight_ = 0;
    produced_ = 0;
    producer_done_ = false;
    stopping_ = false;
    error_ = nullptr;
  }

  void fail(std::exception_ptr e) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = e;
    stopping_ = true;
    changed_.notify_all();
  }

  // Hands a full batch to the workers; false when the pipeline is stopping.
  bool submit(Batch&& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopping_ || in_flight_ < limits_.max_batches; });
    if (stopping_) return false;
    batch.seq = produced_++;
    ++in_flight_;
    pending_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }

  void producer(const Produce& produce) {
    struct Stopped {};
    Batch batch;
    std::size_t bytes = 0;
    try {
      produce([&](In&& in) {
        bytes += size_of_ ? size_of_(in) : 0;
        batch.in.push_back(std::move(in));
        if (batch.in.size() >= limits_.batch_items || bytes >= limits_.batch_bytes) {
          if (!submit(std::move(batch))) throw Stopped{};
          batch = Batch{};
          bytes = 0;
        }
      });
      if (!batch.in.empty()) submit(std::move(batch));
    } catch (const Stopped&) {
    } catch (...) {
      fail(std::current_exception());
    }
    std::lock_guard lock(mutex_);
    producer_done_ = true;
    changed_.notify_all();
  }

  void worker(unsigned index) {
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || !pending_.empty() || producer_done_; });
        if (stopping_ || pending_.empty()) return;
        batch = std::move(pending_.front());
        pending_.erase(pending_.begin());
      }
      try {
        batch.out.reserve(batch.in.size());
        for (In& in : batch.in)
          batch.out.push_back(transform_(std::move(in), index));
        batch.in.clear();
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      std::lock_guard lock(mutex_);
      done_.emplace(batch.seq, std::move(batch));
      changed_.notify_all();
    }
  }

  void consumer(const Consume& consume) {
    for (std::size_t next = 0;; ++next) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] {
          return stopping_ || done_.contains(next) || (producer_done_ && next == produced_);
        });
        if (stopping_ || !done_.contains(next)) return;
        auto node = done_.extract(next);
        batch = std::move(node.mapped());
      }
      for (Out& out : batch.out)
        consume(std::move(out));
      std::lock_guard lock(mutex_);
      --in_flight_;
      changed_.notify_all();
    }
  }

  Limits limits_;
  Transform transform_;
  SizeOf size_of_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Batch> pending_;         // produced, waiting for a worker (oldest first)
  std::map<std::size_t, Batch> done_;  // transformed, waiting for the consumer, by seq
  std::size_t in_flight_ = 0;          // batches produced and not yet consumed
  std::size_t produced_ = 0;
  bool producer_done_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
};

}  // namespace nsearch
