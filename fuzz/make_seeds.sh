#!/usr/bin/env bash
# Assembles the seed corpus of every fuzz target into OUT/<target>/ from the project's own
# inputs (corpus/, tests/data/), the small hand-written seeds and the regression inputs in
# fuzz/, and (when present) a few of the smallest pages of the shared extraction dev set.
# Nothing large is committed: the files are copied or unpacked here.
#   usage: fuzz/make_seeds.sh OUT [SHARED_DIR]
set -euo pipefail
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$fuzz_dir")
out=$1
shared=${2:-${NSEARCH_SHARED_DIR:-$src/../shared}}
targets=(text_cleaner html_extractor json_reader jsonl_reader csv_reader warc_reader dates search)

rm -rf "$out"
for t in "${targets[@]}"; do
  mkdir -p "$out/$t"
  for d in "$fuzz_dir/seeds/$t" "$fuzz_dir/regressions/$t"; do
    [ -d "$d" ] && cp "$d"/* "$out/$t"/ 2>/dev/null || true
  done
done

copy() {  # copy TARGET FILE...: each file as a seed named after its path
  local t=$1
  shift
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$out/$t/$(echo "${f#"$src"/}" | tr '/' '_')"
  done
}

copy text_cleaner "$src"/corpus/text/*.txt "$src"/corpus/seed/*.txt
copy json_reader "$src"/tests/data/ingest/*.json
copy jsonl_reader "$src"/corpus/jsonl/*.jsonl
for f in "$src"/tests/data/ingest/records.jsonl.xz; do
  [ -f "$f" ] && xz -dc "$f" >"$out/jsonl_reader/records.jsonl"
done
# The CSV target's first byte holds the options; 0 = detect everything, read the header.
for f in "$src"/tests/data/ingest/*.csv "$src"/tests/data/ingest/*.tsv; do
  { printf '\0'; cat "$f"; } >"$out/csv_reader/$(basename "$f")"
done
{ printf '\x02'; cat "$src/tests/data/ingest/wire.tsv"; } >"$out/csv_reader/wire-as-tsv.tsv"
# One WARC record per seed, and the whole file.
warc=$out/warc_reader/cc-news-sample.warc
gzip -dc "$src/tests/data/ingest/cc-news-sample.warc.gz" >"$warc"
awk -v dir="$out/warc_reader" '/^WARC\/1\.[01]\r?$/ { n++ } { print > (dir "/record-" n ".warc") }' "$warc"

# The smallest pages of the shared extraction dev set (HTML and their text dumps).
if [ -d "$shared/data/extraction-dev/html" ]; then
  mapfile -t pages < <(ls -S "$shared/data/extraction-dev/html" | tail -n 24)
  for p in "${pages[@]}"; do
    cp "$shared/data/extraction-dev/html/$p" "$out/html_extractor/dev-$p"
    stem=${p%.html}
    for dump in "$shared/data/extraction-dev/text/$stem.txt" \
      "$shared/data/extraction-dev/text-innertext/$stem.txt"; do
      [ -f "$dump" ] && cp "$dump" "$out/text_cleaner/dev-$(basename "$(dirname "$dump")")-$stem.txt"
    done
  done
fi
for t in "${targets[@]}"; do
  echo "$t: $(find "$out/$t" -type f | wc -l) seeds"
done
