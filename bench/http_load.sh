#!/usr/bin/env bash
# Load test of `nsearch serve` with wrk on loopback: a mix of /api/search queries from many
# connections. Fails unless every request got a 2xx answer (no socket error, no time-out).
# Usage: bench/http_load.sh [--build DIR] [--corpus PATH] [--connections N] [--duration 30s]
#                           [--threads N] [--server-threads N]
# The corpus defaults to the shared Reuters-21578 collection when present, else corpus/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"
corpus="$root/../shared/data/news-en/reuters21578/reuters21578.jsonl.gz"
[ -f "$corpus" ] || corpus="$root/corpus"
connections=64 duration=30s wrk_threads=2 server_threads=""
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
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

echo "indexing $corpus"
"$build/indexer/nindex" --db "$work/news.db" add "$corpus" >/dev/null
"$build/searcher/nsearch" serve --db "$work/news.db" --port 0 --quiet \
  ${server_threads:+--threads "$server_threads"} 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do
  port=$(sed -n 's|.* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/server.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { cat "$work/server.log" >&2; exit 1; }
curl -fsS "http://127.0.0.1:$port/api/stats" | head -c 200; echo

echo "wrk: $connections connections, $duration, $wrk_threads threads, http://127.0.0.1:$port"
wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency \
  -s "$root/bench/wrk_mixed.lua" "http://127.0.0.1:$port" | tee "$work/wrk.out"
errors=$(sed -n 's/^errors connect \([0-9]*\) read \([0-9]*\) write \([0-9]*\) timeout \([0-9]*\) status \([0-9]*\)$/\1 \2 \3 \4 \5/p' "$work/wrk.out")
[ -n "$errors" ] || { echo "no summary from wrk" >&2; exit 1; }
for n in $errors; do
  [ "$n" -eq 0 ] || { echo "FAILED: errors (connect read write timeout status): $errors" >&2; exit 1; }
done
echo "zero errors"
