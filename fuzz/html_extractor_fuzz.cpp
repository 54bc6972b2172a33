// Fuzz target: an HTML page of any bytes through the extractor, as the indexer reads it.
#include "extraction.hpp"
#include "fuzz_input.hpp"
#include "text_reader.hpp"
#include "text_util.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  const std::string_view html = fuzz::as_text(data, size);
  const Extraction page = extract_html(html);
  fuzz::require(page.is_article || !page.reason.empty(), "a non-article page says why");
  // Whatever the page's charset, what comes out is UTF-8 (it is indexed and printed as such).
  for (const std::string* field : {&page.article.title, &page.article.body, &page.article.author,
                                   &page.article.outlet, &page.article.date, &page.article.url}) {
    fuzz::require(!text::find_invalid_utf8(*field), "extracted fields are valid UTF-8");
  }
  std::size_t articles = 0;
  read_html_article(html, fuzz::counting_context(articles));
  fuzz::require(articles <= 1, "a page holds at most one article");
  return 0;
}
