// The parsed page (internal): gumbo behind RAII, a pre-pass that bounds the parser's work on
// hostile markup, and iterative traversal (trees can be as deep as the input is long).
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nsearch/limits.hpp"

namespace nsearch::html {

/// Limits of the markup pre-pass. Real pages stay far below both: news pages nest ~30-80
/// elements deep and have a few thousand tags.
struct MarkupLimits {
  std::size_t max_depth = kMaxHtmlDepth;  ///< deeper start tags are dropped (their text is kept)
  std::size_t max_tags = kMaxHtmlTags;    ///< tags past this many are dropped (text is kept)
};

/// Which limits limit_markup() had to apply.
struct MarkupReport {
  bool too_deep = false;
  bool too_many_tags = false;
};

/// Copy of `utf8` that gumbo parses in bounded time and memory: start tags nested deeper than
/// `max_depth` (by a simplified model of the HTML tree builder) are removed with their end
/// tags, and past `max_tags` tags all markup is removed, leaving the text. Gumbo spends time
/// proportional to the depth of its stack of open elements on each block start tag, so 200k
/// nested <div>s would take minutes; capping the depth keeps it linear. Also ends a <title>
/// whose end tag is missing or mangled, as browsers of the time did.
/// `report`, when given, says which limits were hit.
std::string limit_markup(std::string_view utf8, const MarkupLimits& limits = {},
                         MarkupReport* report = nullptr);

/// A parsed page. Gumbo's own gumbo_destroy_output() recurses once per tree level and
/// overflows the stack on deep trees, so every block gumbo allocates is tracked here and the
/// whole tree is released at once.
class ParsedHtml {
 public:
  /// Parses UTF-8 text (run limit_markup() first on untrusted input).
  explicit ParsedHtml(std::string_view utf8);
  ~ParsedHtml();
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  /// The <html> element (gumbo always creates one).
  const GumboNode* root() const { return output_->root; }

 private:
  struct Allocations;
  std::unique_ptr<Allocations> allocations_;
  GumboOutput* output_ = nullptr;  // owned through allocations_
};

// ---- node access ---------------------------------------------------------------------------

inline bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}
inline GumboTag tag_of(const GumboNode* n) {
  return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}
/// Children of an element or document; empty for text nodes.
const GumboVector* children_of(const GumboNode* n);
/// Value of attribute `name` (lower-case), or empty.
std::string_view attribute(const GumboNode* n, const char* name);
bool has_attribute(const GumboNode* n, const char* name);
/// Text of a text/whitespace/CDATA node, empty otherwise.
std::string_view node_text(const GumboNode* n);

/// Pre-order walk of the subtree at `root` without recursion. `enter(node)` returns whether to
/// descend into the node's children; `leave(node)` runs after them (also for skipped ones).
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  std::vector<std::pair<const GumboNode*, unsigned>> stack;  // node, next child to visit
  if (enter(root)) {
    stack.emplace_back(root, 0);
  } else {
    leave(root);
    return;
  }
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector* kids = children_of(node);
    if (kids == nullptr || next >= kids->length) {
      const GumboNode* done = node;
      stack.pop_back();
      leave(done);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids->data[next++]);
    if (enter(child)) {
      stack.emplace_back(child, 0);
    } else {
      leave(child);
    }
  }
}

/// Calls `fn(element)` for every element under `root` (pre-order); `fn` returns whether to
/// descend into it.
template <class Fn>
void for_each_element(const GumboNode* root, Fn&& fn) {
  walk(
      root, [&](const GumboNode* n) { return is_element(n) ? fn(n) : false; },
      [](const GumboNode*) {});
}

/// Elements whose text never shows on the page (scripts, styles, forms controls, hidden).
bool is_invisible(const GumboNode* element);

/// Elements that start a new line of text (block-level elements and <br>); inline elements
/// such as <a>, <b> or <span> do not split words.
bool breaks_text(GumboTag tag);

/// All text of the subtree, visible or not (<title>, <script> contents), whitespace collapsed.
std::string all_text(const GumboNode* root);

}  // namespace nsearch::html
