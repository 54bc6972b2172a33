#include "story_members.hpp"

#include <algorithm>

#include "nsearch/schema.hpp"

namespace nsearch {

std::vector<Xapian::docid> story_members(const Xapian::Database& db, const Xapian::Query& query,
                                         const std::string& story_key, std::size_t limit) {
  const Xapian::Query story(schema::story_term(story_key));
  Xapian::Enquire enquire(db);
  enquire.set_query(query.empty() ? story : Xapian::Query(Xapian::Query::OP_FILTER, query, story));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::vector<std::pair<std::string, Xapian::docid>> dated;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    dated.emplace_back(it.get_document().get_value(schema::kDateSlot), *it);
  }
  // Earliest first; an undated copy tells nothing about who published first, so it goes last.
  std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) {
    if (a.first.empty() != b.first.empty()) return b.first.empty();
    return a.first < b.first;
  });
  std::vector<Xapian::docid> members;
  for (std::size_t i = 0; i < dated.size() && i < limit; ++i)
    members.push_back(dated[i].second);
  return members;
}

void StoryValueCountSpy::operator()(const Xapian::Document& doc, double) {
  std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  std::string story = doc.get_value(schema::kStorySlot);
  // An article indexed without a story key is a story of its own.
  if (story.empty()) story = "#" + std::to_string(doc.get_docid());
  seen_.emplace_back(std::move(value), std::move(story));
  counts_.clear();
}

const std::vector<std::pair<std::string, std::size_t>>& StoryValueCountSpy::counts() {
  if (counts_.empty() && !seen_.empty()) {
    std::sort(seen_.begin(), seen_.end());
    seen_.erase(std::unique(seen_.begin(), seen_.end()), seen_.end());
    for (const auto& [value, story] : seen_) {
      if (counts_.empty() || counts_.back().first != value) counts_.emplace_back(value, 0);
      ++counts_.back().second;
    }
  }
  return counts_;
}

}  // namespace nsearch
