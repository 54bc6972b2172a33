// The JSON API: the same JSON as `nsearch --json` for searches, plus articles, statistics and
// suggestions. Errors are JSON too, with the HTTP status saying what kind they are.
#include <exception>
#include <functional>

#include <nlohmann/json.hpp>

#include "http_json.hpp"
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
