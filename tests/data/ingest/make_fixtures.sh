#!/usr/bin/env bash
# Regenerates the binary ingest fixtures (archives, compressed files, the WARC) in this folder.
# The plain-text fixtures (*.csv, *.tsv, *.json) are committed as they are. Needs: python3,
# zip, tar, gzip, bzip2, xz (xz-utils), zstd. Output is deterministic (fixed times and owners).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# ---- bundle.zip: a text article, an HTML page, and files that are not articles -------------
mkdir -p zip/pages zip/notes
cat > zip/notes/ferry.txt <<'EOF'
Title: Bravo Ferry Timetable Changes From Monday
Outlet: Harbour Notes
Date: 2023-05-01

The bravo ferry will leave the north quay half an hour earlier from next week, the operator said.
Commuters welcomed the change, which follows months of complaints about late arrivals.
EOF
cat > zip/pages/flood.html <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>River Flood Warning Issued For Valley Towns | Valley Times</title>
<meta property="og:title" content="River Flood Warning Issued For Valley Towns">
<meta property="og:site_name" content="Valley Times">
<meta property="article:published_time" content="2023-04-02T09:30:00Z">
<link rel="canonical" href="https://valleytimes.example/news/river-flood-warning">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>River Flood Warning Issued For Valley Towns</h1>
<p>The environment agency issued a flood warning on Sunday for the towns along the lower valley after two days of heavy rain raised the river to its highest level this year.</p>
<p>Residents of low-lying streets were told to move valuables upstairs and to keep sandbags ready, while the council opened two rest centres in school halls on higher ground.</p>
<p>Engineers expect the river to peak on Monday night and said the new flood barrier at the mill bridge would be closed for the first time since it was completed last autumn.</p>
</article>
<footer>Copyright Valley Times</footer>
</body></html>
EOF
printf 'This archive holds test articles.\n' > zip/README.txt
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > zip/logo.png
find zip -exec touch -d '1980-01-02 00:00:00' {} +
(cd zip && rm -f "$here/bundle.zip" && zip -X -q -r "$here/bundle.zip" notes pages README.txt logo.png)

# ---- bundle.tar.gz: Webhose post files, a nested .jsonl.gz and a licence ------------------
mkdir -p tar/posts tar/extra
cat > tar/posts/news_0000001.json <<'EOF'
{"thread": {"site": "harbourgazette.example", "site_full": "www.harbourgazette.example", "title": "Tug Crews Vote To Strike Over Rosters", "published": "2024-02-10T18:00:00.000+02:00", "country": "GB"}, "uuid": "b1", "url": "https://www.harbourgazette.example/tug-crews-strike", "author": "harbourgazette", "published": "2024-02-10T18:00:00.000+02:00", "title": "Tug Crews Vote To Strike Over Rosters", "text": "Tug crews at the harbour voted to strike over new rosters.\nThe union said talks had failed.", "language": "english", "entities": {"persons": [], "organizations": [{"name": "harbour union", "sentiment": "none"}]}}
EOF
cat > tar/posts/news_0000002.json <<'EOF'
{"thread": {"site": "harbourgazette.example", "title": "Lighthouse Keeper Retires After Forty Years", "published": "2024-02-11T07:30:00.000+02:00"}, "uuid": "b2", "url": "https://www.harbourgazette.example/keeper-retires", "author": "", "published": "2024-02-11T07:30:00.000+02:00", "title": "", "text": "The keeper of the east lighthouse retired on Sunday after forty years of service.", "language": "english"}
EOF
printf '%s\n' \
  '{"id": "nested-1", "title": "Nested Gzip Member Is Read", "outlet": "Archive Wire", "date": "2024-02-12", "body": "A member compressed inside the tarball is decompressed and read."}' \
  | gzip -n -9 > tar/extra/more.jsonl.gz
printf 'Test data, no licence needed.\n' > tar/LICENSE
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -C tar -cf - \
    posts extra LICENSE | gzip -n -9 > "$here/bundle.tar.gz"

# ---- records.jsonl.{bz2,xz,zst}: one JSON Lines file per compressor ------------------------
for kind in bz2 xz zst; do
  printf '%s\n' \
    "{\"id\": \"$kind-1\", \"title\": \"Compressed $kind record one\", \"outlet\": \"Pack Wire\", \"date\": \"2022-05-01\", \"lang\": \"en\", \"body\": \"The first record of the $kind file.\"}" \
    "{\"id\": \"$kind-2\", \"title\": \"Compressed $kind record two\", \"outlet\": \"Pack Wire\", \"date\": \"2022-05-02\", \"lang\": \"en\", \"body\": \"The second record of the $kind file.\"}" \
    > "records-$kind.jsonl"
done
bzip2 -9 -c records-bz2.jsonl > "$here/records.jsonl.bz2"
xz -9 -c records-xz.jsonl > "$here/records.jsonl.xz"
zstd -q -19 -c records-zst.jsonl > "$here/records.jsonl.zst"

# ---- cc-news-sample.warc.gz: CC-NEWS style, one gzip member per record ----------------------
python3 - "$here/cc-news-sample.warc.gz" <<'EOF'
import gzip, sys

serial = [0]

def record(kind, uri, date, block, content_type, extra=""):
    serial[0] += 1
    head = ("WARC/1.0\r\nWARC-Type: %s\r\n" % kind
            + ("WARC-Target-URI: %s\r\n" % uri if uri else "")
            + "WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
            % (date, serial[0])
            + extra
            + "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (content_type, len(block)))
    return head.encode() + block + b"\r\n\r\n"

def http(status, headers, body):
    head = "HTTP/1.1 %s\r\n" % status + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode() + body

page1 = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour Crane Collapse Halts Night Shift - Coast Courier</title>
<meta property="og:title" content="Harbour Crane Collapse Halts Night Shift">
<meta property="og:site_name" content="Coast Courier">
<meta property="article:published_time" content="2024-03-05T08:15:00+01:00">
<link rel="canonical" href="https://coastcourier.example/news/harbour-crane-collapse">
</head><body><header><a href="/">Coast Courier</a></header>
<article><h1>Harbour Crane Collapse Halts Night Shift</h1>
<p>A container crane at the south harbour collapsed shortly after midnight on Tuesday, halting the night shift and closing two berths while investigators examined the wreckage.</p>
<p>No one was hurt, the port authority said, because the crane operator had left the cab minutes earlier for a scheduled break and the quay below had been cleared for a ship movement.</p>
<p>Shipping lines were told to expect delays of up to three days as cargo was diverted to the north terminal, where extra crews were called in to work through the weekend.</p>
</article><footer>Contact us</footer></body></html>""".encode()

page2 = """<!DOCTYPE html><html><head>
<title>Orchard Growers Report Record Apple Harvest</title></head><body>
<div class="story"><h1>Orchard Growers Report Record Apple Harvest</h1>
<p>Orchard growers in the eastern hills reported a record apple harvest this season, helped by a mild spring without late frosts and a dry, warm September.</p>
<p>The growers association said pickers brought in almost a fifth more fruit than last year, and that cold stores across the region were full for the first time in a decade.</p>
<p>Prices at the farm gate fell slightly as a result, but the association expects exports to make up the difference once the new rail link to the coast opens next month.</p>
</div></body></html>""".encode()

out = []
out.append(record("warcinfo", None, "2024-03-06T12:00:00Z",
                  b"software: fixture generator\r\nformat: WARC File Format 1.0\r\n",
                  "application/warc-fields"))
out.append(record("request", "https://coastcourier.example/news/harbour-crane-collapse",
                  "2024-03-06T12:00:01Z",
                  b"GET /news/harbour-crane-collapse HTTP/1.1\r\nHost: coastcourier.example\r\n\r\n",
                  "application/http; msgtype=request"))
out.append(record("response", "https://coastcourier.example/news/harbour-crane-collapse",
                  "2024-03-06T12:00:01Z",
                  http("200 OK", [("Content-Type", "text/html; charset=UTF-8"),
                                  ("X-Crawler-Content-Encoding", "gzip")], page1),
                  "application/http; msgtype=response"))
out.append(record("response", "https://orchardnews.example/2024/03/record-apple-harvest/",
                  "2024-03-06T12:00:02Z",
                  http("200 OK", [("Content-Type", "text/html")], page2),
                  "application/http; msgtype=response"))
out.append(record("response", "https://coastcourier.example/images/crane.jpg",
                  "2024-03-06T12:00:03Z",
                  http("200 OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0\0\x10JFIF\0"),
                  "application/http; msgtype=response"))
out.append(record("response", "https://coastcourier.example/old-page",
                  "2024-03-06T12:00:04Z",
                  http("301 Moved Permanently", [("Content-Type", "text/html"),
                                                 ("Location", "https://coastcourier.example/")],
                       b"<html><body>Moved</body></html>"),
                  "application/http; msgtype=response"))
with open(sys.argv[1], "wb") as f:
    for r in out:
        f.write(gzip.compress(r, compresslevel=9, mtime=0))
EOF
echo "fixtures written to $here"
