#include "jsonl_reader.hpp"

#include <nlohmann/json.hpp>

#include "text_util.hpp"

namespace nsearch {
namespace {

using nlohmann::json;

// Strings are taken as they are; lists of strings (e.g. several authors) are joined.
std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  if (it->is_array()) {
    std::string joined;
    for (const auto& item : *it) {
      if (!item.is_string()) continue;
      if (!joined.empty()) joined += ", ";
      joined += item.get<std::string>();
    }
    return joined;
  }
  return {};
}

// Guards against hostile nesting: the parser recurses once per level.
constexpr int kMaxJsonDepth = 64;

bool nesting_within_limit(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
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
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

}  // namespace

void read_jsonl(InputFile& input, const ReadContext& ctx) {
  std::string line;
  std::size_t line_no = 0;
  bool checked_binary = false;
  for (;;) {
    const auto status = input.read_line(line, kMaxLineBytes);
    if (status == InputFile::LineStatus::end) break;
    ++line_no;
    if (status == InputFile::LineStatus::too_long) {
      ctx.reject(line_no, "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB");
      continue;
    }
    if (!checked_binary) {
      checked_binary = true;
      if (looks_binary(line)) {
        ctx.reject(line_no, "binary data, not JSON Lines; rest of file skipped");
        return;
      }
    }
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (text::trim(line).empty()) continue;
    if (const auto bad = text::find_invalid_utf8(line)) {
      ctx.reject(line_no, "invalid UTF-8 at byte " + std::to_string(*bad + 1) + " of the line");
      continue;
    }
    if (!nesting_within_limit(line)) {
      ctx.reject(line_no, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
      continue;
    }
    json record;
    try {
      record = json::parse(line);
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> the tail.
      if (const auto at = what.find("column"); at != std::string::npos) what = what.substr(at);
      ctx.reject(line_no, "malformed JSON: " + what);
      continue;
    }
    if (!record.is_object()) {
      ctx.reject(line_no, "not a JSON object");
      continue;
    }
    Article article;
    article.id = string_field(record, "id");
    article.url = string_field(record, "url");
    article.title = string_field(record, "title");
    article.outlet = string_field(record, "outlet");
    article.date = string_field(record, "date");
    article.lang = string_field(record, "lang");
    article.body = string_field(record, "body");
    article.author = string_field(record, "author");
    article.category = string_field(record, "category");
    article.source = ctx.path + ":" + std::to_string(line_no);
    // Headline-only and text-less wire records are still articles (dated, filterable);
    // a record that identifies nothing is not.
    if (article.title.empty() && article.body.empty() && article.id.empty() &&
        article.url.empty()) {
      ctx.reject(line_no, "record has no id, url, title or body");
      continue;
    }
    ctx.emit(std::move(article));
  }
}

}  // namespace nsearch
