#include "results/stem_cache.hpp"

#include "languages.hpp"

namespace nsearch {
namespace {

class CachingStemmer : public Xapian::StemImplementation {
 public:
  CachingStemmer(std::shared_ptr<StemCache::Stems> stems, std::string description)
      : stems_(std::move(stems)), description_(std::move(description)) {}

  std::string operator()(const std::string& word) override {
    return std::string(stems_->stem(word));
  }

  std::string get_description() const override {
    return "nsearch::CachingStemmer(" + description_ + ")";
  }

 private:
  std::shared_ptr<StemCache::Stems> stems_;
  std::string description_;
};

}  // namespace

std::string_view StemCache::Stems::stem(std::string_view word) {
  if (stemmer_.is_none()) return word;
  if (const auto it = stems_.find(word); it != stems_.end()) return it->second;
  // Bounded memory over a long-running server: start again when full.
  constexpr std::size_t kMaxWords = 100'000;
  if (stems_.size() >= kMaxWords) stems_.clear();
  std::string key(word);
  std::string stem = stemmer_(key);
  return stems_.emplace(std::move(key), std::move(stem)).first->second;
}

StemCache::Language& StemCache::language(std::string_view lang) {
  auto it = languages_.find(lang);
  if (it == languages_.end()) {
    Xapian::Stem stemmer = languages::stemmer_for(lang);
    auto stems = std::make_shared<Stems>(stemmer);
    // Xapian::Stem owns (reference-counts) the implementation it is given.
    if (!stemmer.is_none())
      stemmer = Xapian::Stem(new CachingStemmer(stems, stemmer.get_description()));
    it =
        languages_.emplace(std::string(lang), Language{std::move(stems), std::move(stemmer)}).first;
  }
  return it->second;
}

StemCache::Stems& StemCache::stems(std::string_view lang) {
  return *language(lang).stems;
}

const Xapian::Stem& StemCache::stemmer(std::string_view lang) {
  return language(lang).stemmer;
}

}  // namespace nsearch
