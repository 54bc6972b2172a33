#!/usr/bin/env bash
# The hardening checks (README "Sanitizers and fuzzing"): the whole test suite built with
# AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/), then a short run of every fuzz
# target (clang + libFuzzer, build-fuzz/). FUZZ_SECONDS sets the time per target (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/phase_timer.sh
bash scripts/install-deps.sh

cmake --preset asan >/dev/null
phase "ASan+UBSan build" cmake --build build-asan -j"$(nproc)"
phase "ASan+UBSan test suite" ctest --preset asan -j"$(nproc)"

cmake --preset fuzz -DNSEARCH_FUZZ_SECONDS="${FUZZ_SECONDS:-30}" >/dev/null
phase "fuzz build" cmake --build build-fuzz -j"$(nproc)" --target fuzzers
phase "fuzzing (each target for ${FUZZ_SECONDS:-30} s, one per core)" ctest --preset fuzz -j"$(nproc)"
