#include "clean/html/html_declared.hpp"

#include <algorithm>
#include <iterator>

#include "text_util.hpp"

namespace nsearch::html {
namespace {

// Fewer matching blocks than this are chance ("Salt" in a menu), not the declared list.
constexpr std::size_t kMinMatches = 3;
// A block holding a whole item must hold more than a word or two of it.
constexpr std::size_t kMinContainedItemBytes = 12;
// A block that is part of an item: "Butter", not "g".
constexpr std::size_t kMinPartBytes = 3;
// Group headings and labels inside an ingredient list ("For the dough:") are short.
constexpr std::size_t kMaxLabelWords = 8;

std::string normalised(std::string_view s) {
  return text::collapse_whitespace(text::lowercase(text::trim(s)));
}

bool shows_item(std::string_view block, const std::vector<std::string>& items) {
  if (block.size() < kMinPartBytes) return false;
  return std::any_of(items.begin(), items.end(), [&](const std::string& item) {
    return item.find(block) != std::string::npos ||
           (item.size() >= kMinContainedItemBytes && block.find(item) != std::string::npos);
  });
}

bool is_label(const Block& b, std::string_view text) {
  return b.words <= kMaxLabelWords && (b.heading > 0 || text.ends_with(':'));
}

}  // namespace

void add_declared_items(std::span<const Block> blocks, std::span<const std::string> items,
                        std::vector<std::size_t>& body) {
  if (items.empty()) return;
  std::vector<std::string> wanted;
  wanted.reserve(items.size());
  for (const std::string& item : items) {
    if (std::string n = normalised(item); !n.empty()) wanted.push_back(std::move(n));
  }
  std::vector<std::size_t> shown;
  // Blocks that count only between the first and the last item shown as plain text: labels,
  // and items shown as links (an ingredient linked to its glossary entry; a menu elsewhere on
  // the page can link the same word).
  std::vector<std::size_t> inner;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.words == 0 || b.in_caption) continue;
    const std::string t = normalised(b.text);
    const bool linked = b.link_density() >= 0.5;
    if (shows_item(t, wanted)) {
      (linked ? inner : shown).push_back(i);
    } else if (b.link_chars == 0 && is_label(b, t)) {
      inner.push_back(i);
    }
  }
  if (shown.size() < kMinMatches) return;
  const std::size_t first = shown.front(), last = shown.back();
  for (const std::size_t i : inner) {
    if (i > first && i < last) shown.push_back(i);
  }
  std::sort(shown.begin(), shown.end());
  std::vector<std::size_t> both;
  std::set_union(body.begin(), body.end(), shown.begin(), shown.end(), std::back_inserter(both));
  body = std::move(both);
}

}  // namespace nsearch::html
