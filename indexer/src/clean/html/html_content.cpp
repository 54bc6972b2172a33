// Content scoring: finds the article among the text blocks of a page.
//
// 1. Every block gets a weight: its word count when it reads like prose (function words, a
//    full stop), a small penalty when it is short, a penalty growing with its length when it
//    is link text or page furniture (by class/id names, or by wording: comment headings, legal
//    notices, bylines, dates, teasers under headline links). The opening prose right after the
//    headline counts double.
// 2. Weights are summed up the element tree; the element with the largest sum holds the
//    article. Prose adds, link lists and furniture subtract, so the winner is the subtree with
//    the most prose net of what comes with it: whole when the article is split by an ad or a
//    related box, without the sidebar when the sidebar costs more than it brings.
// 3. Inside it, the article is the stretch of blocks (in document order) with the largest sum,
//    not crossing the start of a comment section, extended over trailing sibling lines. Its
//    blocks that are not furniture, link text, captions or cued lines are the body.
#include "clean/html/html_content.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>

#include "clean/html/html_cues.hpp"
#include "clean/html/html_dom.hpp"
#include "clean/notice_words.hpp"
#include "nsearch/dates.hpp"

namespace nsearch::html {
namespace {

/// Splits a class/id attribute into lower-case alphanumeric tokens.
std::vector<std::string> hint_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : ' ';
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      // camelCase boundaries: "relatedLinks" -> related, links
      if (std::isupper(u) && !cur.empty() && std::islower(static_cast<unsigned char>(s[i - 1]))) {
        out.push_back(cur);
        cur.clear();
      }
      cur += static_cast<char>(std::tolower(u));
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  return out;
}

// Class/id words of page furniture. Comments and related-story lists can hold more prose than
// the article, so they mark their whole subtree. The other words are also found on wrappers of
// the whole page when the markup is sloppy (<div id="header"> left open, "mainContentPrint"),
// so they count only for elements that do not hold most of the page's prose.
constexpr std::string_view kContentWords[] = {"comment", "comments", "disqus",
                                              "related", "respond",  "replies"};
constexpr std::string_view kContentParts[] = {"comment", "related"};
constexpr std::string_view kLayoutWords[] = {
    "nav",        "navigation",    "menu",    "footer",    "sidebar",     "banner",    "widget",
    "masthead",   "header",        "popular", "trending",  "recommended", "toolbar",   "tools",
    "share",      "sharing",       "social",  "promo",     "cookie",      "subscribe", "newsletter",
    "breadcrumb", "breadcrumbs",   "tags",    "outbrain",  "taboola",     "ad",        "ads",
    "advert",     "advertisement", "sponsor", "sponsored", "byline",      "caption",   "credit",
    "signup",     "login",         "skip",    "photo",     "photos",      "gallery",   "slideshow",
    "thumbnail",  "thumb",         "poll",    "vote",      "survey",      "quiz",      "bio",
    "paywall",    "consent",       "tweet",   "instagram", "pullquote",   "author",    "autor",
    "auteur"};
constexpr std::string_view kLayoutParts[] = {
    "sidebar",    "footer",     "navbar",      "topnav",  "leftnav", "rightnav",  "banner",
    "widget",     "mostread",   "mostpopular", "menu",    "social",  "cookie",    "subscri",
    "newsletter", "breadcrumb", "outbrain",    "taboola", "advert",  "sponsor",   "sharebar",
    "sharing",    "promo",      "photo",       "caption", "gallery", "slideshow", "thumb"};

enum class Hint { kNone, kContentFurniture, kLayoutFurniture, kForm };

template <std::size_t W, std::size_t P>
bool matches(const std::vector<std::string>& tokens, const std::string_view (&words)[W],
             const std::string_view (&parts)[P]) {
  for (const std::string& t : tokens) {
    for (const std::string_view w : words) {
      if (t == w) return true;
    }
    for (const std::string_view p : parts) {
      if (t.find(p) != std::string::npos) return true;
    }
  }
  return false;
}

/// "Commentary" names a genre of article (an opinion piece), not a comment section.
bool names_genre(const std::string& token) {
  return token.find("commentar") != std::string::npos;
}

// Class names built as "<content>-<part>" (BEM's "article__header", WordPress's
// "entry-header" and "has-post-thumbnail") name a part of the article itself: its header holds
// the headline and the lead, its thumbnail the lead picture. These parts are no page furniture.
constexpr std::string_view kContentBlocks[] = {"article", "entry",  "post",   "story",
                                               "content", "single", "recipe", "product",
                                               "intro",   "detail", "news",   "text"};
constexpr std::string_view kArticleParts[] = {"header", "thumb", "thumbnail"};

/// The class/id tokens of `attr` that can mark furniture: those of an article's own parts left
/// out (see kContentBlocks).
std::vector<std::string> furniture_tokens(std::string_view attr) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < attr.size()) {
    const std::size_t end = std::min(attr.find(' ', i), attr.size());
    // A BEM modifier ("pagebody--wsidebar": the page body in its layout with a sidebar) says
    // how a block looks, not what it is.
    std::string_view name = attr.substr(i, end - i);
    name = name.substr(0, name.find("--"));
    std::vector<std::string> parts = hint_tokens(name);
    const auto is_one = [](const std::string& t, const auto& list) {
      return std::find(std::begin(list), std::end(list), t) != std::end(list);
    };
    const bool of_content = std::any_of(parts.begin(), parts.end(), [&](const std::string& t) {
      return is_one(t, kContentBlocks);
    });
    if (of_content)
      std::erase_if(parts, [&](const std::string& t) { return is_one(t, kArticleParts); });
    out.insert(out.end(), parts.begin(), parts.end());
    i = end + 1;
  }
  return out;
}

Hint class_hint(const GumboNode* e) {
  std::string attr(attribute(e, "class"));
  attr += ' ';
  attr.append(attribute(e, "id"));
  if (attr.size() <= 1) return Hint::kNone;
  std::vector<std::string> tokens = furniture_tokens(attr);
  std::erase_if(tokens, names_genre);
  if (matches(tokens, kContentWords, kContentParts)) return Hint::kContentFurniture;
  if (matches(tokens, kLayoutWords, kLayoutParts)) return Hint::kLayoutFurniture;
  // Positive names ("article", "story-body", "content") were tried as a bonus and did not
  // generalise: every page has a "content" wrapper around its sidebars too.
  return Hint::kNone;
}

/// The element tree of the page as arrays indexed in pre-order.
struct ElementTree {
  std::vector<const GumboNode*> nodes;
  std::vector<std::size_t> parent;  // index of the parent; self for the root
  std::vector<Hint> hint;
  std::vector<bool> furniture;   // it or an ancestor is page furniture (see mark_furniture)
  std::vector<std::size_t> end;  // one past the last index of its subtree
  std::unordered_map<const GumboNode*, std::size_t> index;
};

ElementTree index_elements(const GumboNode* root) {
  ElementTree t;
  std::vector<std::size_t> open;
  walk(
      root,
      [&](const GumboNode* n) {
        if (!is_element(n) || is_invisible(n)) return false;
        const std::size_t i = t.nodes.size();
        const std::size_t p = open.empty() ? i : open.back();
        t.nodes.push_back(n);
        t.parent.push_back(p);
        // A blockquote is a quotation in the text, whatever it is named after: an embedded
        // post ("twitter-tweet", "instagram-media") quotes its source as a paragraph would.
        const bool skip_hint = tag_of(n) == GUMBO_TAG_BODY || tag_of(n) == GUMBO_TAG_HTML ||
                               tag_of(n) == GUMBO_TAG_BLOCKQUOTE;
        t.hint.push_back(skip_hint                     ? Hint::kNone
                         : tag_of(n) == GUMBO_TAG_FORM ? Hint::kForm
                                                       : class_hint(n));
        t.index.emplace(n, i);
        t.end.push_back(i + 1);
        open.push_back(i);
        return true;
      },
      [&](const GumboNode* n) {
        if (!open.empty() && t.nodes[open.back()] == n) {
          t.end[open.back()] = t.nodes.size();
          open.pop_back();
        }
      });
  return t;
}

/// Marks the subtrees of comment and related-story containers in ElementTree::furniture.
void mark_content_furniture(ElementTree& t) {
  const std::size_t n = t.nodes.size();
  t.furniture.assign(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const bool inherited = t.parent[i] != i && t.furniture[t.parent[i]];
    t.furniture[i] = inherited || t.hint[i] == Hint::kContentFurniture;
  }
}

/// Adds the layout furniture (headers, sidebars...) to ElementTree::furniture, except for
/// elements that hold most of the page's prose: those are sloppy wrappers. `prose` is the
/// prose weight under each element outside comments, `words` the words under it.
void mark_layout_furniture(ElementTree& t, const std::vector<double>& prose,
                           const std::vector<double>& words,
                           std::optional<std::size_t> headline_owner) {
  const std::size_t n = t.nodes.size();
  const double page_prose = n == 0 ? 0.0 : prose[0];
  const double page_words = n == 0 ? 0.0 : words[0];
  for (std::size_t i = 0; i < n; ++i) {
    const bool inherited = t.parent[i] != i && t.furniture[t.parent[i]];
    const bool layout = t.hint[i] == Hint::kLayoutFurniture && prose[i] < 0.5 * page_prose;
    // A form (a newsletter sign-up, a login, a comment form) is no article text, unless it
    // wraps the article (an ASP.NET page is one form): it holds the headline or, when that is
    // not known, most of the page's text.
    const bool wraps = headline_owner ? *headline_owner >= i && *headline_owner < t.end[i]
                                      : words[i] >= 0.5 * page_words;
    const bool form = t.hint[i] == Hint::kForm && !wraps;
    t.furniture[i] = t.furniture[i] || inherited || layout || form;
  }
}

/// Content weight of a block: its length when it reads like prose, a small penalty when it is
/// short or list-like, and a penalty growing with length for link lists and furniture.
double block_weight(const Block& b, bool furniture) {
  if (b.words == 0) return 0.0;
  const double n = static_cast<double>(b.words);
  const double ld = b.link_density();
  if (ld >= 0.5) return -(1.0 + 0.5 * n);
  if (furniture) return -(1.0 + 0.2 * n);
  const double sd = b.stop_density();
  // Function words and full stops are what prose has and menus, headlines and lists of
  // names lack. (Counting commas as well was tried: it let more captions and lists in.)
  const bool prose =
      (b.words >= 15 && sd >= 0.15) || (b.words >= 8 && b.ends_sentence() && sd >= 0.1);
  if (prose) return n * (1.0 - ld);
  // Long text without links that is not prose: results tables, lists of names. Content more
  // often than not, but weak evidence of where the article is.
  if (b.words >= 15 && ld < 0.2) return 0.3 * n;
  return -1.0;
}

/// The scores of one page: weights of blocks and sums of them per element.
struct PageScore {
  ElementTree tree;
  std::vector<Cue> cue;                 // per block
  std::vector<std::size_t> owner;       // element index of each block
  std::vector<double> weight;           // per block
  std::vector<double> total;            // per element: sum of the weights of the blocks under it
  std::size_t best = 0;                 // the element holding the article
  std::optional<std::size_t> headline;  // the block that matched the page's title
  std::optional<std::size_t> article_start;  // first block of prose after the headline
};

/// Sums per-block values up the element tree.
std::vector<double> subtree_sums(const ElementTree& tree, const std::vector<std::size_t>& owner,
                                 const std::vector<double>& value) {
  std::vector<double> sum(tree.nodes.size(), 0.0);
  for (std::size_t i = 0; i < owner.size(); ++i)
    sum[owner[i]] += value[i];
  for (std::size_t i = sum.size(); i-- > 1;)
    sum[tree.parent[i]] += sum[i];
  return sum;
}

const GumboNode* html_root(std::span<const Block> blocks) {
  const GumboNode* root = nullptr;
  for (const Block& b : blocks) {
    if (b.owner != nullptr) {
      root = b.owner;
      break;
    }
  }
  while (root != nullptr && root->parent != nullptr && root->parent->type != GUMBO_NODE_DOCUMENT)
    root = root->parent;
  return root;
}

// The article starts right after its headline (after a byline, a date, sharing tools): the
// first run of prose there counts double, which settles the choice between an article and a
// comparable amount of other prose (comments, polls, teasers) elsewhere on the page.
constexpr std::size_t kHeadlineReachBlocks = 30;  // blocks between headline and first prose
constexpr std::size_t kBoostWords = 300;          // boost up to this many words of prose
constexpr std::size_t kBoostMaxGap = 2;           // non-prose blocks that end the run
// A lone blurb between headline and article (a kicker in a side column) is not the start:
// the article opens with a stretch of at least two paragraphs or this many words.
constexpr std::size_t kMinOpeningWords = 60;

/// The stretch of prose starting at `i`: one past its last block, and its blocks and words.
struct Stretch {
  std::size_t end = 0, blocks = 0, words = 0;
};

Stretch prose_stretch(std::span<const Block> blocks, const std::vector<double>& weight,
                      std::size_t i) {
  Stretch st;
  std::size_t gap = 0;
  for (; i < blocks.size() && gap < kBoostMaxGap; ++i) {
    if (weight[i] <= 0) {
      if (blocks[i].link_density() >= 0.5) break;
      ++gap;
      continue;
    }
    gap = 0;
    ++st.blocks;
    st.words += blocks[i].words;
    st.end = i + 1;
  }
  return st;
}

/// Doubles the weight of the opening prose after the headline; returns its first block.
std::optional<std::size_t> boost_after_headline(std::optional<std::size_t> headline,
                                                std::span<const Block> blocks,
                                                std::vector<double>& weight) {
  if (!headline) return std::nullopt;
  const std::size_t reach = std::min(blocks.size(), *headline + 1 + kHeadlineReachBlocks);
  for (std::size_t i = *headline + 1; i < reach; ++i) {
    if (weight[i] <= 0) continue;
    const Stretch st = prose_stretch(blocks, weight, i);
    if (st.blocks < 2 && st.words < kMinOpeningWords) {
      i = st.end - 1;  // skip the blurb
      continue;
    }
    std::size_t words = 0;
    for (std::size_t k = i; k < st.end && words < kBoostWords; ++k) {
      if (weight[k] <= 0) continue;
      weight[k] *= 2.0;
      words += blocks[k].words;
    }
    return i;
  }
  return std::nullopt;
}

/// A summary cut short ("...") is a teaser when a headline link precedes it; a paragraph of
/// the article that ends in "..." (or in a "Continued..." link) follows other prose.
bool is_teaser(std::span<const Block> blocks, std::size_t i) {
  constexpr std::size_t kMaxHeadlineWords = 25;
  for (std::size_t k = i; k-- > 0;) {
    if (blocks[k].words == 0) continue;
    return blocks[k].link_density() >= 0.5 && blocks[k].words <= kMaxHeadlineWords;
  }
  return false;
}

/// Whether two elements are parts of one list item: the same element, or within two levels of
/// a common ancestor (<dt>/<dd>, <li><a/><p/></li>, <div><h3/><p/></div>).
bool same_item(const GumboNode* a, const GumboNode* b) {
  if (a == nullptr || b == nullptr) return false;
  const GumboNode* pa[3] = {a, a->parent, a->parent ? a->parent->parent : nullptr};
  const GumboNode* pb[3] = {b, b->parent, b->parent ? b->parent->parent : nullptr};
  for (int i = 0; i < 3; ++i) {
    for (int k = 0; k < 3; ++k) {
      if (pa[i] != nullptr && pa[i] == pb[k] && i + k <= 2) return true;
    }
  }
  return false;
}

/// Marks teaser lists: summaries that each sit under a headline link ("<link> / summary"
/// repeated). One paragraph after a link can be the article after a "Related:" line; the
/// repetition is what makes a list.
void mark_teaser_lists(std::span<const Block> blocks, std::vector<Cue>& cue) {
  constexpr std::size_t kMaxHeadlineWords = 25;
  constexpr std::size_t kMaxSummaryWords = 60;
  std::vector<std::size_t> seq;  // non-empty blocks
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].words > 0) seq.push_back(i);
  }
  const auto is_link_headline = [&](std::size_t i) {
    return blocks[i].link_density() >= 0.5 && blocks[i].words >= 2 &&
           blocks[i].words <= kMaxHeadlineWords;
  };
  std::vector<bool> under_link(seq.size(), false);
  for (std::size_t j = 1; j < seq.size(); ++j) {
    const Block& link = blocks[seq[j - 1]];
    const Block& summary = blocks[seq[j]];
    under_link[j] = is_link_headline(seq[j - 1]) && summary.link_density() < 0.5 &&
                    summary.words <= kMaxSummaryWords && same_item(link.owner, summary.owner);
  }
  for (std::size_t j = 1; j < seq.size(); ++j) {
    const bool repeated =
        (j >= 2 && under_link[j - 2]) || (j + 2 < seq.size() && under_link[j + 2]);
    if (under_link[j] && repeated && cue[seq[j]] == Cue::kNone) cue[seq[j]] = Cue::kTeaser;
  }
}

/// Weighs the blocks (PageScore::weight, with the opening prose boosted), sums the weights up
/// the tree and picks the element with the largest sum.
void weigh_blocks(std::span<const Block> blocks, PageScore& s) {
  s.weight.resize(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const bool furniture =
        s.tree.furniture[s.owner[i]] || s.cue[i] != Cue::kNone || blocks[i].in_caption;
    s.weight[i] = block_weight(blocks[i], furniture);
  }
  s.article_start = boost_after_headline(s.headline, blocks, s.weight);
  s.total = subtree_sums(s.tree, s.owner, s.weight);
  s.best = 0;
  for (std::size_t i = 1; i < s.total.size(); ++i) {
    if (s.total[i] > s.total[s.best] + 1e-9) s.best = i;
  }
}

constexpr int kMaxNoticeRounds = 3;  // a page with more notices than that has no article
// A notice inside the article's container is cut out only when it is a dialog of several
// paragraphs: a paragraph or two about cookies in an article about privacy stay.
constexpr double kMinNoticeElementWords = 40;
constexpr double kMinNoticeElementBlocks = 3;

/// Per-element sums of what the notice rules look at.
struct ElementSums {
  std::vector<double> words, prose, notice_words, text_blocks;
};

ElementSums element_sums(std::span<const Block> blocks, const PageScore& s,
                         const std::vector<double>& prose) {
  std::vector<double> words(blocks.size()), notices(blocks.size()), texts(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    words[i] = static_cast<double>(blocks[i].words);
    notices[i] = static_cast<double>(blocks[i].notice_words);
    texts[i] = blocks[i].words > 0 ? 1.0 : 0.0;
  }
  return {subtree_sums(s.tree, s.owner, words), subtree_sums(s.tree, s.owner, prose),
          subtree_sums(s.tree, s.owner, notices), subtree_sums(s.tree, s.owner, texts)};
}

/// A consent dialog or a privacy statement can hold more prose than a short article, and class
/// names do not always give it away: when the winner reads as a notice (notice_words.hpp), it
/// is furniture and the next best is taken; a dialog inside the winner is left out of it.
void set_notices_aside(std::span<const Block> blocks, const ElementSums& sums, PageScore& s) {
  // An article about privacy or licences reads as a notice too, but it starts under its
  // headline, or (no headline found) holds most of the page's prose.
  const auto is_notice = [&](std::size_t e) {
    if (!reads_as_notice(static_cast<std::size_t>(sums.words[e]),
                         static_cast<std::size_t>(sums.notice_words[e])))
      return false;
    if (!s.article_start) return sums.prose[e] < 0.5 * sums.prose[0];
    const std::size_t start = s.owner[*s.article_start];
    return start < e || start >= s.tree.end[e];
  };
  const auto mark_furniture = [&](std::size_t e) {
    std::fill(s.tree.furniture.begin() + static_cast<std::ptrdiff_t>(e),
              s.tree.furniture.begin() + static_cast<std::ptrdiff_t>(s.tree.end[e]), true);
  };
  for (int round = 0; round < kMaxNoticeRounds; ++round) {
    if (s.total.empty() || s.total[s.best] <= 0 || !is_notice(s.best)) break;
    mark_furniture(s.best);
    weigh_blocks(blocks, s);
  }
  // Inside the winner (some pages put every overlay in the article's container), only when the
  // headline shows where the article starts.
  bool marked = false;
  const std::size_t inside_end = s.article_start ? s.tree.end[s.best] : s.best;
  for (std::size_t e = s.best + 1; e < inside_end; ++e) {
    if (s.tree.furniture[e] || sums.words[e] < kMinNoticeElementWords ||
        sums.text_blocks[e] < kMinNoticeElementBlocks || !is_notice(e))
      continue;
    mark_furniture(e);
    marked = true;
  }
  if (marked) {
    const std::size_t best = s.best;
    weigh_blocks(blocks, s);
    s.best = best;
  }
}

PageScore score_page(std::span<const Block> blocks, std::optional<std::size_t> headline) {
  PageScore s;
  s.tree = index_elements(html_root(blocks));
  s.owner.assign(blocks.size(), 0);
  s.cue.resize(blocks.size());
  mark_content_furniture(s.tree);
  std::vector<double> prose(blocks.size(), 0.0);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const auto it = s.tree.index.find(blocks[i].owner);
    if (it != s.tree.index.end()) s.owner[i] = it->second;
    s.cue[i] = classify_block(blocks[i]);
    if (s.cue[i] == Cue::kCutShort) s.cue[i] = is_teaser(blocks, i) ? Cue::kTeaser : Cue::kNone;
    if (!s.tree.furniture[s.owner[i]]) prose[i] = std::max(0.0, block_weight(blocks[i], false));
  }
  mark_teaser_lists(blocks, s.cue);
  const ElementSums sums = element_sums(blocks, s, prose);
  mark_layout_furniture(s.tree, sums.prose, sums.words,
                        headline ? std::optional<std::size_t>(s.owner[*headline]) : std::nullopt);
  s.headline = headline;
  weigh_blocks(blocks, s);
  set_notices_aside(blocks, sums, s);
  return s;
}

/// The stretch [first, last] of `items` with the largest sum of `weight`.
std::pair<std::size_t, std::size_t> best_run(const std::vector<std::size_t>& items,
                                             const std::vector<double>& weight) {
  double best = -1e300, sum = 0;
  std::size_t start = 0, best_first = 0, best_last = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (sum <= 0) {
      sum = 0;
      start = k;
    }
    sum += weight[items[k]];
    if (sum > best) {
      best = sum;
      best_first = start;
      best_last = k;
    }
  }
  return {best_first, best_last};
}

/// Whether a block inside the article's stretch is article text.
bool is_body_text(std::span<const Block> blocks, const PageScore& s, std::size_t i) {
  return !s.tree.furniture[s.owner[i]] && blocks[i].link_density() < 0.5 && !blocks[i].in_caption &&
         s.cue[i] == Cue::kNone;
}

/// A short line ending in a colon or a question mark ("Read more:", "Already read?", "More on
/// this topic:"): the heading of what follows it. After the article's last paragraph, what
/// follows is a list of other stories or a box the article left out, so it does not end the
/// article.
bool introduces_list(const Block& b) {
  constexpr std::size_t kMaxWords = 8;
  if (b.words == 0 || b.words > kMaxWords) return false;
  const std::string_view t = b.text;  // whitespace collapsed and trimmed
  return !t.empty() && (t.back() == ':' || t.back() == '?');
}

/// The article's last paragraphs can be short lines that are not prose (line-ups, lists of
/// figures) and so fall outside the best stretch: those that are siblings of its last block,
/// marked up alike, are kept. Returns the new end (index into `inside`).
std::size_t extend_over_siblings(std::span<const Block> blocks, const PageScore& s,
                                 const std::vector<std::size_t>& inside, std::size_t last) {
  const GumboNode* model = blocks[inside[last]].owner;
  if (model == nullptr || model->parent == nullptr) return last;
  while (last + 1 < inside.size()) {
    const std::size_t i = inside[last + 1];
    const GumboNode* owner = blocks[i].owner;
    const bool sibling = owner != nullptr && owner != model && owner->parent == model->parent &&
                         tag_of(owner) == tag_of(model);
    if (!sibling || !is_body_text(blocks, s, i)) break;
    ++last;
  }
  return last;
}

/// A list or table right after the article's last paragraph, in the same container (the steps
/// of a recipe, the points of a summary, a table of results), is its text when its items are
/// not links: kept whole.
std::size_t extend_over_list(std::span<const Block> blocks, const PageScore& s,
                             const std::vector<std::size_t>& inside, std::size_t last) {
  constexpr double kMaxLinkDensity = 0.2;
  const GumboNode* model = blocks[inside[last]].owner;
  if (model == nullptr || model->parent == nullptr || last + 1 >= inside.size()) return last;
  // The list or table holding the next block, if it is a sibling of the last paragraph.
  const GumboNode* list = nullptr;
  for (const GumboNode* n = blocks[inside[last + 1]].owner; n != nullptr && n != model->parent;
       n = n->parent) {
    const GumboTag tag = tag_of(n);
    if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_TABLE) &&
        n->parent == model->parent) {
      list = n;
      break;
    }
  }
  if (list == nullptr) return last;
  const auto within = [list](const GumboNode* n) {
    for (; n != nullptr; n = n->parent) {
      if (n == list) return true;
    }
    return false;
  };
  std::size_t end = last;
  while (end + 1 < inside.size()) {
    const std::size_t i = inside[end + 1];
    const GumboNode* owner = blocks[i].owner;
    if (!within(owner)) break;
    if (blocks[i].link_density() >= kMaxLinkDensity || !is_body_text(blocks, s, i)) return last;
    ++end;
  }
  return end;
}

/// The article starts with the first prose after its headline (PageScore::article_start). When
/// the chosen container begins below it, the lead (a standfirst, an intro paragraph) sits in a
/// container of its own above: its prose is added, unless a link list stands in between.
void add_lead(std::span<const Block> blocks, const PageScore& s, std::vector<std::size_t>& body) {
  constexpr std::size_t kMaxLeadBlocks = 20;  // headline to body: byline, date, photo, lead
  constexpr std::size_t kMaxLinkListWords = 10;
  constexpr std::size_t kMaxDatelineWords = 20;
  constexpr std::size_t kMinDeckWords = 6;
  if (body.empty() || !s.article_start) return;
  // A standfirst right under the headline is the lead too, though too short to start the
  // article's prose by itself.
  const std::size_t start = s.headline ? *s.headline + 1 : *s.article_start;
  if (start >= body.front() || body.front() - start > kMaxLeadBlocks) return;
  std::vector<std::size_t> lead;
  for (std::size_t i = start; i < body.front(); ++i) {
    if (blocks[i].link_density() >= 0.5 && blocks[i].words >= kMaxLinkListWords) return;
    // "19. Oktober 2019, 19:08 Uhr DIE ZEIT Nr. 43/2019": the dateline, not the lead.
    const bool dateline = blocks[i].words <= kMaxDatelineWords && find_date(blocks[i].text);
    // A deck or subtitle ("Blue Tomato presents the third edition of the event") is too short
    // or too plain to read as prose, but a phrase without links, not a label.
    const bool deck = blocks[i].link_chars == 0 && blocks[i].words >= kMinDeckWords;
    if ((s.weight[i] > 0 || deck) && is_body_text(blocks, s, i) && !dateline) lead.push_back(i);
  }
  body.insert(body.begin(), lead.begin(), lead.end());
}

std::vector<std::size_t> pick_blocks(std::span<const Block> blocks, const PageScore& s) {
  if (s.total.empty() || s.total[s.best] <= 0) return {};
  // Blocks inside the best container: owners in [best, end of its subtree) in pre-order.
  const std::size_t end = s.tree.end[s.best];
  std::vector<std::size_t> inside;
  for (std::size_t i = 0; i < s.owner.size(); ++i) {
    if (s.owner[i] >= s.best && s.owner[i] < end && blocks[i].words > 0) inside.push_back(i);
  }
  if (inside.empty()) return {};
  // The article does not run across the start of a comment section. When the headline shows
  // where the article starts, the comments are what follows; otherwise the stretch is sought
  // on either side ("Talkbacks: 18" can also head a page).
  std::vector<double> run_weight(s.weight);
  for (std::size_t k = 0; k < inside.size(); ++k) {
    const std::size_t i = inside[k];
    if (s.cue[i] != Cue::kCommentsStart || s.tree.furniture[s.owner[i]]) continue;
    if (s.article_start && i > *s.article_start) {
      inside.resize(k);  // "Add comment" after the article, as a link or not
      break;
    }
    // Before the article, links to comments are toolbars, not sections.
    if (blocks[i].link_density() < 0.5) run_weight[i] = -1e9;
  }
  if (inside.empty()) return {};
  // Within it, the article is the stretch with the most prose: this keeps list-like
  // paragraphs (results tables, subheadings) between prose and drops what trails or precedes.
  const auto [first, run_last] = best_run(inside, run_weight);
  std::size_t last =
      extend_over_list(blocks, s, inside, extend_over_siblings(blocks, s, inside, run_last));
  // A heading with nothing of the article after it introduces what the article left out.
  while (last > run_last && introduces_list(blocks[inside[last]]))
    --last;
  std::vector<std::size_t> out;
  for (std::size_t k = first; k <= last; ++k) {
    const std::size_t i = inside[k];
    if (is_body_text(blocks, s, i)) out.push_back(i);
  }
  return out;
}

const char* cue_name(Cue c) {
  switch (c) {
    case Cue::kNone:
      return "";
    case Cue::kCommentsStart:
      return "comments";
    case Cue::kLegalNotice:
      return "legal";
    case Cue::kCredit:
      return "credit";
    case Cue::kTeaser:
      return "teaser";
    case Cue::kCutShort:
      return "cut";
    case Cue::kFurniture:
      return "furniture";
    case Cue::kDateline:
      return "dateline";
  }
  return "?";
}

}  // namespace

std::string explain_main_text(std::span<const Block> blocks, std::optional<std::size_t> headline,
                              std::size_t max_chars) {
  std::string out;
  if (blocks.empty() || html_root(blocks) == nullptr) return out;
  const PageScore score = score_page(blocks, headline);
  std::vector<std::size_t> picked = pick_blocks(blocks, score);
  add_lead(blocks, score, picked);
  char line[160];
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    const bool in_body = std::find(picked.begin(), picked.end(), i) != picked.end();
    const GumboNode* owner = b.owner;
    std::snprintf(
        line, sizeof line, "%4zu %c%c %-5s w%-4zu ld%.2f sd%.2f %-9s %7.1f e%-5zu %s%s | ", i,
        in_body ? '*' : ' ', headline && *headline == i ? 'H' : ' ',
        owner ? gumbo_normalized_tagname(tag_of(owner)) : "-", b.words, b.link_density(),
        b.stop_density(), cue_name(score.cue[i]), score.weight[i], score.owner[i],
        score.tree.furniture[score.owner[i]] ? "F" : "",
        score.owner[i] >= score.best && score.owner[i] < score.tree.end[score.best] ? "B" : "");
    out += line;
    std::string_view text = b.text;
    if (text.size() > max_chars) {
      std::size_t cut = max_chars;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;  // not inside a UTF-8 sequence
      text = text.substr(0, cut);
    }
    out += text;
    // Which element made it furniture, by its class and id.
    for (std::size_t e = score.owner[i]; score.tree.furniture[e]; e = score.tree.parent[e]) {
      if (score.tree.hint[e] != Hint::kNone) {
        out += "  [";
        out += attribute(score.tree.nodes[e], "class");
        out += '#';
        out += attribute(score.tree.nodes[e], "id");
        out += ']';
        break;
      }
      if (score.tree.parent[e] == e) break;
    }
    out += '\n';
  }
  return out;
}

MainText select_main_text(std::span<const Block> blocks, std::optional<std::size_t> headline) {
  MainText out;
  if (blocks.empty() || html_root(blocks) == nullptr) return out;
  const PageScore score = score_page(blocks, headline);
  out.blocks = pick_blocks(blocks, score);
  add_lead(blocks, score, out.blocks);
  for (const std::size_t i : out.blocks) {
    if (score.weight[i] > 0) out.prose_words += blocks[i].words;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (score.cue[i] == Cue::kTeaser) out.teaser_words += blocks[i].words;
    if (blocks[i].words > 0 && blocks[i].link_density() >= 0.5) ++out.link_lines;
    if (blocks[i].words > 0 && blocks[i].link_density() < 0.5 && !blocks[i].in_caption &&
        !score.tree.furniture[score.owner[i]] && score.cue[i] == Cue::kNone &&
        !std::binary_search(out.blocks.begin(), out.blocks.end(), i))
      out.other_words += blocks[i].words;
  }
  return out;
}

}  // namespace nsearch::html
