// Answering HTTP requests with JSON, and the checks every API route makes (internal).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <httplib.h>

#include "nsearch/error.hpp"
#include "searcher_pool.hpp"

namespace nsearch {

/// The HTTP status of an error of this kind: 400 bad input, 404 unknown id, 503 database.
int status_of(ErrorKind kind);

/// Sets the response to `body` (JSON) with `status`, not to be cached.
void set_json(httplib::Response& res, int status, const std::string& body);

/// Answers with what `answer` returns (a JSON document), or with the error it throws. A database
/// that fails while in use is closed, so that the next request opens it afresh.
void respond(httplib::Response& res, SearcherPool& pool,
             const std::function<std::string(Searcher&)>& answer);

/// Throws Error(invalid_argument) when the parameter is given more than once.
void check_unrepeated(const httplib::Request& req, const char* name);

/// Throws Error(invalid_argument) for query text longer than kMaxQueryBytes.
void check_query_length(std::string_view text);

}  // namespace nsearch
