#include "story_signature.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <vector>

namespace nsearch::story {
namespace {

constexpr std::uint16_t kEmptyBin = 0xFFFF;
constexpr unsigned kBinBits = 6;  // log2(kBins)
static_assert(std::size_t{1} << kBinBits == kBins);
static_assert(kBins % kBands == 0);

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser: spreads every input bit
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

bool is_word_byte(unsigned char c) {
  // ASCII letters and digits; every byte of a multi-byte UTF-8 sequence counts as a letter,
  // so non-Latin words are kept whole (case is only folded for ASCII, which is enough to
  // compare copies of one text).
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/// Hashes of the lower-cased words of `text`, in order.
std::vector<std::uint64_t> word_hashes(std::string_view text) {
  std::vector<std::uint64_t> hashes;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) hashes.push_back(XXH3_64bits(word.data(), word.size()));
    word.clear();
  };
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (!is_word_byte(c)) {
      flush();
    } else {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    }
  }
  flush();
  return hashes;
}

}  // namespace

std::optional<Signature> signature_of(std::string_view body) {
  const std::vector<std::uint64_t> words = word_hashes(body);
  if (words.size() < kShingleWords) return std::nullopt;
  Signature mins;
  mins.fill(kEmptyBin);
  std::array<bool, kBins> filled{};
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < kShingleWords; ++k)
      h ^= std::rotl(words[i + k], static_cast<int>(17 * k));  // k = 0: no rotation
    h = mix(h);
    const std::size_t bin = h >> (64 - kBinBits);
    const auto value = static_cast<std::uint16_t>(h & 0xFFFF);
    if (!filled[bin] || value < mins[bin]) mins[bin] = value;
    filled[bin] = true;
  }
  // Densify: an empty bin borrows the next filled bin's value, mixed with the distance so that
  // two short texts do not agree on bins neither of them filled.
  Signature out;
  for (std::size_t bin = 0; bin < kBins; ++bin) {
    std::size_t from = bin;
    unsigned distance = 0;
    while (!filled[from]) {
      from = (from + 1) % kBins;
      ++distance;
    }
    out[bin] = distance == 0
                   ? mins[from]
                   : static_cast<std::uint16_t>(mix(mins[from] + (std::uint64_t{distance} << 16)));
  }
  return out;
}

double similarity(const Signature& a, const Signature& b) {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < kBins; ++i)
    equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / kBins;
}

BandKeys band_keys(const Signature& signature) {
  constexpr std::size_t kRows = kBins / kBands;
  BandKeys keys;
  for (std::size_t band = 0; band < kBands; ++band) {
    std::uint64_t h = 0;
    for (std::size_t row = 0; row < kRows; ++row)
      h = (h << 16) ^ signature[band * kRows + row];
    keys[band] = static_cast<std::uint32_t>(mix(h ^ (std::uint64_t{band} << 60)));
  }
  return keys;
}

std::string encode(const Signature& signature) {
  std::string bytes;
  bytes.reserve(kBins * 2);
  for (const std::uint16_t v : signature) {
    bytes.push_back(static_cast<char>(v >> 8));
    bytes.push_back(static_cast<char>(v & 0xFF));
  }
  return bytes;
}

std::optional<Signature> decode(std::string_view bytes) {
  if (bytes.size() != kBins * 2) return std::nullopt;
  Signature signature;
  for (std::size_t i = 0; i < kBins; ++i) {
    signature[i] = static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[2 * i]) << 8) |
                                              static_cast<unsigned char>(bytes[2 * i + 1]));
  }
  return signature;
}

}  // namespace nsearch::story
