// Fuzz target: an (uncompressed) WARC file: record headers, HTTP responses, payloads.
#include "fuzz_input.hpp"
#include "read/formats/warc_reader.hpp"
#include "read/input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  fuzz::MemorySource source(fuzz::as_text(data, size));
  InputFile input(source);
  std::size_t articles = 0;
  try {
    read_warc(input, fuzz::counting_context(articles));
  } catch (const Error&) {
  }
  return 0;
}
