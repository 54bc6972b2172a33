// TREC-style runs, for measuring ranking quality against relevance judgments.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

#include "nsearch/searcher.hpp"

namespace nsearch {

struct TrecRunOptions {
  std::string tag = "nsearch";  ///< the run tag, last column of each line
  std::size_t depth = 1000;     ///< results per query
  /// Template for every query (filters, ranking parameters). Its query text is replaced, and
  /// each query runs as free text where any word may match, listing every document (copies of
  /// a syndicated story are not collapsed).
  SearchRequest base{};
};

/// Runs each `qid<TAB>query text` line of `queries` and writes `qid Q0 docid rank score tag`
/// lines to `out`. Blank lines are skipped; a line without a tab throws Error(invalid_argument)
/// naming its line number.
void write_trec_run(Searcher& searcher, std::istream& queries, std::ostream& out,
                    const TrecRunOptions& options);

}  // namespace nsearch
