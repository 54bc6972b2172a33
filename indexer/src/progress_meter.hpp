// Keeps the progress of an add() run and passes it on at a bounded rate (internal).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "nsearch/indexer.hpp"

namespace nsearch {

class ProgressMeter {
 public:
  ProgressMeter(ProgressHandler handler, std::chrono::milliseconds interval);

  /// The files found, before any is read. `total_known`: none is compressed or an archive.
  void start(std::size_t files, std::uint64_t input_bytes, bool total_known);
  /// A file is being read; `size` is its size on disk; `plain` when it is uncompressed.
  void begin_file(const std::string& path, std::uint64_t size, bool plain);
  /// An article of the current file was read; `file_bytes` is how much of the file was
  /// consumed (uncompressed).
  void article(std::uint64_t text_bytes, std::uint64_t file_bytes);
  /// The current file (or one passed over, of `size` bytes) is done.
  void end_file(std::uint64_t size);
  /// The run is over: reports once more with `finished` set.
  void finish();

  const IndexProgress& state() const { return state_; }

 private:
  void maybe_report();
  void report();

  ProgressHandler handler_;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
  IndexProgress state_;
  std::uint64_t finished_bytes_ = 0;  // on-disk bytes of the files done
  std::uint64_t file_size_ = 0;
  bool file_plain_ = false;
};

}  // namespace nsearch
