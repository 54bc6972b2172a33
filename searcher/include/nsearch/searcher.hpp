// Searching an nsearch database: ranked hits, filters, facets and snippets.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nsearch/article.hpp"
#include "nsearch/database_stats.hpp"

namespace nsearch {

enum class SortOrder { relevance, date };

/// How words without an explicit operator combine: all must match, or any may.
enum class DefaultOperator { all, any };

/// What facet counts count: articles (every copy of a syndicated story) or stories.
enum class FacetUnit { copy, story };

/// How a match is scored. `ineb2`: divergence from randomness, I(ne)B2 (Amati and van
/// Rijsbergen) with term-frequency normalisation 2 and parameter `dfr_c`; `bm25`: Okapi BM25
/// with `bm25_k1` and `bm25_b`.
enum class Weighting { ineb2, bm25 };

struct SearchRequest {
  std::string query;                 ///< query text (see README "Query language"); may be empty
  std::size_t offset = 0;            ///< hits to skip
  std::size_t limit = 10;            ///< hits to return
  std::vector<std::string> outlets;  ///< keep only these outlets (case-insensitive); any of them
  std::vector<std::string> langs;    ///< keep only these languages; any of them
  /// Keep only this kind of document: "article" or "page" (case-insensitive); empty = both.
  std::string kind{};
  std::string since;  ///< keep articles on or after this date ("2021", "2021-09", "2021-09-24")
  std::string until;  ///< keep articles on or before this date (same forms, inclusive)
  SortOrder sort = SortOrder::relevance;
  DefaultOperator default_operator = DefaultOperator::all;
  std::vector<std::string>
      facets;  ///< facet names: outlet, host, author, category, lang, kind, year, month, day
  std::size_t facet_limit = 20;     ///< values per facet (0 = all); counts are always exact
  std::size_t snippet_bytes = 240;  ///< target snippet length; 0 = no snippets
  /// Treat `query` as plain words (no operators, fields or phrases; punctuation ignored), as
  /// a natural-language question or a TREC topic is.
  bool free_text = false;
  /// Ranking. The defaults give the best mean MAP over the eight classic test collections
  /// (README "Ranking", tests/eval/relevance_eval.py).
  Weighting weighting = Weighting::ineb2;
  double dfr_c = 1.0;    ///< I(ne)B2's length normalisation parameter (> 0)
  double bm25_k1 = 1.6;  ///< used when weighting is bm25
  double bm25_b = 0.6;
  /// Extra weight of a word's match in the title, relative to a match in the text.
  double title_weight = 0.5;
  /// Pseudo-relevance feedback: add this many terms from the top articles (0 = off), each
  /// weighted up to `expand_weight` relative to an original query term.
  std::size_t expand_terms = 0;
  /// "More like this": find articles similar to the article with this id (its most
  /// distinctive terms), excluding it. The query text must then be empty; filters apply.
  std::string like_id{};
  /// Count every match exactly even without facets (slower for very common queries): the same
  /// as a `count_limit` of 0.
  bool exact_total = false;
  /// Counting (the totals, and facets) stops after this many matching articles, and the totals
  /// are then lower bounds; 0 = count every match. Unset: kDefaultCountLimit when only the
  /// totals are counted, every match when facets are asked for (facet counts are exact).
  std::optional<std::size_t> count_limit{};
  double expand_weight = 0.5;
  /// Stop matching after this many seconds (0 = no limit) and rank what was found by then,
  /// so that one pathological query cannot hold a server thread for long.
  double time_limit_seconds = 0;
  /// Show each story once: its best-ranked copy, with the number of other copies of the story
  /// and the outlets that carried them. Off: every matching article is a hit of its own.
  bool collapse = true;
  /// With `collapse`: show each story's earliest matching copy (the first publisher) instead of
  /// its best-ranked one.
  bool first_seen = false;
  FacetUnit facet_by = FacetUnit::copy;
  /// Blend recency into relevance: a half-life such as "30d", "12h", "2w", "6m", "1y". An
  /// article that old gets half the boost of the newest one (see README "Recency"); empty = off.
  std::string recency{};
  /// Suggest a spelling correction when the query has few hits (SearchResult::suggestion).
  bool suggest = true;
};

struct Hit {
  std::size_t rank = 0;  ///< 1-based position in the whole result list
  std::string id;
  double score = 0;
  std::string title, outlet, date, author, url, lang, category;  ///< empty = unknown
  /// The title was derived from the body's first sentence (the source gave none).
  bool title_derived = false;
  std::string kind = "article";  ///< "article" or "page" (see Article::kind)
  std::string snippet;           ///< plain text around the best match
  /// Byte ranges [first, second) of `snippet` that matched the query.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
  std::string story;  ///< story key shared by near-duplicate copies (empty in old databases)
  /// With collapsing: the other copies of the story (matching the query or not: who else
  /// carried it), and their outlets other than this hit's (each once, earliest first).
  std::size_t copies = 0;
  std::vector<std::string> also_in;
};

/// One copy of a story, for Searcher::copies.
struct StoryCopy {
  std::string id, title, outlet, date, url;
  bool title_derived = false;  ///< the title was derived from the body
  /// Estimated share of word 4-grams in common with the requested article, 0..1 (1 = itself or
  /// an identical text); 1 - similarity says how much it differs.
  double similarity = 1;
  bool requested = false;  ///< the article the copies were asked for
};

struct StoryCopies {
  std::string story;
  std::vector<StoryCopy> copies;  ///< earliest first, undated last; includes the article itself
};

struct Facet {
  std::string name;
  std::vector<FacetCount> values;  ///< by count (or chronologically for dates), at most facet_limit
};

struct SearchResult {
  std::string query;
  /// The query was not valid syntax (unbalanced quotes, a dangling operator, a bad date:...)
  /// and was searched as plain words instead; `fallback_reason` says what was wrong.
  bool query_fallback = false;
  std::string fallback_reason{};
  std::string parsed_query{};  ///< how the query was understood (Xapian's description)
  /// How many documents the page was ranked among when the database's impact tiers proved
  /// that enough (the heaviest candidates of frequent words); 0 when it was ranked among every
  /// match. Either way the page is the same.
  std::size_t ranked_from_tiers = 0;
  /// Matching stories when `collapsed`, else matching articles (see `articles`).
  std::size_t total = 0;
  /// False when counting stopped before the last match (SearchRequest::count_limit, or the time
  /// limit): `total` is then a lower bound, never an estimate.
  bool total_exact = false;
  bool collapsed = false;  ///< one hit per story; `total` then counts stories
  /// Matching articles, every copy of a story counted; a lower bound unless `articles_exact`.
  std::size_t articles = 0;
  bool articles_exact = false;
  /// What facet counts count: articles (copies), or stories (SearchRequest::facet_by).
  FacetUnit facet_unit = FacetUnit::copy;
  /// Every match was counted into the facets (and the stories). False when counting stopped at
  /// the count limit or the time limit: facets then count the articles seen until then.
  bool facets_exact = false;
  std::size_t offset = 0;
  std::vector<Hit> hits;
  std::vector<Facet> facets;  ///< in the order requested
  /// "Did you mean": the query with misspelt words corrected from the database's vocabulary,
  /// offered when it has fewer than kFewHits hits and the corrected query has more.
  std::optional<std::string> suggestion{};
};

/// Below this many hits a search looks for a spelling suggestion.
inline constexpr std::size_t kFewHits = 3;

/// Words that complete or correct a partly typed query.
struct Suggestions {
  std::string query;
  /// Indexed words that start with the last word of the query, most frequent first.
  std::vector<FacetCount> completions;
  /// The query with each word absent from the index replaced by the most frequent indexed
  /// word within a small edit distance; empty when every word is known or none is close.
  std::string correction;
};

/// The articles of an export pulled one at a time (Searcher::export_cursor), for iterators and
/// generators where Searcher::export_matches pushes them to a function. It holds the matching
/// document numbers (4 bytes a match) and reads each article when asked. It shares its
/// Searcher's database handle: use them from one thread at a time.
class ExportCursor {
 public:
  ~ExportCursor();
  ExportCursor(ExportCursor&&) noexcept;
  ExportCursor& operator=(ExportCursor&&) noexcept;

  /// The next article, or none at the end. Throws Error (database_error).
  std::optional<Article> next();
  /// The matching articles (copies of a story included).
  std::size_t matches() const;

  struct Impl;
  explicit ExportCursor(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

struct TrendRequest;
struct TrendResult;
struct TermsRequest;
struct TermsResult;

/// Read-only access to a database. Not thread-safe: use one Searcher per thread.
class Searcher {
 public:
  /// Opens the database. Throws Error (database_not_found, database_error).
  explicit Searcher(const std::filesystem::path& db_path);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Runs a search. Throws Error (bad_query, invalid_argument, database_error).
  SearchResult search(const SearchRequest& request);

  /// Counts over the whole database. Throws Error (database_error).
  DatabaseStats stats();

  /// The stored article with this id. Throws Error (not_found, database_error).
  Article article(const std::string& id);

  /// At most `limit` completions of the last word of `text`, and a spelling correction.
  /// Throws Error (database_error).
  Suggestions suggest(const std::string& text, std::size_t limit);

  /// Moves to the latest committed revision, so that articles indexed since opening are seen.
  /// Throws Error (database_error).
  void refresh();
  /// Every article of the story of the article `id`. Throws Error (not_found, database_error).
  StoryCopies copies(const std::string& id);

  /// Every article matching `request`'s query and filters, one at a time to `sink`, which
  /// returns false to stop; limit, offset, facets and ranking options are not used. Newest first
  /// when request.sort is SortOrder::date (undated articles last), else in index order; with
  /// request.collapse the first article met of each story only. Memory does not grow with the
  /// number of matches, but for 16 bytes a match newest first (to sort) and a story key a story
  /// collapsed. Returns how many articles `sink` was given. Throws Error (bad_query,
  /// invalid_argument, database_error), also after some articles were given.
  std::size_t export_matches(const SearchRequest& request,
                             const std::function<bool(const Article&)>& sink);

  /// The same articles as export_matches, pulled one at a time. Throws Error (bad_query,
  /// invalid_argument, database_error).
  ExportCursor export_cursor(const SearchRequest& request);

  /// Matching articles (stories) per period for each query (see nsearch/analysis.hpp). Throws
  /// Error (bad_query, invalid_argument, database_error).
  TrendResult trend(const TrendRequest& request);
  /// The terms most over-represented in the matches of a query against the whole database
  /// (see nsearch/analysis.hpp). Throws Error (bad_query, invalid_argument, database_error).
  TermsResult terms(const TermsRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nsearch
