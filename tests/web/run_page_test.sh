#!/usr/bin/env bash
# CTest driver of the browser test: installs playwright-core (pinned by package-lock.json) into
# the build folder, indexes the sample corpus plus a hostile article, starts `nsearch serve` on
# a free loopback port and runs page_test.mjs in Debian's headless Chromium. Screenshots land
# in BUILD_DIR/web-test/screenshots.
# Usage: run_page_test.sh BUILD_DIR SOURCE_DIR NINDEX NSEARCH
set -euo pipefail
build_dir=$1 source_dir=$2 nindex=$3 nsearch=$4
here="$source_dir/tests/web"
work="$build_dir/web-test"
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ] || ! command -v node >/dev/null; then
  # CI installs both (scripts/install-deps.sh): there, their absence is a failure.
  if [ "${CI:-}" = "true" ]; then echo "chromium or node missing" >&2; exit 1; fi
  echo "skipped: $chromium or node not installed (scripts/install-deps.sh installs them)"
  exit 77
fi

mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf "$work/news.db" "$work/screenshots"
"$nindex" --db "$work/news.db" add "$source_dir/corpus" "$source_dir/tests/data/web/hostile.jsonl" >/dev/null

# start_server LOG [OPTIONS...]: starts `nsearch serve` in the background and sets $server to
# its pid and $port to the port it announced.
start_server() {
  local log=$1
  shift
  "$nsearch" serve --db "$work/news.db" --port 0 "$@" 2>"$log" &
  server=$!
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's|.* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)
    [ -n "$port" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "server did not start" >&2
  cat "$log" >&2
  exit 1
}

# A second server that counts at most 3 matching articles: the page shows its lower bounds.
start_server "$work/server-limited.log" --count-limit 3
limited=$server limited_port=$port
trap 'kill "$limited" 2>/dev/null || true; wait "$limited" 2>/dev/null || true' EXIT
start_server "$work/server.log"
trap 'kill "$server" "$limited" 2>/dev/null || true; wait "$server" "$limited" 2>/dev/null || true' EXIT

cp "$here/page_test.mjs" "$work/"
status=0
CHROMIUM="$chromium" node "$work/page_test.mjs" "http://127.0.0.1:$port" "$work/screenshots" \
  "http://127.0.0.1:$limited_port" || status=$?
kill -TERM "$server" "$limited"
wait "$server" || { echo "server did not exit cleanly" >&2; status=1; }
wait "$limited" || { echo "the second server did not exit cleanly" >&2; status=1; }
trap - EXIT
echo "screenshots: $work/screenshots"
exit $status
