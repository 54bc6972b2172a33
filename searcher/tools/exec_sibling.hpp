// Running a companion program installed next to this one (internal to the CLI).
#pragma once

#include <string>

namespace nsearch::cli {

/// Replaces this process with `program` from the directory of the running executable, passing
/// argv[1..argc-1]. Returns only on failure, with a message on stderr and exit status 2.
int exec_sibling(const std::string& program, int argc, char** argv);

}  // namespace nsearch::cli
