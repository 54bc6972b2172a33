// The limit on the number of terms of one query (kMaxQueryTerms), shared by the query
// language and the free-text reading (internal).
#pragma once

#include <cstddef>
#include <string_view>

#include "nsearch/error.hpp"

namespace nsearch {

/// A query with more than kMaxQueryTerms terms: an Error(bad_query) of its own type, because the
/// forgiving parser must not hide it by searching the text as plain words instead.
class QueryTermLimitError : public Error {
 public:
  QueryTermLimitError(std::size_t terms, std::string_view text);
};

/// Throws QueryTermLimitError naming the start of `text` when `terms` exceeds kMaxQueryTerms.
void check_query_terms(std::size_t terms, std::string_view text);

}  // namespace nsearch
