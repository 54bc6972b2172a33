// GET /api/trend and /api/terms: news analysis as `nsearch trend --json` and `nsearch terms
// --json` print it. Parameters are checked before the database is touched: 400 with a message.
#include <set>

#include "http_json.hpp"
#include "http_routes.hpp"
#include "nsearch/analysis.hpp"
#include "nsearch/analysis_output.hpp"
#include "nsearch/request_options.hpp"

namespace nsearch {
namespace {

// The filters an analysis takes, by the names /api/search gives them.
const std::set<std::string, std::less<>> kFilterParams = {"outlet", "lang",  "kind",
                                                          "since",  "until", "match"};

bool parse_flag(std::string_view name, std::string_view value) {
  if (value == "1" || value == "true") return true;
  if (value == "0" || value == "false" || value.empty()) return false;
  throw Error(ErrorKind::invalid_argument, "bad value \"" + std::string(value) + "\" for " +
                                               std::string(name) + ": expected 1 or 0");
}

[[noreturn]] void unknown(std::string_view route, std::string_view name, std::string_view known) {
  throw Error(ErrorKind::invalid_argument, "unknown parameter \"" + std::string(name) + "\" for " +
                                               std::string(route) +
                                               " (known: " + std::string(known) + ")");
}

// A filter parameter into `filters`; false when `name` is none.
bool set_filter(const httplib::Request& req, SearchRequest& filters, const std::string& name,
                const std::string& value) {
  if (kFilterParams.count(name) == 0) return false;
  if (name != "outlet" && name != "lang") check_unrepeated(req, name.c_str());
  set_request_option(filters, name, value);
  return true;
}

TrendRequest trend_request_of(const httplib::Request& req) {
  TrendRequest request;
  for (const auto& [name, value] : req.params) {
    if (name == "q") {
      check_query_length(value);
      request.queries.push_back(value);
    } else if (name == "by") {
      check_unrepeated(req, "by");
      request.by = parse_trend_period(value);
    } else if (name == "count") {
      check_unrepeated(req, "count");
      request.count = parse_count_unit(value);
    } else if (name == "normalise" || name == "normalize") {
      request.normalise = parse_flag(name, value);
    } else if (!set_filter(req, request.filters, name, value)) {
      unknown("/api/trend", name,
              "q, by, count, normalise, outlet, lang, kind, since, until, match");
    }
  }
  if (request.queries.empty()) throw Error(ErrorKind::invalid_argument, "parameter q is required");
  if (request.queries.size() > kMaxTrendQueries) {
    throw Error(ErrorKind::invalid_argument,
                "at most " + std::to_string(kMaxTrendQueries) + " queries (q) in one trend");
  }
  return request;
}

TermsRequest terms_request_of(const httplib::Request& req) {
  TermsRequest request;
  for (const auto& [name, value] : req.params) {
    if (name == "q") {
      check_unrepeated(req, "q");
      check_query_length(value);
      request.search.query = value;
    } else if (name == "limit") {
      check_unrepeated(req, "limit");
      SearchRequest scratch;  // the same number checks as a search's limit
      set_request_option(scratch, "limit", value);
      request.limit = scratch.limit;
    } else if (name == "by") {
      check_unrepeated(req, "by");
      request.by = parse_count_unit(value);
    } else if (!set_filter(req, request.search, name, value)) {
      unknown("/api/terms", name, "q, limit, by, outlet, lang, kind, since, until, match");
    }
  }
  if (request.search.query.empty())
    throw Error(ErrorKind::invalid_argument, "parameter q is required");
  if (request.limit == 0 || request.limit > kMaxSignificantTerms) {
    throw Error(ErrorKind::invalid_argument,
                "limit for terms must be from 1 to " + std::to_string(kMaxSignificantTerms));
  }
  return request;
}

// Answers with `answer(request)` for the request `parse` reads, or 400 when it throws.
template <typename Parse, typename Answer>
void answer_checked(const httplib::Request& req, httplib::Response& res, SearcherPool& pool,
                    Parse parse, Answer answer) {
  decltype(parse(req)) request;
  try {
    request = parse(req);
  } catch (const Error& e) {
    set_json(res, 400, error_json(400, e.what()));
    return;
  }
  respond(res, pool, [&](Searcher& s) { return answer(s, request); });
}

}  // namespace

void add_analysis_routes(httplib::Server& server, SearcherPool& pool) {
  server.Get("/api/trend", [&pool](const httplib::Request& req, httplib::Response& res) {
    answer_checked(req, res, pool, trend_request_of,
                   [](Searcher& s, const TrendRequest& r) { return to_json(s.trend(r)); });
  });
  server.Get("/api/terms", [&pool](const httplib::Request& req, httplib::Response& res) {
    answer_checked(req, res, pool, terms_request_of,
                   [](Searcher& s, const TermsRequest& r) { return to_json(s.terms(r)); });
  });
}

}  // namespace nsearch
