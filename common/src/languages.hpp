// Language codes, stemmers and stop words (internal).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <xapian.h>

namespace nsearch::languages {

/// ISO 639-1 code for a code or English name ("EN", "en-US", "english", "Deutsch" -> "de");
/// "und" when the input names no language we know.
std::string normalise(std::string_view code_or_name);

/// The Snowball stemmer for an ISO 639-1 code; a no-op stemmer when there is none (e.g. "ja").
Xapian::Stem stemmer_for(std::string_view code);

/// Common function words of the language (empty when we have no list). Used as query stop
/// words: a query for "the war" should not require "the".
std::span<const std::string_view> stop_words(std::string_view code);

}  // namespace nsearch::languages
