#include "results/significant_terms.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "function_words.hpp"
#include "match/matching_query.hpp"
#include "nsearch/error.hpp"
#include "nsearch/schema.hpp"
#include "query/query_builder.hpp"
#include "results/term_frequencies.hpp"

namespace nsearch {
namespace {

// Candidates counted exactly beyond the number of terms asked for (some are function words).
constexpr std::size_t kSpareCandidates = 15;

bool is_word_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || u >= 0x80;
}

// "Zmercenari": a stem of a free-text word (not a field's "ZS...", not a number).
bool is_stem(const std::string& term) {
  return term.size() > 2 && term[0] == 'Z' && is_word_start(term[1]);
}

// The match set, after keeping one copy of each story when counting stories.
struct MatchSet {
  std::vector<Xapian::docid> docids;
  std::vector<bool> member;      // by docid
  std::size_t database = 0;      // articles, or stories, of the whole database
  std::vector<bool> story_copy;  // by docid, counting stories: the copy that stands for its story
};

MatchSet match_set(const AnalysisSource& source, const Xapian::Query& query, CountUnit by) {
  MatchSet set;
  const Xapian::Database& db = source.db;
  std::vector<Xapian::docid> matches = matching_docids(db, query, source.local);
  set.member.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, false);
  if (by == CountUnit::articles) {
    set.docids = std::move(matches);
    set.database = db.get_doccount();
  } else {
    DateStoryValues values(db, source.columns, /*dates=*/false, /*stories=*/true);
    StoryMarks marks;
    marks.begin();
    for (const Xapian::docid did : matches)
      if (marks.first(values.story(did))) set.docids.push_back(did);
    // The database's stories: each one's first copy in docid order.
    set.story_copy.assign(set.member.size(), false);
    marks.begin();
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      if (marks.first(values.story(*it))) {
        set.story_copy[*it] = true;
        ++set.database;
      }
    }
  }
  for (const Xapian::docid did : set.docids)
    set.member[did] = true;
  return set;
}

// What the term lists of the sampled matches hold.
struct Sample {
  std::size_t documents = 0;
  std::vector<Xapian::docid> docids;                   // ascending
  std::unordered_map<std::string, std::size_t> stems;  // document frequency in the sample
  std::map<std::string, std::size_t> languages;        // documents per language code
};

// Reads only the language term and the stems of each sampled match: a term list is sorted, and
// skip_to() passes over the rest (the unstemmed words, half of it, above all).
Sample read_sample(const Xapian::Database& db, const std::vector<Xapian::docid>& docids) {
  Sample sample;
  const std::size_t n = std::min(docids.size(), kTermsSample);
  const std::string lang_prefix(schema::kLangPrefix);
  sample.stems.reserve(n * 64);
  for (std::size_t i = 0; i < n; ++i) {
    const Xapian::docid did = docids[i * docids.size() / n];
    sample.docids.push_back(did);
    auto t = db.termlist_begin(did);
    const auto end = db.termlist_end(did);
    t.skip_to(lang_prefix);
    if (t != end && (*t).size() == lang_prefix.size() + 2 && (*t).starts_with(lang_prefix))
      ++sample.languages[(*t).substr(lang_prefix.size())];
    for (t.skip_to("Z"); t != end; ++t) {
      const std::string term = *t;
      if (term[0] != 'Z') break;
      if (is_stem(term)) ++sample.stems[term];
    }
  }
  sample.documents = n;
  return sample;
}

std::string main_language(const Sample& sample) {
  std::string best = "en";
  std::size_t most = 0;
  for (const auto& [lang, count] : sample.languages) {
    if (count > most) {
      best = lang;
      most = count;
    }
  }
  return best;
}

// The query's own stems: of its stemmed terms, and of its unstemmed words and field words.
std::unordered_set<std::string> query_stems(const Xapian::Query& query, const Xapian::Stem& stem) {
  std::unordered_set<std::string> out;
  for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
    std::string term = *it;
    const bool stemmed = !term.empty() && term[0] == 'Z';
    std::size_t start = stemmed ? 1 : 0;
    while (start < term.size() && term[start] >= 'A' && term[start] <= 'Z')
      ++start;
    const std::string word = term.substr(start);
    if (word.empty()) continue;
    out.insert("Z" + word);
    if (!stemmed) out.insert("Z" + stem(word));
  }
  return out;
}

// How many of `docids` (ascending) have `term`: by skipping through its posting list to each
// when they are much fewer than its postings, else by walking it past `member` (by docid).
std::size_t count_among(const Xapian::Database& db, const std::string& term,
                        Xapian::doccount postings, const std::vector<Xapian::docid>& docids,
                        const std::vector<bool>& member) {
  constexpr std::size_t kSkipGain = 8;  // a skip costs several steps of a walk
  std::size_t count = 0;
  auto it = db.postlist_begin(term);
  const auto end = db.postlist_end(term);
  if (docids.size() * kSkipGain < postings) {
    for (const Xapian::docid did : docids) {
      it.skip_to(did);
      if (it == end) break;
      count += *it == did ? 1 : 0;
    }
  } else {
    for (; it != end; ++it)
      count += member[*it] ? 1 : 0;
  }
  return count;
}

// The indexed word with the stem `stem` ("Z...") that most sampled matches contain; the stem
// itself when there is none. Snowball stems are their words' beginnings but for the last letter
// or so ("economi": economy, economies), so the words to try share all but that.
std::string surface_form(const std::string& stem, const Xapian::Database& db,
                         const Xapian::Stem& stemmer, const Sample& sample,
                         const std::vector<bool>& member) {
  const std::string bare = stem.substr(1);
  const std::string prefix = bare.size() > 3 ? bare.substr(0, bare.size() - 1) : bare;
  std::string best = bare;
  std::size_t most = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string word = *it;
    if (stemmer(word) != bare) continue;
    const std::size_t count = count_among(db, word, it.get_termfreq(), sample.docids, member);
    if (count > most) {
      best = word;
      most = count;
    }
  }
  return best;
}

// A bit per language of function_word_languages() present among the sampled matches.
languages::FunctionWordIndex::LanguageSet sample_languages(const Sample& sample) {
  languages::FunctionWordIndex::LanguageSet set = 0;
  const auto codes = languages::function_word_languages();
  for (std::size_t i = 0; i < codes.size(); ++i)
    if (sample.languages.count(std::string(codes[i])) > 0) set |= 1ULL << i;
  return set != 0 ? set : ~languages::FunctionWordIndex::LanguageSet{0};
}

void check(const TermsRequest& request) {
  if (request.limit == 0 || request.limit > kMaxSignificantTerms) {
    throw Error(ErrorKind::invalid_argument,
                "limit for terms must be from 1 to " + std::to_string(kMaxSignificantTerms));
  }
}

}  // namespace

double log_likelihood_ratio(double k1, double n1, double k2, double n2) {
  if (n1 <= 0 || n2 <= 0) return 0;
  const double p = (k1 + k2) / (n1 + n2);
  const auto part = [](double observed, double expected) {
    return observed > 0 && expected > 0 ? observed * std::log(observed / expected) : 0.0;
  };
  return 2 * (part(k1, n1 * p) + part(n1 - k1, n1 * (1 - p)) + part(k2, n2 * p) +
              part(n2 - k2, n2 * (1 - p)));
}

TermsResult find_significant_terms(const AnalysisSource& source, const TermsRequest& request,
                                   StemCache& stems) {
  check(request);
  const Xapian::Database& db = source.db;
  const QueryBuilder builder(db, source.parsers);
  const Xapian::Query query = matching_part(builder.build(request.search).query);
  const MatchSet set = match_set(source, query, request.by);
  TermsResult result;
  result.query = request.search.query;
  result.by = request.by;
  result.matches = set.docids.size();
  result.database = set.database;
  if (set.docids.empty()) return result;
  const Sample sample = read_sample(db, set.docids);
  result.sampled = sample.documents;
  const Xapian::Stem& stemmer = stems.stemmer(main_language(sample));
  const auto excluded = query_stems(query, stemmer);
  const auto languages = sample_languages(sample);
  const auto& function_words = languages::FunctionWordIndex::get();

  // Candidates by an estimate from the sample: its share of matches, the database's counts.
  const auto matches = static_cast<double>(set.docids.size());
  const auto database = static_cast<double>(set.database);
  const std::size_t min_in_sample = sample.documents >= 20 ? 2 : 1;
  std::vector<std::pair<double, const std::string*>> candidates;
  for (const auto& [stem, in_sample] : sample.stems) {
    if (in_sample < min_in_sample || excluded.count(stem) > 0) continue;
    const double in_matches =
        matches * static_cast<double>(in_sample) / static_cast<double>(sample.documents);
    const double in_database = std::max<double>(source.frequencies->of(stem), in_matches);
    if (in_matches / matches <= (in_database - in_matches) / std::max(1.0, database - matches))
      continue;
    candidates.emplace_back(
        log_likelihood_ratio(in_matches, matches, in_database - in_matches, database - matches),
        &stem);
  }
  // The estimates are good enough to leave few out: exact counts cost a posting list each.
  const std::size_t keep = std::min(candidates.size(), request.limit + kSpareCandidates);
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep),
                    candidates.end(), [](const auto& a, const auto& b) {
                      return a.first > b.first || (a.first == b.first && *a.second < *b.second);
                    });
  candidates.resize(keep);

  // One article of a few does not make a set "about" a word.
  const std::size_t min_in_matches = set.docids.size() >= 4 ? 2 : 1;
  // Exact counts: each candidate's postings among the matches (and the stories' copies).
  const bool exact_in_sample =
      request.by == CountUnit::articles && sample.documents == set.docids.size();
  std::vector<SignificantTerm> scored;
  for (const auto& candidate : candidates) {
    const std::string& stem = *candidate.second;
    SignificantTerm term;
    term.stem = stem.substr(1);
    if (exact_in_sample) {
      term.in_matches = sample.stems.at(stem);
      term.in_database = source.frequencies->of(stem);
    } else {
      if (request.by == CountUnit::articles) {
        term.in_database = source.frequencies->of(stem);
        term.in_matches = count_among(db, stem, term.in_database, set.docids, set.member);
      } else {
        for (auto it = db.postlist_begin(stem); it != db.postlist_end(stem); ++it) {
          if (set.member[*it]) ++term.in_matches;
          if (set.story_copy[*it]) ++term.in_database;
        }
      }
    }
    if (term.in_matches < min_in_matches) continue;
    const double k1 = static_cast<double>(term.in_matches);
    const double k2 = std::max(0.0, static_cast<double>(term.in_database) - k1);
    if (k1 / matches <= k2 / std::max(1.0, database - matches)) continue;
    term.score = log_likelihood_ratio(k1, matches, k2, database - matches);
    if (term.score > 0) scored.push_back(std::move(term));
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.score > b.score || (a.score == b.score && a.stem < b.stem);
  });
  // Named, and function words left out, down the list until there are enough.
  std::vector<bool> sample_member(set.member.size(), false);
  for (const Xapian::docid did : sample.docids)
    sample_member[did] = true;
  for (SignificantTerm& term : scored) {
    if (result.terms.size() == request.limit) break;
    term.term = surface_form("Z" + term.stem, db, stemmer, sample, sample_member);
    if ((function_words.languages_of(term.term) & languages) != 0) continue;
    result.terms.push_back(std::move(term));
  }
  return result;
}

}  // namespace nsearch
