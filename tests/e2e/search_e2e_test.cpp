// End-to-end tests of the search features through the nsearch binary on corpus/: the query
// language, recency, facets, snippets, "did you mean", paging and `nsearch bench`.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "months_back.hpp"
#include "run_command.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;
using nsearch::test::CommandResult;
using nsearch::test::run_command;
using nsearch::test::shell_quote;
using nsearch::test::TempDir;

namespace {

using Args = std::vector<std::string>;
using IdSet = std::set<std::string>;

// One database of the sample corpus for the whole file: these tests only read it.
class CorpusDb {
 public:
  CorpusDb() {
    const CommandResult r =
        run_command({NINDEX_BIN, "--db", path().string(), "add", std::string(NSEARCH_CORPUS_DIR)});
    if (r.exit_code != 0) throw std::runtime_error("nindex add failed: " + r.err);
  }
  fs::path path() const { return dir_ / "news.db"; }

 private:
  TempDir dir_;
};

const CorpusDb& corpus_db() {
  static const CorpusDb db;
  return db;
}

CommandResult run_nsearch(const Args& args, const fs::path& db = corpus_db().path()) {
  Args argv{NSEARCH_BIN, "--db", db.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, {"NO_COLOR=1"});
}

/// `nsearch ARGS --json --limit 1000`, which must succeed (exit 0 or 1).
json query(const Args& args) {
  Args all = args;
  all.insert(all.end(), {"--json", "--limit", "1000"});
  const CommandResult r = run_nsearch(all);
  INFO("nsearch " << args.front() << "\nstderr: " << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return json::parse(r.out);
}

IdSet ids(const Args& args) {
  const json j = query(args);
  IdSet out;
  for (const auto& hit : j.at("hits"))
    out.insert(hit.at("id").get<std::string>());
  return out;
}

std::vector<std::string> ranked_ids(const json& j) {
  std::vector<std::string> out;
  for (const auto& hit : j.at("hits"))
    out.push_back(hit.at("id").get<std::string>());
  return out;
}

std::map<std::string, std::size_t> facet_map(const json& j, const std::string& name) {
  std::map<std::string, std::size_t> out;
  for (const auto& v : j.at("facets").at(name))
    out[v.at("value").get<std::string>()] = v.at("count").get<std::size_t>();
  return out;
}

const IdSet kWireStories{"cw-2023-sanctions-shipping-firms", "cw-2023-banks-sanctioning-rules",
                         "cw-2023-dock-workers-walkout"};

}  // namespace

TEST_CASE("query language: NEAR, +/-, wildcards, phrases in title or body", "[e2e][query]") {
  CHECK(ids({"cranes NEAR/3 idle"}) == IdSet{"cw-2023-dock-workers-walkout"});
  CHECK(ids({"cranes NEAR/1 idle"}).empty());
  CHECK(ids({"cranes NEAR idle"}) == IdSet{"cw-2023-dock-workers-walkout"});
  CHECK(ids({"sanction*"}) == IdSet{"cw-2023-sanctions-shipping-firms",
                                    "cw-2023-banks-sanctioning-rules",
                                    "nl-2022-crude-oil-price-surge"});  // sanctions, -ed, -ing
  CHECK(ids({"sanctione*"}) == IdSet{"cw-2023-sanctions-shipping-firms"});
  const IdSet mercenaries = ids({"mercenaries"});
  REQUIRE(mercenaries.size() >= 3);
  const IdSet not_wagner = ids({"mercenaries -wagner"});
  CHECK(not_wagner.size() < mercenaries.size());
  CHECK(not_wagner.count("smp-2021-wagner-mercenaries-debate") == 0);
  CHECK(ids({"+mercenaries wagner"}) == mercenaries);                          // wagner only ranks
  CHECK(ids({"\"northern port\""}) == IdSet{"cw-2023-dock-workers-walkout"});  // title
  CHECK(ids({"\"night-shift pay\""}) == IdSet{"cw-2023-dock-workers-walkout"});  // body
}

TEST_CASE("query language: site:, date:, year:", "[e2e][query]") {
  CHECK(ids({"site:continentalwire.example"}) == kWireStories);  // www. and europe.
  CHECK(ids({"site:europe.continentalwire.example"}) ==
        IdSet{"cw-2023-banks-sanctioning-rules", "cw-2023-dock-workers-walkout"});
  CHECK(ids({"site:northernledger.example"}).size() == 7);  // all on news.northernledger
  CHECK(ids({"date:2023-03-24..2023-03-25"}) ==
        IdSet{"cw-2023-sanctions-shipping-firms", "cw-2023-banks-sanctioning-rules",
              "cw-2023-dock-workers-walkout", "smp-2023-football-qualifier-draw"});
  CHECK(ids({"sanctions date:2023-03"}) ==
        IdSet{"cw-2023-sanctions-shipping-firms", "cw-2023-banks-sanctioning-rules"});
  const json year = query({"year:2021"});
  REQUIRE(year.at("total") > 0);
  for (const auto& hit : year.at("hits"))
    CHECK(hit.at("date").get<std::string>().starts_with("2021"));
  CHECK(year.at("total") ==
        query({"lang:en OR lang:fr OR lang:de", "--since", "2021", "--until", "2021"}).at("total"));
}

TEST_CASE("query language: a dangling operator or a bad date: is searched as plain words",
          "[e2e][query]") {
  const json dangling = query({"crude oil AND"});
  CHECK(dangling.at("query_fallback") == true);
  CHECK_THAT(dangling.at("fallback_reason").get<std::string>(), Contains("AND"));
  CHECK(ids({"crude oil AND"}) == ids({"crude oil"}));
  const json bad_date = query({"oil date:2021-13"});
  CHECK(bad_date.at("query_fallback") == true);
  CHECK_THAT(bad_date.at("fallback_reason").get<std::string>(), Contains("2021-13"));
  CHECK_FALSE(ids({"oil date:2021-13"}).empty());
  const CommandResult explained = run_nsearch({"crude oil AND", "--explain"});
  CHECK(explained.exit_code == 0);
  CHECK_THAT(explained.out, Contains("searched as plain words"));
  CHECK(query({"crude oil"}).at("query_fallback") == false);
}

TEST_CASE("query language: a wildcard past the expansion limit is a clear error", "[e2e]") {
  TempDir tmp;
  std::ofstream(tmp / "many.jsonl") << [] {
    std::string body;
    for (int i = 0; i < 1200; ++i)
      body += "zq" + std::to_string(i) + "w ";
    return json{{"id", "many"}, {"title", "Many words"}, {"lang", "en"}, {"body", body}}.dump() +
           "\n";
  }();
  REQUIRE(
      run_command({NINDEX_BIN, "--db", (tmp / "db").string(), "add", (tmp / "many.jsonl").string()})
          .exit_code == 0);
  const CommandResult wide = run_nsearch({"zq*"}, tmp / "db");
  CHECK(wide.exit_code == 2);
  CHECK_THAT(wide.err, Contains("zq*") && Contains("1000"));
  CHECK(run_nsearch({"zq11*"}, tmp / "db").exit_code == 0);
}

TEST_CASE("recency lifts newer articles and --sort date is newest first", "[e2e][dates]") {
  const json plain = query({"mercenaries"});
  const json recent = query({"mercenaries", "--recency", "1y"});
  CHECK(plain.at("total") == recent.at("total"));  // the same matches, ranked differently
  const auto by_recency = ranked_ids(recent);
  REQUIRE_FALSE(by_recency.empty());
  CHECK(by_recency.front() == "smp-2024-mercenaries-abuses-report");  // the newest match
  CHECK(ranked_ids(plain) != by_recency);
  CHECK(run_nsearch({"oil", "--recency", "soon"}).exit_code == 2);

  std::vector<std::string> dates;
  const json by_date = query({"lang:en", "--sort", "date"});
  for (const auto& hit : by_date.at("hits")) {
    if (hit.at("date").is_string()) dates.push_back(hit.at("date").get<std::string>());
  }
  REQUIRE(dates.size() > 10);
  CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
}

TEST_CASE("relative dates in days, weeks, months and years for --since and --until",
          "[e2e][dates]") {
  const nsearch::test::MonthsBack back = nsearch::test::months_back_to_january_2022();
  const IdSet since_months = ids({"lang:en OR lang:fr OR lang:de", "--since", back.relative});
  CHECK(since_months == ids({"lang:en OR lang:fr OR lang:de", "--since", back.absolute}));
  CHECK(since_months.count("nl-2022-crude-oil-price-surge") == 1);
  CHECK(since_months.count("smp-2021-wagner-mercenaries-debate") == 0);
  CHECK(since_months.size() < ids({"lang:en OR lang:fr OR lang:de"}).size());
  // Whole years back: the same day of the month, that many years ago.
  const std::chrono::year_month_day today = nsearch::test::today_utc();
  const int years_back = static_cast<int>(today.year()) - 2022;
  char same_day_2022[16];
  std::snprintf(same_day_2022, sizeof same_day_2022, "2022-%02u-%02u",
                static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
  CHECK(ids({"lang:en OR lang:fr OR lang:de", "--until", std::to_string(years_back) + "y"}) ==
        ids({"lang:en OR lang:fr OR lang:de", "--until", same_day_2022}));
  CHECK(ids({"lang:en OR lang:fr OR lang:de", "--since", "1w"}).empty());  // nothing this new
  CHECK(run_nsearch({"oil", "--since", "3q"}).exit_code == 2);
}

TEST_CASE("facets: host, author, day histogram, --facet-limit, text output", "[e2e][facets]") {
  const json j = query({"site:continentalwire.example OR site:sahelmorningpost.example", "--facets",
                        "host,author,day,outlet"});
  CHECK(facet_map(j, "host") ==
        std::map<std::string, std::size_t>{{"continentalwire.example", 1},
                                           {"europe.continentalwire.example", 2},
                                           {"sahelmorningpost.example", 7}});
  const auto authors = facet_map(j, "author");
  CHECK(authors.at("Lena Park") == 3);  // "Lena Park, Omar Haddad", "... and Lena Park", "By ..."
  CHECK(authors.at("Omar Haddad") == 2);
  CHECK(authors.at("Aminata Diallo") == 2);
  CHECK(j.at("facets").at("author")[0].at("value") == "Lena Park");  // by count
  const auto& day = j.at("facets").at("day");
  std::vector<std::string> days;
  for (const auto& d : day)
    days.push_back(d.at("value").get<std::string>());
  CHECK(std::is_sorted(days.begin(), days.end()));  // by date
  CHECK(facet_map(j, "day").at("2023-03-24") == 3);

  const json limited = query({"site:continentalwire.example OR site:sahelmorningpost.example",
                              "--facets", "day", "--facet-limit", "1"});
  CHECK(facet_map(limited, "day") == std::map<std::string, std::size_t>{{"2023-03-24", 3}});

  const CommandResult text =
      run_nsearch({"site:continentalwire.example", "--facets", "author,host", "--limit", "1"});
  CHECK(text.exit_code == 0);
  const auto hit_at = text.out.find("1. ");
  const auto facets_at = text.out.find("author (articles):");
  CHECK(hit_at != std::string::npos);
  CHECK(facets_at > hit_at);  // under the hits
  CHECK_THAT(text.out.substr(facets_at), Contains("Lena Park (3)") && Contains("host (articles):"));
}

TEST_CASE("snippets: best passage, stems marked, HTML-escaped, bold on a terminal", "[e2e]") {
  const json j = query({"sanctioned"});
  REQUIRE(j.at("hits").size() >= 1);
  const auto& hit = j.at("hits")[0];
  CHECK(hit.at("id") == "cw-2023-sanctions-shipping-firms");
  const std::string html = hit.at("snippet_html");
  CHECK_THAT(html, Contains("<mark>sanctioned</mark>") && Contains("<mark>sanctions</mark>"));

  // The passage with the query's words, deep in the article, not its first sentence; every
  // word of the query marked in it.
  const json deep = query({"physiotherapist shore title"});
  REQUIRE(deep.at("hits").size() == 1);
  const std::string deep_html = deep.at("hits")[0].at("snippet_html");
  CHECK_THAT(deep_html, Contains("<mark>physiotherapist</mark>") &&
                            Contains("<mark>Shore</mark>") && Contains("<mark>title</mark>"));
  CHECK_THAT(deep_html, !Contains("9,000 runners"));  // the opening lines
  // Quotes of the article escaped in the HTML form, as they are in the plain one.
  const json quoted = query({"women's race"});
  REQUIRE_FALSE(quoted.at("hits").empty());
  // A text file's id is its name and a hash of its path.
  REQUIRE(quoted.at("hits")[0].at("id").get<std::string>().starts_with("harbour-marathon-"));
  CHECK_THAT(quoted.at("hits")[0].at("snippet_html").get<std::string>(),
             Contains("&quot;I trained on these streets") && Contains("women&#39;s</mark>"));
  CHECK_THAT(quoted.at("hits")[0].at("snippet").get<std::string>(),
             Contains("\"I trained on these streets") && Contains("women's race"));

  if (run_command({"sh", "-c", "command -v script"}).exit_code != 0) {
    WARN("script(1) not found: terminal check skipped");
    return;
  }
  const std::string cmd = shell_quote(NSEARCH_BIN) + " --db " +
                          shell_quote(corpus_db().path().string()) + " sanctioned";
  const CommandResult tty = run_command({"script", "-qec", "env -u NO_COLOR " + cmd, "/dev/null"});
  CHECK_THAT(tty.out, Contains("\x1b[1msanctioned\x1b[0m"));
}

TEST_CASE("did you mean: a suggestion from the index's words when few or none match", "[e2e]") {
  const CommandResult r = run_nsearch({"mercinaries"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Contains("did you mean: mercenaries"));
  CHECK(query({"mercinaries"}).at("suggestion") == "mercenaries");
  CHECK(query({"Wagnr AND mercinaries"}).at("suggestion") == "wagner AND mercenaries");
  CHECK(query({"mercenaries"}).at("suggestion").is_null());
  CHECK(query({"zzzqxv"}).at("suggestion").is_null());
}

TEST_CASE("more like this excludes the article and paging is stable", "[e2e]") {
  const json like = query({"--like", "cw-2023-sanctions-shipping-firms"});
  REQUIRE_FALSE(like.at("hits").empty());
  for (const auto& hit : like.at("hits"))
    CHECK(hit.at("id") != "cw-2023-sanctions-shipping-firms");
  for (const std::string sort : {"relevance", "date"}) {
    INFO("--sort " << sort);
    const auto whole = ranked_ids(query({"lang:en OR lang:fr", "--sort", sort}));
    REQUIRE(whole.size() > 20);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < whole.size(); offset += 7) {
      const CommandResult r = run_nsearch({"lang:en OR lang:fr", "--sort", sort, "--offset",
                                           std::to_string(offset), "--limit", "7", "--json"});
      for (const auto& id : ranked_ids(json::parse(r.out)))
        paged.push_back(id);
    }
    CHECK(paged == whole);
  }
  const CommandResult counts_only_run =
      run_nsearch({"oil", "--limit", "0", "--facets", "outlet", "--json"});
  const json counts_only = json::parse(counts_only_run.out);
  CHECK(counts_only.at("hits").empty());
  CHECK(counts_only.at("total") == 5);
  CHECK(facet_map(counts_only, "outlet") ==
        facet_map(query({"oil", "--facets", "outlet"}), "outlet"));
  CHECK(facet_map(counts_only, "outlet").size() == 3);
}

TEST_CASE("sorting by relevance ranks by score, as the default order does", "[e2e]") {
  const json ranked = query({"harbour", "--sort", "relevance"});
  REQUIRE(ranked.at("hits").size() >= 5);
  std::vector<double> scores;
  for (const auto& hit : ranked.at("hits"))
    scores.push_back(hit.at("score").get<double>());
  CHECK(std::is_sorted(scores.rbegin(), scores.rend()));
  CHECK(scores.front() > scores.back());
  CHECK(ranked_ids(ranked) == ranked_ids(query({"harbour"})));
  CHECK(ranked_ids(ranked) != ranked_ids(query({"harbour", "--sort", "date"})));
}

TEST_CASE("nsearch bench: percentiles per query kind, as JSON", "[e2e][bench]") {
  TempDir tmp;
  std::ofstream(tmp / "q.tsv") << "oil\ncrude oil\noil OR gas\n\"crude oil\"\nfaceted\toil\n"
                                  "date\tmercenaries\n";
  const CommandResult r = run_command({NSEARCH_BIN, "bench", (tmp / "q.tsv").string(), "--db",
                                       corpus_db().path().string(), "--passes", "3", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  CHECK(j.at("overall").at("queries") == 6);
  CHECK(j.at("overall").at("runs") == 18);
  for (const std::string kind : {"term", "and", "or", "phrase", "faceted", "date"}) {
    INFO(kind);
    const json& k = j.at("kinds").at(kind);
    CHECK(k.at("p50_ms").get<double>() > 0);
    CHECK(k.at("p50_ms").get<double>() <= k.at("p99_ms").get<double>());
  }
  std::ofstream(tmp / "bad.tsv") << "oil\nfuzzy\toil\n";
  const CommandResult bad = run_command(
      {NSEARCH_BIN, "bench", (tmp / "bad.tsv").string(), "--db", corpus_db().path().string()});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Contains("bad.tsv:2"));
}
