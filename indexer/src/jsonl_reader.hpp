// JSON Lines exports: one article object per line (internal).
#pragma once

#include "input_file.hpp"
#include "reader.hpp"

namespace nsearch {

/// Reads articles from a JSON Lines file. Keys: id, url, title, outlet, date, lang, body,
/// author (a string or a list of strings), category. Blank lines are ignored; a line that is
/// not a JSON object, or not valid UTF-8, is rejected with its line number.
void read_jsonl(InputFile& input, const ReadContext& ctx);

}  // namespace nsearch
