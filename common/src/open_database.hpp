// Opening a database for reading, with errors a user can act on (internal).
#pragma once

#include <filesystem>

#include <xapian.h>

namespace nsearch {

/// The database at `path`: a plain one, a stub file or a folder holding one. Throws Error
/// (database_not_found: nothing there, or not a database; database_error).
Xapian::Database open_database(const std::filesystem::path& path);

}  // namespace nsearch
