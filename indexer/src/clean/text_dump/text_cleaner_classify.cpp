// The line classifier of text dumps: see text_cleaner_classify.hpp.
#include "clean/text_dump/text_cleaner_classify.hpp"

#include <algorithm>
#include <optional>

namespace nsearch::text_dump {
namespace {

enum class Class { kBad, kShort, kNearGood, kGood };

/// The share of function words of the page's own prose: the median over its long lines that end
/// in a sentence. Lexicons cover languages unevenly (and a page mixes quotes, names and numbers
/// in its own measure), so thresholds are set relative to it rather than fixed.
double page_prose_density(const std::vector<DumpLine>& lines) {
  constexpr std::size_t kLongWords = 20;
  constexpr std::size_t kMinLines = 3;
  constexpr double kDefault = 0.35;
  std::vector<double> d;
  for (const DumpLine& line : lines) {
    if (line.words >= kLongWords && line.ends_sentence && !line.bullet)
      d.push_back(line.stop_density());
  }
  if (d.size() < kMinLines) return kDefault;
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
  return std::max(d[d.size() / 2], 0.1);
}

Class initial_class(const DumpLine& line, double prose) {
  constexpr std::size_t kShortWords = 10;  // jusText's 70 characters
  constexpr std::size_t kLongWords = 30;   // jusText's 200 characters
  constexpr double kLowShare = 0.6;        // of the page's prose density: near-good from here
  constexpr double kHighShare = 0.75;      // good from here, on a long line
  if (line.cue != Cue::kNone || line.has_url || line.separators > 0 || line.glued_joins > 1)
    return Class::kBad;
  const double stop = line.stop_density();
  if (line.bullet)
    return line.ends_sentence && stop >= kLowShare * prose ? Class::kShort : Class::kBad;
  if (line.words < kShortWords) return Class::kShort;
  if (stop >= kHighShare * prose && (line.words >= kLongWords || line.ends_sentence))
    return Class::kGood;
  if (stop >= kLowShare * prose) return Class::kNearGood;
  return Class::kBad;
}

/// For each line, the nearest class in one direction (`step` +1 or -1) that is not short, nor
/// near-good when `skip_near`; bad beyond the page's ends. One pass, so that a page of many
/// short lines stays linear.
std::vector<Class> nearest(const std::vector<Class>& c, int step, bool skip_near) {
  std::vector<Class> out(c.size(), Class::kBad);
  Class seen = Class::kBad;
  for (std::size_t k = 0; k < c.size(); ++k) {
    const std::size_t i = step > 0 ? k : c.size() - 1 - k;
    out[i] = seen;
    if (c[i] == Class::kGood || c[i] == Class::kBad || (c[i] == Class::kNearGood && !skip_near))
      seen = c[i];
  }
  return out;
}

}  // namespace

std::vector<bool> classify_lines(const std::vector<DumpLine>& lines) {
  const double prose = page_prose_density(lines);
  std::vector<Class> c(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i)
    c[i] = initial_class(lines[i], prose);
  // As jusText does: short lines take the class of the text around them; near-good ones are
  // good unless bad text surrounds them.
  const std::vector<Class> before = nearest(c, -1, true);
  const std::vector<Class> after = nearest(c, +1, true);
  const std::vector<Class> before_any = nearest(c, -1, false);
  const std::vector<Class> after_any = nearest(c, +1, false);
  std::vector<Class> out = c;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (c[i] == Class::kShort) {
      if (before[i] == Class::kGood && after[i] == Class::kGood) {
        out[i] = Class::kGood;
      } else if (before[i] == Class::kBad && after[i] == Class::kBad) {
        out[i] = Class::kBad;
      } else {
        const bool near = before_any[i] == Class::kNearGood || after_any[i] == Class::kNearGood;
        out[i] = near ? Class::kGood : Class::kBad;
      }
    } else if (c[i] == Class::kNearGood) {
      const bool bad = before[i] == Class::kBad && after[i] == Class::kBad;
      out[i] = bad ? Class::kBad : Class::kGood;
    }
  }
  std::vector<bool> text(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i)
    text[i] = out[i] == Class::kGood;
  return text;
}

Stretch best_stretch(const std::vector<DumpLine>& lines, const std::vector<bool>& text) {
  constexpr std::size_t kMaxGap = 3;  // non-text lines crossed
  Stretch best;
  std::optional<Stretch> cur;
  std::size_t gap = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!text[i]) {
      if (cur && ++gap > kMaxGap) cur.reset();
      continue;
    }
    if (!cur) cur = Stretch{i, i, 0};
    gap = 0;
    cur->end = i + 1;
    cur->words += lines[i].words;
    if (cur->words > best.words) best = *cur;
  }
  return best;
}

}  // namespace nsearch::text_dump
