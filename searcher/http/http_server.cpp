#include "nsearch/http_server.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <thread>

#include "http_access_log.hpp"
#include "http_routes.hpp"
#include "nsearch/error.hpp"
#include "searcher_pool.hpp"

namespace nsearch {
namespace {

// Set before routing and replaced after it by a Server-Timing header, which the access log
// reads; so every answered request is timed without any state shared between threads.
constexpr const char* kStartHeader = "X-Nsearch-Start";

// The page runs only its own script and style, and no other site may frame it: even an
// escaping mistake could not run injected code.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

std::chrono::nanoseconds since_epoch() {
  return std::chrono::steady_clock::now().time_since_epoch();
}

// For the errors httplib answers by itself (malformed or oversized requests).
std::string status_text(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 405:
      return "method not allowed";
    case 413:
      return "request body too large";
    case 414:
      return "request target too long";
    default:
      return "HTTP status " + std::to_string(status);
  }
}

std::size_t active_searches(const HttpServerOptions& options) {
  if (options.max_active_searches > 0) return options.max_active_searches;
  return 2 * std::max(1U, std::thread::hardware_concurrency());
}

}  // namespace

struct HttpServer::Impl {
  HttpServerOptions options;
  SearcherPool pool;
  httplib::Server server;
  std::mutex log_mutex;
  int port = 0;
  socket_t listen_socket = -1;  ///< the socket httplib created for listening

  explicit Impl(HttpServerOptions opts)
      : options(std::move(opts)), pool(options.db_path, active_searches(options)) {
    const std::size_t threads = std::max<std::size_t>(1, options.threads);
    // httplib owns the queue it is given.
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    const auto io_seconds = std::chrono::duration_cast<std::chrono::seconds>(options.io_timeout);
    const auto io_micros =
        std::chrono::duration_cast<std::chrono::microseconds>(options.io_timeout - io_seconds);
    server.set_read_timeout(io_seconds.count(), io_micros.count());
    server.set_write_timeout(io_seconds.count(), io_micros.count());
    server.set_keep_alive_timeout(std::max<time_t>(1, io_seconds.count()));
    // A connection gives its thread back after this many requests, so that connections beyond
    // the thread count take turns instead of waiting for a busy one to go idle.
    server.set_keep_alive_max_count(100);
    server.set_payload_max_length(options.max_body_bytes);
    // Headers and body go out in separate writes: without this, Nagle and delayed ACKs add
    // ~40 ms to every keep-alive response.
    server.set_tcp_nodelay(true);
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which a second server
    // on the same port would silently share its connections instead of failing to start.
    server.set_socket_options([this](socket_t sock) {
      const int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_socket = sock;
    });

    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
      res.set_header(kStartHeader, std::to_string(since_epoch().count()));
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      const auto start = res.headers.find(kStartHeader);
      if (start != res.headers.end()) {
        const auto elapsed = since_epoch() - std::chrono::nanoseconds(std::stoll(start->second));
        res.headers.erase(start);
        res.set_header("Server-Timing",
                       "total;dur=" + std::to_string(static_cast<double>(elapsed.count()) / 1e6));
      }
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    });
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty() || res.status == 304)
            return httplib::Server::HandlerResponse::Unhandled;
          const std::string message =
              res.status == 404 ? "no such page: " + req.path : status_text(res.status);
          if (std::string_view(req.path).starts_with("/api/") || res.status != 404) {
            res.set_content(error_json(res.status, message), "application/json; charset=utf-8");
          } else {
            res.set_content(message + "\n", "text/plain; charset=utf-8");
          }
          return httplib::Server::HandlerResponse::Handled;
        }));
    if (options.access_log != nullptr) {
      server.set_logger(
          [this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
    }

    add_api_routes(server, pool, options);
    add_analysis_routes(server, pool);
    add_page_routes(server);

    port = options.port == 0
               ? server.bind_to_any_port(options.host)
               : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    // httplib listens with a backlog of 5: clients that (re)connect in a burst would see their
    // connection attempts dropped and retried a second later. Listening again sets a full one.
    if (port > 0 && listen_socket >= 0) ::listen(listen_socket, SOMAXCONN);
    if (port <= 0) {
      throw Error(ErrorKind::invalid_argument, "cannot listen on " + options.host + " port " +
                                                   std::to_string(options.port) +
                                                   " (in use, or not an address of this host?)");
    }
  }

  void log(const httplib::Request& req, const httplib::Response& res) {
    AccessRecord record;
    record.remote_addr = req.remote_addr;
    record.method = req.method;
    record.target = req.target;
    record.version = req.version;
    record.status = res.status;
    record.bytes = res.body.size();
    record.time = std::chrono::system_clock::now();
    const std::string timing = res.get_header_value("Server-Timing");
    if (const auto eq = timing.find('='); eq != std::string::npos) {
      record.duration = std::chrono::microseconds(
          static_cast<std::int64_t>(std::stod(timing.substr(eq + 1)) * 1000.0));
    }
    const std::string line = access_log_line(record);
    const std::lock_guard lock(log_mutex);
    *options.access_log << line << std::flush;
  }
};

HttpServer::HttpServer(HttpServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpServer::~HttpServer() {
  stop();
}

int HttpServer::port() const {
  return impl_->port;
}

void HttpServer::serve() {
  impl_->server.listen_after_bind();
}

void HttpServer::stop() {
  impl_->server.stop();
}

}  // namespace nsearch
