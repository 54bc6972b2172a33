// Snippets with highlighted matches (internal).
#pragma once

#include <string>

#include <xapian.h>

#include "nsearch/searcher.hpp"

namespace nsearch {

/// Fills hit.snippet and hit.highlights from the part of `text` that best matches the query
/// behind `mset`, using `stemmer` (that of the article's language).
void make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer,
                  std::size_t target_bytes, Hit& hit);

}  // namespace nsearch
