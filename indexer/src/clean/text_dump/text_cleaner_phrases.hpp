// Wording cues for the text-dump cleaner (internal): the stock phrases of page furniture
// (navigation, share rows, subscribe and cookie notices, comment sections, captions, bylines,
// dates). Only generic web and news vocabulary; nothing names a particular site.
#pragma once

#include <string>
#include <string_view>

#include "clean/text_dump/text_cleaner_lines.hpp"

namespace nsearch::text_dump {

/// The cue a line's wording gives (see `Cue`); `had_form_fields` says the line held form
/// placeholders before cleaning.
Cue classify_wording(const DumpLine& line, bool had_form_fields);

/// `s` lower-cased with digit runs replaced by '#' and leading/trailing punctuation, arrows
/// and separators removed: "» 5 Comments:" -> "# comments".
std::string phrase_core(std::string_view s);

/// True for a lower-case word of dates and times: a month or weekday name, "ago", "hours",
/// "updated", a time-zone...
bool date_word(std::string_view word);

}  // namespace nsearch::text_dump
