#include "clean/text_dump/text_cleaner_phrases.hpp"
#include "clean/furniture_lexicon.hpp"
#include "nsearch/dates.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <unordered_set>
#include <vector>

namespace nsearch::text_dump {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// Whether a phrase may end between `left` and `right` without cutting a word in two.
bool word_boundary(char left, char right) {
  return !is_alnum(left) || !is_alnum(right);
}

/// A set of lower-case phrases, matched so that the work per line does not grow with the size of
/// the list: by hashing for whole-line, leading and trailing matches (skipping prefix lengths no
/// phrase has), and by one scan with the phrases bucketed by first byte for matches anywhere.
/// Each list lives in a function-local constant, built on first use and immutable after.
class PhraseSet {
 public:
  PhraseSet(std::initializer_list<std::string_view> phrases) { add(phrases); }
  /// The cleaner's own (English) phrases and lists of the shared furniture lexicon.
  PhraseSet(std::initializer_list<std::string_view> own,
            std::initializer_list<std::span<const std::string_view>> shared) {
    add(own);
    for (const std::span<const std::string_view> list : shared)
      add(list);
  }

  /// `core` is one of the phrases.
  bool matches(std::string_view core) const { return phrases_.contains(core); }

  /// `core` starts with one of the phrases, which ends at a word boundary.
  bool starts(std::string_view core) const {
    if (core.empty() || by_first_byte_[static_cast<unsigned char>(core.front())].empty())
      return false;
    const std::size_t limit = std::min(core.size(), longest_);
    for (std::size_t end = 1; end <= limit; ++end) {
      if (has_length(end) && (end == core.size() || word_boundary(core[end - 1], core[end])) &&
          phrases_.contains(core.substr(0, end)))
        return true;
    }
    return false;
  }

  /// `core` ends with one of the phrases, which starts at a word boundary.
  bool ends(std::string_view core) const {
    const std::size_t limit = std::min(core.size(), longest_);
    for (std::size_t length = 1; length <= limit; ++length) {
      const std::size_t begin = core.size() - length;
      if (has_length(length) && (begin == 0 || word_boundary(core[begin - 1], core[begin])) &&
          phrases_.contains(core.substr(begin)))
        return true;
    }
    return false;
  }

  /// One of the phrases occurs in `text` as whole words.
  bool occurs_in(std::string_view text) const {
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (at > 0 && !word_boundary(text[at - 1], text[at])) continue;
      for (const std::string_view p : by_first_byte_[static_cast<unsigned char>(text[at])]) {
        const std::size_t end = at + p.size();
        if (text.compare(at, p.size(), p) == 0 &&
            (end == text.size() || word_boundary(text[end - 1], text[end])))
          return true;
      }
    }
    return false;
  }

 private:
  static constexpr std::size_t kLengthBits = 64;
  void add(std::span<const std::string_view> phrases) {
    for (const std::string_view p : phrases) {
      if (p.empty() || !phrases_.insert(p).second) continue;
      longest_ = std::max(longest_, p.size());
      if (p.size() < kLengthBits) lengths_ |= std::uint64_t{1} << p.size();
      by_first_byte_[static_cast<unsigned char>(p.front())].push_back(p);
    }
  }
  bool has_length(std::size_t n) const { return n >= kLengthBits || (lengths_ >> n & 1) != 0; }

  std::unordered_set<std::string_view> phrases_;
  std::array<std::vector<std::string_view>, 256> by_first_byte_;
  std::uint64_t lengths_ = 0;  // bit n: some phrase has n bytes
  std::size_t longest_ = 0;
};

// Lower-case words of a phrase core (split on anything that is not a letter, digit or '#').
std::vector<std::string_view> core_words(std::string_view core) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < core.size()) {
    while (i < core.size() && !is_alnum(core[i]) && static_cast<unsigned char>(core[i]) < 0x80)
      ++i;
    const std::size_t start = i;
    while (i < core.size() && (is_alnum(core[i]) || static_cast<unsigned char>(core[i]) >= 0x80))
      ++i;
    if (i > start) words.push_back(core.substr(start, i - start));
  }
  return words;
}

// Lines longer than this are text, not a menu entry, heading or notice.
constexpr std::size_t kMaxFurnitureWords = 12;

// ---------------------------------------------------------------- comment sections

// Headings and links that open a comment section (the article ends before them).
bool opens_comments(std::string_view core, std::size_t words) {
  // clang-format off
  static const PhraseSet kHeadings{{
      "comments", "comment", "# comments", "# comment", "comments #", "comments (#)",
      "# comments so far", "# responses", "# replies", "responses", "trackbacks", "discussion",
      "talkback", "talk back", "comments (no comments posted.)", "no comments", "no comments yet",
      "reader comments", "readers' comments", "readers comments", "user comments", "your comments",
      "reader feedback", "feedback", "what do you think?", "what do you think", "speak your mind"},
      {furniture::comment_headings()}};
  static const PhraseSet kOpenings{{
      "post a comment", "post comment", "post your comment", "leave a comment", "leave a reply",
      "leave your comment", "add a comment", "add your comment", "add comment", "write a comment",
      "submit a comment", "submit comment", "have your say", "join the discussion",
      "join the conversation", "discuss this", "comment on this", "comments are closed",
      "comments closed", "show comments", "view comments", "view all comments", "read comments",
      "read all comments", "# comments on", "# responses to", "# thoughts on", "comments on this",
      "comments for this", "readers respond", "reader responses", "comments from readers",
      "sort comments", "comments are moderated", "thanks for your comment",
      "thank you for your comment", "this feedback is now closed", "comments are now closed",
      "commenting is closed", "commenting has been disabled"},
      {furniture::comment_headings()}};
  // clang-format on
  return words <= kMaxFurnitureWords && (kHeadings.matches(core) || kOpenings.starts(core));
}

// A comment-policy sentence: "Comments are moderated and will be posted...", "The following are
// comments from the readers." An article sentence that merely says "declined to comment" has
// none of the policy words.
bool is_comment_policy(const std::vector<std::string_view>& words) {
  // clang-format off
  static const PhraseSet kPolicyWords{
      "post", "posted", "posting", "poster", "posters", "readers", "moderated", "moderation",
      "moderator", "guidelines", "abusive", "abuse", "libelous", "register", "registered",
      "logged", "login", "submit", "characters", "commenter", "commenters"};
  // clang-format on
  constexpr std::size_t kMaxPolicyWords = 60;
  constexpr std::size_t kLeadWords = 6;  // "comment" comes early in such a sentence
  if (words.size() > kMaxPolicyWords) return false;
  bool comment_early = false;
  for (std::size_t i = 0; i < words.size() && i < kLeadWords; ++i)
    comment_early |= words[i].starts_with("comment");
  return comment_early && std::any_of(words.begin(), words.end(),
                                      [](std::string_view w) { return kPolicyWords.matches(w); });
}

// ---------------------------------------------------------------- captions, bylines, pagers

// Photo captions and credits. Their wording gives them away ("Photo: ...", "(AP Photo/...)",
// "Jo Doe (L) and ..."); a long paragraph that merely mentions a photo is not one.
bool is_caption(std::string_view lc, std::string_view core, std::size_t words) {
  // clang-format off
  static const PhraseSet kLeads{{
      "photo:", "photo by", "photos:", "photos by", "photograph:", "photograph by", "photographs:",
      "picture:", "pictures:", "picture by", "pictured:", "pictured above", "image:", "images:",
      "caption:", "credit:", "file photo", "file picture", "file image", "photo credit",
      "photo courtesy", "courtesy of", "enlarge", "click to enlarge", "click image to enlarge",
      "view larger", "larger image", "zoom"},
      {furniture::credit_labels()}};
  static const PhraseSet kMarks{
      "(ap photo", "ap photo/", "(afp photo", "afp photo/", "afp/getty", "(reuters photo",
      "(reuters/", "reuters/", "getty images", "/getty", "(photo:", "(photo by", "(photo credit",
      "photo courtesy", "courtesy photo", "staff photo", "photo illustration", "(epa)", "/epa)",
      "(pa)", "/pa)", "/ap)", "/afp)", "/reuters)", "photo: ", "photograph: ", "/ photo",
      "(file photo", "(pic", "pic:", "(l)", "(l-r)", "(r-l)", "(left)", "(right)", "(centre)",
      "(center)", "(front)", "(back)", "(credit:", "(image:", "(picture:",
      // the other languages of the function-word lexicon that news sites most use
      ". foto:", ". fotos:", ". bild:", ". quelle:", "(foto:", "(bild:", "(quelle:", "(fotos:",
      ". imagen:", ". foto: archivo", "(imagen:", "(fuente:", "(bildquelle:"};
  static const PhraseSet kCredits{
      "(ap", "(aap", "(afp", "(reuters", "(getty", "(getty images", "(pa", "(epa", "(xinhua",
      "(ians"};
  // clang-format on
  constexpr std::size_t kMaxCaptionWords = 40;
  return words <= kMaxCaptionWords &&
         (kLeads.starts(core) || kMarks.occurs_in(lc) || kCredits.ends(core));
}

bool is_pager(std::string_view core) {
  // clang-format off
  static const PhraseSet kPagers{
      "page # of #", "page #", "pages #", "next page", "previous page", "prev page", "single page",
      "view as single page", "view single page", "one page", "continued on page",
      "continue to page", "go to page", "\xC2\xAB prev", "prev", "previous #", "next #", "# # #",
      "# #", "more pages"};
  // clang-format on
  constexpr std::size_t kMaxPagerBytes = 60;
  return core.size() < kMaxPagerBytes && kPagers.starts(core);
}

bool is_credit_byline(std::string_view core) {
  // clang-format off
  static const PhraseSet kLeads{
      "(reporting by", "(additional reporting", "(editing by", "(writing by", "(compiled by",
      "(written by", "(edited by", "reporting by", "additional reporting", "editing by",
      "writing by", "compiled by", "edited by", "with reporting by", "contributing:",
      "contributed to this report", "contributed reporting"};
  static const PhraseSet kEndings{
      "contributed to this report", "contributed to this story", "contributed to this article"};
  // clang-format on
  return kLeads.starts(core) || kEndings.ends(core);
}

// "By Jane Doe", "Posted by Jane", "Written by ...", "Story by ...": the next word is a name.
bool is_byline(std::string_view text, std::string_view lc, std::size_t words) {
  constexpr std::size_t kMaxBylineWords = 25;
  constexpr std::size_t kMaxFromWords = 6;  // "From London, ..." starts a sentence
  if (words > kMaxBylineWords) return false;
  for (const std::string_view lead :
       {"by ", "posted by ", "written by ", "written by: ", "story by ", "report by ", "words by ",
        "text by ", "reported by ", "author: ", "authors: ", "by: ", "byline: ", "posted by: ",
        "\xE2\x80\x94 posted by ", "- posted by ", "from "}) {
    if (!lc.starts_with(lead)) continue;
    // "From", "Von", "Par", "Por" also start sentences: only a name or two follows in a byline.
    const bool sentence_lead =
        lead == "from " || lead == "von " || lead == "par " || lead == "por ";
    if (sentence_lead && words > kMaxFromWords) return false;
    const std::string_view rest = text.substr(lead.size());
    if (!rest.empty() &&
        ((rest[0] >= 'A' && rest[0] <= 'Z') || static_cast<unsigned char>(rest[0]) >= 0x80))
      return true;
  }
  return false;
}

// ---------------------------------------------------------------- dates

bool is_date_word(std::string_view w) {
  // clang-format off
  static const PhraseSet kNumberSuffixes{
      "th", "st", "nd", "rd", "am", "pm", "h", "hrs", "gmt", "utc"};
  static const PhraseSet kDateWords{
      "am", "pm", "a", "m", "p", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
      "pdt", "bst", "cet", "cest", "ist", "aest", "aedt", "sast", "et", "pt", "ct", "z", "t",
      "ago", "hour", "hours", "hrs", "minute", "minutes", "mins", "min", "day", "days", "week",
      "weeks", "month", "months", "year", "years", "updated", "update", "published", "posted",
      "last", "modified", "date", "time", "on", "at", "of", "today", "yesterday", "created",
      "first", "st", "nd", "rd", "th", "local", "edition", "issue", "and"};
  // clang-format on
  if (w.empty()) return false;
  if (w.find_first_not_of('#') == std::string_view::npos) return true;
  if (w.starts_with('#')) return kNumberSuffixes.matches(w.substr(w.find_first_not_of('#')));
  return month_from_name(w) != 0 || is_weekday_name(w) || kDateWords.matches(w);
}

// A line that is a date, a time or both ("Fri Jan 18, 2008 1:41pm GMT", "5 days ago",
// "Updated: 2008-01-10 10:00").
bool is_date_line(const std::vector<std::string_view>& words) {
  constexpr std::size_t kMaxDateWords = 14;
  if (words.empty() || words.size() > kMaxDateWords) return false;
  std::size_t dateish = 0;
  bool anchor = false;
  for (const std::string_view w : words) {
    if (is_date_word(w)) ++dateish;
    anchor |= w.find('#') != std::string_view::npos || month_from_name(w) != 0 ||
              is_weekday_name(w) || w == "ago" || w == "today" || w == "yesterday";
  }
  return anchor && dateish * 5 >= words.size() * 4;  // four words in five
}

// ---------------------------------------------------------------- furniture

// Ad slots and "continues below" notes placed inside an article: the article goes on after them.
bool is_interruption(std::string_view core, std::size_t words) {
  // clang-format off
  static const PhraseSet kWhole{{
      "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
      "sponsored content", "promoted", "promotion"},
      {furniture::ad_labels()}};
  static const PhraseSet kLeads{
      "story continues", "article continues", "continue reading below", "continued below",
      "content continues", "advertisement story", "advertisement continue",
      "advertisement - scroll", "scroll to continue", "skip advertisement", "ad feedback"};
  static const PhraseSet kEndings{
      "advertisement"};
  // clang-format on
  constexpr std::size_t kMaxWords = 8;
  return words <= kMaxWords && (kWhole.matches(core) || kLeads.starts(core) || kEndings.ends(core));
}

// A link to another story set inside an article, labelled as such: "Read also: Council delays
// the vote", "Lesen Sie auch: ...", "Dowiedz się więcej: ...". The label, then a colon, then
// the other story's headline.
bool is_cross_reference(std::string_view lc, std::size_t words) {
  // clang-format off
  static const PhraseSet kLabels{{
      "read more", "read also", "also read", "see also", "more on this", "related"},
      {furniture::read_also_labels()}};
  // clang-format on
  constexpr std::size_t kMaxWords = 30;  // a label and a headline
  const std::size_t colon = lc.find(':');
  if (words > kMaxWords || colon == std::string_view::npos || colon + 1 >= lc.size()) return false;
  std::string_view label = lc.substr(0, colon);
  while (!label.empty() && (label.front() == ' ' || label.front() == '>' || label.front() == '-'))
    label.remove_prefix(1);
  while (!label.empty() && label.back() == ' ')
    label.remove_suffix(1);
  return kLabels.matches(label);
}

// Short lines that are page furniture when they make up the whole line: menu entries, section
// names, buttons, consent banners.
bool is_furniture_line(std::string_view core, std::size_t words) {
  // clang-format off
  static const PhraseSet kWhole{{
      "home", "news", "search", "print", "email", "e-mail", "share", "next", "previous", "prev",
      "more", "back", "top", "login", "log in", "log out", "logout", "register", "subscribe",
      "advertisement", "advertisements", "advertising", "advertise", "close", "menu", "skip",
      "sections", "section", "go", "submit", "ok", "cancel", "reply", "quote", "report", "flag",
      "permalink", "trackback", "tweet", "like", "follow", "sponsored", "ad", "ads", "update",
      "updates", "popular", "featured", "headlines", "video", "videos", "photos", "photo", "audio",
      "podcast", "podcasts", "multimedia", "gallery", "galleries", "graphics", "interactive",
      "weather", "sport", "sports", "business", "opinion", "world", "politics", "technology",
      "entertainment", "lifestyle", "health", "science", "travel", "blogs", "blog", "jobs",
      "classifieds", "obituaries", "contact", "help", "faq", "feeds", "sign up", "signup",
      "sign in", "signin", "log in / register", "loading", "loading...", "please wait",
      "more news", "tags", "related", "rss", "print this", "email this", "e-mail this", "save",
      "bookmark", "font size", "text size", "a a a", "aa", "listen", "watch", "play", "pause", "x",
      "hide", "show", "previous story", "next story", "previous article", "next article",
      "toggle navigation", "main menu", "navigation", "breaking news", "you are here", "accept",
      "decline", "agree", "i agree", "got it", "accept all", "reject all", "manage preferences",
      "settings"},
      {furniture::furniture_lines(), furniture::read_also_labels(), furniture::ad_labels()}};
  static const PhraseSet kLeads{
      "related stories", "related articles", "related links", "related content", "related news",
      "related coverage", "related topics", "related items", "related posts", "related video",
      "related:", "latest stories", "latest news", "latest headlines", "latest videos",
      "latest articles", "top stories", "top news", "more stories", "more news", "more from",
      "more articles", "more headlines", "more top stories", "more video", "most popular",
      "most read", "most viewed", "most emailed", "most e-mailed", "most commented", "most shared",
      "most recent", "recommended", "recommended for you", "you may also like",
      "you might also like", "you may have missed", "also on", "also in", "also see", "see also",
      "don't miss", "read more", "read the full", "full story", "full coverage",
      "continue reading", "story continues", "article continues", "click here", "subscribe",
      "sign up", "sign in", "log in", "follow us", "follow on", "like us on", "find us on",
      "join us on", "share this", "share on", "share:", "share with", "email this", "e-mail this",
      "email to a friend", "e-mail to a friend", "send to a friend", "send this", "print this",
      "printer friendly", "printer-friendly", "print version", "print page", "print article",
      "print story", "bookmark", "save this", "save article", "tags:", "tag:", "topics:",
      "keywords:", "filed under", "posted in", "categories:", "category:", "cat:", "section:",
      "sections:", "copyright", "\xC2\xA9", "all rights reserved", "privacy policy",
      "terms of use", "terms of service", "terms and conditions", "terms & conditions",
      "contact us", "about us", "site map", "sitemap", "back to top", "back to", "return to",
      "skip to", "jump to", "go to", "advertisement", "advertising", "sponsored by", "rss",
      "newsletter", "newsletters", "download", "watch video", "watch:", "video:", "audio:",
      "listen to", "listen:", "view slideshow", "slideshow", "photo gallery", "photo galleries",
      "photos:", "more photos", "see photos", "view photos", "you are here", "cookie", "cookies",
      "we use cookies", "this site uses cookies", "enable javascript", "javascript",
      "report abuse", "report this", "digg this", "hosted by", "powered by", "in association with",
      "brought to you by", "ads by", "editor's choice", "editors' picks", "editor's picks",
      "trending", "breaking news alerts", "news alerts", "email alerts", "e-mail alerts",
      "get the app", "download the app", "get our app", "subscribe to", "get breaking news",
      "don't have an account", "already a subscriber", "already have an account",
      "forgot your password", "forgot password", "create an account", "create account", "username",
      "password", "remember me", "print email", "email print", "share email", "share print",
      "home |", "home >", "home /", "home page", "homepage", "main page", "front page",
      "other news", "elsewhere on", "around the web", "from the web", "promoted stories",
      "sponsored stories", "sponsored content", "paid content", "partner content",
      "from our partners", "special offer", "special offers", "advertise with us", "this article",
      "this story", "this page", "click to", "tap to", "swipe", "scroll to", "last updated",
      "published:", "updated:", "posted:", "posted on", "published on", "updated on", "added:",
      "date:", "page last updated",
      // the other languages of the function-word lexicon that news sites most use
      "mehr zum thema", "mehr zu", "weitere artikel", "weitere beitr\xC3\xA4ge", "weitere news",
      "weitere nachrichten", "weitere informationen", "\xC3\xA4hnliche beitr\xC3\xA4ge",
      "\xC3\xA4hnliche artikel", "verwandte artikel", "verwandte beitr\xC3\xA4ge",
      "das k\xC3\xB6nnte dich auch interessieren", "das k\xC3\xB6nnte sie auch interessieren",
      "das k\xC3\xB6nnte ihnen auch gefallen", "dies k\xC3\xB6nnte sie auch interessieren",
      "auch interessant", "lesen sie auch", "lesen sie mehr", "lies auch", "mehr lesen",
      "weiterlesen", "passend dazu", "passend zum thema", "zum thema", "top themen",
      "meistgelesene artikel", "die meistgelesenen artikel", "meistdiskutierte artikel",
      "meistgelesen", "am meisten gelesen", "inhaltsverzeichnis",
      "zur\xC3\xBC" "ck zur \xC3\xBC" "bersicht", "jetzt registrieren", "rezept drucken",
      "lesen sie hier", "neueste artikel", "neueste beitr\xC3\xA4ge",
      "aktuelle artikel", "empfehlungen", "unsere empfehlung", "artikel teilen",
      "beitrag teilen", "jetzt teilen", "teilen auf", "folge uns", "folgen sie uns",
      "newsletter abonnieren", "zum newsletter", "alle rechte vorbehalten", "lire aussi",
      "\xC3\xA0 lire aussi", "voir aussi", "en savoir plus", "pour approfondir",
      "articles similaires", "articles li\xC3\xA9s", "sur le m\xC3\xAAme sujet", "lire la suite",
      "lea tambi\xC3\xA9n", "lee tambi\xC3\xA9n", "lea m\xC3\xA1s", "leer m\xC3\xA1s",
      "le puede interesar", "te puede interesar", "noticias relacionadas", "otras noticias",
      "art\xC3\xAD" "culos relacionados", "ver m\xC3\xA1s", "m\xC3\xA1s noticias",
      "leia tamb\xC3\xA9m",
      "leia mais", "veja tamb\xC3\xA9m", "saiba mais", "mat\xC3\xA9rias relacionadas",
      "leggi anche", "potrebbe interessarti", "articoli correlati", "zobacz tak\xC5\xBC" "e",
      "zobacz te\xC5\xBC", "czytaj tak\xC5\xBC" "e", "czytaj te\xC5\xBC", "czytaj wi\xC4\x99" "cej",
      "czytaj dalej", "dowiedz si\xC4\x99 wi\xC4\x99" "cej", "polecamy", "podobne artyku\xC5\x82y"};
  // clang-format on
  return words <= kMaxFurnitureWords && (kWhole.matches(core) || kLeads.starts(core));
}

// Phrases that mark a whole line as page furniture wherever they occur (cookie banners,
// copyright and subscription notices).
bool has_furniture_phrase(std::string_view lc, std::size_t words) {
  // clang-format off
  static const PhraseSet kNotices{{
      "all rights reserved", "we use cookies", "uses cookies", "use of cookies", "cookie policy",
      "cookie settings", "accept cookies", "accept all cookies", "our use of cookies",
      "this material may not be published", "may not be published, broadcast",
      "may not be reproduced", "reproduction in whole or in part", "subscribe now",
      "subscribe today", "subscribe to our", "sign up for our", "sign up to our",
      "sign up for the", "enable javascript", "javascript is disabled", "javascript enabled",
      "terms of use", "privacy policy", "terms of service", "copyright \xC2\xA9",
      "\xC2\xA9 copyright", "(c) copyright", "copyright (c)", "never miss a story",
      "get unlimited access", "premium content", "unlimited digital access", "to continue reading",
      "already a subscriber", "log in to comment", "sign in to comment", "you must be logged in",
      "register to comment", "your browser does not support", "please upgrade your browser",
      "click here to", "for more information, please see our", "back to top"},
      {furniture::cookie_phrases(), furniture::legal_phrases()}};
  // clang-format on
  constexpr std::size_t kMaxNoticeWords = 80;
  constexpr std::size_t kMaxCopyrightWords = 25;  // "© 2008 Jo Doe Media. All rights..."
  if (words > kMaxNoticeWords) return false;
  return kNotices.occurs_in(lc) ||
         (words <= kMaxCopyrightWords && lc.find("\xC2\xA9") != std::string_view::npos);
}

// Share rows: "Share | Tweet | Email", "X whatsapp", "Facebook Twitter LinkedIn".
bool is_share_row(const std::vector<std::string_view>& words, bool ends_sentence) {
  // clang-format off
  static const PhraseSet kSocialWords{
      "share", "shares", "tweet", "email", "mail", "print", "facebook", "twitter", "whatsapp",
      "linkedin", "reddit", "digg", "delicious", "stumbleupon", "newsvine", "mixx", "pinterest",
      "telegram", "tumblr", "myspace", "flipboard", "bookmark", "permalink", "rss", "sms",
      "messenger", "instagram", "youtube", "threads", "bluesky", "mastodon", "pocket", "comments",
      "comment", "icio", "fark", "slashdot", "technorati", "furl", "yahoo", "buzz", "del"};
  // clang-format on
  constexpr std::size_t kMaxRowWords = 15;
  constexpr std::size_t kMaxLoneButtonWords = 3;  // "X whatsapp", "Share on Facebook"
  if (words.empty() || words.size() > kMaxRowWords) return false;
  const auto social = static_cast<std::size_t>(std::count_if(
      words.begin(), words.end(), [](std::string_view w) { return kSocialWords.matches(w); }));
  if (social == 0) return false;
  if (social >= 2 && social * 3 >= words.size()) return true;
  return !ends_sentence && words.size() <= kMaxLoneButtonWords;
}

// Program text or markup that leaked into the dump.
bool is_code(std::string_view lc, std::size_t words) {
  // clang-format off
  static const PhraseSet kCode{
      "document.getelementbyid", "document.write", "window.", "function(", "function (",
      "javascript:", "var ", "});", "){", ") {", "();", "iframe:", "<div", "<script", "<a href",
      "</", "{{", "}}"};
  // clang-format on
  constexpr std::size_t kMaxCodeWords = 400;  // bounds the scan on long lines
  return words <= kMaxCodeWords && lc.find(". ") == std::string_view::npos && kCode.occurs_in(lc);
}

bool is_lone_url(std::string_view lc, std::size_t words) {
  return words <= kMaxFurnitureWords && lc.find(' ') == std::string_view::npos &&
         (lc.starts_with("http") || lc.starts_with("www.") || lc.ends_with(".com") ||
          lc.ends_with(".html") || lc.ends_with(".htm"));
}

// "Read more", "Full story »", "Weiterlesen": the end of a teaser. In the other languages, as
// in the HTML cleaner, a line that ends with a full stop is a sentence that says where to read
// on ("Hier weiterlesen."), which pages that list their articles end each summary with.
bool ends_like_teaser(std::string_view core, std::string_view text) {
  // clang-format off
  static const PhraseSet kEndings{
      "read more", "full story", "continue reading", "more"};
  static const PhraseSet kLinkEndings{{}, {furniture::teaser_endings()}};
  // clang-format on
  if (kLinkEndings.ends(core) && !text.ends_with(".")) return true;
  return kEndings.ends(core) && (!core.ends_with("more") || core.ends_with("read more") ||
                                 text.ends_with("\xC2\xBB"));  // "more »"
}

// Several link texts glued together ("InsecurityDrama as Senate..."). Brand names ("OneTouch",
// "YouTube") glue a few words in real sentences too.
bool is_glued_links(const DumpLine& line) {
  constexpr double kSentenceStopDensity = 0.2;
  constexpr std::size_t kWordsPerBrandJoin = 15;
  const bool sentence_like = line.ends_sentence && line.stop_density() >= kSentenceStopDensity;
  return (line.glued_joins >= 2 && !sentence_like) ||
         (line.glued_joins >= 3 && line.glued_joins * kWordsPerBrandJoin >= line.words);
}

}  // namespace

bool date_word(std::string_view word) {
  return is_date_word(word);
}

std::string phrase_core(std::string_view s) {
  std::string lc;
  lc.reserve(s.size());
  for (const char c : s) {
    if (c >= '0' && c <= '9') {
      if (lc.empty() || lc.back() != '#') lc.push_back('#');
    } else if (!lc.empty() && static_cast<unsigned char>(lc.back()) == 0xC3 &&
               static_cast<unsigned char>(c) >= 0x80 && static_cast<unsigned char>(c) <= 0x9E &&
               static_cast<unsigned char>(c) != 0x97) {
      lc.push_back(static_cast<char>(c + 0x20));  // Latin-1 capital (À-Þ but ×): "Ähnliche"
    } else {
      lc.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  // Trim punctuation, arrows and separators at both ends ("» More news:", "Share |").
  auto edge_junk = [](std::string_view t, bool front) -> std::size_t {
    for (const std::string_view junk :
         {"\xC2\xBB", "\xC2\xAB", "\xE2\x80\xBA", "\xE2\x80\xB9", "\xE2\x80\xA2", "\xC2\xB7",
          "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA6", "\xE2\x96\xBA", "\xE2\x96\xB6",
          "\xC2\xA0"}) {
      if (front ? t.starts_with(junk) : t.ends_with(junk)) return junk.size();
    }
    const char c = front ? t.front() : t.back();
    return std::string_view(" :;,.!|>-=*<+/\\~").find(c) != std::string_view::npos ? 1 : 0;
  };
  std::string_view view = lc;
  while (!view.empty()) {
    if (const std::size_t n = edge_junk(view, true)) {
      view.remove_prefix(n);
    } else if (const std::size_t m = edge_junk(view, false)) {
      view.remove_suffix(m);
    } else {
      break;
    }
  }
  return std::string(view);
}

// A cookie banner, consent form or licence note (see notice_words): several notice
// words in a line of notice length. A long paragraph that names them is more likely an article
// about privacy or licensing.
bool is_notice(const DumpLine& line) {
  constexpr std::size_t kMinNoticeWords = 2;
  constexpr std::size_t kMaxWords = 60;
  return line.notice_words >= kMinNoticeWords && line.words <= kMaxWords;
}

Cue classify_wording(const DumpLine& line, bool had_form_fields) {
  // Teasers are a sentence or two; a longer text cut off with "..." is a truncated article
  // (a paywalled page shows its first paragraphs so).
  constexpr std::size_t kMaxTeaserWords = 35;
  constexpr std::size_t kMaxFormWords = 5;  // a label or two next to form fields
  if (line.image_hint) return Cue::kCommentsStart;
  const std::string lc = text::ascii_lowercase(line.text);
  const std::string core = phrase_core(line.text);
  const std::vector<std::string_view> words = core_words(core);
  if (lc.starts_with("iframe:") || is_code(lc, line.words) || is_lone_url(lc, line.words) ||
      (had_form_fields && line.words <= kMaxFormWords))
    return Cue::kForm;
  // A "Comments" list item is a link in a toolbar; a comment section has a heading.
  if (opens_comments(core, line.words) || is_comment_policy(words))
    return line.bullet ? Cue::kBoilerplate : Cue::kCommentsStart;
  if (is_caption(lc, core, line.words)) return Cue::kCaption;
  // A teaser's byline ("By Jo Doe The Senate's committee has...") is part of the teaser.
  if (line.ends_ellipsis && line.words <= kMaxTeaserWords) return Cue::kTeaser;
  if (is_credit_byline(core) || is_byline(line.text, lc, line.words)) return Cue::kByline;
  if (is_pager(core)) return Cue::kPager;
  if (is_interruption(core, line.words)) return Cue::kInterruption;
  // A labelled link to another story is an interruption, not the article's end: the article goes
  // on after it.
  if (is_cross_reference(lc, line.words)) return Cue::kInterruption;
  if (is_notice(line)) return Cue::kNotice;
  if (is_furniture_line(core, line.words) || has_furniture_phrase(lc, line.words) ||
      is_share_row(words, line.ends_sentence))
    return Cue::kBoilerplate;
  if (is_date_line(words)) return Cue::kDate;
  if (ends_like_teaser(core, line.text)) return Cue::kTeaser;
  if (is_glued_links(line)) return Cue::kGluedLinks;
  return Cue::kNone;
}

}  // namespace nsearch::text_dump
