// Unit tests for the boolean walk of posting lists (searcher/src/match/posting_walk.hpp): on
// random queries it finds exactly the matches Xapian's matcher finds; and for newest first
// from a walk (match/newest_first.hpp).
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "match/newest_first.hpp"
#include "match/posting_walk.hpp"
#include "match/value_columns.hpp"
#include "nsearch/schema.hpp"
#include "temp_dir.hpp"

using nsearch::PostingWalk;
using nsearch::test::TempDir;

namespace {

// Terms of every density, from nearly every document to a few, and one in none.
const std::vector<std::pair<std::string, double>> kTerms = {
    {"all", 0.97}, {"most", 0.7},   {"half", 0.5}, {"some", 0.2},
    {"few", 0.03}, {"rare", 0.004}, {"never", 0.0}};

// A glass database large enough for posting lists of several chunks, with gaps in the docids
// (deleted documents).
Xapian::Database random_database(const TempDir& dir) {
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int i = 0; i < 6000; ++i) {
    Xapian::Document doc;
    for (const auto& [term, density] : kTerms) {
      if (unit(random) < density) doc.add_term(term);
    }
    db.add_document(doc);
  }
  for (Xapian::docid did = 1; did <= 6000; did += 1 + static_cast<Xapian::docid>(unit(random) * 40))
    db.delete_document(did);
  db.commit();
  return Xapian::Database((dir / "db").string());
}

Xapian::Query random_query(std::mt19937& random, int depth) {
  using Q = Xapian::Query;
  std::uniform_int_distribution<int> pick(0, depth > 0 ? 12 : 3);
  const int choice = pick(random);
  if (choice <= 1) return Q(kTerms[random() % kTerms.size()].first);
  if (choice == 2) return random() % 2 ? Q::MatchAll : Q(kTerms[random() % kTerms.size()].first);
  if (choice == 3) return random() % 4 ? Q("missing") : Q::MatchNothing;
  std::vector<Q> branches;
  // Now and then wide, as a query of many words is.
  const int width = 1 + static_cast<int>(random() % (random() % 8 == 0 ? 12 : 4));
  for (int i = 0; i < width; ++i)
    branches.push_back(random_query(random, depth - 1));
  switch (choice) {
    case 4:
    case 5:
      return Q(Q::OP_AND, branches.begin(), branches.end());
    case 6:
    case 7:
      return Q(Q::OP_OR, branches.begin(), branches.end());
    case 8:
      return Q(Q::OP_AND_NOT, branches.begin(), branches.end());
    case 9:
      return Q(Q::OP_FILTER, branches.begin(), branches.end());
    case 10:
      return Q(Q::OP_SYNONYM, branches.begin(), branches.end());
    case 11:
      return Q(Q::OP_AND_MAYBE, branches.begin(), branches.end());
    default:
      return Q(0.5, Q(Q::OP_MAX, branches.begin(), branches.end()));
  }
}

std::vector<Xapian::docid> matcher_docids(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_query(q);
  const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  std::vector<Xapian::docid> docids;
  for (auto it = all.begin(); it != all.end(); ++it)
    docids.push_back(*it);
  return docids;
}

std::vector<Xapian::docid> walked_docids(const Xapian::Database& db, const Xapian::Query& q) {
  const auto walk = PostingWalk::make(db, q);
  REQUIRE(walk != nullptr);
  std::vector<Xapian::docid> docids;
  walk->run([&docids](Xapian::docid did) {
    docids.push_back(did);
    return true;
  });
  return docids;
}

}  // namespace

TEST_CASE("posting walk: the matches of random boolean queries are the matcher's", "[walk]") {
  TempDir dir;
  const Xapian::Database db = random_database(dir);
  std::mt19937 random(11);
  std::size_t nonempty = 0;
  for (int i = 0; i < 400; ++i) {
    const Xapian::Query q = random_query(random, 3);
    INFO(q.get_description());
    const std::vector<Xapian::docid> expected = matcher_docids(db, q);
    CHECK(walked_docids(db, q) == expected);
    if (!expected.empty()) ++nonempty;
  }
  // The queries were not all trivially empty.
  CHECK(nonempty > 200);
}

TEST_CASE("posting walk: stops when the visitor says so", "[walk]") {
  TempDir dir;
  const Xapian::Database db = random_database(dir);
  const auto walk = PostingWalk::make(db, Xapian::Query("half"));
  REQUIRE(walk != nullptr);
  std::size_t seen = 0;
  CHECK_FALSE(walk->run([&seen](Xapian::docid) { return ++seen < 10; }));
  CHECK(seen == 10);
}

TEST_CASE("posting walk: queries that need more than posting lists are left to the matcher",
          "[walk]") {
  using Q = Xapian::Query;
  TempDir dir;
  const Xapian::Database db = random_database(dir);
  const Q some("some");
  const Q few("few");
  CHECK(PostingWalk::make(db, Q(Q::OP_PHRASE, some, few)) == nullptr);
  CHECK(PostingWalk::make(db, Q(Q::OP_NEAR, some, few)) == nullptr);
  CHECK(PostingWalk::make(db, Q(Q::OP_XOR, some, few)) == nullptr);
  CHECK(PostingWalk::make(db, Q(Q::OP_ELITE_SET, some, few)) == nullptr);
  CHECK(PostingWalk::make(db, Q(Q::OP_VALUE_RANGE, Xapian::valueno(0), "a", "b")) == nullptr);
  CHECK(PostingWalk::make(db, Q(Q::OP_WILDCARD, "so")) == nullptr);
  // Also when one is a branch of operators it handles.
  CHECK(PostingWalk::make(db, Q(Q::OP_AND, Q("all"), Q(Q::OP_PHRASE, some, few))) == nullptr);
  CHECK(PostingWalk::make(db, Q(Q::OP_OR, Q("all"), Q(Q::OP_WILDCARD, "so"))) == nullptr);
}

TEST_CASE("newest matches: by date, ties in docid order, undated last; a time limit stops the walk",
          "[walk]") {
  TempDir dir;
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    for (int i = 1; i <= 5000; ++i) {
      Xapian::Document doc;
      doc.add_term("word");
      // Dates rise with the docid by tens (ten articles a second); every 7th is undated.
      if (i % 7 != 0) doc.add_value(nsearch::schema::kDateSlot, std::to_string(100000 + i / 10));
      db.add_document(doc);
    }
    db.commit();
  }
  const Xapian::Database db((dir / "db").string());
  nsearch::ValueColumns columns(db);
  const auto& dates = columns.column(nsearch::schema::kDateSlot);
  const auto& ranks = columns.ranks(nsearch::schema::kDateSlot);

  auto walk = PostingWalk::make(db, Xapian::Query("word"));
  REQUIRE(walk != nullptr);
  // 5000 (date 100500) alone; then 4990-4999 but 4991 and 4998 (undated), in docid order.
  CHECK(nsearch::newest_matches(*walk, dates, ranks, 6) ==
        std::vector<Xapian::docid>{5000, 4990, 4992, 4993, 4994, 4995});
  walk = PostingWalk::make(db, Xapian::Query("word"));
  const auto all = nsearch::newest_matches(*walk, dates, ranks, 5000);
  REQUIRE(all.size() == 5000);
  CHECK(all.back() == 4998);         // the last undated one
  CHECK(all[5000 - 5000 / 7] == 7);  // the undated ones, in docid order
  // A time limit long past stops the walk at its first clock check: the newest seen so far.
  walk = PostingWalk::make(db, Xapian::Query("word"));
  const auto early = nsearch::newest_matches(*walk, dates, ranks, 3, 1e-9);
  REQUIRE(early.size() == 3);
  CHECK(early.front() < 2048);
}
