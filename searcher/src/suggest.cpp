#include "suggest.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "text_util.hpp"

namespace nsearch {
namespace {

// Bounds on the terms looked at, so that a one-letter prefix over a large index stays fast.
constexpr std::size_t kMaxTermsScanned = 50000;
constexpr std::size_t kMaxWordBytes = 64;

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(utf8.data(), utf8.size()); it != Xapian::Utf8Iterator(); ++it)
    out.push_back(static_cast<char32_t>(*it));
  return out;
}

// Levenshtein distance, or max + 1 as soon as it must exceed `max`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t max) {
  const std::size_t longer = std::max(a.size(), b.size());
  if (longer - std::min(a.size(), b.size()) > max) return max + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > max) return max + 1;
  }
  return row[b.size()];
}

// A plain word someone typed: letters and digits only (no field, operator or phrase syntax).
bool is_plain_word(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return false;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (!Xapian::Unicode::is_wordchar(*it)) return false;
  }
  return true;
}

// Free-text terms are lower-case words; prefixed (field and filter) terms start upper-case.
std::string first_code_point(std::string_view word) {
  Xapian::Utf8Iterator it(word.data(), word.size());
  Xapian::Utf8Iterator next = it;
  ++next;
  const auto bytes = static_cast<std::size_t>(next.raw() - it.raw());
  return std::string(word.substr(0, next == Xapian::Utf8Iterator() ? word.size() : bytes));
}

std::vector<FacetCount> completions(const Xapian::Database& db, const std::string& prefix,
                                    std::size_t limit) {
  std::vector<FacetCount> found;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(prefix);
       it != db.allterms_end(prefix) && scanned < kMaxTermsScanned; ++it, ++scanned) {
    if (*it != prefix) found.push_back({*it, static_cast<std::size_t>(it.get_termfreq())});
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (found.size() > limit) found.resize(limit);
  return found;
}

// The most frequent indexed word within one edit (two for longer words) of `word`, sharing
// its first letter; empty when there is none.
std::string closest_word(const Xapian::Database& db, const std::string& word) {
  const std::u32string typed = code_points(word);
  const std::size_t max_distance = typed.size() <= 4 ? 1 : 2;
  const std::string first = first_code_point(word);
  std::string best;
  std::size_t best_distance = max_distance + 1;
  Xapian::doccount best_freq = 0;
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(first);
       it != db.allterms_end(first) && scanned < kMaxTermsScanned; ++it, ++scanned) {
    const std::size_t distance = edit_distance(typed, code_points(*it), max_distance);
    if (distance > max_distance) continue;
    const Xapian::doccount freq = it.get_termfreq();
    if (distance < best_distance || (distance == best_distance && freq > best_freq)) {
      best = *it;
      best_distance = distance;
      best_freq = freq;
    }
  }
  return best;
}

}  // namespace

Suggestions suggest_words(const Xapian::Database& db, const std::string& text, std::size_t limit) {
  Suggestions out;
  out.query = text;
  std::vector<std::string> words;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  if (words.empty()) return out;

  const std::string last = text::lowercase(words.back());
  if (limit > 0 && is_plain_word(last)) out.completions = completions(db, last, limit);

  bool corrected = false;
  std::string correction;
  for (const std::string& word : words) {
    std::string replacement = word;
    const std::string lower = text::lowercase(word);
    // The last word may be unfinished: a known prefix is not a misspelling.
    const bool unfinished = &word == &words.back() && !out.completions.empty();
    if (is_plain_word(lower) && !unfinished && db.get_termfreq(lower) == 0) {
      if (std::string closest = closest_word(db, lower); !closest.empty()) {
        replacement = std::move(closest);
        corrected = true;
      }
    }
    if (!correction.empty()) correction += ' ';
    correction += replacement;
  }
  if (corrected) out.correction = std::move(correction);
  return out;
}

}  // namespace nsearch
