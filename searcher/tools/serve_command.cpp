// `nsearch serve`: serves the JSON API and the search page until SIGINT or SIGTERM, then
// finishes the requests in progress and exits 0. A thin shell over nsearch::HttpServer.
#include "serve_command.hpp"

#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "count_limit_option.hpp"

#include "nsearch/cli_app.hpp"
#include "nsearch/database_path.hpp"
#include "nsearch/error.hpp"
#include "nsearch/http_server.hpp"

namespace {

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

int run_serve_command(int argc, char** argv) {
  CLI::App app{"nsearch serve: answer searches over HTTP (JSON API and a search page)"};
  app.name("nsearch serve");
  std::string db;
  nsearch::HttpServerOptions options;
  bool quiet = false;
  nsearch::cli::add_db_option(app, db);
  app.add_option("--host", options.host, "address to listen on (default: loopback only)")
      ->capture_default_str();
  app.add_option("--port", options.port, "port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--threads", options.threads, "worker threads (connections served at once)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  app.add_option("--searches", options.max_active_searches,
                 "searches run at once, the others wait their turn (0 = twice the cores)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  nsearch::cli::add_count_limit_option(app, options.count_limit);
  app.add_flag("--quiet,-q", quiet, "no access log on standard error");
  if (const auto done = nsearch::cli::parse(app, argc, argv)) return *done;
  options.db_path = nsearch::resolve_database_path(db);
  if (!quiet) options.access_log = &std::cerr;

  // The stop signals are taken synchronously by this thread (sigwait); every other thread,
  // created below, inherits the blocked mask.
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    nsearch::HttpServer server(options);
    std::cerr << "nsearch: serving " << options.db_path.string() << " at http://" << options.host
              << ":" << server.port() << "/" << std::endl;
    std::thread serving([&server] {
      server.serve();
      kill(getpid(), SIGTERM);  // if serving ended by itself, the waiting thread wakes up
    });
    int signal = 0;
    sigwait(&signals, &signal);
    std::cerr << "nsearch: stopping (" << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ")"
              << std::endl;
    server.stop();
    serving.join();
    return 0;
  } catch (const nsearch::Error& e) {
    std::cerr << "nsearch serve: " << e.what() << "\n";
    return nsearch::cli::exit_code(e.kind());
  }
}
