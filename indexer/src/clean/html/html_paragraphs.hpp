// A second, independent reading of a page's main text (internal): every block classified on
// its own shallow features, then by its neighbours, in the manner of jusText (Pomikálek 2011)
// and boilerpipe (Kohlschütter et al. 2010). It uses no element tree and no class names, so it
// fails in other places than content scoring (html_content) does: the extractor compares the
// two and falls back on this one when content scoring finds little or nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "clean/html/html_blocks.hpp"

namespace nsearch::html {

/// What the classifier read.
struct ParagraphText {
  std::vector<std::size_t> blocks;  ///< the main-text blocks, in document order
  std::size_t words = 0;            ///< words in them
};

/// The main text by paragraph classification: the blocks judged good (long, few links, dense
/// in function words; short and doubtful ones by their neighbours), then the stretch of them
/// with the most text, starting near the headline when there is one (block index).
ParagraphText classify_paragraphs(std::span<const Block> blocks,
                                  std::optional<std::size_t> headline);

}  // namespace nsearch::html
