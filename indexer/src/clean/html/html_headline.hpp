// Finding the headline among the blocks of a page (internal).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "clean/html/html_blocks.hpp"

namespace nsearch::html {

/// Word overlap of two titles (Dice coefficient of their lower-cased word sets), 0..1.
double title_similarity(std::string_view a, std::string_view b);

/// The block that shows the headline: a heading, emphasised line or short block whose words
/// match `reference` (the headline the page declares, or its cleaned <title>); nullopt when
/// none matches well.
std::optional<std::size_t> find_headline(std::span<const Block> blocks, std::string_view reference);

/// The page's only <h1>, when it has exactly one that can be a headline: modern pages mark
/// the headline so, and it anchors the article when the <title> does not help.
std::optional<std::size_t> only_h1(std::span<const Block> blocks);

/// The block to take as the article's title, given where the article starts: the block
/// before it that best combines headline markup (<h1>-<h3>, a class naming a headline or
/// title, bold type), closeness and words shared with `reference` (the cleaned <title>, which
/// may name only the site); `matched` (from find_headline()) competes too, wherever it is.
/// nullopt when nothing looks like a headline.
std::optional<std::size_t> choose_headline(std::span<const Block> blocks,
                                           std::string_view reference, std::size_t article_start,
                                           std::optional<std::size_t> matched);

}  // namespace nsearch::html
