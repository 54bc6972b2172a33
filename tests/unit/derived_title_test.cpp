// Unit tests for titles derived from the body (indexer/src/analyse/derived_title.hpp): the first
// sentence when short, else cut on a word (or, without spaces, a character) with "…".
#include <catch2/catch.hpp>
#include <string>

#include "analyse/derived_title.hpp"
#include "code_points.hpp"
#include "text_util.hpp"

using nsearch::derive_title;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

}  // namespace

TEST_CASE("derived title: a short first sentence is the title", "[derived_title]") {
  struct Case {
    const char* body;
    const char* title;
  };
  const Case cases[] = {
      // The full stop goes, as in headlines; a question or exclamation stays.
      {"Floods close the valley roads. More rain is due on Monday.",
       "Floods close the valley roads"},
      {"Is this the end? Nobody knows.", "Is this the end?"},
      {"日本の首相が辞任。後任は未定。", "日本の首相が辞任"},
      // Leading whitespace and punctuation (quotes, dashes, bullets) are skipped.
      {"  \n„Wir sind bereit“, sagte der Minister am Montag. Dann ging er.",
       "Wir sind bereit“, sagte der Minister am Montag"},
      {"— • «Hello world» said the sign.", "Hello world» said the sign"},
      // A paragraph ends the sentence; a dash left dangling goes.
      {"Breaking news\nThe council met today.", "Breaking news"},
      {"Wien –\nDie Regierung tagte.", "Wien"},
      // Full stops that do not end a sentence: ordinals, abbreviations, initials, initialisms,
      // a lower-case word after.
      {"Am 1. Juli beginnt die Saison. Danach folgt mehr.", "Am 1. Juli beginnt die Saison"},
      {"Dr. Jane Smith of the U.S. Navy spoke. Then more.",
       "Dr. Jane Smith of the U.S. Navy spoke"},
      {"J. Smith wins again. Then more.", "J. Smith wins again"},
      {"He arrived at approx. noon on Monday. Then he left.",
       "He arrived at approx. noon on Monday"},
      {"Die Wahl ist z. B. in Wien offen. Mehr dazu.", "Die Wahl ist z. B. in Wien offen"},
      {"Es wird ... spannend. Sehr.", "Es wird ... spannend"},
      // Nothing but spaces and punctuation: no title.
      {"", ""},
      {" ... — !! \n", ""},
  };
  for (const Case& c : cases) {
    INFO(c.body);
    CHECK(derive_title(c.body) == c.title);
  }
}

TEST_CASE("derived title: a long first sentence is cut on a word with an ellipsis",
          "[derived_title]") {
  // 10kGNAD: the first sentence is the article's teaser. Cut within 90 characters, before
  // "K.-o.-Phase" would pass them.
  CHECK(derive_title("Franzosen verteidigen 2:1-Führung – Kritische Stimmen zu Schwedens "
                     "Superstar, Tore in K.-o.-Phase fehlen – Benfica mit Abwehrsorgen nach St. "
                     "Petersburg. London – Das Spiel...") ==
        "Franzosen verteidigen 2:1-Führung – Kritische Stimmen zu Schwedens Superstar, Tore in…");
  // At most 15 words, whatever their length; a comma left by the cut goes.
  CHECK(derive_title("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
                     "omicron, pi rho sigma tau upsilon.") ==
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron…");
  // Runs of whitespace inside count once.
  CHECK(derive_title("Short   words\tonly. Next.") == "Short words only");
}

TEST_CASE("derived title: text without spaces is cut between characters, never inside one",
          "[derived_title]") {
  // Chinese: a character says about as much as a word, so about 30 of them.
  const std::string chinese = derive_title(repeat("中", 40) + "。");
  CHECK(chinese == repeat("中", 30) + "…");
  // One very long word of two-byte letters: cut at 90 characters, on a character boundary.
  const std::string long_word = derive_title(repeat("é", 200));
  CHECK(long_word == repeat("é", 90) + "…");
  // Whatever the mix of one- to four-byte characters, the title is valid UTF-8 within the limits.
  const std::string mixed = "aé中🙂 ";
  for (std::size_t shift = 0; shift < 12; ++shift) {
    const std::string body = repeat("x", shift) + repeat(mixed, 60);
    const std::string title = derive_title(body);
    INFO(body);
    CHECK_FALSE(nsearch::text::find_invalid_utf8(title));
    CHECK(nsearch::test::code_points(title) <= nsearch::kDerivedTitleWidth + 1);
    CHECK(title.ends_with("…"));
  }
}
