#include "run_display.hpp"

#include <pthread.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace nindex {

namespace {

std::string format(const char* fmt, auto... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

std::string duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return format("%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return format("%ld:%02ld", s / 60, s % 60);
}

}  // namespace

void StatusLine::progress(const nsearch::IndexProgress& p) {
  if (!live_) return;
  std::lock_guard lock(mutex_);
  if (p.finished) {
    clear();
    return;
  }
  const double t = p.elapsed_seconds > 0 ? p.elapsed_seconds : 1e-9;
  std::string line =
      format("nindex: %zu/%zu files, %zu articles, %.1f MB/s, %.0f articles/s", p.files_done,
             p.files_total, p.articles, static_cast<double>(p.text_bytes) / 1e6 / t,
             static_cast<double>(p.articles) / t);
  if (p.total_known && p.input_done > 0 && p.input_total > p.input_done && t > 1) {
    const double rate = static_cast<double>(p.input_done) / t;
    line += ", ETA " + duration(static_cast<double>(p.input_total - p.input_done) / rate);
  }
  std::cerr << "\r\033[K" << line << std::flush;
  shown_ = true;
}

void StatusLine::warning(const nsearch::Diagnostic& d) {
  std::lock_guard lock(mutex_);
  clear();
  std::cerr << "nindex: warning: " << d.location << ": " << d.message << "\n";
}

void StatusLine::message(const std::string& text) {
  std::lock_guard lock(mutex_);
  clear();
  std::cerr << "nindex: " << text << "\n";
}

void StatusLine::clear() {
  if (!shown_) return;
  std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
}

std::string summary_text(const nsearch::IndexReport& r, double seconds) {
  std::string text = format(
      "%zu files read, %zu unchanged files passed over; %zu articles read: %zu added, "
      "%zu replaced, %zu unchanged, %zu duplicates, %zu removed, %zu skipped",
      r.files, r.unchanged_files, r.articles, r.added, r.replaced, r.unchanged, r.duplicates,
      r.removed, r.skipped);
  if (!r.skipped_by_reason.empty()) {
    std::string reasons;
    for (const auto& [reason, count] : r.skipped_by_reason)
      reasons += (reasons.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
    text += " (" + reasons + ")";
  }
  text += format(" in %.1f s (%.0f articles/s)", seconds,
                 seconds > 0 ? static_cast<double>(r.articles) / seconds : 0.0);
  return text;
}

std::string summary_json(const nsearch::IndexReport& r, double seconds, int exit_code) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(nsearch::report_json(r, seconds));
  j["exit_code"] = exit_code;
  return j.dump();
}

StopOnSignals::StopOnSignals(StatusLine& status) : status_(status) {
  sigemptyset(&set_);
  sigaddset(&set_, SIGINT);
  sigaddset(&set_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set_, &old_);  // inherited by every thread started after this
  thread_ = std::thread([this] { wait_loop(); });
}

StopOnSignals::~StopOnSignals() {
  done_.store(true);
  pthread_kill(thread_.native_handle(), SIGTERM);
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &old_, nullptr);
}

void StopOnSignals::attach(nsearch::Indexer* indexer) {
  std::lock_guard lock(mutex_);
  indexer_ = indexer;
}

void StopOnSignals::wait_loop() {
  for (;;) {
    int sig = 0;
    if (sigwait(&set_, &sig) != 0) continue;
    if (done_.load()) return;
    std::lock_guard lock(mutex_);
    if (indexer_ == nullptr || signal_.load() != 0) _exit(128 + sig);
    signal_.store(sig);
    status_.message("stopping: committing what was indexed (again to quit at once)");
    indexer_->request_stop();
  }
}

}  // namespace nindex
