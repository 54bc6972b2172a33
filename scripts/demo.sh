#!/usr/bin/env bash
# Quick start: install, build, index corpus/ into ./news.db, and run a search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh >/dev/null
./build/indexer/nindex --db news.db add corpus/
./build/searcher/nsearch --db news.db "Russian contractor"
