// Assigns each new article to a story: the cluster of near-duplicate copies it belongs to
// (internal). A new article joins the story of its most similar earlier article when their
// signatures say "same story", else starts its own; earlier articles are never rewritten, so
// adding to a large index costs one lookup per article.
//
// Earlier articles are found in the database itself, not in memory: each document carries one
// schema::story_band_term() per band of its signature (add_story_fields), so the candidates of
// a new article are the postings of its band terms, verified against their stored signatures.
// Only the articles assigned since the database was last committed are held in memory.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "story_signature.hpp"

namespace nsearch {

/// Adds what a document of story `key` with this body signature carries: the story value
/// and term, the signature value and its band terms.
void add_story_fields(Xapian::Document& doc, const std::string& key,
                      const std::optional<story::Signature>& signature);

class StoryClusters {
 public:
  /// Looks up earlier articles in `committed` (the database as last committed, not a
  /// WritableDatabase with buffered changes: reading those would flush them).
  explicit StoryClusters(Xapian::Database committed);

  /// The story key for an article with this id and body signature, remembered for the articles
  /// that follow. An article that starts a new story names it after its id, unless a story
  /// known already has that key (an article rewritten with another story leaves its old story
  /// to the copies that joined it): then after its id and a number.
  std::string assign(const std::optional<story::Signature>& signature, const std::string& id);

  /// Everything assigned so far is in `committed` (with add_story_fields): looks up there from
  /// now on and forgets the pending articles.
  void refresh(Xapian::Database committed);

  /// Articles assigned since the last refresh (held in memory).
  std::size_t pending() const { return pending_.size(); }

 private:
  struct Member {
    story::Signature signature;
    std::string story;
  };
  struct Best {
    double similarity = 0;
    std::optional<std::string> story;
    /// True when an article this similar would be the best so far (then call take()).
    bool better(double s) const { return s >= story::kSameStoryThreshold && s > similarity; }
    void take(double s, std::string key) {
      similarity = s;
      story = std::move(key);
    }
  };

  // Offers the committed articles with band key `band` not `checked` yet.
  void search_committed(const story::Signature& signature, std::uint32_t band,
                        std::vector<Xapian::docid>& checked, Best& best);
  bool known_story(const std::string& key);
  std::string new_story(const std::string& id);

  Xapian::Database committed_;
  std::vector<Member> pending_;
  // Open-addressing multimap from band key to index into pending_: 8 bytes per slot, at most
  // half full, so about 256 bytes per pending article. Slot value kNone marks an empty slot.
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  std::vector<std::uint32_t> band_keys_;
  std::vector<std::uint32_t> band_members_;
  std::size_t band_used_ = 0;
  void insert_band(std::uint32_t key, std::uint32_t member);
  void grow();
  std::unordered_set<std::string> pending_stories_;
};

}  // namespace nsearch
