#include "read/formats/json_record.hpp"

#include "read/reader.hpp"
#include "text_util.hpp"

namespace nsearch {

bool json_nesting_within_limit(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return false;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return true;
}

std::optional<nlohmann::json> parse_json_record(std::string_view text, std::string& error) {
  if (const auto bad = text::find_invalid_utf8(text)) {
    const std::size_t line = text::line_of_offset(text, *bad);
    error = "invalid UTF-8 at byte " + std::to_string(*bad + 1) + " of the " +
            (text.find('\n') == std::string_view::npos
                 ? std::string("line")
                 : "record (its line " + std::to_string(line) + ")");
    return std::nullopt;
  }
  if (!json_nesting_within_limit(text)) {
    error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error; out_of_range for 1e999
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> the tail,
    // with the line only when the record has several.
    const bool multiline = text.find('\n') != std::string_view::npos;
    if (const auto at = what.find(multiline ? "line" : "column"); at != std::string::npos) {
      what = what.substr(at);
    }
    error = "malformed JSON: " + what;
    return std::nullopt;
  }
}

}  // namespace nsearch
