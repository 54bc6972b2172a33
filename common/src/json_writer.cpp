#include "json_writer.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "text_util.hpp"

namespace nsearch {

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  out_ += bracket;
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_ += bracket;
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  string(name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
  separate();
  // Text that is not valid UTF-8 is left to nlohmann, whose replacement of bad bytes is the
  // output's definition; stored text is valid, so this is the exception.
  if (text::find_invalid_utf8(s)) {
    out_ += nlohmann::json(std::string(s))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return *this;
  }
  out_ += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    // Plain bytes are copied as a run; only quotes, backslashes and controls are escaped.
    std::size_t plain = i;
    while (plain < s.size() && s[plain] != '"' && s[plain] != '\\' &&
           static_cast<unsigned char>(s[plain]) >= 0x20)
      ++plain;
    out_.append(s.data() + i, plain - i);
    if (plain == s.size()) break;
    escape(s[plain]);
    i = plain + 1;
  }
  out_ += '"';
  return *this;
}

void JsonWriter::escape(char c) {
  switch (c) {
    case '"':
      out_ += "\\\"";
      break;
    case '\\':
      out_ += "\\\\";
      break;
    case '\b':
      out_ += "\\b";
      break;
    case '\f':
      out_ += "\\f";
      break;
    case '\n':
      out_ += "\\n";
      break;
    case '\r':
      out_ += "\\r";
      break;
    case '\t':
      out_ += "\\t";
      break;
    default: {
      constexpr char kHex[] = "0123456789abcdef";
      out_ += "\\u00";
      out_ += kHex[(c >> 4) & 0xF];
      out_ += kHex[c & 0xF];
    }
  }
}

JsonWriter& JsonWriter::string_or_null(std::string_view s) {
  return s.empty() ? null() : string(s);
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::number(std::size_t n) {
  separate();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::number(double d) {
  separate();
  out_ += nlohmann::json(d).dump();  // nlohmann's shortest round-trip form, null if not finite
  return *this;
}

}  // namespace nsearch
