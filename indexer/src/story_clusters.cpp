#include "story_clusters.hpp"

#include <unordered_map>

#include "nsearch/schema.hpp"

namespace nsearch {

StoryClusters::StoryClusters(const Xapian::Database& db) {
  band_keys_.assign(1024, 0);
  band_members_.assign(1024, kNone);
  // Both value streams are in docid order: walk them together instead of fetching documents.
  auto key_it = db.valuestream_begin(schema::kStorySlot);
  const auto key_end = db.valuestream_end(schema::kStorySlot);
  for (auto it = db.valuestream_begin(schema::kStorySignatureSlot);
       it != db.valuestream_end(schema::kStorySignatureSlot); ++it) {
    const std::optional<story::Signature> signature = story::decode(*it);
    if (!signature) continue;
    if (key_it != key_end && key_it.get_docid() < it.get_docid()) key_it.skip_to(it.get_docid());
    if (key_it == key_end) break;
    if (key_it.get_docid() != it.get_docid()) continue;
    const std::string key = *key_it;
    auto [found, added] =
        story_index_.try_emplace(key, static_cast<std::uint32_t>(stories_.size()));
    if (added) stories_.push_back(key);
    remember(*signature, found->second);
  }
}

std::string StoryClusters::assign(const std::optional<story::Signature>& signature,
                                  const std::string& id) {
  if (!signature) return stories_[new_story(id)];
  const story::BandKeys keys = story::band_keys(*signature);
  double best_similarity = 0;
  std::optional<std::uint32_t> best_story;
  const std::size_t mask = band_keys_.size() - 1;
  for (const std::uint32_t key : keys) {
    for (std::size_t slot = key & mask; band_members_[slot] != kNone; slot = (slot + 1) & mask) {
      if (band_keys_[slot] != key) continue;
      const Member& candidate = members_[band_members_[slot]];
      const double s = story::similarity(*signature, candidate.signature);
      if (s >= story::kSameStoryThreshold && s > best_similarity) {
        best_similarity = s;
        best_story = candidate.story;
      }
    }
  }
  if (!best_story) best_story = new_story(id);
  remember(*signature, *best_story);
  return stories_[*best_story];
}

std::uint32_t StoryClusters::new_story(const std::string& id) {
  const auto index = static_cast<std::uint32_t>(stories_.size());
  std::string key = id;
  for (int n = 1; story_index_.contains(key); ++n)
    key = id + "~" + std::to_string(n);
  story_index_.emplace(key, index);
  stories_.push_back(std::move(key));
  return index;
}

void StoryClusters::remember(const story::Signature& signature, std::uint32_t story) {
  const auto member = static_cast<std::uint32_t>(members_.size());
  members_.push_back({signature, story});
  for (const std::uint32_t key : story::band_keys(signature))
    insert_band(key, member);
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
