// Sharded databases through the library API: Indexer with shards, compact_database, and Searcher
// over a stub of local shards and of shards served remotely by `nindex serve-shard`.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>
#include <catch2/catch.hpp>

#include "database_contents.hpp"
#include "nsearch/database_maintenance.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"
#include "nsearch/shard_stub.hpp"
#include "same_ranking.hpp"
#include "shard_server.hpp"
#include "temp_dir.hpp"

using namespace nsearch;
using nsearch::test::contents;
using nsearch::test::ShardServer;
using nsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = NSEARCH_CORPUS_DIR;
const fs::path kSyndication = fs::path(NSEARCH_SOURCE_DIR) / "tests" / "data" / "syndication";
const std::vector<fs::path> kInputs{kCorpus, kSyndication};

IndexOptions options_for(const fs::path& db, std::size_t shards = 0) {
  IndexOptions options;
  options.db_path = db;
  options.shards = shards;
  options.jobs = 2;
  return options;
}

void fail_on_warning(const Diagnostic& d) {
  FAIL(d.location << ": " << d.message);
}

IndexReport index_single(const fs::path& db) {
  Indexer indexer(options_for(db), fail_on_warning);
  indexer.add(kInputs);
  indexer.commit();
  return indexer.report();
}

IndexReport index_sharded(const fs::path& db, std::size_t shards,
                          const std::vector<fs::path>& inputs = kInputs) {
  Indexer indexer(options_for(db, shards), fail_on_warning);
  indexer.add(inputs);
  indexer.commit();
  return indexer.report();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

SearchRequest request_for(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.facets = {"outlet", "host", "author", "category", "lang", "year", "month", "day"};
  request.facet_limit = 0;
  return request;
}

// Searches a user would run: words, phrases, filters, facets, collapse, paging, sorting.
std::vector<SearchRequest> requests() {
  std::vector<SearchRequest> all;
  for (const char* q :
       {"oil", "crude oil", "Russian mercenaries Mali", "\"crude oil\"", "opec OR output",
        "title:mercenaries", "wahl", "fleuve", "council budget", "lang:fr"}) {
    all.push_back(request_for(q));
  }
  SearchRequest paged = request_for("the OR oil OR mali OR opec");
  paged.default_operator = DefaultOperator::any;
  paged.offset = 3;
  paged.limit = 5;
  all.push_back(paged);
  SearchRequest uncollapsed = request_for("mercenaries");
  uncollapsed.collapse = false;
  all.push_back(uncollapsed);
  SearchRequest first_seen = request_for("mercenaries");
  first_seen.first_seen = true;
  all.push_back(first_seen);
  SearchRequest by_date = request_for("oil OR mali");
  by_date.sort = SortOrder::date;
  all.push_back(by_date);
  SearchRequest bm25 = request_for("crude oil output");
  bm25.weighting = Weighting::bm25;
  bm25.default_operator = DefaultOperator::any;
  all.push_back(bm25);
  SearchRequest free_text = request_for("What did OPEC decide about crude output?");
  free_text.free_text = true;
  all.push_back(free_text);
  SearchRequest filtered = request_for("oil");
  filtered.langs = {"en"};
  filtered.since = "2019";
  all.push_back(filtered);
  all.push_back(request_for("mercenries"));  // did you mean
  SearchRequest expanded = request_for("opec");
  expanded.expand_terms = 5;
  all.push_back(expanded);
  return all;
}

// A collapsed hit stands for its story (copies with equal scores may be shown either way).
test::Ranking ranking(const SearchResult& result, SortOrder sort) {
  test::Ranking r;
  for (const Hit& hit : result.hits) {
    r.emplace_back(result.collapsed && !hit.story.empty() ? hit.story : hit.id,
                   sort == SortOrder::date ? test::date_score(hit.date) : hit.score);
  }
  return r;
}

// How a snippet compares. Xapian 1.4 picks the passage by the query terms' weights, which only
// local shards report to the MSet (RemoteSubMatch sets no term's max part): with a remote
// shard, the passage can differ where several match about equally (seen with corpus/ at some
// checkout paths, whose hashes shape the text files' ids), while each hit still marks the same
// query words.
enum class Passage { same, same_words };

// The distinct words a snippet marks, lower-cased.
std::set<std::string> marked_words(const Hit& hit) {
  std::set<std::string> words;
  for (const auto& [first, last] : hit.highlights) {
    std::string word = hit.snippet.substr(first, last - first);
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    words.insert(word);
  }
  return words;
}

// The two results are the same answer (see check_same_ranking for hits with equal scores).
void check_same_result(const SearchResult& expected, const SearchResult& actual,
                       SortOrder sort = SortOrder::relevance, Passage passage = Passage::same) {
  CHECK(actual.total == expected.total);
  CHECK(actual.total_exact == expected.total_exact);
  CHECK(actual.articles == expected.articles);
  CHECK(actual.articles_exact == expected.articles_exact);
  CHECK(actual.collapsed == expected.collapsed);
  CHECK(actual.suggestion == expected.suggestion);
  test::check_same_ranking(ranking(expected, sort), ranking(actual, sort));
  REQUIRE(actual.facets.size() == expected.facets.size());
  for (std::size_t f = 0; f < expected.facets.size(); ++f) {
    INFO("facet " << expected.facets[f].name);
    REQUIRE(actual.facets[f].values.size() == expected.facets[f].values.size());
    for (std::size_t v = 0; v < expected.facets[f].values.size(); ++v) {
      CHECK(actual.facets[f].values[v].value == expected.facets[f].values[v].value);
      CHECK(actual.facets[f].values[v].count == expected.facets[f].values[v].count);
    }
  }
  // What is shown of each hit: snippet, highlights, story and its copies.
  for (const Hit& want : expected.hits) {
    for (const Hit& got : actual.hits) {
      if (got.id != want.id) continue;
      INFO("hit " << want.id);
      if (passage == Passage::same) {
        CHECK(got.snippet == want.snippet);
        CHECK(got.highlights == want.highlights);
      } else {
        CHECK_FALSE(got.snippet.empty());
        CHECK(marked_words(got) == marked_words(want));
      }
      CHECK(got.story == want.story);
      CHECK(got.copies == want.copies);
      CHECK(got.also_in == want.also_in);
      CHECK(got.title == want.title);
    }
  }
}

void check_same_answers(Searcher& expected, Searcher& actual, Passage passage = Passage::same) {
  for (const SearchRequest& request : requests()) {
    INFO("query \"" << request.query << "\" offset " << request.offset);
    check_same_result(expected.search(request), actual.search(request), request.sort, passage);
  }
  const DatabaseStats want = expected.stats();
  const DatabaseStats got = actual.stats();
  CHECK(got.documents == want.documents);
  CHECK(got.date_min == want.date_min);
  CHECK(got.date_max == want.date_max);
  CHECK(got.languages.size() == want.languages.size());
  const Suggestions suggested = actual.suggest("russian mercenries", 5);
  CHECK(suggested.correction == expected.suggest("russian mercenries", 5).correction);
  CHECK(suggested.correction == "russian mercenaries");
  SearchRequest story = request_for("Russian mercenaries Mali");
  story.collapse = false;
  const std::string copied = expected.search(story).hits.at(0).id;
  CHECK(actual.copies(copied).copies.size() == expected.copies(copied).copies.size());
  CHECK(actual.article(copied).body == expected.article(copied).body);
}

// Which shard holds each id, by the shards' own Q terms.
void check_routing(const std::vector<fs::path>& shard_paths) {
  for (std::size_t i = 0; i < shard_paths.size(); ++i) {
    Xapian::Database shard(shard_paths[i].string());
    CHECK(shard.get_doccount() > 0);
    const std::string prefix(schema::kIdPrefix);
    for (auto t = shard.allterms_begin(prefix); t != shard.allterms_end(prefix); ++t) {
      CHECK(shard_of((*t).substr(prefix.size()), shard_paths.size()) == i);
    }
  }
}

}  // namespace

TEST_CASE("shards: the same documents as one database, each in the shard its id routes to",
          "[shards]") {
  TempDir tmp;
  const IndexReport single = index_single(tmp / "single.db");
  const IndexReport sharded = index_sharded(tmp / "sharded.db", 2);
  CHECK(sharded.added == single.added);
  CHECK(sharded.added > 20);
  CHECK(read_file(tmp / "sharded.db" / "XAPIANDB") == "auto shard-0\nauto shard-1\n");
  CHECK(contents(tmp / "sharded.db") == contents(tmp / "single.db"));
  check_routing({tmp / "sharded.db" / "shard-0", tmp / "sharded.db" / "shard-1"});

  SECTION("searching the shards gives the answers of one database") {
    Searcher one(tmp / "single.db");
    Searcher shards(tmp / "sharded.db");
    check_same_answers(one, shards);
    // Story facets run our own match spy, which works on local shards.
    SearchRequest by_story = request_for("mercenaries");
    by_story.facet_by = FacetUnit::story;
    check_same_result(one.search(by_story), shards.search(by_story));
  }
  SECTION("a stub file elsewhere may name the shards") {
    std::ofstream(tmp / "news.stub")
        << "# two shards\n"
        << "auto " << (tmp / "sharded.db" / "shard-0").string() << "\nauto sharded.db/shard-1\n";
    CHECK(contents(tmp / "news.stub") == contents(tmp / "single.db"));
    const IndexReport again = index_sharded(tmp / "news.stub", 0);
    CHECK(again.unchanged == single.added);
  }
}

TEST_CASE("shards: re-adding updates in place, remove finds the shard, compact rewrites the stub",
          "[shards]") {
  TempDir tmp;
  const fs::path db = tmp / "news.db";
  const IndexReport first = index_sharded(db, 3);
  const IndexReport again = index_sharded(db, 0);
  CHECK(again.added == 0);
  CHECK(again.replaced == 0);
  CHECK(again.unchanged == first.added);
  const auto before = contents(db);

  const std::string id = "hg-2019-opec-output-cut";
  {
    Indexer indexer(options_for(db, 3), fail_on_warning);
    indexer.add_article({.id = id,
                         .title = "OPEC agrees a smaller cut",
                         .outlet = "The Harbour Gazette",
                         .date = "2019-03-15",
                         .lang = "en",
                         .body = "Oil ministers revised the agreement."});
    CHECK(indexer.report().replaced == 1);
    const std::vector<std::string> gone{"rr-2019-rohoel-opec-kuerzung", "no-such-article"};
    CHECK(indexer.remove(gone) == 1);
  }
  Xapian::Database all(db.string());
  CHECK(all.get_doccount() == first.added - 1);
  CHECK_FALSE(all.term_exists(schema::id_term("rr-2019-rohoel-opec-kuerzung")));
  const fs::path home = db / ("shard-" + std::to_string(shard_of(id, 3)));
  Xapian::Database shard(home.string());
  CHECK(shard.get_termfreq(schema::id_term(id)) == 1);
  CHECK(Searcher(db).article(id).title == "OPEC agrees a smaller cut");
  const auto edited = contents(db);

  SECTION("compacting each shard keeps three shards and every document") {
    Searcher open_before(db);
    const CompactReport report = compact_database(db, /*merge=*/false);
    CHECK(report.shards_before == 3);
    CHECK(report.shards_after == 3);
    CHECK(read_file(db / "XAPIANDB") == "auto shard-0.c1\nauto shard-1.c1\nauto shard-2.c1\n");
    CHECK_FALSE(fs::exists(db / "shard-0"));
    CHECK(contents(db) == edited);
    // A searcher opened before sees the new shards on refresh.
    open_before.refresh();
    CHECK(open_before.stats().documents == first.added - 1);
    // Routing is unchanged: an update still lands where the article is.
    CHECK(index_sharded(db, 3).replaced == 1);
    CHECK(contents(db) == before);
  }
  SECTION("merging gives one shard, to which indexing continues") {
    const CompactReport report = compact_database(db, /*merge=*/true);
    CHECK(report.shards_after == 1);
    CHECK(report.documents == first.added - 1);
    CHECK(read_file(db / "XAPIANDB") == "auto shard-0.c1\n");
    CHECK(contents(db) == edited);
    CHECK(index_sharded(db, 0).replaced == 1);
    CHECK(contents(db) == before);
  }
  SECTION("a plain database is compacted in place") {
    const fs::path plain = tmp / "plain.db";
    index_single(plain);
    const auto plain_before = contents(plain);
    CHECK(compact_database(plain, false).documents == plain_before.size());
    CHECK(contents(plain) == plain_before);
    CHECK_FALSE(fs::exists(tmp / "plain.db.old"));
  }
}

TEST_CASE("shards: what cannot be written is refused clearly", "[shards]") {
  TempDir tmp;
  index_single(tmp / "plain.db");
  auto error_of = [](auto&& f) -> std::string {
    try {
      f();
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK_THAT(error_of([&] { index_sharded(tmp / "plain.db", 2); }),
             Catch::Contains("is a single database"));
  index_sharded(tmp / "two.db", 2, {kCorpus / "text"});
  CHECK_THAT(error_of([&] { index_sharded(tmp / "two.db", 3); }),
             Catch::Contains("has 2 shards, not 3"));
  std::ofstream(tmp / "remote.stub") << "remote 127.0.0.1:1\n";
  CHECK_THAT(error_of([&] { index_sharded(tmp / "remote.stub", 0); }),
             Catch::Contains("remote shard"));
  std::ofstream(tmp / "no-port.stub") << "# comment\r\n\r\nremote somehost\r\n";
  CHECK_THAT(error_of([&] { read_stub(tmp / "no-port.stub"); }),
             Catch::Contains("no-port.stub:3: a remote shard is HOST:PORT"));
  std::ofstream(tmp / "empty.stub") << "# nothing\n";
  CHECK_THAT(error_of([&] { read_stub(tmp / "empty.stub"); }), Catch::Contains("lists no shard"));
  std::ofstream(tmp / "crlf.stub") << "auto two.db/shard-0\r\nremote :ssh h xapian-progsrv /s\r\n";
  const ShardStub crlf = read_stub(tmp / "crlf.stub");
  REQUIRE(crlf.shards.size() == 2);
  CHECK(crlf.shards[0].path == tmp / "two.db/shard-0");
  CHECK(crlf.shards[1].remote);
  CHECK(crlf.shards[1].location == ":ssh h xapian-progsrv /s");
  std::ofstream(tmp / "bad.stub") << "auto two.db/shard-0\nsideways x\n";
  CHECK_THAT(error_of([&] { Searcher searcher(tmp / "bad.stub"); }),
             Catch::Contains("bad.stub:2: unknown shard type \"sideways\""));
  {
    Indexer holder(options_for(tmp / "two.db", 2), nullptr);
    CHECK_THAT(error_of([&] { Indexer second(options_for(tmp / "two.db", 2), nullptr); }),
               Catch::Contains("locked"));
  }
}

TEST_CASE("shards: remote shards give the answers of one database", "[shards][remote]") {
  TempDir tmp;
  index_single(tmp / "single.db");
  index_sharded(tmp / "sharded.db", 2);
  ShardServer server0(NINDEX_BIN, tmp / "sharded.db" / "shard-0");
  ShardServer server1(NINDEX_BIN, tmp / "sharded.db" / "shard-1");
  std::ofstream(tmp / "remote.stub") << server0.stub_line() << "\n" << server1.stub_line() << "\n";
  std::ofstream(tmp / "mixed.stub") << "auto sharded.db/shard-0\n" << server1.stub_line() << "\n";

  Searcher one(tmp / "single.db");
  for (const char* stub : {"remote.stub", "mixed.stub"}) {
    INFO(stub);
    Searcher remote(tmp / stub);
    check_same_answers(one, remote, Passage::same_words);
    SearchRequest by_story = request_for("mercenaries");
    by_story.facet_by = FacetUnit::story;
    CHECK_THROWS_WITH(remote.search(by_story), Catch::Contains("not available"));
  }
  CHECK(server0.stop());
  CHECK(server1.stop());
}

TEST_CASE("shards: searches keep working while an indexer commits, locally and remotely",
          "[shards][remote]") {
  TempDir tmp;
  const fs::path db = tmp / "live.db";
  index_sharded(db, 2, {kCorpus / "text"});
  ShardServer server0(NINDEX_BIN, db / "shard-0");
  ShardServer server1(NINDEX_BIN, db / "shard-1");
  std::ofstream(tmp / "remote.stub") << server0.stub_line() << "\n" << server1.stub_line() << "\n";

  std::atomic<bool> done{false};
  std::string writer_error;
  std::thread writer([&] {
    try {
      Indexer indexer(options_for(db), nullptr);
      for (int i = 0; i < 300; ++i) {
        indexer.add_article({.id = "live-" + std::to_string(i),
                             .title = "Harbour report " + std::to_string(i),
                             .lang = "en",
                             .body = "Cranes and ships counted at berth " + std::to_string(i)});
        if (i % 50 == 49) indexer.commit();
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
    done = true;
  });
  Searcher local(db);
  Searcher remote(tmp / "remote.stub");
  std::size_t searches = 0;
  std::size_t last_local = 0;
  std::size_t last_remote = 0;
  std::string search_error;
  SearchRequest request = request_for("harbour");
  request.collapse = false;
  try {
    while (!done || searches < 4) {
      local.refresh();
      remote.refresh();
      const SearchResult l = local.search(request);
      const SearchResult r = remote.search(request);
      CHECK(l.total >= last_local);
      CHECK(r.total >= last_remote);
      last_local = l.total;
      last_remote = r.total;
      ++searches;
    }
  } catch (const std::exception& e) {
    search_error = e.what();
  }
  writer.join();
  CHECK(writer_error == "");
  CHECK(search_error == "");
  local.refresh();
  remote.refresh();
  CHECK(local.search(request).total == remote.search(request).total);
  CHECK(remote.search(request).total >= 300);
}

TEST_CASE("shards: routing is FNV-1a of the id, stable across versions", "[shards]") {
  // Articles already in shards are found by this function: it must never change. Published
  // FNV-1a 64 test vectors (the modulus leaves them whole).
  const std::size_t whole = std::numeric_limits<std::size_t>::max();
  CHECK(shard_of("a", whole) == 0xaf63dc4c8601ec8cULL);
  CHECK(shard_of("foobar", whole) == 0x85944171f73967e8ULL);
  CHECK(shard_of("reuters21578-1", whole) == 0x8b688da354b65218ULL);
  CHECK(shard_of("reuters21578-1", 3) == 0x8b688da354b65218ULL % 3);
  CHECK(shard_of("anything", 1) == 0);
}
