#include "clean/text_dump/text_cleaner_meta.hpp"

#include <algorithm>
#include <vector>

#include "clean/text_dump/text_cleaner_phrases.hpp"
#include "nsearch/dates.hpp"
#include "text_util.hpp"

namespace nsearch::text_dump {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// A token of a name: a run of letters (ASCII or not), apostrophes, hyphens and dots.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Token> name_tokens(std::string_view s, std::size_t limit) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size() && tokens.size() < limit) {
    while (i < s.size() && s[i] == ' ')
      ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ')
      ++i;
    if (i > start) tokens.push_back({start, i});
  }
  return tokens;
}

bool is_name_particle(std::string_view w) {
  return w == "de" || w == "van" || w == "von" || w == "al" || w == "bin" || w == "da" ||
         w == "du" || w == "le" || w == "la" || w == "del" || w == "della" || w == "di" ||
         w == "der" || w == "den" || w == "ter" || w == "and" || w == "&" || w == "el";
}

// Word that cannot be part of a person's or agency's name in a byline.
bool ends_name(std::string_view word) {
  const std::string lc = text::ascii_lowercase(word);
  std::string bare = lc;
  while (!bare.empty() && !is_alpha(bare.back()))
    bare.pop_back();
  return month_from_name(bare) != 0 || is_weekday_name(bare) || bare == "updated" ||
         bare == "published" || bare == "posted" || bare == "on" || bare == "at" || bare == "in" ||
         bare == "for" || bare == "staff" || bare == "special" || bare == "correspondent" ||
         bare == "reporter" || bare == "writer" || bare == "editor" || bare == "email" ||
         bare == "e-mail" || bare == "follow" || bare == "last" || bare == "with" || bare == "of" ||
         bare == "the" || bare == "from" || bare == "filed";
}

// ---------------------------------------------------------------- dates

// Parses an unsigned number of 1..max_digits digits at `i`; returns its length (0 if none).
std::size_t number_at(std::string_view s, std::size_t i, std::size_t max_digits, int* value) {
  std::size_t n = 0;
  int v = 0;
  while (i + n < s.size() && is_digit(s[i + n]) && n <= max_digits) {
    v = v * 10 + (s[i + n] - '0');
    ++n;
  }
  if (n == 0 || n > max_digits) return 0;
  *value = v;
  return n;
}

bool is_year(int y, std::size_t digits) {
  return digits == 4 && y >= 1900 && y <= 2099;
}

// A run of letters at `i` (with an optional trailing '.'), lower-cased; its length in `len`.
std::string word_at(std::string_view s, std::size_t i, std::size_t* len) {
  std::size_t n = 0;
  while (i + n < s.size() && is_alpha(s[i + n]))
    ++n;
  *len = n;
  std::string w = text::ascii_lowercase(s.substr(i, n));
  if (n > 0 && i + n < s.size() && s[i + n] == '.') ++*len;
  return w;
}

std::size_t skip_separators(std::string_view s, std::size_t i, std::string_view seps) {
  while (i < s.size() && seps.find(s[i]) != std::string_view::npos)
    ++i;
  return i;
}

// "January 10, 2008", "Jan. 10 2008", "Jan 10th, 2008": the length matched at `i`, else 0.
std::size_t month_first_date(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  if (month_from_name(word_at(s, i, &len)) == 0 || len == 0) return 0;
  std::size_t j = skip_separators(s, i + len, " ");
  int day = 0, year = 0;
  std::size_t n = number_at(s, j, 2, &day);
  if (n == 0 || day < 1 || day > 31) return 0;
  j += n;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (s.substr(j, 2) == suffix) j += 2;
  }
  j = skip_separators(s, j, " ,");
  n = number_at(s, j, 4, &year);
  if (!is_year(year, n)) return 0;
  return j + n - i;
}

// "16 January 2008", "21 Jan, 2008", "5th March 2008".
std::size_t day_first_date(std::string_view s, std::size_t i) {
  int day = 0, year = 0;
  std::size_t n = number_at(s, i, 2, &day);
  if (n == 0 || day < 1 || day > 31) return 0;
  std::size_t j = i + n;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (s.substr(j, 2) == suffix) j += 2;
  }
  j = skip_separators(s, j, " ");
  if (s.substr(j, 3) == "of ") j += 3;
  std::size_t len = 0;
  if (month_from_name(word_at(s, j, &len)) == 0 || len == 0) return 0;
  j = skip_separators(s, j + len, " ,");
  n = number_at(s, j, 4, &year);
  if (!is_year(year, n)) return 0;
  return j + n - i;
}

// "2008-01-10", "2008-01-10T10:00:00Z", "2008/01/10".
std::size_t iso_date(std::string_view s, std::size_t i) {
  int y = 0, m = 0, d = 0;
  std::size_t n = number_at(s, i, 4, &y);
  if (!is_year(y, n)) return 0;
  std::size_t j = i + n;
  if (j >= s.size() || (s[j] != '-' && s[j] != '/')) return 0;
  const char sep = s[j++];
  if ((n = number_at(s, j, 2, &m)) == 0 || m < 1 || m > 12) return 0;
  j += n;
  if (j >= s.size() || s[j] != sep) return 0;
  if ((n = number_at(s, ++j, 2, &d)) == 0 || d < 1 || d > 31) return 0;
  j += n;
  if (j < s.size() && s[j] == 'T' && j + 1 < s.size() && is_digit(s[j + 1])) {
    ++j;
    while (j < s.size() && (is_digit(s[j]) || s[j] == ':' || s[j] == '.' || s[j] == 'Z' ||
                            s[j] == '+' || s[j] == '-'))
      ++j;
  }
  return j - i;
}

// "01/10/2008", "10.01.2008", "10-01-2008".
std::size_t numeric_date(std::string_view s, std::size_t i) {
  int a = 0, b = 0, y = 0;
  std::size_t n = number_at(s, i, 2, &a);
  if (n == 0 || a < 1 || a > 31) return 0;
  std::size_t j = i + n;
  if (j >= s.size() || (s[j] != '/' && s[j] != '.' && s[j] != '-')) return 0;
  const char sep = s[j++];
  if ((n = number_at(s, j, 2, &b)) == 0 || b < 1 || b > 31) return 0;
  j += n;
  if (j >= s.size() || s[j] != sep) return 0;
  if (!is_year(y, n = number_at(s, ++j, 4, &y))) return 0;
  return j + n - i;
}

// A time right after a date: " 1:41pm GMT", ", 5:19 pm", " | 6:46:13 PM", " at 10:30 a.m. EST".
std::size_t time_after(std::string_view s, std::size_t i) {
  std::size_t j = skip_separators(s, i, " ,|-@");
  if (s.substr(j, 3) == "at ") j += 3;
  int h = 0, m = 0;
  std::size_t n = number_at(s, j, 2, &h);
  if (n == 0 || h > 24 || j + n >= s.size() || s[j + n] != ':') return 0;
  j += n + 1;
  if ((n = number_at(s, j, 2, &m)) != 2) return 0;
  j += n;
  if (j + 2 < s.size() && s[j] == ':' && number_at(s, j + 1, 2, &m) == 2) j += 3;
  std::size_t k = skip_separators(s, j, " ");
  const std::string rest = text::ascii_lowercase(s.substr(k, 4));
  if (rest.starts_with("a.m.") || rest.starts_with("p.m.")) {
    j = k + 4;
  } else if (rest.starts_with("am") || rest.starts_with("pm")) {
    j = k + 2;
  }
  // A time zone abbreviation: 2-4 capitals as a word.
  k = skip_separators(s, j, " ");
  std::size_t caps = 0;
  while (k + caps < s.size() && is_upper(s[k + caps]) && caps < 5)
    ++caps;
  if (caps >= 2 && caps <= 4 && (k + caps == s.size() || !is_alpha(s[k + caps]))) j = k + caps;
  return j - i;
}

// A weekday right before a date ("Thu, ", "Friday "): where it starts, else `start`.
std::size_t weekday_before(std::string_view s, std::size_t start) {
  std::size_t j = start;
  while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == ','))
    --j;
  std::size_t k = j;
  if (k > 0 && s[k - 1] == '.') --k;
  while (k > 0 && is_alpha(s[k - 1]))
    --k;
  std::size_t len = 0;
  if (k < j && is_weekday_name(word_at(s, k, &len))) return k;
  return start;
}

}  // namespace

std::string byline_author(std::string_view line) {
  std::string_view s = trim_spaces(line);
  const std::string lc = text::ascii_lowercase(s.substr(0, 24));
  for (const std::string_view lead :
       {"\xE2\x80\x94 posted by ", "- posted by ", "posted by: ", "posted by ",
        "written by: ", "written by ", "story by ", "report by ", "reported by ", "words by ",
        "text by ", "author: ", "authors: ", "byline: ", "by: ", "by ", "from "}) {
    if (lc.starts_with(lead)) {
      s.remove_prefix(lead.size());
      break;
    }
  }
  std::string name;
  constexpr std::size_t kMaxNameWords = 8;
  std::size_t name_words = 0;
  for (const Token& t : name_tokens(s, 16)) {
    std::string_view word = s.substr(t.begin, t.end - t.begin);
    const bool particle = is_name_particle(word);
    if (!particle && !(is_upper(word[0]) || static_cast<unsigned char>(word[0]) >= 0x80)) break;
    if (ends_name(word) || name_words >= kMaxNameWords) break;
    // Punctuation ends the name after this word: "Doe," "Doe|" "Doe;".
    std::size_t cut = word.find_first_of(",|;()/:");
    const bool last = cut != std::string_view::npos;
    if (last) word = word.substr(0, cut);
    // A glued continuation ("SquatrigliaJanuary") ends the name inside the word.
    for (std::size_t k = 2; k < word.size(); ++k) {
      if (is_upper(word[k]) && word[k - 1] >= 'a' && word[k - 1] <= 'z' && word[k - 2] >= 'a' &&
          word[k - 2] <= 'z') {
        word = word.substr(0, k);
        break;
      }
    }
    if (!word.empty()) {
      if (!name.empty()) name.push_back(' ');
      name.append(word);
      ++name_words;
    }
    if (last) break;
  }
  // Trailing particles ("Jane Doe and") are not part of the name.
  while (!name.empty()) {
    const std::size_t sp = name.rfind(' ');
    const std::string_view tail =
        std::string_view(name).substr(sp == std::string::npos ? 0 : sp + 1);
    if (!is_name_particle(tail)) break;
    name.resize(sp == std::string::npos ? 0 : sp);
  }
  return name;
}

std::string credit_author(std::string_view line) {
  constexpr std::size_t kMaxCreditBytes = 60;
  constexpr std::size_t kMaxCreditWords = 5;
  const std::string_view s = trim_spaces(line);
  if (s.empty() || s.size() > kMaxCreditBytes) return {};
  if (s.find_first_of(".!?:|0123456789") != std::string_view::npos) return {};
  std::size_t words = 0;
  bool credit_word = false;
  for (const Token& t : name_tokens(s, kMaxCreditWords + 1)) {
    const std::string_view word = s.substr(t.begin, t.end - t.begin);
    if (!is_upper(word[0]) && !is_name_particle(word)) return {};
    const std::string lc = text::ascii_lowercase(word);
    credit_word |= lc.starts_with("report") || lc.starts_with("correspondent") ||
                   lc.starts_with("agenc") || lc == "staff" || lc.starts_with("wire") ||
                   lc == "press" || lc == "writer" || lc == "writers" || lc == "bureau" ||
                   lc == "desk" || lc == "service";
    ++words;
  }
  // "Agency Report", "Staff Reporter", "Wire Services"; or a lone agency name ("Reuters").
  if (words == 0 || words > kMaxCreditWords || (!credit_word && words > 1)) return {};
  return std::string(s);
}

std::string author_before_agency(std::string_view line) {
  constexpr std::size_t kMinNameWords = 2;  // one capitalised word is a section ("World | Africa")
  constexpr std::size_t kMaxNameWords = 4;
  constexpr std::size_t kMaxAgencyWords = 4;
  line = trim_spaces(line);
  std::size_t cut = line.find(" | ");
  std::size_t skip = 3;
  if (cut == std::string_view::npos) {
    cut = line.find(", ");
    skip = 2;
  }
  if (cut == std::string_view::npos) return {};
  const std::string_view name = trim_spaces(line.substr(0, cut));
  const std::string_view agency = trim_spaces(line.substr(cut + skip));
  if (agency.find_first_of("|,.!?:;0123456789") != std::string_view::npos) return {};
  auto capitalised_words = [](std::string_view s, std::size_t max_words) -> std::size_t {
    std::size_t n = 0;
    for (const Token& t : name_tokens(s, max_words + 1)) {
      const std::string_view word = s.substr(t.begin, t.end - t.begin);
      if (!is_upper(word[0]) && !is_name_particle(word)) return 0;
      ++n;
    }
    return n <= max_words ? n : 0;
  };
  const std::size_t name_words = capitalised_words(name, kMaxNameWords);
  if (name_words < kMinNameWords || capitalised_words(agency, kMaxAgencyWords) == 0) return {};
  if (name.find_first_of(".!?:;0123456789") != std::string_view::npos) return {};
  return std::string(name);
}

std::string find_date_text(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const bool token_start = i == 0 || !(is_alpha(line[i - 1]) || is_digit(line[i - 1]));
    if (!token_start) continue;
    std::size_t len = 0;
    if (is_digit(line[i])) {
      len = iso_date(line, i);
      if (len == 0) len = numeric_date(line, i);
      if (len == 0) len = day_first_date(line, i);
    } else if (is_alpha(line[i])) {
      len = month_first_date(line, i);
    }
    if (len == 0) continue;
    const std::size_t begin = weekday_before(line, i);
    const std::size_t end = i + len + time_after(line, i + len);
    return std::string(line.substr(begin, end - begin));
  }
  return {};
}

std::string outlet_from_home_link(std::string_view line) {
  line = trim_spaces(line);
  constexpr std::size_t kMaxNameBytes = 60;
  constexpr std::size_t kMaxNameWords = 6;
  for (const std::string_view scheme : {"https://", "http://"}) {
    const std::size_t at = line.find(scheme);
    if (at == std::string_view::npos || at == 0 || at > kMaxNameBytes) continue;
    const std::string_view url = line.substr(at);
    if (url.find(' ') != std::string_view::npos) continue;  // the link must end the line
    if (line[at - 1] == ' ') continue;                      // glued, not a sentence with a URL
    const std::string_view name = trim_spaces(line.substr(0, at));
    if (name.empty() || name.find_first_of(".!?:;,\"|") != std::string_view::npos) continue;
    if (std::count(name.begin(), name.end(), ' ') + 1 > static_cast<long>(kMaxNameWords)) continue;
    if (!is_upper(name[0]) && !is_digit(name[0])) continue;
    return std::string(name);
  }
  return {};
}

}  // namespace nsearch::text_dump
