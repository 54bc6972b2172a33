#include "read/formats/jsonl_reader.hpp"

#include "read/formats/json_record.hpp"
#include "text_util.hpp"

namespace nsearch {

void read_jsonl(InputFile& input, const ReadContext& ctx, const FieldMapper& mapper) {
  std::string line;
  std::size_t line_no = 0;
  bool checked_binary = false;
  for (;;) {
    const auto status = input.read_line(line, kMaxLineBytes);
    if (status == InputFile::LineStatus::end) break;
    ++line_no;
    if (status == InputFile::LineStatus::too_long) {
      ctx.reject(line_no, SkipReason::over_limit,
                 "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB");
      continue;
    }
    if (!checked_binary) {
      checked_binary = true;
      if (looks_binary(line)) {
        ctx.reject(line_no, SkipReason::binary_data,
                   "binary data, not JSON Lines; rest of file skipped");
        return;
      }
    }
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (text::trim(line).empty()) continue;
    std::string error;
    const auto record = parse_json_record(line, error);
    if (!record) {
      ctx.reject(line_no, SkipReason::malformed_record, error);
      continue;
    }
    if (!record->is_object()) {
      ctx.reject(line_no, SkipReason::malformed_record, "not a JSON object");
      continue;
    }
    Article article = mapper.map(*record);
    article.source = ctx.path + ":" + std::to_string(line_no);
    // Headline-only and text-less wire records are still articles (dated, filterable);
    // a record that identifies nothing is not.
    if (!identifies_something(article)) {
      ctx.reject(line_no, SkipReason::no_article, "record has no id, url, title or body");
      continue;
    }
    ctx.emit(std::move(article));
  }
}

}  // namespace nsearch
