// The index schema: every term prefix, value slot and stored field, defined once.
//
// Prefixes follow Xapian Omega's conventions where one exists, so that `quest`,
// `xapian-delve` and Omega templates can read an nsearch database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace nsearch::schema {

// ---- Term prefixes -------------------------------------------------------
// Free-text (probabilistic) fields.
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kAuthorPrefix = "A";
// Boolean (filter) fields, one term per value.
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kUrlPrefix = "U";
inline constexpr std::string_view kHostPrefix = "H";
inline constexpr std::string_view kLangPrefix = "L";
inline constexpr std::string_view kCategoryPrefix = "K";
inline constexpr std::string_view kDayPrefix = "D";    // YYYYMMDD
inline constexpr std::string_view kMonthPrefix = "M";  // YYYYMM
inline constexpr std::string_view kYearPrefix = "Y";   // YYYY
inline constexpr std::string_view kOutletPrefix = "XO";
inline constexpr std::string_view kStoryPrefix = "XS";  // story key: near-duplicate copies share it
inline constexpr std::string_view kKindPrefix = "XK";   // "article" or "page" (see kind_term)
// Bookkeeping for incremental indexing (not searchable by users).
inline constexpr std::string_view kSourceFilePrefix = "XF";  // + source_file_key(): input files
                                                             //   the document was read from
inline constexpr std::string_view kCopyPrefix = "XC";  // + digest of (normalised URL, title, body)
inline constexpr std::string_view kStoryBandPrefix = "XB";  // + hex band key of the body's
                                                            //   near-duplicate signature

// ---- Value slots ---------------------------------------------------------
inline constexpr Xapian::valueno kDateSlot = 0;         // "YYYYMMDDhhmmss", sortable
inline constexpr Xapian::valueno kYearSlot = 1;         // "YYYY"
inline constexpr Xapian::valueno kMonthSlot = 2;        // "YYYY-MM"
inline constexpr Xapian::valueno kOutletSlot = 3;       // display name
inline constexpr Xapian::valueno kLangSlot = 4;         // ISO 639-1 code
inline constexpr Xapian::valueno kCategorySlot = 5;     // display label
inline constexpr Xapian::valueno kContentHashSlot = 6;  // hex digest of the stored data
inline constexpr Xapian::valueno kHostSlot = 7;         // URL host, lower-cased, no "www."
inline constexpr Xapian::valueno kAuthorsSlot = 8;      // author names, kListSeparator between
inline constexpr Xapian::valueno kKindSlot = 9;         // "article" or "page"

/// Separates the values of a multi-valued slot (kAuthorsSlot).
inline constexpr char kListSeparator = '\x1f';
// Syndication: the story key (the id of the story's first indexed copy; the collapse key) and
// the body's near-duplicate signature (binary MinHash; empty for articles without a body).
inline constexpr Xapian::valueno kStorySlot = 10;
inline constexpr Xapian::valueno kStorySignatureSlot = 11;

// ---- Database metadata keys ------------------------------------------------
/// One record per input file indexed (see indexer/src/write/source_registry.hpp), keyed by
/// kSourceFileKeyPrefix + source_file_key(path).
inline constexpr std::string_view kSourceFileKeyPrefix = "nsearch.file.";
/// "1" once every document with a kStorySignatureSlot value has its story_band_term()s (set
/// by nindex since they exist; a database without it is given them on its next `add`).
inline constexpr std::string_view kStoryBandsKey = "nsearch.story_bands";
/// Impact tiers (see common/src/impact_tiers.hpp): the state, "1 <uuid> <covered through docid>
/// <documents when built>"; empty or absent when there are none to trust. And one tier per
/// frequent term, keyed by kImpactTierKeyPrefix + term.
inline constexpr std::string_view kImpactTiersKey = "nsearch.impact_tiers";
inline constexpr std::string_view kImpactTierKeyPrefix = "nsearch.impact_tier.";

// ---- Stored document data (a JSON object) keys ---------------------------
namespace field {
inline constexpr const char* kId = "id";
inline constexpr const char* kTitle = "title";
/// true when the title was derived from the body (absent otherwise).
inline constexpr const char* kTitleDerived = "title_derived";
inline constexpr const char* kOutlet = "outlet";
inline constexpr const char* kDate = "date";
inline constexpr const char* kAuthor = "author";
inline constexpr const char* kUrl = "url";
inline constexpr const char* kLang = "lang";
inline constexpr const char* kCategory = "category";
inline constexpr const char* kKind = "kind";  ///< "article" or "page"; absent in old databases
inline constexpr const char* kBody = "body";
inline constexpr const char* kSource = "source";
}  // namespace field

/// Language code stored for articles whose language is not known.
inline constexpr std::string_view kUndeterminedLang = "und";

// ---- Kinds of document (Article::kind) --------------------------------------
inline constexpr std::string_view kArticleKind = "article";  ///< also what an empty kind means
inline constexpr std::string_view kPageKind = "page";
/// The kind as stored and indexed: "article" or "page", case and surrounding whitespace
/// ignored, empty meaning "article"; nullopt for any other value.
std::optional<std::string_view> canonical_kind(std::string_view kind);

// ---- Facets ---------------------------------------------------------------
/// How a facet reads its slot.
enum class FacetSource {
  value,     ///< the slot holds one value
  list,      ///< the slot holds several values separated by kListSeparator; each counts once
  date_day,  ///< the date slot, cut to its day: "20210924083000" -> "2021-09-24"
};
/// A facet users can ask for by name, counted from a value slot.
struct FacetField {
  std::string_view name;
  Xapian::valueno slot;
  bool chronological;  ///< order values by value (dates) rather than by count
  FacetSource source = FacetSource::value;
};
inline constexpr FacetField kFacets[] = {
    {"outlet", kOutletSlot, false},
    {"host", kHostSlot, false},
    {"author", kAuthorsSlot, false, FacetSource::list},
    {"category", kCategorySlot, false},
    {"lang", kLangSlot, false},
    {"kind", kKindSlot, false},
    {"year", kYearSlot, true},
    {"month", kMonthSlot, true},
    {"day", kDateSlot, true, FacetSource::date_day},
};
/// The facet called `name`, if there is one.
std::optional<FacetField> find_facet(std::string_view name);

/// The kAuthorsSlot value of a byline: the names it lists ("Jo Lane, Sam Diaz and Ann Wu";
/// separators ',', ';', '&', '|', " and "; a leading "By " dropped), each once, in order.
std::string authors_value(std::string_view byline);

// ---- Term builders (the only place terms are spelled) ---------------------
/// Xapian terms are limited to 245 bytes; longer values are shortened with a hash suffix.
std::string id_term(std::string_view id);
std::string url_term(std::string_view url);
std::string host_term(std::string_view host);
std::string outlet_term(std::string_view outlet);  ///< case-insensitive
std::string lang_term(std::string_view lang_code);
std::string category_term(std::string_view category);  ///< case-insensitive
std::string story_term(std::string_view story_key);
/// Date terms from a date's sort key (DateTime::sort_key(), "YYYYMMDDhhmmss"): its day
/// (D20210924), month (M202109) and year (Y2021). A shorter key gives the terms it covers.
std::string day_term(std::string_view sort_key);
std::string month_term(std::string_view sort_key);
std::string year_term(std::string_view sort_key);
/// Near-duplicate candidates share a band term (see story::band_keys): one per band.
std::string story_band_term(std::uint32_t band_key);
/// Of a kind canonical_kind() accepts (empty = "article"); an unknown kind gets a term that no
/// document has.
std::string kind_term(std::string_view kind);
/// A short stable key for an input file: the digest of its absolute, normalised path.
std::string source_file_key(std::string_view absolute_path);
std::string source_file_term(std::string_view absolute_path);
/// Exact copies of one article share this term: the same URL as text::normalise_url gives it
/// (no scheme, "www.", port or fragment), the same title and the same body. Empty without a URL.
std::string copy_term(std::string_view url, std::string_view title, std::string_view body);

}  // namespace nsearch::schema
