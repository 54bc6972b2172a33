#!/bin/sh
# The ingest scaling report (README, "Tests and benchmarks"): for each size, N synthetic
# articles (scripts/make_scaling_corpora.sh: shared/tools/synth_news.py, seed 1) indexed by one
# `nindex add` process into a new database, then the query benchmark on it. Prints one Markdown
# table row per size: wall and CPU time (user+sys), CPU/wall, peak RSS, index size, and the p50
# and p95 of `nsearch bench` over bench/queries-en.tsv. Corpora are kept in OUT_DIR and reused;
# databases are rebuilt each run.
# Usage: scripts/scaling_run.sh [OUT_DIR] [N ...]   (default sizes: 40000 400000 1000000)
# Needs a build in build/ (or NSEARCH_BUILD_DIR) and ../shared/data. 1,000,000 articles take
# about half an hour on 2 cores: run it on an otherwise idle machine, or CPU/wall means little.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${NSEARCH_BUILD_DIR:-$here/build}
out=${1:-/tmp/nsearch-scaling}
[ $# -gt 0 ] && shift
sizes=${*:-40000 400000 1000000}
nindex="$build/indexer/nindex"
nsearch="$build/searcher/nsearch"
for bin in "$nindex" "$nsearch"; do
  [ -x "$bin" ] || { echo "scaling_run: $bin is missing: build first (scripts/build.sh)" >&2; exit 2; }
done
command -v /usr/bin/time > /dev/null 2>&1 || { echo "scaling_run: needs GNU time (package time)" >&2; exit 2; }
mkdir -p "$out"

echo "| articles | wall | CPU (user+sys) | CPU/wall | peak RSS | index | query p50 / p95 |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  corpus="$out/synth-$n.jsonl.gz"
  [ -s "$corpus" ] || sh "$here/scripts/make_scaling_corpora.sh" "$out" "$n" > /dev/null
  db="$out/synth-$n.db"
  rm -rf "$db"
  log="$out/synth-$n.time"
  /usr/bin/time -v "$nindex" add --db "$db" --quiet "$corpus" 2> "$log" > /dev/null || {
    echo "scaling_run: nindex add failed for $n articles (see $log)" >&2
    exit 1
  }
  bench=$("$nsearch" bench "$here/bench/queries-en.tsv" --db "$db" --json)
  python3 - "$log" "$db" "$n" "$bench" <<'EOF'
import json, os, re, sys
log, db, n, bench = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
text = open(log).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", text).group(1).strip()
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
wall_parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
wall = 0.0
for p in wall_parts:
    wall = wall * 60 + p
rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(db) for f in fs)
overall = bench["overall"]
print(f"| {n:,} | {wall:.0f} s | {cpu:.0f} s | {cpu / wall:.2f} | {rss_mb:.0f} MB | "
      f"{size / 1e6:,.0f} MB | {overall['p50_ms']:.2f} / {overall['p95_ms']:.2f} ms |")
EOF
done
