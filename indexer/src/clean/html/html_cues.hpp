// Wording cues of page furniture in HTML text blocks (internal): stock phrases of comment
// sections, legal notices and teasers. Generic web and news vocabulary only, English.
#pragma once

#include <string_view>

#include "clean/html/html_blocks.hpp"

namespace nsearch::html {

/// What a block's wording says it is.
enum class Cue {
  kNone,
  kCommentsStart,  ///< the heading or form of a comment section: the article is over
  kLegalNotice,    ///< copyright, disclaimer, terms of use
  kCredit,         ///< "X contributed to this report", "X can be reached at ..."
  kTeaser,         ///< a summary ending in a link: "Full story", "Read more"
  kCutShort,       ///< text ending in "...": a teaser under a headline link, or a quote
  kFurniture,      ///< "Advertisement", "Share this", "Story continues below"...
  kDateline,       ///< a date or time on its own: "Tuesday 8 January 2008, 10:32 GMT"
};

Cue classify_block(const Block& b);

/// A date line with at most a few other words: "Tuesday 8 January 2008", "Associated Press -
/// January 11, 2008 4:13 PM ET", "14/01/2008 1:40:00 PM".
bool looks_like_date(std::string_view text);

}  // namespace nsearch::html
