#include "results/passage.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <xapian.h>

#include "text_util.hpp"

namespace nsearch::passage {
namespace {

// What is read of a body: the best passage of a news article is rarely past 64 KiB.
constexpr std::size_t kMaxScanBytes = 64 * 1024;
// Xapian's snippets and its term generator's default: longer words are not terms.
constexpr std::size_t kMaxTermBytes = 64;
// Leading and trailing punctuation kept beside the first and last word ("“I", "ago.”").
constexpr std::size_t kMaxEdgePunctuation = 4;
constexpr std::string_view kEllipsis = "…";

struct Char {
  char32_t value;
  std::size_t size;
};

// ASCII without a call; the rest through the common decoder (invalid bytes: U+FFFD of one byte,
// not a word character, so they separate words).
inline Char char_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  const text::Utf8Char u = text::decode_utf8(s, i);
  return {u.value, u.size};
}

inline bool is_ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

inline bool is_word(char32_t c) {
  return c < 0x80 ? is_ascii_word(static_cast<unsigned char>(c)) : Xapian::Unicode::is_wordchar(c);
}

inline char32_t lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  return Xapian::Unicode::tolower(c);
}

inline bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

inline bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// Xapian's CJK::codepoint_is_cjk (internal to Xapian): these characters are words one by one.
inline bool is_cjk(char32_t p) {
  return p >= 0x2E80 &&
         ((p <= 0x2EFF) || (p >= 0x3000 && p <= 0x9FFF) || (p >= 0xA700 && p <= 0xA71F) ||
          (p >= 0xAC00 && p <= 0xD7AF) || (p >= 0xF900 && p <= 0xFAFF) ||
          (p >= 0xFE30 && p <= 0xFE4F) || (p >= 0xFF00 && p <= 0xFFEF) ||
          (p >= 0x20000 && p <= 0x2A6DF) || (p >= 0x2F800 && p <= 0x2FA1F));
}

// Characters inside a word as Xapian's term generator keeps them (AT&T, don't, 3.5, 1,000).
constexpr char32_t kIgnore = 0xFFFFFFFF;

char32_t infix(char32_t c) {
  if (c == '\'' || c == '&' || c == 0xb7 || c == 0x5f4 || c == 0x2027) return c;
  if (c == 0x2019 || c == 0x201b) return '\'';
  if (c >= 0x200b && (c <= 0x200d || c == 0x2060 || c == 0xfeff)) return kIgnore;
  return 0;
}

char32_t infix_digit(char32_t c) {
  switch (c) {
    case ',':
    case '.':
    case ';':
    case 0x037e:
    case 0x0589:
    case 0x060D:
    case 0x07F8:
    case 0x2044:
    case 0xFE10:
    case 0xFE13:
    case 0xFE14:
      return c;
    default:
      break;
  }
  if (c >= 0x200b && (c <= 0x200d || c == 0x2060 || c == 0xfeff)) return kIgnore;
  return 0;
}

inline void append(std::string& term, char32_t c) {
  if (c < 0x80) {
    term.push_back(static_cast<char>(c));
  } else {
    Xapian::Unicode::append_utf8(term, c);
  }
}

inline bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

inline bool ends_sentence(char32_t c) {
  return c == '.' || c == '!' || c == '?';
}

// Punctuation that belongs to the word after it, and to the word before it.
bool opens(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '#':
    case '$':
    case '@':
    case '-':
    case 0x00A1:  // ¡
    case 0x00A3:  // £
    case 0x00AB:  // «
    case 0x00BF:  // ¿
    case 0x2018:  // ‘
    case 0x201C:  // “
    case 0x20AC:  // €
      return true;
    default:
      return false;
  }
}

bool closes(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '%':
    case 0x00BB:  // »
    case 0x2019:  // ’
    case 0x201D:  // ”
      return true;
    default:
      return false;
  }
}

// Start of the UTF-8 character holding byte `i` (for cuts inside one huge word).
std::size_t char_start(std::string_view s, std::size_t i) {
  if (i >= s.size()) return s.size();
  std::size_t back = 0;
  while (i > 0 && back < 3 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
    --i;
    ++back;
  }
  return i;
}

// Strings looked up once per word: a few are compared directly, many through a hash.
class TermIndex {
 public:
  int add(const std::string& text) {
    if (const int found = find(text); found >= 0) return found;
    texts_.push_back(text);
    const int id = static_cast<int>(texts_.size()) - 1;
    if (texts_.size() > kLinear) {
      if (by_text_.empty()) {
        for (std::size_t i = 0; i < texts_.size(); ++i)
          by_text_.emplace(texts_[i], static_cast<int>(i));
      } else {
        by_text_.emplace(text, id);
      }
    }
    return id;
  }

  int find(std::string_view text) const {
    if (texts_.size() <= kLinear) {
      for (std::size_t i = 0; i < texts_.size(); ++i) {
        if (texts_[i].size() == text.size() && texts_[i] == text) return static_cast<int>(i);
      }
      return -1;
    }
    const auto it = by_text_.find(text);
    return it == by_text_.end() ? -1 : it->second;
  }

  bool empty() const { return texts_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static constexpr std::size_t kLinear = 8;
  std::vector<std::string> texts_;
  std::unordered_map<std::string, int, Hash, std::equal_to<>> by_text_;
};

struct Word {
  std::size_t begin;
  std::size_t end;
};

struct Match {
  std::size_t begin;  // bytes of the text
  std::size_t end;
  int target;
};

}  // namespace

bool Tokenizer::next(std::size_t& begin, std::size_t& end, std::string& term) {
  term.clear();
  const std::string_view s = text_;
  const std::size_t n = s.size();
  std::size_t i = pos_;
  Char c{0, 0};
  for (;; i += c.size) {
    if (i >= n) {
      pos_ = n;
      return false;
    }
    c = char_at(s, i);
    if (is_word(c.value)) break;
  }
  begin = i;
  bool too_long = false;
  const auto add = [&](char32_t ch) {
    if (term.size() >= kMaxTermBytes) {
      too_long = true;
    } else {
      append(term, ch);
    }
  };
  if (is_cjk(c.value)) {
    append(term, c.value);
    end = pos_ = i + c.size;
    return true;
  }
  // Initials separated by dots (U.S., P.T.O.) are one word.
  if (is_ascii_upper(s[i])) {
    std::size_t p = i;
    do {
      add(lower(static_cast<unsigned char>(s[p++])));
    } while (p < n && s[p] == '.' && ++p < n && is_ascii_upper(s[p]));
    if (term.size() > 1 && (p >= n || !is_word(char_at(s, p).value))) {
      end = pos_ = p;
      if (too_long) term.clear();
      return true;
    }
    term.clear();
    too_long = false;
  }
  std::size_t at = i;
  char32_t ch = lower(c.value);
  for (;;) {
    char32_t previous = 0;
    for (;;) {
      add(ch);
      previous = ch;
      at += c.size;
      // Runs of ASCII letters and digits, the bulk of most text, without decoding.
      while (at < n && term.size() < kMaxTermBytes) {
        const auto b = static_cast<unsigned char>(s[at]);
        if (!is_ascii_word(b)) break;
        previous = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
        term.push_back(static_cast<char>(previous));
        ++at;
      }
      if (at >= n) goto done;
      c = char_at(s, at);
      if (is_cjk(c.value)) goto done;
      if (!is_word(c.value)) break;
      ch = lower(c.value);
    }
    // `c` at `at` is not a word character: it may join two parts of one word.
    const std::size_t after = at + c.size;
    if (after >= n) break;
    const Char next = char_at(s, after);
    if (!is_word(next.value)) break;
    const char32_t joiner =
        is_digit(previous) && is_digit(next.value) ? infix_digit(c.value) : infix(c.value);
    if (joiner == 0) break;
    if (joiner != kIgnore) add(joiner);
    ch = lower(next.value);
    at = after;
    c = next;
  }
  {
    // C++, C#: up to three suffix characters, unless a word character follows.
    const std::size_t length = term.size();
    unsigned count = 0;
    while (at < n && (s[at] == '+' || s[at] == '#')) {
      if (++count > 3) {
        term.resize(length);
        break;
      }
      add(static_cast<unsigned char>(s[at]));
      if (++at >= n) goto done;
    }
    if (at < n && is_word(char_at(s, at).value)) term.resize(length);
  }
done:
  end = pos_ = at;
  if (too_long) term.clear();
  return true;
}

struct Finder::Impl {
  // A phrase's terms: ids in `words` or `stems`.
  struct Phrase {
    std::vector<std::pair<bool, int>> terms;  // (is stem, id)
    int target;
  };

  std::vector<double> weights;                // of each target
  TermIndex words, stems;                     // every word and stem a target names
  std::vector<int> word_target, stem_target;  // the loose target of each id, or -1
  std::vector<std::pair<std::string, int>> prefixes;
  std::vector<Phrase> phrases;
  std::size_t longest_phrase = 0;
  StemFunction stem;

  // Words read so far and the matches among them; reading stops once the best passage is
  // known and resumes when laying out needs words further on.
  struct Scan {
    const Impl& finder;
    std::string_view text;
    Tokenizer tokenizer;
    std::string term;
    std::vector<Word> words;
    std::vector<std::pair<int, int>> ids;  // (word id, stem id) of each word, for phrases
    std::vector<Match> matches;
    bool exhausted = false;

    Scan(const Impl& f, std::string_view t) : finder(f), text(t), tokenizer(t) {}

    bool advance() {
      if (exhausted) return false;
      Word w{};
      if (!tokenizer.next(w.begin, w.end, term)) {
        exhausted = true;
        return false;
      }
      words.push_back(w);
      int word_id = -1, stem_id = -1;
      if (!term.empty()) {
        word_id = finder.words.find(term);
        if (!finder.stems.empty()) stem_id = finder.stems.find(finder.stem(term));
      }
      if (finder.longest_phrase > 0) ids.emplace_back(word_id, stem_id);
      if (term.empty()) return true;
      if (const std::optional<Match> phrase = match_phrase()) {
        // The phrase's words are marked as one, not also one by one.
        while (!matches.empty() && matches.back().begin >= phrase->begin)
          matches.pop_back();
        matches.push_back(*phrase);
        return true;
      }
      int target = word_id >= 0 ? finder.word_target[word_id] : -1;
      if (target < 0 && stem_id >= 0) target = finder.stem_target[stem_id];
      if (target < 0) {
        for (const auto& [prefix, t] : finder.prefixes) {
          if (std::string_view(term).starts_with(prefix)) {
            target = t;
            break;
          }
        }
      }
      if (target >= 0) matches.push_back({w.begin, w.end, target});
      return true;
    }

    std::optional<Match> match_phrase() const {
      for (const Phrase& phrase : finder.phrases) {
        const std::size_t n = phrase.terms.size();
        if (ids.size() < n) continue;
        bool all = true;
        for (std::size_t k = 0; k < n && all; ++k) {
          const auto [is_stem, id] = phrase.terms[k];
          const auto& [word_id, stem_id] = ids[ids.size() - n + k];
          all = (is_stem ? stem_id : word_id) == id;
        }
        if (all) return Match{words[words.size() - n].begin, words.back().end, phrase.target};
      }
      return std::nullopt;
    }

    // Reads on until a word starts at or after `offset` (or the text ends).
    void read_until(std::size_t offset) {
      while (!exhausted && (words.empty() || words.back().begin < offset))
        advance();
    }
  };

  Passage find(std::string_view text, std::size_t target_bytes) const;
  void choose(const std::vector<Match>& matches, std::size_t budget, std::size_t& first,
              std::size_t& last) const;
  Passage lay_out(Scan& scan, std::size_t begin, std::size_t end, std::size_t budget, bool anchored,
                  bool whole = false) const;
};

namespace {

// Distinct targets count fully, repeats a tenth each (up to three).
double worth(int count) {
  return count <= 0 ? 0.0 : 1.0 + 0.1 * std::min(count - 1, 3);
}

// Copies `piece` with runs of whitespace as one space (a snippet is one line) and invalid
// UTF-8 as U+FFFD.
void append_clean(std::string& out, std::string_view piece, bool& space_pending) {
  for (std::size_t i = 0; i < piece.size();) {
    const char c = piece[i];
    if (is_space(c)) {
      space_pending = true;
      ++i;
      continue;
    }
    if (space_pending) {
      if (!out.empty()) out.push_back(' ');
      space_pending = false;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      out.push_back(c);
      ++i;
      continue;
    }
    const text::Utf8Char u = text::decode_utf8(piece, i);
    if (u.size == 1) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(piece.substr(i, u.size));
    }
    i += u.size;
  }
}

}  // namespace

void Finder::Impl::choose(const std::vector<Match>& matches, std::size_t budget, std::size_t& first,
                          std::size_t& last) const {
  std::vector<int> counts(weights.size(), 0);
  double score = 0, best = -1;
  std::size_t i = 0;
  const auto change = [&](int target, int by) {
    score -= weights[target] * worth(counts[target]);
    counts[target] += by;
    score += weights[target] * worth(counts[target]);
  };
  for (std::size_t j = 0; j < matches.size(); ++j) {
    change(matches[j].target, 1);
    while (i < j && matches[j].end - matches[i].begin > budget)
      change(matches[i++].target, -1);
    // Of passages with the same terms, the tighter one: its matches read together, with more
    // context around them. Then the earlier one (news puts the point first).
    const double span = static_cast<double>(matches[j].end - matches[i].begin);
    const double tightness = 1.0 + 0.05 * std::max(0.0, 1.0 - span / static_cast<double>(budget));
    if (score * tightness > best + 1e-9) {
      best = score * tightness;
      first = i;
      last = j;
    }
  }
}

Passage Finder::Impl::find(std::string_view text, std::size_t target_bytes) const {
  if (text.size() > kMaxScanBytes) text = text.substr(0, char_start(text, kMaxScanBytes));
  const std::size_t budget = std::max<std::size_t>(target_bytes, 1);
  Scan scan(*this, text);
  // Read until a passage holds every target: a later one could only add repeats.
  const std::size_t n_targets = weights.size();
  std::vector<std::size_t> last_begin(n_targets, 0);
  std::vector<bool> seen(n_targets, false);
  std::size_t n_seen = 0;
  std::size_t stop_at = std::string_view::npos;
  while (scan.advance()) {
    if (scan.words.back().begin >= stop_at) break;
    if (stop_at != std::string_view::npos || scan.matches.empty()) continue;
    const Match& m = scan.matches.back();
    if (m.end != scan.words.back().end) continue;  // not this word's
    if (!seen[m.target]) {
      seen[m.target] = true;
      ++n_seen;
    }
    last_begin[m.target] = m.begin;
    if (n_seen == n_targets) {
      const std::size_t oldest = *std::min_element(last_begin.begin(), last_begin.end());
      if (m.end - oldest <= budget) stop_at = oldest + budget;
    }
  }
  // A text that fits is shown whole.
  const std::string_view trimmed = text::trim(text);
  if (trimmed.size() <= budget) {
    scan.read_until(text.size());
    return lay_out(scan, static_cast<std::size_t>(trimmed.data() - text.data()),
                   static_cast<std::size_t>(trimmed.data() - text.data()) + trimmed.size(),
                   trimmed.size(), true, true);
  }
  if (scan.matches.empty()) {
    scan.read_until(budget);
    const std::size_t start = scan.words.empty() ? 0 : scan.words.front().begin;
    return lay_out(scan, start, start, budget, true);
  }
  std::size_t first = 0, last = 0;
  choose(scan.matches, budget, first, last);
  return lay_out(scan, scan.matches[first].begin, scan.matches[last].end, budget, false);
}

// The passage around the matched span [begin, end) of the scanned text, about `budget` bytes;
// `anchored`: it starts at `begin` (the opening, or a whole text); `whole`: it is [begin, end).
Passage Finder::Impl::lay_out(Scan& scan, std::size_t begin, std::size_t end, std::size_t budget,
                              bool anchored, bool whole) const {
  const std::string_view text = scan.text;
  std::size_t from = begin;
  if (!anchored) {
    const std::size_t slack = budget > end - begin ? budget - (end - begin) : 0;
    // Start at the sentence the first match is in when it fits, else give a little context.
    const std::size_t floor = begin > slack ? begin - slack : 0;
    std::size_t sentence = std::string_view::npos;
    for (std::size_t k = begin; k > floor; --k) {
      if (k >= 2 && ends_sentence(static_cast<unsigned char>(text[k - 2])) &&
          is_space(text[k - 1])) {
        sentence = k;
        break;
      }
    }
    if (floor == 0 && sentence == std::string_view::npos) sentence = 0;
    from = sentence != std::string_view::npos ? sentence
                                              : begin - std::min<std::size_t>(slack / 4, 60);
    // Near the end of the text, the room left there goes before the match.
    scan.read_until(from + budget);
    const std::size_t text_end =
        scan.exhausted && !scan.words.empty() ? scan.words.back().end : text.size();
    if (sentence == std::string_view::npos && from + budget > text_end)
      from = text_end > budget ? std::min(text_end - budget, from) : 0;
  }
  const std::size_t limit = std::max(from + budget, end);
  scan.read_until(limit + 1);
  const std::vector<Word>& words = scan.words;
  // First word at or after `from` (not after the first match), and the last that ends by
  // `limit` (not before the last match).
  auto first_word =
      std::lower_bound(words.begin(), words.end(), from,
                       [](const Word& w, std::size_t offset) { return w.begin < offset; });
  std::size_t out_begin = first_word != words.end() ? std::min(first_word->begin, begin) : begin;
  std::size_t out_end = out_begin;
  bool more_words = false;
  for (auto it = first_word; it != words.end(); ++it) {
    if (it->end > limit) {
      more_words = true;
      break;
    }
    out_end = it->end;
  }
  out_end = std::max(out_end, end);
  bool cut_in_word = false;
  if (out_end <= out_begin && out_begin < text.size()) {
    // One word longer than the whole passage: cut it at a character boundary.
    out_end = std::max(char_start(text, std::min(out_begin + budget, text.size())), out_begin);
    if (out_end == out_begin) out_end = out_begin + char_at(text, out_begin).size;
    cut_in_word = out_end < text.size();
  }

  // Opening punctuation of the first word ("“I trained...").
  for (std::size_t n = 0; n < kMaxEdgePunctuation && out_begin > 0; ++n) {
    const std::size_t prev = char_start(text, out_begin - 1);
    if (!opens(char_at(text, prev).value)) break;
    out_begin = prev;
  }
  // After the last word: a sentence's end is kept whole; other closing punctuation kept, and
  // "…" when the text goes on.
  const bool ends_text = whole || (!cut_in_word && !more_words && scan.exhausted);
  bool sentence_end = false;
  if (whole) {
    out_end = end;
  } else if (!cut_in_word) {
    std::size_t at = out_end;
    for (std::size_t n = 0; n < kMaxEdgePunctuation + 2 && at < text.size(); ++n) {
      const Char c = char_at(text, at);
      if (ends_sentence(c.value)) {
        sentence_end = true;
      } else if (!closes(c.value)) {
        break;
      }
      at += c.size;
    }
    out_end = at;
  }
  // A sentence starts here when nothing precedes it or the previous sentence ended (."  ?’).
  bool starts_sentence = true;
  for (std::size_t k = out_begin; k > 0;) {
    const std::size_t prev = char_start(text, k - 1);
    const char32_t c = char_at(text, prev).value;
    k = prev;
    if (c < 0x80 && is_space(static_cast<char>(c))) continue;
    if (closes(c)) {
      const std::size_t before = k > 0 ? char_start(text, k - 1) : k;
      starts_sentence = k > 0 && ends_sentence(char_at(text, before).value);
    } else {
      starts_sentence = ends_sentence(c);
    }
    break;
  }

  Passage passage;
  passage.text.reserve(out_end - out_begin + 2 * kEllipsis.size());
  if (!starts_sentence) passage.text += kEllipsis;
  bool space_pending = false;
  std::size_t at = out_begin;
  for (const Match& m : scan.matches) {
    if (m.begin < out_begin) continue;
    if (m.end > out_end) break;
    append_clean(passage.text, text.substr(at, m.begin - at), space_pending);
    if (space_pending) {
      passage.text.push_back(' ');
      space_pending = false;
    }
    const std::size_t mark = passage.text.size();
    append_clean(passage.text, text.substr(m.begin, m.end - m.begin), space_pending);
    passage.highlights.emplace_back(mark, passage.text.size());
    at = m.end;
  }
  append_clean(passage.text, text.substr(at, out_end - at), space_pending);
  if (!sentence_end && !ends_text) passage.text += kEllipsis;
  return passage;
}

Finder::Finder(std::vector<Target> targets, StemFunction stem) : impl_(std::make_unique<Impl>()) {
  Impl& f = *impl_;
  f.stem = std::move(stem);
  const auto id_of = [&](const Term& term) -> std::pair<bool, int> {
    if (term.kind == Term::Kind::stem) {
      const int id = f.stems.add(term.text);
      if (static_cast<std::size_t>(id) >= f.stem_target.size()) f.stem_target.push_back(-1);
      return {true, id};
    }
    const int id = f.words.add(term.text);
    if (static_cast<std::size_t>(id) >= f.word_target.size()) f.word_target.push_back(-1);
    return {false, id};
  };
  for (Target& target : targets) {
    if (target.terms.empty()) continue;
    const int t = static_cast<int>(f.weights.size());
    f.weights.push_back(target.weight);
    if (target.terms.size() == 1) {
      const Term& term = target.terms.front();
      if (term.kind == Term::Kind::prefix) {
        f.prefixes.emplace_back(term.text, t);
        continue;
      }
      const auto [is_stem, id] = id_of(term);
      int& loose = is_stem ? f.stem_target[id] : f.word_target[id];
      if (loose < 0) loose = t;
      continue;
    }
    Impl::Phrase phrase{.terms = {}, .target = t};
    for (const Term& term : target.terms) {
      // A wildcard in a phrase is not matched as a phrase.
      phrase.terms.push_back(term.kind == Term::Kind::prefix ? std::pair{false, -2} : id_of(term));
    }
    f.longest_phrase = std::max(f.longest_phrase, phrase.terms.size());
    f.phrases.push_back(std::move(phrase));
  }
}

Finder::~Finder() = default;
Finder::Finder(Finder&&) noexcept = default;
Finder& Finder::operator=(Finder&&) noexcept = default;

Passage Finder::find(std::string_view text, std::size_t target_bytes) const {
  return impl_->find(text, target_bytes);
}

}  // namespace nsearch::passage
