#include "match/match_walk.hpp"

#include <algorithm>

#include "match/posting_walk.hpp"
#include "nsearch/schema.hpp"

namespace nsearch {
namespace {

// Collects each match's docid and declines it.
class Collector : public Xapian::MatchDecider {
 public:
  explicit Collector(std::vector<Xapian::docid>& docids) : docids_(docids) {}
  bool operator()(const Xapian::Document& doc) const override {
    docids_.push_back(doc.get_docid());
    return false;
  }

 private:
  std::vector<Xapian::docid>& docids_;
};

}  // namespace

std::vector<Xapian::docid> matching_docids(const Xapian::Database& db, const Xapian::Query& query,
                                           bool local) {
  std::vector<Xapian::docid> docids;
  // Terms and boolean operators: the posting lists are the answer, read without the matcher
  // (a single term's at a tenth of its cost a match).
  if (const auto walk = local ? PostingWalk::make(db, query) : nullptr) {
    walk->run([&docids](Xapian::docid did) {
      docids.push_back(did);
      return true;
    });
    return docids;
  }
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  if (local) {
    const Collector collector(docids);
    enquire.get_mset(0, 0, db.get_doccount(), nullptr, &collector);
  } else {
    const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    for (auto it = all.begin(); it != all.end(); ++it)
      docids.push_back(*it);
  }
  std::sort(docids.begin(), docids.end());
  return docids;
}

std::uint32_t DateStoryValues::Dictionary::add(std::string value) {
  if (value.empty()) return 0;
  const auto [at, added] = index.try_emplace(value, static_cast<std::uint32_t>(values.size()));
  if (added) values.push_back(std::move(value));
  return at->second;
}

DateStoryValues::DateStoryValues(const Xapian::Database& db, ValueColumns* columns, bool dates,
                                 bool stories)
    : db_(db), dates_(dates), stories_(stories) {
  if (columns != nullptr) {
    if (dates) date_column_ = &columns->column(schema::kDateSlot);
    if (stories) story_column_ = &columns->column(schema::kStorySlot);
  }
}

std::pair<std::uint32_t, std::uint32_t> DateStoryValues::of(Xapian::docid did) {
  if (date_column_ != nullptr || story_column_ != nullptr || (!dates_ && !stories_)) {
    return {date_column_ != nullptr ? date_column_->index(did) : 0,
            story_column_ != nullptr ? story_column_->index(did) : 0};
  }
  const Xapian::Document doc = db_.get_document(did, Xapian::DOC_ASSUME_VALID);
  return {dates_ ? date_values_.add(doc.get_value(schema::kDateSlot)) : 0,
          stories_ ? story_values_.add(doc.get_value(schema::kStorySlot)) : 0};
}

std::uint32_t DateStoryValues::story(Xapian::docid did) {
  if (story_column_ != nullptr) return story_column_->index(did);
  if (!stories_) return 0;
  return story_values_.add(
      db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kStorySlot));
}

}  // namespace nsearch
