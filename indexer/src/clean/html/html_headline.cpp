// Headline detection: see html_headline.hpp.
#include "clean/html/html_headline.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "clean/html/html_cues.hpp"
#include "clean/html/html_dom.hpp"
#include "text_util.hpp"

namespace nsearch::html {
namespace {

std::vector<std::string> title_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  const std::string lower = text::lowercase(s);
  for (const char c : lower) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Headlines are short; a block with more words is a paragraph that quotes the headline.
constexpr std::size_t kMaxHeadlineWords = 40;
// Below this overlap a block is a different text (a teaser, the site name...).
constexpr double kMinSimilarity = 0.5;

// How far before the article a headline may be: past a byline, date, photo and tools.
constexpr std::size_t kMaxHeadlineDistance = 20;

/// Lower-cased class and id of the element and its two nearest ancestors.
std::string nearby_names(const GumboNode* e) {
  std::string names;
  for (int up = 0; e != nullptr && up < 3 && is_element(e); ++up, e = e->parent) {
    names.append(attribute(e, "class"));
    names += ' ';
    names.append(attribute(e, "id"));
    names += ' ';
  }
  return text::lowercase(names);
}

/// Whether a block can be a headline at all: short, not a label, byline, date or caption.
bool can_be_headline(const Block& b) {
  if (b.words == 0 || b.words > kMaxHeadlineWords || b.in_caption) return false;
  const std::string lower = text::lowercase(text::trim(b.text));
  const bool has_letters = std::any_of(lower.begin(), lower.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!has_letters || lower.starts_with("by ") || lower.ends_with(":") || looks_like_date(b.text) ||
      lower.find("\xC2\xA9") != std::string::npos) {
    return false;
  }
  for (const std::string_view label : {"posted", "updated", "last updated", "published"}) {
    if (lower.starts_with(label)) return false;
  }
  if (b.sentence_ends >= 2) return false;  // sentences: a blurb, not a headline
  // Breadcrumb trails end with the page's own title, as a list item, not as its headline.
  const std::string names = nearby_names(b.owner);
  for (const std::string_view not_headline :
       {"caption", "cap ", "byline", "credit", "breadcrumb"}) {
    if (names.find(not_headline) != std::string::npos) return false;
  }
  return true;
}

/// How much a block looks like a headline by its markup.
double markup_score(const Block& b) {
  if (b.heading > 0) return 4.0 - 0.5 * b.heading;
  if (b.link_density() >= 0.5) return 0.0;
  const std::string names = nearby_names(b.owner);
  if (names.find("headline") != std::string::npos || names.find("title") != std::string::npos)
    return 2.0;
  if (b.emphasised_chars * 2 > b.chars) return 1.0;
  // A plain line right above the text can be a headline styled by CSS alone.
  if (b.words <= 20 && !b.ends_sentence()) return 0.7;
  return 0.0;
}

}  // namespace

std::optional<std::size_t> only_h1(std::span<const Block> blocks) {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].heading != 1 || blocks[i].words == 0) continue;
    if (found) return std::nullopt;  // several: logo, section name, headline...
    found = i;
  }
  if (found && !can_be_headline(blocks[*found])) return std::nullopt;
  return found;
}

std::optional<std::size_t> choose_headline(std::span<const Block> blocks,
                                           std::string_view reference, std::size_t article_start,
                                           std::optional<std::size_t> matched) {
  // Section labels ("Sports", "HOT JOBS") are headings too; headlines have more words.
  constexpr std::size_t kMinWords = 3;
  // Below this, neither markup nor wording says "headline".
  constexpr double kMinScore = 0.5;
  const std::size_t end = std::min(article_start, blocks.size());
  const auto score = [&](std::size_t i) {
    const Block& b = blocks[i];
    if (!can_be_headline(b) || b.words < kMinWords) return 0.0;
    const double similarity = title_similarity(b.text, reference);
    const auto distance =
        static_cast<double>(std::min<std::size_t>(i < end ? end - i : 0, kMaxHeadlineDistance));
    return markup_score(b) + 3.0 * similarity - 0.05 * distance;
  };
  std::optional<std::size_t> best;
  double best_score = kMinScore;
  if (matched && score(*matched) > best_score) {
    best = matched;
    best_score = score(*matched);
  }
  const std::size_t stop = end > kMaxHeadlineDistance ? end - kMaxHeadlineDistance : 0;
  for (std::size_t i = end; i-- > stop;) {
    if (const double sc = score(i); sc > best_score) {
      best_score = sc;
      best = i;
    }
  }
  return best;
}

double title_similarity(std::string_view a, std::string_view b) {
  const std::vector<std::string> wa = title_words(a), wb = title_words(b);
  if (wa.empty() || wb.empty()) return 0.0;
  const std::unordered_set<std::string> sa(wa.begin(), wa.end()), sb(wb.begin(), wb.end());
  std::size_t common = 0;
  for (const std::string& w : sa)
    common += sb.count(w);
  return 2.0 * static_cast<double>(common) / static_cast<double>(sa.size() + sb.size());
}

std::optional<std::size_t> find_headline(std::span<const Block> blocks,
                                         std::string_view reference) {
  // One or two words are a site or section name ("Business"), not a headline to look for.
  if (title_words(reference).size() < 3) return std::nullopt;
  std::optional<std::size_t> best;
  double best_score = kMinSimilarity;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (!can_be_headline(b)) continue;
    // Links that repeat the headline are teasers and "most read" lists, unless marked up as
    // the page's heading.
    if (b.heading == 0 && b.link_density() >= 0.5) continue;
    double score = title_similarity(b.text, reference);
    if (score < kMinSimilarity) continue;
    if (b.heading > 0) score += 0.05 * (7 - b.heading) / 6.0;
    if (b.emphasised_chars * 2 > b.chars) score += 0.02;
    if (score > best_score + 1e-9) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

}  // namespace nsearch::html
