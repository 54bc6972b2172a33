// Running `nsearch serve` as a child process for end-to-end tests (test support).
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

namespace nsearch::test {

/// Starts the program with `argv`, collects its standard error, and finds the port it
/// announces ("... at http://HOST:PORT/"). Killed (SIGKILL) if still running at destruction.
class ServerProcess {
 public:
  explicit ServerProcess(const std::vector<std::string>& argv) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      dup2(fds[1], STDERR_FILENO);
      const int null = open("/dev/null", O_RDWR);
      dup2(null, STDIN_FILENO);
      dup2(null, STDOUT_FILENO);
      std::vector<char*> args;
      for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
    close(fds[1]);
    err_fd_ = fds[0];
    const std::regex announced(R"(at http://[^:]+:([0-9]+)/)");
    std::smatch m;
    while (!std::regex_search(err_, m, announced)) {
      if (!read_some(std::chrono::seconds(20))) {
        throw std::runtime_error("server did not start; stderr: " + err_);
      }
    }
    port_ = std::stoi(m[1]);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_fd_ >= 0) close(err_fd_);
  }

  int port() const { return port_; }

  /// Sends `signal` and waits (at most 20 s) for the exit; returns the exit code, or -1 when
  /// it died of a signal or did not exit in time.
  int stop(int signal = SIGTERM) {
    kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      if (!read_some(std::chrono::milliseconds(100))) usleep(10000);
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        while (read_some(std::chrono::milliseconds(10))) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }

  /// Everything written to standard error so far.
  const std::string& stderr_text() {
    while (read_some(std::chrono::milliseconds(50))) {
    }
    return err_;
  }

 private:
  // Reads what is available within `timeout`; false at end of file or time-out.
  template <typename Duration>
  bool read_some(Duration timeout) {
    pollfd p{err_fd_, POLLIN, 0};
    const int ms =
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(timeout).count());
    if (poll(&p, 1, ms) <= 0) return false;
    char buf[4096];
    const ssize_t n = read(err_fd_, buf, sizeof buf);
    if (n <= 0) return false;
    err_.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int err_fd_ = -1;
  int port_ = 0;
  std::string err_;
};

}  // namespace nsearch::test
