// The JSON API: the same JSON as `nsearch --json` for searches, plus articles, statistics and
// suggestions. Errors are JSON too, with the HTTP status saying what kind they are.
#include <exception>
#include <functional>
#include <memory>

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

// What /api/export takes: the query and filters of a search, and how to write the articles.
struct ExportRequest {
  SearchRequest search;
  std::string format = "jsonl";
  std::string fields;
};

ExportRequest export_request_of(const httplib::Request& req) {
  ExportRequest out;
  out.search.collapse = false;        // every copy, unless collapse=1
  out.search.sort = SortOrder::date;  // newest first, unless order=index
  for (const auto& [name, value] : req.params) {
    if (name != "outlet" && name != "lang") check_unrepeated(req, name.c_str());
    if (name == "q") check_query_length(value);
    if (name == "format") {
      out.format = value;
    } else if (name == "fields") {
      out.fields = value;
    } else if (name == "order") {
      if (value != "date" && value != "index")
        throw Error(ErrorKind::invalid_argument, "order must be date or index");
      out.search.sort = value == "date" ? SortOrder::date : SortOrder::relevance;
    } else if (name == "q" || name == "outlet" || name == "lang" || name == "kind" ||
               name == "since" || name == "until" || name == "match" || name == "collapse") {
      set_request_option(out.search, name, value);
    } else {
      throw Error(ErrorKind::invalid_argument,
                  "unknown parameter " + name +
                      " (known: q, outlet, lang, kind, since, until, match, order, collapse, "
                      "format, fields)");
    }
  }
  return out;
}

// Streams an export in chunks of about this size: a chunk per article would cost a write each.
constexpr std::size_t kExportChunkBytes = 64 * 1024;

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

  // Every match, streamed (chunked transfer). The query is tried on one match first, so that a
  // bad one is answered with 400 before the stream starts; a client that goes away stops the
  // export at the next chunk. The export holds one of the pool's searchers while it streams.
  server.Get("/api/export", [&pool](const httplib::Request& req, httplib::Response& res) {
    ExportRequest request;
    std::shared_ptr<const ExportFormat> writer;
    try {
      request = export_request_of(req);
      writer = std::make_shared<const ExportFormat>(request.format, request.fields);
    } catch (const Error& e) {
      set_json(res, 400, error_json(400, e.what()));
      return;
    }
    const bool valid = run_or_answer_error(res, pool, [&](Searcher& s) {
      SearchRequest probe = request.search;
      probe.sort = SortOrder::relevance;  // index order: stops at the first match
      s.export_matches(probe, [](const Article&) { return false; });
    });
    if (!valid) return;
    res.set_header("Cache-Control", "no-cache");
    res.set_chunked_content_provider(
        std::string(writer->content_type()),
        [&pool, search = request.search, writer](std::size_t, httplib::DataSink& sink) {
          std::string chunk = writer->header();
          bool open = true;
          const auto flush = [&] {
            open = open && (chunk.empty() || sink.write(chunk.data(), chunk.size()));
            chunk.clear();
            return open;
          };
          try {
            auto searcher = pool.lease();
            try {
              searcher->export_matches(search, [&](const Article& article) {
                Article shown = article;
                shown.source.clear();  // where the server read it from is not the client's
                chunk += writer->record(shown);
                return chunk.size() < kExportChunkBytes || flush();
              });
            } catch (const Error& e) {
              if (status_of(e.kind()) == 503) searcher.discard();  // as respond() does
              throw;
            }
          } catch (const std::exception&) {
            return false;  // the stream ends short: the client sees an incomplete transfer
          }
          if (flush()) sink.done();
          return open;
        });
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
