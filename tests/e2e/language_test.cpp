// Languages across the pipeline, on the shared multilingual corpora (skipped without them):
// detection when the input does not say, per-language stemming, CJK n-grams.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "nsearch/article_reader.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/searcher.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<nlohmann::json> read_jsonl_gz(const fs::path& path) {
  std::vector<nlohmann::json> records;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return records;
  std::string data;
  char buf[65536];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;)
    data.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  std::size_t start = 0;
  while (start < data.size()) {
    std::size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    if (end > start) records.push_back(nlohmann::json::parse(data.substr(start, end - start)));
    start = end + 1;
  }
  return records;
}

// Writes `records` without their language to a JSON Lines file, reads them back through the
// ArticleReader, and returns (detected, expected) per record of the wanted languages.
std::vector<std::pair<std::string, std::string>> detect(const std::vector<nlohmann::json>& records,
                                                        const std::set<std::string>& wanted,
                                                        const TempDir& dir) {
  std::map<std::string, std::string> expected;
  const fs::path input = dir / "unlabelled.jsonl";
  {
    std::ofstream out(input);
    for (const auto& r : records) {
      const std::string lang = r.value("lang", "");
      if (!wanted.contains(lang)) continue;
      nlohmann::json copy = {{"id", r["id"]}, {"title", r["title"]}, {"body", r["body"]}};
      expected[r["id"].get<std::string>()] = lang;
      out << copy.dump() << "\n";
    }
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  ArticleReader reader({}, nullptr);
  const std::vector<fs::path> inputs{input};
  reader.read(inputs, [&](Article&& a) { pairs.emplace_back(a.lang, expected.at(a.id)); });
  return pairs;
}

}  // namespace

TEST_CASE("language detection: at least 98% right on de, fi, ja, es, pt, fr news",
          "[shared][lang]") {
  const fs::path data = nsearch::test::shared_dir() / "data";
  const struct {
    const char* file;
    std::set<std::string> langs;
  } sets[] = {
      {"news-multi/de-10kgnad/de-10kgnad-test.jsonl.gz", {"de"}},
      {"news-multi/fi-iltalehti-headlines/fi-iltalehti-headlines.jsonl.gz", {"fi"}},
      {"news-multi/ja-wikinews/ja-wikinews.jsonl.gz", {"ja"}},
      {"news-en/webz-free-news-sample/webz-free-news-sample.jsonl.gz", {"es", "pt", "fr"}},
  };
  TempDir dir;
  for (const auto& set : sets) {
    const fs::path path = data / set.file;
    if (!fs::exists(path)) {
      WARN(path.string() << " not found: skipped");
      continue;
    }
    const auto pairs = detect(read_jsonl_gz(path), set.langs, dir);
    REQUIRE_FALSE(pairs.empty());
    std::size_t right = 0;
    for (const auto& [detected, expected] : pairs)
      right += detected == expected;
    const double accuracy = static_cast<double>(right) / static_cast<double>(pairs.size());
    INFO(set.file << ": " << right << " of " << pairs.size());
    CHECK(accuracy >= 0.98);
  }
}

TEST_CASE("stemming per language: German inflections and Japanese without spaces",
          "[shared][lang][scale]") {
  const fs::path data = nsearch::test::shared_dir() / "data/news-multi";
  const fs::path german = data / "de-10kgnad/de-10kgnad-test.jsonl.gz";
  const fs::path japanese = data / "ja-wikinews/ja-wikinews.jsonl.gz";
  if (!fs::exists(german) || !fs::exists(japanese)) {
    WARN("news-multi not found: skipped");
    return;
  }
  TempDir dir;
  {
    Indexer indexer({.db_path = dir / "db"}, nullptr);
    const std::vector<fs::path> inputs{german, japanese};
    indexer.add(inputs);
  }
  Searcher searcher(dir / "db");
  SearchRequest request;
  request.limit = 2000;
  request.collapse = false;  // every article that contains the word, repeats included

  // "Regierungen" must find articles that only say "Regierung" (same German stem).
  request.query = "Regierungen";
  request.langs = {"de"};
  std::set<std::string> hits;
  for (const auto& hit : searcher.search(request).hits)
    hits.insert(hit.id);
  std::size_t singular_only = 0;
  for (const auto& r : read_jsonl_gz(german)) {
    const std::string body = r["body"].get<std::string>();
    const bool singular = body.find("Regierung ") != std::string::npos;
    const bool plural = body.find("Regierungen") != std::string::npos;
    if (singular && !plural) {
      ++singular_only;
      CHECK(hits.contains(r["id"].get<std::string>()));
    }
  }
  CHECK(singular_only > 10);

  // A Japanese word inside unsegmented text: 地震 (earthquake), found by CJK n-grams.
  std::map<std::string, std::string> japanese_text;
  std::size_t containing = 0;
  for (const auto& r : read_jsonl_gz(japanese)) {
    const std::string text = r["title"].get<std::string>() + "\n" + r["body"].get<std::string>();
    containing += text.find("地震") != std::string::npos;
    japanese_text[r["id"].get<std::string>()] = text;
  }
  request.query = "地震";
  request.langs = {"ja"};
  const SearchResult quakes = searcher.search(request);
  CHECK(quakes.total == containing);
  for (const auto& hit : quakes.hits) {
    INFO(hit.id);
    CHECK(japanese_text[hit.id].find("地震") != std::string::npos);
  }
}
