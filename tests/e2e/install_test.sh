#!/usr/bin/env bash
# Installs the build into a temporary prefix, then builds examples/ against the installed
# tree only (CMake package and pkg-config file) and runs the result.
set -euo pipefail
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null

# 1. CMake: find_package(nsearch) from the installed prefix.
cmake -S "$source_dir/examples" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/faceted_search" "$work/db-cmake")
echo "$out"
grep -q "^2 hits$" <<<"$out"
grep -q "^outlet: Valley Times = 1$" <<<"$out"
grep -q "^year: 2024 = 1$" <<<"$out"

# 2. pkg-config: a plain compiler command line.
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib/x86_64-linux-gnu/pkgconfig"
pkg-config --exists nsearch
# shellcheck disable=SC2046,SC2086
c++ -std=c++20 ${CXXFLAGS:-} "$source_dir/examples/faceted_search.cpp" -o "$work/faceted_search_pc" \
  $(pkg-config --cflags --libs nsearch) ${LDFLAGS:-}
"$work/faceted_search_pc" "$work/db-pc" | grep -q "^2 hits$"

# The installed nsearch finds its HTTP server (nsearch-serve, installed next to it).
"$work/prefix/bin/nsearch" serve --help | grep -q "^Usage: nsearch serve"

# The Python module, when built (NSEARCH_PYTHON), where Debian's python3 looks under the prefix.
for package in "$work"/prefix/lib/python3*/dist-packages/nsearch; do
  [ -d "$package" ] || continue
  PYTHONPATH=$(dirname "$package") /usr/bin/python3 -c '
import sys, nsearch
assert nsearch.__file__.startswith(sys.argv[1]), nsearch.__file__
assert nsearch.Searcher(sys.argv[2]).search("flood warning").total == 2
' "$work/prefix" "$work/db-cmake"
  test -f "$package/__init__.pyi" -a -f "$package/py.typed"
done

# The headers installed are the public ones only.
test -f "$work/prefix/include/nsearch/searcher.hpp"
test ! -e "$work/prefix/include/nsearch/text_util.hpp"
echo "install test passed"
