// The text-dump cleaner: finds the article in a lynx/innerText dump of a news page.
//
// 1. Lines: the dump is cut into lines (hard-wrapped paragraphs re-joined), cleaned of bullets,
//    image placeholders and form fields, and measured (text_cleaner_lines); stock phrases of
//    page furniture give some lines a cue (text_cleaner_phrases), the words of cookie, consent
//    and licence notices another (notice_words).
// 2. Rating: each line is rated from its shape alone (`rate`): sentence punctuation, length,
//    share of function words, capitalisation, cues.
// 3. Body: the run of lines with the most prose, as a maximum-sum run where prose counts for and
//    furniture against, not crossing comment sections or comment signatures (`best_run`), unless
//    that run is a notice (`choose_run`), with the article's first part above it when a list the
//    run did not cross cuts the article in two (`with_part_above`); in it, prose lines and the
//    short lines between them (`body_lines`), then only the groups of them that are about the
//    same thing as the largest one (`keep_coherent`), and the lead above it that a box cut off
//    (`with_lead_above`).
//    A second, independent reading (text_cleaner_classify: each line classified jusText-style
//    and by its neighbours) adds the standfirst below the headline when both readings agree on
//    where the article is (`with_classified_lead`).
// 4. Metadata: the headline is the heading-like line above the body that shares most words with
//    it (`find_title`); byline, date and credit come from the lines around (`find_metadata`,
//    text_cleaner_meta); the site name from a name glued to its home link.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "clean/extraction.hpp"
#include "clean/notice_words.hpp"
#include "clean/text_dump/text_cleaner_classify.hpp"
#include "clean/text_dump/text_cleaner_lines.hpp"
#include "clean/text_dump/text_cleaner_meta.hpp"
#include "clean/text_dump/text_cleaner_phrases.hpp"
#include "nsearch/limits.hpp"

namespace nsearch {
namespace {

using text_dump::Cue;
using text_dump::DumpLine;

/// How much a line looks like article prose, before looking at its neighbours.
enum class Quality { kBad, kShort, kNearGood, kGood };

// Thresholds of the line rating. Sentence punctuation at the end is the strongest single sign
// of prose: most lines of news text end with it, and most menus, headlines, link lists and
// glued link runs do not. Function words and letter case tell the rest.
constexpr std::size_t kShortWords = 8;      // below: too short to judge alone
constexpr std::size_t kGoodWords = 15;      // from here a sentence-shaped line is prose
constexpr std::size_t kLongWords = 30;      // a line this long without a full stop...
constexpr double kProseStopDensity = 0.25;  // ... is prose only with this share of function words
constexpr double kLowStopDensity = 0.15;    // below: lists of names and headlines
constexpr double kHeadlineCapitalRatio = 0.5;  // Title Case Headlines Capitalise Most Words
constexpr double kListingCapitalRatio = 0.8;

/// A list item that is a sentence or holds a comma-separated list: the text of a list inside an
/// article ("Bake for 20 minutes.", "Eggs, flour and milk"), where menus and lists of stories
/// link to headlines and names.
bool list_phrase(const DumpLine& line) {
  constexpr std::size_t kMinWords = 3;
  return line.words >= kMinWords &&
         (line.ends_sentence || line.text.find(", ") != std::string::npos);
}

Quality rate(const DumpLine& line) {
  if (line.cue != Cue::kNone) return Quality::kBad;
  if (line.has_url && line.words < 10) return Quality::kBad;
  const double stop = line.stop_density();
  const bool capitalised = line.capital_ratio() >= kHeadlineCapitalRatio;
  if (line.bullet) {
    if (line.words >= kGoodWords && line.ends_sentence && stop >= kProseStopDensity)
      return Quality::kNearGood;
    // An item that reads as a phrase of text (a sentence, or a list with commas) rather than a
    // link: the items of a list inside the article, kept like the short lines between prose.
    return list_phrase(line) ? Quality::kShort : Quality::kBad;
  }
  if (line.words < kShortWords) return Quality::kShort;
  if (line.ends_sentence) {
    // Nearly every word capitalised: a list of names or titles, or text in capitals.
    const bool listing = line.capital_ratio() >= kListingCapitalRatio;
    if (line.words >= kGoodWords)
      return (stop >= kLowStopDensity || !capitalised) && !listing ? Quality::kGood
                                                                   : Quality::kNearGood;
    return stop >= kLowStopDensity ? Quality::kNearGood : Quality::kShort;
  }
  if (line.words >= kLongWords && stop >= kProseStopDensity && !capitalised)
    return Quality::kNearGood;
  if (line.words >= kGoodWords && (stop < kLowStopDensity || capitalised)) return Quality::kBad;
  return Quality::kShort;
}

/// Weight of a line in the body search: prose counts for (a word a point), furniture against.
/// A short line costs a little, so that the run crosses a subheading or two but not a menu; a
/// bad line costs more the longer it is, so that a big link box cuts the run.
double weight(const DumpLine& line, Quality q) {
  constexpr double kNearGoodShare = 0.5;  // of its words a doubtful prose line counts
  constexpr double kShortCost = 1.5;
  constexpr double kBadCost = 4.0;
  constexpr double kBadCostPerWord = 0.25;
  constexpr std::size_t kMaxCostedWords = 100;
  switch (q) {
    case Quality::kGood:
      return static_cast<double>(line.words);
    case Quality::kNearGood:
      return kNearGoodShare * static_cast<double>(line.words);
    case Quality::kShort:
      return -kShortCost;
    case Quality::kBad:
      // An ad slot inside the text, or the consent asked before an embedded video or post.
      if (line.cue == Cue::kInterruption || line.cue == Cue::kNotice) return -kShortCost;
      break;
  }
  return -(kBadCost + kBadCostPerWord * static_cast<double>(std::min(line.words, kMaxCostedWords)));
}

struct Span {
  std::size_t begin = 0;  // first line
  std::size_t end = 0;    // one past the last line
  double score = 0;
  bool empty() const { return end <= begin; }
};

bool is_prose(Quality q) {
  return q == Quality::kGood || q == Quality::kNearGood;
}

/// A byline or a date line: how comments are signed.
bool is_signature(const DumpLine& line) {
  return line.cue == Cue::kByline || line.cue == Cue::kDate;
}

/// Which lines sign a comment in a thread: bylines and dates with another one at most a couple
/// of lines away. Threads of comments sign every comment ("Posted by: Jo | Jan 10, 2008 4:49
/// PM"), while an article's byline or date stands alone: a summary above the article may end
/// with the byline of the full text below it, and a long article may name its author halfway.
/// (A thread of long comments is left to the comment headings and the topic filter.)
std::vector<bool> thread_signatures(const std::vector<DumpLine>& lines) {
  constexpr std::size_t kThreadSpan = 3;
  std::vector<bool> out(lines.size(), false);
  std::size_t last = lines.size();  // the previous signature, none yet
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_signature(lines[i])) continue;
    if (last < lines.size() && i - last <= kThreadSpan) out[last] = out[i] = true;
    last = i;
  }
  return out;
}

/// A line after which the body cannot go on: the start of a comment section, or a comment's
/// signature once prose has begun (see `thread_signatures`).
bool ends_body(const DumpLine& line, bool thread_signature, bool prose_seen) {
  return line.cue == Cue::kCommentsStart || (prose_seen && thread_signature);
}

/// The body's run of lines: the run with the largest total weight (Kadane's algorithm) that does
/// not cross a line that ends the body (see `ends_body`). Once a comment section has begun after
/// an article-sized run, what follows is most likely comments, and a run there must outweigh
/// the earlier one many times over to be taken for the article. (A comment section heading
/// before any article-sized run is a sidebar widget such as "Comment of the day".)
Span best_run(const std::vector<DumpLine>& lines, const std::vector<Quality>& quality) {
  constexpr double kArticleScore = 80;       // about three paragraphs of prose
  constexpr double kCommentsDiscount = 0.1;  // weight of runs inside a comment section
  Span best{};
  double best_effective = 0;
  bool in_comments = false;
  double sum = 0;
  std::size_t start = 0;
  bool prose_seen = false;  // the current run holds prose
  const std::vector<bool> signatures = thread_signatures(lines);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (ends_body(lines[i], signatures[i], prose_seen)) {
      // After an article-sized run, a comment heading starts the comments.
      in_comments |= lines[i].cue == Cue::kCommentsStart && best.score >= kArticleScore;
      sum = 0;
      prose_seen = false;
      continue;
    }
    if (sum <= 0) {
      sum = 0;
      start = i;
      prose_seen = false;
    }
    sum += weight(lines[i], quality[i]);
    prose_seen |= is_prose(quality[i]);
    const double effective = in_comments ? sum * kCommentsDiscount : sum;
    if (effective > best_effective) {
      best = {start, i + 1, sum};
      best_effective = effective;
    }
  }
  return best;
}

/// Counts how much of a stretch of text speaks of cookies, consent, privacy or licences (see
/// notice_words), to tell a notice from an article. A consent dialog or a privacy
/// statement is written in sentences and can outweigh a short article; it names its subject
/// every few words, where an article about privacy or licences names it every few sentences.
class NoticeTally {
 public:
  void add(const DumpLine& line) {
    words_ += line.words;
    notice_words_ += line.notice_words;
    if (line.notice_words > 0) in_notice_lines_ += line.words;
  }
  /// Dense with notice words (reads_as_notice), and a good share of the text in lines that use
  /// them.
  bool is_notice() const {
    constexpr double kNoticeShare = 0.3;  // of the words, in lines with notice words
    return words_ > 0 &&
           static_cast<double>(in_notice_lines_) >= kNoticeShare * static_cast<double>(words_) &&
           reads_as_notice(words_, notice_words_);
  }

 private:
  std::size_t words_ = 0;
  std::size_t in_notice_lines_ = 0;
  std::size_t notice_words_ = 0;
};

/// Whether a run is a notice rather than an article (see NoticeTally): its prose, with the
/// notice lines right around it (a dialog's opening lines name cookies most of all).
bool is_notice_run(const std::vector<DumpLine>& lines, const std::vector<Quality>& quality,
                   Span run) {
  constexpr std::size_t kContext = 3;  // lines on either side: the dialog's heading, buttons
  NoticeTally tally;
  const std::size_t end = std::min(lines.size(), run.end + kContext);
  for (std::size_t i = run.begin > kContext ? run.begin - kContext : 0; i < end; ++i) {
    const bool inside = i >= run.begin && i < run.end;
    if ((inside && is_prose(quality[i])) || lines[i].notice_words > 0) tally.add(lines[i]);
  }
  return tally.is_notice();
}

/// The body's run (see `best_run`), unless that is a notice (see `is_notice_run`) and the page
/// has another run with text: the article is then that run, found with the notice's lines
/// counted as furniture.
Span choose_run(const std::vector<DumpLine>& lines, const std::vector<Quality>& quality) {
  constexpr double kMinOtherScore = 20;  // a paragraph of prose
  const Span first = best_run(lines, quality);
  if (first.empty() || !is_notice_run(lines, quality, first)) return first;
  std::vector<Quality> without_notice = quality;
  std::fill(without_notice.begin() + static_cast<std::ptrdiff_t>(first.begin),
            without_notice.begin() + static_cast<std::ptrdiff_t>(first.end), Quality::kBad);
  const Span other = best_run(lines, without_notice);
  return other.score >= kMinOtherScore ? other : first;
}

/// Ads and photo captions sit inside articles: they neither start nor end the text around them.
bool is_transparent(const DumpLine& line) {
  return line.cue == Cue::kInterruption || line.cue == Cue::kCaption;
}

/// A short line that reads as a sentence rather than a menu, a list of names or a headline: a
/// few words, a fifth of them function words, no menu separators, not in Title Case.
bool sentence_like(const DumpLine& line) {
  constexpr std::size_t kMinWords = 6;
  constexpr double kMinStopDensity = 0.2;
  return line.words >= kMinWords && line.stop_density() >= kMinStopDensity &&
         line.separators == 0 && line.capital_ratio() < kHeadlineCapitalRatio;
}

/// Whether `text` ends with an emoji or an emoticon, which ends a sentence in informal writing
/// (blogs, forums, personal notes) as a full stop does: "... und das gefällt mir 😉".
bool ends_with_emoticon(std::string_view text) {
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  // Emoji: the supplementary pictographs, U+1F300 to U+1FAFF, are F0 9F 8C..AB xx in UTF-8.
  if (text.size() >= 4) {
    const auto* b = reinterpret_cast<const unsigned char*>(text.data() + text.size() - 4);
    if (b[0] == 0xF0 && b[1] == 0x9F && b[2] >= 0x8C && b[2] <= 0xAB) return true;
  }
  for (const std::string_view face : {":)", ";)", ":-)", ";-)", ":D", ":-D", ";-P", ":P"}) {
    if (text.ends_with(face)) return true;
  }
  return false;
}

/// Whether a line ends as a sentence does (a full stop, a colon, an emoji or emoticon), or is a
/// sentence that lost its full stop (to a link at its end, or to the writer): long enough to be
/// judged alone, with the share of function words of running prose (a third), which headings,
/// teasers and calls to follow a link do not reach.
bool ends_like_sentence(const DumpLine& line) {
  constexpr double kRunningProseStopDensity = 1.0 / 3.0;
  return line.ends_sentence || line.text.ends_with(':') || ends_with_emoticon(line.text) ||
         (line.words >= kGoodWords && line.stop_density() >= kRunningProseStopDensity);
}

/// `body` with the short sentences right after its last line, when that line ends the body's
/// run: an article's closing lines ("I hope you like it.", a last remark) are short, and the
/// maximum-sum run always ends on its last prose line, as a short line weighs against it. Only
/// lines that read as sentences and end like one (see `ends_like_sentence`) join: page
/// furniture after an article (share rows, tags, "Related stories", a comment form's labels) is
/// made of names and headings, and a call to follow a link ("Read the full story in our
/// magazine", "Follow us on ...") is rarely punctuated as a sentence.
std::vector<std::size_t> with_closing_lines(const std::vector<DumpLine>& lines,
                                            const std::vector<Quality>& quality, Span run,
                                            std::vector<std::size_t> body) {
  if (body.empty() || body.back() + 1 != run.end) return body;
  for (std::size_t i = run.end;
       i < lines.size() && quality[i] == Quality::kShort && lines[i].cue == Cue::kNone &&
       !lines[i].bullet && ends_like_sentence(lines[i]) && sentence_like(lines[i]);
       ++i)
    body.push_back(i);
  return body;
}

/// The lines of `run` that belong to the body: prose, short lines (subheadings, short
/// sentences) that sit between prose lines, and short lines that read as sentences next to
/// prose on one side (a closing line, a short paragraph before a list or a box).
std::vector<std::size_t> body_lines(const std::vector<DumpLine>& lines,
                                    const std::vector<Quality>& quality, Span run) {
  std::vector<std::size_t> kept;
  // Nearest non-short line after each position, so each short line is decided in O(1).
  std::vector<std::optional<Quality>> next_decided(run.end - run.begin + 1);
  for (std::size_t i = run.end; i-- > run.begin;) {
    const bool undecided = quality[i] == Quality::kShort || is_transparent(lines[i]);
    next_decided[i - run.begin] = undecided ? next_decided[i - run.begin + 1] : quality[i];
  }
  std::optional<Quality> previous_decided;
  for (std::size_t i = run.begin; i < run.end; ++i) {
    const Quality q = quality[i];
    if (is_prose(q)) {
      kept.push_back(i);
    } else if (q == Quality::kShort && previous_decided && is_prose(*previous_decided) &&
               next_decided[i - run.begin + 1] && is_prose(*next_decided[i - run.begin + 1])) {
      kept.push_back(i);
    } else if (q == Quality::kShort && sentence_like(lines[i]) &&
               ((previous_decided && is_prose(*previous_decided)) ||
                (next_decided[i - run.begin + 1] && is_prose(*next_decided[i - run.begin + 1])))) {
      kept.push_back(i);
    }
    if (q != Quality::kShort && !is_transparent(lines[i])) previous_decided = q;
  }
  return kept;
}

/// Whether the text of line `i` recurs within a few lines: a photo's caption given twice (as the
/// image's text and below it), or a teaser's summary next to its link.
bool repeated_nearby(const std::vector<DumpLine>& lines, std::size_t i) {
  constexpr std::size_t kNear = 3;
  const std::size_t end = std::min(lines.size(), i + kNear + 1);
  for (std::size_t j = i > kNear ? i - kNear : 0; j < end; ++j) {
    if (j != i && lines[j].text == lines[i].text) return true;
  }
  return false;
}

/// The body lines of `run` (see `body_lines`), after those of the article's first part when a
/// list that the run did not cross (a recipe's ingredients, a table of contents, a gallery's
/// captions) cuts the article in two: the best run above it, when it weighs half as much as the
/// run or more (a teaser or a blurb above an article is a paragraph) and is neither a notice nor
/// text given twice (a caption, a browser warning).
std::vector<std::size_t> with_part_above(const std::vector<DumpLine>& lines,
                                         const std::vector<Quality>& quality, Span run) {
  constexpr double kMinWeightShare = 0.5;
  std::vector<std::size_t> out = body_lines(lines, quality, run);
  std::vector<Quality> above = quality;
  std::fill(above.begin() + static_cast<std::ptrdiff_t>(run.begin), above.end(), Quality::kBad);
  const Span part = best_run(lines, above);
  if (part.empty() || part.score < kMinWeightShare * run.score || is_notice_run(lines, above, part))
    return out;
  std::vector<std::size_t> first = body_lines(lines, quality, part);
  const bool repeated = std::all_of(first.begin(), first.end(), [&](std::size_t i) {
    return !is_prose(quality[i]) || repeated_nearby(lines, i);
  });
  if (repeated) return out;
  first.insert(first.end(), out.begin(), out.end());
  return first;
}

// ---------------------------------------------------------------- topic coherence

using TermSet = std::unordered_set<std::string>;

/// A word reduced so that its simple inflections match: "Liverpool's" and "Americans" count as
/// "liverpool" and "american".
std::string term_of(std::string word) {
  for (const std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
    if (word.ends_with(possessive)) word.resize(word.size() - possessive.size());
  }
  if (word.size() > 4 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
  return word;
}

/// Adds the content words (not function words, at least 3 letters) of `line` to `terms`.
void add_terms(const DumpLine& line, TermSet& terms) {
  constexpr std::size_t kMaxWordsPerLine = 400;
  for (std::string& w : text_dump::word_tokens(line.text, kMaxWordsPerLine)) {
    if (w.size() >= 3 && !text_dump::is_stop_word(w)) terms.insert(term_of(std::move(w)));
  }
}

/// How strongly the lines strictly between `from` and `to` separate the text around them: ads
/// and photo captions sit inside articles and count nothing, page furniture (share rows,
/// "Related stories") counts double, other lines once.
std::size_t separation(const std::vector<DumpLine>& lines, std::size_t from, std::size_t to) {
  std::size_t n = 0;
  for (std::size_t i = from + 1; i < to; ++i) {
    if (is_transparent(lines[i]) || lines[i].cue == Cue::kNotice || lines[i].words == 0) continue;
    n += lines[i].cue == Cue::kBoilerplate ? 2 : 1;
  }
  return n;
}

/// Share of the content words of `lines[group]` that also occur in `topic`.
double topic_share(const std::vector<DumpLine>& lines, const std::vector<std::size_t>& group,
                   const TermSet& topic) {
  TermSet terms;
  for (const std::size_t i : group)
    add_terms(lines[i], terms);
  if (terms.empty()) return 1.0;
  std::size_t shared = 0;
  for (const std::string& t : terms)
    shared += topic.contains(t);
  return static_cast<double>(shared) / static_cast<double>(terms.size());
}

/// The share of its content words a group of body lines after the article's core must have in
/// common with it to join it, given how strongly it is separated from its neighbour towards the
/// core. Text after the core is often something else (the next story, a blurb about the site,
/// comments); the further away, the more alike it must be. A short core says too little about
/// the topic to judge groups close to it.
double min_topic_share(std::size_t separation, std::size_t core_words) {
  constexpr std::size_t kNear = 3;         // a line or two of furniture
  constexpr std::size_t kFar = 10;         // a whole box of links
  constexpr std::size_t kShortCore = 100;  // words
  constexpr double kAny = 0.0;
  constexpr double kSome = 0.15;  // a few names or key words in common
  constexpr double kMuch = 0.35;
  constexpr double kNever = 2.0;
  if (separation < kNear && core_words < kShortCore) return kAny;
  return separation < kNear ? kSome : separation < kFar ? kMuch : kNever;
}

/// Body lines in groups, split wherever furniture separates them (see `separation`).
struct LineGroup {
  std::vector<std::size_t> lines;
  std::size_t separation = 0;  // from the previous group
};
std::vector<LineGroup> group_lines(const std::vector<DumpLine>& lines,
                                   const std::vector<std::size_t>& kept) {
  constexpr std::size_t kGroupGap = 2;  // separation between groups
  std::vector<LineGroup> groups;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const std::size_t gap = k == 0 ? 0 : separation(lines, kept[k - 1], kept[k]);
    if (k == 0 || gap >= kGroupGap) groups.push_back({{}, gap});
    groups.back().lines.push_back(kept[k]);
  }
  return groups;
}

/// A heading of a teaser in a list of stories: a few words, no sentence punctuation (a question
/// ending in '?' is more likely an interview's).
bool teaser_heading(const DumpLine& line, Quality q) {
  constexpr std::size_t kMinWords = 3;
  return q == Quality::kShort && line.words >= kMinWords && !line.ends_sentence;
}

/// A group that lists other stories, each a headline and its first paragraph: "Army Day marked /
/// New Delhi (ANI): The army on Tuesday... / Court lifts ban / New Delhi (ANI): The court...". An
/// article's subheadings head several paragraphs each, or few of them.
bool is_teaser_list(const std::vector<DumpLine>& lines, const std::vector<Quality>& quality,
                    const LineGroup& group) {
  constexpr std::size_t kMinTeasers = 3;
  const std::vector<std::size_t>& g = group.lines;
  std::size_t teasers = 0;
  std::size_t prose = 0;
  for (std::size_t k = 0; k < g.size(); ++k) {
    prose += is_prose(quality[g[k]]);
    const bool single_paragraph =
        k + 1 < g.size() && is_prose(quality[g[k + 1]]) &&
        (k + 2 == g.size() || teaser_heading(lines[g[k + 2]], quality[g[k + 2]]));
    teasers += teaser_heading(lines[g[k]], quality[g[k]]) && single_paragraph;
  }
  return teasers >= kMinTeasers && teasers * 2 >= prose;
}

/// Keeps the body lines that belong to the article. They fall into groups wherever furniture
/// separates them (see `separation`); the group with the most prose is the article's core.
/// Groups before it join it: inside the body's run, text before the core is the article's lead
/// and first paragraphs, cut off from the rest by a photo, a toolbar or a box of links (over 990
/// modern pages, most groups the old topic test dropped there were article text). Groups after
/// it join while they are close and alike enough (see `min_topic_share`), or long enough to be
/// the article's second half: an "About us" blurb or an author's biography after the article,
/// or a stray paragraph of another story, does not.
std::vector<std::size_t> keep_coherent(const std::vector<DumpLine>& lines,
                                       const std::vector<Quality>& quality,
                                       const std::vector<std::size_t>& kept) {
  const std::vector<LineGroup> groups = group_lines(lines, kept);
  if (groups.size() <= 1) return kept;
  auto prose_words = [&](const LineGroup& group) {
    std::size_t n = 0;
    for (const std::size_t i : group.lines)
      n += is_prose(quality[i]) ? lines[i].words : 0;
    return n;
  };
  // The core is the group with the most prose; a list of teasers only when nothing else has an
  // article's worth (then the list may well be the article: a ranking, a press review).
  constexpr std::size_t kArticleWords = 50;
  auto core_weight = [&](const LineGroup& group) {
    const std::size_t words = prose_words(group);
    return is_teaser_list(lines, quality, group) ? std::min(words, kArticleWords - 1) : words;
  };
  // A notice after the article or before it (a consent dialog the run ran into) is neither its
  // core nor a part of it.
  std::vector<bool> notice(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    NoticeTally tally;
    for (const std::size_t i : groups[g].lines)
      tally.add(lines[i]);
    notice[g] = tally.is_notice();
  }
  std::size_t core = 0;
  for (std::size_t g = 1; g < groups.size(); ++g) {
    if (notice[core] || (!notice[g] && core_weight(groups[g]) > core_weight(groups[core])))
      core = g;
  }
  TermSet topic;
  auto join = [&](const LineGroup& group) {
    for (const std::size_t i : group.lines)
      add_terms(lines[i], topic);
  };
  join(groups[core]);
  const std::size_t core_words = prose_words(groups[core]);
  // A long group is the rest of the article, cut off by an inline box (a gallery, a video, a
  // list of links, a "read also" list), rather than a blurb about the author or the site, which
  // is a paragraph, or a list of other stories' teasers: it holds half the core's prose or
  // more, or a third of it in two paragraphs or more. Being long, it shares a smaller part of
  // its words with the core (a later section of an article turns to other names and places),
  // and it joins unless it shares almost none (another story).
  constexpr std::size_t kMinParagraphs = 2;
  constexpr double kMinLongShare = 0.05;
  auto long_part = [&](const LineGroup& group) {
    const std::size_t words = prose_words(group);
    const auto paragraphs = static_cast<std::size_t>(
        std::count_if(group.lines.begin(), group.lines.end(),
                      [&](std::size_t i) { return is_prose(quality[i]); }));
    return (2 * words >= core_words || (3 * words >= core_words && paragraphs >= kMinParagraphs)) &&
           !is_teaser_list(lines, quality, group);
  };
  auto joins = [&](const LineGroup& group) {
    const double share = topic_share(lines, group.lines, topic);
    return share >= min_topic_share(group.separation, core_words) ||
           (long_part(group) && share >= kMinLongShare);
  };
  std::size_t last = core;
  while (last + 1 < groups.size() && joins(groups[last + 1]))
    join(groups[++last]);
  std::vector<std::size_t> coherent;
  for (std::size_t g = 0; g <= last; ++g) {
    if (!notice[g] || g == core)
      coherent.insert(coherent.end(), groups[g].lines.begin(), groups[g].lines.end());
  }
  return coherent;
}

// ---------------------------------------------------------------- title

/// Content words of the body's first few hundred words: what the article is about, for picking
/// its headline.
TermSet topic_terms(const std::vector<DumpLine>& lines, const std::vector<std::size_t>& body) {
  constexpr std::size_t kTopicWords = 400;
  TermSet terms;
  std::size_t seen = 0;
  for (const std::size_t i : body) {
    add_terms(lines[i], terms);
    seen += lines[i].words;
    if (seen >= kTopicWords) break;
  }
  return terms;
}

constexpr std::size_t kMaxHeadlineWords = 30;

/// A line that may be a headline: a few words, no cue, not a list item, link or teaser, not
/// mostly function words, not a breadcrumb trail.
bool heading_like(const DumpLine& line) {
  constexpr std::size_t kMaxSeparators = 1;
  constexpr double kMaxStopDensity = 0.6;
  return line.words >= 2 && line.words <= kMaxHeadlineWords && line.cue == Cue::kNone &&
         !line.bullet && !line.has_url && !line.ends_ellipsis &&
         line.stop_density() < kMaxStopDensity && line.separators <= kMaxSeparators;
}

/// How well a heading-like line fits as the headline of a body about `topic`, placed
/// `distance` lines before it; negative when it does not fit. A headline names the story's
/// main actors and subject, so most of its content words recur in the body; a menu item or a
/// person's name may recur too, but says less (fewer shared words); a photo caption is a
/// sentence.
double headline_fit(const DumpLine& line, const TermSet& topic, std::size_t distance) {
  constexpr std::size_t kNearLines = 10;  // headline, deck, byline, date, photo...
  constexpr std::size_t kLongHeadlineWords = 14;
  constexpr double kShareWeight = 1.5;       // per share of its content words in the body
  constexpr double kSharedWordWeight = 0.4;  // per shared word, up to kMaxSharedWords
  constexpr std::size_t kMaxSharedWords = 6;
  constexpr double kFarPenalty = 0.05;      // per line beyond kNearLines
  constexpr double kSentencePenalty = 2.0;  // ends with a full stop: a caption or a teaser
  constexpr double kShortPenalty = 1.0;     // one or two words: a name or a section
  constexpr double kLongPenalty = 0.5;      // many words: a caption or a summary
  std::size_t content = 0;
  std::size_t shared = 0;
  for (const std::string& w : text_dump::word_tokens(line.text, kMaxHeadlineWords)) {
    if (w.size() < 3 || text_dump::is_stop_word(w)) continue;
    ++content;
    shared += topic.contains(term_of(w));
  }
  constexpr double kMinShare = 0.25;
  if (content == 0 || shared == 0) return -1;
  const double share = static_cast<double>(shared) / static_cast<double>(content);
  if (share < kMinShare) return -1;
  double fit = kShareWeight * share +
               kSharedWordWeight * static_cast<double>(std::min(shared, kMaxSharedWords));
  if (distance > kNearLines) fit -= kFarPenalty * static_cast<double>(distance - kNearLines);
  if (line.ends_sentence && line.text.back() == '.') fit -= kSentencePenalty;
  if (line.words <= 2) fit -= kShortPenalty;
  if (line.words > kLongHeadlineWords) fit -= kLongPenalty;
  return fit;
}

/// Index of the headline: the heading-like line before the body that best matches its topic
/// (the upper one of two that fit about as well: a deck or a caption follows the headline),
/// else the nearest heading-like line right above the body.
std::optional<std::size_t> find_title(const std::vector<DumpLine>& lines, std::size_t body_start,
                                      const TermSet& topic) {
  constexpr std::size_t kLookBack = 40;
  constexpr std::size_t kFallbackDistance = 3;
  constexpr double kUpperBonus = 0.4;  // prefer the upper of two lines that fit about as well
  std::optional<std::size_t> best;
  double best_fit = 0;
  const std::size_t first = body_start > kLookBack ? body_start - kLookBack : 0;
  for (std::size_t i = body_start; i-- > first;) {
    if (!heading_like(lines[i])) continue;
    const double fit = headline_fit(lines[i], topic, body_start - i);
    if (fit > 0 && fit + kUpperBonus >= best_fit) {
      best_fit = std::max(fit, best_fit);
      best = i;
    }
  }
  if (best) return best;
  for (std::size_t i = body_start; i-- > first && body_start - i <= kFallbackDistance;) {
    if (heading_like(lines[i]) && lines[i].words >= 3 && !lines[i].ends_sentence) return i;
  }
  return std::nullopt;
}

/// `body` with the lines between the headline and it, a few lines below the headline, that are
/// the article's lead or standfirst, cut off from the text by a photo, a byline box or a share
/// bar that the body's run did not cross: lines of prose, and shorter lines that read as a
/// sentence (a standfirst often ends without a full stop) about the body's topic, not given
/// twice (a caption, a headline repeated) and not furniture.
std::vector<std::size_t> with_lead(const std::vector<DumpLine>& lines,
                                   const std::vector<Quality>& quality, std::size_t title,
                                   const std::vector<std::size_t>& body, const TermSet& topic) {
  constexpr std::size_t kLeadSpan = 10;  // lines below the headline: deck, byline, date, photo
  constexpr double kMinStandfirstShare = 0.35;
  std::vector<std::size_t> out;
  for (std::size_t i = title + 1; i < body.front() && i <= title + kLeadSpan; ++i) {
    const bool standfirst = quality[i] == Quality::kShort && lines[i].cue == Cue::kNone &&
                            !lines[i].bullet && sentence_like(lines[i]) &&
                            !repeated_nearby(lines, i) &&
                            topic_share(lines, {i}, topic) >= kMinStandfirstShare;
    if (is_prose(quality[i]) || standfirst) out.push_back(i);
  }
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

/// Whether line `i` stands next to list items: the summary of a story in a list of stories.
bool in_list(const std::vector<DumpLine>& lines, std::size_t i) {
  return (i > 0 && lines[i - 1].bullet) || (i + 1 < lines.size() && lines[i + 1].bullet);
}

/// `body` with the paragraphs of prose above it that are about the same thing: the article's
/// lead or first paragraph, cut off from the rest by a box the body's run did not cross (a
/// paywall's offer, an author box, a gallery). A paragraph of another story or of the site's
/// furniture shares few of the body's content words, and what lies above it is not the lead;
/// a caption given twice, or a summary in a list of stories, is no lead.
std::vector<std::size_t> with_lead_above(const std::vector<DumpLine>& lines,
                                         const std::vector<Quality>& quality,
                                         const std::vector<std::size_t>& body,
                                         const TermSet& topic) {
  constexpr std::size_t kLookBack = 80;  // lines: a paywall's offer, a byline box, a gallery
  constexpr double kMinLeadShare = 0.35;
  const std::size_t start = body.front();
  const std::size_t first = start > kLookBack ? start - kLookBack : 0;
  std::vector<std::size_t> out;
  // Upwards from the body, up to the first paragraph about something else.
  for (std::size_t i = start; i-- > first;) {
    if (!is_prose(quality[i]) || repeated_nearby(lines, i) || in_list(lines, i)) continue;
    if (quality[i] != Quality::kGood || topic_share(lines, {i}, topic) < kMinLeadShare) break;
    out.push_back(i);
  }
  std::reverse(out.begin(), out.end());
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

/// The amount a line starts with, as in a recipe's list of ingredients: a number or a fraction,
/// maybe with a unit glued on ("125 g Mehl", "1 Ei", "4\xC2\xBD cups of water", "200g Zucker",
/// "1/2 Tasse"), in a short line that names what it counts. Not a date or a time ("31. Oktober",
/// "12:05", "25/11 Montreuil", "2007 Key Dates", "3 days ago"), nor the number of an item in a
/// list ("1. Home") or a code ("22J. Delaplace", "3.1#1 Steckturm"). Empty if none.
std::string_view quantity_of(const DumpLine& line) {
  constexpr std::size_t kMaxWords = 14;
  if (line.words < 2 || line.words > kMaxWords || line.cue != Cue::kNone || line.has_url) return {};
  const std::string_view t = line.text;
  const std::string_view amount = t.substr(0, t.find(' '));
  if (amount.empty()) return {};
  const auto* b = reinterpret_cast<const unsigned char*>(amount.data());
  const bool fraction = amount.size() >= 2 && b[0] == 0xC2 && b[1] >= 0xBC && b[1] <= 0xBE;
  if (!fraction && !(amount[0] >= '0' && amount[0] <= '9')) return {};
  const bool plain = std::all_of(amount.begin(), amount.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == ',' || c == '.' || c == '/' ||
           c == '-' || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!plain || amount.back() == '.') return {};
  // Numbers: a/b with a > b is a day and a month; four digits from 1900 a year.
  std::vector<int> numbers{0};
  for (const char c : amount) {
    if (c >= '0' && c <= '9') {
      numbers.back() = std::min(numbers.back() * 10 + (c - '0'), 100000);
    } else if (numbers.back() != 0 || c == '/') {
      numbers.push_back(0);
    }
  }
  if (amount.find('/') != std::string_view::npos && numbers.size() >= 2 && numbers[0] > numbers[1])
    return {};
  if (amount.size() == 4 && numbers[0] >= 1900 && numbers[0] <= 2100) return {};
  const std::string core = text_dump::phrase_core(t);
  const std::size_t space = core.find(' ');
  if (space == std::string::npos) return {};
  const std::string_view next = std::string_view(core).substr(space + 1);
  if (text_dump::date_word(next.substr(0, next.find(' '))) || !text_dump::find_date_text(t).empty())
    return {};
  return amount;
}

/// `body` with a recipe's list of ingredients above it: the nearest block of four or more lines
/// that start with an amount (see `quantity_of`), a few lines above the body, with the headings
/// of its parts ("Für den Teig:"). Amounts vary and name different things; numbers that count
/// up or stay the same (1, 2, 3, 3.1...) number the items of a list, and the same thing in every
/// line with another number is a list of options ("12 Monate", "24 Monate").
std::vector<std::size_t> with_ingredients(const std::vector<DumpLine>& lines,
                                          std::vector<std::size_t> body) {
  constexpr std::size_t kLookBack = 40;      // lines above the body: the method's heading, times
  constexpr std::size_t kMaxGap = 3;         // lines between two amounts: a part's heading
  constexpr std::size_t kMinQuantities = 4;  // a list, not a sentence or two with numbers
  constexpr std::size_t kMaxHeadingWords = 6;
  if (body.empty()) return body;
  const std::size_t start = body.front();
  const std::size_t first = start > kLookBack ? start - kLookBack : 0;
  auto leading = [&](std::size_t i) { return std::atoi(lines[i].text.c_str()); };
  auto rest = [&](std::size_t i) {
    return std::string_view(lines[i].text).substr(quantity_of(lines[i]).size());
  };
  for (std::size_t bottom = start; bottom-- > first;) {
    if (quantity_of(lines[bottom]).empty()) continue;
    std::vector<std::size_t> block{bottom};
    for (std::size_t j = bottom; j-- > 0 && block.back() - j <= kMaxGap + 1;) {
      if (!quantity_of(lines[j]).empty()) block.push_back(j);
    }
    std::reverse(block.begin(), block.end());
    std::size_t numbering = 0;
    for (std::size_t k = 1; k < block.size(); ++k) {
      const int step = leading(block[k]) - leading(block[k - 1]);
      numbering += step == 0 || step == 1;
    }
    std::unordered_map<std::string_view, std::size_t> things;
    for (const std::size_t i : block)
      ++things[rest(i)];
    std::size_t repeated = 0;
    for (const auto& [thing, n] : things)
      repeated += n > 1 ? n : 0;
    if (block.size() >= kMinQuantities && 2 * numbering < block.size() &&
        2 * repeated < block.size()) {
      std::vector<std::size_t> out;
      const std::size_t top = block.front();
      if (top > 0 && lines[top - 1].cue == Cue::kNone && lines[top - 1].text.ends_with(':'))
        out.push_back(top - 1);
      for (std::size_t k = top; k <= bottom; ++k) {
        if (lines[k].cue == Cue::kNone &&
            (!quantity_of(lines[k]).empty() || lines[k].words <= kMaxHeadingWords))
          out.push_back(k);
      }
      out.insert(out.end(), body.begin(), body.end());
      return out;
    }
    bottom = block.front();  // not a list of ingredients: look above it
  }
  return body;
}

/// `body` with the standfirst that the second reading of the page (text_cleaner_classify) finds
/// between the headline and it. A standfirst is often one long line without a full stop (it ends
/// in a colon or nothing), which `rate` leaves short and the body's run does not take. The line
/// classifier reads it as text when its share of function words is that of the page's own prose,
/// and its text is trusted here only when the two readings agree on the article: its best
/// stretch holds the whole body and starts a few lines above it. Then its long lines below the
/// headline join the body; short ones (names, dates, menus) and lines above the headline (other
/// stories' summaries in a sidebar) stay out.
std::vector<std::size_t> with_classified_lead(const std::vector<DumpLine>& lines,
                                              std::optional<std::size_t> title,
                                              const std::vector<std::size_t>& body) {
  constexpr std::size_t kMinLeadWords = 15;  // a sentence, not a name, date or menu
  constexpr std::size_t kMinLinesAbove = 3;  // the stretch starts this far above the body
  if (!title || body.empty()) return body;
  const std::vector<bool> text = text_dump::classify_lines(lines);
  const text_dump::Stretch stretch = text_dump::best_stretch(lines, text);
  const std::size_t start = body.front();
  if (stretch.empty() || stretch.begin + kMinLinesAbove > start || stretch.end <= body.back())
    return body;
  std::vector<std::size_t> out;
  for (std::size_t i = std::max(stretch.begin, *title + 1); i < start; ++i) {
    if (text[i] && lines[i].words >= kMinLeadWords) out.push_back(i);
  }
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

// ---------------------------------------------------------------- metadata

struct Metadata {
  std::string author;
  std::string date;
};

/// Byline and date from the lines between the headline and the body (and the few lines above
/// the headline), else a credit line right after the body.
Metadata find_metadata(const std::vector<DumpLine>& lines, std::size_t title_line,
                       std::size_t body_start, std::size_t body_end) {
  constexpr std::size_t kAboveTitle = 3;
  constexpr std::size_t kMaxDateLineWords = 20;  // a longer line is text that may cite dates
  constexpr std::size_t kDatelineBytes = 40;     // "16 January 2008 - " opening the first line
  Metadata meta;
  auto scan = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const DumpLine& line = lines[i];
      if (meta.author.empty() && line.cue == Cue::kByline)
        meta.author = text_dump::byline_author(line.text);
      if (meta.author.empty() && line.cue == Cue::kNone)
        meta.author = text_dump::author_before_agency(line.text);
      if (meta.date.empty() && (line.cue == Cue::kDate || line.cue == Cue::kByline ||
                                line.cue == Cue::kBoilerplate || line.words <= kMaxDateLineWords))
        meta.date = text_dump::find_date_text(line.text);
    }
  };
  scan(title_line + 1, body_start);
  scan(title_line > kAboveTitle ? title_line - kAboveTitle : 0, title_line);
  if (body_start < lines.size() && meta.date.empty()) {
    // A dateline opening the first paragraph: "16 January 2008 - The Security Council ..."
    const std::string_view first = lines[body_start].text;
    const std::string date = text_dump::find_date_text(first.substr(0, kDatelineBytes));
    if (!date.empty() && first.find(date) < kDatelineBytes / 3) meta.date = date;
  }
  if (meta.author.empty() && body_end < lines.size()) {
    const DumpLine& after = lines[body_end];
    if (after.cue == Cue::kByline) {
      meta.author = text_dump::byline_author(after.text);
    } else if (after.cue == Cue::kNone) {
      meta.author = text_dump::credit_author(after.text);
    }
  }
  return meta;
}

std::string find_outlet(const std::vector<DumpLine>& lines) {
  constexpr std::size_t kMaxWords = 12;
  for (const DumpLine& line : lines) {
    if (line.words > kMaxWords) continue;
    std::string outlet = text_dump::outlet_from_home_link(line.text);
    if (!outlet.empty()) return outlet;
  }
  return {};
}

std::string join_lines(const std::vector<DumpLine>& lines, const std::vector<std::size_t>& kept) {
  std::string body;
  for (const std::size_t i : kept) {
    if (!body.empty()) body.push_back('\n');
    body.append(lines[i].text);
  }
  return body;
}

/// The lines of a run, in order.
std::vector<std::size_t> run_lines(const Span& run) {
  std::vector<std::size_t> out;
  for (std::size_t i = run.begin; i < run.end; ++i)
    out.push_back(i);
  return out;
}

/// For pages without an article: every line of prose, and the short lines that are sentences
/// rather than menu entries (five words or more, no bullet).
std::vector<std::size_t> plain_lines(const std::vector<DumpLine>& lines,
                                     const std::vector<Quality>& quality) {
  constexpr std::size_t kMinSentenceWords = 5;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool sentence =
        quality[i] == Quality::kShort && lines[i].words >= kMinSentenceWords && !lines[i].bullet;
    if (is_prose(quality[i]) || sentence) out.push_back(i);
  }
  return out;
}

std::size_t words_of(const std::vector<DumpLine>& lines, const std::vector<std::size_t>& picked) {
  std::size_t n = 0;
  for (const std::size_t i : picked)
    n += lines[i].words;
  return n;
}

// ---------------------------------------------------------------- explanation

/// What the stages made of the lines, for `explain_lines`.
struct Stages {
  Span run;
  const std::vector<std::size_t>& candidates;  // body_lines of the run
  const std::vector<std::size_t>& body;        // the body given out
  std::optional<std::size_t> title;
};

const char* quality_name(Quality q) {
  switch (q) {
    case Quality::kGood:
      return "good";
    case Quality::kNearGood:
      return "near";
    case Quality::kShort:
      return "short";
    case Quality::kBad:
      break;
  }
  return "bad";
}

const char* cue_name(Cue cue) {
  static constexpr std::array<const char*, 12> kNames{
      "-",    "furniture", "interruption", "comments", "caption", "byline",
      "date", "pager",     "teaser",       "glued",    "form",    "notice"};
  return kNames.at(static_cast<std::size_t>(cue));
}

/// One line per dump line: its index, the stage that dropped it (' ' outside the best run,
/// 'r' in the run but not a body line, 'c' dropped by the topic filter, '*' in the body, 'H'
/// the headline), its rating, cue, words, share of function words, '.' if it ends a sentence,
/// '-' if it is a list item, and its text.
std::string explain_lines(const std::vector<DumpLine>& lines, const std::vector<Quality>& quality,
                          const Stages& stages) {
  auto has = [](const std::vector<std::size_t>& v, std::size_t i) {
    return std::binary_search(v.begin(), v.end(), i);
  };
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    char stage = ' ';
    if (i >= stages.run.begin && i < stages.run.end) stage = 'r';
    if (has(stages.candidates, i)) stage = 'c';
    if (has(stages.body, i)) stage = '*';
    if (stages.title == i) stage = 'H';
    char numbers[64];
    std::snprintf(numbers, sizeof numbers, "%5zu %c %-5s %-12s %4zu %.2f%c%c ", i, stage,
                  quality_name(quality[i]), cue_name(lines[i].cue), lines[i].words,
                  lines[i].stop_density(), lines[i].ends_sentence ? '.' : ' ',
                  lines[i].bullet ? '-' : ' ');
    out += numbers;
    out += lines[i].text;
    out += '\n';
  }
  return out;
}

}  // namespace

Extraction clean_text_dump(std::string_view text, std::string* explanation) {
  constexpr std::size_t kMinArticleWords = 40;
  // Below this a page holds no text worth finding.
  constexpr std::size_t kMinPageWords = 25;
  // A news page, comments and all, has a few thousand lines; beyond this the input is not one,
  // and bounding the lines bounds the memory the analysis takes.
  Extraction result;
  if (const auto newlines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
      newlines > kMaxTextLines) {
    result.has_text = false;
    result.reason = "too many lines for a news page (" + std::to_string(newlines) + ")";
    return result;
  }
  const std::vector<DumpLine> lines = text_dump::analyse_lines(text);
  if (lines.empty()) {
    result.has_text = false;
    result.reason = "empty page";
    return result;
  }
  std::vector<Quality> quality(lines.size());
  std::transform(lines.begin(), lines.end(), quality.begin(), rate);

  const Span run = choose_run(lines, quality);
  const std::vector<std::size_t> candidates =
      run.empty() ? std::vector<std::size_t>{} : with_part_above(lines, quality, run);
  const std::vector<std::size_t> kept =
      candidates.empty() ? candidates : keep_coherent(lines, quality, candidates);
  std::size_t body_words = 0;
  std::size_t longest_prose = 0;
  for (const std::size_t i : kept) {
    body_words += lines[i].words;
    if (is_prose(quality[i])) longest_prose = std::max(longest_prose, lines[i].words);
  }
  result.article.outlet = find_outlet(lines);
  result.article.kind = "article";
  std::vector<std::size_t> body = kept;
  if (body_words < kMinArticleWords || longest_prose < kGoodWords) {
    // No article, but maybe text worth finding (a short notice, a table with commentary): the
    // body is then the best run whole, or failing that every line that is not furniture.
    result.article.kind = "page";
    result.reason = "no article text (only navigation, headlines or short snippets)";
    if (body_words < kMinPageWords)
      body = run.empty() ? std::vector<std::size_t>{} : run_lines(run);
    if (words_of(lines, body) < kMinPageWords) body = plain_lines(lines, quality);
    if (words_of(lines, body) < kMinPageWords) {
      result.has_text = false;
      return result;
    }
  }
  if (result.article.kind == "article") body = with_ingredients(lines, body);
  const std::size_t body_start = body.front();
  const std::size_t body_end = body.back() + 1;  // a credit line may follow the closing lines
  if (result.article.kind == "article") body = with_closing_lines(lines, quality, run, body);
  const TermSet topic = topic_terms(lines, body);
  const std::optional<std::size_t> title = find_title(lines, body_start, topic);
  if (title) {
    result.article.title = lines[*title].text;
    body = with_lead(lines, quality, *title, body, topic);
  }
  body = with_lead_above(lines, quality, body, topic);
  body = with_classified_lead(lines, title, body);
  if (explanation) *explanation = explain_lines(lines, quality, {run, candidates, body, title});
  const Metadata meta = find_metadata(lines, title.value_or(body_start), body_start, body_end);
  result.article.author = meta.author;
  result.article.date = meta.date;
  result.article.body = join_lines(lines, body);
  return result;
}

}  // namespace nsearch
