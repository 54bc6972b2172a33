#include "value_columns.hpp"

#include <unordered_map>

namespace nsearch {
namespace {

// Columns take 4 bytes a document and slot, plus the distinct values (story keys: nearly one a
// document, ~50 bytes each), per Searcher: beyond this the value streams are read instead.
constexpr Xapian::docid kMaxColumnDocuments = 1'000'000;

}  // namespace

ValueColumn::ValueColumn(const Xapian::Database& db, Xapian::valueno slot) {
  index_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
  values_.emplace_back();
  std::unordered_map<std::string, std::uint32_t> ids;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    std::string value = *it;
    const auto [at, added] = ids.try_emplace(value, static_cast<std::uint32_t>(values_.size()));
    if (added) values_.push_back(std::move(value));
    index_[it.get_docid()] = at->second;
  }
}

bool ValueColumns::worth_building() {
  return ++counting_searches_ > 1 && db_.get_lastdocid() <= kMaxColumnDocuments;
}

const ValueColumn& ValueColumns::column(Xapian::valueno slot) {
  auto it = columns_.find(slot);
  if (it == columns_.end()) it = columns_.try_emplace(slot, db_, slot).first;
  return it->second;
}

}  // namespace nsearch
