#include "nsearch/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <unordered_set>

#include <xapian.h>

#include "database_layout.hpp"
#include "database_stats_of.hpp"
#include "match/facet_spies.hpp"
#include "match/impact_tier_plan.hpp"
#include "match/match_export.hpp"
#include "match/matching_query.hpp"
#include "match/newest_first.hpp"
#include "match/posting_walk.hpp"
#include "match/recency.hpp"
#include "match/value_columns.hpp"
#include "match/weighting.hpp"
#include "nsearch/analysis.hpp"
#include "nsearch/error.hpp"
#include "nsearch/limits.hpp"
#include "nsearch/schema.hpp"
#include "open_database.hpp"
#include "query/query_builder.hpp"
#include "query/spelling.hpp"
#include "query/suggest.hpp"
#include "results/significant_terms.hpp"
#include "results/snippet.hpp"
#include "results/stem_cache.hpp"
#include "results/story_members.hpp"
#include "results/term_frequencies.hpp"
#include "results/trend.hpp"
#include "stored_data.hpp"
#include "story_signature.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

// Distinct story keys among the matches; an article without one is a story of its own.
std::size_t count_stories(const Xapian::ValueCountMatchSpy& keys) {
  std::size_t stories = 0;
  std::size_t keyed = 0;
  for (auto it = keys.values_begin(); it != keys.values_end(); ++it) {
    ++stories;
    keyed += it.get_termfreq();
  }
  return stories + (keys.get_total() - keyed);
}

// Counts the matches a matcher shows it and their distinct stories: from the in-memory story
// column when the Searcher has one, else from each match's value (Xapian's own spy, which
// remote shards run too). Attached to an Enquire, it must stay where it is until the match ends.
class StoryTally {
 public:
  explicit StoryTally(ValueColumns* columns) {
    if (columns != nullptr) {
      column_.emplace(*columns, schema::kStorySlot);
    } else {
      values_.emplace(schema::kStorySlot);
    }
  }
  StoryTally(const StoryTally&) = delete;
  StoryTally& operator=(const StoryTally&) = delete;

  void attach(Xapian::Enquire& enquire) {
    if (column_) {
      enquire.add_matchspy(&*column_);
    } else {
      enquire.add_matchspy(&*values_);
    }
  }
  std::size_t seen() const { return column_ ? column_->seen() : values_->get_total(); }
  /// As FacetSpies: true when count(did) may stand for attaching to a matcher.
  bool counts_by_docid() const { return column_.has_value(); }
  void count(Xapian::docid did) { column_->count(did); }
  // An article without a story key is a story of its own.
  std::size_t stories() const {
    return column_ ? column_->distinct_or_none() : count_stories(*values_);
  }

 private:
  std::optional<DistinctCounter> column_;
  std::optional<Xapian::ValueCountMatchSpy> values_;
};

// A MatchDecider that counts the matches it is shown and declines them, up to a limit of matches
// or of time; it accepts the first match past either, and says so (stopped()).
class MatchCounter : public Xapian::MatchDecider {
 public:
  using Clock = std::chrono::steady_clock;
  MatchCounter(Xapian::doccount limit, double seconds, std::function<void(Xapian::docid)> count)
      : limit_(limit),
        deadline_(seconds > 0 ? std::optional<Clock::time_point>(
                                    Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                       std::chrono::duration<double>(seconds)))
                              : std::nullopt),
        count_(std::move(count)) {}
  bool operator()(const Xapian::Document& doc) const override { return !count(doc.get_docid()); }
  /// Counts a match and returns true, or returns false (and stops) past either limit.
  bool count(Xapian::docid did) const {
    constexpr Xapian::doccount kClockEvery = 1024;
    if (counted_ == limit_ ||
        (deadline_ && counted_ % kClockEvery == kClockEvery - 1 && Clock::now() > *deadline_)) {
      stopped_ = true;
      return false;
    }
    count_(did);
    ++counted_;
    return true;
  }
  Xapian::doccount counted() const { return counted_; }
  bool stopped() const { return stopped_; }

 private:
  Xapian::doccount limit_;
  std::optional<Clock::time_point> deadline_;
  std::function<void(Xapian::docid)> count_;
  // The matcher calls a const decider.
  mutable Xapian::doccount counted_ = 0;
  mutable bool stopped_ = false;
};

// What a MatchCounter does with each match: the facet and story counts by docid.
std::function<void(Xapian::docid)> counting_into(FacetSpies& facets,
                                                 std::optional<StoryTally>& stories) {
  return [&facets, &stories](Xapian::docid did) {
    facets.count(did);
    if (stories) stories->count(did);
  };
}

// Matching articles to count: all of them for facets (exact counts) or when asked to.
std::size_t effective_count_limit(const SearchRequest& request,
                                  const std::vector<schema::FacetField>& facet_fields) {
  if (request.exact_total) return 0;
  if (request.count_limit) return *request.count_limit;
  return facet_fields.empty() ? kDefaultCountLimit : 0;
}

// Copies of one story shown with a hit; more are counted but not listed.
constexpr std::size_t kMaxStoryMembers = 1000;

std::string known_facets() {
  std::string names;
  for (const auto& facet : schema::kFacets)
    names += (names.empty() ? "" : ", ") + std::string(facet.name);
  return names;
}

// offset + limit within kMaxResultWindow (written so that huge values cannot overflow).
void check_result_window(const SearchRequest& request) {
  if (request.limit > kMaxResultWindow || request.offset > kMaxResultWindow - request.limit) {
    throw Error(ErrorKind::invalid_argument, "offset " + std::to_string(request.offset) +
                                                 " + limit " + std::to_string(request.limit) +
                                                 " is beyond the result window of " +
                                                 std::to_string(kMaxResultWindow) + " hits");
  }
}

constexpr Xapian::doccount kFeedbackDocuments = 10;
// Over shards Xapian estimates term frequencies for the ESet unless asked for exact ones, and
// then suggests other terms than one database would.
constexpr int kExactTermFrequencies = Xapian::Enquire::USE_EXACT_TERMFREQ;
constexpr Xapian::termcount kSimilarTerms = 40;

// Stemmed free-text terms only: boolean and field terms are not topics.
struct StemmedTerms : Xapian::ExpandDecider {
  bool operator()(const std::string& term) const override {
    return term.size() > 2 && term[0] == 'Z' && term[1] >= 'a';
  }
};

}  // namespace

struct Searcher::Impl {
  std::filesystem::path path;
  DatabaseLayout layout;  // one database, or the shards a stub lists
  Xapian::Database db;
  QueryParsers parsers;                        // of `db`: replaced with it
  ValueColumns columns;                        // of `db`'s revision: cleared when it moves
  StemCache stem_cache;                        // snippets stem the words of each hit's text
  TermFrequencies frequencies;                 // of `db`'s revision: cleared when it moves
  std::optional<DatabaseLanguages> languages;  // of `db`'s revision, once read

  explicit Impl(const std::filesystem::path& db_path)
      : path(db_path),
        layout(layout_of(db_path)),
        db(open_database(db_path)),
        parsers(db),
        columns(db),
        frequencies(db) {}

  // The latest revision of the same database. The columns stay while the revision does:
  // nsearch serve refreshes its Searcher before every request.
  void reopen() {
    if (db.reopen()) {
      columns.clear();
      frequencies.clear();
      languages.reset();
    }
  }

  // A new connection to the database as the layout now names it (reopen() changes `db` in place,
  // and the copies the parsers hold with it).
  void open_afresh() {
    DatabaseLayout now = layout_of(path);
    db = open_database(path);
    layout = std::move(now);
    parsers = QueryParsers(db);
    columns = ValueColumns(db);
    frequencies = TermFrequencies(db);
    languages.reset();
  }

  const DatabaseLanguages& database_languages() {
    if (!languages) languages = languages_of(db);
    return *languages;
  }

  // After a read failed: reopens at the latest revision so that the read can run again. Over a
  // remote shard the database is opened afresh instead: an exception in the middle of a match
  // (another shard modified) leaves the remote connection halfway through Xapian's protocol, and
  // reopen() on it desynchronises the server ("Expecting message type 26, got 12"), which then
  // hangs up. New connections start clean; they are also how a restarted server is reached.
  void recover() {
    if (layout.remote) {
      open_afresh();
    } else {
      reopen();
    }
  }

  // Runs a read; when an indexer committed meanwhile (or, over remote shards, the connection
  // broke), recovers and runs it again. An indexer committing every few milliseconds can
  // overtake one retry: crash_safety_test saw it. Xapian errors become Error(database_error)
  // prefixed with `failure`.
  template <typename Read>
  auto with_reopen(const char* failure, Read&& read) -> decltype(read()) {
    constexpr int kMaxRetries = 10;
    try {
      for (int attempt = 0;; ++attempt) {
        try {
          return read();
        } catch (const Xapian::DatabaseModifiedError&) {
          if (attempt == kMaxRetries) throw;
        } catch (const Xapian::NetworkError&) {
          if (attempt == kMaxRetries || !layout.remote) throw;
        }
        recover();
      }
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::database_error, std::string(failure) + ": " + e.get_description());
    }
  }

  // The latest revision; opened afresh when the stub names other shards (after compaction), for
  // replicas, or when a remote shard's connection was lost (its server restarted).
  void refresh() {
    DatabaseLayout now = layout_of(path);
    if (now == layout && !layout.replica) {
      try {
        reopen();
        return;
      } catch (const Xapian::NetworkError&) {
        if (!layout.remote) throw;
      }
    }
    open_afresh();
  }

  // What trends and terms read: in-memory columns over one local database that fits.
  AnalysisSource analysis_source() {
    const bool local = layout.stub_text.empty() && !layout.remote;
    return {db, local && columns.fit_in_memory() ? &columns : nullptr, local, &parsers,
            &frequencies};
  }

  SearchResult search(const SearchRequest& request) {
    check_result_window(request);
    std::vector<schema::FacetField> facet_fields;
    for (const auto& name : request.facets) {
      const auto field = schema::find_facet(name);
      if (!field) {
        throw Error(ErrorKind::invalid_argument,
                    "unknown facet \"" + name + "\" (known: " + known_facets() + ")");
      }
      facet_fields.push_back(*field);
    }
    const QueryBuilder builder(db, &parsers, &database_languages());
    BuiltQuery built =
        request.like_id.empty() ? builder.build(request) : BuiltQuery{similar_to(request, builder)};
    Xapian::Query& query = built.query;

    Xapian::Enquire enquire(db);
    if (request.time_limit_seconds > 0) enquire.set_time_limit(request.time_limit_seconds);
    enquire.set_weighting_scheme(*make_weighting(request));
    if (request.expand_terms > 0) query = expand(enquire, query, request);
    if (!request.recency.empty()) query = with_recency(enquire, query, request);
    enquire.set_query(query);
    // Over one local database, a Searcher that counts again counts from in-memory columns.
    const bool counts = request.collapse || !facet_fields.empty();
    ValueColumns* in_memory =
        counts && layout.stub_text.empty() && !layout.remote && columns.worth_building() ? &columns
                                                                                         : nullptr;
    std::optional<ColumnSortKey> date_key;
    if (request.sort == SortOrder::date) {
      // Newest first needs no relevance: without weights to compute the matcher only compares
      // date values, keeping the page's best in a bounded heap (40% less time). Articles of
      // the same second, and undated ones, follow in index order. Every match's date is read:
      // from the column when there is one.
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      if (in_memory != nullptr) {
        date_key.emplace(in_memory->column(schema::kDateSlot));
        enquire.set_sort_by_key(&*date_key, /*reverse=*/true);
      } else {
        enquire.set_sort_by_value(schema::kDateSlot, /*reverse=*/true);
      }
    }
    // Over in-memory columns copies are collapsed here (see first_copies); elsewhere Xapian
    // collapses while ranking. By relevance, not for words that must all match (AND, phrases):
    // ranking more hits than the page makes the matcher check more candidates, and asking again
    // costs a whole pass. Measured in instructions against Xapian's collapse: one word -8%,
    // OR -4% on the reference corpus; AND -3% there but +16% at 400,000 articles (where copies
    // of popular stories fill the first hits), phrases +12%.
    // What decides the matches, for the collapse below and the counting pass.
    const Xapian::Query matching = matching_part(query);
    const bool collapse_here = request.collapse && in_memory != nullptr &&
                               (request.sort == SortOrder::date || !intersects(matching));
    const std::size_t count_limit = effective_count_limit(request, facet_fields);
    const std::size_t page_end = request.offset + request.limit;
    // Without collapsing, checking count_limit matches while ranking counts the articles: no
    // second pass is needed unless facets are. Collapsed totals are never exact beyond the page
    // whatever is checked (Xapian counts only the story keys of candidates for the page), so
    // the page is ranked alone and the second pass counts the stories.
    std::size_t checked =
        request.collapse ? page_end : std::max<std::size_t>(page_end, counts_checked(count_limit));
    // Over remote shards each match costs exchanges with every server: when counting is to see
    // every match, the counting spies ride on the ranked match instead (spies see each match,
    // before collapsing), which then checks them all. Counting that stops at a limit keeps its
    // own pass: its lower bounds come from both passes.
    const bool count_while_ranking = counts && layout.remote && request.time_limit_seconds <= 0 &&
                                     counts_checked(count_limit) >= db.get_doccount();
    std::optional<FacetSpies> ranked_facets;
    std::optional<StoryTally> ranked_stories;
    if (count_while_ranking) {
      ranked_facets.emplace(facet_fields, request.facet_by, /*remote=*/true);
      ranked_facets->attach(enquire);
      if (request.collapse) {
        ranked_stories.emplace(nullptr);
        ranked_stories->attach(enquire);
      }
      checked = std::max<std::size_t>(checked, counts_checked(count_limit));
    }
    // The hits of the page, in order, and the stories ranked to find them.
    std::vector<Xapian::MSetIterator> page;
    std::size_t stories_ranked = 0;
    std::size_t ranked_among = 0;  // from the impact tiers
    Xapian::MSet mset;
    // Ranked by relevance with the counts taken elsewhere, the page may come from the best
    // postings of frequent terms alone (one local database).
    std::optional<Xapian::MSet> from_tiers;
    if (request.sort == SortOrder::relevance && counts && !count_while_ranking &&
        layout.stub_text.empty() && !layout.remote) {
      from_tiers = page_from_tiers(enquire, query, request, in_memory, ranked_among);
    }
    // Xapian collapses while ranking unless first_copies does (page_from_tiers sets its own).
    if (!from_tiers) {
      enquire.set_collapse_key(request.collapse && !collapse_here ? schema::kStorySlot
                                                                  : Xapian::BAD_VALUENO);
    }
    if (from_tiers) {
      // The MSet starts at the first hit: the page is its last `limit`.
      mset = std::move(*from_tiers);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (it.get_rank() >= request.offset) page.push_back(it);
      }
      stories_ranked = mset.get_matches_lower_bound();
    } else if (collapse_here) {
      mset = first_copies(enquire, query, matching, request, *in_memory, page, stories_ranked);
    } else {
      mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                              static_cast<Xapian::doccount>(request.limit),
                              static_cast<Xapian::doccount>(checked));
      for (auto it = mset.begin(); it != mset.end(); ++it)
        page.push_back(it);
      stories_ranked = mset.get_matches_lower_bound();
    }

    SearchResult result;
    result.query = request.query;
    result.query_fallback = built.fallback;
    result.fallback_reason = built.fallback_reason;
    result.parsed_query = query.get_description();
    result.ranked_from_tiers = ranked_among;
    result.offset = request.offset;
    result.collapsed = request.collapse;
    result.facet_unit = request.facet_by;
    if (counts) {
      const std::size_t seen_ranking = !count_while_ranking ? 0
                                       : ranked_stories     ? ranked_stories->seen()
                                                            : ranked_facets->seen();
      // Without a time limit, a matcher stops short of the end only past what it was to check:
      // the spies saw every match unless every document matches.
      if (count_while_ranking && seen_ranking < counts_checked(count_limit)) {
        take_all_counts(seen_ranking, request, *ranked_facets, ranked_stories, result);
      } else {
        count_all(matching, request, facet_fields, count_limit, in_memory, result);
      }
      // When counting stopped, the ranked pass may have seen more: keep the larger lower bounds
      // (and a story is at least one article).
      if (request.collapse && !result.total_exact)
        result.total = std::max<std::size_t>(result.total, stories_ranked);
      if (request.collapse && !result.articles_exact) {
        result.articles = std::max<std::size_t>(
            {result.articles, result.total, mset.get_uncollapsed_matches_lower_bound()});
      }
    } else {
      result.articles_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
      result.articles = mset.get_matches_lower_bound();
      result.total = result.articles;
      result.total_exact = result.articles_exact;
      result.facets_exact = result.articles_exact;  // no facets to count
    }
    // The query's words for the page's snippets, looked up once.
    std::optional<SnippetMaker> snippets;
    if (request.snippet_bytes > 0 && !page.empty())
      snippets.emplace(snippet_terms(query, mset, db.get_doccount(), database_languages().codes),
                       stem_cache);
    // The stories of the page and the copies of those that have several, found together.
    std::vector<std::string> story_keys;  // when collapsing
    std::optional<StoryMembers> copies_of;
    std::map<std::string, const StoryMember*, std::less<>> first_seen;
    if (request.collapse) {
      // Collapsing has read the keys already, or they are in memory.
      const ValueColumn* story_column =
          collapse_here ? &in_memory->column(schema::kStorySlot) : nullptr;
      for (const Xapian::MSetIterator& it : page) {
        story_keys.push_back(story_column != nullptr
                                 ? story_column->values()[story_column->index(*it)]
                                 : it.get_collapse_key());
      }
      // Most stories have one copy. Locally their term frequencies say which at once, and the
      // lookup is left to the others; over remote shards a frequency costs an exchange with
      // each server, where the lookup asks for every story of the page together.
      std::vector<std::string> with_copies;
      for (const std::string& key : story_keys) {
        if (!key.empty() && (layout.remote || db.get_termfreq(schema::story_term(key)) > 1))
          with_copies.push_back(key);
      }
      copies_of.emplace(db, with_copies, /*with_copies_only=*/true);
      // With --first-seen, the copy shown is the earliest among the matches.
      if (request.first_seen) first_seen = copies_of->earliest_matching(query);
    }
    for (std::size_t position = 0; position < page.size(); ++position) {
      const Xapian::MSetIterator& it = page[position];
      Xapian::Document doc = it.get_document();
      Hit hit;
      hit.story = request.collapse ? story_keys[position] : doc.get_value(schema::kStorySlot);
      // The other outlets that carried the story, whatever the query. Only the copy shown
      // must match.
      const std::vector<StoryMember>* members = copies_of ? &copies_of->of(hit.story) : nullptr;
      if (members != nullptr && !members->empty()) {
        // The docid in `db`: Document::get_docid() is a shard's own number in a sharded one.
        Xapian::docid shown = *it;
        if (const auto earliest = first_seen.find(hit.story);
            earliest != first_seen.end() && earliest->second->docid != shown) {
          shown = earliest->second->docid;
          doc = db.get_document(shown);
        }
        add_copies(hit, doc, shown, *members);
      }
      const Article article = deserialise_article(doc.get_data());
      hit.rank = request.offset + position + 1;
      hit.id = article.id;
      hit.score = it.get_weight();
      hit.title = article.title;
      hit.outlet = article.outlet;
      hit.date = article.date;
      hit.author = article.author;
      hit.url = article.url;
      hit.lang = article.lang;
      hit.category = article.category;
      hit.title_derived = article.title_derived;
      hit.kind = article.kind;
      if (snippets) {
        snippets->make(article.body.empty() ? article.title : article.body, article.lang,
                       request.snippet_bytes, hit);
      }
      result.hits.push_back(std::move(hit));
    }
    if (request.suggest && request.like_id.empty() && result.total < kFewHits) {
      result.suggestion = better_spelling(request, builder, result.total);
    }
    return result;
  }

  // The page ranked among the candidates of the database's impact tiers (plan_from_tiers), when
  // its last hit outweighs everything left out, so that it is the page Xapian ranks from every
  // match; nullopt otherwise, with `enquire` back on `query`. Xapian ranks the heaviest
  // candidates, a few dozen to a thousand: each costs it a look-up of the document's length.
  // Collapsed, with the story column in memory, it ranks every candidate copy of the heaviest
  // stories, so that copies do not crowd out the page.
  std::optional<Xapian::MSet> page_from_tiers(Xapian::Enquire& enquire, const Xapian::Query& query,
                                              const SearchRequest& request, ValueColumns* in_memory,
                                              std::size_t& ranked_among) {
    const auto plan = plan_from_tiers(db, query, request, in_memory);
    if (!plan || request.limit == 0) return std::nullopt;
    const auto page_end = static_cast<Xapian::doccount>(request.offset + request.limit);
    const std::vector<TierCandidate>& candidates = plan->candidates;
    const ValueColumn* stories =
        request.collapse && in_memory != nullptr ? &in_memory->column(schema::kStorySlot) : nullptr;
    // Xapian collapses the few candidates ranked (first_copies, the other way, asks for more when
    // copies leave the page short, where this compares the page's last weight with what is left).
    if (request.collapse) enquire.set_collapse_key(schema::kStorySlot);
    constexpr std::size_t kMostRanked = 1024;
    for (std::size_t wanted = stories ? page_end + 8 : std::max<std::size_t>(64, 4 * page_end);;
         wanted *= 4) {
      // The candidates to rank, and the most any other weighs.
      std::vector<Xapian::docid> docids;
      double left_out = plan->bound;
      if (stories != nullptr) {
        // The candidates down to the first of a story beyond the first `wanted` (a candidate
        // without a story is one of its own).
        std::unordered_set<std::uint32_t> chosen;
        std::size_t stories_taken = 0;
        for (const TierCandidate& c : candidates) {
          const std::uint32_t story = stories->index(c.did);
          if (story == 0 || !chosen.contains(story)) {
            if (stories_taken == wanted) {
              left_out = std::max(left_out, c.most);
              break;
            }
            ++stories_taken;
            if (story != 0) chosen.insert(story);
          }
          docids.push_back(c.did);
        }
      } else {
        const std::size_t count = std::min(wanted, candidates.size());
        for (std::size_t i = 0; i < count; ++i)
          docids.push_back(candidates[i].did);
        if (count < candidates.size()) left_out = std::max(left_out, candidates[count].most);
      }
      const bool all = docids.size() == candidates.size();
      const std::size_t ranked_count = docids.size();
      enquire.set_query(restricted_to_documents(query, std::move(docids)));
      // Ranked from the first hit, every candidate checked. Xapian 1.4 asked for ranks 11-20
      // (first 10, checking 20) of such a query has skipped rank 11 (found by the ASan build
      // of impact_tier_test: a BM25 search, five-way ties at the top); from rank 1 with every
      // candidate checked it ranks as over every match.
      Xapian::MSet ranked = enquire.get_mset(
          0, page_end,
          static_cast<Xapian::doccount>(std::max<std::size_t>(page_end, ranked_count)));
      const bool full = ranked.size() == page_end;
      if (full && (ranked.end() - 1).get_weight() > left_out) {
        ranked_among = ranked_count;
        return ranked;
      }
      // More candidates can help only while some are left out that could outweigh the page; past
      // a thousand, ranking every match costs about as much.
      if (all || ranked_count >= kMostRanked ||
          (full && (ranked.end() - 1).get_weight() <= plan->bound)) {
        break;
      }
    }
    enquire.set_query(query);
    return std::nullopt;
  }

  // Collapsed ranking over in-memory columns. Xapian's collapse reads each candidate's story key
  // from the value stream, a few thousand instructions a candidate (0.4 M of a one-word search
  // on the reference corpus, where ten more hits cost 0.06 M). Ranked without it, each story's
  // first copy in the ranking is the one Xapian keeps (same order, ties by docid), and a match
  // without a story key is a story of its own; more are asked for when copies leave the page
  // short. Fills `page` with the hits from request.offset on; `stories` is how many distinct
  // stories it ranked.
  // Newest first: in a database indexed in date order (news archives are) every match is newer
  // than the page's oldest, so the collapse checked every one (35% of a date search at 400,000
  // articles). A query of terms and boolean operators finds the newest matches by walking its
  // posting lists (newest_matches), and the matcher then ranks those alone.
  // `matching` is matching_part(query).
  Xapian::MSet first_copies(Xapian::Enquire& enquire, const Xapian::Query& query,
                            const Xapian::Query& matching, const SearchRequest& request,
                            ValueColumns& in_memory, std::vector<Xapian::MSetIterator>& page,
                            std::size_t& stories) {
    const ValueColumn& story_column = in_memory.column(schema::kStorySlot);
    const bool newest = request.sort == SortOrder::date;
    const std::size_t page_end = request.offset + request.limit;
    constexpr std::size_t kCopiesGuess = 4;
    // Walking for the newest is cheap; a ranked pass costs more the more hits it keeps: a
    // quarter more than the page took the fewest instructions on the bench's words and OR
    // queries at 40,000 articles (less asks again too often, twice the page costs 2% more).
    auto fetch = static_cast<Xapian::doccount>(
        newest ? std::max<std::size_t>(page_end * kCopiesGuess, 64) : page_end + page_end / 4 + 1);
    for (;;) {
      if (newest) {
        if (const auto walk = PostingWalk::make(db, matching)) {
          enquire.set_query(restricted_to_documents(
              query, newest_matches(*walk, in_memory.column(schema::kDateSlot),
                                    in_memory.ranks(schema::kDateSlot), fetch,
                                    request.time_limit_seconds)));
        }
      }
      const Xapian::MSet ranked = enquire.get_mset(0, fetch, fetch);
      std::unordered_set<std::uint32_t> shown;
      page.clear();
      stories = 0;
      for (auto it = ranked.begin(); it != ranked.end(); ++it) {
        const std::uint32_t story = story_column.index(*it);
        if (story != 0 && !shown.insert(story).second) continue;
        if (stories >= request.offset && stories < page_end) page.push_back(it);
        ++stories;
      }
      if (stories >= page_end || ranked.size() < fetch) return ranked;
      fetch *= kCopiesGuess;
    }
  }

  // The totals (stories and articles) and facet counts over the matches of `query`, the first
  // `count_limit` of them (0 = all). Counting stopped early leaves lower bounds: the articles
  // counted, and the distinct stories among them. A pass of its own, without weights and without
  // collapsing, takes about half the time of one ranked, collapsed pass over every match.
  void count_all(const Xapian::Query& query, const SearchRequest& request,
                 const std::vector<schema::FacetField>& facet_fields, std::size_t count_limit,
                 ValueColumns* in_memory, SearchResult& result) {
    Xapian::Enquire enquire(db);
    if (request.time_limit_seconds > 0) enquire.set_time_limit(request.time_limit_seconds);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(query);
    // Spies see every match, copies of one story included: they count copies, or stories.
    FacetSpies facet_spies(facet_fields, request.facet_by, layout.remote, in_memory);
    facet_spies.attach(enquire);
    std::optional<StoryTally> stories;
    if (request.collapse) {
      stories.emplace(in_memory);
      stories->attach(enquire);
    }
    const Xapian::doccount check_at_least = counts_checked(count_limit);
    if (query.get_type() == Xapian::Query::LEAF_TERM && facet_spies.counts_by_docid() &&
        (!stories || stories->counts_by_docid())) {
      count_postings(*query.get_terms_begin(), request, check_at_least, facet_spies, stories,
                     result);
      return;
    }
    if (facet_spies.counts_by_docid() && (!stories || stories->counts_by_docid())) {
      count_undecided(query, request, check_at_least, facet_spies, stories, result);
      return;
    }
    const Xapian::MSet all = enquire.get_mset(0, 0, check_at_least);
    // Equal bounds give the number of matches, which Xapian may know without seeing them all
    // (a single term's frequency). The spies have seen every match when there are no more
    // than were to be checked, and (the time limit may stop them sooner) as many as there are.
    result.articles_exact = all.get_matches_lower_bound() == all.get_matches_upper_bound();
    const std::size_t seen = stories ? stories->seen() : all.get_matches_lower_bound();
    result.articles = std::max<std::size_t>(all.get_matches_lower_bound(), seen);
    const bool all_seen =
        result.articles_exact && result.articles <= check_at_least && seen == result.articles;
    result.facets_exact = all_seen;
    result.total = stories ? stories->stories() : result.articles;
    result.total_exact = request.collapse ? all_seen : result.articles_exact;
    result.facets = facet_spies.results(request.facet_limit);
  }

  // The matches count_all checks: the first count_limit (0 = all).
  Xapian::doccount counts_checked(std::size_t count_limit) const {
    return count_limit == 0 ? db.get_doccount() : static_cast<Xapian::doccount>(count_limit);
  }

  // The counts of count_all from spies that saw all `seen` matches.
  static void take_all_counts(std::size_t seen, const SearchRequest& request,
                              FacetSpies& facet_spies, const std::optional<StoryTally>& stories,
                              SearchResult& result) {
    result.articles = seen;
    result.articles_exact = true;
    result.facets_exact = true;
    result.total = stories ? stories->stories() : seen;
    result.total_exact = true;
    result.facets = facet_spies.results(request.facet_limit);
  }

  // count_all for a single term when every count needs only docids (in-memory columns): its
  // posting list read directly, at a tenth of the cost per match of Xapian's matcher (which
  // builds a candidate item for each, to keep none); its frequency is the article count.
  void count_postings(const std::string& term, const SearchRequest& request,
                      Xapian::doccount check_at_least, FacetSpies& facet_spies,
                      std::optional<StoryTally>& stories, SearchResult& result) {
    const MatchCounter counter(check_at_least, request.time_limit_seconds,
                               counting_into(facet_spies, stories));
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (!counter.count(*it)) break;
    }
    result.articles = db.get_termfreq(term);
    result.articles_exact = true;
    const bool all_seen = counter.counted() == result.articles;
    result.facets_exact = all_seen;
    result.total = stories ? stories->stories() : result.articles;
    result.total_exact = stories ? all_seen : true;
    result.facets = facet_spies.results(request.facet_limit);
  }

  // count_all when every count needs only docids (in-memory columns, one local database), for
  // any query: the counts are taken in a MatchDecider that declines every match, so Xapian's
  // matcher neither weighs nor queues any (a third of its cost per match when spies count).
  // Declining all, the matcher would never stop early: the decider accepts the first match past
  // the limit (or the time limit), which ends a boolean match over one database. (Walking the
  // posting lists instead, PostingWalk, counted the bench queries in 1.5% fewer instructions at
  // 400,000 articles: not worth a second path.)
  void count_undecided(const Xapian::Query& query, const SearchRequest& request,
                       Xapian::doccount check_at_least, FacetSpies& facet_spies,
                       std::optional<StoryTally>& stories, SearchResult& result) {
    MatchCounter counter(check_at_least, request.time_limit_seconds,
                         counting_into(facet_spies, stories));
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(query);
    enquire.get_mset(0, 0, 1, nullptr, &counter);
    const bool all_seen = !counter.stopped();
    result.articles = counter.counted();
    result.articles_exact = all_seen;
    result.facets_exact = all_seen;
    result.total = stories ? stories->stories() : result.articles;
    result.total_exact = all_seen;
    result.facets = facet_spies.results(request.facet_limit);
  }

  // The other copies of the story shown as `shown`, the first kMaxStoryMembers by date: how
  // many, and which outlets.
  static void add_copies(Hit& hit, const Xapian::Document& shown, Xapian::docid shown_docid,
                         const std::vector<StoryMember>& members) {
    const std::string own_outlet = shown.get_value(schema::kOutletSlot);
    const std::size_t listed = std::min(members.size(), kMaxStoryMembers);
    for (std::size_t i = 0; i < listed; ++i) {
      if (members[i].docid == shown_docid) continue;
      ++hit.copies;
      const std::string& outlet = members[i].outlet;
      if (!outlet.empty() && outlet != own_outlet &&
          std::find(hit.also_in.begin(), hit.also_in.end(), outlet) == hit.also_in.end()) {
        hit.also_in.push_back(outlet);
      }
    }
  }

  StoryCopies copies(const std::string& id) {
    const std::string id_term = schema::id_term(id);
    const Xapian::PostingIterator it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) {
      throw Error(ErrorKind::not_found, "no article with id \"" + id + "\"");
    }
    const Xapian::Document requested = db.get_document(*it);
    StoryCopies result;
    result.story = requested.get_value(schema::kStorySlot);
    const auto signature = story::decode(requested.get_value(schema::kStorySignatureSlot));
    std::vector<Xapian::docid> members{*it};
    if (!result.story.empty()) {
      const StoryMembers story(db, {result.story}, /*with_copies_only=*/false);
      members.clear();
      for (const StoryMember& member : story.of(result.story))
        members.push_back(member.docid);
    }
    for (const Xapian::docid member : members) {
      const Xapian::Document doc = db.get_document(member);
      const Article article = deserialise_article(doc.get_data());
      StoryCopy copy{article.id,   article.title, article.outlet,
                     article.date, article.url,   article.title_derived};
      copy.requested = member == *it;
      const auto other = story::decode(doc.get_value(schema::kStorySignatureSlot));
      if (member != *it && signature && other)
        copy.similarity = story::similarity(*signature, *other);
      result.copies.push_back(std::move(copy));
    }
    return result;
  }

  // A corrected query, if one has more matches than the query as typed.
  std::optional<std::string> better_spelling(const SearchRequest& request,
                                             const QueryBuilder& builder, std::size_t total) {
    std::optional<std::string> corrected = suggest_query(db, request.query);
    if (!corrected) return std::nullopt;
    SearchRequest probe = request;
    probe.query = *corrected;
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.build(probe).query);
    const Xapian::MSet mset = enquire.get_mset(0, 0, static_cast<Xapian::doccount>(total + 1));
    if (mset.get_matches_lower_bound() <= total) return std::nullopt;
    return corrected;
  }

  // Recency blended into relevance: the text score plus top_score * 2^(-age / half-life),
  // where top_score is the best text score (so a brand-new article can gain as much as the
  // best match scores) and age counts back from the newest article in the database, so that
  // archives behave like live collections.
  Xapian::Query with_recency(Xapian::Enquire& enquire, const Xapian::Query& query,
                             const SearchRequest& request) {
    if (request.sort == SortOrder::date) {
      throw Error(ErrorKind::invalid_argument,
                  "--recency blends dates into relevance; it does not apply to --sort date");
    }
    if (layout.remote) {
      throw Error(ErrorKind::invalid_argument,
                  "--recency is not available when the database has remote shards (Xapian's "
                  "remote servers run only its own posting sources)");
    }
    const double half_life = parse_half_life_days(request.recency);
    const double newest = key_to_days(db.get_value_upper_bound(schema::kDateSlot));
    if (std::isnan(newest)) return query;  // no dated article
    enquire.set_query(query);
    const Xapian::MSet top = enquire.get_mset(0, 1);
    const double top_score =
        top.empty() || top.begin().get_weight() <= 0 ? 1.0 : top.begin().get_weight();
    // Xapian takes ownership of a released PostingSource.
    auto* source = new RecencySource(schema::kDateSlot, newest, half_life, top_score);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
  }

  // "More like this": the article's most distinctive body terms (Xapian's ESet with the
  // article as the only relevant document), without the article itself.
  Xapian::Query similar_to(const SearchRequest& request, const QueryBuilder& builder) {
    if (!request.query.empty()) {
      throw Error(ErrorKind::invalid_argument, "--like takes no query text");
    }
    const std::string id_term = schema::id_term(request.like_id);
    const Xapian::PostingIterator it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) {
      throw Error(ErrorKind::not_found, "no article with id \"" + request.like_id + "\"");
    }
    Xapian::RSet rset;
    rset.add_document(*it);
    Xapian::Enquire enquire(db);
    const StemmedTerms decider;
    const Xapian::ESet eset =
        enquire.get_eset(kSimilarTerms, rset, kExactTermFrequencies, &decider);
    std::vector<Xapian::Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t)
      terms.emplace_back(*t);
    Xapian::Query query(Xapian::Query::OP_AND_NOT,
                        Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                        Xapian::Query(id_term));
    if (const Xapian::Query filter = builder.filters(request); !filter.empty()) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    }
    return query;
  }

  // Pseudo-relevance feedback: the best terms of the top-ranked articles (Xapian's ESet,
  // weighted as they score there) are added to the query. For an all-words query they only
  // re-rank its matches; for an any-word query they may also bring in new ones.
  Xapian::Query expand(Xapian::Enquire& enquire, const Xapian::Query& query,
                       const SearchRequest& request) {
    enquire.set_query(query);
    const Xapian::MSet top = enquire.get_mset(0, kFeedbackDocuments);
    if (top.empty()) return query;
    Xapian::RSet rset;
    for (auto it = top.begin(); it != top.end(); ++it)
      rset.add_document(*it);
    const StemmedTerms decider;
    const Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(request.expand_terms),
                                               rset, kExactTermFrequencies, &decider);
    if (eset.empty()) return query;
    const double top_weight = eset.begin().get_weight();
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
      terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                         request.expand_weight * it.get_weight() / top_weight);
    }
    const Xapian::Query expansion(Xapian::Query::OP_OR, terms.begin(), terms.end());
    const auto op = request.default_operator == DefaultOperator::any ? Xapian::Query::OP_OR
                                                                     : Xapian::Query::OP_AND_MAYBE;
    return Xapian::Query(op, query, expansion);
  }

  // What an export goes through: the matching part of the request's query (everything when
  // there is neither query nor filter), and how.
  std::pair<Xapian::Query, MatchStreamOptions> export_query(const SearchRequest& request) {
    const QueryBuilder builder(db, &parsers, &database_languages());
    Xapian::Query query;
    if (!request.like_id.empty()) {
      query = similar_to(request, builder);
    } else if (text::trim(request.query).empty() && builder.filters(request).empty()) {
      query = Xapian::Query::MatchAll;
    } else {
      query = builder.build(request).query;
    }
    MatchStreamOptions options;
    options.newest_first = request.sort == SortOrder::date;
    options.one_per_story = request.collapse;
    options.remote = layout.remote;
    return {matching_part(query), options};
  }

  std::size_t export_matches(const SearchRequest& request,
                             const std::function<bool(const Article&)>& sink) {
    const auto [query, options] = export_query(request);
    return stream_matches(db, query, options, sink);
  }

  ExportCursor export_cursor(const SearchRequest& request) {
    const auto [query, options] = export_query(request);
    return ExportCursor(std::make_unique<ExportCursor::Impl>(ExportCursor::Impl{
        db, collect_matches(db, query, options), 0, StoryFilter(options.one_per_story)}));
  }

  Article article(const std::string& id) {
    const std::string id_term = schema::id_term(id);
    const Xapian::PostingIterator it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) {
      throw Error(ErrorKind::not_found, "no article with id \"" + id + "\"");
    }
    return deserialise_article(db.get_document(*it).get_data());
  }

  DatabaseStats stats() { return database_stats_of(db); }
};

Searcher::Searcher(const std::filesystem::path& db_path) : impl_(std::make_unique<Impl>(db_path)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

namespace {

// Runs a read of a query's matches; a wildcard that expands too far is a bad query.
template <typename Read>
auto with_wildcard_limit(Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const Xapian::WildcardError& e) {
    throw Error(ErrorKind::bad_query, e.get_msg() + " (the limit is " +
                                          std::to_string(kMaxWildcardExpansion) +
                                          " words: make the prefix before * longer)");
  }
}

}  // namespace

SearchResult Searcher::search(const SearchRequest& request) {
  return impl_->with_reopen(
      "search failed", [&] { return with_wildcard_limit([&] { return impl_->search(request); }); });
}

StoryCopies Searcher::copies(const std::string& id) {
  return impl_->with_reopen("cannot list copies", [&] { return impl_->copies(id); });
}

std::size_t Searcher::export_matches(const SearchRequest& request,
                                     const std::function<bool(const Article&)>& sink) {
  // Not retried on a newer revision as searches are: the sink may have been given articles.
  try {
    return impl_->export_matches(request, sink);
  } catch (const Xapian::WildcardError& e) {
    throw Error(ErrorKind::bad_query, e.get_msg());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, "export failed: " + e.get_description());
  }
}

ExportCursor Searcher::export_cursor(const SearchRequest& request) {
  return impl_->with_reopen("export failed", [&] {
    try {
      return impl_->export_cursor(request);
    } catch (const Xapian::WildcardError& e) {
      throw Error(ErrorKind::bad_query, e.get_msg());
    }
  });
}

DatabaseStats Searcher::stats() {
  return impl_->with_reopen("cannot read statistics", [&] { return impl_->stats(); });
}

Article Searcher::article(const std::string& id) {
  return impl_->with_reopen("cannot read article", [&] { return impl_->article(id); });
}

Suggestions Searcher::suggest(const std::string& text, std::size_t limit) {
  return impl_->with_reopen("cannot suggest",
                            [&] { return suggest_words(impl_->db, text, limit); });
}

TrendResult Searcher::trend(const TrendRequest& request) {
  return impl_->with_reopen("trend failed", [&] {
    return with_wildcard_limit([&] { return compute_trend(impl_->analysis_source(), request); });
  });
}

TermsResult Searcher::terms(const TermsRequest& request) {
  return impl_->with_reopen("terms failed", [&] {
    return with_wildcard_limit([&] {
      return find_significant_terms(impl_->analysis_source(), request, impl_->stem_cache);
    });
  });
}

void Searcher::refresh() {
  impl_->with_reopen("cannot reopen database", [&] { impl_->refresh(); });
}

}  // namespace nsearch
