#include <algorithm>
#include <cstdio>
#include <iomanip>

#include <nlohmann/json.hpp>

#include "nsearch/analysis_output.hpp"

namespace nsearch {
namespace {

using nlohmann::ordered_json;

std::string dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string share_text(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", share);
  return text;
}

// Eight levels of a Unicode block, lowest first.
constexpr const char* kSparks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

std::string sparkline(const std::vector<double>& values) {
  const double top = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  std::string line;
  for (const double v : values) {
    const int level = top <= 0 ? 0 : static_cast<int>(v / top * 7 + 0.5);
    line += v <= 0 ? " " : kSparks[std::clamp(level, 0, 7)];
  }
  return line;
}

}  // namespace

std::string to_json(const TrendResult& trend) {
  ordered_json j;
  j["by"] = name_of(trend.by);
  j["count"] = name_of(trend.count);
  j["periods"] = trend.periods;
  j["totals"] = trend.totals;
  ordered_json series = ordered_json::array();
  for (const TrendSeries& s : trend.series) {
    ordered_json one = {{"query", s.query}, {"counts", s.counts}};
    if (trend.normalised) one["shares"] = s.shares;
    series.push_back(std::move(one));
  }
  j["series"] = std::move(series);
  return dump(j);
}

void write_csv(std::ostream& out, const TrendResult& trend) {
  out << "period,total";
  for (const TrendSeries& s : trend.series)
    out << ',' << csv_field(s.query);
  if (trend.normalised) {
    for (const TrendSeries& s : trend.series)
      out << ',' << csv_field(s.query + " share");
  }
  out << '\n';
  for (std::size_t i = 0; i < trend.periods.size(); ++i) {
    out << trend.periods[i] << ',' << trend.totals[i];
    for (const TrendSeries& s : trend.series)
      out << ',' << s.counts[i];
    if (trend.normalised) {
      for (const TrendSeries& s : trend.series)
        out << ',' << share_text(s.shares[i]);
    }
    out << '\n';
  }
}

void write_text(std::ostream& out, const TrendResult& trend, bool sparklines) {
  const std::string unit(name_of(trend.count));
  if (trend.periods.empty()) {
    out << "no dated " << unit << "\n";
    return;
  }
  std::size_t first_width = std::string("period").size();
  for (const auto& p : trend.periods)
    first_width = std::max(first_width, p.size());
  constexpr int kColumn = 14;
  out << std::left << std::setw(static_cast<int>(first_width)) << "period" << std::right
      << std::setw(kColumn) << ("all " + unit);
  for (std::size_t q = 0; q < trend.series.size(); ++q)
    out << std::setw(kColumn) << ("[" + std::to_string(q + 1) + "]");
  out << '\n';
  for (std::size_t i = 0; i < trend.periods.size(); ++i) {
    out << std::left << std::setw(static_cast<int>(first_width)) << trend.periods[i] << std::right
        << std::setw(kColumn) << trend.totals[i];
    for (const TrendSeries& s : trend.series) {
      std::string cell = std::to_string(s.counts[i]);
      if (trend.normalised) {
        char share[32];
        std::snprintf(share, sizeof share, " %.1f%%", 100 * s.shares[i]);
        cell += share;
      }
      out << std::setw(kColumn) << cell;
    }
    out << '\n';
  }
  for (std::size_t q = 0; q < trend.series.size(); ++q) {
    const TrendSeries& s = trend.series[q];
    out << "[" << q + 1 << "] " << s.query;
    if (sparklines) {
      std::vector<double> values = s.shares;
      if (!trend.normalised) values.assign(s.counts.begin(), s.counts.end());
      out << "  " << sparkline(values);
    }
    out << '\n';
  }
}

std::string to_json(const TermsResult& terms) {
  ordered_json j;
  j["query"] = terms.query;
  j["by"] = name_of(terms.by);
  j["matches"] = terms.matches;
  j["database"] = terms.database;
  j["sampled"] = terms.sampled;
  j["measure"] = "log-likelihood ratio (G2)";
  ordered_json list = ordered_json::array();
  for (const SignificantTerm& t : terms.terms) {
    list.push_back({{"term", t.term},
                    {"stem", t.stem},
                    {"in_matches", t.in_matches},
                    {"in_database", t.in_database},
                    {"score", t.score}});
  }
  j["terms"] = std::move(list);
  return dump(j);
}

void write_text(std::ostream& out, const TermsResult& terms) {
  const std::string unit(name_of(terms.by));
  out << terms.matches << " matching " << unit << " of " << terms.database
      << "; terms by log-likelihood ratio (G2)\n";
  std::size_t width = 4;
  for (const auto& t : terms.terms)
    width = std::max(width, t.term.size());
  std::size_t rank = 0;
  for (const auto& t : terms.terms) {
    char score[32];
    std::snprintf(score, sizeof score, "%.1f", t.score);
    out << std::setw(3) << ++rank << ". " << std::left << std::setw(static_cast<int>(width))
        << t.term << std::right << "  in " << t.in_matches << " of the matches, " << t.in_database
        << " in all  G2 " << score << '\n';
  }
}

}  // namespace nsearch
