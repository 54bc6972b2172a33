// The article model: what the indexer stores and the searcher returns.
#pragma once

#include <string>

namespace nsearch {

/// One news article after reading and cleaning. Empty strings mean "unknown".
struct Article {
  std::string id{};  ///< stable external id (unique in a database)
  std::string title{};
  /// The title was not given by the source but derived from the body's first sentence (for
  /// display only: not indexed as a title, no title boost).
  bool title_derived = false;
  std::string outlet{};  ///< publisher display name, e.g. "The New Diplomat"
  std::string date{};    ///< normalised ISO 8601: "2021-09-24" or "2021-09-24T08:30:00Z"
  std::string author{};
  std::string url{};
  std::string lang{};  ///< ISO 639-1 code, "und" when undetermined
  std::string category{};
  std::string body{};  ///< cleaned text, paragraphs separated by '\n'
  /// What the source page is: "article" (a news article or other prose piece) or "page" (a web
  /// page that holds text but did not read as an article: an index, a results table, a short
  /// notice). Empty = "article" (structured inputs are articles).
  std::string kind{};
  std::string source{};  ///< where it was read from: "path" or "path:line"
};

}  // namespace nsearch
