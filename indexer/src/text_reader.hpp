// Plain-text articles: a headline line, then the body (internal).
#pragma once

#include <string_view>

#include "reader.hpp"

namespace nsearch {

/// Reads one article from the text of a `.txt` file.
///
/// The first non-empty line is the title and the remaining non-empty lines are body
/// paragraphs. A file may instead start with a header block of `Key: value` lines (Title,
/// Outlet, Date, Author, URL, Lang, Category, Id) ended by a blank line. When no outlet is
/// given, a line of the form "Outlet Namehttps://home.page/" (a site name glued to its home
/// URL, as scraped pages often end) names it.
void read_text_article(std::string_view content, const ReadContext& ctx);

/// Reads one article from an HTML page (see extract_html); pages that hold no article are
/// rejected with the reason.
void read_html_article(std::string_view content, const ReadContext& ctx);

}  // namespace nsearch
