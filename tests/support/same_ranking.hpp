// Comparing the ranking of one database with the ranking of shards (test support).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace nsearch::test {

/// (id, score) in rank order; for results sorted by date, the date as the score (see
/// date_score).
using Ranking = std::vector<std::pair<std::string, double>>;

/// An ISO date as a number that sorts like it ("2021-09-24T08:30:00Z" -> 20210924083000), -1
/// for none: what ranks results sorted by date.
inline double date_score(const std::string& iso) {
  std::string digits;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') digits += c;
  }
  digits.resize(14, '0');
  return iso.empty() ? -1 : std::stod(digits);
}

/// Checks that two rankings agree: the same scores rank by rank, and the same ids in the same
/// order, except among hits with equal scores. Xapian orders those by internal document number,
/// which differs between one database and shards; the ids of a group of ties must then be the
/// same set, and a group cut by the end of the page the same size (which is checked by the
/// scores). Returns the number of hits tied with another, so that callers can tell how often
/// the order went unchecked.
inline std::size_t check_same_ranking(const Ranking& expected, const Ranking& actual) {
  REQUIRE(actual.size() == expected.size());
  std::size_t tied = 0;
  for (std::size_t begin = 0; begin < expected.size();) {
    std::size_t end = begin + 1;
    while (end < expected.size() && expected[end].second == expected[begin].second)
      ++end;
    std::vector<std::string> want, got;
    for (std::size_t i = begin; i < end; ++i) {
      INFO("rank " << i + 1 << ": expected " << expected[i].first << " (" << expected[i].second
                   << "), got " << actual[i].first << " (" << actual[i].second << ")");
      // Collection statistics are summed over shards, so scores are equal, not just close.
      CHECK(std::abs(actual[i].second - expected[i].second) <=
            1e-9 * std::max(1.0, std::abs(expected[i].second)));
      want.push_back(expected[i].first);
      got.push_back(actual[i].first);
    }
    if (end - begin > 1) tied += end - begin;
    if (end < expected.size() || end - begin == 1) {
      std::sort(want.begin(), want.end());
      std::sort(got.begin(), got.end());
      INFO("ranks " << begin + 1 << ".." << end);
      CHECK(got == want);
    }
    begin = end;
  }
  return tied;
}

}  // namespace nsearch::test
