#include <gumbo.h>

#include "extraction.hpp"

namespace nsearch {

Extraction extract_html(std::string_view html) {
  Extraction e;
  e.is_article = false;
  e.reason = "HTML extraction not implemented yet";
  (void)html;
  return e;
}

}  // namespace nsearch
