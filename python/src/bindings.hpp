// Shared pieces of the Python module's bindings (python/src/*.cpp).
#pragma once

#include <pybind11/pybind11.h>

#include <string>

namespace nsearch::python {

namespace py = pybind11;

/// Stored text as a Python str. Text is valid UTF-8 when indexed; "replace" keeps a stray byte
/// from turning a whole result into a UnicodeDecodeError.
py::str text(const std::string& s);

/// `text(s)`, or None when `s` is empty: unknown fields are None, as they are null in JSON.
py::object text_or_none(const std::string& s);

/// Python's json.loads of a JSON document the library wrote (its one JSON form of a result).
py::object from_json(const std::string& json);

void bind_errors(py::module_& module);
void bind_searcher(py::module_& module);
void bind_indexer(py::module_& module);

}  // namespace nsearch::python
