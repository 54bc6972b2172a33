#include "match/value_columns.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
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
  return ++counting_searches_ > 1 && fit_in_memory();
}

bool ValueColumns::fit_in_memory() const {
  return db_.get_lastdocid() <= kMaxColumnDocuments;
}

const ValueColumn& ValueColumns::column(Xapian::valueno slot) {
  auto it = columns_.find(slot);
  if (it == columns_.end()) it = columns_.try_emplace(slot, db_, slot).first;
  return it->second;
}

const std::vector<Xapian::termcount>& ValueColumns::lengths() {
  if (lengths_.empty()) {
    // The length list read in order: its chunks are decoded once.
    lengths_.assign(db_.get_lastdocid() + 1, 0);
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it)
      lengths_[*it] = it.get_doclength();
  }
  return lengths_;
}

const std::vector<std::uint32_t>& ValueColumns::ranks(Xapian::valueno slot) {
  auto it = ranks_.find(slot);
  if (it != ranks_.end()) return it->second;
  const std::vector<std::string>& values = column(slot).values();
  std::vector<std::uint32_t> by_value(values.size());
  std::iota(by_value.begin(), by_value.end(), 0U);
  std::sort(by_value.begin(), by_value.end(),
            [&values](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
  std::vector<std::uint32_t> rank(values.size());
  for (std::uint32_t position = 0; position < by_value.size(); ++position)
    rank[by_value[position]] = position;
  return ranks_.try_emplace(slot, std::move(rank)).first->second;
}

std::pair<std::vector<std::uint32_t>*, std::uint32_t> ValueColumns::fresh_marks(
    Xapian::valueno slot) {
  const std::size_t values = column(slot).values().size();
  Marks& marks = marks_[slot];
  if (marks.last == std::numeric_limits<std::uint32_t>::max() || marks.of_value.size() != values) {
    marks.of_value.assign(values, 0);
    marks.last = 0;
  }
  return {&marks.of_value, ++marks.last};
}

DistinctCounter::DistinctCounter(ValueColumns& columns, Xapian::valueno slot)
    : column_(columns.column(slot)) {
  std::tie(marks_, mark_) = columns.fresh_marks(slot);
}

}  // namespace nsearch
