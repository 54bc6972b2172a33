// Text utilities shared by the indexer and the searcher (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace nsearch::text {

/// Offset of the first byte that breaks UTF-8 validity, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

/// The length of the valid UTF-8 sequence starting at byte `i` (`i` < s.size()), or 0 when the
/// byte starts none (a stray continuation byte, a cut-off, overlong or surrogate sequence).
std::size_t valid_utf8_length(std::string_view s, std::size_t i);

/// A code point and the bytes of its UTF-8 sequence.
struct Utf8Char {
  char32_t value;
  std::size_t size;
};

/// The UTF-8 sequence starting at byte `i`; a byte that starts no valid sequence (a
/// continuation byte, a cut-off sequence) is U+FFFD of one byte, so that scanning advances.
Utf8Char decode_utf8(std::string_view s, std::size_t i);

/// decode_utf8(s, i).value.
char32_t decode_utf8_at(std::string_view s, std::size_t i);

/// Kana and CJK ideographs (U+3040-U+30FF, U+3400-U+4DBF, U+4E00-U+9FFF): scripts written
/// without spaces between words.
bool is_cjk_ideograph_or_kana(char32_t c);

/// Words in `s`: runs of non-space characters, where Chinese and Japanese characters count
/// half a word each (about the length of a word there; those scripts have no spaces).
std::size_t word_count(std::string_view s);

/// Lower-cases an ASCII letter; other bytes (UTF-8 sequences included) are left as they are.
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Lower-cases ASCII letters only (protocol and markup names: HTTP headers, tags, keys).
std::string ascii_lowercase(std::string_view s);

/// Unicode-aware lower-casing of UTF-8 text.
std::string lowercase(std::string_view s);

/// Removes leading and trailing whitespace (ASCII and U+00A0).
std::string_view trim(std::string_view s);

/// Trims and turns every run of whitespace into a single space.
std::string collapse_whitespace(std::string_view s);

/// Removes the characters that shape the display of a word without being part of it: soft
/// hyphens (U+00AD, "Mit&shy;tel&shy;al&shy;ter"), zero-width spaces and word joiners, byte
/// order marks. Left in, they split words for search and for every comparison of text.
std::string remove_invisible_marks(std::string_view s);

/// The host part of an http(s) URL, lower-cased and without "www."; empty if none.
std::string url_host(std::string_view url);

/// A URL in the form used to recognise copies of the same page: http(s) URLs without scheme,
/// "www.", port, fragment or trailing slashes, host lower-cased ("example.com/a?b=1");
/// other strings trimmed. Empty for an empty URL.
std::string normalise_url(std::string_view url);

/// 64-bit XXH3 digest of `data` as 16 lower-case hex digits.
std::string hex_digest(std::string_view data);

/// The same digest as a number, for sets that only need to tell values apart (8 bytes
/// instead of a string per value).
std::uint64_t digest64(std::string_view data);

/// The same digest as hex_digest, of data that arrives in pieces (a whole file).
class StreamingDigest {
 public:
  StreamingDigest();
  ~StreamingDigest();
  StreamingDigest(const StreamingDigest&) = delete;
  StreamingDigest& operator=(const StreamingDigest&) = delete;
  void update(std::string_view data);
  std::string hex() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Number of lines (1-based) up to byte `offset`, for error messages.
std::size_t line_of_offset(std::string_view s, std::size_t offset);

/// Writes `s` with each control character but the line feed (and DEL) as a space: text from
/// the index must not reach a terminal as escape sequences.
void write_printable(std::ostream& out, std::string_view s);

}  // namespace nsearch::text
