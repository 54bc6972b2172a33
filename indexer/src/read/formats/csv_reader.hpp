// CSV and TSV files: one article per row (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nsearch/article_reader.hpp"
#include "read/field_mapping.hpp"
#include "read/input_file.hpp"
#include "read/reader.hpp"

namespace nsearch {

struct CsvDialect {
  char delimiter = ',';
  char quote = '"';  ///< '\0': no quoting
};

/// The dialect of a file from its first bytes, within what `options` fixes: the delimiter and
/// quote character that split the sample's rows into the most equally wide rows (more than one
/// column), then the quote character with the most properly quoted fields ("..." or '...'
/// followed by a delimiter or line end) less the improper ones. TSV files are tab-separated and
/// use no quoting unless the sample shows it.
CsvDialect detect_csv_dialect(std::string_view sample, const CsvOptions& options, bool tsv);

/// Reads articles from a CSV or TSV file: RFC 4180 (quoted fields may hold delimiters, doubled
/// quote characters and line breaks; CRLF or LF rows). The first row names the columns (header
/// cells are matched like JSON keys, see FieldMapper) unless `options.no_header`, or unless every
/// --map names a column by number and no first-row cell is a known field name. Each row is
/// located by the line it starts on; rows larger than kMaxCsvRecordBytes or wider than
/// kMaxCsvFields, or not valid UTF-8, are rejected.
void read_csv(InputFile& input, const ReadContext& ctx, const FieldMapper& mapper,
              const CsvOptions& options, bool tsv);

}  // namespace nsearch
