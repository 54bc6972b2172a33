// story_eval: measures syndication clustering (bench/syndication).
//
//   story_eval LABELLED_DIR       quality: articles.jsonl + clusters.tsv from make_labelled_set.py
//   story_eval --cost FILE...     cost: indexing and search time with and without stories
//   story_eval --search DB        cost of collapsing only, on an existing database
//
// Quality: indexes the articles with the public Indexer API into a temporary database, reads
// back each article's story key, and reports pairwise precision and recall of "same story"
// against the labels. Cost: indexes FILEs with story clustering off and on (wall and CPU time,
// same run), then runs a fixed query set with and without collapsing (median of 5 passes).
#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "nsearch/indexer.hpp"
#include "nsearch/schema.hpp"
#include "nsearch/searcher.hpp"

namespace fs = std::filesystem;

namespace {

using Groups = std::map<std::string, std::vector<std::string>>;

/// Pairs of ids that share a group, as "a\tb" with a < b.
std::set<std::pair<std::string, std::string>> same_group_pairs(const Groups& groups) {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& [key, ids] : groups) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      for (std::size_t j = i + 1; j < ids.size(); ++j) {
        pairs.emplace(std::min(ids[i], ids[j]), std::max(ids[i], ids[j]));
      }
    }
  }
  return pairs;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Timing {
  double wall = 0, cpu = 0;
};

Timing index_files(const std::vector<fs::path>& inputs, const fs::path& db, bool stories) {
  fs::remove_all(db);
  nsearch::IndexOptions options;
  options.db_path = db;
  options.story_clusters = stories;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  {
    nsearch::Indexer indexer(options, [](const nsearch::Diagnostic& d) {
      std::cerr << d.location << ": " << d.message << "\n";
    });
    indexer.add(inputs);
  }
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
          cpu_seconds() - cpu_start};
}

const char* const kQueries[] = {"oil prices",
                                "OPEC output",
                                "central bank interest rates",
                                "trade deficit",
                                "Brexit",
                                "earnings per share",
                                "crude oil",
                                "stock market",
                                "bank",
                                "merger acquisition",
                                "\"interest rates\"",
                                "gold",
                                "football",
                                "election",
                                "Wall Street",
                                "coffee OR cocoa",
                                "dollar yen",
                                "tax",
                                "film awards",
                                "mobile phone"};

// Median over passes of the time to run every query once (top 10, snippets on).
double query_set_ms(const fs::path& db, bool collapse) {
  nsearch::Searcher searcher(db);
  std::vector<double> passes;
  for (int pass = 0; pass < 6; ++pass) {
    const auto start = std::chrono::steady_clock::now();
    for (const char* q : kQueries) {
      nsearch::SearchRequest request;
      request.query = q;
      request.collapse = collapse;
      searcher.search(request);
    }
    if (pass > 0) {  // the first pass warms the cache
      passes.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
  }
  std::sort(passes.begin(), passes.end());
  return passes[passes.size() / 2];
}

void search_cost(const fs::path& db) {
  const double plain = query_set_ms(db, false);
  const double collapsed = query_set_ms(db, true);
  const std::size_t n = std::size(kQueries);
  std::printf(
      "search, %zu queries: %.3f ms/query without collapse, %.3f ms/query collapsed "
      "(ratio %.3f)\n",
      n, plain / n, collapsed / n, collapsed / plain);
}

int cost(const std::vector<fs::path>& inputs, const fs::path& db) {
  const Timing without = index_files(inputs, db, false);
  const Timing with = index_files(inputs, db, true);
  std::printf("indexing without stories: %.2f s wall, %.2f s CPU\n", without.wall, without.cpu);
  std::printf("indexing with stories:    %.2f s wall, %.2f s CPU (CPU ratio %.3f, wall %.3f)\n",
              with.wall, with.cpu, with.cpu / without.cpu, with.wall / without.wall);
  search_cost(db);
  fs::remove_all(db);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path db = fs::temp_directory_path() / ("story_eval_" + std::to_string(getpid()));
  if (argc == 3 && std::string(argv[1]) == "--search") {
    search_cost(argv[2]);
    return 0;
  }
  if (argc >= 3 && std::string(argv[1]) == "--cost") {
    return cost(std::vector<fs::path>(argv + 2, argv + argc), db);
  }
  if (argc != 2) {
    std::cerr << "usage: story_eval LABELLED_DIR | story_eval --cost FILE...\n";
    return 2;
  }
  const fs::path dir = argv[1];
  index_files({dir / "articles.jsonl"}, db, true);

  Groups truth;
  std::ifstream labels(dir / "clusters.tsv");
  for (std::string line; std::getline(labels, line);) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) truth[line.substr(tab + 1)].push_back(line.substr(0, tab));
  }

  Groups predicted;
  const Xapian::Database xdb(db.string());
  const std::string id_prefix(nsearch::schema::kIdPrefix);
  for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it) {
    const Xapian::Document doc = xdb.get_document(*it);
    auto term = doc.termlist_begin();
    term.skip_to(id_prefix);
    if (term == doc.termlist_end() || (*term).rfind(id_prefix, 0) != 0) continue;
    predicted[doc.get_value(nsearch::schema::kStorySlot)].push_back(
        (*term).substr(id_prefix.size()));
  }
  fs::remove_all(db);

  const auto truth_pairs = same_group_pairs(truth);
  const auto predicted_pairs = same_group_pairs(predicted);
  std::size_t both = 0;
  for (const auto& pair : predicted_pairs)
    both += truth_pairs.count(pair);
  const double precision = predicted_pairs.empty() ? 1.0 : double(both) / predicted_pairs.size();
  const double recall = truth_pairs.empty() ? 1.0 : double(both) / truth_pairs.size();
  std::printf("articles %u, true stories %zu, predicted stories %zu\n", xdb.get_doccount(),
              truth.size(), predicted.size());
  std::printf("same-story pairs: true %zu, predicted %zu, both %zu\n", truth_pairs.size(),
              predicted_pairs.size(), both);
  std::printf("pairwise precision %.4f recall %.4f\n", precision, recall);
  return 0;
}
