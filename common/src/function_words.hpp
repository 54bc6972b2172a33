// Function words per language (internal): the one lexicon the cleaners read prose by.
//
// Running text is full of function words ("the", "und", "de", "и") and page furniture (menus,
// headlines, link lists, names) has few, whatever the site: their share in a block is the
// cleaners' most general cue of prose. The lists are broader than the query stop words
// (languages::stop_words), which stay short so that searches keep meaningful words.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>

namespace nsearch::languages {

/// Languages with a function-word list: every language the stemmer table knows that has
/// Snowball stemming, plus Polish, Czech, Ukrainian and Greek (common in news, no stemmer).
std::span<const std::string_view> function_word_languages();

/// The function words of a language (lower-case UTF-8); empty when there is no list.
std::span<const std::string_view> function_words(std::string_view code);

/// A lookup over every list at once: for a lower-case word, the set of languages (by index in
/// function_word_languages(), one bit each) it is a function word of. Built once, immutable.
class FunctionWordIndex {
 public:
  using LanguageSet = std::uint64_t;
  static const FunctionWordIndex& get();
  LanguageSet languages_of(std::string_view lower_word) const;
  std::size_t longest_word() const { return longest_; }

 private:
  FunctionWordIndex();
  std::unordered_map<std::string_view, LanguageSet> languages_;
  std::size_t longest_ = 0;
};

/// Script-level cue for Chinese and Japanese, which have no spaces between words: whether the
/// code point is one of the particles and function characters that running text is full of
/// (的 了 是 在; の に は を が) — the counterpart of a function word.
bool is_cjk_function_char(char32_t c);

}  // namespace nsearch::languages
