// Term frequencies remembered between searches of one database revision (internal).
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace nsearch {

/// Database::get_termfreq through a memo: significant terms look up the frequencies of thousands
/// of stems a request (a B-tree lookup each, about 3 us), mostly the same ones from one request to
/// the next. Cleared when the Searcher moves to another revision; starts again when full.
class TermFrequencies {
 public:
  explicit TermFrequencies(const Xapian::Database& db) : db_(db) {}
  Xapian::doccount of(const std::string& term) {
    if (const auto it = memo_.find(term); it != memo_.end()) return it->second;
    if (memo_.size() >= kMaxTerms) memo_.clear();
    return memo_.emplace(term, db_.get_termfreq(term)).first->second;
  }
  void clear() { memo_.clear(); }

 private:
  static constexpr std::size_t kMaxTerms = 2'000'000;
  Xapian::Database db_;
  std::unordered_map<std::string, Xapian::doccount> memo_;
};

}  // namespace nsearch
