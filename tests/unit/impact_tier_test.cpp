// Unit tests for impact tiers (common/src/impact_tiers.hpp, indexer/src/write/
// impact_tier_builder.hpp, searcher/src/match/impact_tier_plan.hpp): on random queries over a
// random database, every match outside a plan's candidates weighs at most its bound and every
// candidate at most its `most`, as Xapian's matcher weighs them; term_weight is the matcher's.
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "impact_tiers.hpp"
#include "match/impact_tier_plan.hpp"
#include "match/value_columns.hpp"
#include "match/weighting.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"
#include "temp_dir.hpp"
#include "write/impact_tier_builder.hpp"

using nsearch::test::TempDir;

namespace {

constexpr int kTerms = 40;

std::string term_name(int i) {
  return "t" + std::to_string(i);
}

// Documents of 5 to 400 words drawn from a Zipf-like vocabulary: term 0 is in most documents.
void add_random_documents(Xapian::WritableDatabase& db, std::mt19937& random, int count) {
  std::uniform_int_distribution<int> length(5, 400);
  std::vector<double> weights;
  for (int i = 0; i < kTerms; ++i)
    weights.push_back(1.0 / (i + 1));
  std::discrete_distribution<int> word(weights.begin(), weights.end());
  for (int d = 0; d < count; ++d) {
    Xapian::Document doc;
    const int words = length(random);
    for (int w = 0; w < words; ++w)
      doc.add_term(term_name(word(random)));
    doc.add_boolean_term("Kbool");
    // A date-like value in slot 0, missing from some documents.
    if (d % 9 != 0) doc.add_value(0, "2021" + std::to_string(10 + d % 80));
    db.add_document(doc);
  }
}

Xapian::Query random_query(std::mt19937& random) {
  using Q = Xapian::Query;
  std::uniform_int_distribution<int> pick(0, kTerms - 1);
  const auto leaf = [&] {
    return Q(term_name(pick(random) % (random() % 2 ? 6 : kTerms)), 1 + random() % 2);
  };
  std::vector<Q> words;
  for (int i = 0, n = 1 + static_cast<int>(random() % 3); i < n; ++i)
    words.push_back(leaf());
  const Q::op op = random() % 2 ? Q::OP_AND : Q::OP_OR;
  Q body(op, words.begin(), words.end());
  switch (random() % 9) {
    case 7:  // terms in most documents (more than half), required, and excluded under an OR
      return Q(Q::OP_FILTER, body, Q(term_name(28)));
    case 8:
      return Q(Q::OP_OR, Q(Q::OP_AND_NOT, leaf(), Q(term_name(28))), leaf());
    case 0:
      return body;
    case 1:  // a title boost, as nsearch builds it
      return Q(Q::OP_AND_MAYBE, body, Q(Q::OP_SCALE_WEIGHT, leaf(), 0.5));
    case 2:
      return Q(Q::OP_FILTER, body, Q("Kbool"));
    case 3:  // a date range, as --since and --until
      return Q(Q::OP_FILTER, body, Q(Q::OP_VALUE_RANGE, 0, "202120", "202150"));
    case 4:
      return Q(Q::OP_AND_MAYBE, Q(Q::OP_FILTER, body, Q(Q::OP_VALUE_GE, 0, "202160")),
               Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_FILTER, leaf(), Q(Q::OP_VALUE_GE, 0, "202160")), 0.5));
    case 5:
      return Q(Q::OP_AND_NOT, body, Q(Q::OP_OR, leaf(), Q(Q::OP_VALUE_LE, 0, "202130")));
    default:
      return Q(Q::OP_AND_NOT, body, leaf());
  }
}

// Checks the plan's promise for `query` against Xapian's weights of every match. Returns
// whether there was a plan.
bool check_plan(const Xapian::Database& db, const Xapian::Query& query,
                const nsearch::SearchRequest& request, nsearch::ValueColumns* columns) {
  const auto plan = nsearch::plan_from_tiers(db, query, request, columns);
  if (!plan) return false;
  std::unordered_map<Xapian::docid, double> most;
  for (const auto& c : plan->candidates)
    most[c.did] = c.most;
  for (std::size_t i = 1; i < plan->candidates.size(); ++i)
    REQUIRE(plan->candidates[i - 1].most >= plan->candidates[i].most);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*nsearch::make_weighting(request));
  enquire.set_query(query);
  const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  for (auto it = all.begin(); it != all.end(); ++it) {
    const auto found = most.find(*it);
    INFO(query.get_description() << " docid " << *it);
    if (found == most.end()) {
      REQUIRE(it.get_weight() <= plan->bound);
    } else {
      REQUIRE(it.get_weight() <= found->second);
    }
  }
  return true;
}

nsearch::ImpactTierSettings small_tiers() {
  nsearch::ImpactTierSettings settings;
  settings.min_documents = 100;
  settings.tier_size = 40;
  settings.min_termfreq = 160;
  return settings;
}

}  // namespace

TEST_CASE("impact tiers: encoded and decoded alike; a frontier keeps only unbeaten pairs") {
  nsearch::ImpactTier tier;
  tier.docids = {3, 7, 1000000};
  tier.postings = {{1, 10}, {4, 300}, {2, 5}};
  for (const auto& p :
       std::vector<nsearch::WdfLength>{{1, 50}, {3, 60}, {2, 40}, {3, 90}, {5, 200}})
    nsearch::add_to_frontier(tier.rest, p);
  CHECK(tier.rest == std::vector<nsearch::WdfLength>{{2, 40}, {3, 60}, {5, 200}});
  CHECK(nsearch::dominated(tier.rest, {3, 70}));
  CHECK_FALSE(nsearch::dominated(tier.rest, {4, 100}));
  const auto back = nsearch::decode_impact_tier(nsearch::encode_impact_tier(tier));
  REQUIRE(back);
  CHECK(back->docids == tier.docids);
  CHECK(back->postings == tier.postings);
  CHECK(back->rest == tier.rest);
  std::string damaged = nsearch::encode_impact_tier(tier);
  damaged.pop_back();
  CHECK_FALSE(nsearch::decode_impact_tier(damaged));
  CHECK_FALSE(nsearch::decode_impact_tier(""));
}

TEST_CASE("impact tiers: term_weight is the matcher's weight, for both schemes") {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  std::mt19937 random(3);
  add_random_documents(db, random, 500);
  db.commit();
  for (const auto weighting : {nsearch::Weighting::ineb2, nsearch::Weighting::bm25}) {
    nsearch::SearchRequest request;
    request.weighting = weighting;
    for (const int t : {0, 3, 20}) {
      const std::string term = term_name(t);
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(*nsearch::make_weighting(request));
      enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term, 2), 0.5));
      const Xapian::MSet mset = enquire.get_mset(0, 500);
      REQUIRE(mset.size() > 0);
      const nsearch::TermWeightStats stats{static_cast<double>(db.get_doccount()),
                                           db.get_avlength(),
                                           static_cast<double>(db.get_termfreq(term)),
                                           static_cast<double>(db.get_collection_freq(term)),
                                           2,
                                           0.5};
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::PostingIterator p = db.postlist_begin(term);
        p.skip_to(*it);
        CHECK(nsearch::term_weight(request, stats, p.get_wdf(), p.get_doclength()) ==
              Approx(it.get_weight()).epsilon(1e-12));
      }
    }
  }
}

TEST_CASE("impact tiers: nothing outside a plan outweighs its bound, as built and as extended") {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  std::mt19937 random(11);
  add_random_documents(db, random, 3000);
  for (Xapian::docid did = 5; did < 3000; did += 97)
    db.delete_document(did);
  CHECK(nsearch::update_impact_tiers(db, small_tiers()) == nsearch::ImpactTierUpdate::built);
  db.commit();
  CHECK(nsearch::update_impact_tiers(db, small_tiers()) == nsearch::ImpactTierUpdate::none);

  const auto check_many = [&](const char* when) {
    INFO(when);
    int planned = 0;
    for (int i = 0; i < 300; ++i) {
      const Xapian::Query query = random_query(random);
      nsearch::SearchRequest request;
      request.weighting = i % 3 == 0 ? nsearch::Weighting::bm25 : nsearch::Weighting::ineb2;
      // Short pages: a plan is only made when it could prove the page.
      request.limit = 1 + i % 3;
      // With in-memory columns (lengths, values) and without.
      nsearch::ValueColumns columns(db);
      if (check_plan(db, query, request, i % 2 ? &columns : nullptr)) ++planned;
    }
    CHECK(planned > 75);  // the test tests something
  };
  check_many("as built");

  // Documents added later join the tiers they would have entered.
  add_random_documents(db, random, 600);
  CHECK(nsearch::update_impact_tiers(db, small_tiers()) == nsearch::ImpactTierUpdate::extended);
  db.commit();
  check_many("extended");

  // A document rewritten under its docid: the tiers are not trusted until rebuilt.
  nsearch::invalidate_impact_tiers(db);
  Xapian::Document doc;
  for (int w = 0; w < 3; ++w)
    doc.add_term(term_name(0), 50);
  db.replace_document(10, doc);
  db.commit();
  CHECK_FALSE(nsearch::plan_from_tiers(db, Xapian::Query(term_name(0)), nsearch::SearchRequest{}));
  CHECK(nsearch::update_impact_tiers(db, small_tiers()) == nsearch::ImpactTierUpdate::built);
  db.commit();
  check_many("rebuilt");
}

namespace {

// Articles of words drawn from a Zipf-like vocabulary, with syndicated copies: every seventh
// repeats an earlier one's title and body under another outlet.
std::vector<nsearch::Article> random_articles(int count) {
  std::mt19937 random(5);
  std::vector<double> weights;
  for (int i = 0; i < 60; ++i)
    weights.push_back(1.0 / (i + 1));
  std::discrete_distribution<int> word(weights.begin(), weights.end());
  const auto words = [&](int n) {
    std::string text;
    for (int i = 0; i < n; ++i)
      text += (i ? " " : "") + std::string("k") + std::to_string(word(random));
    return text;
  };
  std::uniform_int_distribution<int> length(8, 250);
  std::vector<nsearch::Article> articles;
  for (int i = 0; i < count; ++i) {
    nsearch::Article a;
    a.id = "a" + std::to_string(i);
    a.outlet = "Outlet " + std::to_string(i % 5);
    a.date = "2021-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    a.lang = "en";
    if (i % 7 == 6) {
      a.title = articles[static_cast<std::size_t>(i / 2)].title;
      a.body = articles[static_cast<std::size_t>(i / 2)].body;
    } else {
      a.title = words(3 + i % 4);
      a.body = words(length(random));
    }
    articles.push_back(std::move(a));
  }
  return articles;
}

void index_articles(const std::filesystem::path& db, const std::vector<nsearch::Article>& articles,
                    bool tiers) {
  nsearch::IndexOptions options{.db_path = db};
  options.jobs = 1;
  options.impact_tiers = small_tiers();
  options.impact_tiers.enabled = tiers;
  nsearch::Indexer indexer(options, nullptr);
  for (const auto& a : articles)
    indexer.add_article(a);
  indexer.commit();
}

}  // namespace

TEST_CASE("impact tiers: a Searcher's pages are the same with tiers as without") {
  TempDir dir;
  const auto articles = random_articles(2500);
  index_articles(dir / "tiered", articles, true);
  index_articles(dir / "plain", articles, false);
  nsearch::Searcher tiered(dir / "tiered");
  nsearch::Searcher plain(dir / "plain");

  std::mt19937 random(9);
  std::uniform_int_distribution<int> pick(0, 59);
  const auto word = [&] { return "k" + std::to_string(pick(random) % (random() % 2 ? 8 : 60)); };
  std::size_t from_tiers = 0;
  std::size_t searches = 0;
  for (int i = 0; i < 144; ++i) {
    nsearch::SearchRequest request;
    switch (i % 6) {
      case 0:
      case 1:
        request.query = word();
        break;
      case 2:
        request.query = word() + " " + word();
        break;
      case 3:
        request.query = word() + " OR " + word();
        break;
      case 4:  // words under AND inside an OR: planned from tiers, collapsed by Xapian
        request.query = "(" + word() + " AND " + word() + ") OR " + word();
        break;
      default:
        request.query = "\"" + word() + " " + word() + "\"";
    }
    request.weighting = i % 4 == 3 ? nsearch::Weighting::bm25 : nsearch::Weighting::ineb2;
    request.offset = i % 6 == 5 ? 10 : 0;
    request.collapse = i % 8 != 7;
    if (i % 3 == 2) request.facets = {"outlet"};
    // Twice: the second search of a Searcher counts from in-memory columns, and ranks tiers'
    // candidates by their stories and lengths.
    for (int pass = 0; pass < 2; ++pass) {
      INFO(request.query << " pass " << pass << " offset " << request.offset << " collapse "
                         << request.collapse);
      const nsearch::SearchResult a = tiered.search(request);
      const nsearch::SearchResult b = plain.search(request);
      ++searches;
      if (a.ranked_from_tiers > 0) ++from_tiers;
      CHECK(b.ranked_from_tiers == 0);
      REQUIRE(a.hits.size() == b.hits.size());
      CHECK(a.total == b.total);
      CHECK(a.total_exact == b.total_exact);
      CHECK(a.articles == b.articles);
      for (std::size_t h = 0; h < a.hits.size(); ++h) {
        CHECK(a.hits[h].id == b.hits[h].id);
        CHECK(a.hits[h].score == b.hits[h].score);
        CHECK(a.hits[h].snippet == b.hits[h].snippet);
      }
    }
  }
  // The tiers were used, for a good share of the searches.
  CHECK(from_tiers > searches / 4);
}

TEST_CASE("impact tiers: a frequent term too long for a metadata key gets none, and no error") {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  const std::string long_term(240, 'w');  // nsearch keeps terms under Xapian's 245 bytes
  for (int d = 0; d < 300; ++d) {
    Xapian::Document doc;
    doc.add_term(long_term, 1 + d % 3);
    doc.add_term("short", 1 + d % 5);
    db.add_document(doc);
  }
  REQUIRE(nsearch::update_impact_tiers(db, small_tiers()) == nsearch::ImpactTierUpdate::built);
  db.commit();
  CHECK(db.get_metadata(nsearch::impact_tier_key("short")) != "");
  CHECK(db.get_metadata(nsearch::impact_tier_key(long_term)) == "");
  // Planning a search of it reads no tier, and fails nothing.
  CHECK_NOTHROW(nsearch::plan_from_tiers(db, Xapian::Query(long_term), nsearch::SearchRequest{}));
}

TEST_CASE("impact tiers: an article changed under its docid leaves no stale tier (Indexer)") {
  TempDir dir;
  auto articles = random_articles(1500);
  index_articles(dir / "db", articles, true);
  const std::string state_key(nsearch::schema::kImpactTiersKey);
  const auto state_of = [&] {
    return nsearch::decode_impact_tiers_state(
        Xapian::Database((dir / "db").string()).get_metadata(state_key));
  };
  const auto before = state_of();
  REQUIRE(before);

  // The article a3 again, with other words: replaced under its docid.
  nsearch::IndexOptions options{.db_path = dir / "db"};
  options.impact_tiers = small_tiers();
  nsearch::Indexer indexer(options, nullptr);
  nsearch::Article changed = articles[3];
  changed.body = "k0 k0 k0 k0 k0 k0 k0 k0 k0 k0 k0 k0";
  indexer.add_article(changed);
  // The replacement marks the tiers untrusted; commit() then builds them again (without the
  // mark, they would be extended over nothing new and miss the changed article: this test fails).
  indexer.commit();
  const auto after = state_of();
  REQUIRE(after);
  CHECK(after->covered_through == before->covered_through);

  // The rebuilt tiers give the pages a database without tiers gives.
  articles[3] = changed;
  index_articles(dir / "plain", articles, false);
  nsearch::Searcher tiered(dir / "db");
  nsearch::Searcher plain(dir / "plain");
  for (const char* q : {"k0", "k1", "k0 OR k5"}) {
    for (int pass = 0; pass < 2; ++pass) {
      nsearch::SearchRequest request;
      request.query = q;
      const auto a = tiered.search(request);
      const auto b = plain.search(request);
      REQUIRE(a.hits.size() == b.hits.size());
      for (std::size_t h = 0; h < a.hits.size(); ++h) {
        CHECK(a.hits[h].id == b.hits[h].id);
        CHECK(a.hits[h].score == b.hits[h].score);
      }
    }
  }
}

// A plan the ranking cannot prove falls back to ranking every match, with the collapse of a
// search without tiers. Here the word's tier is mostly copies of three stories: its candidates
// hold seven stories, fewer than a page, so the plan is accepted (its tenth candidate outweighs
// the bound) and given up after ranking them, by Xapian's collapse (a fresh Searcher) and by the
// story column (a warm one, whose fallback then collapses through first_copies).
TEST_CASE("impact tiers: a plan given up after ranking gives the page of a search without tiers") {
  TempDir dir;
  std::mt19937 random(3);
  std::uniform_int_distribution<int> filler(0, 299);
  const auto body = [&](int crowd) {
    std::string text;
    for (int i = 0; i < 80; ++i) {
      text += i ? " " : "";
      text += i < crowd ? "crowd" : "f" + std::to_string(filler(random));
    }
    return text;
  };
  std::vector<nsearch::Article> articles;
  const auto add = [&](const std::string& title, const std::string& text, int outlet) {
    nsearch::Article a;
    a.id = "a" + std::to_string(articles.size());
    a.outlet = "Outlet " + std::to_string(outlet);
    a.date = "2021-03-" + std::to_string(10 + articles.size() % 19);
    a.lang = "en";
    a.title = title;
    a.body = text;
    articles.push_back(std::move(a));
  };
  // Three stories of twelve copies (the heaviest postings), four single articles next, and 200
  // where the word is once.
  for (int story = 0; story < 3; ++story) {
    const std::string text = body(6);
    for (int copy = 0; copy < 12; ++copy)
      add("Story " + std::to_string(story), text, copy);
  }
  for (int i = 0; i < 4; ++i)
    add("Single " + std::to_string(i), body(4), i);
  for (int i = 0; i < 200; ++i)
    add("Other " + std::to_string(i), body(1), i % 5);
  index_articles(dir / "tiered", articles, true);
  index_articles(dir / "plain", articles, false);
  const Xapian::Database tiered_db((dir / "tiered").string());
  REQUIRE(tiered_db.get_metadata(nsearch::impact_tier_key("Zcrowd")) != "");

  nsearch::Searcher tiered(dir / "tiered");
  for (int pass = 0; pass < 2; ++pass) {
    INFO("pass " << pass);
    nsearch::SearchRequest request;
    request.query = "crowd";
    const nsearch::SearchResult a = tiered.search(request);
    const nsearch::SearchResult b = nsearch::Searcher(dir / "plain").search(request);
    CHECK(a.ranked_from_tiers == 0);
    CHECK(a.total == 207);
    CHECK(a.total == b.total);
    REQUIRE(a.hits.size() == 10);
    REQUIRE(a.hits.size() == b.hits.size());
    for (std::size_t h = 0; h < a.hits.size(); ++h) {
      CHECK(a.hits[h].id == b.hits[h].id);
      CHECK(a.hits[h].score == b.hits[h].score);
      CHECK(a.hits[h].copies == b.hits[h].copies);
    }
  }
}
