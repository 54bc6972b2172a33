// Fuzz target: a search request through the public Searcher API, on a small database of a few
// articles in three languages built at the first run. The input's first line is the query
// text; each further line is an option "name=value" as the CLI and the HTTP API pass them to
// set_request_option() (since, until, facets, outlet, lang, kind, sort, match, limit, offset,
// like, bm25, expand...).
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_input.hpp"
#include "nsearch/error.hpp"
#include "nsearch/indexer.hpp"
#include "nsearch/request_options.hpp"
#include "nsearch/searcher.hpp"

namespace {

namespace fs = std::filesystem;

// Removes the database folder when the process ends normally.
struct TempDatabase {
  fs::path path = fs::temp_directory_path() / ("nsearch-fuzz-db-" + std::to_string(getpid()));
  ~TempDatabase() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

nsearch::Searcher& searcher() {
  static TempDatabase db;
  static nsearch::Searcher instance = [] {
    using nsearch::Article;
    {
      nsearch::IndexOptions options;
      options.db_path = db.path;
      nsearch::Indexer indexer(options, [](const nsearch::Diagnostic&) {});
      // One of them a page, so that kind= filters both ways.
      const std::vector<Article> articles{
          {.id = "en1",
           .title = "Mercenaries in the Sahel",
           .outlet = "The New Diplomat",
           .date = "2021-09-24",
           .author = "Jo Lane",
           .url = "https://example.com/a",
           .lang = "en",
           .category = "world",
           .body = "Russian contractors were seen near Bamako.\nThe government denied it."},
          {.id = "en2",
           .title = "Oil prices rise",
           .outlet = "Valley Times",
           .date = "2022-03-01T08:30:00Z",
           .lang = "en",
           .category = "business",
           .body = "Crude oil rose as OPEC kept output steady."},
          {.id = "fr1",
           .title = "Le pétrole augmente",
           .outlet = "Le Monde",
           .date = "2020-01-15",
           .lang = "fr",
           .category = "économie",
           .body = "Les prix du pétrole brut ont augmenté."},
          {.id = "de1",
           .outlet = "Die Zeit",
           .lang = "de",
           .body = "Die Regierung hat die Wahlen gewonnen.",
           .kind = "page"},
      };
      for (const auto& article : articles)
        indexer.add_article(article);
      indexer.commit();
    }
    return nsearch::Searcher(db.path);
  }();
  return instance;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string_view::npos; start = nl + 1)
    lines.emplace_back(text.substr(start, nl - start));
  lines.emplace_back(text.substr(start));
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nsearch;
  const std::vector<std::string> lines = split_lines(fuzz::as_text(data, size));
  SearchRequest request;
  try {
    request.query = lines[0];
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const std::size_t eq = lines[i].find('=');
      const std::string_view line = lines[i];
      set_request_option(request, line.substr(0, eq),
                         eq == std::string::npos ? std::string_view() : line.substr(eq + 1));
    }
    const SearchResult result = searcher().search(request);
    fuzz::require(result.hits.size() <= request.limit, "no more hits than the limit");
    fuzz::require(result.total <= 4, "no more matches than articles");
    for (const Hit& hit : result.hits) {
      for (const auto& [first, last] : hit.highlights) {
        fuzz::require(first < last && last <= hit.snippet.size(), "highlights lie in the snippet");
      }
    }
  } catch (const Error&) {
    // Bad queries and option values are errors with a message, not crashes.
  }
  return 0;
}
