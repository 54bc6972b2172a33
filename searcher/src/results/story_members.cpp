#include "results/story_members.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <tuple>
#include <unordered_set>

#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

// Earliest first; an undated copy tells nothing about who published first, so it goes last.
// Equal dates in docid order.
void sort_by_date(std::vector<StoryMember>& members) {
  std::sort(members.begin(), members.end(), [](const StoryMember& a, const StoryMember& b) {
    return std::forward_as_tuple(a.date.empty(), a.date, a.docid) <
           std::forward_as_tuple(b.date.empty(), b.date, b.docid);
  });
}

// Any article of the stories named by `keys`.
Xapian::Query any_story(const std::vector<std::string>& keys) {
  std::vector<Xapian::Query> terms;
  for (const auto& key : keys)
    terms.emplace_back(schema::story_term(key));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

StoryMembers::StoryMembers(const Xapian::Database& db, const std::vector<std::string>& story_keys,
                           bool with_copies_only)
    : db_(db) {
  std::vector<std::string> keys;
  std::copy_if(story_keys.begin(), story_keys.end(), std::back_inserter(keys),
               [](const std::string& key) { return !key.empty(); });
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (keys.empty()) return;
  // One match answers for every copy: which story (its weight: story i's term weighs i + 1
  // under CoordWeight, and an article has one story term), its date (the sort key) and its
  // outlet (the collapse key, with nothing collapsed). Each remote server computes them there,
  // as they are Xapian's own features; the documents themselves are never read.
  std::vector<Xapian::Query> terms;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(schema::story_term(keys[i])),
                       static_cast<double>(i + 1));
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  enquire.set_weighting_scheme(Xapian::CoordWeight());
  enquire.set_sort_by_value(schema::kDateSlot, /*reverse=*/false);
  const Xapian::doccount all = std::max<Xapian::doccount>(db_.get_doccount(), 1);
  enquire.set_collapse_key(schema::kOutletSlot, all);
  const Xapian::MSet mset = enquire.get_mset(0, all);
  std::vector<std::vector<StoryMember>> members(keys.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto story = std::lround(it.get_weight()) - 1;
    if (story < 0 || static_cast<std::size_t>(story) >= keys.size()) continue;
    members[static_cast<std::size_t>(story)].push_back(
        {*it, it.get_sort_key(), it.get_collapse_key()});
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (members[i].empty() || (with_copies_only && members[i].size() < 2)) continue;
    sort_by_date(members[i]);
    stories_.emplace(std::move(keys[i]), std::move(members[i]));
  }
}

const std::vector<StoryMember>& StoryMembers::of(std::string_view story_key) const {
  const auto found = stories_.find(story_key);
  return found == stories_.end() ? none_ : found->second;
}

std::map<std::string, const StoryMember*, std::less<>> StoryMembers::earliest_matching(
    const Xapian::Query& query) const {
  std::map<std::string, const StoryMember*, std::less<>> earliest;
  if (stories_.empty()) return earliest;
  std::vector<std::string> keys;
  for (const auto& story : stories_)
    keys.push_back(story.first);
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, any_story(keys)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(db_.get_doccount(), 1));
  const std::unordered_set<Xapian::docid> matching(mset.begin(), mset.end());
  for (const auto& [key, members] : stories_) {
    const auto first = std::find_if(members.begin(), members.end(), [&](const StoryMember& m) {
      return matching.contains(m.docid);
    });
    if (first != members.end()) earliest.emplace(key, &*first);
  }
  return earliest;
}

}  // namespace nsearch
