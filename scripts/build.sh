#!/usr/bin/env bash
# Configures and builds into build/ (Release with debug info), with the Python module.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNSEARCH_PYTHON=ON >/dev/null
cmake --build build -j"$(nproc)"
