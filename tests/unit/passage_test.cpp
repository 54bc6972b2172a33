// Unit tests for the passage finder behind snippets (searcher/src/results/passage.hpp).
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "results/passage.hpp"
#include "text_util.hpp"

using namespace nsearch;
using passage::Finder;
using passage::Passage;
using passage::Target;
using passage::Term;

namespace {

Target word(std::string w, double weight = 1.0) {
  return {{Term{Term::Kind::word, std::move(w)}}, weight};
}
Target stem(std::string s, double weight = 1.0) {
  return {{Term{Term::Kind::stem, std::move(s)}}, weight};
}
Target phrase(std::vector<std::string> words) {
  Target t;
  for (auto& w : words)
    t.terms.push_back({Term::Kind::word, std::move(w)});
  return t;
}

passage::StemFunction english() {
  return [stemmer = Xapian::Stem("english"), last = std::string()](std::string_view w) mutable {
    last = stemmer(std::string(w));
    return std::string_view(last);
  };
}

std::vector<std::string> marked(const Passage& p) {
  std::vector<std::string> words;
  for (const auto& [b, e] : p.highlights) {
    REQUIRE(b < e);
    REQUIRE(e <= p.text.size());
    words.push_back(p.text.substr(b, e - b));
  }
  return words;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += s;
  return out;
}

bool valid_utf8(const std::string& s) {
  return !text::find_invalid_utf8(s).has_value();
}

// The snippet without its ellipses is a piece of the text (whitespace aside) made of whole words.
void check_whole_words(const std::string& body, const Passage& p) {
  std::string inner = p.text;
  if (inner.starts_with("…")) inner.erase(0, 3);
  if (inner.ends_with("…")) inner.erase(inner.size() - 3);
  REQUIRE_FALSE(inner.empty());
  const std::string flat = text::collapse_whitespace(body);
  const auto at = flat.find(inner);
  REQUIRE(at != std::string::npos);
  const auto is_alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (at > 0) CHECK_FALSE((is_alnum(flat[at - 1]) && is_alnum(inner.front())));
  const auto after = at + inner.size();
  if (after < flat.size()) CHECK_FALSE((is_alnum(flat[after]) && is_alnum(inner.back())));
}

}  // namespace

TEST_CASE("passage: words read as Xapian's term generator reads them", "[snippets][passage]") {
  const std::string text =
      "The U.S. and AT&T don't sell C++ at 3.5% or 1,000 \xE5\x8C\x97\xE4\xBA\xAC ok";
  passage::Tokenizer tokenizer(text);
  std::vector<std::string> terms;
  std::size_t b = 0, e = 0;
  std::string term;
  while (tokenizer.next(b, e, term))
    terms.push_back(term);
  CHECK(terms == std::vector<std::string>{"the", "us", "and", "at&t", "don't", "sell", "c++", "at",
                                          "3.5", "or", "1,000", "\xE5\x8C\x97", "\xE4\xBA\xAC",
                                          "ok"});
}

TEST_CASE("passage: the window with the most query terms, all marked", "[snippets][passage]") {
  std::string body = "The meeting opened with routine business about parks. ";
  body += repeat("Councillors discussed street lighting and bins at length. ", 20);
  body += "Later the elected mayor promised that elections would follow the election law. ";
  body += repeat("Residents asked about the parks and the bins again. ", 20);
  const Finder finder({stem("elect"), word("mayor", 2.0)}, english());
  const Passage p = finder.find(body, 160);
  CHECK_THAT(p.text, Catch::Contains("elected mayor"));
  CHECK(marked(p) == std::vector<std::string>{"elected", "mayor", "elections", "election"});
  CHECK(p.text.size() <= 160 + 6);
  check_whole_words(body, p);
  // It starts the sentence it is in: no "…" before it.
  CHECK(p.text.starts_with("Later the elected"));
}

TEST_CASE("passage: distinct terms beat repeats, rare terms beat common ones",
          "[snippets][passage]") {
  const std::string filler = repeat("nothing to see in these words at all here. ", 6);
  const std::string body =
      filler + "oil oil oil oil and more oil. " + filler + "oil and gas met. " + filler;
  const Finder both({word("oil"), word("gas")}, {});
  CHECK(marked(both.find(body, 60)) == std::vector<std::string>{"oil", "gas"});

  const std::string rare = filler + "the bank said. " + filler + "the tsunami hit. " + filler;
  const Finder weighted({word("bank", 0.5), word("tsunami", 5.0)}, {});
  CHECK(marked(weighted.find(rare, 40)) == std::vector<std::string>{"tsunami"});
}

TEST_CASE("passage: phrases marked whole, CJK characters one by one", "[snippets][passage]") {
  const std::string body = "Oil rose. Then crude oil fell, and oil traders sold crude.";
  const Finder finder({phrase({"crude", "oil"})}, {});
  const Passage p = finder.find(body, 200);
  CHECK(p.text == body);
  CHECK(marked(p) == std::vector<std::string>{"crude oil"});

  // 北京 (Beijing) in Chinese text: each character is a word.
  const std::string cjk =
      "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\x8C\x97\xE4\xBA\xAC\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82";
  const Finder chars({word("\xE5\x8C\x97"), word("\xE4\xBA\xAC")}, {});
  const Passage c = chars.find(cjk, 100);
  CHECK(c.text == cjk);
  CHECK(marked(c) == std::vector<std::string>{"\xE5\x8C\x97", "\xE4\xBA\xAC"});
}

TEST_CASE("passage: cut at word boundaries with ellipses, UTF-8 intact", "[snippets][passage]") {
  const std::string word_ru = "\xD0\xBD\xD0\xB5\xD1\x84\xD1\x82\xD1\x8C";  // нефть
  std::string body;
  for (int i = 0; i < 40; ++i)
    body += "\xD1\x86\xD0\xB5\xD0\xBD\xD1\x8B \xD0\xBD\xD0\xB0 ";  // цены на
  body += word_ru + " ";
  for (int i = 0; i < 40; ++i)
    body += "\xD1\x80\xD0\xB0\xD1\x81\xD1\x82\xD1\x83\xD1\x82 ";  // растут
  const Finder finder({word(word_ru)}, {});
  for (std::size_t bytes : {10u, 33u, 60u, 101u, 240u}) {
    INFO("bytes " << bytes);
    const Passage p = finder.find(body, bytes);
    CHECK(valid_utf8(p.text));
    CHECK(marked(p) == std::vector<std::string>{word_ru});
    CHECK(p.text.starts_with("…"));
    CHECK(p.text.ends_with("…"));
    check_whole_words(body, p);
  }
}

TEST_CASE("passage: no match gives the opening of the text", "[snippets][passage]") {
  const std::string body = "First sentence of the story. " + repeat("more words follow and ", 30);
  const Finder finder({word("absent")}, {});
  const Passage p = finder.find(body, 80);
  CHECK(p.highlights.empty());
  CHECK(p.text.starts_with("First sentence of the story."));
  CHECK(p.text.ends_with("…"));
  CHECK(p.text.size() <= 80 + 3);
  check_whole_words(body, p);
}

TEST_CASE("passage: hostile inputs", "[snippets][passage]") {
  const Finder finder({word("oil"), stem("elect")}, english());
  SECTION("empty text") {
    const Passage p = finder.find("", 100);
    CHECK(p.text.empty());
    CHECK(p.highlights.empty());
  }
  SECTION("one huge word") {
    const std::string huge(200'000, 'a');
    const Passage p = finder.find(huge, 100);
    CHECK(p.text.size() <= 100 + 3);
    CHECK(p.text.ends_with("…"));
    CHECK(p.highlights.empty());
    const Passage tiny = finder.find(huge + " oil", 0);
    CHECK(valid_utf8(tiny.text));
  }
  SECTION("a huge multi-byte word cut at a character boundary") {
    std::string huge;
    for (int i = 0; i < 50'000; ++i)
      huge += "\xD0\xB0";  // а
    const Passage p = finder.find(huge, 101);
    CHECK(valid_utf8(p.text));
    CHECK(p.text.size() <= 101 + 3);
  }
  SECTION("invalid UTF-8") {
    const std::string bad = "crude \xFF\xFE oil\xC3 and \xE2\x82 elections \x80";
    const Passage p = finder.find(bad, 100);
    CHECK(valid_utf8(p.text));
    CHECK(marked(p) == std::vector<std::string>{"oil", "elections"});
  }
  SECTION("only punctuation and spaces") {
    const Passage p = finder.find(" \n\t ... !!! ", 100);
    CHECK(valid_utf8(p.text));
    CHECK(p.highlights.empty());
  }
  SECTION("no targets at all") {
    const Finder none({}, {});
    const Passage p = none.find("Some text here.", 100);
    CHECK(p.text == "Some text here.");
  }
}
