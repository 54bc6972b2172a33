#include "progress_meter.hpp"

#include <algorithm>

namespace nsearch {

ProgressMeter::ProgressMeter(ProgressHandler handler, std::chrono::milliseconds interval)
    : handler_(std::move(handler)), interval_(interval) {}

void ProgressMeter::start(std::size_t files, std::uint64_t input_bytes, bool total_known) {
  state_.files_total = files;
  state_.input_total = input_bytes;
  state_.total_known = total_known;
  maybe_report();
}

void ProgressMeter::begin_file(const std::string& path, std::uint64_t size, bool plain) {
  state_.current_file = path;
  file_size_ = size;
  file_plain_ = plain;
  maybe_report();
}

void ProgressMeter::article(std::uint64_t text_bytes, std::uint64_t file_bytes) {
  ++state_.articles;
  state_.text_bytes += text_bytes;
  // Compressed files count when done: how far into them the reader is is not known.
  if (file_plain_) state_.input_done = finished_bytes_ + std::min(file_bytes, file_size_);
  maybe_report();
}

void ProgressMeter::end_file(std::uint64_t size) {
  ++state_.files_done;
  finished_bytes_ += size;
  state_.input_done = finished_bytes_;
  file_size_ = 0;
  file_plain_ = false;
  maybe_report();
}

void ProgressMeter::finish() {
  state_.finished = true;
  state_.current_file.clear();
  report();
}

void ProgressMeter::maybe_report() {
  if (!handler_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < interval_) return;
  report();
}

void ProgressMeter::report() {
  if (!handler_) return;
  last_ = std::chrono::steady_clock::now();
  state_.elapsed_seconds = std::chrono::duration<double>(last_ - start_).count();
  handler_(state_);
}

}  // namespace nsearch
