// Shows how the text-dump cleaner rated each line of one or more dumps, for looking at
// extraction failures over many pages: `dump_explain DUMP.txt...` prints, per file, a header
// "== PATH", one line per dump line (see explain_lines in text_cleaner.cpp: stage, rating, cue,
// words, share of function words, text), then the result.
#include <fstream>
#include <iostream>
#include <sstream>

#include "clean/extraction.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: dump_explain DUMP.txt...\n";
    return 2;
  }
  int status = 0;
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    if (!in) {
      std::cerr << "dump_explain: cannot read " << argv[a] << "\n";
      status = 1;
      continue;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string explanation;
    const nsearch::Extraction e = nsearch::clean_text_dump(bytes.str(), &explanation);
    std::cout << "== " << argv[a] << "\n"
              << explanation << "title: " << e.article.title
              << "\nkind: " << (e.article.kind.empty() ? "article" : e.article.kind)
              << (e.reason.empty() ? "" : "\nwhy: " + e.reason)
              << (e.has_text ? "" : "\nskipped: no text") << "\n";
  }
  return status;
}
