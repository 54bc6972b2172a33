// A second, independent reading of a text dump (internal): every line classified on its own
// and by its neighbours, in the manner of jusText, to arbitrate the body the main cleaner picks.
#pragma once

#include <cstddef>
#include <vector>

#include "clean/text_dump/text_cleaner_lines.hpp"

namespace nsearch::text_dump {

/// For each line, whether the classifier reads it as article text. Linear in the lines.
std::vector<bool> classify_lines(const std::vector<DumpLine>& lines);

/// A stretch of lines [begin, end) and the words of its text lines.
struct Stretch {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t words = 0;
  bool empty() const { return end <= begin; }
};

/// The stretch of text lines with the most words, crossing gaps of a few non-text lines (a
/// photo, a subheading the classifier doubted) but not a box of them.
Stretch best_stretch(const std::vector<DumpLine>& lines, const std::vector<bool>& text);

}  // namespace nsearch::text_dump
