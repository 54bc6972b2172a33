// `nsearch bench`: query latency of a database, measured in-process.
#pragma once

namespace nsearch::cli {

/// Runs `nsearch bench ARGS` (argv[0] is "bench"); returns the exit status.
int bench_command(int argc, char** argv);

}  // namespace nsearch::cli
