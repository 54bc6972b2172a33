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
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
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
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::string err;
    for (err = stderr_text(); (port_ = announced_port(err)) == 0; err = stderr_text()) {
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

  /// The PORT of the first "at http://HOST:PORT/" in `text`, or 0 when there is none yet.
  /// Plain string search: std::regex here made GCC warn inside libstdc++ in sanitizer builds.
  static int announced_port(std::string_view text) {
    constexpr std::string_view kAt = "at http://";
    for (auto at = text.find(kAt); at != std::string_view::npos; at = text.find(kAt, at + 1)) {
      const std::string_view rest = text.substr(at + kAt.size());
      const auto colon = rest.find_first_of(":/ \n");
      if (colon == std::string_view::npos || rest[colon] != ':' || colon == 0) continue;
      int port = 0;
      std::size_t i = colon + 1;
      for (; i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && port < 65536; ++i)
        port = port * 10 + (rest[i] - '0');
      if (i > colon + 1 && i < rest.size() && rest[i] == '/' && port > 0 && port < 65536) {
        return port;
      }
    }
    return 0;
  }

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
