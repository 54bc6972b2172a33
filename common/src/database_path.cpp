#include "nsearch/database_path.hpp"

#include <cstdlib>

namespace nsearch {

std::filesystem::path resolve_database_path(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("NSEARCH_DB"); env != nullptr && *env != '\0') return env;
  return "news.db";
}

}  // namespace nsearch
