// What a database holds: its size, dates, languages and outlets (`nindex stats`, /api/stats).
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace nsearch {

/// A value and how many articles (or stories) have it.
struct FacetCount {
  std::string value;
  std::size_t count = 0;
};

struct DatabaseStats {
  std::size_t documents = 0;
  std::vector<FacetCount> outlets;    ///< by count, ties by name
  std::vector<FacetCount> languages;  ///< by count
  std::string date_min, date_max;     ///< ISO dates; empty when no article has a date
};

/// Reads the statistics of the database at `db_path` (plain, or shards local or remote).
/// Throws Error (database_not_found, database_error).
DatabaseStats database_stats(const std::filesystem::path& db_path);

/// The JSON object: documents, outlets and languages ([{value, count}]), date_min, date_max.
std::string to_json(const DatabaseStats& stats);

/// A few readable lines: documents, date range, languages, then the outlets one per line.
void write_text(std::ostream& out, const DatabaseStats& stats);

}  // namespace nsearch
