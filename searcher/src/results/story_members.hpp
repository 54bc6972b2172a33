// The copies of a story (internal): the articles that share a story key, found through the
// story's boolean term, earliest first.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace nsearch {

/// Every article of the story `story_key`, earliest date first and undated ones last; at most
/// `limit`. Walks the story term's posting list: no matching involved.
std::vector<Xapian::docid> story_members(const Xapian::Database& db, const std::string& story_key,
                                         std::size_t limit);

/// The articles of the story that also match `query`, in the same order.
std::vector<Xapian::docid> matching_story_members(const Xapian::Database& db,
                                                  const Xapian::Query& query,
                                                  const std::string& story_key, std::size_t limit);

}  // namespace nsearch
