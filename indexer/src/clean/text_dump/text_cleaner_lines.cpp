#include "clean/text_dump/text_cleaner_lines.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "clean/notice_words.hpp"
#include "clean/text_dump/text_cleaner_phrases.hpp"
#include "function_words.hpp"
#include "text_util.hpp"

namespace nsearch::text_dump {
namespace {

bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alnum(char c) {
  return is_ascii_lower(c) || is_ascii_upper(c) || is_ascii_digit(c);
}
unsigned char byte_at(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// Length of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes, so that
// scanning always advances).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Width of a character at `i` that belongs inside a word (0 if it does not): ASCII letters and
// digits and non-ASCII letters. Latin-1 punctuation (U+00A0-U+00BF), the General Punctuation
// block and other U+2xxx symbols separate words.
std::size_t word_char_width(std::string_view s, std::size_t i) {
  const unsigned char c = byte_at(s, i);
  if (c < 0x80) return is_ascii_alnum(static_cast<char>(c)) ? 1 : 0;
  const std::size_t len = std::min(utf8_length(c), s.size() - i);
  if (c == 0xC2 && byte_at(s, i + 1) >= 0xA0) return 0;  // nbsp, ©, «, », ·, ...
  if (c == 0xC3 && (byte_at(s, i + 1) == 0x97 || byte_at(s, i + 1) == 0xB7)) return 0;  // × ÷
  if (c == 0xE2 || (c == 0xE3 && byte_at(s, i + 1) == 0x80)) return 0;  // punctuation, symbols
  if (c == 0xEF && byte_at(s, i + 1) == 0xBB) return 0;                 // BOM / ZWNBSP
  return len;
}

// An apostrophe (' or ’) joining two word characters, as in "don't": its width, else 0.
std::size_t inner_apostrophe_width(std::string_view s, std::size_t i) {
  std::size_t w = 0;
  if (s[i] == '\'')
    w = 1;
  else if (s.substr(i, 3) == "\xE2\x80\x99")
    w = 3;
  if (w == 0 || i == 0 || word_char_width(s, i - 1) == 0) return 0;
  return word_char_width(s, i + w) > 0 ? w : 0;
}

// Kana and CJK ideographs (U+3040-U+9FFF): scripts written without spaces, where each
// character counts as a word so that line lengths stay comparable.
bool is_ideograph(std::string_view s, std::size_t i) {
  const unsigned char c = byte_at(s, i);
  return c >= 0xE3 && c <= 0xE9 && !(c == 0xE3 && byte_at(s, i + 1) == 0x80);
}

template <typename Visit>
void for_each_word(std::string_view s, Visit&& visit) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t w = word_char_width(s, i);
    if (w == 0) {
      i += std::max<std::size_t>(1, byte_at(s, i) >= 0x80 ? utf8_length(byte_at(s, i)) : 1);
      continue;
    }
    const std::size_t start = i;
    if (is_ideograph(s, i)) {
      i += w;
      if (!visit(s.substr(start, i - start))) return;
      continue;
    }
    while (i < s.size() && !is_ideograph(s, i)) {
      if ((w = word_char_width(s, i)) > 0 || (w = inner_apostrophe_width(s, i)) > 0) {
        i += w;
      } else {
        break;
      }
    }
    if (!visit(s.substr(start, i - start))) return;
  }
}

using languages::FunctionWordIndex;

// ---------------------------------------------------------------- raw line cleaning

bool is_space_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Removes a leading list bullet; returns true if there was one. lynx writes "* ", "+ ", "o "
// (nested levels) and "#"; innerText-style dumps write "- "; some sites use "•" or "·".
bool strip_bullet(std::string_view& s, bool indented) {
  for (const std::string_view bullet : {"* ", "+ ", "- ", "\xE2\x80\xA2 ", "\xC2\xB7 "}) {
    if (s.starts_with(bullet)) {
      s.remove_prefix(bullet.size());
      return true;
    }
  }
  if (indented && (s.starts_with("o ") || s.starts_with("# "))) {
    s.remove_prefix(2);
    return true;
  }
  if (s == "*" || s == "+" || s == "-" || s == "\xE2\x80\xA2" || (indented && s == "o")) {
    s = {};
    return true;
  }
  return false;
}

struct CleanedText {
  std::string text;
  bool form = false;        // had form placeholders ("____", "(*)", "[ ]")
  bool image_hint = false;  // an image placeholder names a comments/feedback image
};

// "[photo.jpg]", "[EMBED]", "[-]": lynx's stand-ins for images and widgets have no spaces.
// Finds them with one forward scan per line: `next_stop` caches where the next ']' or ' ' after
// the current position is, so that "[[[[..." stays linear.
class PlaceholderFinder {
 public:
  explicit PlaceholderFinder(std::string_view s) : s_(s) {}

  /// Length of the placeholder starting at `i` (where s[i] == '['), 0 if none.
  std::size_t length_at(std::size_t i) {
    constexpr std::size_t kMaxPlaceholder = 256;
    if (next_stop_ <= i) next_stop_ = std::min(s_.find_first_of("] ", i + 1), s_.size());
    if (next_stop_ == s_.size() || s_[next_stop_] != ']' || next_stop_ - i > kMaxPlaceholder)
      return 0;
    return next_stop_ - i + 1;
  }

 private:
  std::string_view s_;
  std::size_t next_stop_ = 0;
};

// Removes image placeholders, form fields and control characters, and collapses whitespace.
CleanedText clean_line(std::string_view s) {
  CleanedText out;
  out.text.reserve(s.size());
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space && !out.text.empty()) out.text.push_back(' ');
    pending_space = false;
    out.text.push_back(c);
  };
  PlaceholderFinder placeholders(s);
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = byte_at(s, i);
    if (c < 0x20 || c == 0x7F || is_space_byte(c)) {
      pending_space = true;
      ++i;
    } else if (c == 0xC2 && byte_at(s, i + 1) == 0xA0) {  // no-break space
      pending_space = true;
      i += 2;
    } else if (std::size_t len = c == '[' ? placeholders.length_at(i) : 0; len > 0) {
      const std::string name = text::ascii_lowercase(s.substr(i, len));
      if (name.find("comment") != std::string::npos || name.find("feedback") != std::string::npos)
        out.image_hint = true;
      if (name == "[x]" || name == "[ ]") out.form = true;
      pending_space = true;
      i += len;
    } else if (c == '_' && s.substr(i, 3) == "___") {
      while (i < s.size() && s[i] == '_')
        ++i;
      out.form = true;
      pending_space = true;
    } else if (c == '(' && (s.substr(i, 3) == "(*)" || s.substr(i, 3) == "( )")) {
      out.form = true;
      pending_space = true;
      i += 3;
    } else {
      put(static_cast<char>(c));
      ++i;
    }
  }
  return out;
}

// ---------------------------------------------------------------- features

// Closing quotes and brackets that may follow a sentence's final punctuation.
std::string_view strip_closers(std::string_view s) {
  for (;;) {
    if (s.empty()) return s;
    const char last = s.back();
    if (last == '"' || last == '\'' || last == ')' || last == ']' || last == ' ' || last == '*') {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) {  // ” ’
      s.remove_suffix(3);
    } else if (s.ends_with("\xC2\xBB")) {  // »
      s.remove_suffix(2);
    } else {
      return s;
    }
  }
}

void measure_ending(DumpLine& line) {
  const std::string_view core = strip_closers(line.text);
  if (core.ends_with("...") || core.ends_with("\xE2\x80\xA6") || core.ends_with(". . .")) {
    line.ends_ellipsis = true;
    return;
  }
  if (!core.empty()) {
    const char last = core.back();
    line.ends_sentence = last == '.' || last == '!' || last == '?' ||
                         core.ends_with("\xE3\x80\x82") ||  // 。
                         core.ends_with("\xEF\xBC\x81") ||  // ！
                         core.ends_with("\xEF\xBC\x9F") ||  // ？
                         core.ends_with("\xE0\xA5\xA4");    // । (danda)
  }
}

std::size_t count_separators(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '|')
      ++n;
    else if (s.substr(i, 2) == "\xC2\xBB" || s.substr(i, 2) == "\xC2\xAB" ||
             s.substr(i, 2) == "\xC2\xB7")
      ++n;  // » « ·
    else if (s.substr(i, 3) == "\xE2\x80\xA2" || s.substr(i, 3) == "\xE2\x80\xBA")
      ++n;  // • ›
    else if (s.substr(i, 3) == " > ")
      ++n;
  }
  return n;
}

// Joins where inline link texts were glued together: "InsecurityDrama" (two lower-case letters
// then an upper-case one), "2008Hornets", "Discrepancies2027". One join can be a brand name
// ("YouTube"); several in a line are a glued list of links.
std::size_t count_glued_joins(std::string_view s) {
  std::size_t joins = 0;
  for (std::size_t i = 2; i < s.size(); ++i) {
    const char a = s[i - 2], b = s[i - 1], c = s[i];
    if (is_ascii_upper(c) &&
        ((is_ascii_lower(a) && is_ascii_lower(b)) || (is_ascii_digit(a) && is_ascii_digit(b)))) {
      ++joins;
    } else if (is_ascii_digit(c) && is_ascii_lower(a) && is_ascii_lower(b) && i + 3 < s.size() &&
               is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3])) {
      ++joins;  // "Discrepancies2027": a word glued to a year
    }
  }
  return joins;
}

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = byte_at(word, 0);
  if (c < 0x80) return is_ascii_upper(static_cast<char>(c));
  return c == 0xC3 && byte_at(word, 1) >= 0x80 && byte_at(word, 1) <= 0x9E;  // À-Þ
}

// A word lower-cased (ASCII) with a typographic apostrophe made plain: "Don’t" -> "don't".
std::string lower_word(std::string_view word) {
  constexpr std::string_view kTypographic = "\xE2\x80\x99";
  std::string lower;
  lower.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word.substr(i, kTypographic.size()) == kTypographic) {
      lower.push_back('\'');
      i += kTypographic.size() - 1;
    } else {
      lower.push_back(is_ascii_upper(word[i]) ? static_cast<char>(word[i] - 'A' + 'a') : word[i]);
    }
  }
  return lower;
}

bool starts_letter(std::string_view word) {
  return !word.empty() && !is_ascii_digit(word[0]);
}

/// The language of the page, as the bit of its function-word list in FunctionWordIndex: the
/// list with the most hits over the whole dump. 0 when no list matches (and for Chinese and
/// Japanese, whose particles are counted per character instead).
FunctionWordIndex::LanguageSet page_language(std::string_view dump) {
  const auto& index = FunctionWordIndex::get();
  const std::size_t n = languages::function_word_languages().size();
  // A few thousand words tell the language as well as the whole dump does.
  constexpr std::size_t kSampleWords = 4000;
  std::vector<std::size_t> hits(n, 0);
  std::size_t words = 0;
  for_each_word(dump, [&](std::string_view word) {
    if (word.size() <= index.longest_word()) {
      const auto set = index.languages_of(lower_word(word));
      for (std::size_t k = 0; set != 0 && k < n; ++k)
        hits[k] += (set >> k) & 1u;
    }
    return ++words < kSampleWords;
  });
  const auto best = std::max_element(hits.begin(), hits.end());
  if (best == hits.end() || *best == 0) return 0;
  return FunctionWordIndex::LanguageSet{1} << (best - hits.begin());
}

void measure_words(DumpLine& line, FunctionWordIndex::LanguageSet language) {
  const auto& index = FunctionWordIndex::get();
  NoticeWordCounter notices;
  for_each_word(line.text, [&](std::string_view word) {
    ++line.words;
    notices.add(word);
    if (starts_letter(word)) {
      ++line.alpha_words;
      if (starts_upper(word)) ++line.capitalised;
    }
    if (is_ideograph(word, 0)) {
      // Chinese and Japanese: a particle or function character is this script's function word.
      if (languages::is_cjk_function_char(text::decode_utf8_at(word, 0))) ++line.stop_words;
    } else if (word.size() <= index.longest_word() + 2) {  // a typographic apostrophe: 3 bytes
      if ((index.languages_of(lower_word(word)) & language) != 0) ++line.stop_words;
    }
    return true;
  });
  line.notice_words = notices.count();
}

// A physical line of the dump.
struct RawLine {
  std::string_view text;
  std::size_t indent = 0;  // leading whitespace, in bytes
  bool blank = false;
  bool bullet = false;  // starts with a list bullet
  std::string_view trimmed() const { return text.substr(std::min(indent, text.size())); }
  std::size_t length() const { return text.size() - std::min(indent, text.size()); }
};

// A line of nothing but whitespace (and NUL bytes).
bool is_blank(std::string_view raw) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = byte_at(raw, i);
    if (c == 0xC2 && byte_at(raw, i + 1) == 0xA0) {
      ++i;
    } else if (!is_space_byte(c) && c != 0) {
      return false;
    }
  }
  return true;
}

std::vector<RawLine> split_raw_lines(std::string_view dump) {
  std::vector<RawLine> raw;
  while (!dump.empty()) {
    const std::size_t nl = dump.find('\n');
    RawLine line;
    line.text = dump.substr(0, nl);
    dump.remove_prefix(nl == std::string_view::npos ? dump.size() : nl + 1);
    line.blank = is_blank(line.text);
    while (line.indent < line.text.size() && is_space_byte(byte_at(line.text, line.indent)))
      ++line.indent;
    std::string_view rest = line.trimmed();
    line.bullet = strip_bullet(rest, line.indent > 0);
    raw.push_back(line);
  }
  return raw;
}

// Hard-wrapped prose (press releases in <pre>, mail-style text) breaks paragraphs into lines
// of nearly the same length that mostly continue in lower case. Returns the wrap width of the
// block [begin, end), or 0 when it is not wrapped prose.
std::size_t wrap_width(const std::vector<RawLine>& raw, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMinWidth = 40;   // narrower "wrapping" is a list of short items
  constexpr std::size_t kMaxWidth = 120;  // wider lines are paragraphs in their own right
  if (end - begin < 2) return 0;
  std::size_t width = 0;
  for (std::size_t i = begin; i < end; ++i)
    width = std::max(width, raw[i].length());
  if (width < kMinWidth || width > kMaxWidth) return 0;
  std::size_t full = 0;
  std::size_t lower_continuations = 0;
  for (std::size_t i = begin; i + 1 < end; ++i) {
    if (raw[i].length() * 4 < width * 3) continue;
    ++full;
    const std::string_view next = raw[i + 1].trimmed();
    lower_continuations += !next.empty() && is_ascii_lower(next[0]);
  }
  const bool mostly_full = full >= 1 && full * 2 >= end - begin - 1;
  return mostly_full && lower_continuations * 10 >= full * 3 ? width : 0;
}

// Whether `next` continues the paragraph of `line` in a wrapped block: `line` reaches the wrap
// width and `next` is not indented deeper (a new paragraph) nor a list item.
bool continues_paragraph(const RawLine& line, const RawLine& next, std::size_t width) {
  return line.length() * 10 >= width * 7 && next.indent <= line.indent && !next.bullet &&
         !next.blank;
}

DumpLine analyse_line(std::string_view raw, FunctionWordIndex::LanguageSet language) {
  DumpLine line;
  std::size_t lead = 0;
  while (lead < raw.size() && (is_space_byte(byte_at(raw, lead)) ||
                               (byte_at(raw, lead) == 0xC2 && byte_at(raw, lead + 1) == 0xA0))) {
    lead += byte_at(raw, lead) == 0xC2 ? 2 : 1;
  }
  std::string_view rest = raw.substr(lead);
  line.bullet = strip_bullet(rest, lead > 0);
  CleanedText cleaned = clean_line(rest);
  // A comments image ("[hed-comments.gif]") heads a comment section only when it stands alone;
  // next to text it is a button.
  line.image_hint = cleaned.image_hint && cleaned.text.empty();
  line.text = std::move(cleaned.text);
  measure_words(line, language);
  measure_ending(line);
  line.glued_joins = count_glued_joins(line.text);
  line.separators = count_separators(line.text);
  line.has_url = line.text.find("http://") != std::string::npos ||
                 line.text.find("https://") != std::string::npos ||
                 line.text.find("www.") != std::string::npos;
  line.cue = classify_wording(line, cleaned.form);
  return line;
}

}  // namespace

std::vector<std::string> word_tokens(std::string_view s, std::size_t limit) {
  std::vector<std::string> words;
  if (limit == 0) return words;
  for_each_word(s, [&](std::string_view word) {
    words.push_back(lower_word(word));
    return words.size() < limit;
  });
  return words;
}

bool is_stop_word(std::string_view word) {
  return FunctionWordIndex::get().languages_of(word) != 0;
}

std::vector<DumpLine> analyse_lines(std::string_view dump) {
  const std::vector<RawLine> raw = split_raw_lines(dump);
  const FunctionWordIndex::LanguageSet language = page_language(dump);
  std::vector<DumpLine> lines;
  std::size_t block_begin = 0;
  while (block_begin < raw.size()) {
    if (raw[block_begin].blank) {
      ++block_begin;
      continue;
    }
    std::size_t block_end = block_begin;
    while (block_end < raw.size() && !raw[block_end].blank)
      ++block_end;
    const std::size_t width = wrap_width(raw, block_begin, block_end);
    for (std::size_t i = block_begin; i < block_end;) {
      std::string joined(raw[i].text);
      std::size_t j = i;
      while (width > 0 && j + 1 < block_end && continues_paragraph(raw[j], raw[j + 1], width)) {
        joined.push_back(' ');
        joined.append(raw[++j].trimmed());
      }
      DumpLine line = analyse_line(joined, language);
      // An empty bullet or a lone image placeholder says nothing, unless it marks comments.
      if (!line.text.empty() || line.cue == Cue::kCommentsStart) lines.push_back(std::move(line));
      i = j + 1;
    }
    block_begin = block_end;
  }
  return lines;
}

}  // namespace nsearch::text_dump
