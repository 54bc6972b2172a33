// The copies of stories (internal): the articles that share a story key, found through the
// stories' boolean terms, earliest first. A result page's stories are looked up together, by one
// match that also brings each copy's date and outlet: over remote shards that is two exchanges
// with each server (all servers at once) for the page, where asking each story's frequency and
// reading its copies' documents was an exchange per story and server and one per copy (Xapian
// 1.4's remote backend does not pipeline MSet::fetch()).
#pragma once

#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

/// An article of a story.
struct StoryMember {
  Xapian::docid docid;  ///< in the database searched: a shard's own number differs
  std::string date;     ///< its date key (schema::kDateSlot); empty when undated
  std::string outlet;   ///< its outlet (schema::kOutletSlot); empty when unknown
};

/// The articles of some stories, each story's earliest date first and undated ones last (equal
/// dates in docid order).
class StoryMembers {
 public:
  /// Finds every article of the stories `story_keys` (empty keys and repeats are ignored). With
  /// `with_copies_only`, stories of one article are left out.
  StoryMembers(const Xapian::Database& db, const std::vector<std::string>& story_keys,
               bool with_copies_only);

  /// The articles of `story_key`, in order; empty for a key not found (or left out).
  const std::vector<StoryMember>& of(std::string_view story_key) const;

  /// The earliest article of each story found that also matches `query` (one match for all),
  /// by story key, for the stories that have one. Points into this object.
  std::map<std::string, const StoryMember*, std::less<>> earliest_matching(
      const Xapian::Query& query) const;

 private:
  Xapian::Database db_;
  std::map<std::string, std::vector<StoryMember>, std::less<>> stories_;
  std::vector<StoryMember> none_;  // of() a story not found
};

}  // namespace nsearch
