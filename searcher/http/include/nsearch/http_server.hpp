// An HTTP server for an nsearch database: the JSON API (/api/search, /api/doc/ID, /api/stats,
// /api/suggest) and the search page at /. Embedders serve with it the way `nsearch serve` does.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace nsearch {

struct HttpServerOptions {
  std::filesystem::path db_path;
  std::string host = "127.0.0.1";  ///< loopback unless told otherwise
  int port = 8080;                 ///< 0 = any free port (see HttpServer::port())
  /// Worker threads. A connection holds one while open (idle keep-alive connections are closed
  /// after io_timeout), so this bounds the connections served at once.
  std::size_t threads = 64;
  /// Searches run at once (the others wait their turn, in order of arrival); 0 = twice the
  /// number of cores. Each has its own database handle.
  std::size_t max_active_searches = 0;
  std::size_t max_body_bytes = 16 * 1024;             ///< larger request bodies get 413
  std::chrono::milliseconds io_timeout{5000};         ///< per read or write on a connection
  std::chrono::milliseconds search_time_limit{2000};  ///< matcher time per search
  /// SearchRequest::count_limit of searches whose request sets none (count-limit=N does);
  /// unset: the library's default.
  std::optional<std::size_t> count_limit{};
  std::ostream* access_log = nullptr;  ///< one line per request, or none when null
};

/// Serves until stop(). Requests are handled concurrently by a pool of worker threads.
class HttpServer {
 public:
  /// Binds the listening socket. Throws Error(invalid_argument) when it cannot. The database
  /// is opened on the first request that needs it: until it can be, the API answers 503.
  explicit HttpServer(HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// The bound port (the one chosen when the options said 0).
  int port() const;

  /// Accepts and answers requests until stop() is called; then returns once the requests in
  /// progress are answered.
  void serve();

  /// Stops accepting connections and makes serve() return. Safe from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch
