// The blocks that show what the page's structured data declares as its content (a JSON-LD
// Recipe's ingredients and steps, a HowTo's supplies and steps: PageMetadata::declared_items),
// found by their text. Ingredient lists and tables are short lines that read as neither prose
// nor links, so content scoring leaves them out; the page's own declaration says they belong.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "clean/html/html_blocks.hpp"

namespace nsearch::html {

/// Adds to `body` (block indexes in document order) the blocks whose text is a declared item
/// or a part of one (a table cell holding the ingredient's name), and the headings and labels
/// between them ("For the dough:"). Adds nothing when fewer than three blocks match: then the
/// page does not show the items, or only by chance.
void add_declared_items(std::span<const Block> blocks, std::span<const std::string> items,
                        std::vector<std::size_t>& body);

}  // namespace nsearch::html
