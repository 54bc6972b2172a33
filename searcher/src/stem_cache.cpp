#include "stem_cache.hpp"

#include <unordered_map>

#include "languages.hpp"

namespace nsearch {
namespace {

class CachingStemmer : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {}

  std::string operator()(const std::string& word) override {
    if (const auto it = stems_.find(word); it != stems_.end()) return it->second;
    // Bounded memory over a long-running server: start again when full.
    if (stems_.size() >= kMaxWords) stems_.clear();
    return stems_.emplace(word, stemmer_(word)).first->second;
  }

  std::string get_description() const override {
    return "nsearch::CachingStemmer(" + stemmer_.get_description() + ")";
  }

 private:
  static constexpr std::size_t kMaxWords = 100'000;
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

const Xapian::Stem& StemCache::stemmer(std::string_view lang) {
  auto it = stemmers_.find(lang);
  if (it == stemmers_.end()) {
    Xapian::Stem stemmer = languages::stemmer_for(lang);
    // Xapian::Stem owns (reference-counts) the implementation it is given.
    if (!stemmer.is_none()) stemmer = Xapian::Stem(new CachingStemmer(std::move(stemmer)));
    it = stemmers_.emplace(std::string(lang), std::move(stemmer)).first;
  }
  return it->second;
}

}  // namespace nsearch
