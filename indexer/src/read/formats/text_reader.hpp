// Plain-text articles: a headline line, then the body (internal).
#pragma once

#include <string_view>

#include "read/reader.hpp"

namespace nsearch {

/// Reads one article from the text of a `.txt` file. A file that starts with a header block of
/// `Key: value` lines (Title, Outlet, Date, Author, URL, Lang, Category, Id) ended by a blank
/// line is a clean article: the header gives the metadata (the first body line is the title
/// when the header has none) and the rest is the body. Any other file is a text dump of a web
/// page and goes through clean_text_dump(); a page without an article is rejected.
void read_text_article(std::string_view content, const ReadContext& ctx);

/// Reads one article from an HTML page (see extract_html); pages that hold no article are
/// rejected with the reason.
void read_html_article(std::string_view content, const ReadContext& ctx);

}  // namespace nsearch
