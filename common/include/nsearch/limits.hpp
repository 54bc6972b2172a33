// Resource limits on hostile inputs and queries, named once (README "Limits" lists them).
// Every limit is enforced with a message that names the input (file, file:line) or the query;
// real news data stays far below each of them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nsearch {

// ---- inputs (nindex add / extract) ----------------------------------------------------------

/// A file read whole: a .txt article or text dump, an .html page (also one WARC payload).
inline constexpr std::size_t kMaxTextFileBytes = 32u << 20;
inline constexpr std::size_t kMaxHtmlFileBytes = 16u << 20;
/// One line of a .txt file, one JSON Lines record, one CSV/TSV row, one record of a .json file.
inline constexpr std::size_t kMaxTextLineBytes = 1u << 20;
inline constexpr std::size_t kMaxLineBytes = 16u << 20;
inline constexpr std::size_t kMaxCsvRecordBytes = 16u << 20;
inline constexpr std::size_t kMaxJsonRecordBytes = 16u << 20;
/// Lines of a text dump (a news page, comments and all, has a few thousand).
inline constexpr std::size_t kMaxTextLines = 100'000;
/// Columns of one CSV/TSV row.
inline constexpr std::size_t kMaxCsvFields = 4096;
/// A WARC record header or the HTTP header of its payload.
inline constexpr std::size_t kMaxWarcHeaderBytes = 64u << 10;
/// Nesting of JSON objects and arrays (also JSON-LD inside HTML pages).
inline constexpr std::size_t kMaxJsonDepth = 64;
/// Nesting of HTML elements: deeper start tags are ignored (their text is kept) with a warning.
/// News pages nest 30-80 elements deep.
inline constexpr std::size_t kMaxHtmlDepth = 400;
/// Tags of one HTML page: past this many, markup is ignored and only text is kept.
inline constexpr std::size_t kMaxHtmlTags = 200'000;
/// Archives and compressed inputs: members of one input (all levels), nesting of archives in
/// archives, and the expansion ratio (uncompressed / on-disk bytes) tolerated once the output
/// exceeds kExpansionCheckBytes. Beyond these the rest of the input is skipped (zip bombs).
inline constexpr std::size_t kMaxArchiveMembers = 1'000'000;
inline constexpr int kMaxArchiveDepth = 3;
inline constexpr std::uint64_t kMaxExpansionRatio = 200;
inline constexpr std::uint64_t kExpansionCheckBytes = 64u << 20;

// ---- queries (nsearch, Searcher::search) ----------------------------------------------------

/// Query text accepted by the HTTP API (the CLI takes what the shell passes).
inline constexpr std::size_t kMaxQueryBytes = 4096;
/// Terms of one query after parsing, stop words excluded: in the query language each word,
/// phrase word and field term counts; free text (TREC topics, text that is not valid syntax)
/// counts distinct words.
inline constexpr std::size_t kMaxQueryTerms = 256;
/// Terms one wildcard may expand to ("pol*"); more is an error naming the wildcard.
inline constexpr unsigned kMaxWildcardExpansion = 1000;
/// Deepest hit a search may ask for: offset + limit.
inline constexpr std::size_t kMaxResultWindow = 10'000;
/// Matching articles a search counts when it counts only its total (no facets, no exact total
/// asked for): beyond them the total is a lower bound ("at least 12,000 stories"). Counting
/// 10,000 articles and their story keys costs about as much as ranking the page of ten (README
/// "Counts").
inline constexpr std::size_t kDefaultCountLimit = 10'000;

}  // namespace nsearch
