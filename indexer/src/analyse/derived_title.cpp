#include "analyse/derived_title.hpp"

#include <algorithm>
#include <iterator>

#include "text_util.hpp"

namespace nsearch {
namespace {

using CodePoint = text::Utf8Char;

// The code point at byte `at`; invalid bytes pass through one by one (text_util).
CodePoint decode(std::string_view s, std::size_t at) {
  return text::decode_utf8(s, at);
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

// Punctuation a title does not start with: quotes, brackets, dashes, bullets, ellipses. Symbols
// that carry meaning ("$5", "#1", "@user") are kept.
bool is_punctuation(char32_t c) {
  constexpr std::string_view kAscii = "!\"'()*,-./:;<>?[\\]_`{|}~";
  if (c < 0x80) return kAscii.find(static_cast<char>(c)) != std::string_view::npos;
  return c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 || c == 0xBB || c == 0xBF ||
         (c >= 0x2010 && c <= 0x205E) || (c >= 0x25A0 && c <= 0x25FF) ||
         (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x301F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

// Characters of scripts written without spaces between words (and full-width forms): each
// says about as much as a short word, so it counts three.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_lowercase(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

// Words after which a full stop is usually an abbreviation's, not a sentence's end.
constexpr std::string_view kAbbreviations[] = {
    "mr",  "mrs", "ms",   "dr",  "prof", "st",  "jr",   "sr",  "no",  "nr",  "vs",
    "etc", "ca",  "bzw",  "inc", "ltd",  "co",  "corp", "gen", "gov", "sen", "rep",
    "hr",  "fr",  "mio",  "mrd", "abs",  "jan", "feb",  "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "okt",  "nov", "dec",  "dez", "mt",  "ft",  "col"};

// Whether the full stop after `word` (the text since the last space) ends a sentence: not
// after an abbreviation, an initial ("J. Smith"), an initialism ("U.S.", "z.B.") or a German
// ordinal ("am 1. Juli").
bool ends_sentence_after(std::string_view word) {
  while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '\''))
    word.remove_prefix(1);
  if (word.empty()) return true;
  if (word.find('.') != std::string_view::npos) return false;
  if (word.size() <= 2 &&
      std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (decode(word, 0).size == word.size() && !is_punctuation(decode(word, 0).value)) return false;
  const std::string lower = text::ascii_lowercase(word);
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), lower) ==
         std::end(kAbbreviations);
}

// The end (in bytes) of the sentence that starts `text`: after its final punctuation, or at
// the end of its paragraph.
std::size_t sentence_end(std::string_view text) {
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = decode(text, i);
    const std::size_t next = i + cp.size;
    const char32_t c = cp.value;
    if (c == '\n') return i;
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF0E || c == 0xFF1F) return next;  // 。！．？
    const bool then_space = next == text.size() || is_space(decode(text, next).value);
    if ((c == '!' || c == '?') && then_space) return next;
    if (c == '.' && then_space && ends_sentence_after(text.substr(word_start, i - word_start))) {
      std::size_t after = next;
      while (after < text.size() && is_space(decode(text, after).value) && text[after] != '\n')
        after += decode(text, after).size;
      if (after == text.size() || !is_lowercase(decode(text, after).value)) return next;
    }
    if (is_space(c)) word_start = next;
    i = next;
  }
  return text.size();
}

struct Measure {
  std::size_t words = 0;
  std::size_t width = 0;
  std::size_t word_cut = 0;        // end of the last whole word within the limits
  std::size_t word_cut_width = 0;  // its width
  std::size_t char_cut = 0;        // end of the last character within the width
  bool fits = true;                // the whole text is within the limits
};

// Walks `sentence` (single spaces between words) up to the limits.
Measure measure(std::string_view sentence) {
  Measure m;
  bool in_word = false;
  for (std::size_t i = 0; i < sentence.size();) {
    const CodePoint cp = decode(sentence, i);
    if (cp.value == ' ') {
      if (in_word) {
        m.word_cut = i;
        m.word_cut_width = m.width;
      }
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      if (++m.words > kDerivedTitleWords) {
        m.fits = false;
        return m;
      }
    }
    m.width += is_wide(cp.value) ? 3 : 1;
    if (m.width > kDerivedTitleWidth) {
      m.fits = false;
      return m;
    }
    i += cp.size;
    m.char_cut = i;
  }
  return m;
}

// Drops what would dangle at the end: spaces, and a comma, colon or dash left by a cut or
// before a paragraph's end ("Wien –"). Quotes and brackets that close stay.
std::string_view trim_end(std::string_view s) {
  while (!s.empty()) {
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
      --start;
    const char32_t c = decode(s, start).value;
    const bool dangling = is_space(c) || c == ',' || c == ';' || c == ':' || c == '-' || c == '(' ||
                          c == '[' || c == '/' || (c >= 0x2012 && c <= 0x2015) || c == 0x3001 ||
                          c == 0xFF0C;  // 、，
    if (!dangling) break;
    s.remove_suffix(s.size() - start);
  }
  return s;
}

}  // namespace

std::string derive_title(std::string_view body) {
  std::size_t start = 0;
  while (start < body.size()) {
    const CodePoint cp = decode(body, start);
    if (!is_space(cp.value) && !is_punctuation(cp.value)) break;
    start += cp.size;
  }
  const std::string_view rest = body.substr(start);
  const std::string sentence = text::collapse_whitespace(rest.substr(0, sentence_end(rest)));
  const Measure m = measure(sentence);
  if (m.fits) {
    std::string_view title = trim_end(sentence);
    if (title.ends_with('.') && !title.ends_with("..")) {
      title.remove_suffix(1);
    } else if (title.ends_with("。")) {
      title.remove_suffix(std::string_view("。").size());
    }
    return std::string(title);
  }
  // On a word boundary, unless that would leave much less than the room there is (one
  // very long word, or a script written without spaces).
  const std::size_t cut = m.word_cut_width * 3 >= kDerivedTitleWidth * 2 ||
                                  (m.words > kDerivedTitleWords && m.word_cut > 0)
                              ? m.word_cut
                              : m.char_cut;
  const std::string_view kept = trim_end(std::string_view(sentence).substr(0, cut));
  if (kept.empty()) return {};
  return std::string(kept) + "…";
}

}  // namespace nsearch
