// Running the real CLIs from end-to-end tests (test support).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace nsearch::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;  ///< standard output
  std::string err;  ///< standard error
};

/// Quotes one argument for /bin/sh.
inline std::string shell_quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

/// Runs `argv` (through /bin/sh, with `env` assignments like "NO_COLOR=1" in front) and
/// captures stdout, stderr and the exit status. Test code only: the product never shells out.
inline CommandResult run_command(const std::vector<std::string>& argv,
                                 const std::vector<std::string>& env = {}) {
  char err_path[] = "/tmp/nsearch-test-stderr-XXXXXX";
  const int fd = mkstemp(err_path);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  std::string cmd;
  for (const auto& e : env)
    cmd += e + " ";
  for (const auto& a : argv)
    cmd += shell_quote(a) + " ";
  cmd += "2>" + shell_quote(err_path) + " </dev/null";
  CommandResult result;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed");
  std::array<char, 65536> buf{};
  for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), pipe)) > 0;)
    result.out.append(buf.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (FILE* err = fdopen(fd, "r")) {
    for (std::size_t n; (n = fread(buf.data(), 1, buf.size(), err)) > 0;)
      result.err.append(buf.data(), n);
    fclose(err);
  }
  std::remove(err_path);
  return result;
}

}  // namespace nsearch::test
