// An article made ready for the writer, on a worker thread of the ingest pipeline (internal).
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "nsearch/article.hpp"
#include "story_signature.hpp"

namespace nsearch {

struct PreparedArticle {
  Article article;                            ///< normalised
  std::string data;                           ///< serialise_article(article)
  std::string digest;                         ///< of data
  std::string copy_term;                      ///< schema::copy_term(), empty without a URL
  std::optional<Xapian::Document> doc;        ///< none when not built (yet)
  std::optional<story::Signature> signature;  ///< near-duplicate signature, with doc
};

}  // namespace nsearch
