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

TermWeigher::TermWeigher(const SearchRequest& request, const TermWeightStats& stats)
    : bm25_(request.weighting == Weighting::bm25) {
  const double n = stats.documents;
  if (stats.factor == 0 || n == 0 || stats.termfreq == 0) return;  // weighs nothing
  if (bm25_) {
    // BM25Weight::init, with k2 = 0, k3 = 1 and min_normlen 0.5 as above.
    double tw = (n - stats.termfreq + 0.5) / (stats.termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    k1_ = request.bm25_k1;
    b_ = request.bm25_b;
    constexpr double k3 = 1;
    constant_ = std::log(tw) * stats.factor * (k1_ + 1) * ((k3 + 1) * stats.wqf / (k3 + stats.wqf));
    // Xapian ignores the length (normlen 0.5) when it cannot matter or is unknown.
    if (k1_ != 0 && b_ != 0 && stats.average_length != 0) length_scale_ = 1 / stats.average_length;
  } else {
    // IneB2Weight::init: the expected number of documents with the term is N (1 - e^(-F/N)).
    const double f = stats.collection_freq;
    const double expected = n * (1 - std::exp(-f / n));
    const double idf = std::log2((n + 1) / (expected + 0.5));
    constant_ = stats.wqf * idf * stats.factor * ((f + 1) / stats.termfreq);
    length_scale_ = request.dfr_c * stats.average_length;
  }
}

double TermWeigher::operator()(Xapian::termcount wdf, Xapian::termcount length) const {
  if (wdf == 0 || constant_ == 0) return 0;
  const double wdf_d = wdf;
  const double len = std::max<Xapian::termcount>(length, 1);
  if (bm25_) {
    const double normlen = length_scale_ != 0 ? std::max(len * length_scale_, 0.5) : 0.5;
    return constant_ * (wdf_d / (k1_ * (normlen * b_ + (1 - b_)) + wdf_d));
  }
  const double wdfn = wdf_d * std::log2(1 + length_scale_ / len);
  return constant_ * (wdfn / (wdfn + 1));
}

double term_weight(const SearchRequest& request, const TermWeightStats& stats,
                   Xapian::termcount wdf, Xapian::termcount length) {
  return TermWeigher(request, stats)(wdf, length);
}

}  // namespace nsearch
