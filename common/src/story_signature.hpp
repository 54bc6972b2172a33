// Near-duplicate signatures of article bodies (internal): one-permutation MinHash over word
// 4-gram shingles. Syndicated copies of a story (new headline, a paragraph dropped or added,
// a byline, small wording edits) keep most 4-grams; different stories on the same event share
// few. Parameters were chosen on the labelled set of bench/syndication (see its README).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nsearch::story {

inline constexpr std::size_t kBins = 64;   ///< MinHash bins (one permutation)
inline constexpr std::size_t kBands = 16;  ///< LSH bands of kBins / kBands rows
inline constexpr std::size_t kShingleWords = 4;
/// Estimated Jaccard similarity of shingle sets at or above which two bodies are one story.
inline constexpr double kSameStoryThreshold = 0.4;

/// 16-bit minimum per bin; 64 bins make 128 bytes per article.
using Signature = std::array<std::uint16_t, kBins>;
/// One key per LSH band: articles sharing a key are candidates for the same story.
using BandKeys = std::array<std::uint32_t, kBands>;

/// The signature of `body`, or nullopt when it has fewer than kShingleWords words.
std::optional<Signature> signature_of(std::string_view body);

/// Estimated Jaccard similarity of the two bodies' shingle sets, 0..1.
double similarity(const Signature& a, const Signature& b);

BandKeys band_keys(const Signature& signature);

/// Fixed-size binary form for a Xapian value slot, and back (nullopt if malformed).
std::string encode(const Signature& signature);
std::optional<Signature> decode(std::string_view bytes);

}  // namespace nsearch::story
