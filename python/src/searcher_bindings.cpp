// nsearch.Searcher, nsearch.SearchResult and nsearch.Hit: searching from Python.
//
// Search options are keyword arguments named after the SearchRequest fields. Their defaults are
// those of a default-constructed SearchRequest, and options the CLI also has are checked and set
// by set_request_option(), so that Python, the CLI and the HTTP API accept the same values.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "nsearch/analysis.hpp"
#include "nsearch/analysis_output.hpp"
#include "nsearch/article_format.hpp"
#include "nsearch/error.hpp"
#include "nsearch/output.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/searcher.hpp"

namespace nsearch::python {
namespace {

// text_list: a comma-separated option (facets); repeated_text: one option per item (outlet).
enum class ValueType { integer, number, flag, text, text_list, repeated_text };

struct SearchOption {
  const char* name;  ///< the keyword argument: the SearchRequest field it sets
  ValueType type;
  /// The option set_request_option() checks and sets it by; nullptr: `assign` sets it.
  const char* request_option;
  py::object (*current)(const SearchRequest&);  ///< the field's value (the default, unset)
  void (*assign)(SearchRequest&, py::handle) = nullptr;
  const char* help = nullptr;  ///< for options request_options() does not describe
};

[[noreturn]] void reject_type(const char* option, const char* expected, py::handle value) {
  throw py::type_error(std::string(option) + " expects " + expected + ", got " +
                       py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

// bool is an int in Python; an option that counts takes no True.
bool is_int(py::handle value) {
  return PyLong_Check(value.ptr()) && !PyBool_Check(value.ptr());
}

bool flag_value(const char* option, py::handle value) {
  if (!PyBool_Check(value.ptr())) reject_type(option, "True or False", value);
  return value.cast<bool>();
}

double number_value(const char* option, py::handle value) {
  if (!is_int(value) && !PyFloat_Check(value.ptr())) reject_type(option, "a number", value);
  const double x = value.cast<double>();
  if (!(x >= 0) || x == std::numeric_limits<double>::infinity()) {
    throw Error(ErrorKind::invalid_argument, "bad value " + py::repr(value).cast<std::string>() +
                                                 " for " + option +
                                                 ": expected a non-negative number");
  }
  return x;
}

std::size_t count_value(const char* option, py::handle value) {
  if (!is_int(value)) reject_type(option, "an int", value);
  if (value.attr("__lt__")(0).cast<bool>()) {
    throw Error(ErrorKind::invalid_argument, "bad value " + py::repr(value).cast<std::string>() +
                                                 " for " + option + ": expected a whole number");
  }
  return value.cast<std::size_t>();
}

std::string text_value(const char* option, py::handle value) {
  if (!py::isinstance<py::str>(value)) reject_type(option, "a str", value);
  return value.cast<std::string>();
}

// A str is one item; any other iterable holds items.
std::vector<std::string> text_list_value(const char* option, py::handle value) {
  if (py::isinstance<py::str>(value)) return {value.cast<std::string>()};
  if (!py::isinstance<py::iterable>(value)) reject_type(option, "a str or a list of str", value);
  std::vector<std::string> items;
  for (const py::handle item : value)
    items.push_back(text_value(option, item));
  return items;
}

// The value as the text set_request_option() parses: what a CLI user would type.
std::string option_text(const SearchOption& option, py::handle value) {
  switch (option.type) {
    case ValueType::integer:
      if (!is_int(value)) reject_type(option.name, "an int", value);
      return py::str(value).cast<std::string>();
    case ValueType::number:
      if (!is_int(value) && !PyFloat_Check(value.ptr()))
        reject_type(option.name, "a number", value);
      return py::str(value).cast<std::string>();
    case ValueType::flag:
      return flag_value(option.name, value) ? "1" : "0";
    case ValueType::text:
      return text_value(option.name, value);
    case ValueType::text_list:
    case ValueType::repeated_text:
      break;
  }
  std::string joined;
  for (const std::string& item : text_list_value(option.name, value))
    joined += (joined.empty() ? "" : ",") + item;
  return joined;
}

py::object text_list(const std::vector<std::string>& items) {
  py::list list;
  for (const std::string& item : items)
    list.append(text(item));
  return list;
}

const std::vector<SearchOption>& search_options() {
  using R = SearchRequest;
  using T = ValueType;
  static const std::vector<SearchOption> options = {
      {"limit", T::integer, "limit", [](const R& r) { return py::cast(r.limit); }},
      {"offset", T::integer, "offset", [](const R& r) { return py::cast(r.offset); }},
      {"outlets", T::repeated_text, "outlet", [](const R& r) { return text_list(r.outlets); }},
      {"langs", T::repeated_text, "lang", [](const R& r) { return text_list(r.langs); }},
      {"kind", T::text, "kind", [](const R& r) { return text_or_none(r.kind); }},
      {"since", T::text, "since", [](const R& r) { return text_or_none(r.since); }},
      {"until", T::text, "until", [](const R& r) { return text_or_none(r.until); }},
      {"sort", T::text, "sort",
       [](const R& r) { return py::cast(r.sort == SortOrder::date ? "date" : "relevance"); }},
      {"default_operator", T::text, "match",
       [](const R& r) {
         return py::cast(r.default_operator == DefaultOperator::any ? "any" : "all");
       }},
      {"facets", T::text_list, "facets", [](const R& r) { return text_list(r.facets); }},
      {"facet_limit", T::integer, "facet-limit",
       [](const R& r) { return py::cast(r.facet_limit); }},
      {"facet_by", T::text, "facet-by",
       [](const R& r) { return py::cast(r.facet_by == FacetUnit::story ? "story" : "copy"); }},
      {"collapse", T::flag, "collapse", [](const R& r) { return py::cast(r.collapse); }},
      {"first_seen", T::flag, "first-seen", [](const R& r) { return py::cast(r.first_seen); }},
      {"recency", T::text, "recency", [](const R& r) { return text_or_none(r.recency); }},
      {"like_id", T::text, "like", [](const R& r) { return text_or_none(r.like_id); }},
      {"count_limit", T::integer, "count-limit",
       [](const R& r) {
         return r.count_limit ? py::cast(*r.count_limit) : py::object(py::none());
       }},
      {"exact_total", T::flag, nullptr, [](const R& r) { return py::cast(r.exact_total); },
       [](R& r, py::handle v) { r.exact_total = flag_value("exact_total", v); },
       "count every match exactly (count_limit 0)"},
      {"snippet_bytes", T::integer, nullptr, [](const R& r) { return py::cast(r.snippet_bytes); },
       [](R& r, py::handle v) { r.snippet_bytes = count_value("snippet_bytes", v); },
       "target snippet length in bytes (0 = no snippets)"},
      {"free_text", T::flag, nullptr, [](const R& r) { return py::cast(r.free_text); },
       [](R& r, py::handle v) { r.free_text = flag_value("free_text", v); },
       "take the query as plain words (no operators, fields or phrases)"},
      {"suggest", T::flag, nullptr, [](const R& r) { return py::cast(r.suggest); },
       [](R& r, py::handle v) { r.suggest = flag_value("suggest", v); },
       "suggest a spelling correction when the query has few hits"},
      {"time_limit_seconds", T::number, nullptr,
       [](const R& r) { return py::cast(r.time_limit_seconds); },
       [](R& r, py::handle v) { r.time_limit_seconds = number_value("time_limit_seconds", v); },
       "stop matching after this many seconds and rank what was found (0 = no limit)"},
      {"weighting", T::text, "weighting",
       [](const R& r) { return py::cast(r.weighting == Weighting::bm25 ? "bm25" : "ineb2"); }},
      {"dfr_c", T::number, "dfr-c", [](const R& r) { return py::cast(r.dfr_c); }},
      {"bm25_k1", T::number, nullptr, [](const R& r) { return py::cast(r.bm25_k1); },
       [](R& r, py::handle v) { r.bm25_k1 = number_value("bm25_k1", v); },
       "BM25's k1 (with weighting='bm25')"},
      {"bm25_b", T::number, nullptr, [](const R& r) { return py::cast(r.bm25_b); },
       [](R& r, py::handle v) { r.bm25_b = number_value("bm25_b", v); },
       "BM25's b (with weighting='bm25')"},
      {"title_weight", T::number, "title-weight",
       [](const R& r) { return py::cast(r.title_weight); }},
      {"expand_terms", T::integer, "expand", [](const R& r) { return py::cast(r.expand_terms); }},
      {"expand_weight", T::number, "expand-weight",
       [](const R& r) { return py::cast(r.expand_weight); }},
  };
  return options;
}

const SearchOption* find_option(const std::string& name) {
  for (const SearchOption& option : search_options())
    if (name == option.name) return &option;
  return nullptr;
}

std::string option_names() {
  std::string names;
  for (const SearchOption& option : search_options())
    names += (names.empty() ? "" : ", ") + std::string(option.name);
  return names;
}

void set_option(SearchRequest& request, const SearchOption& option, py::handle value) {
  if (option.request_option == nullptr) {
    option.assign(request, value);
  } else if (option.type == ValueType::repeated_text) {
    for (const std::string& item : text_list_value(option.name, value))
      set_request_option(request, option.request_option, item);  // each use adds one
  } else {
    set_request_option(request, option.request_option, option_text(option, value));
  }
}

// `query` and keyword options; an option given as None keeps its default.
SearchRequest make_request(std::string query, const py::kwargs& options) {
  SearchRequest request;
  request.query = std::move(query);
  for (const auto& [key, value] : options) {
    const std::string name = key.cast<std::string>();
    const SearchOption* option = find_option(name);
    if (option == nullptr) {
      throw py::type_error("unknown search option '" + name + "' (options: " + option_names() +
                           ")");
    }
    if (!value.is_none()) set_option(request, *option, value);
  }
  return request;
}

// "name: default  help" for each option, for the docstrings.
std::string options_doc() {
  const SearchRequest defaults;
  std::string doc = "Options (keyword arguments; None keeps the default):\n";
  for (const SearchOption& option : search_options()) {
    std::string help = option.help != nullptr ? option.help : "";
    for (const RequestOption& described : request_options())
      if (option.request_option != nullptr && described.name == option.request_option)
        help = std::string(described.help);
    doc += "  " + std::string(option.name) + "=" +
           py::repr(option.current(defaults)).cast<std::string>() + ": " + help + "\n";
  }
  return doc;
}

/// A Searcher for Python threads: calls run without the GIL, one at a time (Xapian objects are
/// not thread-safe), so that threads with a Searcher each search in parallel and threads that
/// share one are safe.
class LockedSearcher {
 public:
  explicit LockedSearcher(const std::filesystem::path& path) : searcher_(path) {}

  template <typename Call>
  auto run(Call&& call) {
    const py::gil_scoped_release no_gil;
    const std::lock_guard lock(mutex_);
    return call(searcher_);
  }

 private:
  std::mutex mutex_;
  Searcher searcher_;
};

/// Searcher.export()'s iterator: pulls the cursor's articles one at a time, under the
/// Searcher's lock (the cursor shares its database handle).
struct ExportIterator {
  LockedSearcher* searcher;  // kept alive by the iterator (keep_alive in the binding)
  ExportCursor cursor;
  std::vector<std::string> fields;

  py::object next() {
    const std::optional<Article> article =
        searcher->run([this](Searcher&) { return cursor.next(); });
    if (!article) throw py::stop_iteration();
    return from_json(to_json(*article, fields));
  }
};

/// Field names from a comma-separated str or a sequence of str; all of them for None.
std::vector<std::string> export_fields(const py::object& fields) {
  if (fields.is_none()) {
    const auto all = article_fields();
    return {all.begin(), all.end()};
  }
  if (py::isinstance<py::str>(fields)) return parse_article_fields(fields.cast<std::string>());
  std::string list;
  for (const py::handle name : fields)
    list += (list.empty() ? "" : ",") + name.cast<std::string>();
  return parse_article_fields(list);
}

py::list highlight_list(const Hit& hit) {
  py::list ranges;
  for (const auto& [begin, end] : hit.highlights)
    ranges.append(py::make_tuple(begin, end));
  return ranges;
}

py::dict facets_dict(const SearchResult& result) {
  py::dict facets;
  for (const Facet& facet : result.facets) {
    py::dict counts;
    for (const FacetCount& c : facet.values)
      counts[text(c.value)] = c.count;
    facets[text(facet.name)] = counts;
  }
  return facets;
}

const char* unit_name(bool stories) {
  return stories ? "stories" : "articles";
}

void bind_hit(py::module_& m) {
  py::class_<Hit> hit(m, "Hit",
                      "One search hit; unknown fields are None (null in the JSON output).");
  hit.def_readonly("rank", &Hit::rank, "1-based position in the whole result list")
      .def_property_readonly("id", [](const Hit& h) { return text(h.id); })
      .def_readonly("score", &Hit::score)
      .def_property_readonly("title", [](const Hit& h) { return text_or_none(h.title); })
      .def_readonly("title_derived", &Hit::title_derived,
                    "the title was derived from the body (the source gave none)")
      .def_property_readonly("outlet", [](const Hit& h) { return text_or_none(h.outlet); })
      .def_property_readonly(
          "date", [](const Hit& h) { return text_or_none(h.date); }, "ISO 8601 date, or None")
      .def_property_readonly("author", [](const Hit& h) { return text_or_none(h.author); })
      .def_property_readonly("url", [](const Hit& h) { return text_or_none(h.url); })
      .def_property_readonly("lang", [](const Hit& h) { return text_or_none(h.lang); })
      .def_property_readonly("category", [](const Hit& h) { return text_or_none(h.category); })
      .def_property_readonly(
          "kind", [](const Hit& h) { return text(h.kind); }, "'article' or 'page'")
      .def_property_readonly(
          "snippet", [](const Hit& h) { return text_or_none(h.snippet); },
          "plain text around the best match")
      .def_property_readonly("highlights", &highlight_list,
                             "byte ranges (begin, end) of the snippet's UTF-8 that matched")
      .def_property_readonly(
          "snippet_html",
          [](const Hit& h) {
            return h.snippet.empty() ? py::none() : py::object(text(snippet_html(h)));
          },
          "the snippet as HTML, matches in <mark>")
      .def_property_readonly(
          "story", [](const Hit& h) { return text_or_none(h.story); },
          "story key shared by near-duplicate copies")
      .def_readonly("copies", &Hit::copies, "with collapse: other copies of the story")
      .def_property_readonly(
          "also_in", [](const Hit& h) { return text_list(h.also_in); },
          "with collapse: the other copies' outlets, earliest first")
      .def(
          "to_dict", [](const Hit& h) { return from_json(to_json(h)); },
          "The hit as a hit of the JSON output (a dict; copies and also_in always).")
      .def("__repr__", [](const Hit& h) {
        return "<nsearch.Hit " + std::to_string(h.rank) + " " +
               py::repr(text(h.id)).cast<std::string>() + ">";
      });
  hit.attr("fields") = py::tuple(from_json(to_json(Hit{})));  // the keys of to_dict(), in order
}

void bind_result(py::module_& m) {
  py::class_<SearchResult>(m, "SearchResult",
                           "What a search found: totals, hits, facets and a suggestion. Iterate "
                           "over it for its hits; to_dict() is the CLI's --json output.")
      .def_property_readonly("query", [](const SearchResult& r) { return text(r.query); })
      .def_readonly("query_fallback", &SearchResult::query_fallback,
                    "the query was not valid syntax and was searched as plain words")
      .def_property_readonly("fallback_reason",
                             [](const SearchResult& r) { return text_or_none(r.fallback_reason); })
      .def_property_readonly("parsed_query",
                             [](const SearchResult& r) { return text_or_none(r.parsed_query); })
      .def_readonly("ranked_from_tiers", &SearchResult::ranked_from_tiers)
      .def_readonly("total", &SearchResult::total,
                    "matching stories when collapsed, else matching articles")
      .def_readonly("total_exact", &SearchResult::total_exact,
                    "False when counting stopped early: total is then a lower bound")
      .def_property_readonly("total_unit",
                             [](const SearchResult& r) { return unit_name(r.collapsed); })
      .def_readonly("articles", &SearchResult::articles, "matching articles, every copy counted")
      .def_readonly("articles_exact", &SearchResult::articles_exact)
      .def_readonly("collapsed", &SearchResult::collapsed, "one hit per story")
      .def_property_readonly(
          "facet_unit",
          [](const SearchResult& r) { return unit_name(r.facet_unit == FacetUnit::story); })
      .def_readonly("facets_exact", &SearchResult::facets_exact)
      .def_readonly("offset", &SearchResult::offset)
      .def_readonly("hits", &SearchResult::hits, "list of Hit")
      .def_property_readonly("facets", &facets_dict,
                             "{facet name: {value: count}}, values in the facet's order")
      .def_property_readonly(
          "suggestion",
          [](const SearchResult& r) {
            return r.suggestion ? py::object(text(*r.suggestion)) : py::object(py::none());
          },
          "'did you mean' query, or None")
      .def(
          "to_dict", [](const SearchResult& r) { return from_json(to_json(r)); },
          "The result as the JSON output (nsearch --json, /api/search) reads: a dict.")
      .def("__len__", [](const SearchResult& r) { return r.hits.size(); })
      .def(
          "__iter__",
          [](const SearchResult& r) { return py::make_iterator(r.hits.begin(), r.hits.end()); },
          py::keep_alive<0, 1>())
      .def("__getitem__",
           [](const SearchResult& r, std::ptrdiff_t i) {
             const auto size = static_cast<std::ptrdiff_t>(r.hits.size());
             if (i < 0) i += size;
             if (i < 0 || i >= size) throw py::index_error("hit index out of range");
             return r.hits[static_cast<std::size_t>(i)];
           })
      .def("__repr__", [](const SearchResult& r) {
        return "<nsearch.SearchResult " + py::repr(text(r.query)).cast<std::string>() + ": " +
               std::to_string(r.total) + (r.total_exact ? " " : "+ ") + unit_name(r.collapsed) +
               ", " + std::to_string(r.hits.size()) + " hits>";
      });
}

void bind_searcher_class(py::module_& m) {
  py::class_<ExportIterator>(m, "ExportIterator",
                             "The articles of Searcher.export(), one dict at a time.")
      .def("__iter__", [](ExportIterator& it) -> ExportIterator& { return it; })
      .def("__next__", &ExportIterator::next)
      .def_property_readonly(
          "matches", [](const ExportIterator& it) { return it.cursor.matches(); },
          "matching articles, copies of a story included");

  const std::string options = options_doc();
  py::class_<LockedSearcher>(m, "Searcher",
                             "Read-only access to an nsearch database. Searches release the GIL: "
                             "threads with a Searcher each search in parallel (calls on one "
                             "Searcher take turns).")
      .def(py::init([](const std::filesystem::path& path) {
             const py::gil_scoped_release no_gil;
             return std::make_unique<LockedSearcher>(path);
           }),
           py::arg("path"),
           "Opens the database at `path`. Raises DatabaseNotFoundError, DatabaseError.")
      .def(
          "search",
          [](LockedSearcher& s, std::string query, const py::kwargs& options) {
            const SearchRequest request = make_request(std::move(query), options);
            return s.run([&request](Searcher& searcher) { return searcher.search(request); });
          },
          py::arg("query") = "",
          ("Searches `query` (the query language of the README; may be empty with filters).\n"
           "Returns a SearchResult. Raises BadQueryError, InvalidArgumentError, "
           "DatabaseError.\n\n" +
           options)
              .c_str())
      .def(
          "similar",
          [](LockedSearcher& s, std::string id, const py::kwargs& options) {
            SearchRequest request = make_request("", options);
            request.like_id = std::move(id);
            return s.run([&request](Searcher& searcher) { return searcher.search(request); });
          },
          py::arg("id"),
          ("Articles like the article `id` (its most distinctive terms), without it: a "
           "SearchResult.\nTakes the options of search(). Raises NotFoundError.\n\n" +
           options)
              .c_str())
      .def(
          "document",
          [](LockedSearcher& s, const std::string& id) {
            return from_json(
                to_json(s.run([&id](Searcher& searcher) { return searcher.article(id); })));
          },
          py::arg("id"),
          "The stored article `id` as `nindex extract --json` prints an article: a dict of id, "
          "url, title, title_derived, outlet, date, author, lang, category, kind, body, source "
          "(unknown fields None). Raises NotFoundError.")
      .def(
          "copies",
          [](LockedSearcher& s, const std::string& id) {
            return from_json(
                to_json(s.run([&id](Searcher& searcher) { return searcher.copies(id); })));
          },
          py::arg("id"),
          "Every copy of the story of article `id`, as `nsearch --copies ID --json` prints it: "
          "{'story', 'copies': [{'id', 'title', 'title_derived', 'outlet', 'date', 'url', "
          "'similarity', 'requested'}]}, earliest first. Raises NotFoundError.")
      .def(
          "stats",
          [](LockedSearcher& s) {
            return from_json(to_json(s.run([](Searcher& searcher) { return searcher.stats(); })));
          },
          "What the database holds: {'documents', 'outlets', 'languages', 'date_min', "
          "'date_max'}.")
      .def(
          "export",
          [](LockedSearcher& s, std::string query, const std::string& order, bool collapse,
             const py::object& fields, const py::kwargs& options) {
            SearchRequest request = make_request(std::move(query), options);
            if (order != "date" && order != "index")
              throw Error(ErrorKind::invalid_argument, "order must be 'date' or 'index'");
            request.sort = order == "date" ? SortOrder::date : SortOrder::relevance;
            request.collapse = collapse;
            std::vector<std::string> names = export_fields(fields);
            ExportCursor cursor =
                s.run([&request](Searcher& searcher) { return searcher.export_cursor(request); });
            return ExportIterator{&s, std::move(cursor), std::move(names)};
          },
          py::arg("query") = "", py::kw_only(), py::arg("order") = "date",
          py::arg("collapse") = false, py::arg("fields") = py::none(), py::keep_alive<0, 1>(),
          "Every article matching `query` and the filters (the search options outlet, lang, "
          "kind, since, until, match), as `nsearch export` writes them: an iterator of dicts "
          "with the keys of document() (or only `fields`, a list or a comma-separated str, in "
          "that order). order='date' (newest first, undated last) or 'index' (as indexed); "
          "collapse=True keeps the first article of each story. It holds 4 bytes per match and "
          "reads each article when it is reached. Raises BadQueryError, InvalidArgumentError.")
      .def(
          "trend",
          [](LockedSearcher& s, const std::vector<std::string>& queries, const std::string& by,
             const std::string& count, bool normalise, const py::kwargs& filters) {
            TrendRequest request;
            request.queries = queries;
            request.filters = make_request("", filters);
            request.by = parse_trend_period(by);
            request.count = parse_count_unit(count);
            request.normalise = normalise;
            return from_json(
                to_json(s.run([&request](Searcher& searcher) { return searcher.trend(request); })));
          },
          py::arg("queries"), py::kw_only(), py::arg("by") = "month", py::arg("count") = "articles",
          py::arg("normalise") = false,
          "Matching articles (count='stories': stories) per period (by: day, week, month, year) "
          "for each query, as `nsearch trend --json` prints it: {'by', 'count', 'periods', "
          "'totals', 'series': [{'query', 'counts', 'shares'}]} ('shares' with normalise=True). "
          "Filters are search() options (outlets, langs, kind, since, until, default_operator). "
          "Raises BadQueryError, InvalidArgumentError.")
      .def(
          "terms",
          [](LockedSearcher& s, std::string query, std::size_t limit, const std::string& by,
             const py::kwargs& filters) {
            TermsRequest request;
            request.search = make_request(std::move(query), filters);
            request.limit = limit;
            request.by = parse_count_unit(by);
            return from_json(
                to_json(s.run([&request](Searcher& searcher) { return searcher.terms(request); })));
          },
          py::arg("query"), py::kw_only(), py::arg("limit") = 20, py::arg("by") = "articles",
          "The terms most over-represented in the matches of `query` (log-likelihood ratio), as "
          "`nsearch terms --json` prints them: {'query', 'by', 'matches', 'database', 'sampled', "
          "'measure', 'terms': [{'term', 'stem', 'in_matches', 'in_database', 'score'}]}. "
          "by='stories' counts each story once. Filters as search(). Raises BadQueryError, "
          "InvalidArgumentError.")
      .def(
          "refresh",
          [](LockedSearcher& s) { s.run([](Searcher& searcher) { searcher.refresh(); }); },
          "Moves to the latest committed revision, to see articles indexed since opening.");

  m.def(
      "search_options",
      [] {
        const SearchRequest defaults;
        py::dict d;
        for (const SearchOption& option : search_options())
          d[option.name] = option.current(defaults);
        return d;
      },
      "The search options and their defaults (the C++ SearchRequest's), as a dict.");
}

}  // namespace

void bind_searcher(py::module_& module) {
  bind_hit(module);
  bind_result(module);
  bind_searcher_class(module);
}

}  // namespace nsearch::python
