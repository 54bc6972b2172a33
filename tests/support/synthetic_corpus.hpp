// A generated news corpus of any size, so that long-running ingest tests work without the
// shared data (test support).
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace nsearch::test {

/// Writes `files` JSON Lines files of `per_file` articles each under `dir` (ids
/// "<id_prefix><file>-<n>", distinct titles and bodies of about `words` words). Returns the
/// number of articles.
inline std::size_t write_synthetic_corpus(const std::filesystem::path& dir, std::size_t files,
                                          std::size_t per_file, const std::string& id_prefix = "g",
                                          std::size_t words = 120) {
  static constexpr const char* kWords[] = {
      "harbour", "council", "budget",   "minister",  "river",  "flood",    "election", "market",
      "shares",  "school",  "hospital", "transport", "rail",   "strike",   "weather",  "farmers",
      "energy",  "prices",  "court",    "ruling",    "police", "festival", "museum",   "bridge",
      "storm",   "coast",   "tourism",  "exports",   "wheat",  "vaccine",  "research", "league",
      "match",   "coach",   "injury",   "season",    "mayor",  "housing",  "rents",    "workers"};
  constexpr std::size_t kCount = sizeof kWords / sizeof kWords[0];
  std::filesystem::create_directories(dir);
  std::mt19937 rng(42);
  std::size_t total = 0;
  for (std::size_t f = 0; f < files; ++f) {
    std::ofstream out(dir / ("part-" + std::to_string(1000 + f) + ".jsonl"), std::ios::trunc);
    for (std::size_t n = 0; n < per_file; ++n, ++total) {
      const std::string id = id_prefix + std::to_string(f) + "-" + std::to_string(n);
      std::string body;
      for (std::size_t w = 0; w < words; ++w) {
        body += kWords[rng() % kCount];
        body += (w % 15 == 14) ? ". " : " ";
      }
      out << "{\"id\":\"" << id << "\",\"title\":\"Report " << id << " on the "
          << kWords[rng() % kCount] << " " << kWords[rng() % kCount]
          << "\",\"outlet\":\"Synthetic Wire\",\"lang\":\"en\",\"date\":\"2024-0" << 1 + f % 9
          << "-1" << n % 10 << "\",\"body\":\"" << body << "\"}\n";
    }
  }
  return total;
}

}  // namespace nsearch::test
