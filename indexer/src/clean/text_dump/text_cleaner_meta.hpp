// Metadata in text dumps (internal): bylines, dates and site names as a page shows them.
#pragma once

#include <string>
#include <string_view>

namespace nsearch::text_dump {

/// The name(s) in a byline: "By Jane Doe, Staff Writer" -> "Jane Doe";
/// "Posted by Jo Smith on January 10, 2008" -> "Jo Smith"; empty if the line names nobody.
std::string byline_author(std::string_view line);

/// A short credit line naming who wrote or supplied the story ("Agency Report", "Reuters"):
/// the line itself when it looks like one, else empty.
std::string credit_author(std::string_view line);

/// The person in a byline that names them before their employer: "Jane Doe | Reuters",
/// "Jane Doe, Associated Press" -> "Jane Doe"; empty if the line is not such a byline.
std::string author_before_agency(std::string_view line);

/// The first calendar date in `line` exactly as written, with an adjacent weekday and time
/// ("Fri Jan 18, 2008 1:41pm GMT", "16 January 2008", "2008-01-10T10:00Z"); empty if none.
/// Relative dates ("5 days ago") are not dates.
std::string find_date_text(std::string_view line);

/// The site name of a line that glues it to the site's home link:
/// "The New Diplomathttps://newdiplomatng.com/" -> "The New Diplomat"; empty otherwise.
std::string outlet_from_home_link(std::string_view line);

}  // namespace nsearch::text_dump
