# Third-party dependencies, shared by the build and by the installed package
# config (so consumers of the static libraries can resolve them too).
include(CMakeFindDependencyMacro)
find_package(PkgConfig REQUIRED)
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET GLOBAL xapian-core)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET GLOBAL libxxhash)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET GLOBAL gumbo)
pkg_check_modules(LIBARCHIVE REQUIRED IMPORTED_TARGET GLOBAL libarchive)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)  # nsearch::http
find_dependency(ZLIB)
find_dependency(nlohmann_json 3.10)

# cld2 (language identification) ships no CMake or pkg-config file.
if(NOT TARGET nsearch_cld2)
  find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
  find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
  add_library(nsearch_cld2 UNKNOWN IMPORTED GLOBAL)
  set_target_properties(nsearch_cld2 PROPERTIES
    IMPORTED_LOCATION "${CLD2_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")
endif()
