// Cutting the page into text blocks: see html_blocks.hpp.
#include "clean/html/html_blocks.hpp"

#include <algorithm>
#include <cctype>

#include "clean/html/html_dom.hpp"
#include "clean/notice_words.hpp"
#include "function_words.hpp"
#include "text_util.hpp"

namespace nsearch::html {

bool Block::ends_sentence() const {
  std::string_view t = text;
  while (!t.empty() &&
         (t.back() == '"' || t.back() == '\'' || t.back() == ')' || t.back() == ' ')) {
    t.remove_suffix(1);
  }
  if (t.ends_with("\xE2\x80\x9D") || t.ends_with("\xE2\x80\x99")) t.remove_suffix(3);  // ” ’
  if (t.ends_with("\xE3\x80\x8D") || t.ends_with("\xE3\x80\x8F")) t.remove_suffix(3);  // 」 』
  // … and the full-width stops of Chinese and Japanese: 。！？
  return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == ':' ||
                        t.ends_with("\xE2\x80\xA6") || t.ends_with("\xE3\x80\x82") ||
                        t.ends_with("\xEF\xBC\x81") || t.ends_with("\xEF\xBC\x9F"));
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool emphasises(const GumboNode* e) {
  switch (tag_of(e)) {
    case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_BIG:
      return true;
    case GUMBO_TAG_FONT: {
      const std::string_view size = attribute(e, "size");
      return size.starts_with("+") || size == "4" || size == "5" || size == "6" || size == "7";
    }
    default:
      return false;
  }
}

int heading_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

/// Word counts and punctuation of a finished block. Chinese and Japanese are written without
/// spaces: their characters are counted instead, two to a word (about the length of a word
/// there), so that length thresholds mean the same amount of text in every script.
void count_words(Block& b) {
  bool in_word = false;
  bool word_has_alnum = false;
  std::size_t cjk = 0;
  const std::string& t = b.text;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    const char c = i < t.size() ? t[i] : ' ';
    if (is_space(c)) {
      if (in_word && word_has_alnum) ++b.words;
      in_word = word_has_alnum = false;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0xE3 && u <= 0xEF) {  // lead bytes of U+3000..U+FFFF
      const char32_t cp = text::decode_utf8_at(t, i);
      if (text::is_cjk_ideograph_or_kana(cp)) {
        if (in_word && word_has_alnum) ++b.words;
        in_word = word_has_alnum = false;
        ++cjk;
        b.cjk_function_chars += languages::is_cjk_function_char(cp) ? 1 : 0;
        i += 2;
        continue;
      }
      if (cp == U'\u3002' || cp == U'\uFF01' || cp == U'\uFF1F') ++b.sentence_ends;  // 。！？
    }
    in_word = true;
    if (std::isalnum(u) || u >= 0x80) word_has_alnum = true;
    const bool word_end = i + 1 >= t.size() || is_space(t[i + 1]) || t[i + 1] == '"';
    if ((c == '.' || c == '!' || c == '?') && word_end) ++b.sentence_ends;
  }
  b.words += (cjk + 1) / 2;
  b.cjk_chars = cjk;
}

bool is_caption(GumboTag tag) {
  return tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_FIGURE;
}

/// Collects blocks during the walk: text accumulates until a block boundary flushes it.
class BlockSplitter {
 public:
  bool enter(const GumboNode* n) {
    if (!is_element(n)) {
      add_text(node_text(n));
      return false;
    }
    if (is_invisible(n)) return false;
    const GumboTag tag = tag_of(n);
    if (breaks_text(tag)) {
      flush();
      if (tag != GUMBO_TAG_BR) owners_.push_back(n);
    }
    if (const int level = heading_level(tag); level > 0) headings_.push_back(level);
    track(n, +1);
    return true;
  }

  void leave(const GumboNode* n) {
    if (!is_element(n) || is_invisible(n)) return;
    const GumboTag tag = tag_of(n);
    if (breaks_text(tag) && tag != GUMBO_TAG_BR) {
      flush();
      if (!owners_.empty() && owners_.back() == n) owners_.pop_back();
    }
    if (heading_level(tag) > 0 && !headings_.empty()) headings_.pop_back();
    track(n, -1);
  }

  std::vector<Block> take() {
    flush();
    return std::move(blocks_);
  }

 private:
  /// Counts how many links, emphasis and caption elements the walk is inside.
  void track(const GumboNode* n, int step) {
    const GumboTag tag = tag_of(n);
    if (tag == GUMBO_TAG_A && has_attribute(n, "href")) links_ += step;
    if (emphasises(n)) emphasis_ += step;
    if (is_caption(tag)) captions_ += step;
  }

  void add_text(std::string_view s) {
    std::size_t visible = 0;
    for (const char c : s) {
      if (!is_space(c) && c != '\0') ++visible;
    }
    if (visible > 0 && current_.chars == 0) {
      // The block's context is where its first visible text is.
      current_.owner = owners_.empty() ? nullptr : owners_.back();
      current_.heading = headings_.empty() ? 0 : headings_.back();
      current_.in_caption = captions_ > 0;
    }
    current_.chars += visible;
    if (links_ > 0) current_.link_chars += visible;
    if (emphasis_ > 0) current_.emphasised_chars += visible;
    current_.text.append(s);
  }

  void flush() {
    if (current_.chars > 0) {
      current_.text = text::collapse_whitespace(text::remove_invisible_marks(current_.text));
      count_words(current_);
      blocks_.push_back(std::move(current_));
    }
    current_ = Block{};
  }

  std::vector<Block> blocks_;
  Block current_;
  std::vector<const GumboNode*> owners_;
  std::vector<int> headings_;
  int links_ = 0, emphasis_ = 0, captions_ = 0;
};

/// Lower-cased words of `text` with surrounding punctuation removed.
template <class Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i]))
      ++i;
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]))
      ++end;
    std::string_view w = text.substr(i, end - i);
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.front())))
      w.remove_prefix(1);
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back())))
      w.remove_suffix(1);
    if (!w.empty()) fn(w);
    i = end;
  }
}

}  // namespace

std::vector<Block> split_blocks(const GumboNode* root) {
  BlockSplitter splitter;
  walk(
      root, [&](const GumboNode* n) { return splitter.enter(n); },
      [&](const GumboNode* n) { splitter.leave(n); });
  return splitter.take();
}

std::string guess_language(std::span<const Block> blocks) {
  // Chinese and Japanese text has no function words between spaces; its own cue is counted
  // per character in count_words.
  std::size_t cjk = 0, words = 0;
  for (const Block& b : blocks) {
    cjk += b.cjk_chars;
    words += b.words;
  }
  if (2 * cjk > words) return "zh";
  const auto& index = languages::FunctionWordIndex::get();
  const auto codes = languages::function_word_languages();
  std::vector<std::size_t> hits(codes.size(), 0);
  for (const Block& b : blocks) {
    if (b.words < 8) continue;  // prose, not menus
    const std::string lower = text::lowercase(b.text);
    for_each_word(lower, [&](std::string_view w) {
      const auto set = index.languages_of(w);
      for (std::size_t k = 0; k < codes.size(); ++k)
        hits[k] += (set >> k) & 1u;
    });
  }
  const auto best = std::max_element(hits.begin(), hits.end());
  return *best == 0 ? "en" : std::string(codes[static_cast<std::size_t>(best - hits.begin())]);
}

void count_stop_words(std::vector<Block>& blocks, std::string_view lang) {
  const auto& index = languages::FunctionWordIndex::get();
  const auto codes = languages::function_word_languages();
  const auto at = std::find(codes.begin(), codes.end(), lang);
  const languages::FunctionWordIndex::LanguageSet language =
      at == codes.end() ? 0 : languages::FunctionWordIndex::LanguageSet{1} << (at - codes.begin());
  for (Block& b : blocks) {
    b.stop_words = 0;
    NoticeWordCounter notices;
    const std::string lower = text::lowercase(b.text);
    for_each_word(lower, [&](std::string_view w) {
      if (language != 0) b.stop_words += (index.languages_of(w) & language) != 0 ? 1 : 0;
      notices.add(w);
    });
    b.notice_words = notices.count();
    // Particles count like function words, at two characters to a word (see count_words).
    b.stop_words += b.cjk_function_chars;
  }
}

}  // namespace nsearch::html
