#include "stored_data.hpp"

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "nsearch/schema.hpp"
#include "text_util.hpp"

namespace nsearch {

namespace field = schema::field;

namespace {

// Stored data as serialise_article writes it, read without building a JSON document: one flat
// object whose values are strings or null, escapes only as JSON has them. Searches read the
// stored data of every hit, and nlohmann's DOM parse of an article (mostly its body) cost
// more than the rest of reading it. Anything else — numbers, nesting, \u escapes of UTF-16
// surrogates, malformed text — returns nullopt and is left to nlohmann, so the result is the
// same either way.
class FlatObjectReader {
 public:
  explicit FlatObjectReader(std::string_view text) : s_(text) {}

  std::optional<Article> read() {
    if (text::find_invalid_utf8(s_)) return std::nullopt;  // nlohmann rejects it too
    Article a;
    skip_space();
    if (!take('{')) return std::nullopt;
    skip_space();
    if (take('}')) return end() ? std::optional<Article>(a) : std::nullopt;
    std::string key;
    do {
      skip_space();
      key.clear();
      if (!take('"') || !read_string(key)) return std::nullopt;
      skip_space();
      if (!take(':')) return std::nullopt;
      skip_space();
      if (key == field::kTitleDerived) {
        if (!read_flag(a.title_derived)) return std::nullopt;
        skip_space();
        continue;
      }
      std::string* target = field_of(a, key);
      std::string ignored;
      std::string& value = target != nullptr ? *target : ignored;
      // The last of repeated keys wins, as in nlohmann's object.
      value.clear();
      if (take('"')) {
        if (!read_string(value)) return std::nullopt;
      } else if (!take_word("null")) {
        return std::nullopt;
      }
      skip_space();
    } while (take(','));
    if (!take('}') || !end()) return std::nullopt;
    return a;
  }

 private:
  static std::string* field_of(Article& a, std::string_view key) {
    if (key == field::kId) return &a.id;
    if (key == field::kTitle) return &a.title;
    if (key == field::kOutlet) return &a.outlet;
    if (key == field::kDate) return &a.date;
    if (key == field::kAuthor) return &a.author;
    if (key == field::kUrl) return &a.url;
    if (key == field::kLang) return &a.lang;
    if (key == field::kCategory) return &a.category;
    if (key == field::kKind) return &a.kind;
    if (key == field::kSource) return &a.source;
    if (key == field::kBody) return &a.body;
    return nullptr;
  }

  // true, false or null (false).
  bool read_flag(bool& flag) {
    if (take_word("true")) {
      flag = true;
    } else if (take_word("false") || take_word("null")) {
      flag = false;
    } else {
      return false;
    }
    return true;
  }

  bool end() {
    skip_space();
    return i_ == s_.size();
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool take(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool take_word(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  // After the opening quote: appends the decoded string to `out`, up to the closing quote.
  bool read_string(std::string& out) {
    for (;;) {
      const std::size_t start = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' &&
             static_cast<unsigned char>(s_[i_]) >= 0x20)
        ++i_;
      out.append(s_.data() + start, i_ - start);
      if (i_ == s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) return false;
      if (s_[i_++] == '"') return true;
      if (i_ == s_.size()) return false;
      switch (s_[i_++]) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          if (!read_code_point(out)) return false;
          break;
        default:
          return false;
      }
    }
  }

  // The four hex digits of a \u escape, appended as UTF-8 (surrogates: not handled here).
  bool read_code_point(std::string& out) {
    if (s_.size() - i_ < 4) return false;
    unsigned cp = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      cp <<= 4;
      if (c >= '0' && c <= '9') {
        cp |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        cp |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        cp |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::string serialise_article(const Article& a) {
  nlohmann::ordered_json j;
  auto put = [&j](const char* key, const std::string& value) {
    if (value.empty()) {
      j[key] = nullptr;
    } else {
      j[key] = value;
    }
  };
  put(field::kId, a.id);
  put(field::kTitle, a.title);
  // Written only when true (few articles have it); absent means false.
  if (a.title_derived) j[field::kTitleDerived] = true;
  put(field::kOutlet, a.outlet);
  put(field::kDate, a.date);
  put(field::kAuthor, a.author);
  put(field::kUrl, a.url);
  put(field::kLang, a.lang);
  put(field::kCategory, a.category);
  j[field::kKind] = std::string(schema::canonical_kind(a.kind).value_or(schema::kArticleKind));
  put(field::kSource, a.source);
  put(field::kBody, a.body);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// Databases indexed before kinds existed hold articles only.
Article with_kind(Article a) {
  a.kind = schema::canonical_kind(a.kind).value_or(schema::kArticleKind);
  return a;
}

Article deserialise_slowly(const std::string& data) {
  Article a;
  const auto j = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return a;
  auto get = [&j](const char* key) -> std::string {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  a.id = get(field::kId);
  a.title = get(field::kTitle);
  a.outlet = get(field::kOutlet);
  a.date = get(field::kDate);
  a.author = get(field::kAuthor);
  a.url = get(field::kUrl);
  a.lang = get(field::kLang);
  a.category = get(field::kCategory);
  a.source = get(field::kSource);
  a.body = get(field::kBody);
  a.kind = get(field::kKind);
  const auto derived = j.find(field::kTitleDerived);
  a.title_derived = derived != j.end() && derived->is_boolean() && derived->get<bool>();
  return a;
}

}  // namespace

Article deserialise_article(const std::string& data) {
  if (auto fast = FlatObjectReader(data).read()) return with_kind(std::move(*fast));
  return with_kind(deserialise_slowly(data));
}

}  // namespace nsearch
