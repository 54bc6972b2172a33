// Cleaning scraped pages into articles (internal): text dumps and HTML.
#pragma once

#include <string>
#include <string_view>

#include "nsearch/article.hpp"

namespace nsearch {

/// What a cleaner found in one page.
struct Extraction {
  /// title, outlet, author (byline or credit such as "Agency Report"), date (raw text as found
  /// on the page; the indexer normalises it), url, lang (only if the page declares it),
  /// category, body (paragraphs separated by '\n'), kind ("article", or "page" for a page that
  /// holds text but does not read as an article: an index, a table, a short notice). Empty =
  /// not found; never invented.
  Article article;
  /// false when the page holds no text worth indexing (empty, an error page, pure navigation)
  bool has_text = true;
  std::string reason;  ///< why it is a "page" rather than an article, or why it has no text
  /// What was left out of an article because the page is beyond a limit (see limits.hpp);
  /// empty when nothing was.
  std::string warning{};
};

/// Cleans a text dump of a web page (as `lynx -dump` or a scraper's innerText writes it):
/// keeps the headline, the article body and its metadata; drops navigation, teasers,
/// "Related"/"Latest stories" lists, subscribe and share blocks, footers and comments.
/// `text` is valid UTF-8. Runs in time linear in its size (bounded work per line).
/// `explanation`, when given, receives the rating and fate of every line (for development).
Extraction clean_text_dump(std::string_view text, std::string* explanation = nullptr);

/// Extracts the article from an HTML page: metadata from JSON-LD, OpenGraph/article: meta,
/// <meta>, <time>, canonical link and <title>; main text by content scoring.
/// `html` is raw bytes (any charset declaration); bounded time and memory on hostile input.
/// `explanation`, when given, receives the scoring of every text block (for development), each
/// block's text cut at `explained_chars` bytes.
Extraction extract_html(std::string_view html, std::string* explanation = nullptr,
                        std::size_t explained_chars = 100);

}  // namespace nsearch
