// The matches of a boolean query read straight from its posting lists (internal).
#pragma once

#include <limits>
#include <memory>

#include <xapian.h>

namespace nsearch {

/// Walks the matches of a query in docid order by reading its posting lists directly, as
/// search engines evaluate boolean queries document at a time, where Xapian's matcher, asked
/// for matches it neither weighs nor keeps, also builds a candidate and a document handle for
/// each and calls a MatchDecider. It lets newest first keep its own heap of candidates
/// (newest_matches), and lists matches for analysis; ranking by relevance stays with the
/// matcher.
///
/// Handles queries built from terms, MatchAll and MatchNothing with AND, FILTER, OR, SYNONYM,
/// MAX and AND_NOT, and the operators that only weigh (the optional side of AND_MAYBE,
/// SCALE_WEIGHT). Anything that needs more than posting lists (phrases, NEAR, value ranges,
/// wildcards, posting sources, ELITE_SET, XOR) makes make() return nullptr: the caller then
/// asks the matcher.
class PostingWalk {
 public:
  static constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();

  /// A position in the matches of a subquery.
  class Cursor {
   public:
    virtual ~Cursor() = default;
    /// The current match; kEnd past the last.
    Xapian::docid at() const { return at_; }
    /// Moves to the next match and returns it.
    virtual Xapian::docid next() = 0;
    /// Moves to the first match at or after `did` (never back) and returns it.
    virtual Xapian::docid skip_to(Xapian::docid did) = 0;
    /// At least the number of matches: AND moves its rarest branch first.
    virtual Xapian::doccount upper_bound() const = 0;

   protected:
    Xapian::docid at_ = kEnd;
  };

  /// The walk of `query` over `db`, positioned at its first match; nullptr if `query` holds an
  /// operator the walk does not handle.
  static std::unique_ptr<PostingWalk> make(const Xapian::Database& db, const Xapian::Query& query);

  /// Calls visit(docid) for each match in ascending order while it returns true. Returns false
  /// when visit stopped the walk.
  template <class Visit>
  bool run(Visit&& visit) {
    for (Xapian::docid did = root_->at(); did != kEnd; did = root_->next()) {
      if (!visit(did)) return false;
    }
    return true;
  }

  explicit PostingWalk(std::unique_ptr<Cursor> root) : root_(std::move(root)) {}

 private:
  std::unique_ptr<Cursor> root_;
};

}  // namespace nsearch
