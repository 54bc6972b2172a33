// Fuzz target: an HTML page of any bytes through the extractor, as the indexer reads it
// (read_html_article runs extract_html once; calling both would halve the executions).
#include "fuzz_input.hpp"
#include "read/formats/text_reader.hpp"
#include "text_util.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  std::size_t articles = 0;
  const ReadContext context{
      "fuzz-input",
      [&articles](Article&& a) {
        fuzz::require(identifies_something(a), "an emitted article identifies something");
        // Whatever the page's charset, what comes out is UTF-8 (indexed and printed as such).
        for (const std::string* field : {&a.title, &a.body, &a.author, &a.outlet, &a.date, &a.url})
          fuzz::require(!text::find_invalid_utf8(*field), "extracted fields are valid UTF-8");
        ++articles;
      },
      [](std::size_t, SkipReason, const std::string& reason) {
        // "no article in this page (<the extractor's reason>)", or "empty file".
        fuzz::require(!reason.empty() && reason.find("()") == std::string::npos,
                      "a non-article page says why");
      },
  };
  read_html_article(fuzz::as_text(data, size), context);
  fuzz::require(articles <= 1, "a page holds at most one article");
  return 0;
}
