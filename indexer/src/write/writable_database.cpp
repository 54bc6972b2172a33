#include "write/writable_database.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

namespace nsearch {
namespace fs = std::filesystem;

namespace {

constexpr const char* kNoteName = "nsearch-writer.info";

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool process_alive(long pid) {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

}  // namespace

WriterNote::WriterNote(fs::path db_path) : path_(std::move(db_path) / kNoteName) {
  // Written beside Xapian's files, then renamed into place so a reader never sees half a note.
  const fs::path tmp = path_.string() + ".tmp";
  std::ofstream out(tmp, std::ios::trunc);
  out << "pid " << ::getpid() << "\nhost " << host_name() << "\nsince " << utc_now() << "\n";
  out.close();
  std::error_code ec;
  if (out) fs::rename(tmp, path_, ec);
  if (!out || ec) {
    fs::remove(tmp, ec);  // the note is a courtesy: writing goes on without it
    path_.clear();
  }
}

WriterNote::~WriterNote() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove(path_, ec);
}

bool holds_only_database_files(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name != "iamglass" && name != "flintlock" && name != kNoteName &&
        !name.ends_with(".glass") && !name.ends_with(".tmp")) {
      return false;
    }
  }
  return !ec;
}

std::string lock_holder(const fs::path& db_path) {
  std::ifstream in(db_path / kNoteName);
  long pid = 0;
  std::string host, since;
  for (std::string key; in >> key;) {
    if (key == "pid") in >> pid;
    if (key == "host") in >> host;
    if (key == "since") in >> since;
  }
  if (pid <= 0) return {};
  // A note from this host naming a dead process is stale (a writer killed with -9).
  if (host == host_name() && !process_alive(pid)) return {};
  return "nindex (pid " + std::to_string(pid) + " on " + host + ", writing since " + since + ")";
}

Xapian::WritableDatabase open_writable(const fs::path& db_path, std::chrono::milliseconds wait) {
  // Commits are sized by memory (CommitBudget); Xapian's own auto-commit every 10,000 changes
  // would only cut batches short. The variable is read when a database is opened; a user's
  // setting is kept.
  setenv("XAPIAN_FLUSH_THRESHOLD", "4000000000", /*overwrite=*/0);
  const auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    try {
      return Xapian::WritableDatabase(db_path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      if (std::chrono::steady_clock::now() >= deadline) {
        const std::string holder = lock_holder(db_path);
        throw Error(ErrorKind::database_locked,
                    "database " + db_path.string() + " is locked by " +
                        (holder.empty() ? "another writer" : holder) +
                        (wait.count() > 0 ? "; gave up waiting" : "; use --wait to wait for it"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::database_error,
                  "cannot open database " + db_path.string() + " for writing: " + e.get_msg());
    }
  }
}

Error write_error(const Xapian::Error& e, const std::string& context) {
  const std::string what = e.get_description();
  for (const int code : {ENOSPC, EFBIG, EDQUOT}) {
    const std::string reason = std::strerror(code);
    const char* error_string = e.get_error_string();
    if ((error_string != nullptr && reason == error_string) ||
        what.find(reason) != std::string::npos) {
      return Error(ErrorKind::storage_full,
                   context + ": " + reason +
                       " (disk full or file size limit); the database keeps its last commit");
    }
  }
  return Error(ErrorKind::database_error, context + ": " + what);
}

}  // namespace nsearch
