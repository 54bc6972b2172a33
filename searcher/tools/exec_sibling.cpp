#include "exec_sibling.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "nsearch/cli_app.hpp"

namespace nsearch::cli {

int exec_sibling(const std::string& program, int argc, char** argv) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    std::cerr << "nsearch: cannot find its own executable to start " << program << ": "
              << ec.message() << "\n";
    return kExitError;
  }
  const std::string path = (self.parent_path() / program).string();
  std::vector<char*> args;
  args.push_back(const_cast<char*>(path.c_str()));  // execv does not modify its arguments
  for (int i = 1; i < argc; ++i)
    args.push_back(argv[i]);
  args.push_back(nullptr);
  execv(path.c_str(), args.data());
  std::cerr << "nsearch: cannot run " << path << ": " << std::strerror(errno) << " (" << program
            << " is installed next to nsearch)\n";
  return kExitError;
}

}  // namespace nsearch::cli
