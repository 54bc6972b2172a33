#include "query/query_builder.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>

#include "languages.hpp"
#include "nsearch/dates.hpp"
#include "nsearch/error.hpp"
#include "nsearch/limits.hpp"
#include "nsearch/schema.hpp"
#include "query/free_text.hpp"
#include "query/query_term_limit.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

// "7d", "2w", "3m", "1y": that long before today (UTC).
std::optional<DateTime> relative_date(const std::string& text) {
  if (text.size() < 2 || text.size() > 6) return std::nullopt;
  const char unit = text.back();
  int n = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  using namespace std::chrono;
  const sys_days today = floor<days>(system_clock::now());
  year_month_day ymd{today};
  switch (unit) {
    case 'd':  // five digits of days or weeks stay after the year 100
      ymd = year_month_day{today - days{n}};
      break;
    case 'w':
      ymd = year_month_day{today - days{7 * n}};
      break;
    case 'm':
    case 'y': {
      // Counts reaching back before the first year dates have stop there ("40000y" wrapped
      // around in std::chrono::year to the year 27562).
      const int month_index = static_cast<int>(ymd.year()) * 12 +
                              static_cast<int>(static_cast<unsigned>(ymd.month())) - 1 -
                              (unit == 'm' ? n : 12 * n);
      if (month_index < kFirstYear * 12) {
        ymd = year_month_day{std::chrono::year{kFirstYear}, January, std::chrono::day{1}};
        break;
      }
      const year_month ym{std::chrono::year{month_index / 12},
                          month{static_cast<unsigned>(month_index % 12 + 1)}};
      const auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
      ymd = year_month_day{ym.year(), ym.month(), std::min(ymd.day(), last)};
      break;
    }
    default:
      return std::nullopt;
  }
  DateTime dt;
  dt.year = static_cast<int>(ymd.year());
  dt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  dt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return dt;
}

std::string date_key(const std::string& text, const char* option, bool upper) {
  if (const auto relative = relative_date(text)) {
    DateTime dt = *relative;
    if (upper) {
      dt.hour = 23;
      dt.minute = 59;
      dt.second = 59;
    }
    return dt.sort_key();
  }
  const auto parsed = parse_iso_date(text, /*allow_partial=*/true);
  if (!parsed) {
    throw Error(ErrorKind::invalid_argument, std::string(option) +
                                                 ": expected a date like 2021, 2021-09, "
                                                 "2021-09-24 or 7d/2w/3m/1y, got \"" +
                                                 text + "\"");
  }
  DateTime dt = *parsed;
  if (upper) {
    // The end of the period the text names: year, month or day.
    const auto dash_count = std::count(text.begin(), text.end(), '-');
    using namespace std::chrono;
    if (dash_count == 0) {
      dt.month = 12;
      dt.day = 31;
    } else if (dash_count == 1) {
      const year_month_day_last month_end{
          std::chrono::year{dt.year},
          month_day_last{std::chrono::month{static_cast<unsigned>(dt.month)}}};
      dt.day = static_cast<int>(static_cast<unsigned>(month_end.day()));
    }
    if (!dt.has_time) {
      dt.hour = 23;
      dt.minute = 59;
      dt.second = 59;
    }
  } else if (!dt.has_time) {
    dt.hour = dt.minute = dt.second = 0;
  }
  return dt.sort_key();
}

bool is_operator(std::string_view word) {
  for (const std::string_view op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    if (word == op) return true;
  }
  return word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

// "+word" somewhere (at the start or after a space or a parenthesis).
bool has_required_marker(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '+' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(') &&
        text[i + 1] != ' ') {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string lowercase_words(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      out.push_back(text[i++]);
      continue;
    }
    const std::size_t end = std::min(text.find_first_of(" \t", i), text.size());
    const std::string_view word = text.substr(i, end - i);
    std::string_view core = word;
    while (!core.empty() && core.front() == '(')
      core.remove_prefix(1);
    while (!core.empty() && core.back() == ')')
      core.remove_suffix(1);
    out += is_operator(core) ? std::string(word) : text::lowercase(word);
    i = end;
  }
  return out;
}

std::string_view checked_kind(std::string_view text) {
  // Blank is no kind (an empty Article::kind would read as an article).
  const auto kind = text::trim(text).empty() ? std::nullopt : schema::canonical_kind(text);
  if (!kind) {
    throw Error(ErrorKind::invalid_argument,
                "--kind: expected " + std::string(schema::kArticleKind) + " or " +
                    std::string(schema::kPageKind) + ", got \"" + std::string(text) + "\"");
  }
  return *kind;
}

std::string date_lower_key(const std::string& text, const char* option) {
  return date_key(text, option, false);
}
std::string date_upper_key(const std::string& text, const char* option) {
  return date_key(text, option, true);
}

void check_query_syntax(const std::string& text) {
  int depth = 0;
  bool in_quote = false;
  std::size_t quote_at = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      in_quote = !in_quote;
      quote_at = i;
    } else if (!in_quote && c == '(') {
      ++depth;
    } else if (!in_quote && c == ')') {
      if (--depth < 0) {
        throw Error(ErrorKind::bad_query, "unbalanced parentheses in query: ')' at position " +
                                              std::to_string(i + 1) + " has no matching '('");
      }
    }
  }
  if (in_quote) {
    throw Error(ErrorKind::bad_query, "unbalanced quotes in query: the '\"' at position " +
                                          std::to_string(quote_at + 1) + " is never closed");
  }
  if (depth > 0) {
    throw Error(ErrorKind::bad_query,
                "unbalanced parentheses in query: " + std::to_string(depth) + " '(' never closed");
  }
}

DatabaseLanguages languages_of(const Xapian::Database& db) {
  DatabaseLanguages languages;
  const std::string prefix(schema::kLangPrefix);
  Xapian::doccount with_language = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    languages.codes.push_back((*it).substr(prefix.size()));
    languages.articles.push_back(it.get_termfreq());
    with_language += it.get_termfreq();
  }
  languages.every_article_has_one = with_language == db.get_doccount();
  return languages;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, QueryParsers* parsers,
                           const DatabaseLanguages* languages)
    : db_(db), parsers_(parsers), languages_(languages ? *languages : languages_of(db)) {
  if (parsers_ == nullptr) {
    own_parsers_ = std::make_unique<QueryParsers>(db_);
    parsers_ = own_parsers_.get();
  }
}

Xapian::Query QueryBuilder::parse_text(const std::string& text, const std::string& lang,
                                       const SearchRequest& request, bool free_text) const {
  if (free_text) {
    const Xapian::Stem stemmer = languages::stemmer_for(lang);
    return free_text_query(db_, text,
                           {.stemmer = &stemmer,
                            .stop_words = languages::stop_words(lang),
                            .title_weight = request.title_weight});
  }
  Xapian::QueryParser& qp = parsers_->parser(lang);
  // A "+word" marks what is required, so the other words become optional.
  const bool any_word =
      request.default_operator == DefaultOperator::any || has_required_marker(text);
  qp.set_default_op(any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
                         Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_CJK_NGRAM;
  const std::string words = lowercase_words(text);
  Xapian::Query query = qp.parse_query(words, flags);
  // Each position counts: a word repeated in a phrase is matched that many times.
  std::size_t terms = 0;
  for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it)
    ++terms;
  check_query_terms(terms, text);
  if (request.title_weight > 0 && !query.empty()) {
    // The same words again, restricted to the title, add weight to title matches.
    const Xapian::Query in_title = qp.parse_query(words, flags, std::string(schema::kTitlePrefix));
    query = Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, query,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, in_title, request.title_weight));
  }
  return query;
}

Xapian::Query QueryBuilder::filters(const SearchRequest& request) const {
  std::vector<Xapian::Query> all;
  if (!request.outlets.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& outlet : request.outlets)
      any.emplace_back(schema::outlet_term(outlet));
    all.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  if (!request.langs.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& lang : request.langs) {
      any.emplace_back(schema::lang_term(languages::normalise(lang)));
    }
    all.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  if (!request.kind.empty()) all.emplace_back(schema::kind_term(checked_kind(request.kind)));
  if (!request.since.empty() || !request.until.empty()) {
    const std::string lower =
        request.since.empty() ? std::string() : date_lower_key(request.since, "--since");
    const std::string upper =
        request.until.empty() ? std::string() : date_upper_key(request.until, "--until");
    if (!lower.empty() && !upper.empty() && lower > upper) {
      throw Error(ErrorKind::invalid_argument,
                  "--since " + request.since + " is after --until " + request.until);
    }
    if (upper.empty()) {
      all.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, lower);
    } else if (lower.empty()) {
      all.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, upper);
    } else {
      all.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lower, upper);
    }
  }
  if (all.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

Xapian::Query QueryBuilder::parse_all_languages(const std::string& text,
                                                const SearchRequest& request,
                                                bool free_text) const {
  // Parse once per language that can match: those requested, else all in the database.
  std::vector<std::string> langs;
  for (const auto& lang : request.langs)
    langs.push_back(languages::normalise(lang));
  if (langs.empty()) {
    langs = languages_.codes;
    // Free text that shows its language (a question, a topic) is analysed in that language
    // alone and may match articles of any language: analysed as German, say, an English
    // question would keep "the" and make rare German-stemmed terms of English words, which
    // lift the odd article misidentified as German above every English one.
    if (free_text && langs.size() > 1) {
      if (auto lang = language_by_stop_words(text, langs)) langs = {std::move(*lang)};
    }
  }
  if (langs.empty()) langs.emplace_back(schema::kUndeterminedLang);

  if (langs.size() == 1) return parse_text(text, langs.front(), request, free_text);

  // Languages whose parses are the same query share a branch (in first-seen order).
  struct Branch {
    Xapian::Query query;
    std::vector<std::string> lang_terms;
  };
  std::vector<Branch> branches;
  std::map<std::string, std::size_t, std::less<>> branch_of;  // serialised query -> branch
  for (const auto& lang : langs) {
    Xapian::Query query = parse_text(text, lang, request, free_text);
    const auto [at, added] = branch_of.try_emplace(query.serialise(), branches.size());
    if (added) branches.push_back({std::move(query), {}});
    branches[at->second].lang_terms.push_back(schema::lang_term(lang));
  }
  // One branch for every language needs no filter: requested languages are filtered anyway
  // (see filters()), and otherwise it stands for every article, if every article has one.
  if (branches.size() == 1 && (!request.langs.empty() || languages_.every_article_has_one)) {
    return branches.front().query;
  }
  std::vector<Xapian::Query> filtered;
  for (auto& branch : branches)
    filtered.push_back(restricted_to(branch.query, branch.lang_terms));
  return Xapian::Query(Xapian::Query::OP_OR, filtered.begin(), filtered.end());
}

Xapian::Query QueryBuilder::restricted_to(const Xapian::Query& query,
                                          const std::vector<std::string>& lang_terms) const {
  // When every article has one language, those of the branch are those of no other language.
  // A corpus is mostly in one language, and its branch then excludes the few articles of the
  // others instead of checking each match against its language's posting list, which holds
  // nearly every document (14% of the instructions of the bench searches on the reference
  // corpus, in the ranked pass and the count).
  if (languages_.every_article_has_one) {
    Xapian::doccount inside = 0;
    std::vector<Xapian::Query> others;
    Xapian::doccount outside = 0;
    for (std::size_t i = 0; i < languages_.codes.size(); ++i) {
      const std::string term = schema::lang_term(languages_.codes[i]);
      if (std::find(lang_terms.begin(), lang_terms.end(), term) != lang_terms.end()) {
        inside += languages_.articles[i];
      } else {
        others.emplace_back(term);
        outside += languages_.articles[i];
      }
    }
    if (outside < inside) {
      if (others.empty()) return query;
      return {Xapian::Query::OP_AND_NOT, query,
              Xapian::Query(Xapian::Query::OP_OR, others.begin(), others.end())};
    }
  }
  std::vector<Xapian::Query> terms(lang_terms.begin(), lang_terms.end());
  return {Xapian::Query::OP_FILTER, query,
          Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())};
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) const {
  const std::string text(text::trim(request.query));
  const Xapian::Query filter = filters(request);
  BuiltQuery built;
  if (text.empty()) {
    if (filter.empty()) throw Error(ErrorKind::bad_query, "empty query");
    built.query = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, filter);
    return built;
  }
  Xapian::Query text_query;
  if (request.free_text) {
    text_query = parse_all_languages(text, request, true);
  } else {
    // Forgiving: what is not valid syntax is searched as plain words, and the result says so.
    try {
      check_query_syntax(text);
      text_query = parse_all_languages(text, request, false);
    } catch (const QueryTermLimitError&) {
      throw;  // too long whatever the syntax: reading it as plain words would not shorten it
    } catch (const Error& e) {
      built.fallback = true;
      built.fallback_reason = e.what();
    } catch (const Xapian::QueryParserError& e) {
      built.fallback = true;
      built.fallback_reason = "cannot parse query: " + e.get_msg();
    }
    if (built.fallback) {
      // Text that is not a query is read as natural language: any word may match, those with
      // more of the words first (a stray "date:someday" must not leave nothing to find).
      SearchRequest plain = request;
      plain.default_operator = DefaultOperator::any;
      text_query = parse_all_languages(text, plain, true);
    }
  }
  built.query =
      filter.empty() ? text_query : Xapian::Query(Xapian::Query::OP_FILTER, text_query, filter);
  return built;
}

}  // namespace nsearch
