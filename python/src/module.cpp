// The Python module nsearch._nsearch: the C++ library's Searcher and Indexer, and its errors as
// Python exceptions. python/nsearch/__init__.py re-exports it and adds the pandas helpers.
#include <Python.h>

#include <array>
#include <exception>

#include "bindings.hpp"
#include "nsearch/error.hpp"

namespace nsearch::python {
namespace {

// One Python exception class per ErrorKind, each also an instance of the built-in exception a
// Python caller would catch for it (a bad option is a ValueError, a missing id a LookupError).
struct ErrorClass {
  ErrorKind kind;
  const char* kind_name;  // the ErrorKind's C++ name: the class attribute `kind`
  const char* class_name;
  PyObject* builtin_base;
  const char* doc;
};

std::array<ErrorClass, 8> error_classes() {
  return {{
      {ErrorKind::invalid_argument, "invalid_argument", "InvalidArgumentError", PyExc_ValueError,
       "An option or value is not acceptable (a bad date, an unknown facet, limit too large)."},
      {ErrorKind::bad_query, "bad_query", "BadQueryError", PyExc_ValueError,
       "The query text cannot be searched (a field without a value, too many terms)."},
      {ErrorKind::database_not_found, "database_not_found", "DatabaseNotFoundError",
       PyExc_FileNotFoundError, "No database at the given path."},
      {ErrorKind::database_locked, "database_locked", "DatabaseLockedError", PyExc_OSError,
       "Another writer holds the database."},
      {ErrorKind::database_error, "database_error", "DatabaseError", PyExc_OSError,
       "Xapian reported an error opening or using the database."},
      {ErrorKind::storage_full, "storage_full", "StorageFullError", PyExc_OSError,
       "The disk is full; the database keeps its last commit."},
      {ErrorKind::input_error, "input_error", "InputError", PyExc_OSError,
       "An input file could not be read."},
      {ErrorKind::not_found, "not_found", "NotFoundError", PyExc_LookupError,
       "No article with that id in the database."},
  }};
}

// Runs with the GIL held, when a bound function lets an nsearch::Error out. The classes are
// looked up in the module rather than kept in a static: errors are rare, and the module owns them.
void translate_error(std::exception_ptr thrown) {
  try {
    if (thrown) std::rethrow_exception(thrown);
  } catch (const Error& e) {
    for (const ErrorClass& c : error_classes()) {
      if (c.kind == e.kind()) {
        const py::object type = py::module_::import("nsearch._nsearch").attr(c.class_name);
        PyErr_SetString(type.ptr(), e.what());
        return;
      }
    }
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
}

}  // namespace

py::str text(const std::string& s) {
  return py::reinterpret_steal<py::str>(
      PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
}

py::object text_or_none(const std::string& s) {
  return s.empty() ? py::object(py::none()) : py::object(text(s));
}

py::object from_json(const std::string& json) {
  return py::module_::import("json").attr("loads")(text(json));
}

void bind_errors(py::module_& module) {
  const py::object base = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      "nsearch.Error",
      "Base of every nsearch error. `kind` names the C++ nsearch::ErrorKind (e.g. 'bad_query').",
      PyExc_Exception, nullptr));
  if (!base) throw py::error_already_set();
  base.attr("kind") = py::none();
  module.attr("Error") = base;
  for (const ErrorClass& c : error_classes()) {
    const py::tuple bases = py::make_tuple(base, py::handle(c.builtin_base));
    const std::string name = std::string("nsearch.") + c.class_name;
    const py::object type = py::reinterpret_steal<py::object>(
        PyErr_NewExceptionWithDoc(name.c_str(), c.doc, bases.ptr(), nullptr));
    if (!type) throw py::error_already_set();
    type.attr("kind") = c.kind_name;
    module.attr(c.class_name) = type;
  }
  py::register_exception_translator(&translate_error);
}

}  // namespace nsearch::python

PYBIND11_MODULE(_nsearch, module) {
  module.doc() = "nsearch: full-text search for news corpora (the C++ library's bindings).";
  nsearch::python::bind_errors(module);
  nsearch::python::bind_searcher(module);
  nsearch::python::bind_indexer(module);
}
