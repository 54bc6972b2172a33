#include "match/recency.hpp"

#include <chrono>
#include <cmath>
#include <limits>

#include "nsearch/error.hpp"

namespace nsearch {

double parse_half_life_days(const std::string& text) {
  const auto bad = [&text]() {
    return Error(
        ErrorKind::invalid_argument,
        "--recency: expected a half-life like 12h, 30d, 2w, 6m or 1y, got \"" + text + "\"");
  };
  if (text.size() < 2 || text.size() > 8) throw bad();
  double n = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') throw bad();
    n = n * 10 + (text[i] - '0');
  }
  if (n <= 0) throw bad();
  switch (text.back()) {
    case 'h':
      return n / 24.0;
    case 'd':
      return n;
    case 'w':
      return n * 7;
    case 'm':
      return n * 30.436875;  // mean Gregorian month
    case 'y':
      return n * 365.2425;
    default:
      throw bad();
  }
}

double key_to_days(std::string_view key) {
  auto number = [key](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (key[i] < '0' || key[i] > '9') return -1;
      v = v * 10 + (key[i] - '0');
    }
    return v;
  };
  if (key.size() < 14) return std::numeric_limits<double>::quiet_NaN();
  const int y = number(0, 4), mo = number(4, 2), d = number(6, 2);
  const int h = number(8, 2), mi = number(10, 2), s = number(12, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || mi < 0 || s < 0) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  using namespace std::chrono;
  const sys_days day{year{y} / month{static_cast<unsigned>(mo)} / static_cast<unsigned>(d)};
  return static_cast<double>(day.time_since_epoch().count()) + (h * 3600 + mi * 60 + s) / 86400.0;
}

RecencySource::RecencySource(Xapian::valueno slot, double reference_days, double half_life_days,
                             double max_weight)
    : Xapian::ValuePostingSource(slot),
      reference_days_(reference_days),
      half_life_days_(half_life_days),
      max_weight_(max_weight) {}

void RecencySource::init(const Xapian::Database& db_) {
  Xapian::ValuePostingSource::init(db_);
  set_maxweight(max_weight_);
}

double RecencySource::get_weight() const {
  const double days = key_to_days(get_value());
  if (std::isnan(days)) return 0;
  const double age = std::max(0.0, reference_days_ - days);
  return max_weight_ * std::exp2(-age / half_life_days_);
}

RecencySource* RecencySource::clone() const {
  return new RecencySource(get_slot(), reference_days_, half_life_days_, max_weight_);
}

}  // namespace nsearch
