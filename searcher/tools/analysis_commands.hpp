// `nsearch trend` and `nsearch terms`: news analysis from the command line.
#pragma once

namespace nsearch::cli {

/// Runs `nsearch trend ARGS` (argv[0] is "trend"); returns the exit status (0, or 2 on error).
int trend_command(int argc, char** argv);

/// Runs `nsearch terms ARGS` (argv[0] is "terms"); returns the exit status (0, or 2 on error).
int terms_command(int argc, char** argv);

}  // namespace nsearch::cli
