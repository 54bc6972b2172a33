// Fuzz target: a JSON Lines file, read line by line as the indexer reads it.
#include "fuzz_input.hpp"
#include "read/formats/jsonl_reader.hpp"
#include "read/input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  fuzz::MemorySource source(fuzz::as_text(data, size));
  InputFile input(source);
  std::size_t articles = 0;
  try {
    read_jsonl(input, fuzz::counting_context(articles));
  } catch (const Error&) {
  }
  std::size_t lines = 1;
  for (std::size_t i = 0; i < size; ++i)
    lines += data[i] == '\n';
  fuzz::require(articles <= lines, "at most one article per line");
  return 0;
}
