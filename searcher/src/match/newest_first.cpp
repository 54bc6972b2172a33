#include "match/newest_first.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace nsearch {

std::vector<Xapian::docid> newest_matches(PostingWalk& walk, const ValueColumn& dates,
                                          const std::vector<std::uint32_t>& ranks,
                                          std::size_t count, double seconds) {
  using Clock = std::chrono::steady_clock;
  const auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(seconds > 0 ? seconds : 0));
  constexpr std::size_t kClockEvery = 1024;
  std::size_t seen = 0;
  // Newer first; of the same date, the lower docid.
  using Entry = std::pair<std::uint32_t, Xapian::docid>;  // date rank, docid
  const auto newer = [](const Entry& a, const Entry& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  // A heap whose top is the oldest kept: a match enters when it is newer.
  std::vector<Entry> kept;
  if (count == 0) return {};
  kept.reserve(count);
  walk.run([&](Xapian::docid did) {
    const Entry entry{ranks[dates.index(did)], did};
    if (kept.size() < count) {
      kept.push_back(entry);
      std::push_heap(kept.begin(), kept.end(), newer);
    } else if (newer(entry, kept.front())) {
      std::pop_heap(kept.begin(), kept.end(), newer);
      kept.back() = entry;
      std::push_heap(kept.begin(), kept.end(), newer);
    }
    return seconds <= 0 || ++seen % kClockEvery != 0 || Clock::now() <= deadline;
  });
  std::sort_heap(kept.begin(), kept.end(), newer);
  std::vector<Xapian::docid> docids;
  docids.reserve(kept.size());
  for (const Entry& entry : kept)
    docids.push_back(entry.second);
  return docids;
}

DocidListSource::DocidListSource(std::shared_ptr<const std::vector<Xapian::docid>> docids)
    : docids_(std::move(docids)) {}

void DocidListSource::init(const Xapian::Database& /*db*/) {
  position_ = 0;
}

void DocidListSource::next(double /*min_wt*/) {
  if (position_ <= docids_->size()) ++position_;
}

void DocidListSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  // Never backwards; from before the first document too.
  const std::size_t from = position_ == 0 ? 0 : position_ - 1;
  if (from >= docids_->size()) {
    position_ = docids_->size() + 1;
    return;
  }
  const auto begin = docids_->begin() + static_cast<std::ptrdiff_t>(from);
  position_ =
      static_cast<std::size_t>(std::lower_bound(begin, docids_->end(), did) - docids_->begin()) + 1;
}

Xapian::Query restricted_to_documents(const Xapian::Query& query,
                                      std::vector<Xapian::docid> docids) {
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  auto source = std::make_unique<DocidListSource>(
      std::make_shared<const std::vector<Xapian::docid>>(std::move(docids)));
  // Xapian owns a released source.
  return {Xapian::Query::OP_FILTER, query, Xapian::Query(source.release()->release())};
}

}  // namespace nsearch
