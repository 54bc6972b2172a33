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

/// Runs `work` on a Searcher of the pool; when it throws, answers with the error (JSON, the HTTP
/// status saying what kind) and returns false. A database that fails while in use is closed, so
/// that the next request opens it afresh.
bool run_or_answer_error(httplib::Response& res, SearcherPool& pool,
                         const std::function<void(Searcher&)>& work);

/// Answers with what `answer` returns (a JSON document), or with the error it throws (see
/// run_or_answer_error).
void respond(httplib::Response& res, SearcherPool& pool,
             const std::function<std::string(Searcher&)>& answer);

/// Throws Error(invalid_argument) when the parameter is given more than once.
void check_unrepeated(const httplib::Request& req, const char* name);

/// Throws Error(invalid_argument) for query text longer than kMaxQueryBytes.
void check_query_length(std::string_view text);

}  // namespace nsearch
