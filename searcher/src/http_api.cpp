// The JSON API: the same JSON as `nsearch --json` for searches, plus articles, statistics and
// suggestions. Errors are JSON too, with the HTTP status saying what kind they are.
#include <exception>
#include <functional>

#include <nlohmann/json.hpp>

#include "http_routes.hpp"
#include "nsearch/article_format.hpp"
#include "nsearch/error.hpp"
#include "nsearch/limits.hpp"
#include "nsearch/output.hpp"
#include "nsearch/request_options.hpp"

namespace nsearch {
namespace {

constexpr std::size_t kDefaultSuggestions = 8;
constexpr std::size_t kMaxSuggestions = 50;

int status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_argument:
    case ErrorKind::bad_query:
    case ErrorKind::input_error:
      return 400;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::database_not_found:
    case ErrorKind::database_locked:
    case ErrorKind::database_error:
    case ErrorKind::storage_full:
      return 503;
  }
  return 500;
}

void set_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(body, "application/json; charset=utf-8");
}

// Answers with what `answer` returns (a JSON document), or with the error it throws. A database
// that fails while in use is closed, so that the next request opens it afresh.
void respond(httplib::Response& res, SearcherPool& pool,
             const std::function<std::string(Searcher&)>& answer) {
  try {
    auto searcher = pool.lease();
    try {
      set_json(res, 200, answer(*searcher));
    } catch (const Error& e) {
      if (status_of(e.kind()) == 503) searcher.discard();
      throw;
    }
  } catch (const Error& e) {
    set_json(res, status_of(e.kind()), error_json(status_of(e.kind()), e.what()));
  } catch (const std::exception& e) {
    set_json(res, 500, error_json(500, std::string("internal error: ") + e.what()));
  }
}

// Query parameters given once at most, checked before the database is touched.
void check_unrepeated(const httplib::Request& req, const char* name) {
  if (req.get_param_value_count(name) > 1) {
    throw Error(ErrorKind::invalid_argument, std::string("parameter ") + name + " given twice");
  }
}

void check_query_length(std::string_view text) {
  if (text.size() > kMaxQueryBytes) {
    throw Error(ErrorKind::invalid_argument,
                "query longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
}

SearchRequest search_request_of(const httplib::Request& req, const HttpServerOptions& options) {
  SearchRequest request;
  request.time_limit_seconds = std::chrono::duration<double>(options.search_time_limit).count();
  request.count_limit = options.count_limit;
  for (const auto& [name, value] : req.params) {
    if (name != "outlet" && name != "lang") check_unrepeated(req, name.c_str());
    if (name == "q") check_query_length(value);
    set_request_option(request, name, value);
  }
  return request;
}

std::size_t suggestion_limit(const httplib::Request& req) {
  if (!req.has_param("limit")) return kDefaultSuggestions;
  SearchRequest scratch;  // the same number checks as a search's limit
  set_request_option(scratch, "limit", req.get_param_value("limit"));
  if (scratch.limit > kMaxSuggestions) {
    throw Error(ErrorKind::invalid_argument,
                "limit for suggestions must be at most " + std::to_string(kMaxSuggestions));
  }
  return scratch.limit;
}

}  // namespace

std::string error_json(int status, std::string_view message) {
  const nlohmann::ordered_json j = {{"status", status}, {"error", message}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void add_api_routes(httplib::Server& server, SearcherPool& pool, const HttpServerOptions& options) {
  server.Get("/api/search", [&pool, &options](const httplib::Request& req, httplib::Response& res) {
    // A bad request is answered without opening the database.
    SearchRequest request;
    try {
      request = search_request_of(req, options);
    } catch (const Error& e) {
      set_json(res, 400, error_json(400, e.what()));
      return;
    }
    respond(res, pool, [&request](Searcher& s) { return to_json(s.search(request)); });
  });

  server.Get(R"(/api/doc/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    respond(res, pool, [&id](Searcher& s) {
      Article article = s.article(id);
      article.source.clear();  // where the server read it from is none of the client's business
      return to_json(article);
    });
  });

  server.Get(R"(/api/copies/(.+))", [&pool](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    respond(res, pool, [&id](Searcher& s) { return to_json(s.copies(id)); });
  });

  server.Get("/api/stats", [&pool](const httplib::Request&, httplib::Response& res) {
    respond(res, pool, [](Searcher& s) { return to_json(s.stats()); });
  });

  server.Get("/api/suggest", [&pool](const httplib::Request& req, httplib::Response& res) {
    std::size_t limit = 0;
    const std::string text = req.get_param_value("q");
    try {
      check_unrepeated(req, "q");
      limit = suggestion_limit(req);
      check_query_length(text);
    } catch (const Error& e) {
      set_json(res, 400, error_json(400, e.what()));
      return;
    }
    respond(res, pool, [&](Searcher& s) { return to_json(s.suggest(text, limit)); });
  });
}

}  // namespace nsearch
