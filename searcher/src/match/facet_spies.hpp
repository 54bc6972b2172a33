// The match spies that count a search's facets, on local or remote shards (internal).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include <xapian.h>

#include "match/facet_counter.hpp"
#include "match/value_columns.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"

namespace nsearch {

/// Locally, a FacetCounter sees every match. A remote server (xapian-tcpsrv) runs only Xapian's
/// own match spies, since ours are not registered there; so with remote shards a
/// Xapian::ValueCountMatchSpy counts each facet's raw slot values on the servers, and the
/// FacetCounter folds those counts into facet values here (author lists split, days cut from
/// dates): the same counts. Counting stories needs each match's story key alongside its value,
/// which no built-in spy gives: it is refused with remote shards. Given `columns` (a local
/// database), copies are counted by value index from in-memory columns and folded the same way.
class FacetSpies {
 public:
  /// Throws Error(invalid_argument) for story counts with `remote`.
  FacetSpies(const std::vector<schema::FacetField>& fields, FacetUnit unit, bool remote,
             ValueColumns* columns = nullptr);
  void attach(Xapian::Enquire& enquire);
  /// True when every facet counts from an in-memory column, which needs only the docid of
  /// each match: then count(did) may stand for attaching to a matcher.
  bool counts_by_docid() const { return column_counts_.size() == counters_.size(); }
  void count(Xapian::docid did) {
    for (const auto& spy : column_counts_)
      spy->count(did);
  }
  /// After the match: how many matches the spies saw, when they are Xapian's (`remote`) and
  /// there are facets; else 0.
  std::size_t seen() const { return raw_counts_.empty() ? 0 : raw_counts_.front()->get_total(); }
  /// After the match: the facets in the order of `fields`.
  std::vector<Facet> results(std::size_t limit);

 private:
  std::vector<std::unique_ptr<FacetCounter>> counters_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> raw_counts_;  // remote only
  std::vector<std::unique_ptr<ColumnCounter>> column_counts_;            // with columns
};

}  // namespace nsearch
