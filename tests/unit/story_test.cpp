// Syndication: near-duplicate signatures, story clustering at index time, and collapsing,
// copies and story facets through the library API.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/searcher.hpp"
#include "story_signature.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using nsearch::test::TempDir;

namespace {

const fs::path kSource = NSEARCH_SOURCE_DIR;
const fs::path kSeed = kSource / "corpus/seed/mali-wagner-newdiplomat.txt";
const fs::path kCopies = kSource / "tests/data/syndication";
const fs::path kSahelDaily = kCopies / "sahel-daily-mali-mercenaries.txt";
const fs::path kWestAfricaWire = kCopies / "west-africa-wire-wagner-deal.txt";
const fs::path kParisObserver = kCopies / "paris-observer-france-warns-mali.txt";
const std::string kQuery = "Russian mercenaries Mali";

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void index_files(const fs::path& db, const std::vector<fs::path>& files, bool stories = true) {
  nsearch::IndexOptions options;
  options.db_path = db;
  options.story_clusters = stories;
  nsearch::Indexer indexer(
      options, [](const nsearch::Diagnostic& d) { FAIL(d.location << ": " << d.message); });
  indexer.add(files);
}

nsearch::SearchResult search(const fs::path& db, nsearch::SearchRequest request) {
  nsearch::Searcher searcher(db);
  return searcher.search(request);
}

nsearch::SearchRequest query(const std::string& text) {
  nsearch::SearchRequest request;
  request.query = text;
  return request;
}

}  // namespace

TEST_CASE("an edited copy has a similar signature; another story on the same event does not",
          "[story]") {
  const std::string seed = read_file(kSeed);
  const auto original = nsearch::story::signature_of(seed);
  const auto copy = nsearch::story::signature_of(read_file(kSahelDaily));
  const auto other = nsearch::story::signature_of(read_file(kParisObserver));
  REQUIRE(original);
  REQUIRE(copy);
  REQUIRE(other);
  CHECK(nsearch::story::similarity(*original, *original) == 1.0);
  CHECK(nsearch::story::similarity(*original, *copy) >= nsearch::story::kSameStoryThreshold);
  CHECK(nsearch::story::similarity(*original, *other) < 0.1);
  CHECK(nsearch::story::decode(nsearch::story::encode(*copy)) == copy);
  CHECK_FALSE(nsearch::story::decode("short"));
  CHECK_FALSE(nsearch::story::signature_of("too few words"));
  // Case and punctuation do not make a different text.
  std::string shouted = seed;
  std::transform(shouted.begin(), shouted.end(), shouted.begin(),
                 [](unsigned char c) { return c == ',' ? ' ' : std::toupper(c); });
  CHECK(nsearch::story::similarity(*original, *nsearch::story::signature_of(shouted)) == 1.0);
}

TEST_CASE("copies collapse into one hit that names the other outlets", "[story]") {
  TempDir dir;
  const fs::path db = dir / "db";
  index_files(db, {kSeed, kSahelDaily, kWestAfricaWire, kParisObserver});

  const auto result = search(db, query(kQuery));
  REQUIRE(result.collapsed);
  REQUIRE(result.total == 2);  // the story and its three copies, and the Paris Observer story
  REQUIRE(result.total_exact);
  REQUIRE(result.hits.size() == 2);
  const auto story = std::find_if(result.hits.begin(), result.hits.end(),
                                  [](const nsearch::Hit& h) { return h.copies > 0; });
  REQUIRE(story != result.hits.end());
  CHECK(story->copies == 2);
  std::vector<std::string> outlets = story->also_in;
  outlets.push_back(story->outlet);
  std::sort(outlets.begin(), outlets.end());
  CHECK(outlets == std::vector<std::string>{"Sahel Daily", "The New Diplomat", "West Africa Wire"});
  const auto other =
      std::find_if(result.hits.begin(), result.hits.end(),
                   [](const nsearch::Hit& h) { return h.outlet == "Paris Observer"; });
  REQUIRE(other != result.hits.end());
  CHECK(other->copies == 0);
  CHECK(other->also_in.empty());
  CHECK(other->story != story->story);

  auto every_copy = query(kQuery);
  every_copy.collapse = false;
  const auto all = search(db, every_copy);
  CHECK(all.total == 4);
  CHECK(all.hits.size() == 4);
  CHECK_FALSE(all.collapsed);
}

TEST_CASE("first_seen shows the earliest copy and lists the others by date", "[story]") {
  TempDir dir;
  const fs::path db = dir / "db";
  index_files(db, {kSeed, kSahelDaily, kWestAfricaWire});
  auto request = query(kQuery);
  request.first_seen = true;
  const auto result = search(db, request);
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].outlet == "West Africa Wire");  // 2021-09-25
  CHECK(result.hits[0].date.substr(0, 10) == "2021-09-25");
  // Sahel Daily (2021-09-26) before the undated seed.
  CHECK(result.hits[0].also_in == std::vector<std::string>{"Sahel Daily", "The New Diplomat"});
}

TEST_CASE("facets count copies by default, stories when asked", "[story]") {
  TempDir dir;
  const fs::path db = dir / "db";
  index_files(db, {kSeed, kSahelDaily, kWestAfricaWire, kParisObserver});
  auto request = query(kQuery);
  request.facets = {"year"};
  const auto copies = search(db, request);
  REQUIRE(copies.facets.size() == 1);
  REQUIRE(copies.facets[0].values.size() == 1);
  CHECK(copies.facets[0].values[0].value == "2021");
  CHECK(copies.facets[0].values[0].count == 3);  // the seed has no date
  request.facet_by = nsearch::FacetUnit::story;
  const auto stories = search(db, request);
  CHECK(stories.facets[0].values[0].count == 2);
}

TEST_CASE("a Searcher that counts again counts the same, and follows new copies", "[story]") {
  // From its second counting search on, a Searcher counts from in-memory columns of the
  // database's values; they must agree with a fresh Searcher's counts, before and after the
  // database changes.
  TempDir dir;
  const fs::path db = dir / "db";
  index_files(db, {kSeed, kSahelDaily, kParisObserver});
  using Counts = std::vector<std::pair<std::string, std::size_t>>;
  auto counts = [](const nsearch::SearchResult& r) {
    Counts all{{"total", r.total}};
    for (const auto& facet : r.facets) {
      for (const auto& v : facet.values)
        all.emplace_back(facet.name + ":" + v.value, v.count);
    }
    return all;
  };
  auto request = query("mali OR france");
  request.facets = {"outlet", "year", "day", "author", "host"};
  nsearch::Searcher kept(db);
  Counts before;
  for (const bool collapse : {true, false, true}) {
    request.collapse = collapse;
    for (int again = 0; again < 2; ++again) {
      const auto fresh = counts(search(db, request));
      CHECK(counts(kept.search(request)) == fresh);
      if (collapse) before = fresh;
    }
  }
  index_files(db, {kWestAfricaWire});
  kept.refresh();
  const auto after = counts(search(db, request));
  CHECK(counts(kept.search(request)) == after);
  CHECK(after != before);
  request.exact_total = true;
  request.facets.clear();
  CHECK(kept.search(request).total == search(db, request).total);
}

TEST_CASE("a copy added later joins the story of the article already indexed", "[story]") {
  TempDir dir;
  const fs::path db = dir / "db";
  index_files(db, {kSeed});
  index_files(db, {kParisObserver});
  index_files(db, {kSahelDaily});
  const auto result = search(db, query(kQuery));
  REQUIRE(result.total == 2);
  nsearch::Searcher searcher(db);
  const auto seed_hit = std::find_if(result.hits.begin(), result.hits.end(),
                                     [](const nsearch::Hit& h) { return h.copies == 1; });
  REQUIRE(seed_hit != result.hits.end());
  const nsearch::StoryCopies copies = searcher.copies(seed_hit->id);
  REQUIRE(copies.copies.size() == 2);
  CHECK(copies.copies[0].outlet == "Sahel Daily");  // dated, so before the undated seed
  CHECK(copies.copies[1].outlet == "The New Diplomat");
  CHECK(std::count_if(copies.copies.begin(), copies.copies.end(),
                      [](const nsearch::StoryCopy& c) { return c.requested; }) == 1);
  for (const auto& copy : copies.copies) {
    if (copy.requested) {
      CHECK(copy.id == seed_hit->id);
      CHECK(copy.similarity == 1.0);
    } else {
      CHECK(copy.similarity < 1.0);
      CHECK(copy.similarity >= nsearch::story::kSameStoryThreshold);
    }
  }
  CHECK_THROWS_AS(searcher.copies("no-such-id"), nsearch::Error);
}

TEST_CASE("with story clustering off every article is its own story", "[story]") {
  TempDir dir;
  const fs::path db = dir / "db";
  index_files(db, {kSeed, kSahelDaily, kWestAfricaWire}, /*stories=*/false);
  const auto result = search(db, query(kQuery));
  CHECK(result.total == 3);
  for (const auto& hit : result.hits)
    CHECK(hit.copies == 0);
}

TEST_CASE("stories stay right when files are passed over, changed or pruned", "[story]") {
  TempDir dir;
  const fs::path corpus = dir / "corpus";
  const fs::path db = dir / "db";
  fs::create_directories(corpus);
  fs::copy_file(kSeed, corpus / "seed.txt");
  fs::copy_file(kSahelDaily, corpus / "sahel.txt");
  // Outlet -> story key of every hit, uncollapsed.
  const auto stories = [&] {
    auto request = query(kQuery);
    request.collapse = false;
    std::map<std::string, std::string> out;
    for (const auto& hit : search(db, request).hits)
      out[hit.outlet] = hit.story;
    return out;
  };
  index_files(db, {corpus});
  const auto first = stories();
  REQUIRE(first.size() == 2);
  const std::string story = first.at("Sahel Daily");
  CHECK(first.at("The New Diplomat") == story);

  // Unchanged files are passed over: nothing moves.
  index_files(db, {corpus});
  CHECK(stories() == first);

  // The first copy's file is gone: the other copy keeps the story, and a copy added later
  // joins it.
  fs::remove(corpus / "seed.txt");
  {
    nsearch::Indexer indexer({.db_path = db}, nullptr);
    const std::vector<fs::path> roots{corpus};
    CHECK(indexer.prune(roots) == 1);
  }
  fs::copy_file(kWestAfricaWire, corpus / "wire.txt");
  index_files(db, {corpus});
  const auto later = stories();
  CHECK(later ==
        std::map<std::string, std::string>{{"Sahel Daily", story}, {"West Africa Wire", story}});

  // A file that now holds another story: its article leaves the story.
  fs::copy_file(kParisObserver, corpus / "sahel.txt", fs::copy_options::overwrite_existing);
  index_files(db, {corpus});
  const auto changed = stories();
  REQUIRE(changed.size() == 2);
  CHECK(changed.at("West Africa Wire") == story);
  CHECK(changed.at("Paris Observer") != story);
  const auto collapsed = search(db, query(kQuery));
  CHECK(collapsed.total == 2);
  for (const auto& hit : collapsed.hits)
    CHECK(hit.copies == 0);
}
