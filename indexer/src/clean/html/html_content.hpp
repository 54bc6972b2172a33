// Finding the article text among the blocks of a page (internal).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "clean/html/html_blocks.hpp"

namespace nsearch::html {

/// The article text of a page, and what the rest of the page looked like.
struct MainText {
  std::vector<std::size_t> blocks;  ///< indices of the body blocks, in document order
  std::size_t prose_words = 0;      ///< words in body blocks that read as prose
  std::size_t teaser_words = 0;     ///< words in teasers (summaries under headline links)
  std::size_t link_lines = 0;       ///< blocks that are mostly link text, on the whole page
  std::size_t other_words = 0;      ///< words outside the body, link lists, captions and furniture
};

/// Finds the article body among the blocks; MainText::blocks is empty when the page has no
/// stretch of prose that reads like an article. `headline` is the block showing the
/// headline, if known: the article usually starts right after it.
MainText select_main_text(std::span<const Block> blocks, std::optional<std::size_t> headline);

/// For looking at extraction failures: one line per block with what the scoring saw (owner,
/// words, link and function-word density, cue, weight, whether it is in the body) and its
/// text, cut at `max_chars` bytes.
std::string explain_main_text(std::span<const Block> blocks, std::optional<std::size_t> headline,
                              std::size_t max_chars = 100);

}  // namespace nsearch::html
