#include "spelling.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "text_util.hpp"

namespace nsearch {
namespace {

constexpr std::size_t kMinWordBytes = 4;   // shorter words have too many neighbours
constexpr std::size_t kMaxWordBytes = 40;  // nothing that long is a typo worth fixing
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

std::size_t allowed_distance(std::size_t bytes) {
  return bytes <= 5 ? 1 : 2;
}

struct Best {
  std::string term;
  std::size_t distance = 0;
  Xapian::doccount freq = 0;
};

void scan(const Xapian::Database& db, const std::string& word, const std::string& prefix,
          Xapian::doccount min_freq, Best& best) {
  const std::size_t limit = allowed_distance(word.size());
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string& term = *it;
    const std::size_t len_diff =
        term.size() > word.size() ? term.size() - word.size() : word.size() - term.size();
    if (len_diff > limit) continue;
    const Xapian::doccount freq = it.get_termfreq();
    if (freq < min_freq) continue;
    const std::size_t d = edit_distance(word, term, limit);
    if (d == 0 || d > limit) continue;
    if (best.term.empty() || d < best.distance || (d == best.distance && freq > best.freq)) {
      best = {term, d, freq};
    }
  }
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
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
  const Xapian::doccount freq = db.get_termfreq(word);
  const Xapian::doccount min_freq = freq == 0 ? 1 : freq * kFrequencyRatio;
  Best best;
  scan(db, word, word.substr(0, 1), min_freq, best);
  if (word[0] != word[1] && static_cast<unsigned char>(word[0]) < 0x80 &&
      static_cast<unsigned char>(word[1]) < 0x80) {
    scan(db, word, std::string{word[1], word[0]}, min_freq, best);
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
