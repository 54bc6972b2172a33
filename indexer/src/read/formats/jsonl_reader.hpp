// JSON Lines exports: one article object per line (internal).
#pragma once

#include "read/field_mapping.hpp"
#include "read/input_file.hpp"
#include "read/reader.hpp"

namespace nsearch {

/// Reads articles from a JSON Lines file, fields named as FieldMapper describes (the canonical
/// keys id, url, title, outlet, date, lang, body, author, category and exporters' names).
/// Blank lines are ignored; a line that is not a JSON object, or not valid UTF-8, or names no
/// id, URL, title or body, is rejected with its line number.
void read_jsonl(InputFile& input, const ReadContext& ctx,
                const FieldMapper& mapper = builtin_field_mapper());

}  // namespace nsearch
