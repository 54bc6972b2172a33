// Calendar periods of a trend: days, ISO weeks, months or years as consecutive numbers (internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nsearch/analysis.hpp"

namespace nsearch {

/// Numbers the periods of one unit so that consecutive periods have consecutive numbers.
class PeriodNumbering {
 public:
  explicit PeriodNumbering(TrendPeriod by) : by_(by) {}
  /// The period of a date-slot key ("YYYYMMDD..."); nullopt when it is not a date.
  std::optional<std::int64_t> of_key(std::string_view key) const;
  /// "2021-09-24", "2021-09-20" (a week's Monday), "2021-09" or "2021".
  std::string label(std::int64_t period) const;

 private:
  TrendPeriod by_;
};

}  // namespace nsearch
