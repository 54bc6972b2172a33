// Recency as a weight: newer articles score more, halving every half-life (internal).
#pragma once

#include <string>

#include <xapian.h>

namespace nsearch {

/// "30d", "12h", "2w", "6m", "1y" as days. Throws Error(invalid_argument) naming --recency.
double parse_half_life_days(const std::string& text);

/// Days since 1970-01-01 of a date-slot key ("YYYYMMDDhhmmss"); NaN when it is not one.
double key_to_days(std::string_view key);

/// Weights each dated article by max_weight * 2^(-age / half_life), the age counted back from
/// `reference_days` (the newest article). Combined with OP_AND_MAYBE, so that it only adds to
/// the text score of articles that match anyway; undated articles get nothing.
class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(Xapian::valueno slot, double reference_days, double half_life_days,
                double max_weight);
  double get_weight() const override;
  RecencySource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string name() const override { return "nsearch::RecencySource"; }

 private:
  double reference_days_, half_life_days_, max_weight_;
};

}  // namespace nsearch
