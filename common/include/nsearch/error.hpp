// The one error type of the nsearch libraries.
#pragma once

#include <stdexcept>
#include <string>

namespace nsearch {

/// What went wrong, so that callers (and the CLIs) can react by kind.
enum class ErrorKind {
  invalid_argument,    ///< a caller-supplied option or value is not acceptable
  bad_query,           ///< the query text cannot be parsed
  database_not_found,  ///< no database at the given path
  database_locked,     ///< another writer holds the database
  database_error,      ///< Xapian reported an error opening or using the database
  storage_full,        ///< the disk (or a file size limit) is full; the last commit is kept
  input_error,         ///< an input file could not be read
  not_found,           ///< a named article (id) is not in the database
};

/// Thrown at the library boundary; the message names the file, line or query at fault.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace nsearch
