// The article model: what the indexer stores and the searcher returns.
#pragma once

#include <string>

namespace nsearch {

/// One news article after reading and cleaning. Empty strings mean "unknown".
struct Article {
  std::string id{};  ///< stable external id (unique in a database)
  std::string title{};
  std::string outlet{};  ///< publisher display name, e.g. "The New Diplomat"
  std::string date{};    ///< normalised ISO 8601: "2021-09-24" or "2021-09-24T08:30:00Z"
  std::string author{};
  std::string url{};
  std::string lang{};  ///< ISO 639-1 code, "und" when undetermined
  std::string category{};
  std::string body{};    ///< cleaned text, paragraphs separated by '\n'
  std::string source{};  ///< where it was read from: "path" or "path:line"
};

}  // namespace nsearch
