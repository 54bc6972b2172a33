#include "nsearch/output.hpp"

#include "nsearch/schema.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

constexpr const char* kHighlightOn = "\x1b[1m";  // bold
constexpr const char* kBoldOn = "\x1b[1m";
constexpr const char* kOff = "\x1b[0m";

void write_snippet(std::ostream& out, const Hit& hit, const TextStyle& style) {
  std::size_t pos = 0;
  for (const auto& [begin, end] : hit.highlights) {
    text::write_printable(out, std::string_view(hit.snippet).substr(pos, begin - pos));
    if (style.color) out << kHighlightOn;
    text::write_printable(out, std::string_view(hit.snippet).substr(begin, end - begin));
    if (style.color) out << kOff;
    pos = end;
  }
  text::write_printable(out, std::string_view(hit.snippet).substr(pos));
}

// "also in: Reuters, The New Diplomat (+3)": a few outlets by name, then how many more.
void write_also_in(std::ostream& out, const Hit& hit) {
  constexpr std::size_t kNamed = 3;
  out << "   ";
  if (hit.also_in.empty()) {
    out << hit.copies << (hit.copies == 1 ? " more copy" : " more copies")
        << " from the same outlet\n";
    return;
  }
  out << "also in: ";
  for (std::size_t i = 0; i < hit.also_in.size() && i < kNamed; ++i) {
    if (i > 0) out << ", ";
    text::write_printable(out, hit.also_in[i]);
  }
  if (hit.also_in.size() > kNamed) out << " (+" << hit.also_in.size() - kNamed << ")";
  out << "\n";
}

// 12345 -> "12,345": lower bounds and large counts are read at a glance.
std::string with_thousands(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string counted(std::size_t n, bool exact, const char* one, const char* many) {
  return (exact ? "" : "at least ") + with_thousands(n) + " " + (n == 1 ? one : many);
}

constexpr const char* kStopped = "counted up to the limit; --count-limit 0 counts all";

const char* unit_name(FacetUnit unit) {
  return unit == FacetUnit::story ? "stories" : "articles";
}

// "363 stories (382 articles)" when collapsed, "382 articles" otherwise; lower bounds say
// "at least" and why.
void write_totals(std::ostream& out, const SearchResult& result) {
  const std::string articles =
      counted(result.articles, result.articles_exact, "article", "articles");
  if (result.collapsed) {
    out << counted(result.total, result.total_exact, "story", "stories") << " (" << articles;
    if (!result.total_exact) out << ", " << kStopped;
    out << ")";
  } else {
    out << articles;
    if (!result.articles_exact) out << " (" << kStopped << ")";
  }
}

}  // namespace

void write_text(std::ostream& out, const StoryCopies& copies) {
  out << copies.copies.size() << (copies.copies.size() == 1 ? " copy" : " copies")
      << " of this story\n";
  for (const StoryCopy& copy : copies.copies) {
    out << "\n";
    text::write_printable(out, copy.outlet.empty() ? "(unknown outlet)" : copy.outlet);
    out << " | " << (copy.date.empty() ? "(no date)" : copy.date.substr(0, 10)) << " | id: ";
    text::write_printable(out, copy.id);
    const auto differs = static_cast<int>((1 - copy.similarity) * 100 + 0.5);
    out << " | "
        << (copy.requested ? std::string("this article")
            : differs == 0 ? std::string("same text")
                           : "differs ~" + std::to_string(differs) + "%")
        << "\n   ";
    text::write_printable(out, copy.title.empty() ? "(untitled)" : copy.title);
    out << "\n";
  }
}

void write_text(std::ostream& out, const SearchResult& result, const TextStyle& style) {
  if (style.explain) {
    out << "query: ";
    text::write_printable(out, result.parsed_query);
    out << "\n";
    if (result.ranked_from_tiers > 0) {
      out << "ranked among " << result.ranked_from_tiers
          << " documents from the impact tiers (the same page as among every match)\n";
    }
  }
  if (result.query_fallback) {
    out << "note: searched as plain words; ";
    text::write_printable(out, result.fallback_reason);
    out << "\n";
  }
  const std::size_t first = result.hits.empty() ? 0 : result.offset + 1;
  const std::size_t last = result.offset + result.hits.size();
  write_totals(out, result);
  if (!result.hits.empty()) out << ", showing " << first << "-" << last;
  out << "\n";
  if (result.suggestion) {
    out << "did you mean: ";
    text::write_printable(out, *result.suggestion);
    out << "\n";
  }
  for (const Hit& hit : result.hits) {
    out << "\n" << hit.rank << ". ";
    // Pages did not read as articles: said once, before the title, so lists still scan.
    if (hit.kind == schema::kPageKind) out << "[page] ";
    // A title derived from the body is its first words, not a headline: not set in bold.
    const bool bold = style.color && !hit.title_derived;
    if (bold) out << kBoldOn;
    text::write_printable(out, hit.title.empty() ? "(untitled)" : hit.title);
    if (bold) out << kOff;
    out << "\n   ";
    text::write_printable(out, hit.outlet.empty() ? "(unknown outlet)" : hit.outlet);
    out << " | " << (hit.date.empty() ? "(no date)" : hit.date.substr(0, 10)) << " | " << hit.lang
        << " | id: ";
    text::write_printable(out, hit.id);
    out << "\n";
    if (!hit.snippet.empty()) {
      out << "   ";
      write_snippet(out, hit, style);
      out << "\n";
    }
    if (hit.copies > 0) write_also_in(out, hit);
  }
  if (!result.facets.empty() && !result.facets_exact)
    out << "\nnote: facets count the matches counted up to the limit; --count-limit 0 counts all\n";
  for (const Facet& facet : result.facets) {
    out << "\n" << facet.name << " (" << unit_name(result.facet_unit) << "):";
    if (facet.values.empty()) out << " (none)";
    for (const auto& value : facet.values) {
      out << "\n  ";
      text::write_printable(out, value.value);
      out << " (" << value.count << ")";
    }
    out << "\n";
  }
}

}  // namespace nsearch
