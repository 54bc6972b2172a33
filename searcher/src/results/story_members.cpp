#include "results/story_members.hpp"

#include <algorithm>

#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

// Earliest first; an undated copy tells nothing about who published first, so it goes last.
std::vector<Xapian::docid> by_date(const Xapian::Database& db,
                                   const std::vector<Xapian::docid>& docids, std::size_t limit) {
  std::vector<std::pair<std::string, Xapian::docid>> dated;
  for (const Xapian::docid docid : docids) {
    dated.emplace_back(
        db.get_document(docid, Xapian::DOC_ASSUME_VALID).get_value(schema::kDateSlot), docid);
  }
  std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) {
    if (a.first.empty() != b.first.empty()) return b.first.empty();
    return a.first < b.first;
  });
  std::vector<Xapian::docid> members;
  for (std::size_t i = 0; i < dated.size() && i < limit; ++i)
    members.push_back(dated[i].second);
  return members;
}

}  // namespace

std::vector<Xapian::docid> story_members(const Xapian::Database& db, const std::string& story_key,
                                         std::size_t limit) {
  const std::string term = schema::story_term(story_key);
  std::vector<Xapian::docid> docids;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
    docids.push_back(*it);
  return by_date(db, docids, limit);
}

std::vector<Xapian::docid> matching_story_members(const Xapian::Database& db,
                                                  const Xapian::Query& query,
                                                  const std::string& story_key, std::size_t limit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::story_term(story_key))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::vector<Xapian::docid> docids(mset.begin(), mset.end());
  return by_date(db, docids, limit);
}

}  // namespace nsearch
