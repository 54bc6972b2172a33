// Assigns each new article to a story: the cluster of near-duplicate copies it belongs to
// (internal). A new article joins the story of its most similar earlier article when their
// signatures say "same story", else starts its own; earlier articles are never rewritten, so
// adding to a large index costs one lookup per article.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "story_signature.hpp"

namespace nsearch {

class StoryClusters {
 public:
  /// Loads the signatures and story keys of the articles already in `db`.
  explicit StoryClusters(const Xapian::Database& db);

  /// The story key for an article with this id and body signature (its own id when it starts a
  /// new story), remembered for the articles that follow.
  std::string assign(const std::optional<story::Signature>& signature, const std::string& id);

  std::size_t size() const { return members_.size(); }

 private:
  struct Member {
    story::Signature signature;
    std::uint32_t story;  // index into stories_
  };

  void remember(const story::Signature& signature, std::uint32_t story);
  void insert_band(std::uint32_t key, std::uint32_t member);
  void grow();

  std::vector<Member> members_;
  std::vector<std::string> stories_;
  // Open-addressing multimap from band key to member index: 8 bytes per slot, half full, so
  // about 256 bytes per article with kBands = 16. Slot value kNone marks an empty slot.
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::vector<std::uint32_t> band_keys_;
  std::vector<std::uint32_t> band_members_;
  std::size_t band_used_ = 0;
};

}  // namespace nsearch
