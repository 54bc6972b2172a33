// Streaming every match. Over local databases a MatchDecider sees each match once and declines
// it, so Xapian's matcher keeps nothing: memory does not grow with the number of matches in index
// order, and newest first keeps only a date and a document number per match (16 bytes) to sort
// before reading the articles. A remote shard runs no decider: its matches are paged in Xapian's
// own order instead.
#include "match_export.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "nsearch/schema.hpp"
#include "stored_data.hpp"

namespace nsearch {
namespace {

/// "YYYYMMDDhhmmss" (the date slot) as a number that sorts the same; 0 when undated.
std::uint64_t date_key(const std::string& value) {
  std::uint64_t key = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return 0;
    key = key * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return key;
}

/// Hands each document to a function and declines it (see the file comment).
class EachMatch : public Xapian::MatchDecider {
 public:
  explicit EachMatch(std::function<bool(const Xapian::Document&)> each) : each_(std::move(each)) {}
  // Declining everything, the matcher never stops early: once `each` asks to stop, the next
  // match is accepted, which ends a boolean match that wants one.
  bool operator()(const Xapian::Document& doc) const override {
    if (stopped_) return true;
    stopped_ = !each_(doc);
    return false;
  }

 private:
  std::function<bool(const Xapian::Document&)> each_;
  mutable bool stopped_ = false;  // the matcher calls a const decider
};

/// The sink with one article per story when asked: the first met of each story.
class Emitter {
 public:
  Emitter(bool one_per_story, const std::function<bool(const Article&)>& sink)
      : one_per_story_(one_per_story), sink_(sink) {}
  /// False when the sink asked to stop.
  bool emit(const Xapian::Document& doc) {
    if (one_per_story_) {
      const std::string story = doc.get_value(schema::kStorySlot);
      // An article without a story key is a story of its own.
      if (!story.empty() && !stories_.insert(story).second) return true;
    }
    ++emitted_;
    return sink_(deserialise_article(doc.get_data()));
  }
  std::size_t emitted() const { return emitted_; }

 private:
  bool one_per_story_;
  const std::function<bool(const Article&)>& sink_;
  std::unordered_set<std::string> stories_;
  std::size_t emitted_ = 0;
};

std::size_t stream_local(const Xapian::Database& db, const Xapian::Query& query,
                         const MatchStreamOptions& options, Emitter& emitter) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  if (!options.newest_first) {
    const EachMatch each([&emitter](const Xapian::Document& doc) { return emitter.emit(doc); });
    enquire.get_mset(0, 0, 1, nullptr, &each);
    return emitter.emitted();
  }
  std::vector<std::pair<std::uint64_t, Xapian::docid>> dated;
  const EachMatch each([&dated](const Xapian::Document& doc) {
    dated.emplace_back(date_key(doc.get_value(schema::kDateSlot)), doc.get_docid());
    return true;
  });
  enquire.get_mset(0, 0, 1, nullptr, &each);
  // Newest first; the same date (and undated articles, last) in index order.
  std::stable_sort(dated.begin(), dated.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [date, did] : dated) {
    if (!emitter.emit(db.get_document(did, Xapian::DOC_ASSUME_VALID))) break;
  }
  return emitter.emitted();
}

std::size_t stream_paged(const Xapian::Database& db, const Xapian::Query& query,
                         const MatchStreamOptions& options, Emitter& emitter) {
  constexpr Xapian::doccount kPage = 1000;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  if (options.newest_first) enquire.set_sort_by_value(schema::kDateSlot, /*reverse=*/true);
  for (Xapian::doccount offset = 0;; offset += kPage) {
    const Xapian::MSet page = enquire.get_mset(offset, kPage);
    for (auto it = page.begin(); it != page.end(); ++it) {
      if (!emitter.emit(it.get_document())) return emitter.emitted();
    }
    if (page.size() < kPage) return emitter.emitted();
  }
}

}  // namespace

std::size_t stream_matches(const Xapian::Database& db, const Xapian::Query& query,
                           const MatchStreamOptions& options,
                           const std::function<bool(const Article&)>& sink) {
  Emitter emitter(options.one_per_story, sink);
  return options.remote ? stream_paged(db, query, options, emitter)
                        : stream_local(db, query, options, emitter);
}

}  // namespace nsearch
