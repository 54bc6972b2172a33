#!/bin/sh
# Builds the corpora of the ingest scaling report (README, "Tests and benchmarks"):
#   news-en-all.jsonl.gz  every English canonical corpus of ../shared/data/news-en, concatenated
#   news-en-10.jsonl.gz   every 10th record of it (10%)
#   news-en-30.jsonl.gz   3 records of every 10 (30%)
#   synth-N.jsonl.gz      N synthetic articles recombined from it by shared/tools/synth_news.py
#                         (only when N is given; 1,000,000 takes a few minutes)
# Usage: scripts/make_scaling_corpora.sh [OUT_DIR] [N]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${NSEARCH_SHARED_DIR:-$here/../shared}
out=${1:-/tmp/nsearch-scaling}
synth=${2:-}
mkdir -p "$out"
all="$out/news-en-all.jsonl.gz"
for f in "$shared"/data/news-en/*/*.jsonl.gz; do gzip -dc "$f"; done | gzip -1 > "$all"
gzip -dc "$all" | awk 'NR % 10 == 0' | gzip -1 > "$out/news-en-10.jsonl.gz"
gzip -dc "$all" | awk 'NR % 10 < 3' | gzip -1 > "$out/news-en-30.jsonl.gz"
if [ -n "$synth" ]; then
  python3 "$shared/tools/synth_news.py" "$all" "$synth" "$out/synth-$synth.jsonl.gz" \
    --lang en --seed 1
fi
ls -l "$out"
