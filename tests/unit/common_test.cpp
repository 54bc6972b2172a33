// Unit tests for common/: schema terms, dates, languages, text utilities.
#include <catch2/catch.hpp>

#include <algorithm>

#include "function_words.hpp"
#include "languages.hpp"
#include "nsearch/dates.hpp"
#include "nsearch/schema.hpp"
#include "stored_data.hpp"
#include "text_util.hpp"

using namespace nsearch;
using namespace std::string_literals;

TEST_CASE("schema: prefixes follow Omega conventions", "[schema]") {
  CHECK(schema::kTitlePrefix == "S");
  CHECK(schema::kAuthorPrefix == "A");
  CHECK(schema::kIdPrefix == "Q");
  CHECK(schema::kUrlPrefix == "U");
  CHECK(schema::kHostPrefix == "H");
  CHECK(schema::kLangPrefix == "L");
  CHECK(schema::kCategoryPrefix == "K");
  CHECK(schema::kDayPrefix == "D");
  CHECK(schema::kMonthPrefix == "M");
  CHECK(schema::kYearPrefix == "Y");
  CHECK(schema::day_term("20210924083000") == "D20210924");
  CHECK(schema::month_term("20210924083000") == "M202109");
  CHECK(schema::year_term("20210924083000") == "Y2021");
  CHECK(schema::year_term("2021") == "Y2021");
  CHECK(schema::kOutletPrefix.starts_with("X"));
}

TEST_CASE("schema: term builders", "[schema]") {
  CHECK(schema::id_term("reuters21578-1") == "Qreuters21578-1");
  CHECK(schema::outlet_term("The New Diplomat") == "XOthe new diplomat");
  CHECK(schema::outlet_term("  the  NEW diplomat ") == schema::outlet_term("The New Diplomat"));
  CHECK(schema::outlet_term("DER STANDARD") == "XOder standard");
  CHECK(schema::category_term("Arts, Culture") == "Karts, culture");
  CHECK(schema::host_term("BBC.co.uk") == "Hbbc.co.uk");
  CHECK(schema::lang_term("en") == "Len");

  SECTION("long values stay under Xapian's term limit and stay distinct") {
    const std::string base = "https://example.com/" + std::string(400, 'a');
    const std::string a = schema::url_term(base + "1");
    const std::string b = schema::url_term(base + "2");
    CHECK(a.size() <= 245);
    CHECK(b.size() <= 245);
    CHECK(a != b);
    CHECK(a.starts_with("Uhttps://example.com/aaa"));
  }
  SECTION("shortening never splits a UTF-8 character") {
    // The cut falls at byte 221 of the value: inside the third "é" after 216 ASCII bytes.
    std::string value(216, 'x');
    for (int i = 0; i < 20; ++i)
      value += "é";
    const std::string term = schema::outlet_term(value);
    CHECK(term.size() <= 240);
    CHECK_FALSE(text::find_invalid_utf8(term).has_value());
  }
}

TEST_CASE("schema: facets map to value slots", "[schema]") {
  REQUIRE(schema::find_facet("outlet"));
  CHECK(schema::find_facet("outlet")->slot == schema::kOutletSlot);
  CHECK(schema::find_facet("year")->chronological);
  CHECK_FALSE(schema::find_facet("colour"));
}

TEST_CASE("dates: ISO 8601 forms", "[dates]") {
  struct Case {
    const char* text;
    const char* iso;  // nullptr = rejected
  };
  const Case cases[] = {
      {"2021-09-24", "2021-09-24"},
      {"2021-09-24T08:30:00Z", "2021-09-24T08:30:00Z"},
      {"2021-09-24T08:30Z", "2021-09-24T08:30:00Z"},
      {"2021-09-24 08:30:15", "2021-09-24T08:30:15"},
      {"1987-02-26T15:01:01", "1987-02-26T15:01:01"},
      {"2018-01-05T12:00:00.123+02:00", "2018-01-05T10:00:00Z"},
      {"2021-12-31T23:30:00-01:00", "2022-01-01T00:30:00Z"},
      {"2021-03-01T00:30:00+0100", "2021-02-28T23:30:00Z"},
      {"  2021-09-24  ", "2021-09-24"},
      {"2021-02-29", nullptr},
      {"2020-02-29", "2020-02-29"},
      {"2021-13-01", nullptr},
      {"2021-09-24T25:00:00Z", nullptr},
      {"2021-09-24T08:30:00 junk", nullptr},
      {"September 24, 2021", nullptr},
      {"", nullptr},
      {"2021", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto parsed = parse_iso_date(c.text);
    if (c.iso == nullptr) {
      CHECK_FALSE(parsed.has_value());
    } else {
      REQUIRE(parsed.has_value());
      CHECK(parsed->iso() == c.iso);
    }
  }
}

TEST_CASE("dates: partial dates and sort keys", "[dates]") {
  CHECK(parse_iso_date("2021", true)->iso() == "2021-01-01");
  CHECK(parse_iso_date("2021-09", true)->iso() == "2021-09-01");
  CHECK_FALSE(parse_iso_date("2021-13", true));
  CHECK(parse_iso_date("2021-09-24T08:30:05Z")->sort_key() == "20210924083005");
  CHECK(parse_iso_date("2021-09-24")->sort_key() == "20210924000000");
  CHECK(*parse_iso_date("2021-09-24") < *parse_iso_date("2021-09-25"));
}

TEST_CASE("languages: codes and names normalise to ISO 639-1", "[languages]") {
  CHECK(languages::normalise("en") == "en");
  CHECK(languages::normalise("EN") == "en");
  CHECK(languages::normalise("en-US") == "en");
  CHECK(languages::normalise("english") == "en");
  CHECK(languages::normalise("Deutsch") == "de");
  CHECK(languages::normalise("français") == "fr");
  CHECK(languages::normalise("nb") == "no");
  CHECK(languages::normalise("klingon") == "und");
  CHECK(languages::normalise("") == "und");
}

TEST_CASE("languages: a Snowball stemmer per language", "[languages]") {
  CHECK(languages::stemmer_for("en")("contractors") == "contractor");
  CHECK(languages::stemmer_for("de")("Wahlen") != "Wahlen");
  CHECK(languages::stemmer_for("ja")("選挙") == "選挙");  // no stemmer: identity
  for (const char* code :
       {"ar", "ca", "da", "de", "en", "es", "eu", "fi", "fr", "ga", "hu", "hy",
        "id", "it", "lt", "ne", "nl", "no", "pt", "ro", "ru", "sv", "ta", "tr"}) {
    CAPTURE(code);
    CHECK_NOTHROW(languages::stemmer_for(code));
  }
  CHECK_FALSE(languages::stop_words("en").empty());
}

TEST_CASE("languages: one function-word lexicon for every stemmed language", "[languages]") {
  // Every language with a Snowball stemmer has a list, and the lists tell languages apart.
  for (const std::string_view code :
       {"ar", "ca", "da", "de", "en", "es", "eu", "fi", "fr", "ga", "hu", "hy",
        "id", "it", "lt", "ne", "nl", "no", "pt", "ro", "ru", "sv", "ta", "tr"}) {
    INFO(code);
    CHECK_FALSE(languages::function_words(code).empty());
  }
  const auto& index = languages::FunctionWordIndex::get();
  const auto codes = languages::function_word_languages();
  const auto bit = [&](std::string_view code) {
    const auto at = std::find(codes.begin(), codes.end(), code);
    REQUIRE(at != codes.end());
    return languages::FunctionWordIndex::LanguageSet{1} << (at - codes.begin());
  };
  CHECK((index.languages_of("und") & bit("de")) != 0);
  CHECK((index.languages_of("und") & bit("en")) == 0);
  CHECK((index.languages_of("się") & bit("pl")) != 0);
  CHECK(index.languages_of("harbour") == 0);
  CHECK(languages::is_cjk_function_char(U'的'));
  CHECK_FALSE(languages::is_cjk_function_char(U'港'));
}

TEST_CASE("text: words, with Chinese and Japanese counted by characters", "[text]") {
  CHECK(text::word_count("") == 0);
  CHECK(text::word_count("  the harbour\nferry  ") == 3);
  CHECK(text::word_count("武汉封城") == 2);  // four characters, two to a word
  CHECK(text::word_count("武汉 is a city") == 4);
  CHECK(text::decode_utf8_at("武", 0) == U'武');
  CHECK(text::decode_utf8_at("\xE6\xAD", 0) == 0xFFFD);  // cut off
  CHECK(text::is_cjk_ideograph_or_kana(U'の'));
  CHECK_FALSE(text::is_cjk_ideograph_or_kana(U'a'));
}

TEST_CASE("text: UTF-8 validation", "[text]") {
  CHECK_FALSE(text::find_invalid_utf8("plain ascii"));
  CHECK_FALSE(text::find_invalid_utf8("café – 日本 🙂"));
  CHECK(text::find_invalid_utf8("ab\xff"
                                "cd") == 2u);
  CHECK(text::find_invalid_utf8("\xc3") == 0u);              // truncated sequence
  CHECK(text::find_invalid_utf8("x\xc0\xaf") == 1u);         // overlong '/'
  CHECK(text::find_invalid_utf8("\xed\xa0\x80") == 0u);      // UTF-16 surrogate
  CHECK(text::find_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // beyond U+10FFFF
  // The length of the sequence at a byte, 0 where none starts.
  CHECK(text::valid_utf8_length("a\xc3\xa9", 0) == 1u);
  CHECK(text::valid_utf8_length("a\xc3\xa9", 1) == 2u);
  CHECK(text::valid_utf8_length("a\xc3\xa9", 2) == 0u);  // a continuation byte
  CHECK(text::valid_utf8_length("\xf0\x9f\x99\x82", 0) == 4u);
  CHECK(text::valid_utf8_length("\xe2\x80", 0) == 0u);  // cut off
  CHECK(text::valid_utf8_length("\xed\xa0\x80", 0) == 0u);
}

TEST_CASE("text: whitespace, case, hosts", "[text]") {
  CHECK(text::trim("  a b \n") == "a b");
  CHECK(text::trim("\xc2\xa0x\xc2\xa0") == "x");
  CHECK(text::collapse_whitespace("  a \t\n b  ") == "a b");
  // Soft hyphens, zero-width spaces, word joiners and BOMs go; joiners that shape scripts stay.
  CHECK(text::remove_invisible_marks("Mit\xC2\xAD"
                                     "tel\xC2\xAD"
                                     "al\xC2\xAD"
                                     "ter") == "Mittelalter");
  CHECK(text::remove_invisible_marks("\xEF\xBB\xBF"
                                     "long\xE2\x80\x8B"
                                     "word\xE2\x81\xA0"
                                     "s") == "longwords");
  CHECK(text::remove_invisible_marks("\xE0\xA6\x95\xE2\x80\x8D") == "\xE0\xA6\x95\xE2\x80\x8D");
  CHECK(text::lowercase("ÉCOLE Straße") == "école straße");
  CHECK(text::url_host("https://www.Reuters.com/world/x?y#z") == "reuters.com");
  CHECK(text::url_host("http://user@news.example:8080/a") == "news.example");
  CHECK(text::url_host("ftp://example.com/") == "");
  CHECK(text::url_host("not a url") == "");
  CHECK(text::hex_digest("a").size() == 16);
  CHECK(text::hex_digest("a") != text::hex_digest("b"));
  CHECK(text::line_of_offset("a\nb\nc", 4) == 3);
}

TEST_CASE("stored data: round trip with nulls for unknown fields", "[schema]") {
  Article a;
  a.id = "x1";
  a.title = "T \"quoted\"";
  a.body = "line1\nline2";
  a.lang = "en";
  const std::string data = serialise_article(a);
  CHECK(data.find("\"date\":null") != std::string::npos);
  const Article back = deserialise_article(data);
  CHECK(back.id == a.id);
  CHECK(back.title == a.title);
  CHECK(back.body == a.body);
  CHECK(back.date.empty());
  CHECK(deserialise_article("not json").id.empty());
}

TEST_CASE("stored data: every character survives, odd data reads as JSON says", "[schema]") {
  const Article a{.id = "q\\\"/1",
                  .title = "tab\there, bell\x01, nul\x00!"s,
                  .outlet = "Le Monde – été 🙂 日本 \u2028",
                  .date = "2021-09-24T08:30:00Z",
                  .author = "\x7f\x1f",
                  .url = "https://example.com/a?b=1&c=<d>",
                  .lang = "fr",
                  .category = "World",
                  .body = "line1\r\nline2\f\b",
                  .source = "/data/x.jsonl"};
  const Article back = deserialise_article(serialise_article(a));
  for (const auto field :
       {&Article::id, &Article::title, &Article::outlet, &Article::date, &Article::author,
        &Article::url, &Article::lang, &Article::category, &Article::source, &Article::body}) {
    CHECK(back.*field == a.*field);
  }

  // Not as serialise_article writes it, but JSON all the same.
  const Article spaced =
      deserialise_article(" { \"id\" : \"a\\u00e9\\u0041\" ,\n\"title\":null, \"x\":\"y\" } ");
  CHECK(spaced.id == "a\u00e9A");
  CHECK(spaced.title.empty());
  CHECK(deserialise_article(R"({"id":"\ud83d\ude42"})").id == "🙂");  // a surrogate pair
  const Article number = deserialise_article(R"({"id":"n","title":7,"extra":{"k":[1]}})");
  CHECK(number.id == "n");
  CHECK(number.title.empty());
  CHECK(deserialise_article(R"({"id":"first","id":"last"})").id == "last");
  CHECK(deserialise_article(R"({"id":"first","id":null})").id.empty());
  // Malformed: nothing is read.
  CHECK(deserialise_article(R"({"id":"a"} x)").id.empty());
  CHECK(deserialise_article(R"({"id":"a",})").id.empty());
  CHECK(deserialise_article(R"({"id":"a\q"})").id.empty());
  CHECK(deserialise_article("{\"id\":\"a\x01\"}").id.empty());  // raw control character
  CHECK(deserialise_article("{\"id\":\"a\xff\"}").id.empty());  // not UTF-8
  CHECK(deserialise_article(R"({"id":"a","title":"unterminated)").id.empty());
}

TEST_CASE("dates: the free-form dates news pages print", "[dates]") {
  struct Case {
    const char* text;
    const char* iso;  // nullptr = rejected
  };
  const Case cases[] = {
      {"2021-09-24T08:30:00+02:00", "2021-09-24T06:30:00Z"},
      {"Fri, 24 Sep 2021 08:30:00 +0200", "2021-09-24T06:30:00Z"},
      {"Fri, 24 Sep 2021 08:30:00 GMT", "2021-09-24T08:30:00Z"},
      {"Mon, 14 Jan 2008 10:32:05 EST", "2008-01-14T15:32:05Z"},
      {"September 24, 2021", "2021-09-24"},
      {"Sept. 24, 2021", "2021-09-24"},
      {"Sep 24 2021", "2021-09-24"},
      {"24 Sep 2021", "2021-09-24"},
      {"24-Sep-2021", "2021-09-24"},
      {"Friday 24th September 2021", "2021-09-24"},
      {"Friday, the 24th of September, 2021", "2021-09-24"},
      {"24 September 2021 08:30", "2021-09-24T08:30:00"},
      {"Sept. 24, 2021, 8:30 a.m. ET", "2021-09-24T12:30:00Z"},
      {"Jan. 14, 2008 4:05 PM PT", "2008-01-15T00:05:00Z"},
      {"Published: Monday, 14 January 2008, 10:32 GMT", "2008-01-14T10:32:00Z"},
      {"Updated 12:15 pm, January 3, 2008", "2008-01-03T12:15:00"},
      {"2021/09/24", "2021-09-24"},
      {"24.09.2021", "2021-09-24"},
      {"24/09/2021", "2021-09-24"},
      {"09/24/2021", "2021-09-24"},
      {"20210924", "2021-09-24"},
      {"09/10/2021", nullptr},  // ambiguous: not guessed
      {"September 2021", nullptr},
      {"31 February 2021", nullptr},
      {"Sep 24", nullptr},
      {"yesterday", nullptr},  // no anchor
      {"hello world", nullptr},
      {"24 Sep 2021 25:00", nullptr},
      {"12/31/9999 11:59 PM EST", nullptr},  // the zone would carry it past the last year
      {"12/31/9999 11:59 PM GMT", "9999-12-31T23:59:00Z"},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto parsed = parse_date(c.text);
    if (c.iso == nullptr) {
      CHECK_FALSE(parsed.has_value());
    } else {
      REQUIRE(parsed.has_value());
      CHECK(parsed->iso() == c.iso);
    }
  }
}

TEST_CASE("dates: month and weekday names", "[dates]") {
  CHECK(month_from_name("january") == 1);
  CHECK(month_from_name("sep") == 9);
  CHECK(month_from_name("sept") == 9);
  CHECK(month_from_name("september") == 9);
  CHECK(month_from_name("may") == 5);
  CHECK(month_from_name("septe") == 0);  // neither the name nor an abbreviation
  CHECK(month_from_name("ja") == 0);
  CHECK(month_from_name("") == 0);
  CHECK(is_weekday_name("thursday"));
  CHECK(is_weekday_name("thurs"));
  CHECK(is_weekday_name("sun"));
  CHECK_FALSE(is_weekday_name("mond"));  // German "Mond" (moon), not Monday
  CHECK_FALSE(is_weekday_name("sunny"));
}

TEST_CASE("dates: relative forms need an anchor", "[dates]") {
  const DateTime anchor = *parse_iso_date("2021-09-24T10:00:00Z");
  CHECK(parse_date("yesterday", anchor)->iso() == "2021-09-23");
  CHECK(parse_date("today", anchor)->iso() == "2021-09-24");
  CHECK(parse_date("3 hours ago", anchor)->iso() == "2021-09-24T07:00:00Z");
  CHECK(parse_date("2 days ago", anchor)->iso() == "2021-09-22");
  CHECK(parse_date("1 week ago", anchor)->iso() == "2021-09-17");
  CHECK_FALSE(parse_date("3 fortnights ago", anchor));
  CHECK(parse_date("10000 days ago", anchor)->iso() == "1994-05-09");
  CHECK(parse_date("17000000 hours ago", anchor)->iso() == "0082-05-19T02:00:00Z");
  // Found by the dates fuzzer: a count reaching back before year 1 gave year -13999, and larger
  // ones wrapped around in std::chrono::year ("999999999 days ago" was 7311-12-29); nine digits
  // of weeks overflowed an int.
  CHECK_FALSE(parse_date("140426426 hrs ago", anchor));
  CHECK_FALSE(parse_date("999999999 weeks ago", anchor));
  CHECK_FALSE(parse_date("999999999 days ago", anchor));
  const DateTime first_day = *parse_iso_date("0001-01-01T10:00:00Z");
  CHECK(parse_date("today", first_day)->iso() == "0001-01-01");
  CHECK(parse_date("10 hours ago", first_day)->iso() == "0001-01-01T00:00:00Z");
  CHECK_FALSE(parse_date("11 hours ago", first_day));
  CHECK_FALSE(parse_date("yesterday", first_day));
}

TEST_CASE("dates: found inside bylines and datelines", "[dates]") {
  CHECK(find_date("By Jane Doe | Monday, 14 January 2008, 10:32 GMT | 3 comments")->iso() ==
        "2008-01-14T10:32:00Z");
  CHECK(find_date("Posted on March 3, 2024 by admin")->iso() == "2024-03-03");
  CHECK(find_date("LONDON, Jan 14 2008 (Reuters) - Oil rose")->iso() == "2008-01-14");
  CHECK_FALSE(find_date("No date in this line, 12 items for 2008 fans"));
  CHECK_FALSE(find_date(std::string(100000, 'x')));
  // Found by the dates fuzzer: a day past 255 wrapped around in std::chrono::day and passed.
  CHECK_FALSE(nsearch::is_valid_day(2021, 9, 2842));
  CHECK_FALSE(nsearch::is_valid_day(2021, 265, 1));
  const auto day_2842 = find_date("2021-09-2842-09 -8:24Tp8:B: zJan");
  if (day_2842) CHECK(nsearch::is_valid_day(day_2842->year, day_2842->month, day_2842->day));
}
