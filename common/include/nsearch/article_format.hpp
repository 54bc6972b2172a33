// Printing an article as the indexer sees it (used by `nindex extract`).
#pragma once

#include <ostream>
#include <string>

#include "nsearch/article.hpp"

namespace nsearch {

/// One-line JSON object with keys id, url, title, title_derived (true when the title was
/// derived from the body), outlet, date, author, lang, category, kind ("article" or "page"),
/// body, source; unknown fields are null.
std::string to_json(const Article& article);

/// A readable block: the metadata fields one per line, a blank line, then the body.
void write_text(std::ostream& out, const Article& article);

}  // namespace nsearch
