#include "analyse/story_clusters.hpp"

#include <algorithm>
#include <utility>

#include "nsearch/schema.hpp"

namespace nsearch {

namespace {

// Calls `read` on `db`, reading the latest revision again when a writer has moved on past the
// one `db` had open (a writer's automatic commits can do that).
template <typename Read>
auto reading(Xapian::Database& db, Read&& read) -> decltype(read()) {
  for (int attempt = 0;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 2) throw;
      db.reopen();
    }
  }
}

}  // namespace

void add_story_fields(Xapian::Document& doc, const std::string& key,
                      const std::optional<story::Signature>& signature) {
  doc.add_value(schema::kStorySlot, key);
  doc.add_boolean_term(schema::story_term(key));
  if (!signature) return;
  doc.add_value(schema::kStorySignatureSlot, story::encode(*signature));
  for (const std::uint32_t band : story::band_keys(*signature))
    doc.add_boolean_term(schema::story_band_term(band));
}

StoryClusters::StoryClusters(Xapian::Database committed) {
  refresh(std::move(committed));
}

void StoryClusters::refresh(Xapian::Database committed) {
  committed_ = std::move(committed);
  pending_.clear();
  pending_stories_.clear();
  band_keys_.assign(1024, 0);
  band_members_.assign(1024, kNone);
  band_used_ = 0;
}

std::string StoryClusters::assign(const std::optional<story::Signature>& signature,
                                  const std::string& id) {
  std::string key;
  if (signature) {
    const story::BandKeys keys = story::band_keys(*signature);
    Best best;
    // Band by band, earlier articles first: the order in which ties are settled.
    std::vector<Xapian::docid> checked;
    for (const std::uint32_t band : keys) {
      reading(committed_, [&] { search_committed(*signature, band, checked, best); });
      const std::size_t mask = band_keys_.size() - 1;
      for (std::size_t slot = band & mask; band_members_[slot] != kNone; slot = (slot + 1) & mask) {
        if (band_keys_[slot] != band) continue;
        const Member& member = pending_[band_members_[slot]];
        const double s = story::similarity(*signature, member.signature);
        if (best.better(s)) best.take(s, member.story);
      }
    }
    key = best.story ? *best.story : new_story(id);
    const auto member = static_cast<std::uint32_t>(pending_.size());
    pending_.push_back({*signature, key});
    for (const std::uint32_t band : keys)
      insert_band(band, member);
  } else {
    key = new_story(id);
  }
  pending_stories_.insert(key);
  return key;
}

void StoryClusters::search_committed(const story::Signature& signature, std::uint32_t band,
                                     std::vector<Xapian::docid>& checked, Best& best) {
  const std::string term = schema::story_band_term(band);
  // Most band keys are in no earlier article: term_exists looks them up through the table's own
  // cursor, where opening a posting list reads its blocks into a new one (a third of a bulk
  // load's lookup time).
  if (!committed_.term_exists(term)) return;
  for (auto it = committed_.postlist_begin(term); it != committed_.postlist_end(term); ++it) {
    // An article sharing several bands is the same candidate each time.
    if (std::find(checked.begin(), checked.end(), *it) != checked.end()) continue;
    checked.push_back(*it);
    const Xapian::Document doc = committed_.get_document(*it, Xapian::DOC_ASSUME_VALID);
    const auto other = story::decode(doc.get_value(schema::kStorySignatureSlot));
    if (!other) continue;
    const double s = story::similarity(signature, *other);
    if (best.better(s)) best.take(s, doc.get_value(schema::kStorySlot));
  }
}

bool StoryClusters::known_story(const std::string& key) {
  if (pending_stories_.contains(key)) return true;
  const std::string term = schema::story_term(key);
  return reading(committed_, [&] { return committed_.term_exists(term); });
}

std::string StoryClusters::new_story(const std::string& id) {
  std::string key = id;
  for (int n = 1; known_story(key); ++n)
    key = id + "~" + std::to_string(n);
  return key;
}

void StoryClusters::insert_band(std::uint32_t key, std::uint32_t member) {
  if ((band_used_ + 1) * 2 > band_keys_.size()) grow();
  const std::size_t mask = band_keys_.size() - 1;
  std::size_t slot = key & mask;
  while (band_members_[slot] != kNone)
    slot = (slot + 1) & mask;
  band_keys_[slot] = key;
  band_members_[slot] = member;
  ++band_used_;
}

void StoryClusters::grow() {
  std::vector<std::uint32_t> old_keys(band_keys_.size() * 2, 0);
  std::vector<std::uint32_t> old_members(band_members_.size() * 2, kNone);
  old_keys.swap(band_keys_);
  old_members.swap(band_members_);
  band_used_ = 0;
  for (std::size_t i = 0; i < old_members.size(); ++i) {
    if (old_members[i] != kNone) insert_band(old_keys[i], old_members[i]);
  }
}

}  // namespace nsearch
