#include "text_reader.hpp"

#include <array>
#include <vector>

#include "extraction.hpp"
#include "input_file.hpp"
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

// "The New Diplomathttps://newdiplomatng.com/" -> "The New Diplomat".
std::string outlet_from_glued_home_link(std::string_view line) {
  line = text::trim(line);
  for (const std::string_view scheme : {"https://", "http://"}) {
    const auto at = line.find(scheme);
    if (at == std::string_view::npos || at == 0 || at > 60) continue;
    const std::string_view url = line.substr(at);
    if (url.find(' ') != std::string_view::npos) continue;  // the URL must end the line
    const std::string_view name = text::trim(line.substr(0, at));
    if (name.empty() || name.find_first_of(".!?:;,\"") != std::string_view::npos) continue;
    // A site name is a few words, not a sentence.
    std::size_t words = 1;
    for (char c : name)
      words += (c == ' ');
    if (words <= 6) return std::string(name);
  }
  return {};
}

}  // namespace

void read_text_article(std::string_view content, const ReadContext& ctx) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // UTF-8 BOM
  if (text::trim(content).empty()) {
    ctx.reject(0, "empty file");
    return;
  }
  if (looks_binary(content)) {
    ctx.reject(0, "binary file (contains NUL bytes), not a text article");
    return;
  }
  if (const auto bad = text::find_invalid_utf8(content)) {
    ctx.reject(text::line_of_offset(content, *bad),
               "invalid UTF-8 (byte " + std::to_string(*bad) + ")");
    return;
  }

  Article article;
  article.source = ctx.path;
  const auto lines = split_lines(content);
  std::size_t i = 0;
  while (i < lines.size() && text::trim(lines[i]).empty())
    ++i;

  // Optional header block.
  auto parse_header = [&](std::string_view line) -> std::string* {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 20) return nullptr;
    return header_field(article, text::trim(line.substr(0, colon)));
  };
  if (i < lines.size() && parse_header(lines[i]) != nullptr) {
    for (; i < lines.size() && !text::trim(lines[i]).empty(); ++i) {
      if (std::string* field = parse_header(lines[i])) {
        *field = text::collapse_whitespace(lines[i].substr(lines[i].find(':') + 1));
      }
    }
    while (i < lines.size() && text::trim(lines[i]).empty())
      ++i;
  }
  if (article.title.empty() && i < lines.size()) {
    article.title = text::collapse_whitespace(lines[i]);
    ++i;
  }

  std::string body;
  for (; i < lines.size(); ++i) {
    const std::string paragraph = text::collapse_whitespace(lines[i]);
    if (paragraph.empty()) continue;
    if (article.outlet.empty()) article.outlet = outlet_from_glued_home_link(paragraph);
    if (!body.empty()) body.push_back('\n');
    body.append(paragraph);
  }
  article.body = std::move(body);
  ctx.emit(std::move(article));
}

void read_html_article(std::string_view content, const ReadContext& ctx) {
  if (text::trim(content).empty()) {
    ctx.reject(0, "empty file");
    return;
  }
  Extraction page = extract_html(content);
  if (!page.is_article) {
    ctx.reject(0, "no article in this page (" + page.reason + ")");
    return;
  }
  page.article.source = ctx.path;
  ctx.emit(std::move(page.article));
}

}  // namespace nsearch
