#!/usr/bin/env bash
# Fuzzes one target for a fixed time: new inputs go to a scratch corpus beside the seeds (the
# seed folder is only read), a crash leaves crash-* in the current folder and fails the run.
#   usage: fuzz/run.sh FUZZER SEED_DIR SECONDS [libFuzzer options...]
# e.g. an hour on the HTML extractor, keeping what it finds:
#   nice -n 19 fuzz/run.sh build-fuzz/fuzz/html_extractor_fuzz build-fuzz/fuzz/seeds/html_extractor 3600
set -euo pipefail
fuzzer=$1
seeds=$2
seconds=$3
shift 3
corpus=${seeds%/}.work
mkdir -p "$corpus"
# Leaks count as findings, except the third-party ones listed (with reasons) in lsan.supp.
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")/.." && pwd)/tests/sanitizers/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# -rss_limit_mb and -timeout turn blow-ups and hangs into findings (the timeout is generous
# because CI machines are shared); -max_len=64 KiB admits typical news pages (the median page of
# the extraction dev set is 39 KB) while keeping runs fast. Later options override these.
exec "$fuzzer" "$corpus" "$seeds" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=60 \
  -max_len=65536 -print_final_stats=1 "$@"
