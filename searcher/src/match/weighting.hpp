// The weighting scheme a search request asks for (internal).
#pragma once

#include <memory>

#include <xapian.h>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// Throws Error(invalid_argument) for parameters out of range.
std::unique_ptr<Xapian::Weight> make_weighting(const SearchRequest& request);

/// What a term's weight depends on besides the document, as the matcher reads it from one
/// database.
struct TermWeightStats {
  double documents = 0;        ///< in the database
  double average_length = 0;   ///< of a document
  double termfreq = 0;         ///< documents with the term
  double collection_freq = 0;  ///< its occurrences
  double wqf = 1;              ///< within the query
  double factor = 1;           ///< OP_SCALE_WEIGHT factors above it
};

/// The weight make_weighting(request)'s scheme gives a term with `stats` in a document of
/// `length` where it occurs `wdf` times: Xapian 1.4's formula for that scheme, step for step
/// (a test holds it to the matcher's weights). Rises with wdf and falls with length.
double term_weight(const SearchRequest& request, const TermWeightStats& stats,
                   Xapian::termcount wdf, Xapian::termcount length);

/// term_weight for one term, its constants computed once.
class TermWeigher {
 public:
  TermWeigher(const SearchRequest& request, const TermWeightStats& stats);
  double operator()(Xapian::termcount wdf, Xapian::termcount length) const;

 private:
  bool bm25_;
  double constant_ = 0;      // what the scheme's wdf and length part is multiplied by
  double length_scale_ = 0;  // BM25: 1 / average length (0: length ignored); I(ne)B2: c * average
  double k1_ = 0;
  double b_ = 0;
};

}  // namespace nsearch
