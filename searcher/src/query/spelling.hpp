// "Did you mean": spelling correction from the database's own vocabulary (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace nsearch {

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions) between two
/// texts in code points, or `limit + 1` as soon as it must exceed `limit`.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

/// The closest word of the vocabulary to `word` (lower-case) that is much more common than
/// `word` (any indexed word when `word` is not indexed; ten times as frequent otherwise),
/// within 1 edit for words of up to 4 letters and 2 beyond; the most frequent among equals.
/// Candidates share the first letter, or the first two letters swapped, so a scan reads a
/// slice of the term list rather than all of it (at most 50,000 terms).
std::optional<std::string> correct_word(const Xapian::Database& db, const std::string& word);

/// `query` with each word that looks misspelt replaced by its correction; nullopt when no word
/// changed. Operators, field values (`outlet:...`), wildcards and words with digits are left
/// alone.
std::optional<std::string> suggest_query(const Xapian::Database& db, std::string_view query);

}  // namespace nsearch
