#include "query/query_term_limit.hpp"

#include <algorithm>
#include <string>

#include "nsearch/limits.hpp"

namespace nsearch {
namespace {

// The start of the query, cut at a character boundary: a hostile query may be megabytes long.
std::string query_start(std::string_view text) {
  constexpr std::size_t kShown = 60;
  std::size_t cut = std::min(text.size(), kShown);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(text.substr(0, cut)) + (cut < text.size() ? "..." : "");
}

}  // namespace

QueryTermLimitError::QueryTermLimitError(std::size_t terms, std::string_view text)
    : Error(ErrorKind::bad_query, "query \"" + query_start(text) + "\" has " +
                                      std::to_string(terms) + " terms, more than the limit of " +
                                      std::to_string(kMaxQueryTerms)) {}

void check_query_terms(std::size_t terms, std::string_view text) {
  if (terms > kMaxQueryTerms) throw QueryTermLimitError(terms, text);
}

}  // namespace nsearch
