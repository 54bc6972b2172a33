// Fuzz target: a .json file (object, array or sequence of objects), streamed as the indexer
// reads it, with the built-in field names and with user --map paths.
#include "fuzz_input.hpp"
#include "read/formats/json_reader.hpp"
#include "read/input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  static const std::vector<FieldMapping> maps{{"title", "meta.headline"},
                                              {"body", "content.0.text"},
                                              {"date", "items.1"},
                                              {"author", "authors.0.name"}};
  static const FieldMapper mapped(maps);
  const std::string_view bytes = fuzz::as_text(data, size);
  for (const FieldMapper* mapper : {&builtin_field_mapper(), &mapped}) {
    fuzz::MemorySource source(bytes);
    InputFile input(source);
    std::size_t articles = 0;
    try {
      read_json(input, fuzz::counting_context(articles), *mapper);
    } catch (const Error&) {
      // Unreadable input is reported by the caller as the whole file's problem.
    }
  }
  return 0;
}
