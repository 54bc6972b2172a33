// Shows how the HTML extractor scored each text block of a page, for looking at extraction
// failures: `html_explain PAGE.html` prints one line per block (body blocks marked '*', the
// headline 'H', blocks inside the winning container 'B', page furniture 'F'), then the result.
// `--full` prints each block's whole text instead of its first 100 bytes.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "clean/extraction.hpp"

int main(int argc, char** argv) {
  const bool full = argc == 3 && std::string_view(argv[1]) == "--full";
  if (argc != 2 && !full) {
    std::cerr << "usage: html_explain [--full] PAGE.html\n";
    return 2;
  }
  const char* path = argv[argc - 1];
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "html_explain: cannot read " << path << "\n";
    return 1;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string explanation;
  const nsearch::Extraction e =
      nsearch::extract_html(bytes.str(), &explanation, full ? std::string::npos : 100);
  std::cout << explanation << "\ntitle: " << e.article.title
            << "\nkind: " << (e.article.kind.empty() ? "article" : e.article.kind)
            << (e.reason.empty() ? "" : "\nwhy: " + e.reason)
            << (e.has_text ? "" : "\nskipped: no text") << "\nbody:\n"
            << e.article.body << "\n";
  return 0;
}
