#include "read/formats/json_reader.hpp"

#include "read/formats/json_record.hpp"

namespace nsearch {
namespace {

using nlohmann::json;

constexpr int kEnd = -1;

bool is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Splits a stream of JSON text into top-level values and array elements without parsing them:
// strings, escapes and bracket depth only, so memory stays bounded by one record.
class Scanner {
 public:
  explicit Scanner(InputFile& input) : input_(input) {}

  // The next non-blank byte, not consumed; kEnd at the end.
  int peek() {
    for (;;) {
      if (pending_ == kNone) pending_ = input_.get();
      if (!is_space(pending_)) return pending_;
      if (pending_ == '\n') ++line_;
      pending_ = kNone;
    }
  }
  void consume() { pending_ = kNone; }
  std::size_t line() const { return line_; }

  struct Value {
    std::string text;
    std::size_t line = 0;
    bool too_big = false;
    bool complete = true;  // false when the input ended inside the value
  };

  // Reads the value that starts at peek().
  void capture(Value& v) {
    v.text.clear();
    v.too_big = false;
    v.complete = true;
    v.line = line_;
    int c = next();
    if (c != '{' && c != '[' && c != '"') {  // a scalar: up to a delimiter (at least one byte)
      do {
        keep(v, c);
        c = next();
      } while (c != kEnd && !is_space(c) && c != ',' && c != ']' && c != '}');
      pending_ = c == '\n' ? kNone : c;  // a '\n' was counted already and is only a blank
      return;
    }
    std::size_t depth = 0;
    bool in_string = false;
    for (; c != kEnd; c = next()) {
      keep(v, c);
      if (in_string) {
        if (c == '\\') {
          const int escaped = next();
          if (escaped == kEnd) break;
          keep(v, escaped);
        } else if (c == '"') {
          in_string = false;
          if (depth == 0) return;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth > 0 && --depth == 0) return;
      }
    }
    v.complete = false;
  }

 private:
  static constexpr int kNone = -2;

  int next() {
    int c;
    if (pending_ != kNone) {
      c = pending_;
      pending_ = kNone;
    } else {
      c = input_.get();
    }
    if (c == '\n') ++line_;
    return c;
  }
  static void keep(Value& v, int c) {
    if (v.too_big) return;
    if (v.text.size() >= kMaxJsonRecordBytes) {
      v.too_big = true;
      v.text.clear();
      v.text.shrink_to_fit();
      return;
    }
    v.text.push_back(static_cast<char>(c));
  }

  InputFile& input_;
  int pending_ = kNone;
  std::size_t line_ = 1;
};

// The array of article objects inside a wrapper object, if there is one.
const json* record_array(const json& wrapper) {
  for (const auto& [key, value] : wrapper.items()) {
    if (value.is_array() && !value.empty() && value.front().is_object()) return &value;
  }
  return nullptr;
}

class Reader {
 public:
  Reader(const ReadContext& ctx, const FieldMapper& mapper) : ctx_(ctx), mapper_(mapper) {}

  // Handles one record; `number` 0 = the file's only value.
  void record(const Scanner::Value& v, std::size_t number) {
    const auto where = [&] { return " (line " + std::to_string(v.line) + ")"; };
    if (!v.complete) {
      ctx_.reject(number, SkipReason::truncated,
                  "the file ends inside this record (truncated?)" + where());
      return;
    }
    if (v.too_big) {
      ctx_.reject(
          number, SkipReason::over_limit,
          "record larger than " + std::to_string(kMaxJsonRecordBytes >> 20) + " MiB" + where());
      return;
    }
    std::string error;
    const auto parsed = parse_json_record(v.text, error);
    if (!parsed) {
      ctx_.reject(number, SkipReason::malformed_record, error + where());
      return;
    }
    if (!parsed->is_object()) {
      ctx_.reject(number, SkipReason::malformed_record, "not a JSON object" + where());
      return;
    }
    Article article = mapper_.map(*parsed);
    if (!identifies_something(article)) {
      if (const json* inner = number == 0 ? record_array(*parsed) : nullptr) {
        std::size_t k = 0;
        for (const json& item : *inner) {
          ++k;
          if (!item.is_object()) {
            ctx_.reject(k, SkipReason::malformed_record, "not a JSON object");
            continue;
          }
          emit(mapper_.map(item), k);
        }
        return;
      }
      ctx_.reject(number, SkipReason::no_article, "record has no id, url, title or body" + where());
      return;
    }
    emit(std::move(article), number);
  }

 private:
  void emit(Article&& article, std::size_t number) {
    if (!identifies_something(article)) {
      ctx_.reject(number, SkipReason::no_article, "record has no id, url, title or body");
      return;
    }
    article.source = number == 0 ? ctx_.path : ctx_.path + ":" + std::to_string(number);
    ctx_.emit(std::move(article));
  }

  const ReadContext& ctx_;
  const FieldMapper& mapper_;
};

std::string shown(int c) {
  if (c >= 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  return "byte " + std::to_string(c);
}

}  // namespace

void read_json(InputFile& input, const ReadContext& ctx, const FieldMapper& mapper) {
  const std::string_view head = input.peek(8192);
  if (looks_binary(head)) {
    ctx.reject(0, SkipReason::binary_data, "binary data, not JSON");
    return;
  }
  if (head.starts_with("\xEF\xBB\xBF")) input.skip(3);

  Scanner scanner(input);
  Reader reader(ctx, mapper);
  Scanner::Value value;
  std::size_t number = 0;
  for (int c = scanner.peek(); c != kEnd; c = scanner.peek()) {
    if (c == '{') {
      scanner.capture(value);
      ++number;
      // A lone object is the file's article; further values make it a sequence.
      const bool alone = number == 1 && value.complete && scanner.peek() == kEnd;
      reader.record(value, alone ? 0 : number);
      if (!value.complete) return;
    } else if (c == '[') {
      scanner.consume();
      for (int e = scanner.peek();; e = scanner.peek()) {
        if (e == kEnd) {
          ctx.reject(number + 1, SkipReason::truncated,
                     "the file ends inside the JSON array (truncated?)");
          return;
        }
        if (e == ']') {
          scanner.consume();
          break;
        }
        if (e == ',') {
          scanner.consume();
          continue;
        }
        scanner.capture(value);
        reader.record(value, ++number);
        if (!value.complete) return;
      }
    } else if (c == ',') {
      scanner.consume();  // objects separated by commas but not bracketed
    } else {
      ctx.reject(number + 1, SkipReason::malformed_record,
                 "not JSON: unexpected " + shown(c) + " at line " + std::to_string(scanner.line()) +
                     "; rest of file skipped");
      return;
    }
  }
}

}  // namespace nsearch
