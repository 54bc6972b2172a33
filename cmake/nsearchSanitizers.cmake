# Instrumented builds: NSEARCH_SANITIZE (AddressSanitizer + UndefinedBehaviorSanitizer, any
# compiler; the test suite runs under it in CI) and NSEARCH_FUZZ (clang's libFuzzer targets in
# fuzz/, instrumented the same way). Both apply to every target of the project, so the
# libraries the tests and fuzzers link are instrumented too.
option(NSEARCH_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(NSEARCH_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)
# ASan finds memory errors but slows fuzzing about threefold; long runs for volume can use
# "undefined" alone (the fuzz-volume preset) and replay what they find through an ASan build.
set(NSEARCH_FUZZ_SANITIZERS "address,undefined" CACHE STRING
    "Sanitizers of the fuzz build: address,undefined or undefined")

set(NSEARCH_SANITIZER_FLAGS "")
if(NSEARCH_SANITIZE OR NSEARCH_FUZZ)
  set(sanitizers address,undefined)
  if(NSEARCH_FUZZ)
    set(sanitizers ${NSEARCH_FUZZ_SANITIZERS})
  endif()
  # UB is an error, not a warning: a test or fuzz run that hits it fails.
  set(NSEARCH_SANITIZER_FLAGS
      -fsanitize=${sanitizers} -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_compile_options(${NSEARCH_SANITIZER_FLAGS})
  add_link_options(-fsanitize=${sanitizers})
endif()

if(NSEARCH_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NSEARCH_FUZZ needs clang: configure with -DCMAKE_CXX_COMPILER=clang++ "
                        "(or use the 'fuzz' preset)")
  endif()
  # Coverage feedback for every library; the fuzzer's main() is linked into fuzz targets only.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
