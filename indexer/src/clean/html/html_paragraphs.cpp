// Paragraph classification: see html_paragraphs.hpp.
//
// 1. Context-free class of each block (jusText's rules, lengths in words): link-heavy blocks and
//    captions are bad; short blocks are "short"; long blocks dense in function words are good,
//    less dense ones "near-good", the rest bad. The function-word thresholds scale with the
//    page's own prose (the median density of its long, link-free blocks), because lists differ
//    in coverage between languages and prose does not differ between pages.
// 2. Context: a short or near-good block takes the class of its good or bad neighbours; a short
//    heading right before good text is good.
// 3. The main text is the stretch of blocks (document order) where good text outweighs the
//    rest most; its good blocks are the result.
#include "clean/html/html_paragraphs.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "clean/notice_words.hpp"

namespace nsearch::html {
namespace {

enum class Kind { kBad, kShort, kNearGood, kGood };

// jusText's defaults, in words (about six characters each): length_low 70 characters, length_high
// 200, max_link_density 0.2.
constexpr std::size_t kShortWords = 10;
constexpr std::size_t kLongWords = 30;
constexpr double kMaxLinkDensity = 0.2;
// jusText's stop-word thresholds (0.30 and 0.32) relative to the density of prose on its lists.
constexpr double kLowShare = 0.65;
constexpr double kHighShare = 0.7;
constexpr double kDefaultProseDensity = 0.4;
constexpr std::size_t kMaxHeadingWords = 20;

/// The function-word density of the page's prose: the median over its long link-free blocks.
double prose_density(std::span<const Block> blocks) {
  std::vector<double> d;
  for (const Block& b : blocks) {
    if (b.words >= 20 && b.link_density() < kMaxLinkDensity && !b.in_caption)
      d.push_back(b.stop_density());
  }
  if (d.size() < 3) return kDefaultProseDensity;
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
  return std::clamp(d[d.size() / 2], 0.1, 0.5);
}

Kind context_free(const Block& b, double low, double high) {
  if (b.in_caption || b.link_density() > kMaxLinkDensity) return Kind::kBad;
  if (b.words < kShortWords) return b.link_chars > 0 ? Kind::kBad : Kind::kShort;
  const double sd = b.stop_density();
  if (sd >= high) return b.words >= kLongWords ? Kind::kGood : Kind::kNearGood;
  if (sd >= low) return Kind::kNearGood;
  return Kind::kBad;
}

/// The class of the nearest block before (step -1) or after (+1) `i` that is neither short nor,
/// when `skip_near_good`, near-good; bad past the ends of the page.
Kind neighbour(const std::vector<Kind>& kinds, std::size_t i, int step, bool skip_near_good) {
  for (std::size_t k = i;;) {
    if (step < 0 && k == 0) return Kind::kBad;
    k = step < 0 ? k - 1 : k + 1;
    if (k >= kinds.size()) return Kind::kBad;
    if (kinds[k] == Kind::kShort || (skip_near_good && kinds[k] == Kind::kNearGood)) continue;
    return kinds[k];
  }
}

/// The classes after looking at the neighbours; `seq` maps positions in `cf` to blocks.
std::vector<Kind> in_context(std::span<const Block> blocks, const std::vector<std::size_t>& seq,
                             const std::vector<Kind>& cf) {
  std::vector<Kind> out(cf);
  for (std::size_t i = 0; i < cf.size(); ++i) {
    if (cf[i] != Kind::kShort && cf[i] != Kind::kNearGood) continue;
    const Kind prev = neighbour(cf, i, -1, true), next = neighbour(cf, i, +1, true);
    if (cf[i] == Kind::kNearGood) {
      out[i] = prev == Kind::kBad && next == Kind::kBad ? Kind::kBad : Kind::kGood;
    } else if (prev == Kind::kGood && next == Kind::kGood) {
      out[i] = Kind::kGood;
    } else if (prev == Kind::kBad && next == Kind::kBad) {
      out[i] = Kind::kBad;
    } else {
      const bool near_good =
          (prev == Kind::kBad && neighbour(cf, i, -1, false) == Kind::kNearGood) ||
          (next == Kind::kBad && neighbour(cf, i, +1, false) == Kind::kNearGood);
      out[i] = near_good ? Kind::kGood : Kind::kBad;
    }
  }
  // A subheading belongs to the text it introduces.
  for (std::size_t i = 0; i + 1 < cf.size(); ++i) {
    const Block& b = blocks[seq[i]];
    if (b.heading > 0 && b.words <= kMaxHeadingWords && out[i] != Kind::kGood &&
        b.link_density() < 0.5 && out[i + 1] == Kind::kGood)
      out[i] = Kind::kGood;
  }
  return out;
}

/// The stretch [first, last] with the largest positive sum of `weight`, if any.
std::optional<std::pair<std::size_t, std::size_t>> best_stretch(const std::vector<double>& weight) {
  double best = 0, sum = 0;
  std::size_t start = 0;
  std::optional<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t k = 0; k < weight.size(); ++k) {
    if (sum <= 0) {
      sum = 0;
      start = k;
    }
    sum += weight[k];
    if (sum > best) {
      best = sum;
      out = {start, k};
    }
  }
  return out;
}

}  // namespace

ParagraphText classify_paragraphs(std::span<const Block> blocks,
                                  std::optional<std::size_t> headline) {
  ParagraphText out;
  // Blocks without words (separators, icons) say nothing either way.
  std::vector<std::size_t> seq;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].words > 0) seq.push_back(i);
  }
  if (seq.empty()) return out;
  const double density = prose_density(blocks);
  std::vector<Kind> cf(seq.size());
  for (std::size_t k = 0; k < seq.size(); ++k)
    cf[k] = context_free(blocks[seq[k]], kLowShare * density, kHighShare * density);
  const std::vector<Kind> kinds = in_context(blocks, seq, cf);

  // The stretch where good text outweighs the rest most: good blocks count their words, other
  // blocks cost more the longer they are (a link list or a comment thread cuts the stretch), and
  // the first good text after the headline counts one and a half times.
  std::vector<double> weight(seq.size());
  std::size_t after_headline = 0;
  std::optional<std::size_t> opening_block;  // the first good block after the headline
  for (std::size_t k = 0; k < seq.size(); ++k) {
    const Block& b = blocks[seq[k]];
    const double n = static_cast<double>(b.words);
    if (kinds[k] == Kind::kGood) {
      const bool opening = headline && seq[k] > *headline && after_headline < 300;
      if (opening && !opening_block) opening_block = k;
      if (opening) after_headline += b.words;
      weight[k] = opening ? 1.5 * n : n;
    } else {
      weight[k] = b.link_density() >= 0.5 ? -(1.0 + 0.5 * n) : -(1.0 + 0.2 * n);
    }
  }
  // A consent dialog or a privacy statement is good text by these features; when the stretch
  // reads as one (notice_words.hpp) and does not start right under the headline (where an
  // article about privacy would), its blocks are bad and the next stretch is taken.
  constexpr int kMaxNoticeRounds = 3;
  std::optional<std::pair<std::size_t, std::size_t>> stretch;
  for (int round = 0; round <= kMaxNoticeRounds; ++round) {
    stretch = best_stretch(weight);
    if (!stretch || round == kMaxNoticeRounds) break;
    std::size_t words = 0, notices = 0;
    bool opening = false;
    for (std::size_t k = stretch->first; k <= stretch->second; ++k) {
      if (kinds[k] != Kind::kGood) continue;
      words += blocks[seq[k]].words;
      notices += blocks[seq[k]].notice_words;
      opening = opening || (opening_block && k == *opening_block);
    }
    if (opening || !reads_as_notice(words, notices)) break;
    for (std::size_t k = stretch->first; k <= stretch->second; ++k)
      weight[k] = -(1.0 + 0.2 * static_cast<double>(blocks[seq[k]].words));
  }
  if (!stretch) return out;
  for (std::size_t k = stretch->first; k <= stretch->second; ++k) {
    if (kinds[k] != Kind::kGood) continue;
    out.blocks.push_back(seq[k]);
    out.words += blocks[seq[k]].words;
  }
  return out;
}

}  // namespace nsearch::html
