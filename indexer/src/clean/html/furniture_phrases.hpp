// Stock phrases of page furniture in the languages news is written in (internal): the words
// web pages use to head comment sections and related-story boxes, label share and print tools,
// credit photos and state legal notices. Generic web vocabulary of each language, the same on
// thousands of sites: never a phrase of one site. English stays in the cleaners' own lists,
// which are older and finer-grained; these lists add the other languages (lower-case, as the
// cleaners normalise text: digit runs as '#').
#pragma once

#include <span>
#include <string_view>

namespace nsearch::furniture {

/// Headings and prompts that open a comment section ("Kommentare", "Deja un comentario").
std::span<const std::string_view> comment_headings();
/// A block that is only one of these is furniture: related-story and "read also" headings,
/// share/print tools, advertising labels, newsletter prompts, legal links.
std::span<const std::string_view> furniture_lines();
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
