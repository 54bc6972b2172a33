// Query-language fields that need more than a term prefix: site:, date:, year:, kind:
// (internal).
#pragma once

#include <string>

#include <xapian.h>

namespace nsearch {

/// `site:reuters.com`: articles whose URL host is that host or one of its subdomains
/// (uk.reuters.com). Accepts a pasted URL too (scheme, "www." and path are dropped).
class SiteFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit SiteFieldProcessor(const Xapian::Database& db) : db_(db) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  Xapian::Database db_;
};

/// `date:2021-09-24`, `date:2021-09`, `date:2021` (that period) and ranges
/// `date:2021-09-01..2021-09-30`, `date:2021..`, `date:..2021-06` (inclusive periods).
/// Throws Error(bad_query) when a bound is not a date.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

/// `year:2021`. Throws Error(bad_query) unless the value is four digits.
class YearFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

/// `kind:page`, `kind:article` (case-insensitive). Throws Error(bad_query) for another kind.
class KindFieldProcessor : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override;
};

/// The host `site:` looks for: "https://www.Reuters.com/x" -> "reuters.com".
std::string normalise_site(const std::string& value);

}  // namespace nsearch
