// Exact facet counts over a match set (internal).
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"

namespace nsearch {

/// Counts the values of one facet over every document the matcher shows it. Unlike
/// Xapian::ValueCountMatchSpy it reads multi-valued slots (authors: each name counts once
/// per article) and derived values (the day of the date slot). With `by_story`, a value counts
/// the stories (syndicated copies share a story key) that have it rather than the articles.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(const schema::FacetField& field, bool by_story = false)
      : field_(field), by_story_(by_story) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  /// Counts a raw slot value held by `documents` matches, as a Xapian::ValueCountMatchSpy
  /// reports them (see FacetSpies). Counts articles, not stories.
  void add_counted(const std::string& raw_value, std::size_t documents);
  std::string name() const override { return "nsearch::FacetCounter"; }

  /// The counted values: by count (ties by value), or by value for chronological facets;
  /// at most `limit` (0 = all), the most frequent ones.
  Facet result(std::size_t limit) const;

 private:
  void count(std::string value, const Xapian::Document& doc);
  // Calls `counted` with each facet value that the raw slot value stands for.
  template <typename Counted>
  void each_value(const std::string& raw, Counted&& counted) const;

  schema::FacetField field_;
  bool by_story_;
  std::unordered_map<std::string, std::size_t> counts_;
  std::unordered_set<std::string> seen_;  // value + '\0' + story key, with by_story_
};

}  // namespace nsearch
