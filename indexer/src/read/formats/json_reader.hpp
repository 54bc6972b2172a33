// JSON files: one article object, an array of them, or a sequence of objects (internal).
#pragma once

#include "read/field_mapping.hpp"
#include "read/input_file.hpp"
#include "read/reader.hpp"

namespace nsearch {

/// Reads articles from a JSON file, streaming: a single object (located as the file itself), an
/// array of objects or a sequence of objects (NDJSON in a .json file), each located by its
/// record number ("file.json:3"). A lone object that names no article but holds an array of
/// objects (an API response such as {"status": "ok", "articles": [...]}) is read as that array.
/// Fields are named as FieldMapper describes. Each record is bounded (kMaxJsonRecordBytes,
/// kMaxJsonDepth); a bad record is rejected and reading goes on with the next one.
void read_json(InputFile& input, const ReadContext& ctx,
               const FieldMapper& mapper = builtin_field_mapper());

}  // namespace nsearch
