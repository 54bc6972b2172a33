#include "query/suggest.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "query/spelling.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

// Bounds on the terms looked at, so that a one-letter prefix over a large index stays fast.
constexpr std::size_t kMaxTermsScanned = 50000;
constexpr std::size_t kMaxWordBytes = 64;

// A plain word someone typed: letters and digits only (no field, operator or phrase syntax).
bool is_plain_word(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return false;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
    if (!Xapian::Unicode::is_wordchar(*it)) return false;
  }
  return true;
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
      if (std::optional<std::string> closest = correct_word(db, lower)) {
        replacement = std::move(*closest);
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
