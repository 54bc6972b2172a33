// JSON text written as it goes (internal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch {

/// Writes compact JSON straight into a string, byte for byte what nlohmann's
/// `dump(-1, ' ', false, error_handler_t::replace)` gives for the same document, without
/// building the document first. A search result is written for every request the server
/// answers, and building it as an nlohmann document (an allocation per value, a linear key
/// lookup per member of an ordered object) cost a sixth of the server's time.
class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  /// The name of the next member of the object being written.
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view s);
  /// The string, or null when it is empty.
  JsonWriter& string_or_null(std::string_view s);
  JsonWriter& null();
  JsonWriter& boolean(bool b);
  JsonWriter& number(std::size_t n);
  JsonWriter& number(double d);

  /// The text written so far.
  std::string take() { return std::move(out_); }

 private:
  void separate();
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void escape(char c);  ///< a quote, a backslash or a control character

  std::string out_;
  std::vector<bool> first_;  ///< per open container: no element written in it yet
  bool after_key_ = false;
};

}  // namespace nsearch
