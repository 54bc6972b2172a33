#include "match/facet_spies.hpp"

#include "nsearch/error.hpp"

namespace nsearch {

FacetSpies::FacetSpies(const std::vector<schema::FacetField>& fields, FacetUnit unit, bool remote,
                       ValueColumns* columns) {
  if (remote && unit == FacetUnit::story && !fields.empty()) {
    throw Error(ErrorKind::invalid_argument,
                "facets by story are not available when the database has remote shards "
                "(Xapian's remote servers run only its own match spies); count copies instead "
                "(the default)");
  }
  for (const auto& field : fields) {
    counters_.push_back(std::make_unique<FacetCounter>(field, unit == FacetUnit::story));
    if (remote) {
      raw_counts_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field.slot));
    } else if (columns != nullptr && unit == FacetUnit::copy) {
      column_counts_.push_back(std::make_unique<ColumnCounter>(columns->column(field.slot)));
    }
  }
}

void FacetSpies::attach(Xapian::Enquire& enquire) {
  if (!raw_counts_.empty()) {
    for (const auto& spy : raw_counts_)
      enquire.add_matchspy(spy.get());
  } else if (!column_counts_.empty()) {
    for (const auto& spy : column_counts_)
      enquire.add_matchspy(spy.get());
  } else {
    for (const auto& counter : counters_)
      enquire.add_matchspy(counter.get());
  }
}

std::vector<Facet> FacetSpies::results(std::size_t limit) {
  std::vector<Facet> facets;
  for (std::size_t i = 0; i < counters_.size(); ++i) {
    if (!raw_counts_.empty()) {
      const Xapian::ValueCountMatchSpy& spy = *raw_counts_[i];
      for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        counters_[i]->add_counted(*it, it.get_termfreq());
    } else if (!column_counts_.empty()) {
      const ColumnCounter& spy = *column_counts_[i];
      for (std::size_t value = 1; value < spy.counts().size(); ++value) {
        if (spy.counts()[value] > 0)
          counters_[i]->add_counted(spy.values()[value], spy.counts()[value]);
      }
    }
    facets.push_back(counters_[i]->result(limit));
  }
  return facets;
}

}  // namespace nsearch
