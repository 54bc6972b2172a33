// Running `nsearch serve` as a child process for end-to-end tests (test support).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace nsearch::test {

/// Starts the program with `argv`, its standard error going to a file (so that a long access
/// log never blocks it), and finds the port it announces ("... at http://HOST:PORT/").
/// Killed (SIGKILL) if still running at destruction.
class ServerProcess {
 public:
  explicit ServerProcess(const std::vector<std::string>& argv) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "nsearch-serve-stderr-XXXXXX").string();
    const int err_fd = mkstemp(pattern.data());
    if (err_fd < 0) throw std::runtime_error("mkstemp failed");
    err_path_ = pattern;
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      dup2(err_fd, STDERR_FILENO);
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
    close(err_fd);
    const std::regex announced(R"(at http://[^:]+:([0-9]+)/)");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::smatch m;
    std::string err;  // outlives the loop: `m` points into it
    for (err = stderr_text(); !std::regex_search(err, m, announced); err = stderr_text()) {
      int status = 0;
      const bool exited = waitpid(pid_, &status, WNOHANG) == pid_;
      if (exited || std::chrono::steady_clock::now() > deadline) {
        if (!exited) {
          kill(pid_, SIGKILL);
          waitpid(pid_, nullptr, 0);
        }
        std::filesystem::remove(err_path_);
        throw std::runtime_error("server did not start; stderr: " + err);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
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
    std::error_code ignored;
    std::filesystem::remove(err_path_, ignored);
  }

  int port() const { return port_; }

  /// Sends `signal` and waits (at most 20 s) for the exit; returns the exit code, or -1 when
  /// it died of a signal or did not exit in time.
  int stop(int signal = SIGTERM) {
    kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

  /// Everything written to standard error so far.
  std::string stderr_text() const {
    std::ifstream in(err_path_, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  pid_t pid_ = -1;
  std::filesystem::path err_path_;
  int port_ = 0;
};

}  // namespace nsearch::test
