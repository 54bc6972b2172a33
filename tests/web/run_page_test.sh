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

log="$work/server.log"
"$nsearch" serve --db "$work/news.db" --port 0 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 100); do
  port=$(sed -n 's|.* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }

cp "$here/page_test.mjs" "$work/"
status=0
CHROMIUM="$chromium" node "$work/page_test.mjs" "http://127.0.0.1:$port" "$work/screenshots" || status=$?
kill -TERM "$server"
wait "$server" || { echo "server did not exit cleanly" >&2; status=1; }
trap - EXIT
echo "screenshots: $work/screenshots"
exit $status
