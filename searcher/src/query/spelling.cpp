#include "query/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "text_util.hpp"

namespace nsearch {
namespace {

constexpr std::size_t kMinWordBytes = 4;   // shorter words have too many neighbours
constexpr std::size_t kMaxWordBytes = 64;  // nothing that long is a typo worth fixing
// Bounds the terms read per scan, so that a common first letter in a large index stays fast.
constexpr std::size_t kMaxTermsScanned = 50000;
// A correction must be this many times more frequent than the word (or the word unknown).
constexpr Xapian::doccount kFrequencyRatio = 10;

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '\'';
}

bool is_operator(std::string_view word) {
  for (const std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    if (word == op) return true;
  }
  return false;
}

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it)
    out.push_back(static_cast<char32_t>(*it));
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  char buf[4];
  for (const char32_t c : text)
    out.append(buf, Xapian::Unicode::to_utf8(static_cast<unsigned>(c), buf));
  return out;
}

struct Best {
  std::string term;
  std::size_t distance = 0;
  Xapian::doccount freq = 0;
};

void scan(const Xapian::Database& db, const std::u32string& word, const std::string& prefix,
          Xapian::doccount min_freq, Best& best) {
  const std::size_t limit = word.size() <= 4 ? 1 : 2;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(prefix);
       it != db.allterms_end(prefix) && scanned < kMaxTermsScanned; ++it, ++scanned) {
    const Xapian::doccount freq = it.get_termfreq();
    if (freq < min_freq) continue;
    const std::string& term = *it;
    const std::size_t d = edit_distance(word, code_points(term), limit);
    if (d == 0 || d > limit) continue;
    if (best.term.empty() || d < best.distance || (d == best.distance && freq > best.freq)) {
      best = {term, d, freq};
    }
  }
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t shorter = std::min(a.size(), b.size());
  if (std::max(a.size(), b.size()) - shorter > limit) return limit + 1;
  // Optimal string alignment distance, three rows, with a cut-off per row.
  const std::size_t n = b.size();
  std::vector<std::size_t> before(n + 1), prev(n + 1), cur(n + 1);
  for (std::size_t j = 0; j <= n; ++j)
    prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[n], limit + 1);
}

std::optional<std::string> correct_word(const Xapian::Database& db, const std::string& word) {
  if (word.size() < kMinWordBytes || word.size() > kMaxWordBytes) return std::nullopt;
  const std::u32string letters = code_points(word);
  if (letters.size() < 2) return std::nullopt;
  const Xapian::doccount freq = db.get_termfreq(word);
  const Xapian::doccount min_freq = freq == 0 ? 1 : freq * kFrequencyRatio;
  Best best;
  scan(db, letters, to_utf8(letters.substr(0, 1)), min_freq, best);
  if (letters[0] != letters[1]) {
    scan(db, letters, to_utf8(std::u32string{letters[1], letters[0]}), min_freq, best);
  }
  if (best.term.empty()) return std::nullopt;
  return best.term;
}

std::optional<std::string> suggest_query(const Xapian::Database& db, std::string_view query) {
  std::string out;
  bool changed = false;
  std::size_t i = 0;
  while (i < query.size()) {
    if (!is_word_byte(query[i])) {
      out.push_back(query[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && is_word_byte(query[end]))
      ++end;
    const std::string_view word = query.substr(i, end - i);
    const bool field_value = i > 0 && query[i - 1] == ':';
    const bool field_name = end < query.size() && query[end] == ':';
    const bool wildcard = end < query.size() && query[end] == '*';
    const bool has_digit =
        std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::optional<std::string> fix;
    if (!field_value && !field_name && !wildcard && !has_digit && !is_operator(word)) {
      fix = correct_word(db, text::lowercase(word));
    }
    if (fix) {
      out += *fix;
      changed = true;
    } else {
      out += word;
    }
    i = end;
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace nsearch
