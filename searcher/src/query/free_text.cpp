#include "query/free_text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "languages.hpp"
#include "nsearch/schema.hpp"
#include "query/query_term_limit.hpp"
#include "text_util.hpp"

namespace nsearch {
namespace {

// Xapian's prefix for stemmed terms (TermGenerator::STEM_SOME): "Z" + field prefix + stem.
constexpr char kStemmedPrefix = 'Z';

// The indexer's TermGenerator stems a word unless its first character is not a letter
// (numbers); words it does not stem are indexed only as they are.
bool indexed_unstemmed_only(const std::string& term, bool stemming) {
  if (!stemming) return true;
  const unsigned first = *Xapian::Utf8Iterator(term);
  switch (Xapian::Unicode::get_category(first)) {
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return false;
    default:
      return true;
  }
}

// Query terms of `text` with the number of times each occurs (its wqf).
std::map<std::string, Xapian::termcount> analyse(std::string_view text,
                                                 const FreeTextOptions& options,
                                                 bool drop_stop_words) {
  Xapian::TermGenerator generator;
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  const bool stemming = options.stemmer != nullptr && !options.stemmer->is_none();
  if (stemming) generator.set_stemmer(*options.stemmer);
  Xapian::SimpleStopper stopper;
  if (drop_stop_words) {
    for (const std::string_view word : options.stop_words)
      stopper.add(std::string(word));
    generator.set_stopper(&stopper);
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
  }
  Xapian::Document scratch;
  generator.set_document(scratch);
  generator.index_text_without_positions(std::string(text));

  std::map<std::string, Xapian::termcount> terms;
  for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
    const std::string term = *it;
    const bool stemmed = term.front() == kStemmedPrefix;
    if (stemmed || indexed_unstemmed_only(term, stemming)) terms.emplace(term, it.get_wdf());
  }
  return terms;
}

// The same term as indexed from the title field.
std::string title_term(const std::string& term) {
  const std::string prefix(schema::kTitlePrefix);
  if (term.front() == kStemmedPrefix) return kStemmedPrefix + prefix + term.substr(1);
  return prefix + term;
}

}  // namespace

Xapian::Query free_text_query(const Xapian::Database& db, std::string_view text,
                              const FreeTextOptions& options) {
  auto terms = analyse(text, options, /*drop_stop_words=*/true);
  if (terms.empty()) terms = analyse(text, options, /*drop_stop_words=*/false);
  // Distinct terms count (a repeated word only weighs more), present in the database or not.
  check_query_terms(terms.size(), text);

  std::vector<Xapian::Query> any;
  for (const auto& [term, wqf] : terms) {
    if (db.get_termfreq(term) == 0) continue;
    // Linear in wqf, whatever the weighting scheme: a topic that names a thing three times is
    // about it. The title bonus counts once (scaling it too measured worse: CACM MAP -0.012).
    Xapian::Query query(term);
    if (wqf > 1) query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, wqf);
    if (options.title_weight > 0) {
      const std::string in_title = title_term(term);
      if (db.get_termfreq(in_title) > 0) {
        query = Xapian::Query(Xapian::Query::OP_OR, query,
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(in_title),
                                            options.title_weight));
      }
    }
    any.push_back(std::move(query));
  }
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

std::optional<std::string> language_by_stop_words(std::string_view text,
                                                  const std::vector<std::string>& candidates) {
  // Words: runs of letters, digits and non-ASCII bytes, lower-cased.
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(text::lowercase(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(text::lowercase(word));

  std::optional<std::string> best;
  std::size_t best_count = 0, runner_up = 0;
  for (const auto& lang : candidates) {
    const auto stop = languages::stop_words(lang);
    const auto count = static_cast<std::size_t>(
        std::count_if(words.begin(), words.end(), [&](const std::string& w) {
          return std::find(stop.begin(), stop.end(), w) != stop.end();
        }));
    if (count > best_count) {
      runner_up = best_count;
      best_count = count;
      best = lang;
    } else if (count > runner_up) {
      runner_up = count;
    }
  }
  constexpr std::size_t kMinStopWords = 2;
  if (best_count < kMinStopWords || best_count == runner_up) return std::nullopt;
  return best;
}

}  // namespace nsearch
