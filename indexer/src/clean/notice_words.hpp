// Notice vocabulary for both cleaners, HTML and text dumps (internal): the words of cookie
// banners, consent forms, privacy statements and licence notes, in the languages of the
// function-word lexicon.
//
// Such notices are written as sentences, often long ones, and a consent dialog can hold more
// prose than the article it covers; their wording is what tells them apart. Every site that
// sets cookies or asks for consent words them much the same way, so the vocabulary is general
// web language, not a site's.
#pragma once

#include <cstddef>
#include <string_view>

namespace nsearch {

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

/// Whether a text of `words` words with `notice_words` notice words reads as a notice: notices
/// use the vocabulary at 3.7-17 words in 100, articles about privacy, cookies or licences at
/// 0.4-2.4 (measured on the text dumps of both development sets).
inline bool reads_as_notice(std::size_t words, std::size_t notice_words) {
  constexpr std::size_t kMinNoticeWords = 3;
  constexpr std::size_t kNoticeWordsPer100 = 3;
  return notice_words >= kMinNoticeWords && notice_words * 100 >= kNoticeWordsPer100 * words;
}

}  // namespace nsearch
