// The document data of an nsearch database: the article as a JSON object (internal).
#pragma once

#include <string>

#include "nsearch/article.hpp"

namespace nsearch {

/// The stored data of a document: a JSON object keyed by schema::field names, null for
/// unknown fields.
std::string serialise_article(const Article& article);

/// The article back from stored data (fields missing or null in `data` stay empty).
Article deserialise_article(const std::string& data);

}  // namespace nsearch
