// Snippets with highlighted matches (internal).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "nsearch/searcher.hpp"
#include "results/passage.hpp"
#include "results/stem_cache.hpp"

namespace nsearch {

/// The query's words as a snippet looks for them, per language of the hits.
struct SnippetTerms {
  struct Entry {
    passage::Target target;
    std::vector<std::string> langs;  ///< where the query has it: ISO 639-1 codes; empty = all
  };
  std::vector<Entry> entries;
};

/// What to look for in the text of hits of `query`: its free-text terms (unstemmed words and
/// "Z" stems), tight phrases and wildcard prefixes, weighted by rarity (from `mset`'s term
/// frequencies, which remote shards report as local ones do, out of `documents`). Terms under
/// a filter on language terms count for those languages only, and terms of a branch that
/// excludes language terms for the others of `database_langs` (nsearch parses a query once per
/// language).
SnippetTerms snippet_terms(const Xapian::Query& query, const Xapian::MSet& mset,
                           Xapian::doccount documents,
                           const std::vector<std::string>& database_langs);

/// Makes the snippets of one result page, each from the passage of the hit's text that best
/// matches the query. One per search; not thread-safe, like a Searcher.
class SnippetMaker {
 public:
  SnippetMaker(SnippetTerms terms, StemCache& stems) : terms_(std::move(terms)), stems_(stems) {}

  /// Fills hit.snippet and hit.highlights from `text`, in the language `lang`.
  void make(std::string_view text, std::string_view lang, std::size_t target_bytes, Hit& hit);

 private:
  SnippetTerms terms_;
  StemCache& stems_;
  std::map<std::string, passage::Finder, std::less<>> finders_;  // per language
};

}  // namespace nsearch
