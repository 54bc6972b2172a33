// A display title for an article that arrives without one, from its body (internal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nsearch {

/// Longer first sentences are cut to at most this many words...
inline constexpr std::size_t kDerivedTitleWords = 15;
/// ...and this many characters, a CJK character counting as three (about 30 of them: a
/// CJK headline says in one character what a Latin one needs a word for).
inline constexpr std::size_t kDerivedTitleWidth = 90;

/// The body's first sentence as a title: whole when it is short (a final full stop, "." or
/// "。", dropped, as headlines have none), else cut on a word boundary within the limits above, or
/// between characters in text without spaces (Chinese, Japanese), and ended with "…". Leading
/// whitespace and punctuation (quotes, dashes, bullets) are skipped; a UTF-8 sequence is never
/// split. Empty when the body has nothing else.
std::string derive_title(std::string_view body);

}  // namespace nsearch
