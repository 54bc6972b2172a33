// The HTTP response inside a WARC response record (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nsearch {

struct HttpResponse {
  int status = 0;
  std::string media_type;        ///< lower case, without parameters: "text/html"; "" if none
  std::string charset;           ///< lower case, from Content-Type; "" if none
  std::string content_encoding;  ///< lower case: "gzip"...; "" if none
  bool chunked = false;          ///< Transfer-Encoding: chunked
  std::string_view body;         ///< view into the parsed block
};

/// Splits an HTTP/1.x response (status line, headers, blank line, body). Returns nullopt when
/// `block` does not start with "HTTP/" or its header is not terminated within
/// kMaxWarcHeaderBytes.
std::optional<HttpResponse> parse_http_response(std::string_view block);

/// Decodes a body sent with chunked transfer coding; nullopt when it is malformed.
std::optional<std::string> dechunk(std::string_view body);

}  // namespace nsearch
