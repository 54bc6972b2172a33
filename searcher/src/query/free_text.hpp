// Free text (a question, a TREC topic) to a Xapian query (internal).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace nsearch {

struct FreeTextOptions {
  const Xapian::Stem* stemmer =
      nullptr;  ///< the stemmer articles of this language were indexed with
  std::span<const std::string_view> stop_words;
  double title_weight = 0;  ///< extra weight of a query term's match in the title
};

/// Any-word query for `text`, analysed exactly as the indexer analyses articles (the same
/// tokenizer: "U.S." is the term "us", "Nam's" stems to "nam", case does not matter), so every
/// query term is a term the index can hold. A word repeated in the text weighs that many times;
/// stop words are dropped unless the text has nothing else. Terms absent from `db` are left out.
/// An empty query when the text has no words. Throws QueryTermLimitError (query_term_limit.hpp)
/// when the text has more than kMaxQueryTerms distinct terms.
Xapian::Query free_text_query(const Xapian::Database& db, std::string_view text,
                              const FreeTextOptions& options);

/// The language of `text` among `candidates` (ISO codes), judged by its function words (stop
/// words), as one tells a language from its short words: the one with the most, if it has at
/// least two and more than any other. None when the text does not tell.
std::optional<std::string> language_by_stop_words(std::string_view text,
                                                  const std::vector<std::string>& candidates);

}  // namespace nsearch
