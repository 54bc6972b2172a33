// Parsing and traversal: see html_dom.hpp.
#include "clean/html/html_dom.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "text_util.hpp"

namespace nsearch::html {

// ---- markup pre-pass -------------------------------------------------------------------------

namespace {

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_tag_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

template <std::size_t N>
bool is_one_of(std::string_view name, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

// Elements that never have an end tag, so they do not nest.
constexpr std::string_view kVoidElements[] = {
    "area", "base",  "basefont", "bgsound", "br",   "col",   "embed",  "frame", "hr",  "image",
    "img",  "input", "keygen",   "link",    "meta", "param", "source", "track", "wbr", "isindex"};
// Elements whose content is raw text up to their end tag: it holds no markup.
constexpr std::string_view kRawTextElements[] = {"script", "style",  "textarea", "title",
                                                 "xmp",    "iframe", "noembed",  "noframes"};
// End tags do not reach past these (the HTML "has an element in scope" boundaries).
constexpr std::string_view kScopeBoundaries[] = {"applet", "caption", "html",   "table",   "td",
                                                 "th",     "marquee", "object", "template"};
constexpr std::string_view kTableSections[] = {"tbody", "thead", "tfoot"};

// What kind of search boundary an open element is, as bits: computed once per element, as the
// searches below run for every start tag over the whole stack.
enum BoundaryBits : unsigned {
  kScope = 1,     // the scope boundaries above
  kList = 2,      // ul, ol: an <li> does not close the <li> of an outer list
  kDefList = 4,   // dl
  kRow = 8,       // tr
  kSection = 16,  // tbody, thead, tfoot
  kButton = 32,
};

unsigned boundary_bits(std::string_view open) {
  if (is_one_of(open, kScopeBoundaries)) return kScope;
  if (open == "ul" || open == "ol") return kList;
  if (open == "dl") return kDefList;
  if (open == "tr") return kRow;
  if (is_one_of(open, kTableSections)) return kSection;
  if (open == "button") return kButton;
  return 0;
}

/// The boundaries that stop the search for an open `target` (to close it by an end tag or
/// implicitly): an <li> closes the previous <li> of its own list only, a <td> the cell of its
/// own row.
unsigned stopping_bits(std::string_view target) {
  if (target == "li") return kScope | kList;
  if (target == "dd" || target == "dt") return kScope | kDefList;
  if (target == "td" || target == "th") return kScope | kRow | kSection;
  if (target == "tr") return kScope | kSection;
  if (target == "p") return kScope | kButton;
  return kScope;
}

// Start tags that close an open <p> (a subset of the HTML list, enough to model depth).
constexpr std::string_view kClosesParagraph[] = {
    "address", "article", "aside", "blockquote", "center", "div", "dl",     "fieldset",
    "figure",  "footer",  "form",  "h1",         "h2",     "h3",  "h4",     "h5",
    "h6",      "header",  "hr",    "li",         "main",   "nav", "ol",     "p",
    "pre",     "section", "table", "ul",         "dd",     "dt",  "details"};

/// Simplified model of the tree builder's stack of open elements, good enough to notice
/// absurd nesting; real pages never get near the limit, so its approximations do not matter.
class MarkupLimiter {
 public:
  MarkupLimiter(std::string_view in, const MarkupLimits& limits) : in_(in), limits_(limits) {
    out_.reserve(in.size());
  }

  std::string run() {
    std::size_t pos = 0;
    while (pos < in_.size()) {
      const std::size_t lt = in_.find('<', pos);
      if (lt == std::string_view::npos) {
        out_.append(in_.substr(pos));
        break;
      }
      out_.append(in_.substr(pos, lt - pos));
      pos = markup_at(lt);
    }
    return std::move(out_);
  }

  MarkupReport report() const { return {!dropped_.empty(), tags_ > limits_.max_tags}; }

 private:
  /// Handles the markup starting with '<' at `lt`; returns where the text goes on.
  std::size_t markup_at(std::size_t lt) {
    const std::string_view rest = in_.substr(lt);
    if (rest.starts_with("<!") || rest.starts_with("<?")) {  // comment, doctype, bogus
      const bool comment = rest.starts_with("<!--");
      const std::size_t end = copy_until(lt, comment ? "-->" : ">", comment ? 4 : 2);
      if (++tags_ > limits_.max_tags) out_.resize(out_.size() - (end - lt));  // nodes too
      return end;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    const std::size_t name_at = lt + (closing ? 2 : 1);
    if (name_at >= in_.size() || !is_ascii_alpha(in_[name_at])) {
      if (closing) return copy_until(lt, ">", 2);  // "</>" or a bogus comment
      out_ += '<';                                 // "a < b" is text
      return lt + 1;
    }
    std::size_t i = name_at;
    std::string name;
    while (i < in_.size() && !is_tag_space(in_[i]) && in_[i] != '/' && in_[i] != '>') {
      name += text::ascii_lower(in_[i++]);
    }
    const std::size_t end = tag_end(i);
    const std::string_view tag = in_.substr(lt, end - lt);
    if (++tags_ > limits_.max_tags) return drop_tag(name, closing, end);
    if (closing) {
      end_tag(name, tag);
      return end;
    }
    return start_tag(name, tag, end);
  }

  /// Past the tag budget, markup is dropped and only text stays: the parser then sees one
  /// long text, which costs it linear time. Script and style contents go with their tags.
  std::size_t drop_tag(const std::string& name, bool closing, std::size_t end) {
    if (closing || !is_one_of(name, kRawTextElements)) return end;
    const std::size_t close = find_end_tag(name, end);
    return close == std::string_view::npos ? in_.size() : tag_end(close + 2 + name.size());
  }

  /// Copies from `at` through the next `terminator` (searched from `at + skip`), or to the end.
  std::size_t copy_until(std::size_t at, std::string_view terminator, std::size_t skip) {
    const std::size_t found = in_.find(terminator, std::min(in_.size(), at + skip));
    const std::size_t end =
        found == std::string_view::npos ? in_.size() : found + terminator.size();
    out_.append(in_.substr(at, end - at));
    return end;
  }

  /// One past the '>' closing the tag whose attributes start at `i` (quoted values may hold
  /// '>'), or the end of the input.
  std::size_t tag_end(std::size_t i) const {
    char last = 0;
    while (i < in_.size()) {
      const char c = in_[i];
      if (c == '>') return i + 1;
      if ((c == '"' || c == '\'') && last == '=') {
        const std::size_t close = in_.find(c, i + 1);
        if (close == std::string_view::npos) return in_.size();
        i = close + 1;
        last = c;
        continue;
      }
      if (!is_tag_space(c)) last = c;
      ++i;
    }
    return in_.size();
  }

  std::size_t start_tag(const std::string& name, std::string_view tag, std::size_t end) {
    if (is_one_of(name, kRawTextElements)) {
      out_.append(tag);
      return copy_raw_text(name, end);
    }
    if (name == "noscript") {
      // Browsers run scripts and read <noscript> as raw text they do not show. Parsed as markup
      // (gumbo has scripting off) a block opened inside it, as in "<noscript><div></noscript>",
      // makes the parser ignore the end tag and hide the rest of the page. Dropped whole; a
      // <noscript> that never ends is dropped alone.
      if (const std::size_t at = find_end_tag(name, end); at != std::string_view::npos)
        return tag_end(at + 2 + name.size());
      return end;
    }
    if (name == "plaintext") {  // everything after it is text
      out_.append(in_.substr(end - tag.size()));
      return in_.size();
    }
    const bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    if (is_one_of(name, kVoidElements) || self_closing) {
      out_.append(tag);
      return end;
    }
    close_implied_by(name);
    if (open_.size() >= limits_.max_depth) {
      ++dropped_[name];  // its text stays, in the enclosing element
      return end;
    }
    open_.push_back({name, boundary_bits(name)});
    out_.append(tag);
    return end;
  }

  std::size_t copy_raw_text(const std::string& name, std::size_t from) {
    if (name == "title") {
      if (const std::size_t cut = broken_title_end(from); cut != std::string_view::npos) {
        out_.append(in_.substr(from, cut - from));
        out_ += "</title>";
        return cut;
      }
    }
    if (const std::size_t at = find_end_tag(name, from); at != std::string_view::npos) {
      const std::size_t end = tag_end(at + 2 + name.size());
      out_.append(in_.substr(from, end - from));
      return end;
    }
    out_.append(in_.substr(from));
    return in_.size();
  }

  /// Where a <title> with a missing or mangled end tag ("</titavaScript...") should end: at
  /// its first line break or '<'. Old browsers recovered this way instead of taking the rest
  /// of the page as title, and such pages exist. npos when the title looks well-formed.
  std::size_t broken_title_end(std::size_t from) const {
    constexpr std::size_t kLongestTitle = 512;
    const std::size_t close = find_end_tag("title", from);
    const std::string_view content =
        in_.substr(from, close == std::string_view::npos ? std::string_view::npos : close - from);
    if (content.size() <= kLongestTitle) return std::string_view::npos;
    const std::size_t lt = content.find('<');
    if (lt == std::string_view::npos) return std::string_view::npos;
    std::size_t nl = content.find('\n');
    while (nl != std::string_view::npos && text::trim(content.substr(0, nl)).empty()) {
      nl = content.find('\n', nl + 1);
    }
    return from + std::min(lt, nl);
  }

  /// Position of "</name" (any case) at or after `from`, or npos.
  std::size_t find_end_tag(const std::string& name, std::size_t from) const {
    for (std::size_t at = in_.find("</", from); at != std::string_view::npos;
         at = in_.find("</", at + 2)) {
      if (at + 2 + name.size() > in_.size()) break;
      bool same = true;
      for (std::size_t k = 0; k < name.size() && same; ++k) {
        same = text::ascii_lower(in_[at + 2 + k]) == name[k];
      }
      // "</titlevalue" does not end a title: the name must end there.
      const std::size_t after = at + 2 + name.size();
      if (same && (after == in_.size() || is_tag_space(in_[after]) || in_[after] == '/' ||
                   in_[after] == '>')) {
        return at;
      }
    }
    return std::string_view::npos;
  }

  /// Start tags that implicitly end an open element of the same kind (or an open <p>).
  void close_implied_by(const std::string& name) {
    if (is_one_of(name, kClosesParagraph)) pop_to("p");
    if (name == "li") pop_to("li");
    if (name == "dd" || name == "dt") {
      pop_to("dd");
      pop_to("dt");
    }
    if (name == "td" || name == "th" || name == "tr") {
      pop_to("td");
      pop_to("th");
    }
    if (name == "tr") pop_to("tr");
    if (name == "option" || name == "a") pop_to(name);
  }

  /// Pops the open elements down to and including the nearest `name` that is in scope;
  /// returns whether there was one.
  bool pop_to(std::string_view name) {
    const unsigned stop = stopping_bits(name);
    for (std::size_t k = open_.size(); k-- > 0;) {
      if (open_[k].name == name) {
        open_.resize(k);
        return true;
      }
      if ((open_[k].bits & stop) != 0) break;
    }
    return false;
  }

  void end_tag(const std::string& name, std::string_view tag) {
    if (pop_to(name)) {
      out_.append(tag);
      return;
    }
    if (auto it = dropped_.find(name); it != dropped_.end() && it->second > 0) {
      --it->second;  // the end of a start tag we removed
      return;
    }
    out_.append(tag);  // stray: the parser ignores it
  }

  std::string_view in_;
  MarkupLimits limits_;
  std::string out_;
  struct OpenElement {
    std::string name;
    unsigned bits;
  };
  std::vector<OpenElement> open_;
  std::unordered_map<std::string, std::size_t> dropped_;
  std::size_t tags_ = 0;
};

}  // namespace

std::string limit_markup(std::string_view utf8, const MarkupLimits& limits, MarkupReport* report) {
  MarkupLimiter limiter(utf8, limits);
  std::string out = limiter.run();
  if (report != nullptr) *report = limiter.report();
  return out;
}

// ---- parsing ---------------------------------------------------------------------------------

/// Every live block gumbo allocated, in an intrusive list, so freeing the tree needs no walk.
struct ParsedHtml::Allocations {
  struct alignas(std::max_align_t) Header {
    Header* prev;
    Header* next;
  };
  Header* head = nullptr;

  Allocations() = default;
  Allocations(const Allocations&) = delete;
  Allocations& operator=(const Allocations&) = delete;
  ~Allocations() {
    while (head != nullptr) {
      Header* next = head->next;
      std::free(head);
      head = next;
    }
  }

  static void* allocate(void* self, std::size_t size) {
    auto* list = static_cast<Allocations*>(self);
    auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (h == nullptr) std::abort();  // gumbo cannot handle a failed allocation either
    h->prev = nullptr;
    h->next = list->head;
    if (list->head != nullptr) list->head->prev = h;
    list->head = h;
    return h + 1;
  }

  static void deallocate(void* self, void* ptr) {
    if (ptr == nullptr) return;
    auto* list = static_cast<Allocations*>(self);
    Header* h = static_cast<Header*>(ptr) - 1;
    if (h->prev != nullptr) {
      h->prev->next = h->next;
    } else {
      list->head = h->next;
    }
    if (h->next != nullptr) h->next->prev = h->prev;
    std::free(h);
  }
};

ParsedHtml::ParsedHtml(std::string_view utf8) : allocations_(std::make_unique<Allocations>()) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Allocations::allocate;
  options.deallocator = &Allocations::deallocate;
  options.userdata = allocations_.get();
  // Each recorded parse error copies the whole stack of open elements: quadratic memory on
  // badly nested pages, and we never look at the errors.
  options.max_errors = 0;
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
}

ParsedHtml::~ParsedHtml() = default;  // allocations_ frees the tree

// ---- node access -----------------------------------------------------------------------------

const GumboVector* children_of(const GumboNode* n) {
  switch (n->type) {
    case GUMBO_NODE_DOCUMENT:
      return &n->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &n->v.element.children;
    default:
      return nullptr;
  }
}

std::string_view attribute(const GumboNode* n, const char* name) {
  if (!is_element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

bool has_attribute(const GumboNode* n, const char* name) {
  return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

std::string_view node_text(const GumboNode* n) {
  switch (n->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      return n->v.text.text;
    default:
      return {};
  }
}

namespace {

bool style_hides(std::string_view style) {
  std::string s;
  for (const char c : style) {
    if (!is_tag_space(c)) s += text::ascii_lower(c);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

// Utility classes of CSS frameworks that show an element to screen readers only ("Skip to
// content", "Opens in a new window") or hide it. A plain "hidden" is left alone: sites use it
// for things they show with scripts.
constexpr std::string_view kHidingClasses[] = {
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "offscreen", "d-none"};

bool class_hides(std::string_view classes) {
  std::size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && is_tag_space(classes[i]))
      ++i;
    std::size_t end = i;
    while (end < classes.size() && !is_tag_space(classes[end]))
      ++end;
    if (end > i && is_one_of(classes.substr(i, end - i), kHidingClasses)) return true;
    i = end;
  }
  return false;
}

}  // namespace

bool is_invisible(const GumboNode* element) {
  switch (tag_of(element)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:  // shown only with scripts off
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_DATALIST:
    // Ruby annotations, the furigana readings over kanji: read as text, they would split every
    // word they annotate ("子こどもへの体罰たいばつ").
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP:
      return true;
    default:
      break;
  }
  if (has_attribute(element, "hidden")) return true;
  const std::string_view style = attribute(element, "style");
  if (!style.empty() && style_hides(style)) return true;
  const std::string_view classes = attribute(element, "class");
  return !classes.empty() && class_hides(classes);
}

bool breaks_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

std::string all_text(const GumboNode* root) {
  std::string out;
  walk(
      root,
      [&](const GumboNode* n) {
        if (is_element(n)) {
          if (breaks_text(tag_of(n))) out += ' ';
          return true;
        }
        out.append(node_text(n));
        return false;
      },
      [](const GumboNode*) {});
  return text::collapse_whitespace(out);
}

}  // namespace nsearch::html
