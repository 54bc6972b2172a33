#include "match/weighting.hpp"

#include <string>

#include "nsearch/error.hpp"

namespace nsearch {

std::unique_ptr<Xapian::Weight> make_weighting(const SearchRequest& request) {
  switch (request.weighting) {
    case Weighting::bm25:
      if (request.bm25_k1 < 0 || request.bm25_b < 0 || request.bm25_b > 1) {
        throw Error(ErrorKind::invalid_argument,
                    "BM25 parameters: k1 must be >= 0 and b within 0..1, got " +
                        std::to_string(request.bm25_k1) + "," + std::to_string(request.bm25_b));
      }
      // BM25Weight(k1, k2, k3, b, min_normlen): k2 = 0 and k3 = 1 as in Xapian's default.
      return std::make_unique<Xapian::BM25Weight>(request.bm25_k1, 0, 1, request.bm25_b, 0.5);
    case Weighting::ineb2:
      if (!(request.dfr_c > 0)) {
        throw Error(ErrorKind::invalid_argument,
                    "I(ne)B2 parameter c must be > 0, got " + std::to_string(request.dfr_c));
      }
      return std::make_unique<Xapian::IneB2Weight>(request.dfr_c);
  }
  throw Error(ErrorKind::invalid_argument, "unknown weighting scheme");
}

}  // namespace nsearch
