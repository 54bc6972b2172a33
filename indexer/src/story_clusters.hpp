// Assigns each new article to a story: the cluster of near-duplicate copies it belongs to
// (internal). A new article joins the story of its most similar earlier article when their
// signatures say "same story", else starts its own; earlier articles are never rewritten, so
// adding to a large index costs one lookup per article.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "story_signature.hpp"

namespace nsearch {

class StoryClusters {
 public:
  /// Loads the signatures and story keys of the articles already in `db`.
  explicit StoryClusters(const Xapian::Database& db);

  /// The story key for an article with this id and body signature, remembered for the articles
  /// that follow. An article that starts a new story names it after its id, unless a story
  /// known already has that key (an article rewritten with another story leaves its old story
  /// to the copies that joined it): then after its id and a number.
  std::string assign(const std::optional<story::Signature>& signature, const std::string& id);

  std::size_t size() const { return members_.size(); }

 private:
  struct Member {
    story::Signature signature;
    std::uint32_t story;  // index into stories_
  };

  std::uint32_t new_story(const std::string& id);
  void remember(const story::Signature& signature, std::uint32_t story);
  void insert_band(std::uint32_t key, std::uint32_t member);
  void grow();

  std::vector<Member> members_;
  std::vector<std::string> stories_;
  std::unordered_map<std::string, std::uint32_t> story_index_;  // key -> index into stories_
  // Open-addressing multimap from band key to member index: 8 bytes per slot, half full, so
  // about 256 bytes per article with kBands = 16. Slot value kNone marks an empty slot.
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::vector<std::uint32_t> band_keys_;
  std::vector<std::uint32_t> band_members_;
  std::size_t band_used_ = 0;
};

}  // namespace nsearch
