// Fuzz target: a CSV or TSV file. The first byte picks the options a user can give (TSV,
// no header, a fixed delimiter or quote, column --maps); the rest is the file.
#include "fuzz_input.hpp"
#include "read/formats/csv_reader.hpp"
#include "read/input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  if (size == 0) return 0;
  static const std::vector<FieldMapping> maps{{"title", "0"}, {"body", "1"}, {"date", "2"}};
  static const FieldMapper by_column(maps);
  const std::uint8_t choice = data[0];
  CsvOptions options;
  options.no_header = (choice & 1) != 0;
  const bool tsv = (choice & 2) != 0;
  if (choice & 4) options.delimiter = ";,\t|"[(choice >> 4) & 3];
  if (choice & 8) options.quote = (choice & 64) ? '\'' : '"';
  const FieldMapper& mapper = (choice & 128) ? by_column : builtin_field_mapper();

  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  const CsvDialect dialect = detect_csv_dialect(text.substr(0, 4096), options, tsv);
  fuzz::require(dialect.delimiter != '\0', "a dialect always has a delimiter");
  fuzz::MemorySource source(text);
  InputFile input(source);
  std::size_t articles = 0;
  try {
    read_csv(input, fuzz::counting_context(articles), mapper, options, tsv);
  } catch (const Error&) {
  }
  return 0;
}
