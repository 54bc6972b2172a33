// Embedding nsearch: index a few articles, then run a faceted search.
//
//   faceted_search DB_PATH
//
// Prints the hits of "flood warning" and the matches per outlet and year.
#include <filesystem>
#include <iostream>

#include <nsearch/error.hpp>
#include <nsearch/indexer.hpp>
#include <nsearch/searcher.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: faceted_search DB_PATH\n";
    return 2;
  }
  const std::filesystem::path db = argv[1];
  try {
    {
      nsearch::Indexer indexer({.db_path = db}, [](const nsearch::Diagnostic& d) {
        std::cerr << "warning: " << d.location << ": " << d.message << "\n";
      });
      indexer.add_article({.id = "ex-1",
                           .title = "River flood warning issued for the valley",
                           .outlet = "Valley Times",
                           .date = "2023-04-02",
                           .lang = "en",
                           .body = "Forecasters issued a flood warning as the river rose."});
      indexer.add_article(
          {.id = "ex-2",
           .title = "Flood defences hold after storm",
           .outlet = "Coast Herald",
           .date = "2024-01-15T09:00:00Z",
           .lang = "en",
           .body = "New flood barriers held back the storm surge; the warning was lifted."});
      indexer.add_article({.id = "ex-3",
                           .title = "Council approves budget",
                           .outlet = "Valley Times",
                           .date = "2024-02-01",
                           .lang = "en",
                           .body = "The budget passed without debate."});
      indexer.commit();
    }

    nsearch::Searcher searcher(db);
    nsearch::SearchRequest request;
    request.query = "flood warning";
    request.facets = {"outlet", "year"};
    const nsearch::SearchResult result = searcher.search(request);

    std::cout << result.total << " hits\n";
    for (const auto& hit : result.hits) {
      std::cout << hit.rank << ". " << hit.title << " (" << hit.outlet << ", " << hit.date << ")\n";
    }
    for (const auto& facet : result.facets) {
      for (const auto& value : facet.values) {
        std::cout << facet.name << ": " << value.value << " = " << value.count << "\n";
      }
    }
    return result.total > 0 ? 0 : 1;
  } catch (const nsearch::Error& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
