#!/usr/bin/env bash
# The hardening checks (README "Sanitizers and fuzzing"): the whole test suite built with
# AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/), then a short run of every fuzz
# target (clang + libFuzzer, build-fuzz/). FUZZ_SECONDS sets the time per target (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

echo "== AddressSanitizer + UndefinedBehaviorSanitizer =="
cmake --preset asan >/dev/null
cmake --build build-asan -j"$(nproc)"
ctest --preset asan -j"$(nproc)"

echo "== fuzzing (each target for a short fixed time) =="
cmake --preset fuzz -DNSEARCH_FUZZ_SECONDS="${FUZZ_SECONDS:-20}" >/dev/null
cmake --build build-fuzz -j"$(nproc)"
ctest --preset fuzz
