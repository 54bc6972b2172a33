// `nsearch export`: every matching article, streamed as JSON lines or CSV.
#pragma once

namespace nsearch::cli {

/// Runs `nsearch export ARGS` (argv[0] is "export"); returns the exit status.
int export_command(int argc, char** argv);

}  // namespace nsearch::cli
