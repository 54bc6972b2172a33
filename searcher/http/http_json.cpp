#include "http_json.hpp"

#include <exception>

#include "http_routes.hpp"
#include "nsearch/limits.hpp"

namespace nsearch {

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

bool run_or_answer_error(httplib::Response& res, SearcherPool& pool,
                         const std::function<void(Searcher&)>& work) {
  try {
    auto searcher = pool.lease();
    try {
      work(*searcher);
      return true;
    } catch (const Error& e) {
      if (status_of(e.kind()) == 503) searcher.discard();
      throw;
    }
  } catch (const Error& e) {
    set_json(res, status_of(e.kind()), error_json(status_of(e.kind()), e.what()));
  } catch (const std::exception& e) {
    set_json(res, 500, error_json(500, std::string("internal error: ") + e.what()));
  }
  return false;
}

void respond(httplib::Response& res, SearcherPool& pool,
             const std::function<std::string(Searcher&)>& answer) {
  std::string body;
  if (run_or_answer_error(res, pool, [&](Searcher& s) { body = answer(s); }))
    set_json(res, 200, body);
}

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

}  // namespace nsearch
