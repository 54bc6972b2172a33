// End-to-end: syndicated copies of the seed article, indexed with the real nindex, collapse into
// one nsearch hit that names the other outlets; --no-collapse, --first-seen, --copies and
// --facet-by through the real nsearch.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;
using nsearch::test::run_command;
using nsearch::test::TempDir;

namespace {

const fs::path kSource = NSEARCH_SOURCE_DIR;
const std::string kNindex = NINDEX_BIN;
const std::string kNsearch = NSEARCH_BIN;
const std::string kQuery = "Russian mercenaries Mali";
const std::string kCopiesDir = (kSource / "tests/data/syndication").string();

/// A database of the sample corpus (with the seed) plus two edited copies of the seed.
struct SyndicatedCorpus {
  TempDir dir;
  std::string db = (dir / "db").string();

  SyndicatedCorpus() {
    const auto added = run_command({kNindex, "--db", db, "add", (kSource / "corpus").string(),
                                    kCopiesDir + "/sahel-daily-mali-mercenaries.txt",
                                    kCopiesDir + "/west-africa-wire-wagner-deal.txt"});
    REQUIRE(added.exit_code == 0);
  }

  json search(std::vector<std::string> extra) const {
    std::vector<std::string> argv{kNsearch, "--db", db, "--json", kQuery};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto result = run_command(argv);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
  }
};

}  // namespace

TEST_CASE("nsearch shows a syndicated story once, with the other outlets", "[story][e2e]") {
  const SyndicatedCorpus corpus;
  const json result = corpus.search({});
  REQUIRE(result["collapsed"] == true);
  REQUIRE(result["total"] == 1);
  REQUIRE(result["hits"].size() == 1);
  const json& hit = result["hits"][0];
  CHECK(hit["copies"] == 2);
  std::vector<std::string> outlets = hit["also_in"];
  outlets.push_back(hit["outlet"]);
  std::sort(outlets.begin(), outlets.end());
  CHECK(outlets == std::vector<std::string>{"Sahel Daily", "The New Diplomat", "West Africa Wire"});

  const json all = corpus.search({"--no-collapse"});
  CHECK(all["total"] == 3);
  CHECK(all["hits"].size() == 3);
  for (const auto& copy : all["hits"]) {
    CHECK(copy["story"] == hit["story"]);
    CHECK_FALSE(copy.contains("also_in"));
  }

  const auto text = run_command({kNsearch, "--db", corpus.db, kQuery}, {"NO_COLOR=1"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("also in: "));
  CHECK_THAT(text.out, Contains("1 story (3 articles)"));
}

TEST_CASE("nsearch --first-seen shows the earliest publisher", "[story][e2e]") {
  const SyndicatedCorpus corpus;
  const json result = corpus.search({"--first-seen"});
  REQUIRE(result["hits"].size() == 1);
  CHECK(result["hits"][0]["outlet"] == "West Africa Wire");
  CHECK(result["hits"][0]["also_in"] == json::array({"Sahel Daily", "The New Diplomat"}));
}

TEST_CASE("nsearch --copies lists every copy of a story", "[story][e2e]") {
  const SyndicatedCorpus corpus;
  const std::string id = corpus.search({})["hits"][0]["id"];
  const auto listed = run_command({kNsearch, "--db", corpus.db, "--copies", id, "--json"});
  REQUIRE(listed.exit_code == 0);
  const json copies = json::parse(listed.out);
  REQUIRE(copies["copies"].size() == 3);
  for (const auto& copy : copies["copies"]) {
    if (copy["id"] == id) {
      CHECK(copy["requested"] == true);
    } else {
      CHECK(copy["similarity"].get<double>() < 1.0);
      CHECK(copy["similarity"].get<double>() >= 0.4);
    }
  }
  const auto text = run_command({kNsearch, "--db", corpus.db, "--copies", id}, {"NO_COLOR=1"});
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("3 copies of this story"));
  CHECK_THAT(text.out, Contains("differs ~"));

  const auto missing = run_command({kNsearch, "--db", corpus.db, "--copies", "no-such-id"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Contains("no-such-id"));
}

TEST_CASE("nsearch --facet-by counts copies or stories", "[story][e2e]") {
  const SyndicatedCorpus corpus;
  const json copies = corpus.search({"--facets", "lang"});
  CHECK(copies["facets"]["lang"][0]["count"] == 3);
  const json stories = corpus.search({"--facets", "lang", "--facet-by", "story"});
  CHECK(stories["facets"]["lang"][0]["count"] == 1);
  const auto bad = run_command({kNsearch, "--db", corpus.db, kQuery, "--facet-by", "outlet"});
  CHECK(bad.exit_code == 2);
}
