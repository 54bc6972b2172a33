// The search page's files, embedded in the program at build time (internal; the definitions
// are generated from searcher/http/web/ by cmake/embed_web_assets.cmake).
#pragma once

#include <span>
#include <string_view>

namespace nsearch {

struct WebAsset {
  std::string_view path;          ///< URL path, e.g. "/app.js"
  std::string_view content_type;  ///< with charset
  std::string_view etag;          ///< quoted digest of the content
  std::string_view body;
};

/// Every embedded file; "/" is the page itself.
std::span<const WebAsset> web_assets();

}  // namespace nsearch
