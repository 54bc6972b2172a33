// Near-duplicate lookup in the database (story band terms): copies are found across runs,
// across commits within a run and within the batch not committed yet, in place and in a bulk
// load; a database indexed before band terms existed is given them and keeps clustering.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>
#include <catch2/catch.hpp>

#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using nsearch::test::TempDir;

namespace {

// A body of `words` pseudo-random words (a fixed LCG per `seed`): two seeds share few 4-grams.
std::string body_of(std::uint32_t seed, int words = 120) {
  static const std::vector<std::string> kVocabulary = {
      "minister", "harbour", "council", "river",  "budget",  "storm",  "election", "market",
      "village",  "court",   "school",  "bridge", "factory", "strike", "festival", "border",
      "airport",  "museum",  "harvest", "union",  "railway", "mayor",  "hospital", "plant",
      "league",   "bank",    "coast",   "forest", "police",  "tariff", "senate",   "port"};
  std::uint64_t state = seed * 2654435761u + 1;
  std::string body;
  for (int i = 0; i < words; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    body += kVocabulary[(state >> 33) % kVocabulary.size()];
    body += i % 12 == 11 ? ". " : " ";
  }
  return body;
}

// A syndicated copy: a new headline elsewhere, a line added, the last sentence dropped.
std::string copy_of(const std::string& body) {
  return "LONDON (Wire) - " + body.substr(0, body.rfind(". ", body.size() - 3) + 1);
}

struct Record {
  std::string id;
  std::string body;
};

void write_jsonl(const fs::path& path, const std::vector<Record>& records) {
  std::ofstream out(path);
  for (const Record& r : records) {
    out << R"({"id": ")" << r.id << R"(", "url": "https://example.org/)" << r.id
        << R"(", "title": "Story )" << r.id << R"(", "outlet": "Example", "lang": "en", "body": ")"
        << r.body << "\"}\n";
  }
}

// `originals` distinct articles; after each `gap` of them, a copy of the article `gap` back:
// with a gap beyond a commit batch the copy's original is found on disk, with a small gap in
// the batch not committed yet. Returns copy id -> original id.
std::map<std::string, std::string> make_corpus(const fs::path& path, int originals, int gap) {
  std::vector<Record> records;
  std::map<std::string, std::string> copies;
  for (int i = 0; i < originals; ++i) {
    records.push_back({"a" + std::to_string(i), body_of(static_cast<std::uint32_t>(i))});
    if (i >= gap && i % gap == 0) {
      const int of = i - gap;
      const std::string id = "copy-of-a" + std::to_string(of);
      records.push_back({id, copy_of(body_of(static_cast<std::uint32_t>(of)))});
      copies[id] = "a" + std::to_string(of);
    }
  }
  write_jsonl(path, records);
  return copies;
}

void index(const fs::path& db, const std::vector<fs::path>& files, unsigned jobs,
           std::size_t memory_mb = 256) {
  nsearch::IndexOptions options;
  options.db_path = db;
  options.jobs = jobs;
  options.memory_mb = memory_mb;
  nsearch::Indexer indexer(
      options, [](const nsearch::Diagnostic& d) { FAIL(d.location << ": " << d.message); });
  indexer.add(files);
}

std::string story_of(const Xapian::Database& db, const std::string& id) {
  const std::string term = nsearch::schema::id_term(id);
  const auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return "(no document " + id + ")";
  return db.get_document(*it).get_value(nsearch::schema::kStorySlot);
}

// Every copy is in its original's story; every original is a story of its own.
void check_stories(const fs::path& db_path, const std::map<std::string, std::string>& copies,
                   int originals) {
  const Xapian::Database db(db_path.string());
  REQUIRE(db.get_doccount() == static_cast<Xapian::doccount>(originals) + copies.size());
  for (const auto& [copy, original] : copies)
    CHECK(story_of(db, copy) == original);
  std::size_t own = 0;
  for (int i = 0; i < originals; ++i) {
    const std::string id = "a" + std::to_string(i);
    own += story_of(db, id) == id ? 1 : 0;
  }
  CHECK(own == static_cast<std::size_t>(originals));
}

std::size_t band_terms(const Xapian::Database& db) {
  const std::string prefix(nsearch::schema::kStoryBandPrefix);
  std::size_t n = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    ++n;
  return n;
}

}  // namespace

TEST_CASE("copies are found in the batch not committed yet and in earlier batches",
          "[story][scale]") {
  TempDir dir;
  // 2,600 articles: beyond a bulk load's lookup batch (2,048) and many in-place commits.
  const int originals = 2600;
  const fs::path near = dir / "near.jsonl";
  const fs::path far = dir / "far.jsonl";
  const auto near_copies = make_corpus(near, originals, 7);
  const auto far_copies = make_corpus(far, originals, 2300);
  REQUIRE(far_copies.size() == 1);
  for (const unsigned jobs : {1u, 2u}) {
    DYNAMIC_SECTION("jobs " << jobs) {
      // A small --memory commits in place every few dozen articles.
      index(dir / ("near" + std::to_string(jobs)), {near}, jobs, /*memory_mb=*/1);
      check_stories(dir / ("near" + std::to_string(jobs)), near_copies, originals);
      index(dir / ("far" + std::to_string(jobs)), {far}, jobs);
      check_stories(dir / ("far" + std::to_string(jobs)), far_copies, originals);
    }
  }
}

TEST_CASE("a copy indexed by a later run joins the story found on disk", "[story]") {
  TempDir dir;
  const fs::path first = dir / "first.jsonl";
  const fs::path second = dir / "second.jsonl";
  write_jsonl(first, {{"a", body_of(1)}, {"b", body_of(2)}});
  write_jsonl(second, {{"c", copy_of(body_of(2))}, {"d", body_of(3)}, {"e", copy_of(body_of(1))}});
  for (const unsigned jobs : {1u, 2u}) {
    DYNAMIC_SECTION("jobs " << jobs) {
      const fs::path db = dir / ("db" + std::to_string(jobs));
      index(db, {first}, jobs);
      index(db, {second}, jobs);
      const Xapian::Database written(db.string());
      CHECK(written.get_doccount() == 5);
      CHECK(story_of(written, "c") == "b");
      CHECK(story_of(written, "e") == "a");
      CHECK(story_of(written, "d") == "d");
      CHECK(story_of(written, "a") == "a");
      CHECK(story_of(written, "b") == "b");
    }
  }
}

TEST_CASE("a database indexed before band terms existed is given them and clusters on", "[story]") {
  TempDir dir;
  const fs::path db = dir / "db";
  const fs::path first = dir / "first.jsonl";
  const fs::path second = dir / "second.jsonl";
  write_jsonl(first, {{"a", body_of(1)}, {"b", body_of(2)}});
  write_jsonl(second, {{"c", copy_of(body_of(2))}});
  index(db, {first}, 1);
  {
    // What an earlier nindex left: no band terms, no mark.
    Xapian::WritableDatabase old(db.string());
    REQUIRE(band_terms(old) > 0);
    for (Xapian::docid did = 1; did <= old.get_lastdocid(); ++did) {
      Xapian::Document doc = old.get_document(did);
      const std::string prefix(nsearch::schema::kStoryBandPrefix);
      std::vector<std::string> bands;
      for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if ((*it).starts_with(prefix)) bands.push_back(*it);
      }
      for (const std::string& term : bands)
        doc.remove_term(term);
      old.replace_document(did, doc);
    }
    old.set_metadata(std::string(nsearch::schema::kStoryBandsKey), "");
    old.commit();
    REQUIRE(band_terms(old) == 0);
  }
  std::vector<std::string> notices;
  {
    nsearch::Indexer indexer({.db_path = db, .jobs = 1},
                             [&](const nsearch::Diagnostic& d) { notices.push_back(d.message); });
    const std::vector<fs::path> files{second};
    indexer.add(files);
  }
  // The user is told why this run takes longer, once.
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].find("giving its 2 articles their near-duplicate lookup terms") !=
        std::string::npos);
  const Xapian::Database upgraded(db.string());
  CHECK(upgraded.get_metadata(std::string(nsearch::schema::kStoryBandsKey)) == "1");
  CHECK(band_terms(upgraded) > 0);
  CHECK(story_of(upgraded, "c") == "b");
  CHECK(story_of(upgraded, "a") == "a");
  // Given once: the next run has nothing to say.
  index(db, {first, second}, 1);
}
