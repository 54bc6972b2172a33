// Notice vocabulary for the text-dump cleaner (internal): the words of cookie banners, consent
// forms, privacy statements and licence notes, in the languages of the function-word lexicon.
//
// Such notices are written as sentences, often long ones, and a consent dialog can hold more
// prose than the article it covers; their wording is what tells them apart. Every site that
// sets cookies or asks for consent words them much the same way, so the vocabulary is general
// web language, not a site's.
#pragma once

#include <cstddef>
#include <string_view>

namespace nsearch::text_dump {

/// Counts the notice words in a run of words fed one at a time, in order ("Creative Commons" is
/// one notice word, "commons" alone none).
class NoticeWordCounter {
 public:
  /// Adds one word token (any case).
  void add(std::string_view word);
  std::size_t count() const { return count_; }

 private:
  std::size_t count_ = 0;
  bool after_creative_ = false;  // the previous word was "creative"
};

}  // namespace nsearch::text_dump
