#!/usr/bin/env bash
# Load test of `nsearch serve` with wrk on loopback: a mix of /api/search queries from many
# connections. Fails unless every request got a 2xx answer (no socket error, no answer slower
# than the time-out: 5 s by default, as the machine may be shared; wrk's own default is 2 s).
# Usage: bench/http_load.sh [--build DIR] [--corpus PATH | --db EXISTING] [--connections N] [--duration 30s]
#        [--timeout 5s] [--baseline-duration 10s] [--threads N] [--server-threads N] [--server-searches N]
# The corpus defaults to the shared Reuters-21578 collection when present, else corpus/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"
corpus="$root/../shared/data/news-en/reuters21578/reuters21578.jsonl.gz"
[ -f "$corpus" ] || corpus="$root/corpus"
db="" connections=64 duration=30s timeout=5s baseline_duration=10s wrk_threads=2 server_threads="" server_searches=""
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --baseline-duration) baseline_duration=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
    --server-searches) server_searches=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps.sh)" >&2; exit 2; }

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$db" ]; then
  db="$work/news.db"
  echo "indexing $corpus"
  "$build/indexer/nindex" --db "$db" add "$corpus" >/dev/null
fi
"$build/searcher/nsearch" serve --db "$db" --port 0 --quiet \
  ${server_threads:+--threads "$server_threads"} ${server_searches:+--searches "$server_searches"} 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do
  port=$(sed -n 's|.* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/server.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { cat "$work/server.log" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/api/stats" | head -c 200; echo

# Baseline in the same run: the HTTP layer alone (a small embedded file, no search).
echo "baseline: GET /style.css, $connections connections, $baseline_duration"
wrk -t"$wrk_threads" -c"$connections" -d"$baseline_duration" --timeout "$timeout" --latency \
  "http://127.0.0.1:$port/style.css" | tee "$work/baseline.out" | grep -E "Requests/sec|99%|errors"
echo "wrk: $connections connections, $duration, $wrk_threads threads, time-out $timeout, http://127.0.0.1:$port"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
wrk -t"$wrk_threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency \
  -s "$root/bench/wrk_mixed.lua" "http://127.0.0.1:$port" | tee "$work/wrk.out"
base_rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$work/baseline.out")
mix_rps=$(sed -n 's/^requests\/s \([0-9.]*\)/\1/p' "$work/wrk.out")
awk -v a="$mix_rps" -v b="$base_rps" 'BEGIN { printf "search mix / static baseline: %.3f of the requests/s\n", a / b }'
errors=$(sed -n 's/^errors connect \([0-9]*\) read \([0-9]*\) write \([0-9]*\) timeout \([0-9]*\) status \([0-9]*\)$/\1 \2 \3 \4 \5/p' "$work/wrk.out")
[ -n "$errors" ] || { echo "no summary from wrk" >&2; exit 1; }
for n in $errors; do
  [ "$n" -eq 0 ] || { echo "FAILED: errors (connect read write timeout status): $errors" >&2; exit 1; }
done
echo "zero errors"
