// The passage finder behind snippets (internal): the part of an article that best matches a
// query, with every matched word marked.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nsearch::passage {

/// A word of a query as it is looked for in text.
struct Term {
  enum class Kind { word, stem, prefix };
  Kind kind = Kind::word;
  std::string text;  ///< lower-case word, its stem (without Xapian's "Z"), or a wildcard's prefix
};

/// A term, or the terms of a phrase that must follow each other, worth `weight` in a passage.
struct Target {
  std::vector<Term> terms;
  double weight = 1.0;
};

/// A snippet: plain text, and the byte ranges [begin, end) of it that matched, in order.
struct Passage {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

/// The stem of a lower-case word; the view may be invalidated by the next call.
using StemFunction = std::function<std::string_view(std::string_view)>;

/// Finds passages of about `target_bytes` that hold the most (and the rarest) of a query's
/// targets, distinct ones counting more than repeats. Words are read as Xapian's TermGenerator
/// reads them (lower-cased, acronyms, apostrophes, CJK characters one a word), so that what
/// the index matched is what is marked; only words that can match cost more than a tokenizer.
/// Not thread-safe when `stem` is not.
class Finder {
 public:
  /// `stem` is needed only when a target has a stem.
  Finder(std::vector<Target> targets, StemFunction stem);
  ~Finder();
  Finder(Finder&&) noexcept;
  Finder& operator=(Finder&&) noexcept;

  /// The best passage of `text` (at most the first 64 KiB are read): cut at word boundaries,
  /// "…" where it does not start or end a sentence, runs of whitespace as one space. Without
  /// a match, the opening of the text.
  Passage find(std::string_view text, std::size_t target_bytes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Words of text as the finder reads them: [begin, end) byte ranges and the lower-cased term.
/// Exposed for tests.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}
  /// The next word, or false at the end of the text. `term` is left empty for words longer
  /// than Xapian's snippets consider (64 bytes).
  bool next(std::size_t& begin, std::size_t& end, std::string& term);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace nsearch::passage
