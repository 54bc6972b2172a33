#include "match/weighting.hpp"

#include <algorithm>
#include <cmath>
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

double term_weight(const SearchRequest& request, const TermWeightStats& stats,
                   Xapian::termcount wdf, Xapian::termcount length) {
  if (wdf == 0 || stats.factor == 0 || stats.documents == 0) return 0;
  const double n = stats.documents;
  const double wdf_d = wdf;
  const double len = std::max<Xapian::termcount>(length, 1);
  switch (request.weighting) {
    case Weighting::bm25: {
      // BM25Weight::init and get_sumpart, with k2 = 0, k3 = 1 and min_normlen 0.5 as above.
      double tw = (n - stats.termfreq + 0.5) / (stats.termfreq + 0.5);
      if (tw < 2) tw = tw * 0.5 + 1;
      const double k1 = request.bm25_k1;
      const double b = request.bm25_b;
      constexpr double k3 = 1;
      const double termweight =
          std::log(tw) * stats.factor * (k1 + 1) * ((k3 + 1) * stats.wqf / (k3 + stats.wqf));
      // Xapian ignores the length (normlen 0.5) when it cannot matter or is unknown.
      const bool by_length = k1 != 0 && b != 0 && stats.average_length != 0;
      const double normlen = by_length ? std::max(len / stats.average_length, 0.5) : 0.5;
      return termweight * (wdf_d / (k1 * (normlen * b + (1 - b)) + wdf_d));
    }
    case Weighting::ineb2: {
      // IneB2Weight::init and get_sumpart: the expected number of documents with the term is
      // N (1 - e^(-F/N)).
      const double f = stats.collection_freq;
      const double expected = n * (1 - std::exp(-f / n));
      const double idf = std::log2((n + 1) / (expected + 0.5));
      const double b_constant = (f + 1) / stats.termfreq;
      const double wdfn = wdf_d * std::log2(1 + request.dfr_c * stats.average_length / len);
      return stats.wqf * idf * stats.factor * b_constant * (wdfn / (wdfn + 1));
    }
  }
  return 0;
}

}  // namespace nsearch
