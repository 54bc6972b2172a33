// The HTTP server's routes (internal): the JSON API and the embedded search page.
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>

#include "nsearch/http_server.hpp"
#include "searcher_pool.hpp"

namespace nsearch {

/// GET /api/search, /api/doc/{id}, /api/copies/{id}, /api/stats and /api/suggest, answered
/// from `pool`.
void add_api_routes(httplib::Server& server, SearcherPool& pool, const HttpServerOptions& options);

/// GET /api/trend and /api/terms (news analysis), answered from `pool`.
void add_analysis_routes(httplib::Server& server, SearcherPool& pool);

/// GET / (the page) and its files, with ETag revalidation.
void add_page_routes(httplib::Server& server);

/// {"status": 400, "error": "message"}
std::string error_json(int status, std::string_view message);

}  // namespace nsearch
