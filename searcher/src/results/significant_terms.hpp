// The words a set of matches is about: terms over-represented in it (internal).
#pragma once

#include "match/match_walk.hpp"
#include "nsearch/analysis.hpp"
#include "results/stem_cache.hpp"

namespace nsearch {

/// Searcher::terms over `source`. Scores stemmed terms by Dunning's log-likelihood ratio G2 of
/// the 2x2 table (in the matches or not) x (has the term or not), counting documents (or one
/// copy per story); only terms more frequent in the matches than elsewhere. Candidates come
/// from the term lists of at most kTermsSample matches spread over the set; the counts and
/// scores of the terms returned are exact (their posting lists intersected with the matches).
/// Leaves out terms in a single match of four or more, the query's own terms and the function words
/// of the matches' languages, and names each stem by its unstemmed form in most matches. Throws
/// Error (bad_query, invalid_argument).
TermsResult find_significant_terms(const AnalysisSource& source, const TermsRequest& request,
                                   StemCache& stems);

/// Dunning's G2 for k1 of n1 documents in the set against k2 of n2 in the rest.
double log_likelihood_ratio(double k1, double n1, double k2, double n2);

}  // namespace nsearch
