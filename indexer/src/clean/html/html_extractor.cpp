// The HTML article extractor: decodes the page to UTF-8 (html_charset), parses it with gumbo
// (html_dom), reads the metadata the page declares (html_metadata), cuts the visible text into
// blocks (html_blocks) and finds the article by content scoring (html_content), with the
// headline located among the blocks (html_headline).
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "clean/extraction.hpp"
#include "clean/html/html_blocks.hpp"
#include "clean/html/html_charset.hpp"
#include "clean/html/html_content.hpp"
#include "clean/html/html_declared.hpp"
#include "clean/html/html_dom.hpp"
#include "clean/html/html_headline.hpp"
#include "clean/html/html_metadata.hpp"
#include "clean/html/html_paragraphs.hpp"
#include "nsearch/dates.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

using html::Block;

/// The block that shows the headline: the heading above the article that matches the <title>
/// or looks most like a headline, else the block that matched the declared title.
std::optional<std::size_t> headline_block(std::span<const Block> blocks,
                                          const html::TitleParts& title_parts,
                                          const html::MainText& main,
                                          std::optional<std::size_t> matched) {
  if (!main.blocks.empty()) {
    if (auto chosen =
            html::choose_headline(blocks, title_parts.headline, main.blocks.front(), matched)) {
      return chosen;
    }
  }
  return matched;
}

/// Where the title comes from, best first: the page's own declaration (JSON-LD, og:title),
/// the headline shown on the page, the cleaned <title>.
std::string choose_title(const html::PageMetadata& meta, const html::TitleParts& title_parts,
                         std::span<const Block> blocks, std::optional<std::size_t> headline) {
  if (!meta.headline.empty()) return meta.headline;
  if (!meta.og_title.empty()) {
    std::string og = html::split_title(meta.og_title, meta.site_name).headline;
    if (!og.empty()) return og;
  }
  if (headline) return blocks[*headline].text;
  return title_parts.headline;
}

bool in_body(const html::MainText& main, std::size_t i) {
  return std::binary_search(main.blocks.begin(), main.blocks.end(), i);
}

/// Where the article proper starts below the headline: its second body block. The first can
/// be a standfirst above the byline and the dateline ("Prices rose in December... / Posted:
/// Tuesday, January 8, 2008 / Prices rose...").
std::size_t article_start(const html::MainText& main, std::size_t headline) {
  const auto after = std::upper_bound(main.blocks.begin(), main.blocks.end(), headline);
  if (after == main.blocks.end()) return main.blocks.back() + 1;
  return std::next(after) == main.blocks.end() ? *after : *std::next(after);
}

/// The dateline under the headline ("By Jane Doe | January 14, 2008; 4:38 PM", "Posted: 6:12
/// PM Dec 30, 2007"), as written; the reader normalises it. Only looked for between headline
/// and article: page headers show today's date and sidebars the dates of other stories.
std::string dateline(std::span<const Block> blocks, std::optional<std::size_t> headline,
                     const html::MainText& main) {
  constexpr std::size_t kMaxDistance = 10;  // byline, date, tools, photo
  constexpr std::size_t kMaxWords = 20;     // a dateline, not a paragraph mentioning a date
  if (!headline || main.blocks.empty()) return {};
  const std::size_t end = std::min(article_start(main, *headline), *headline + 1 + kMaxDistance);
  for (std::size_t i = *headline + 1; i < end; ++i) {
    if (blocks[i].words == 0 || blocks[i].words > kMaxWords || in_body(main, i)) continue;
    if (find_date(blocks[i].text)) return blocks[i].text;
  }
  return {};
}

/// The name in a byline under the headline: "By JAMES PRICHARD, AP Business Writer" -> "JAMES
/// PRICHARD", "By Jane Doe | January 14, 2008" -> "Jane Doe", "By the Associated Press" ->
/// "Associated Press". Empty when there is no such line.
std::string byline_author(std::span<const Block> blocks, std::optional<std::size_t> headline,
                          const html::MainText& main) {
  constexpr std::size_t kMaxDistance = 10;
  constexpr std::size_t kMaxNameWords = 6;
  if (!headline || main.blocks.empty()) return {};
  const std::size_t end = std::min(article_start(main, *headline), *headline + 1 + kMaxDistance);
  for (std::size_t i = *headline + 1; i < end; ++i) {
    if (in_body(main, i)) continue;  // a paragraph that starts "By the end of the year"
    std::string_view t = text::trim(blocks[i].text);
    if (!(t.starts_with("By ") || t.starts_with("BY ") || t.starts_with("by "))) continue;
    t.remove_prefix(3);
    // The name ends at a separator, a comma or the first digit (of a date).
    const std::size_t cut = t.find_first_of("|,;-(0123456789\xC2");
    std::string_view name = text::trim(t.substr(0, cut));
    if (name.starts_with("the ")) name.remove_prefix(4);
    const std::size_t words =
        static_cast<std::size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
    if (name.empty() || words > kMaxNameWords) return {};
    return std::string(name);
  }
  return {};
}

/// Text fit for the index: C0 controls (other than line breaks, which never occur in blocks),
/// U+FFFD replacement characters and bytes that are not UTF-8 removed. The page was decoded to
/// UTF-8, but the parser can still write stray bytes: gumbo 0.10 turns a numeric character
/// reference that overflows an int ("&#2147483843;") into the low byte of the wrapped value.
std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 0x20 && c != 0x7F) out += s[i];
      ++i;
      continue;
    }
    const std::size_t length = text::valid_utf8_length(s, i);
    if (length == 0) {
      ++i;
      continue;
    }
    if (s.substr(i, length) != "\xEF\xBF\xBD") out.append(s.substr(i, length));
    i += length;
  }
  return text::collapse_whitespace(out);
}

std::string join_body(std::span<const Block> blocks, const std::vector<std::size_t>& picked,
                      std::string_view title) {
  std::string body;
  for (const std::size_t i : picked) {
    std::string paragraph = clean_text(blocks[i].text);
    if (paragraph.empty() || paragraph == title) continue;  // the headline is the title
    if (!body.empty()) body += '\n';
    body += paragraph;
  }
  return body;
}

// A lead paragraph shown above a paywall is prose: a few sentences, not a label or a date.
constexpr std::size_t kMinLeadWords = 12;

/// The prose paragraphs content scoring chose that the page's declared article text does not
/// hold (the lead shown above a paywall, which the JSON-LD leaves to the description), in
/// page order; empty when any chosen paragraph is not prose, when the reading may be wrong.
std::string shown_lead(std::span<const Block> blocks, const std::vector<std::size_t>& picked,
                       std::string_view title, std::string_view declared) {
  std::vector<std::size_t> missing;
  const std::string flat_declared = text::collapse_whitespace(declared);
  for (const std::size_t i : picked) {
    const std::string paragraph = clean_text(blocks[i].text);
    if (paragraph.empty() || paragraph == title) continue;
    if (flat_declared.find(paragraph) != std::string::npos) continue;
    missing.push_back(i);
  }
  for (const std::size_t i : missing) {
    const Block& b = blocks[i];
    if (b.words < kMinLeadWords || b.link_density() >= 0.25 || b.in_caption) return {};
    // Prose ends as a sentence does; a caption ends with its credit ("... Photo: AP").
    if (!b.ends_sentence()) return {};
  }
  return join_body(blocks, missing, title);
}

/// Plain text with paragraphs on lines, cleaned like the blocks of the page.
std::string paragraphs_of(std::string_view text) {
  std::string body;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string paragraph = clean_text(text.substr(start, end - start));
    if (!paragraph.empty()) {
      if (!body.empty()) body += '\n';
      body += paragraph;
    }
    start = end + 1;
  }
  return body;
}

// An article has at least a few sentences; less is a stub, a caption page or a video page.
constexpr std::size_t kMinArticleWords = 30;
// Pages that call themselves websites or indexes need this much prose to count as articles.
constexpr std::size_t kMinUndeclaredWords = 150;
// An index page has several times more teaser text than anything else.
constexpr std::size_t kIndexTeaserRatio = 3;
// Below this a page holds no text worth finding (a login form, a gallery, pure navigation).
constexpr std::size_t kMinPageWords = 25;
// ... unless content scoring found this much prose: a short post (two sentences, a quip), whose
// page text around it is navigation, share rows and comment forms.
constexpr std::size_t kMinPostWords = 12;

bool is_error_page(const html::MainText& main, std::string_view title) {
  const std::string lower_title = text::lowercase(title);
  for (const std::string_view error : {"404", "page not found", "not found", "error"}) {
    if (lower_title.find(error) != std::string::npos && main.prose_words < kMinUndeclaredWords)
      return true;
  }
  return false;
}

/// Why the page is not an article, or empty when it is one.
std::string not_article_reason(const html::PageMetadata& meta, const html::MainText& main) {
  if (main.blocks.empty()) return "no article text found in the HTML page";
  if (main.prose_words < kMinArticleWords) return "too little text for an article in the HTML page";
  // Index pages: headlines with teasers, and only a short text between them. Article pages
  // can carry more teaser text than article, but their article is longer.
  if (!meta.declares_article && main.prose_words < kMinUndeclaredWords &&
      main.teaser_words > kIndexTeaserRatio * main.prose_words)
    return "the HTML page is an index of headlines and teasers, not an article";
  if (meta.declares_page && main.prose_words < kMinUndeclaredWords)
    return "the HTML page declares itself a website or index page, not an article";
  return {};
}

std::size_t words_in(std::span<const Block> blocks, const std::vector<std::size_t>& picked) {
  std::size_t n = 0;
  for (const std::size_t i : picked)
    n += blocks[i].words;
  return n;
}

/// The last resort for a page that neither reading finds an article in: its text outside link
/// lists and captions, in page order.
std::vector<std::size_t> plain_text_blocks(std::span<const Block> blocks) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].words > 0 && blocks[i].link_density() < 0.5 && !blocks[i].in_caption)
      out.push_back(i);
  }
  return out;
}

/// Whether the classifier's text holds content scoring's (four fifths of its words) and runs on
/// well above it (half as much text again before its first block): the article starts in a
/// container above the one content scoring chose (a lead, an intro, a first section cut off by
/// a gallery or a box), so that its beginning, where readers and searchers look first, would
/// be lost.
bool starts_above(std::span<const Block> blocks, const std::vector<std::size_t>& chosen,
                  const html::ParagraphText& paragraphs) {
  if (chosen.empty()) return false;
  std::size_t shared = 0, above = 0;
  for (const std::size_t i : paragraphs.blocks) {
    if (i < chosen.front()) above += blocks[i].words;
    if (std::binary_search(chosen.begin(), chosen.end(), i)) shared += blocks[i].words;
  }
  const std::size_t words = words_in(blocks, chosen);
  return 5 * shared >= 4 * words && 2 * above >= words;
}

/// Whether content scoring's few sentences are all the page has to say: prose enough for a
/// short post, most of the text outside link lists, captions and furniture, and right under the
/// headline (not a box far below it, with the post lost in between).
bool is_short_post(std::span<const Block> blocks, const html::MainText& main,
                   std::optional<std::size_t> headline) {
  if (main.blocks.empty() || main.prose_words < kMinPostWords) return false;
  if (main.other_words > 2 * main.prose_words) return false;
  // Two sentences at least: one is a notice or a contact line ("To get in touch, call ...").
  std::size_t sentences = 0;
  for (const std::size_t i : main.blocks)
    sentences += blocks[i].sentence_ends;
  if (sentences < 2) return false;
  if (headline && *headline < main.blocks.front()) {
    std::size_t between = 0;
    for (std::size_t i = *headline + 1; i < main.blocks.front(); ++i)
      between += blocks[i].words;
    if (between > main.prose_words) return false;
  }
  return true;
}

/// The body of a page and what kind of page it is.
struct Arbitration {
  std::vector<std::size_t> blocks;
  std::string kind;         // "article" or "page"
  std::string reason;       // why the page is not an article
  bool short_post = false;  // a few sentences of prose, all the page has to say
};

/// Decides between the two readings: content scoring (`main`) decides; the paragraph
/// classifier (`paragraphs`) adds the beginning of an article that starts above the chosen
/// container (starts_above), and stands in where content scoring finds no article and the
/// classifier finds well over twice as much text (content scoring chose a wrong or tiny
/// container), then making it an article if its text reads as one.
Arbitration arbitrate(std::span<const Block> blocks, const html::PageMetadata& meta,
                      const html::MainText& main, const html::ParagraphText& paragraphs,
                      std::optional<std::size_t> headline) {
  Arbitration out{main.blocks, "article", not_article_reason(meta, main)};
  if (out.reason.empty()) {
    if (starts_above(blocks, main.blocks, paragraphs)) {
      std::vector<std::size_t> both;
      std::set_union(main.blocks.begin(), main.blocks.end(), paragraphs.blocks.begin(),
                     paragraphs.blocks.end(), std::back_inserter(both));
      out.blocks = std::move(both);
    }
    return out;
  }
  out.kind = "page";
  if (paragraphs.words > 2 * words_in(blocks, main.blocks)) {
    html::MainText classified = main;
    classified.blocks = paragraphs.blocks;
    classified.prose_words = paragraphs.words;
    out.blocks = paragraphs.blocks;
    out.reason = not_article_reason(meta, classified);
    if (out.reason.empty()) out.kind = "article";
  }
  if (words_in(blocks, out.blocks) < kMinPageWords) {
    if (is_short_post(blocks, main, headline) && out.blocks == main.blocks) {
      out.short_post = true;
    } else {
      out.blocks = plain_text_blocks(blocks);
    }
  }
  return out;
}

}  // namespace

Extraction extract_html(std::string_view bytes, std::string* explanation,
                        std::size_t explained_chars) {
  html::MarkupReport limited;
  const std::string utf8 = html::limit_markup(html::to_utf8(bytes), {}, &limited);
  const html::ParsedHtml page(utf8);
  const html::PageMetadata meta = html::read_metadata(page.root());
  std::vector<Block> blocks = html::split_blocks(page.root());
  html::count_stop_words(blocks, html::guess_language(blocks));

  const html::TitleParts title_parts = html::split_title(meta.title_tag, meta.site_name);
  std::string declared = meta.headline;
  if (declared.empty()) declared = html::split_title(meta.og_title, meta.site_name).headline;
  std::optional<std::size_t> matched =
      html::find_headline(blocks, declared.empty() ? title_parts.headline : declared);
  if (!matched) matched = html::only_h1(blocks);
  const html::MainText main = html::select_main_text(blocks, matched);
  if (explanation != nullptr)
    *explanation = html::explain_main_text(blocks, matched, explained_chars);

  Extraction e;
  Article& a = e.article;
  const std::optional<std::size_t> headline = headline_block(blocks, title_parts, main, matched);
  a.title = clean_text(choose_title(meta, title_parts, blocks, headline));
  a.outlet = clean_text(!meta.site_name.empty() ? meta.site_name : title_parts.site);
  a.author = clean_text(meta.author);
  if (a.author.empty()) a.author = clean_text(byline_author(blocks, headline, main));
  a.date = clean_text(meta.date);
  if (!parse_date(a.date) && !find_date(a.date)) {
    // None declared, or in a form nobody reads ("01/08/08"): try the page's dateline.
    if (std::string shown = clean_text(dateline(blocks, headline, main)); !shown.empty()) {
      a.date = std::move(shown);
    }
  }
  a.url = clean_text(meta.url);
  a.lang = clean_text(meta.lang);
  a.category = clean_text(meta.category);
  Arbitration chosen =
      arbitrate(blocks, meta, main, html::classify_paragraphs(blocks, matched), matched);
  html::add_declared_items(blocks, meta.declared_items, chosen.blocks);
  a.body = join_body(blocks, chosen.blocks, a.title);
  a.kind = chosen.kind;
  e.reason = chosen.reason;
  const bool declared_body =
      !e.reason.empty() && text::word_count(meta.article_body) >= kMinArticleWords;
  if (declared_body) {
    // The page body is rendered by scripts or behind a paywall, but the JSON-LD has the text.
    // What the page shows of it (the lead above a paywall) may be missing there: it goes first.
    const std::string declared_text = paragraphs_of(meta.article_body);
    std::string shown = shown_lead(blocks, main.blocks, a.title, declared_text);
    a.body = shown.empty() ? declared_text : shown + '\n' + declared_text;
    a.kind = "article";
    e.reason.clear();
  }
  if (is_error_page(main, a.title) && !declared_body) {
    e.has_text = false;
    e.reason = "the HTML page is an error page";
  } else if (text::word_count(a.body) < (chosen.short_post ? kMinPostWords : kMinPageWords)) {
    e.has_text = false;
    if (e.reason.empty()) e.reason = "too little text in the HTML page";
  }
  if (limited.too_deep) {
    e.warning = "HTML nested deeper than " + std::to_string(kMaxHtmlDepth) +
                " elements: the deeper tags were ignored, their text kept";
  } else if (limited.too_many_tags) {
    e.warning = "HTML has more than " + std::to_string(kMaxHtmlTags) +
                " tags: the markup after them was ignored, its text kept";
  }
  return e;
}

}  // namespace nsearch
