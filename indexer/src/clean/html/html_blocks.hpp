// The visible text of a page cut into blocks (internal): one block per run of text between
// block-level boundaries (<p>, <div>, <td>, <li>, <br>...), with the features content scoring
// needs.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch::html {

struct Block {
  std::string text;                    ///< whitespace collapsed
  const GumboNode* owner = nullptr;    ///< innermost block-level element holding the text
  std::size_t chars = 0;               ///< non-space characters
  std::size_t link_chars = 0;          ///< ... of them inside <a href>
  std::size_t words = 0;               ///< words; Chinese/Japanese characters count half a word
  std::size_t cjk_chars = 0;           ///< Chinese/Japanese characters (ideographs, kana)
  std::size_t cjk_function_chars = 0;  ///< ... of them particles and function characters
  std::size_t stop_words = 0;          ///< function words of the page language
  std::size_t notice_words = 0;        ///< words of cookie, consent and licence notices
  std::size_t sentence_ends = 0;       ///< '.', '!', '?' ending a word
  int heading = 0;                     ///< 1-6 inside <hN>, else 0
  bool in_caption = false;             ///< inside <figcaption>, <caption> or <figure>
  std::size_t emphasised_chars = 0;    ///< chars inside <b>, <strong>, <big>, <font size=4+>

  double link_density() const {
    return chars == 0 ? 0.0 : static_cast<double>(link_chars) / static_cast<double>(chars);
  }
  double stop_density() const {
    return words == 0 ? 0.0 : static_cast<double>(stop_words) / static_cast<double>(words);
  }
  bool ends_sentence() const;
};

/// The blocks under `root` in document order (Block::stop_words and notice_words still zero).
std::vector<Block> split_blocks(const GumboNode* root);

/// The language (of those languages::function_words() knows) whose function words are most
/// frequent in the blocks, or "zh" for Chinese/Japanese text; "en" when there is no evidence.
/// Only used to pick a function-word list.
std::string guess_language(std::span<const Block> blocks);

/// Fills Block::stop_words with the function words of language `lang`, and
/// Block::notice_words (see notice_words.hpp).
void count_stop_words(std::vector<Block>& blocks, std::string_view lang);

}  // namespace nsearch::html
