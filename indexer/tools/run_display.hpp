// What nindex shows while and after it indexes: a live status line on a terminal, warnings,
// the summary (text or JSON), and Ctrl-C handling. Rendering only; the work is the library's.
#pragma once

#include <atomic>
#include <csignal>
#include <mutex>
#include <string>
#include <thread>

#include "nsearch/article_reader.hpp"
#include "nsearch/indexer.hpp"

namespace nindex {

/// Draws IndexProgress as one line rewritten in place on stderr (when it is a terminal) and
/// prints warnings above it.
class StatusLine {
 public:
  explicit StatusLine(bool live) : live_(live) {}
  void progress(const nsearch::IndexProgress& p);
  void warning(const nsearch::Diagnostic& d);
  void message(const std::string& text);  ///< a line of its own ("nindex: ...")

 private:
  void clear();  // erases the live line, if one is shown
  std::mutex mutex_;
  bool live_;
  bool shown_ = false;
};

/// "40 files (12 unchanged), 3456 articles read: 3400 added, ..., in 4.2 s (823 articles/s)".
std::string summary_text(const nsearch::IndexReport& r, double seconds);
/// The same as a JSON object.
std::string summary_json(const nsearch::IndexReport& r, double seconds, int exit_code);

/// While alive, SIGINT and SIGTERM ask the attached Indexer to stop (it commits what it did);
/// a second signal, or one before an Indexer is attached, ends the process at once (the
/// database is at its last commit either way). Signals are taken by a thread of their own
/// (sigwait), so nothing runs in a signal handler. Create it before any other thread.
class StopOnSignals {
 public:
  explicit StopOnSignals(StatusLine& status);
  ~StopOnSignals();
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

  void attach(nsearch::Indexer* indexer);
  /// The signal that stopped the run, or 0.
  int signal() const { return signal_.load(); }

 private:
  void wait_loop();
  StatusLine& status_;
  sigset_t set_{};
  sigset_t old_{};
  std::mutex mutex_;
  nsearch::Indexer* indexer_ = nullptr;
  std::atomic<int> signal_{0};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace nindex
