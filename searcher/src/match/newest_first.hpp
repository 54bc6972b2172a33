// Newest first from in-memory columns: the newest matches found by walking posting lists
// (internal).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "match/posting_walk.hpp"
#include "match/value_columns.hpp"

namespace nsearch {

/// The `count` newest matches of `walk` (which it runs to the end), newest first: by the rank
/// of their date in `ranks` (ValueColumns::ranks of the date column), ties (the same second;
/// undated articles, last) in docid order, as Xapian's reverse sort by value orders them. A
/// bounded heap over every match: a few instructions a match where the matcher, sorting by a
/// key, makes a document handle and a key for each. With `seconds` > 0 the walk stops after
/// that long, and the newest of the matches seen are returned, as Xapian's matcher ranks what
/// it found by its time limit.
std::vector<Xapian::docid> newest_matches(PostingWalk& walk, const ValueColumn& dates,
                                          const std::vector<std::uint32_t>& ranks,
                                          std::size_t count, double seconds = 0);

/// Matches exactly the given documents, with no weight: filtering a query by it lets the
/// matcher rank only the documents found elsewhere (one local database).
class DocidListSource : public Xapian::PostingSource {
 public:
  /// `docids` ascending, without repeats.
  explicit DocidListSource(std::shared_ptr<const std::vector<Xapian::docid>> docids);
  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return position_ > docids_->size(); }
  Xapian::docid get_docid() const override { return (*docids_)[position_ - 1]; }
  void init(const Xapian::Database& db) override;
  DocidListSource* clone() const override { return new DocidListSource(docids_); }
  std::string name() const override { return "nsearch::DocidListSource"; }

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_->size()); }

  std::shared_ptr<const std::vector<Xapian::docid>> docids_;
  std::size_t position_ = 0;  // 1-based once started; size() + 1 at the end
};

/// `query` restricted to `docids` (any order).
Xapian::Query restricted_to_documents(const Xapian::Query& query,
                                      std::vector<Xapian::docid> docids);

}  // namespace nsearch
