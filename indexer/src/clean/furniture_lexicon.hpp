// Stock phrases of page furniture in the languages news is written in, for both cleaners (HTML
// and text dumps; internal): the words web pages use to head comment sections and related-story
// boxes, label share and print tools, advertising and cross-references, credit photos and state
// legal notices. Generic web vocabulary of each language, the same on thousands of sites: never
// a phrase of one site. English stays in each cleaner's own lists, which are older and read
// the cues their input keeps (markup, or line shapes); these lists add the other languages
// (lower-case, as the cleaners normalise text: digit runs as '#'). Each cleaner applies them
// with its own bounds on a block's or line's length.
#pragma once

#include <span>
#include <string_view>

namespace nsearch::furniture {

/// Headings and prompts that open a comment section ("Kommentare", "Deja un comentario").
std::span<const std::string_view> comment_headings();
/// A block or line that is only one of these is furniture: related-story headings, menu
/// entries, share/print tools, newsletter prompts, legal links.
std::span<const std::string_view> furniture_lines();
/// Labels of a link to another story ("Lesen Sie auch", "Lire aussi"): alone, a heading over
/// such links; followed by a colon and a headline, a cross-reference set inside an article.
std::span<const std::string_view> read_also_labels();
/// Labels of an advertising slot ("Anzeige", "Publicité"): the article goes on after one.
std::span<const std::string_view> ad_labels();
/// Phrases that make a short block a legal notice wherever they stand ("Alle Rechte vorbehalten").
std::span<const std::string_view> legal_phrases();
/// Phrases of cookie-consent notices ("this website uses cookies", "wir verwenden Cookies").
std::span<const std::string_view> cookie_phrases();
/// Labels that start a photo credit, source line or figure caption ("Foto:", "Quelle:").
std::span<const std::string_view> credit_labels();
/// Starts of headings over related-story boxes ("Mehr zum Thema Klima", "More from Europe");
/// English included, as the other lists have no heading-prefix form.
std::span<const std::string_view> related_heading_starts();
/// Link texts that end a teaser ("weiterlesen", "lire la suite").
std::span<const std::string_view> teaser_endings();

}  // namespace nsearch::furniture
