#include "nsearch/trec.hpp"

#include <cctype>
#include <cstdio>

#include "nsearch/error.hpp"

namespace nsearch {
namespace {

bool has_word_character(const std::string& text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) return true;
  }
  return false;
}

}  // namespace

void write_trec_run(Searcher& searcher, std::istream& queries, std::ostream& out,
                    const TrecRunOptions& options) {
  SearchRequest request = options.base;
  request.free_text = true;
  request.default_operator = DefaultOperator::any;
  request.limit = options.depth;
  request.offset = 0;
  request.snippet_bytes = 0;
  request.facets.clear();
  // Runs are judged per document: every copy of a syndicated story is a document of its own.
  request.collapse = false;
  request.suggest = false;  // a run wants rankings, not corrections

  std::string line;
  std::size_t line_no = 0;
  while (std::getline(queries, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      throw Error(ErrorKind::invalid_argument,
                  "queries line " + std::to_string(line_no) + ": expected \"qid<TAB>query\"");
    }
    const std::string qid = line.substr(0, tab);
    request.query = line.substr(tab + 1);
    if (!has_word_character(request.query)) continue;  // nothing to search for
    const SearchResult result = searcher.search(request);
    for (const Hit& hit : result.hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.6f", hit.score);
      out << qid << " Q0 " << hit.id << ' ' << hit.rank << ' ' << score << ' ' << options.tag
          << '\n';
    }
  }
}

}  // namespace nsearch
