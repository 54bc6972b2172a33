// Fuzz target: a .txt article (header block or text dump through the cleaner), as the indexer
// reads it, and the cleaner alone on the valid UTF-8 inputs it is specified for.
#include "clean/extraction.hpp"
#include "fuzz_input.hpp"
#include "read/formats/text_reader.hpp"
#include "text_util.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  const std::string_view text = fuzz::as_text(data, size);
  std::size_t articles = 0;
  read_text_article(text, fuzz::counting_context(articles));
  fuzz::require(articles <= 1, "a text file holds at most one article");
  if (!text::find_invalid_utf8(text)) {
    const Extraction page = clean_text_dump(text);
    fuzz::require(page.has_text || !page.reason.empty(), "a page without text says why");
    fuzz::require(!text::find_invalid_utf8(page.article.body), "the body is valid UTF-8");
    fuzz::require(!text::find_invalid_utf8(page.article.title), "the title is valid UTF-8");
  }
  return 0;
}
