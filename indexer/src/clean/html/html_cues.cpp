// Wording cues: see html_cues.hpp. Blocks are compared in a normalised form: lower-case, digit
// runs as '#', punctuation at both ends removed ("» 5 Comments:" -> "# comments").
#include "clean/html/html_cues.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <string>

#include "clean/furniture_lexicon.hpp"
#include "nsearch/dates.hpp"
#include "text_util.hpp"

namespace nsearch::html {
namespace {

std::string normalise(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_digits = false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) {
      if (!in_digits) out += '#';
      in_digits = true;
      continue;
    }
    in_digits = false;
    out += static_cast<char>(std::tolower(u));
  }
  const auto is_edge = [](unsigned char c) {
    return std::isspace(c) || (std::ispunct(c) && c != '#') || c >= 0x80;
  };
  std::size_t b = 0, e = out.size();
  while (b < e && is_edge(static_cast<unsigned char>(out[b])))
    ++b;
  while (e > b && is_edge(static_cast<unsigned char>(out[e - 1])))
    --e;
  // Unicode-aware lower case for the other languages' phrases ("Ähnliche Artikel").
  return text::lowercase(std::string_view(out).substr(b, e - b));
}

bool starts_with_any(std::string_view s, std::span<const std::string_view> list) {
  for (const std::string_view p : list) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

bool contains_any(std::string_view s, std::span<const std::string_view> list) {
  for (const std::string_view p : list) {
    if (s.find(p) != std::string_view::npos) return true;
  }
  return false;
}

bool equals_any(std::string_view s, std::span<const std::string_view> list) {
  for (const std::string_view p : list) {
    if (s == p) return true;
  }
  return false;
}

// Headings and notices that open a comment section (short blocks only).
constexpr std::string_view kCommentHeadings[] = {"comments",
                                                 "comment",
                                                 "# comments",
                                                 "# comment",
                                                 "reader comments",
                                                 "readers' comments",
                                                 "readers comments",
                                                 "user comments",
                                                 "your comments",
                                                 "post a comment",
                                                 "post your comment",
                                                 "post comment",
                                                 "leave a comment",
                                                 "add a comment",
                                                 "add your comment",
                                                 "add comment",
                                                 "write a comment",
                                                 "have your say",
                                                 "comments are closed",
                                                 "comments are now closed",
                                                 "comments closed",
                                                 "join the discussion",
                                                 "join the conversation",
                                                 "discuss this",
                                                 "what do you think",
                                                 "share your thoughts",
                                                 "talkback",
                                                 "reader reactions",
                                                 "readers respond",
                                                 "your views",
                                                 "sound off",
                                                 "there are no comments",
                                                 "there are currently no comments",
                                                 "be the first to comment",
                                                 "no comments yet",
                                                 "showing # comments",
                                                 "view all comments",
                                                 "read all comments",
                                                 "log in to comment",
                                                 "sign in to comment",
                                                 "you must be logged in",
                                                 "comment on this"};
// Sentences only comment sections and their forms contain.
constexpr std::string_view kCommentPhrases[] = {
    "limit your comments",      "report offensive",       "reader comments",
    "comment moderation",       "post comments",          "your comment will",
    "comments will appear",     "comments are moderated", "not post reader comments",
    "comments that are",        "will not be published",  "required fields are marked",
    "to post a comment",        "to leave a comment",     "before posting a comment",
    "thanks for your comments", "feedback is now closed", "comments have been closed"};
// Signatures of comments ("Posted by: Brad, Glasgow on 11:16am"); also blog post footers,
// which end the post just as well.
constexpr std::string_view kSignatures[] = {"posted by", "comment by", "submitted by"};
// Legal notices: phrases that only they use, and words that are notices on their own line.
constexpr std::string_view kLegalPhrases[] = {"all rights reserved",
                                              "may not be published",
                                              "may not be reproduced",
                                              "or redistributed",
                                              "is a trade mark of",
                                              "is a trademark of",
                                              "copyright #",
                                              "copyright \xC2\xA9",
                                              "copyright (c)",
                                              "\xC2\xA9 #",
                                              "(c) #"};
constexpr std::string_view kLegalLines[] = {
    "copyright",      "terms and conditions", "terms of use", "terms of service",
    "privacy policy", "privacy statement",    "disclaimer"};
constexpr std::string_view kCreditPhrases[] = {"contributed to this report",
                                               "contributed reporting", "can be reached at",
                                               "can be contacted at", "reported from"};
constexpr std::string_view kTeaserEndings[] = {
    "full story",      "read more",           "more",      "continue reading",
    "read full story", "read the full story", "click here"};
// Tool links that come with a few more words ("Send this article to Friends by E-Mail").
constexpr std::string_view kToolPhrases[] = {
    "printer friendly", "printer-friendly", "print this",        "email this",    "e-mail this",
    "send this",        "send to a friend", "email to a friend", "bookmark this", "share this"};
constexpr std::string_view kFurniture[] = {"on the net",
                                           "on the web",
                                           "advertisement",
                                           "advertising",
                                           "story continues below",
                                           "continued below",
                                           "share this",
                                           "share this article",
                                           "share this story",
                                           "email this",
                                           "email this article",
                                           "print this",
                                           "print this article",
                                           "e-mail this",
                                           "click here to enlarge",
                                           "click to enlarge",
                                           "enlarge this image",
                                           "font size",
                                           "text size",
                                           "font",
                                           "bookmark this",
                                           "related stories",
                                           "related articles",
                                           "related links",
                                           "related content",
                                           "related",
                                           "see also",
                                           "more on this story",
                                           "most read",
                                           "most popular",
                                           "most viewed",
                                           "most emailed",
                                           "latest stories",
                                           "top stories",
                                           "recommended",
                                           "you may also like",
                                           "more stories",
                                           "also in",
                                           "sponsored links",
                                           "back to top",
                                           "subscribe",
                                           "sign up"};

bool ends_with_ellipsis(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == ']' || t.back() == ')'))
    t.remove_suffix(1);
  return t.ends_with("...") || t.ends_with("\xE2\x80\xA6");
}

/// A bare web or mail address: a link someone pasted, not prose.
bool is_bare_address(std::string_view t) {
  if (t.find(' ') != std::string_view::npos) return false;
  return t.starts_with("http:") || t.starts_with("https:") || t.starts_with("www.") ||
         (t.find('@') != std::string_view::npos && t.find('.') != std::string_view::npos);
}

// Labels of tag and category lists.
constexpr std::string_view kListLabels[] = {"tags:",       "tagged:",   "filed under", "posted in",
                                            "categories:", "category:", "keywords:",   "topics:"};

// Words of dates and times besides month and weekday names: "10:32 am GMT", "Jan 14th".
constexpr std::string_view kTimeWords[] = {"am",  "pm",  "gmt", "utc", "est", "edt", "et", "pst",
                                           "pdt", "bst", "ist", "cet", "st",  "nd",  "rd", "th"};

bool is_date_word(std::string_view word) {
  const std::string lower = text::ascii_lowercase(word);
  if (lower == "may") return word == "May" || word == "MAY";  // the month, not the verb
  return month_from_name(lower) != 0 || is_weekday_name(lower) ||
         std::find(std::begin(kTimeWords), std::end(kTimeWords), lower) != std::end(kTimeWords);
}

}  // namespace

bool looks_like_date(std::string_view text) {
  std::size_t date_words = 0, numbers = 0, other = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto alnum = [&](std::size_t k) {
      return std::isalnum(static_cast<unsigned char>(text[k])) != 0;
    };
    while (i < text.size() && !alnum(i))
      ++i;
    std::size_t end = i;
    while (end < text.size() && alnum(end))
      ++end;
    if (end == i) break;
    const std::string_view word = text.substr(i, end - i);
    if (std::isdigit(static_cast<unsigned char>(word.front()))) {
      ++numbers;
    } else if (is_date_word(word)) {
      ++date_words;
    } else {
      ++other;
    }
    i = end;
  }
  // "14/01/2008 1:40:00 PM" has numbers only; "Posted 3 comments" is not a date.
  return numbers > 0 && other <= 3 && (date_words > 0 || (numbers >= 3 && other == 0));
}

namespace {

/// The normalised and the lower-cased text of a block.
struct Wording {
  std::string core;   // normalise()d
  std::string lower;  // trimmed, lower-cased
};

bool is_comment_heading(const Block& b, const Wording& w, std::span<const std::string_view> list) {
  for (const std::string_view h : list) {
    // "Comments (12)", "Comments are now closed for this story"
    const bool phrase = h.find(' ') != std::string_view::npos;
    if (w.core == h || (w.core.starts_with(h) && (phrase || b.words <= 4))) return true;
  }
  return false;
}

bool is_comment_start(const Block& b, const Wording& w) {
  if (b.words <= 12 && (is_comment_heading(b, w, kCommentHeadings) ||
                        is_comment_heading(b, w, furniture::comment_headings())))
    return true;
  return (b.words <= 80 && contains_any(w.core, kCommentPhrases)) ||
         (b.words <= 20 && starts_with_any(w.core, kSignatures));
}

bool is_furniture(const Block& b, const Wording& w) {
  if (b.words <= 3 && is_bare_address(text::trim(b.text))) return true;
  if (b.words <= 40 && starts_with_any(w.lower, kListLabels)) return true;
  if (b.words > 12) return false;
  for (const std::string_view f : kFurniture) {
    if (w.core == f) return true;
  }
  if (equals_any(w.core, furniture::furniture_lines()) ||
      equals_any(w.core, furniture::read_also_labels()) ||
      equals_any(w.core, furniture::ad_labels()))
    return true;
  // A related-stories heading; not an end of the article, as such boxes also stand inside it.
  constexpr std::size_t kMaxHeadingWords = 8;
  if (b.heading > 0 && b.words <= kMaxHeadingWords &&
      starts_with_any(w.core, furniture::related_heading_starts()))
    return true;

  return b.words <= 8 && contains_any(w.core, kToolPhrases);
}

bool is_legal_notice(const Block& b, const Wording& w) {
  // Cookie notices explain themselves at length; an article about cookies is longer still.
  constexpr std::size_t kMaxCookieNoticeWords = 150;
  if (b.words <= kMaxCookieNoticeWords && contains_any(w.core, furniture::cookie_phrases()))
    return true;
  if (b.words > 80) return false;
  if (contains_any(w.core, kLegalPhrases) || w.core.starts_with("disclaimer")) return true;
  if (contains_any(w.core, furniture::legal_phrases())) return true;
  if (w.lower.find("\xC2\xA9") != std::string::npos) return true;  // ©
  return b.words <= 15 && contains_any(w.core, kLegalLines);
}

bool is_credit(const Block& b, const Wording& w) {
  if (b.words <= 40 && contains_any(w.core, kCreditPhrases)) return true;
  constexpr std::size_t kMaxCreditWords = 12;
  if (b.words <= kMaxCreditWords && starts_with_any(w.core, furniture::credit_labels()))
    return true;
  // "By Jane Doe | January 14, 2008": a byline, not a sentence starting with "By".
  const std::string_view t = text::trim(b.text);
  return b.words <= 12 && (t.starts_with("By ") || t.starts_with("BY ")) && !b.ends_sentence();
}

/// kTeaser, kCutShort or kNone.
Cue teaser_cue(const Block& b, const Wording& w) {
  if (b.words > 80) return Cue::kNone;
  if (ends_with_ellipsis(b.text)) return Cue::kCutShort;
  // "... Full story" as a link; a sentence that happens to end in "more." is not one.
  if (b.link_chars == 0 || b.text.ends_with(".") || b.words > 60) return Cue::kNone;
  const auto ends_with_link_text = [&](std::string_view e) {
    const std::string_view core = w.core;
    return core.ends_with(e) && core.size() > e.size() && core[core.size() - e.size() - 1] == ' ';
  };
  for (const std::string_view e : kTeaserEndings) {
    if (ends_with_link_text(e)) return Cue::kTeaser;
  }
  for (const std::string_view e : furniture::teaser_endings()) {
    if (ends_with_link_text(e)) return Cue::kTeaser;
  }
  return Cue::kNone;
}

}  // namespace

Cue classify_block(const Block& b) {
  if (b.words == 0) return Cue::kNone;
  const Wording w{normalise(b.text), text::lowercase(text::trim(b.text))};
  if (is_comment_start(b, w)) return Cue::kCommentsStart;

  if (is_furniture(b, w)) return Cue::kFurniture;
  if (is_legal_notice(b, w)) return Cue::kLegalNotice;
  if (is_credit(b, w)) return Cue::kCredit;
  if (b.words <= 12 && looks_like_date(b.text)) return Cue::kDateline;
  return teaser_cue(b, w);
}

}  // namespace nsearch::html
