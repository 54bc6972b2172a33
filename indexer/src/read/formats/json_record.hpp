// One JSON record: parsing with the limits and messages all JSON readers share (internal).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace nsearch {

/// Parses one record's text. Invalid UTF-8, nesting deeper than kMaxJsonDepth and syntax
/// errors give nullopt with `error` set ("malformed JSON: line 2, column 5: ..."; the line
/// only when the record spans several).
std::optional<nlohmann::json> parse_json_record(std::string_view text, std::string& error);

/// True when `text` nests objects and arrays no deeper than kMaxJsonDepth.
bool json_nesting_within_limit(std::string_view text);

}  // namespace nsearch
