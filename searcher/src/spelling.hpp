// "Did you mean": spelling correction from the database's own vocabulary (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace nsearch {

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions) between two
/// byte strings, or `limit + 1` as soon as it must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The closest word of the vocabulary to `word` (lower-case) that is much more common than
/// `word`, if any is within the allowed distance (1 for up to 5 bytes, 2 beyond). Candidates
/// share the first letter, or the first two letters swapped: the scan then reads a slice of
/// the term list rather than all of it.
std::optional<std::string> correct_word(const Xapian::Database& db, const std::string& word);

/// `query` with each word that looks misspelt replaced by its correction; nullopt when no word
/// changed. Operators, field values (`outlet:...`), wildcards and words with digits are left
/// alone.
std::optional<std::string> suggest_query(const Xapian::Database& db, std::string_view query);

}  // namespace nsearch
