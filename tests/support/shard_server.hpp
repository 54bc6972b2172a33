// A shard served over TCP by `nindex serve-shard` (xapian-tcpsrv) for the length of a test
// (test support).
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace nsearch::test {

/// A loopback port that was free a moment ago (the kernel's choice for port 0).
inline int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("cannot bind a loopback port");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

inline bool accepts_connections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

/// Runs `NINDEX serve-shard --port P DB` on a free loopback port until destroyed: the server is
/// stopped (SIGTERM, then SIGKILL) and reaped by the destructor, so it never outlives the test,
/// whether the test passes, fails or throws (and, by the parent-death signal, if it aborts).
class ShardServer {
 public:
  ShardServer(const std::string& nindex, const std::filesystem::path& db) {
    // Another process may take the port between the probe and the server's bind: try again.
    for (int attempt = 0; attempt < 5; ++attempt) {
      port_ = free_loopback_port();
      start(nindex, db);
      if (wait_until_listening()) return;
      stop();
    }
    throw std::runtime_error("shard server for " + db.string() + " did not start");
  }
  ShardServer(const ShardServer&) = delete;
  ShardServer& operator=(const ShardServer&) = delete;
  ~ShardServer() { stop(); }

  int port() const { return port_; }
  /// The stub line naming this server.
  std::string stub_line() const { return "remote 127.0.0.1:" + std::to_string(port_); }

  /// Stops the server now; true when it was still running (it had not died on its own).
  bool stop() {
    if (pid_ <= 0) return false;
    int status = 0;
    const bool running = waitpid(pid_, &status, WNOHANG) == 0;
    if (running) {
      kill(-pid_, SIGTERM);  // the server and its connection handlers
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
          kill(-pid_, SIGKILL);
          waitpid(pid_, &status, 0);
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    pid_ = -1;
    return running;
  }

 private:
  void start(const std::string& nindex, const std::filesystem::path& db) {
    std::vector<std::string> argv = {nindex, "serve-shard", "--port", std::to_string(port_),
                                     db.string()};
    const pid_t test_pid = getpid();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      // A group of its own: xapian-tcpsrv ends its whole process group on SIGTERM (itself and
      // its connection handlers), which must not include the test.
      setpgid(0, 0);
      // And it ends with the test process even when that dies without unwinding (an abort):
      // the kernel sends SIGTERM when the parent goes.
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (getppid() != test_pid) _exit(127);  // the parent went before prctl
      const int null = open("/dev/null", O_RDWR);
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
      std::vector<char*> args;
      for (auto& a : argv)
        args.push_back(a.data());
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
    setpgid(pid_, pid_);  // also here: the group must exist before stop() signals it
  }

  bool wait_until_listening() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      if (accepts_connections(port_)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace nsearch::test
