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
  /// category, body (paragraphs separated by '\n'). Empty = not found; never invented.
  Article article;
  bool is_article = true;  ///< false when the page holds no article (index page, error page...)
  std::string reason;      ///< why it is not an article, for the warning
  /// What was left out of an article because the page is beyond a limit (see limits.hpp);
  /// empty when nothing was.
  std::string warning{};
};

/// Cleans a text dump of a web page (as `lynx -dump` or a scraper's innerText writes it):
/// keeps the headline, the article body and its metadata; drops navigation, teasers,
/// "Related"/"Latest stories" lists, subscribe and share blocks, footers and comments.
/// `text` is valid UTF-8. Runs in time linear in its size (bounded work per line).
Extraction clean_text_dump(std::string_view text);

/// Extracts the article from an HTML page: metadata from JSON-LD, OpenGraph/article: meta,
/// <meta>, <time>, canonical link and <title>; main text by content scoring.
/// `html` is raw bytes (any charset declaration); bounded time and memory on hostile input.
Extraction extract_html(std::string_view html);

}  // namespace nsearch
