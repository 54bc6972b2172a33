// Every match of a query, one article at a time (internal): what Searcher::export_matches and
// ExportCursor do once the query is built.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "nsearch/article.hpp"
#include "nsearch/searcher.hpp"

namespace nsearch {

/// How to go through the matches.
struct MatchStreamOptions {
  bool newest_first = false;   ///< else in index order
  bool one_per_story = false;  ///< the first article met of each story only
  bool remote = false;         ///< a shard is remote: Xapian runs no MatchDecider there, so page
};

/// Gives `sink` each article matching `query` in `db` (returning false stops it); returns how
/// many it was given.
std::size_t stream_matches(const Xapian::Database& db, const Xapian::Query& query,
                           const MatchStreamOptions& options,
                           const std::function<bool(const Article&)>& sink);

/// The matches of `query` in `db` as document numbers, in the order asked for: 4 bytes a match
/// (16 while sorting newest first).
std::vector<Xapian::docid> collect_matches(const Xapian::Database& db, const Xapian::Query& query,
                                           const MatchStreamOptions& options);

/// Leaves out the copies of stories already met, when asked to.
class StoryFilter {
 public:
  explicit StoryFilter(bool one_per_story) : one_per_story_(one_per_story) {}
  /// Whether `doc` is the first of its story met (an article without a story key is a story
  /// of its own), or stories are not filtered.
  bool first_of_story(const Xapian::Document& doc);

 private:
  bool one_per_story_;
  std::unordered_set<std::string> stories_;
};

/// A cursor's state: its own handle on the database (sharing the Searcher's), the matches and
/// where it is in them.
struct ExportCursor::Impl {
  Xapian::Database db;
  std::vector<Xapian::docid> matches;
  std::size_t next = 0;
  StoryFilter stories;
};

}  // namespace nsearch
