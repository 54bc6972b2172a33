// Where the database lives when the caller does not say.
#pragma once

#include <filesystem>
#include <string>

namespace nsearch {

/// `explicit_path` when not empty, else $NSEARCH_DB when set and not empty, else "news.db".
std::filesystem::path resolve_database_path(const std::string& explicit_path);

}  // namespace nsearch
