# Installation: libraries, public headers, CLIs, an exported CMake package and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS nsearch_common nsearch_indexer nsearch_searcher nsearch_http
  EXPORT nsearchTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS nindex nsearch nsearch-serve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(NSEARCH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/nsearch)
install(EXPORT nsearchTargets NAMESPACE nsearch:: DESTINATION ${NSEARCH_CMAKE_DIR})
configure_package_config_file(cmake/nsearchConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/nsearchConfig.cmake
  INSTALL_DESTINATION ${NSEARCH_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/nsearchConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/nsearchConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/nsearchConfigVersion.cmake
  cmake/nsearchDependencies.cmake
  DESTINATION ${NSEARCH_CMAKE_DIR})

# The .pc file locates the prefix relative to itself, so `cmake --install --prefix` anywhere works.
file(RELATIVE_PATH NSEARCH_PC_TO_PREFIX "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
configure_file(cmake/nsearch.pc.in ${CMAKE_CURRENT_BINARY_DIR}/nsearch.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/nsearch.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
