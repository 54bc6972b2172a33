// Value slots held in memory for counting facets (internal).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace nsearch {

/// Every document's value in one slot: an index per docid into the slot's distinct values.
/// Counting a facet by reading each match's value from Xapian's value stream cost about 1000
/// instructions a match (a linear scan within a stream chunk); from a column it is an array
/// lookup. Reading a whole slot (about 700 instructions a document) costs as much as counting
/// 10-15 searches' matches on the reference corpus, so a Searcher builds columns only when it
/// counts again (ValueColumns::worth_building).
class ValueColumn {
 public:
  ValueColumn(const Xapian::Database& db, Xapian::valueno slot);
  /// The document's value as an index into values(); 0 (the empty value) when it has none.
  std::uint32_t index(Xapian::docid did) const { return did < index_.size() ? index_[did] : 0; }
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::vector<std::uint32_t> index_;
  std::vector<std::string> values_;
};

/// The sort key of a match from a column: its value, as Xapian::Enquire::set_sort_by_value would
/// read it from the value stream (about 1000 instructions a match, against an array lookup).
class ColumnSortKey : public Xapian::KeyMaker {
 public:
  explicit ColumnSortKey(const ValueColumn& column) : column_(column) {}
  std::string operator()(const Xapian::Document& doc) const override {
    return column_.values()[column_.index(doc.get_docid())];
  }

 private:
  const ValueColumn& column_;
};

/// Counts the matches by value index of one column (a Xapian::MatchSpy).
class ColumnCounter : public Xapian::MatchSpy {
 public:
  explicit ColumnCounter(const ValueColumn& column)
      : column_(column), counts_(column.values().size()) {}
  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    count(doc.get_docid());
  }
  /// What the spy does with a match, for a caller that walks the matches itself.
  void count(Xapian::docid did) {
    ++counts_[column_.index(did)];
    ++seen_;
  }
  std::string name() const override { return "nsearch::ColumnCounter"; }
  /// Matches per value index (index 0: matches without a value).
  const std::vector<std::size_t>& counts() const { return counts_; }
  const std::vector<std::string>& values() const { return column_.values(); }
  /// Matches seen (the sum of counts()).
  std::size_t seen() const { return seen_; }

 private:
  const ValueColumn& column_;
  std::vector<std::size_t> counts_;
  std::size_t seen_ = 0;
};

/// The columns of one open database revision, built on demand; cleared when the Searcher
/// reopens the database. Only for a single local database: a matcher over shards numbers
/// documents across them.
class ValueColumns {
 public:
  explicit ValueColumns(const Xapian::Database& db) : db_(db) {}
  /// True from the second counting search on (a one-off search reads the few values it needs
  /// instead), if the database is small enough to hold its columns in memory.
  bool worth_building();
  /// True when the database is small enough to hold its columns in memory.
  bool fit_in_memory() const;
  const ValueColumn& column(Xapian::valueno slot);
  /// The rank of each of column(slot)'s values in byte order (the empty value's, 0, lowest):
  /// compares documents by value as an integer does.
  const std::vector<std::uint32_t>& ranks(Xapian::valueno slot);
  /// For a DistinctCounter over `slot`: its values' marks, and a mark no count has used since
  /// they were last cleared.
  std::pair<std::vector<std::uint32_t>*, std::uint32_t> fresh_marks(Xapian::valueno slot);
  /// Every document's length, by docid: Xapian looks a length up by decoding its chunk of the
  /// length list from the start, a few thousand instructions for a document far from the last.
  const std::vector<Xapian::termcount>& lengths();
  void clear() {
    lengths_.clear();
    columns_.clear();
    ranks_.clear();
    marks_.clear();
  }

 private:
  // Per column, the mark of the last count that saw each value, and the last mark given.
  struct Marks {
    std::vector<std::uint32_t> of_value;
    std::uint32_t last = 0;
  };

  Xapian::Database db_;
  std::map<Xapian::valueno, ValueColumn> columns_;
  std::map<Xapian::valueno, std::vector<std::uint32_t>> ranks_;
  std::map<Xapian::valueno, Marks> marks_;
  std::vector<Xapian::termcount> lengths_;
  std::size_t counting_searches_ = 0;
};

/// Counts the matches and their distinct non-empty values of one column (a Xapian::MatchSpy) in
/// time proportional to the matches, whatever the number of values (story keys: about one per
/// document): a value is new to this count while its mark is not the count's own. The marks
/// belong to the column's ValueColumns and are never cleared (but when the mark numbers wrap), so
/// one count at a time may run over a column.
class DistinctCounter : public Xapian::MatchSpy {
 public:
  DistinctCounter(ValueColumns& columns, Xapian::valueno slot);
  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    count(doc.get_docid());
  }
  /// What the spy does with a match, for a caller that walks the matches itself.
  void count(Xapian::docid did) {
    const std::uint32_t value = column_.index(did);
    ++seen_;
    if (value == 0) {
      ++without_value_;
    } else if ((*marks_)[value] != mark_) {
      (*marks_)[value] = mark_;
      ++distinct_;
    }
  }
  std::string name() const override { return "nsearch::DistinctCounter"; }
  std::size_t seen() const { return seen_; }
  /// Distinct values among the matches seen, plus each match without a value.
  std::size_t distinct_or_none() const { return distinct_ + without_value_; }

 private:
  const ValueColumn& column_;
  std::vector<std::uint32_t>* marks_ = nullptr;
  std::uint32_t mark_ = 0;
  std::size_t seen_ = 0;
  std::size_t distinct_ = 0;
  std::size_t without_value_ = 0;
};

}  // namespace nsearch
