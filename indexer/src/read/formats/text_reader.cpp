#include "read/formats/text_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "clean/extraction.hpp"
#include "clean/text_dump/text_cleaner_lines.hpp"
#include "read/input_file.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  while (!s.empty()) {
    const auto nl = s.find('\n');
    lines.push_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return lines;
}

// Header keys a text article may start with, mapped to the article field they fill.
std::string* header_field(Article& a, std::string_view key) {
  const std::string k = text::lowercase(key);
  if (k == "title" || k == "headline") return &a.title;
  if (k == "outlet" || k == "source" || k == "publication") return &a.outlet;
  if (k == "date" || k == "published") return &a.date;
  if (k == "author" || k == "by" || k == "byline") return &a.author;
  if (k == "url" || k == "link") return &a.url;
  if (k == "lang" || k == "language") return &a.lang;
  if (k == "category" || k == "section") return &a.category;
  if (k == "id") return &a.id;
  return nullptr;
}

// A headline: a few words that do not end like a sentence (a trailing ellipsis is no end:
// "Rivals of the £400 Apple...").
bool is_headline_shaped(std::string_view line) {
  if (line.empty() || line.size() > 200) return false;
  const char last = line.back();
  const bool ellipsis = line.ends_with("...") || line.ends_with("\u2026");
  if (!ellipsis && (last == '.' || last == ',' || last == ';' || last == ':')) return false;
  if (line.find(" | ") != std::string_view::npos) return false;  // navigation, not a headline
  std::size_t words = 1;
  for (const char c : line)
    words += c == ' ';
  return words <= 25;
}

bool ends_sentence(std::string_view line) {
  return line.ends_with(".") || line.ends_with("!") || line.ends_with("?") ||
         line.ends_with("\"") || line.ends_with("\u201d");
}

/// The number (1-based) of the first line of `content` longer than `max_bytes`, if any.
std::optional<std::size_t> first_line_longer_than(std::string_view content, std::size_t max_bytes) {
  std::size_t number = 1;
  for (std::size_t start = 0; start < content.size(); ++number) {
    const std::size_t end = std::min(content.find('\n', start), content.size());
    if (end - start > max_bytes) return number;
    start = end + 1;
  }
  return std::nullopt;
}

// True when the file is a plain article whose first line is its headline although the cleaner
// chose `title`: the body the cleaner found starts within a few lines, and what lies between is
// short and page-free — a standfirst (the cleaner's pick) or fixture lines of a sports preview
// (venue, date, kick-off, referee) — where a page dump has navigation, a masthead, a date line.
bool plain_article_head(std::string_view content, std::string_view first_line,
                        const Article& cleaned) {
  using text_dump::Cue;
  constexpr std::size_t kMaxLinesBetween = 8;
  constexpr std::size_t kMaxWordsBetween = 10;
  const std::string_view body = cleaned.body;
  const std::string_view first_paragraph = body.substr(0, body.find('\n'));
  const std::vector<text_dump::DumpLine> lines = text_dump::analyse_lines(content);
  if (lines.size() < 2 || first_paragraph.empty()) return false;
  // The headline is written like a sentence ("Japan turns to beer alternatives", "Ireland v
  // USA"): some words lower-case, unlike a masthead or a section name ("Evening News Digest").
  const text_dump::DumpLine& head = lines.front();
  const bool headline = head.text == first_line && head.cue == Cue::kNone && head.words >= 2 &&
                        !head.bullet && !head.has_url && head.separators == 0 &&
                        head.capital_ratio() < 1.0 && !head.text.ends_with('!') &&
                        head.text.find(" - ") == std::string::npos &&
                        head.text.find(" : ") == std::string::npos;
  if (!headline) return false;
  for (std::size_t i = 1; i < lines.size() && i <= kMaxLinesBetween + 1; ++i) {
    const text_dump::DumpLine& line = lines[i];
    if (line.text == first_paragraph) return true;
    const bool fits =
        line.text == cleaned.title ||
        (line.words <= kMaxWordsBetween && line.cue != Cue::kBoilerplate &&
         line.cue != Cue::kForm && line.cue != Cue::kGluedLinks && line.cue != Cue::kByline &&
         !line.has_url && line.separators == 0 && !line.bullet);
    if (!fits) return false;
  }
  return false;
}

}  // namespace

void read_text_article(std::string_view content, const ReadContext& ctx) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // UTF-8 BOM
  if (text::trim(content).empty()) {
    ctx.reject(0, SkipReason::no_article, "empty file");
    return;
  }
  if (looks_binary(content)) {
    ctx.reject(0, SkipReason::binary_data, "binary file (contains NUL bytes), not a text article");
    return;
  }
  if (const auto bad = text::find_invalid_utf8(content)) {
    ctx.reject(text::line_of_offset(content, *bad), SkipReason::invalid_encoding,
               "invalid UTF-8 (byte " + std::to_string(*bad) + ")");
    return;
  }
  if (const auto line = first_line_longer_than(content, kMaxTextLineBytes)) {
    ctx.reject(*line, SkipReason::over_limit,
               "line longer than " + std::to_string(kMaxTextLineBytes >> 20) +
                   " MiB, the limit for text files");
    return;
  }

  const auto lines = split_lines(content);
  std::size_t i = 0;
  while (i < lines.size() && text::trim(lines[i]).empty())
    ++i;

  Article article;
  auto parse_header = [&](std::string_view line) -> std::string* {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 20) return nullptr;
    return header_field(article, text::trim(line.substr(0, colon)));
  };
  if (i >= lines.size() || parse_header(lines[i]) == nullptr) {
    // No header: a dump of a web page, to be cleaned.
    Extraction page = clean_text_dump(content);
    if (!page.has_text) {
      ctx.reject(0, SkipReason::no_article,
                 "no article in this page (" + page.reason +
                     "); a short clean article can start with a \"Title:\" header line");
      return;
    }
    // Nothing but a headline before the body: the file is a plain article, and its first line
    // is the title whatever the cleaner guessed (it may have taken a short lead for one).
    const std::string first_line = text::collapse_whitespace(lines[i]);
    std::size_t next = i + 1;
    while (next < lines.size() && text::trim(lines[next]).empty())
      ++next;
    if (next < lines.size() && is_headline_shaped(first_line) && first_line != page.article.title) {
      const std::string lead = text::collapse_whitespace(lines[next]);
      const std::string_view body = page.article.body;
      if (!body.empty() && body.substr(0, body.find('\n')) == lead) {
        page.article.title = first_line;
      } else if ((page.article.title == lead && ends_sentence(lead)) ||  // lead taken for title
                 plain_article_head(content, first_line, page.article)) {
        // A plain article whose standfirst or fixture lines (venue, date, referee) the cleaner
        // took for a headline or dropped: nothing page-like was removed, so it is no page dump
        // and its first line is its title. The line the cleaner chose goes back to the body.
        if (!page.article.title.empty()) {
          page.article.body = page.article.title + (body.empty() ? "" : "\n") + page.article.body;
        }
        page.article.title = first_line;
      }
    }
    page.article.source = ctx.path;
    ctx.emit(std::move(page.article));
    return;
  }

  // A clean article: the header block, then the body.
  for (; i < lines.size() && !text::trim(lines[i]).empty(); ++i) {
    if (std::string* field = parse_header(lines[i])) {
      *field = text::collapse_whitespace(lines[i].substr(lines[i].find(':') + 1));
    }
  }
  std::string body;
  for (; i < lines.size(); ++i) {
    const std::string paragraph = text::collapse_whitespace(lines[i]);
    if (paragraph.empty()) continue;
    if (article.title.empty()) {
      article.title = paragraph;
      continue;
    }
    if (!body.empty()) body.push_back('\n');
    body.append(paragraph);
  }
  article.body = std::move(body);
  if (!identifies_something(article)) {
    // Header lines whose values are blank ("Title: " and form feeds, found by fuzzing) or
    // only metadata: indexing it would add an empty document.
    ctx.reject(0, SkipReason::no_article, "header lines but no title, text, id or URL");
    return;
  }
  article.source = ctx.path;
  ctx.emit(std::move(article));
}

void read_html_article(std::string_view content, const ReadContext& ctx) {
  if (text::trim(content).empty()) {
    ctx.reject(0, SkipReason::no_article, "empty file");
    return;
  }
  Extraction page = extract_html(content);
  if (!page.has_text) {
    ctx.reject(0, SkipReason::no_article, "no article in this page (" + page.reason + ")");
    return;
  }
  if (!page.warning.empty()) ctx.note(0, page.warning);
  page.article.source = ctx.path;
  ctx.emit(std::move(page.article));
}

}  // namespace nsearch
