// Stemmers that remember their stems, for snippets and term analysis (internal).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace nsearch {

/// One stemmer per language, each remembering the stems it has computed: snippets stem the
/// words of each hit's text, news text repeats its words, and looking a stem up costs a
/// fraction of running the Snowball algorithm again (stems are a pure function of the word).
/// Not thread-safe, like a Searcher.
class StemCache {
 public:
  /// The remembered stems of one language.
  class Stems {
   public:
    explicit Stems(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {}
    /// The stem of a lower-case word (the word itself without a stemmer, as Xapian's no-op
    /// stemmer does); valid until the next call.
    std::string_view stem(std::string_view word);

   private:
    struct Hash {
      using is_transparent = void;
      std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    Xapian::Stem stemmer_;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> stems_;
  };

  /// The stems of an ISO 639-1 code's language.
  Stems& stems(std::string_view lang);

  /// The same as a Xapian stemmer (a no-op stemmer when the language has none).
  const Xapian::Stem& stemmer(std::string_view lang);

 private:
  struct Language {
    std::shared_ptr<Stems> stems;  // shared with `stemmer`'s implementation
    Xapian::Stem stemmer;
  };
  Language& language(std::string_view lang);
  std::map<std::string, Language, std::less<>> languages_;
};

}  // namespace nsearch
