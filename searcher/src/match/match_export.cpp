// Going through every match. Over local databases a MatchDecider sees each match once and
// declines it, so Xapian's matcher keeps nothing: in index order the articles are read as the
// matcher meets them, and memory does not grow with the number of matches; newest first keeps a
// date and a document number per match (16 bytes) to sort before reading the articles. A remote
// shard runs no decider: its matches are paged in Xapian's own order instead.
#include "match/match_export.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "match/match_walk.hpp"
#include "nsearch/error.hpp"
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

/// Runs `each` on every match of `query` over local databases, in index order.
void each_local_match(const Xapian::Database& db, const Xapian::Query& query,
                      std::function<bool(const Xapian::Document&)> each) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  const EachMatch decider(std::move(each));
  enquire.get_mset(0, 0, 1, nullptr, &decider);
}

// Newest first over remote shards.
std::vector<Xapian::docid> paged_newest_first(const Xapian::Database& db,
                                              const Xapian::Query& query) {
  constexpr Xapian::doccount kPage = 1000;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_sort_by_value(schema::kDateSlot, /*reverse=*/true);
  std::vector<Xapian::docid> out;
  for (Xapian::doccount offset = 0;; offset += kPage) {
    const Xapian::MSet page = enquire.get_mset(offset, kPage);
    for (auto it = page.begin(); it != page.end(); ++it)
      out.push_back(*it);
    if (page.size() < kPage) return out;
  }
}

}  // namespace

bool StoryFilter::first_of_story(const Xapian::Document& doc) {
  if (!one_per_story_) return true;
  const std::string story = doc.get_value(schema::kStorySlot);
  return story.empty() || stories_.insert(story).second;
}

std::vector<Xapian::docid> collect_matches(const Xapian::Database& db, const Xapian::Query& query,
                                           const MatchStreamOptions& options) {
  if (!options.newest_first) return matching_docids(db, query, !options.remote);
  if (options.remote) return paged_newest_first(db, query);
  std::vector<Xapian::docid> out;
  std::vector<std::pair<std::uint64_t, Xapian::docid>> dated;
  each_local_match(db, query, [&dated](const Xapian::Document& doc) {
    dated.emplace_back(date_key(doc.get_value(schema::kDateSlot)), doc.get_docid());
    return true;
  });
  // Newest first; the same date (and undated articles, last) in index order.
  std::stable_sort(dated.begin(), dated.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  out.reserve(dated.size());
  for (const auto& entry : dated)
    out.push_back(entry.second);
  return out;
}

std::size_t stream_matches(const Xapian::Database& db, const Xapian::Query& query,
                           const MatchStreamOptions& options,
                           const std::function<bool(const Article&)>& sink) {
  StoryFilter stories(options.one_per_story);
  std::size_t given = 0;
  const auto give = [&](const Xapian::Document& doc) {
    if (!stories.first_of_story(doc)) return true;
    ++given;
    return sink(deserialise_article(doc.get_data()));
  };
  if (!options.remote && !options.newest_first) {
    each_local_match(db, query, give);  // nothing kept per match
    return given;
  }
  for (const Xapian::docid did : collect_matches(db, query, options)) {
    if (!give(db.get_document(did, Xapian::DOC_ASSUME_VALID))) break;
  }
  return given;
}

ExportCursor::ExportCursor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ExportCursor::~ExportCursor() = default;
ExportCursor::ExportCursor(ExportCursor&&) noexcept = default;
ExportCursor& ExportCursor::operator=(ExportCursor&&) noexcept = default;

std::optional<Article> ExportCursor::next() {
  try {
    while (impl_->next < impl_->matches.size()) {
      const Xapian::Document doc =
          impl_->db.get_document(impl_->matches[impl_->next++], Xapian::DOC_ASSUME_VALID);
      if (impl_->stories.first_of_story(doc)) return deserialise_article(doc.get_data());
    }
    return std::nullopt;
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error, "export failed: " + e.get_description());
  }
}

std::size_t ExportCursor::matches() const {
  return impl_->matches.size();
}

}  // namespace nsearch
