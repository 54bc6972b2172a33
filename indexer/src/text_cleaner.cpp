#include "extraction.hpp"

namespace nsearch {

Extraction clean_text_dump(std::string_view text) {
  Extraction e;
  e.article.body = std::string(text);
  return e;
}

}  // namespace nsearch
