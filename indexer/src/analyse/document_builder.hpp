// Turns a normalised article into a Xapian document following the schema (internal).
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "nsearch/article.hpp"

namespace nsearch {

/// Builds documents; keeps one TermGenerator and a stemmer per language between calls.
class DocumentBuilder {
 public:
  DocumentBuilder();
  /// `article` must be normalised: id set, lang an ISO code or "und", date ISO or empty.
  /// `stored_data` is serialise_article(article), which the caller has usually made already.
  Xapian::Document build(const Article& article, std::string stored_data);

 private:
  const Xapian::Stem& stemmer(const std::string& lang);

  Xapian::TermGenerator generator_;
  std::map<std::string, Xapian::Stem> stemmers_;
};

}  // namespace nsearch
