#include "match/facet_counter.hpp"

#include <algorithm>

namespace nsearch {

void FacetCounter::count(std::string value, const Xapian::Document& doc) {
  if (by_story_) {
    std::string story = doc.get_value(schema::kStorySlot);
    // An article indexed without a story key is a story of its own.
    if (story.empty()) story = "#" + std::to_string(doc.get_docid());
    if (!seen_.insert(value + '\0' + story).second) return;
  }
  ++counts_[std::move(value)];
}

template <typename Counted>
void FacetCounter::each_value(const std::string& value, Counted&& counted) const {
  if (value.empty()) return;
  switch (field_.source) {
    case schema::FacetSource::value:
      counted(value);
      break;
    case schema::FacetSource::list: {
      // The indexer wrote each name once per article, so each piece counts once.
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t end = std::min(value.find(schema::kListSeparator, start), value.size());
        if (end > start) counted(value.substr(start, end - start));
        start = end + 1;
      }
      break;
    }
    case schema::FacetSource::date_day:
      if (value.size() >= 8) counted(value.substr(0, 8));
      break;
  }
}

void FacetCounter::operator()(const Xapian::Document& doc, double /*weight*/) {
  each_value(doc.get_value(field_.slot), [&](std::string v) { count(std::move(v), doc); });
}

void FacetCounter::add_counted(const std::string& raw_value, std::size_t documents) {
  each_value(raw_value, [&](std::string v) { counts_[std::move(v)] += documents; });
}

Facet FacetCounter::result(std::size_t limit) const {
  Facet facet;
  facet.name = std::string(field_.name);
  facet.values.reserve(counts_.size());
  for (const auto& [value, count] : counts_)
    facet.values.push_back({value, count});
  auto by_count = [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (limit != 0 && facet.values.size() > limit) {
    std::partial_sort(facet.values.begin(), facet.values.begin() + static_cast<long>(limit),
                      facet.values.end(), by_count);
    facet.values.resize(limit);
  }
  if (field_.chronological) {
    // A histogram: the busiest periods, in date order.
    std::sort(facet.values.begin(), facet.values.end(),
              [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
  } else {
    std::sort(facet.values.begin(), facet.values.end(), by_count);
  }
  if (field_.source == schema::FacetSource::date_day) {
    for (auto& v : facet.values)  // "20210924" -> "2021-09-24"
      v.value = v.value.substr(0, 4) + "-" + v.value.substr(4, 2) + "-" + v.value.substr(6, 2);
  }
  return facet;
}

}  // namespace nsearch
