// Line analysis for the text-dump cleaner (internal): splits a dump into cleaned lines and
// measures the shallow features the cleaner scores them by.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nsearch::text_dump {

/// What a line's wording says about it, independent of its neighbours.
enum class Cue {
  kNone,
  kBoilerplate,    ///< navigation, share rows, subscribe/cookie/copyright notices...
  kInterruption,   ///< "Advertisement", "Story continues below": the article goes on after it
  kCommentsStart,  ///< a comment section begins here: the article is over
  kCaption,        ///< photo caption or credit
  kByline,         ///< "By Jane Doe", "Posted by ..."
  kDate,           ///< a line that is (mostly) a date or time
  kPager,          ///< "Page 1 of 3", "Next page"
  kTeaser,         ///< a teaser text cut off with "..."
  kGluedLinks,     ///< several link texts run together ("InsecurityDrama as Senate...")
  kForm,           ///< form field placeholders, radio buttons, lone URLs, markup residue
  kNotice,         ///< a cookie, consent, privacy or licence notice (notice_words)
};

/// One non-empty line of the dump after removing list bullets, image placeholders and form
/// fields, with its shallow features.
struct DumpLine {
  std::string text;              ///< cleaned, whitespace collapsed
  bool bullet = false;           ///< was a list item ("* ", "+ ", "o ", "- ", "• ")
  bool image_hint = false;       ///< an image placeholder on the line names a comments image etc.
  std::size_t words = 0;         ///< word tokens
  std::size_t stop_words = 0;    ///< function words of the page's language
  std::size_t capitalised = 0;   ///< words starting with an upper-case letter
  std::size_t alpha_words = 0;   ///< words starting with a letter
  std::size_t glued_joins = 0;   ///< "wordWord" joins where two link texts were glued together
  std::size_t separators = 0;    ///< "|", "»", "•", "·" and similar menu separators
  std::size_t notice_words = 0;  ///< words of cookie, consent, privacy and licence notices
  bool ends_sentence = false;    ///< ends with . ! ? (before closing quotes or brackets)
  bool ends_ellipsis = false;    ///< ends with "..." or "…": a cut-off teaser
  bool has_url = false;          ///< contains http://, https:// or www.
  Cue cue = Cue::kNone;

  double stop_density() const { return words ? double(stop_words) / double(words) : 0.0; }
  double capital_ratio() const {
    return alpha_words ? double(capitalised) / double(alpha_words) : 0.0;
  }
};

/// Splits `dump` into its non-empty lines, cleaned and measured. Linear in the size of `dump`.
std::vector<DumpLine> analyse_lines(std::string_view dump);

/// Lower-cased word tokens of `s` (letters, digits and non-ASCII letters; inner apostrophes
/// kept, typographic ones made plain), at most `limit` of them.
std::vector<std::string> word_tokens(std::string_view s, std::size_t limit);

/// True if `word` (lower-case) is a function word in one of the languages we know.
bool is_stop_word(std::string_view word);

}  // namespace nsearch::text_dump
