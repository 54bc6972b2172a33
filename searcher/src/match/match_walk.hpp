// Every match of a query, and the date and story of each, for analysis (internal).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "match/value_columns.hpp"

namespace nsearch {

/// The docids (in `db`'s numbering) of every match of `query`, ascending. Over one local
/// database (`local`) they are read from the posting lists (PostingWalk) when the query has
/// only terms and boolean operators, else collected by a MatchDecider that declines every match,
/// so that the matcher neither weighs nor queues any; elsewhere (shards) they come from an
/// unweighted MSet.
std::vector<Xapian::docid> matching_docids(const Xapian::Database& db, const Xapian::Query& query,
                                           bool local);

/// A document's date key and story key as small numbers: indexes into values() of the
/// in-memory columns when there are some, else into dictionaries built from each document's
/// values as they are asked for. 0 = no value.
class DateStoryValues {
 public:
  /// Reads `columns` when given, else the documents of `db`; only the values it is asked for
  /// (a column costs about 0.1 s to build at 400,000 articles): without `dates` every date is
  /// 0, without `stories` every story.
  DateStoryValues(const Xapian::Database& db, ValueColumns* columns, bool dates, bool stories);
  /// {date index, story index} of the document.
  std::pair<std::uint32_t, std::uint32_t> of(Xapian::docid did);
  std::uint32_t story(Xapian::docid did);
  /// The date keys ("YYYYMMDDhhmmss") the date indexes stand for; grows as documents are read.
  const std::vector<std::string>& dates() const {
    return date_column_ ? date_column_->values() : date_values_.values;
  }
  /// How many story indexes there may be (for marks sized by it); grows likewise.
  std::size_t story_count() const {
    return story_column_ ? story_column_->values().size() : story_values_.values.size();
  }

 private:
  struct Dictionary {
    std::vector<std::string> values{std::string()};
    std::unordered_map<std::string, std::uint32_t> index;
    std::uint32_t add(std::string value);
  };
  Xapian::Database db_;
  const ValueColumn* date_column_ = nullptr;
  const ValueColumn* story_column_ = nullptr;
  Dictionary date_values_;
  Dictionary story_values_;
  bool dates_ = true;
  bool stories_ = true;
};

/// Counts distinct story indexes, one count at a time (begin() starts a new one), in time
/// proportional to what it is shown: a story is new while its mark is not the count's own.
class StoryMarks {
 public:
  void begin() { ++mark_; }
  /// True the first time `story` is seen in this count (story 0, no story: always).
  bool first(std::uint32_t story) {
    if (story == 0) return true;
    if (story >= marks_.size()) marks_.resize(story + 1 + story / 2, 0);
    if (marks_[story] == mark_) return false;
    marks_[story] = mark_;
    return true;
  }

 private:
  std::vector<std::uint32_t> marks_;
  std::uint32_t mark_ = 0;
};

}  // namespace nsearch

namespace nsearch {

class QueryParsers;
class TermFrequencies;

/// What analysis reads of a Searcher's open database.
struct AnalysisSource {
  const Xapian::Database& db;
  /// The in-memory columns of one local database, else nullptr (values are read per document).
  ValueColumns* columns;
  bool local;  ///< one local database: matches may be collected by a MatchDecider
  QueryParsers* parsers;
  TermFrequencies* frequencies;  ///< of `db`'s revision
};

}  // namespace nsearch
