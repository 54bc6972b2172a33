#include "results/snippet.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "nsearch/schema.hpp"

namespace nsearch {
namespace {

using passage::Term;

bool is_prefix_letter(char c) {
  return c >= 'A' && c <= 'Z';
}

// A free-text term of the body as the query has it: "oil" or "Zoil". Field terms (prefixed
// with capitals: titles, outlets, languages) are not looked for in the body.
std::optional<Term> free_text_term(const std::string& term) {
  if (term.empty()) return std::nullopt;
  if (term[0] == 'Z') {
    if (term.size() < 2 || is_prefix_letter(term[1])) return std::nullopt;
    return Term{Term::Kind::stem, term.substr(1)};
  }
  if (is_prefix_letter(term[0])) return std::nullopt;
  return Term{Term::Kind::word, term};
}

// The languages a filter names when it is only language terms ("Len", "Les OR Lfr"); empty
// otherwise.
std::vector<std::string> filter_languages(const Xapian::Query& filter) {
  std::vector<std::string> langs;
  const auto type = filter.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    const std::string term = *filter.get_terms_begin();
    if (term.starts_with(schema::kLangPrefix) && term.size() > schema::kLangPrefix.size() &&
        !is_prefix_letter(term[schema::kLangPrefix.size()])) {
      langs.push_back(term.substr(schema::kLangPrefix.size()));
    }
    return langs;
  }
  if (type != Xapian::Query::OP_OR) return langs;
  for (std::size_t i = 0; i < filter.get_num_subqueries(); ++i) {
    const auto sub = filter_languages(filter.get_subquery(i));
    if (sub.empty()) return {};
    langs.insert(langs.end(), sub.begin(), sub.end());
  }
  return langs;
}

// Xapian 1.4 gives no accessor for a wildcard's pattern: its description is "WILDCARD <combiner>
// <pattern>" (characters other than printable ones escaped as \xHH, which are left out here).
std::optional<std::string> wildcard_prefix(const Xapian::Query& query) {
  const std::string d = query.get_description();  // Query(WILDCARD SYNONYM oil)
  const std::string_view head = "Query(WILDCARD ";
  if (!d.starts_with(head) || !d.ends_with(")")) return std::nullopt;
  const std::size_t space = d.find(' ', head.size());
  if (space == std::string::npos) return std::nullopt;
  std::string pattern = d.substr(space + 1, d.size() - space - 2);
  if (pattern.empty() || pattern.find('\\') != std::string::npos || is_prefix_letter(pattern[0]))
    return std::nullopt;
  return pattern;
}

// A phrase whose words must be adjacent: the description says "PHRASE <window>" with a window
// of its number of terms.
bool is_tight_phrase(const Xapian::Query& query) {
  const std::string n = std::to_string(query.get_num_subqueries());
  return query.get_description().find(" PHRASE " + n + " ") != std::string::npos;
}

class Collector {
 public:
  Collector(const Xapian::MSet& mset, Xapian::doccount documents,
            const std::vector<std::string>& database_langs)
      : mset_(mset), documents_(documents), database_langs_(database_langs) {}

  void walk(const Xapian::Query& query, const std::vector<std::string>& langs) {
    const auto type = query.get_type();
    const std::size_t n = query.get_num_subqueries();
    switch (type) {
      case Xapian::Query::LEAF_TERM: {
        const std::string term = *query.get_terms_begin();
        if (auto t = free_text_term(term)) add({{std::move(*t)}, idf(term)}, langs);
        return;
      }
      case Xapian::Query::OP_WILDCARD:
        if (auto prefix = wildcard_prefix(query))
          add({{Term{Term::Kind::prefix, std::move(*prefix)}}, idf("")}, langs);
        return;
      case Xapian::Query::OP_PHRASE:
        if (add_phrase(query, langs)) return;
        break;
      case Xapian::Query::OP_FILTER: {
        // The matching part, for the languages its filter names.
        std::vector<std::string> filtered;
        for (std::size_t i = 1; i < n && filtered.empty(); ++i)
          filtered = filter_languages(query.get_subquery(i));
        if (!filtered.empty()) {
          walk(query.get_subquery(0), filtered);
          return;
        }
        break;
      }
      case Xapian::Query::OP_AND_NOT: {
        // What a hit must not contain is not in its text. Excluded language terms leave the
        // matching part to the other languages (a corpus's main language: see QueryBuilder).
        if (n == 0) return;
        std::vector<std::string> excluded;
        for (std::size_t i = 1; i < n && excluded.empty(); ++i)
          excluded = filter_languages(query.get_subquery(i));
        std::vector<std::string> kept;
        if (!excluded.empty()) {
          for (const std::string& lang : langs.empty() ? database_langs_ : langs) {
            if (std::find(excluded.begin(), excluded.end(), lang) == excluded.end())
              kept.push_back(lang);
          }
        }
        walk(query.get_subquery(0), kept.empty() ? langs : kept);
        return;
      }
      default:
        break;
    }
    for (std::size_t i = 0; i < n; ++i)
      walk(query.get_subquery(i), langs);
  }

  SnippetTerms take() { return std::move(terms_); }

 private:
  bool add_phrase(const Xapian::Query& query, const std::vector<std::string>& langs) {
    const std::size_t n = query.get_num_subqueries();
    passage::Target target;
    target.weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Xapian::Query sub = query.get_subquery(i);
      if (sub.get_type() != Xapian::Query::LEAF_TERM) return false;
      const std::string term = *sub.get_terms_begin();
      auto t = free_text_term(term);
      if (!t) return false;
      target.terms.push_back(std::move(*t));
      target.weight += idf(term);
    }
    if (!is_tight_phrase(query)) return false;
    add(std::move(target), langs);
    return true;
  }

  // Rarer terms weigh more; a wildcard ("") as a term in a hundredth of the documents.
  double idf(const std::string& term) const {
    const double n = documents_ + 1.0;
    const double tf = term.empty() ? n / 100 : static_cast<double>(mset_.get_termfreq(term));
    return std::max(0.1, std::log(n / (tf + 0.5)));
  }

  void add(passage::Target target, const std::vector<std::string>& langs) {
    // The same term under several languages' parses: one entry for all of them.
    for (SnippetTerms::Entry& e : terms_.entries) {
      if (!same_terms(e.target, target)) continue;
      if (e.langs.empty()) return;
      if (langs.empty()) {
        e.langs.clear();
      } else {
        for (const std::string& lang : langs) {
          if (std::find(e.langs.begin(), e.langs.end(), lang) == e.langs.end())
            e.langs.push_back(lang);
        }
      }
      return;
    }
    terms_.entries.push_back({std::move(target), langs});
  }

  static bool same_terms(const passage::Target& a, const passage::Target& b) {
    return std::equal(
        a.terms.begin(), a.terms.end(), b.terms.begin(), b.terms.end(),
        [](const Term& x, const Term& y) { return x.kind == y.kind && x.text == y.text; });
  }

  const Xapian::MSet& mset_;
  Xapian::doccount documents_;
  const std::vector<std::string>& database_langs_;
  SnippetTerms terms_;
};

}  // namespace

SnippetTerms snippet_terms(const Xapian::Query& query, const Xapian::MSet& mset,
                           Xapian::doccount documents,
                           const std::vector<std::string>& database_langs) {
  Collector collector(mset, documents, database_langs);
  collector.walk(query, {});
  return collector.take();
}

void SnippetMaker::make(std::string_view text, std::string_view lang, std::size_t target_bytes,
                        Hit& hit) {
  auto it = finders_.find(lang);
  if (it == finders_.end()) {
    std::vector<passage::Target> targets;
    for (const SnippetTerms::Entry& e : terms_.entries) {
      if (e.langs.empty() || std::find(e.langs.begin(), e.langs.end(), lang) != e.langs.end())
        targets.push_back(e.target);
    }
    // A language no part of the query names: every term, as Xapian's snippets would.
    if (targets.empty()) {
      for (const SnippetTerms::Entry& e : terms_.entries)
        targets.push_back(e.target);
    }
    StemCache::Stems& stems = stems_.stems(lang);
    passage::Finder finder(std::move(targets),
                           [&stems](std::string_view word) { return stems.stem(word); });
    it = finders_.emplace(std::string(lang), std::move(finder)).first;
  }
  passage::Passage found = it->second.find(text, target_bytes);
  hit.snippet = std::move(found.text);
  hit.highlights = std::move(found.highlights);
}

}  // namespace nsearch
