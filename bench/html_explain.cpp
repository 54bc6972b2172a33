// Shows how the HTML extractor scored each text block of a page, for looking at extraction
// failures: `html_explain PAGE.html` prints one line per block (body blocks marked '*', the
// headline 'H', blocks inside the winning container 'B', page furniture 'F'), then the result.
#include <fstream>
#include <iostream>
#include <sstream>

#include "extraction.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: html_explain PAGE.html\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "html_explain: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string explanation;
  const nsearch::Extraction e = nsearch::extract_html(bytes.str(), &explanation);
  std::cout << explanation << "\ntitle: " << e.article.title
            << "\nkind: " << (e.article.kind.empty() ? "article" : e.article.kind)
            << (e.reason.empty() ? "" : "\nwhy: " + e.reason)
            << (e.has_text ? "" : "\nskipped: no text") << "\nbody:\n"
            << e.article.body << "\n";
  return 0;
}
