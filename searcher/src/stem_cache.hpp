// Stemmers that remember their stems, for snippets (internal).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <xapian.h>

namespace nsearch {

/// One stemmer per language, each remembering the stems it has computed. Xapian's
/// MSet::snippet stems every word of the text it is given; news text repeats its words, and
/// looking a stem up costs a fraction of running the Snowball algorithm again (stems are a
/// pure function of the word, so snippets stay the same). Not thread-safe, like a Searcher.
class StemCache {
 public:
  /// The caching stemmer for an ISO 639-1 code (a no-op stemmer when the language has none).
  const Xapian::Stem& stemmer(std::string_view lang);

 private:
  std::map<std::string, Xapian::Stem, std::less<>> stemmers_;
};

}  // namespace nsearch
