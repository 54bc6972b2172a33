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

/// Counts facet values once per story rather than once per article.
class StoryValueCountSpy : public Xapian::MatchSpy {
 public:
  explicit StoryValueCountSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  /// (value, stories) pairs in value order.
  const std::vector<std::pair<std::string, std::size_t>>& counts();

 private:
  Xapian::valueno slot_;
  std::vector<std::pair<std::string, std::string>> seen_;  // (value, story), deduplicated later
  std::vector<std::pair<std::string, std::size_t>> counts_;
};

}  // namespace nsearch
