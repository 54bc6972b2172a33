// Fuzz target: date parsing as the readers (parse_date, with and without an anchor for
// relative dates), the cleaners (find_date) and --since/--until (parse_iso_date) use it.
#include <string>

#include "fuzz_input.hpp"
#include "nsearch/dates.hpp"

namespace {

void check(const std::optional<nsearch::DateTime>& dt) {
  using nsearch::fuzz::require;
  if (!dt) return;
  require(nsearch::is_valid_day(dt->year, dt->month, dt->day), "a parsed date is a real day");
  require(dt->hour >= 0 && dt->hour < 24 && dt->minute >= 0 && dt->minute < 60 && dt->second >= 0 &&
              dt->second <= 60,
          "a parsed time is a real time");
  const std::string iso = dt->iso();
  const auto again = nsearch::parse_iso_date(iso);
  require(again.has_value(), "iso() output parses again");
  require(again->year == dt->year && again->month == dt->month && again->day == dt->day,
          "iso() round-trips the day");
  require(dt->sort_key().size() == 14, "sort keys have 14 digits");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  const std::string_view text = fuzz::as_text(data, size);
  DateTime anchor;
  anchor.year = 2021;
  anchor.month = 9;
  anchor.day = 24;
  anchor.hour = 8;
  anchor.has_time = true;
  anchor.utc = true;
  check(parse_date(text));
  check(parse_date(text, anchor));
  check(find_date(text, anchor));
  check(parse_iso_date(text));
  check(parse_iso_date(text, /*allow_partial=*/true));
  return 0;
}
