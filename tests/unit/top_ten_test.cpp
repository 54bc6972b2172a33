// The top ten of every benchmark query (bench/queries-en.tsv) on Reuters-21578, as ranked today
// and kept in tests/data/top_ten/reuters21578.tsv: faster paths (in-memory columns, posting
// walks, newest first from a walk, early termination) must give the same pages. A change meant
// to rank differently regenerates the file: NSEARCH_UPDATE_TOP_TEN=1 build/tests/top_ten_test,
// then review its diff like code. Skipped without ../shared.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "nsearch/bench.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/searcher.hpp"
#include "shared_data.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace nsearch;
using nsearch::test::TempDir;

namespace {

const fs::path kSource = NSEARCH_SOURCE_DIR;
const fs::path kExpected = kSource / "tests/data/top_ten/reuters21578.tsv";

// "sort<TAB>query" -> the page's ids, space-separated.
using Pages = std::map<std::string, std::string>;

std::vector<SearchRequest> bench_searches() {
  std::ifstream in(kSource / "bench/queries-en.tsv");
  std::vector<SearchRequest> requests;
  for (const BenchQuery& query : read_bench_queries(in, "bench/queries-en.tsv")) {
    SearchRequest request = bench_request(query);
    request.snippet_bytes = 0;
    for (const SortOrder sort : {SortOrder::relevance, SortOrder::date}) {
      request.sort = sort;
      requests.push_back(request);
    }
  }
  return requests;
}

std::string key_of(const SearchRequest& request) {
  return std::string(request.sort == SortOrder::date ? "date" : "relevance") + "\t" + request.query;
}

std::string page_of(Searcher& searcher, const SearchRequest& request) {
  std::string ids;
  for (const Hit& hit : searcher.search(request).hits)
    ids += (ids.empty() ? "" : " ") + hit.id;
  return ids;
}

Pages read_expected() {
  Pages pages;
  std::ifstream in(kExpected);
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.rfind('\t');
    if (line.empty() || line.front() == '#' || tab == std::string::npos) continue;
    pages[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return pages;
}

void write_expected(const Pages& pages) {
  fs::create_directories(kExpected.parent_path());
  std::ofstream out(kExpected);
  out << "# sort<TAB>query<TAB>the ids of the top ten, collapsed (tests/unit/top_ten_test.cpp)\n";
  for (const auto& [key, ids] : pages)
    out << key << '\t' << ids << '\n';
}

}  // namespace

TEST_CASE("the top ten of every benchmark query are today's, by every path", "[scale]") {
  const fs::path reuters = nsearch::test::reuters21578();
  if (!fs::exists(reuters)) {
    WARN(reuters.string() << " not found: skipped");
    return;
  }
  TempDir dir;
  const fs::path db = dir / "db";
  {
    // One job: documents numbered in input order, which breaks ties in both orders.
    Indexer indexer({.db_path = db, .jobs = 1}, nullptr);
    indexer.add(std::vector<fs::path>{reuters});
  }
  const std::vector<SearchRequest> requests = bench_searches();
  REQUIRE(requests.size() >= 100);

  // A new Searcher's first search reads values from Xapian and ranks with its matcher alone.
  Pages first;
  for (const SearchRequest& request : requests) {
    Searcher fresh(db);
    first[key_of(request)] = page_of(fresh, request);
  }
  // A Searcher that searched before counts from in-memory columns and walks posting lists.
  Searcher warm(db);
  for (const SearchRequest& request : requests)
    page_of(warm, request);
  for (const SearchRequest& request : requests) {
    INFO(key_of(request));
    CHECK(page_of(warm, request) == first.at(key_of(request)));
  }

  if (const char* update = std::getenv("NSEARCH_UPDATE_TOP_TEN"); update && *update == '1') {
    write_expected(first);
    WARN("wrote " << kExpected.string());
    return;
  }
  const Pages expected = read_expected();
  REQUIRE(expected.size() == first.size());
  for (const auto& [key, ids] : first) {
    INFO(key);
    CHECK(ids == expected.at(key));
  }
}
