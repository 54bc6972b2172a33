// Calendar dates and times as news metadata uses them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nsearch {

/// Dates span years 1 to 9999: sort keys and ISO forms have four-digit years, and
/// std::chrono::year wraps around beyond +-32767.
inline constexpr int kFirstYear = 1;
inline constexpr int kLastYear = 9999;

/// A publication date, optionally with a time of day. Times with a zone are kept in UTC.
struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool utc = false;  ///< the source gave a zone and the time was converted to UTC

  /// "2021-09-24", "2021-09-24T08:30:00Z" (zoned) or "2021-09-24T08:30:00" (no zone given).
  std::string iso() const;
  /// "20210924083000": sorts chronologically as a string (date-only sorts as midnight).
  std::string sort_key() const;
  auto operator<=>(const DateTime&) const = default;
};

/// Parses ISO 8601 / RFC 3339 forms: "2021", "2021-09", "2021-09-24", "2021-09-24T08:30",
/// "2021-09-24 08:30:00", with optional fractional seconds and "Z" or "+02:00"/"+0200".
/// A bare year or year-month is accepted only when `allow_partial` is true; the missing parts
/// are filled with 1. Returns nullopt when the text is not such a date or names no real day.
std::optional<DateTime> parse_iso_date(std::string_view text, bool allow_partial = false);

/// Parses the date forms news uses: everything parse_iso_date() accepts (full dates only), plus
/// RFC 822/1123 ("Fri, 24 Sep 2021 08:30:00 +0200", "... GMT", "... EDT"), "September 24, 2021",
/// "Sept. 24, 2021, 8:30 a.m. ET", "24 Sep 2021", "24 September 2021 08:30", "Friday 24th
/// September 2021", "2021/09/24", "24.09.2021", "20210924", and (only when `anchor` is given)
/// relative forms: "today", "yesterday", "3 hours ago", "2 days ago". Times with a zone are
/// converted to UTC. Ambiguous all-numeric forms like "09/10/2021" are rejected unless one
/// number exceeds 12. The whole text must be the date (leading/trailing space and a leading
/// "Published:", "Updated:" or "Posted:" label are allowed).
std::optional<DateTime> parse_date(std::string_view text,
                                   const std::optional<DateTime>& anchor = std::nullopt);

/// The first date of the forms parse_date() accepts found inside a longer text such as
/// "By Jane Doe | Monday, 14 January 2008, 10:32 GMT | 3 comments".
std::optional<DateTime> find_date(std::string_view text,
                                  const std::optional<DateTime>& anchor = std::nullopt);

/// True when y-m-d names a real calendar day from kFirstYear to kLastYear.
bool is_valid_day(int year, int month, int day);

/// 1..12 for an English month name or its abbreviation in lower case ("sep", "sept",
/// "september"), 0 for any other word. The one list of month names the cleaners and the date
/// parser share.
int month_from_name(std::string_view lower_word);

/// True for an English weekday name or its abbreviation in lower case ("thu", "thurs",
/// "thursday").
bool is_weekday_name(std::string_view lower_word);

}  // namespace nsearch
