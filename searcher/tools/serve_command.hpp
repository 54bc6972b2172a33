// `nsearch serve`: the HTTP server as a subcommand of nsearch.
#pragma once

/// Runs `nsearch serve ARGS...` (argv[0] is "serve"); returns the exit code.
int run_serve_command(int argc, char** argv);
