#!/usr/bin/env bash
# Installs the Debian 12 packages nsearch needs to build and test, if any are missing.
set -euo pipefail

packages=(
  g++ cmake make pkg-config      # toolchain
  libxapian-dev xapian-tools     # the search library; xapian-check/delve, xapian-tcpsrv (shards)
  libcli11-dev                   # command-line parsing
  nlohmann-json3-dev             # JSON input and output
  zlib1g-dev                     # .gz inputs
  libxxhash-dev                  # content digests and long-term hashing
  libcld2-dev                    # language identification
  libgumbo-dev                   # HTML5 parsing
  libarchive-dev                 # compressed inputs, archives (tar, zip...) and WARC files
  libcpp-httplib-dev             # nsearch serve (HTTP server and the tests' client)
  catch2                         # unit tests (v2)
  clang libclang-rt-14-dev       # fuzz targets: libFuzzer and the sanitizer runtimes for clang
  python3                        # evaluation scripts (tests/eval)
  pybind11-dev python3-dev       # the Python module (NSEARCH_PYTHON)
  python3-pytest python3-pandas  # its tests (pandas: to_pandas() and the README's example)
  chromium                       # the search page's browser test (tests/web)
  wrk                            # HTTP load test (bench/http_load.sh)
  time                           # GNU time: peak memory in the scaling runs (scripts/scaling_run.sh)
)
# The browser test runs playwright-core under Node.js; machines that already have node and npm
# (e.g. from another source) keep theirs.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
