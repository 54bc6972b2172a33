#include "snippet.hpp"

#include <string_view>

namespace nsearch {
namespace {

// Highlight markers; make_snippet() blanks them out of the source text first.
constexpr std::string_view kStart = "\x01";
constexpr std::string_view kEnd = "\x02";

// MSet::snippet() returns HTML-escaped text; we return plain text plus match ranges.
void unescape_and_mark(std::string_view marked, Hit& hit) {
  hit.snippet.clear();
  hit.highlights.clear();
  std::size_t open_at = 0;
  for (std::size_t i = 0; i < marked.size();) {
    const std::string_view rest = marked.substr(i);
    if (rest.starts_with(kStart)) {
      open_at = hit.snippet.size();
      i += kStart.size();
    } else if (rest.starts_with(kEnd)) {
      if (hit.snippet.size() > open_at) hit.highlights.emplace_back(open_at, hit.snippet.size());
      i += kEnd.size();
    } else if (marked[i] == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
          {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
      bool replaced = false;
      for (const auto& [entity, ch] : kEntities) {
        if (rest.starts_with(entity)) {
          hit.snippet.push_back(ch);
          i += entity.size();
          replaced = true;
          break;
        }
      }
      if (!replaced) hit.snippet.push_back(marked[i++]);
    } else {
      const char c = marked[i++];
      // Paragraph breaks read better as spaces in a one-line snippet.
      hit.snippet.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
  }
}

}  // namespace

void make_snippet(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer,
                  std::size_t target_bytes, Hit& hit) {
  // Bound the work on huge bodies: the best passage of a news article is rarely past 64 KiB.
  constexpr std::size_t kMaxScanBytes = 64 * 1024;
  std::string_view source = text;
  if (source.size() > kMaxScanBytes) {
    std::size_t cut = kMaxScanBytes;
    while (cut > 0 && (static_cast<unsigned char>(source[cut]) & 0xC0) == 0x80)
      --cut;
    source = source.substr(0, cut);
  }
  const unsigned flags = Xapian::MSet::SNIPPET_CJK_NGRAM;
  std::string clean(source);
  for (char& c : clean) {
    if (c == kStart[0] || c == kEnd[0]) c = ' ';
  }
  const std::string marked = mset.snippet(clean, target_bytes, stemmer, flags, std::string(kStart),
                                          std::string(kEnd), "…");
  unescape_and_mark(marked, hit);
}

}  // namespace nsearch
