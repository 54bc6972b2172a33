// Every match of a query, streamed one article at a time (internal): what
// Searcher::export_matches does once the query is built.
#pragma once

#include <cstddef>
#include <functional>

#include <xapian.h>

#include "nsearch/article.hpp"

namespace nsearch {

/// How to stream the matches.
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

}  // namespace nsearch
