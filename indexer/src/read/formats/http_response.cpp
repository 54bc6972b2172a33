#include "read/formats/http_response.hpp"

#include <algorithm>

#include "read/reader.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

// "text/html; charset=ISO-8859-1" -> media type and charset.
void parse_content_type(std::string_view value, HttpResponse& r) {
  const auto semi = value.find(';');
  r.media_type = text::ascii_lowercase(text::trim(value.substr(0, semi)));
  std::string_view params = semi == std::string_view::npos ? "" : value.substr(semi + 1);
  while (!params.empty()) {
    const auto next = params.find(';');
    const std::string_view param = text::trim(params.substr(0, next));
    params = next == std::string_view::npos ? "" : params.substr(next + 1);
    const auto eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (text::ascii_lowercase(text::trim(param.substr(0, eq))) != "charset") continue;
    std::string_view cs = text::trim(param.substr(eq + 1));
    if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'') && cs.back() == cs.front()) {
      cs = cs.substr(1, cs.size() - 2);
    }
    r.charset = text::ascii_lowercase(cs);
  }
}

}  // namespace

std::optional<HttpResponse> parse_http_response(std::string_view block) {
  if (!block.starts_with("HTTP/")) return std::nullopt;
  std::size_t end = block.find("\r\n\r\n");
  std::size_t body_start = end + 4;
  if (const auto lf = block.find("\n\n"); lf < end) {
    end = lf;
    body_start = lf + 2;
  }
  if (end == std::string_view::npos || end > kMaxWarcHeaderBytes) return std::nullopt;

  HttpResponse r;
  std::string_view head = block.substr(0, end);
  r.body = block.substr(body_start);
  bool first = true;
  while (!head.empty()) {
    const auto nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    head = nl == std::string_view::npos ? "" : head.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {  // "HTTP/1.1 200 OK"
      first = false;
      const auto sp = line.find(' ');
      if (sp == std::string_view::npos) return std::nullopt;
      const std::string_view code = line.substr(sp + 1, 3);
      if (code.size() != 3 ||
          !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
      }
      r.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = text::ascii_lowercase(text::trim(line.substr(0, colon)));
    const std::string_view value = text::trim(line.substr(colon + 1));
    if (name == "content-type") {
      parse_content_type(value, r);
    } else if (name == "content-encoding") {
      r.content_encoding = text::ascii_lowercase(value);
    } else if (name == "transfer-encoding") {
      r.chunked = text::ascii_lowercase(value).find("chunked") != std::string::npos;
    }
  }
  return r;
}

std::optional<std::string> dechunk(std::string_view body) {
  std::string out;
  for (;;) {
    const auto nl = body.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    std::string_view size_line = body.substr(0, nl);
    if (const auto semi = size_line.find(';'); semi != std::string_view::npos) {
      size_line = size_line.substr(0, semi);  // chunk extensions
    }
    size_line = text::trim(size_line);
    if (size_line.empty() || size_line.size() > 8) return std::nullopt;
    std::size_t size = 0;
    for (char c : size_line) {
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        return std::nullopt;
      }
      size = size * 16 + static_cast<std::size_t>(digit);
    }
    body.remove_prefix(nl + 1);
    if (size == 0) return out;  // trailers, if any, are ignored
    if (size > body.size()) return std::nullopt;
    out.append(body.substr(0, size));
    body.remove_prefix(size);
    if (body.starts_with("\r\n")) {
      body.remove_prefix(2);
    } else if (body.starts_with("\n")) {
      body.remove_prefix(1);
    }
  }
}

}  // namespace nsearch
