# Instrumented builds: NSEARCH_SANITIZE (AddressSanitizer + UndefinedBehaviorSanitizer, any
# compiler; the test suite runs under it in CI) and NSEARCH_FUZZ (clang's libFuzzer targets in
# fuzz/, instrumented the same way). Both apply to every target of the project, so the
# libraries the tests and fuzzers link are instrumented too.
option(NSEARCH_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(NSEARCH_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)

set(NSEARCH_SANITIZER_FLAGS "")
if(NSEARCH_SANITIZE OR NSEARCH_FUZZ)
  # UB is an error, not a warning: a test or fuzz run that hits it fails.
  set(NSEARCH_SANITIZER_FLAGS
      -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_compile_options(${NSEARCH_SANITIZER_FLAGS})
  add_link_options(-fsanitize=address,undefined)
endif()

if(NSEARCH_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NSEARCH_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "(or use the 'fuzz' preset)")
  endif()
  # Coverage feedback for every library; the fuzzer's main() is linked into fuzz targets only.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
