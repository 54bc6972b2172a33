#include "open_database.hpp"

#include "nsearch/error.hpp"

namespace nsearch {

Xapian::Database open_database(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw Error(ErrorKind::database_not_found,
                "no database at " + path.string() + " (create one with: nindex add PATH)");
  }
  try {
    return Xapian::Database(path.string());
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorKind::database_not_found, path.string() + " is not an nsearch database");
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::database_error,
                "cannot open database " + path.string() + ": " + e.get_msg());
  }
}

}  // namespace nsearch
