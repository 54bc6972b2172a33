// End-to-end tests of ranking through the nsearch CLI: --trec-run, --weighting, --bm25,
// --dfr-c and --title-weight, on the sample corpus.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::TempDir;
using Args = std::vector<std::string>;

namespace {

const std::string kNsearch = NSEARCH_BIN;

struct Corpus {
  TempDir tmp;
  fs::path db = tmp / "news.db";
  Corpus() {
    const CommandResult r =
        run_command({NINDEX_BIN, "--db", db.string(), "add", NSEARCH_CORPUS_DIR});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
  }
  CommandResult nsearch(Args args) const {
    args.insert(args.begin(), {kNsearch, "--db", db.string()});
    return run_command(args, {"NO_COLOR=1"});
  }
  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path path = tmp / name;
    std::ofstream(path) << text;
    return path;
  }
  nlohmann::json top(Args args) const {
    args.push_back("--json");
    const CommandResult r = nsearch(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out).at("hits").at(0);
  }
};

struct RunLine {
  std::string qid, q0, docid;
  int rank = 0;
  double score = 0;
  std::string tag;
};

std::vector<RunLine> parse_run(const std::string& text) {
  std::vector<RunLine> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    RunLine l;
    fields >> l.qid >> l.q0 >> l.docid >> l.rank >> l.score >> l.tag;
    REQUIRE(fields);
    std::string extra;
    CHECK_FALSE(fields >> extra);
    lines.push_back(l);
  }
  return lines;
}

}  // namespace

TEST_CASE("nsearch --trec-run prints a TREC run for raw topic text", "[e2e][ranking]") {
  Corpus corpus;
  const std::string seed_id =
      corpus.top({"Russian contractor"}).at("id").get<std::string>();  // the Mali seed story
  const fs::path queries =
      corpus.write("queries.tsv",
                   "101\tRUSSIAN MERCENARIES (WAGNER?) HIRED BY MALI'S GOVERNMENT .\r\n"
                   "\n"
                   "102\tCRUDE OIL OUTPUT: \"OPEC\" AND NOT prices OR\n");

  const CommandResult r = corpus.nsearch({"--trec-run", queries.string()});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto run = parse_run(r.out);
  REQUIRE_FALSE(run.empty());
  std::map<std::string, int> per_query;
  for (std::size_t i = 0; i < run.size(); ++i) {
    const auto& l = run[i];
    CHECK((l.qid == "101" || l.qid == "102"));
    CHECK(l.q0 == "Q0");
    CHECK(l.tag == "nsearch");
    CHECK(l.rank == ++per_query[l.qid]);  // 1, 2, 3... within each query
    if (i > 0 && run[i - 1].qid == l.qid) CHECK(run[i - 1].score >= l.score);
  }
  CHECK(run[0].qid == "101");
  CHECK(run[0].docid == seed_id);
  CHECK(per_query["102"] > 0);

  const auto limited = parse_run(
      corpus.nsearch({"--trec-run", queries.string(), "--limit", "2", "--run-tag", "x1"}).out);
  CHECK(limited.size() == 4);
  for (const auto& l : limited)
    CHECK(l.tag == "x1");

  // Pseudo-relevance feedback brings in articles that share the top hits' words.
  const auto expanded =
      parse_run(corpus.nsearch({"--trec-run", queries.string(), "--expand", "10"}).out);
  CHECK(expanded.size() > run.size());
  CHECK(expanded[0].docid == seed_id);

  const fs::path bad = corpus.write("bad.tsv", "1\tok\nmissing tab\n");
  const CommandResult failed = corpus.nsearch({"--trec-run", bad.string()});
  CHECK(failed.exit_code == 2);
  CHECK_THAT(failed.err, Contains("line 2"));
}

TEST_CASE("nsearch ranking options: --weighting, --bm25, --dfr-c, --title-weight",
          "[e2e][ranking]") {
  Corpus corpus;
  const auto dfr = corpus.top({"crude oil"});
  const auto explicit_dfr = corpus.top({"--weighting", "ineb2", "--dfr-c", "1", "crude oil"});
  CHECK(explicit_dfr.at("score").get<double>() == Approx(dfr.at("score").get<double>()));
  const auto okapi = corpus.top({"--weighting", "bm25", "crude oil"});
  const auto tuned = corpus.top({"--bm25", "0.9,0.4", "crude oil"});
  const auto wide_c = corpus.top({"--dfr-c", "7", "crude oil"});
  const auto no_title = corpus.top({"--title-weight", "0", "crude oil"});
  const double s = dfr.at("score").get<double>();
  CHECK(okapi.at("score").get<double>() != Approx(s));
  CHECK(tuned.at("score").get<double>() != Approx(okapi.at("score").get<double>()));
  CHECK(wide_c.at("score").get<double>() != Approx(s));
  CHECK(no_title.at("score").get<double>() < s);  // "crude oil" is in the top hit's title

  const CommandResult clash = corpus.nsearch({"--weighting", "ineb2", "--bm25", "1,0.5", "oil"});
  CHECK(clash.exit_code == 2);
  CHECK_THAT(clash.err, Contains("--bm25"));
  CHECK(corpus.nsearch({"--weighting", "tfidf", "oil"}).exit_code == 2);
  CHECK(corpus.nsearch({"--dfr-c", "0", "oil"}).exit_code == 2);
  const CommandResult bad_b = corpus.nsearch({"--bm25", "1.2,3", "oil"});
  CHECK(bad_b.exit_code == 2);
  CHECK_THAT(bad_b.err, Contains("b within 0..1"));
}
