#!/usr/bin/env python3
"""Ranking quality of nsearch on the classic IR test collections (../shared/data/relevance).

For each collection: index docs.jsonl with `nindex`, run queries.tsv with
`nsearch --trec-run`, and score the run against qrels.txt: MAP, nDCG@10, P@10, computed as
`trec_eval -c` does (every judged query counts, one with no results scores 0; the run is
re-sorted by score, ties broken by document id descending; relevant means judgment > 0).

  relevance_eval.py NINDEX NSEARCH [--collections time,cacm,...] [--work DIR]
                    [--min-map-time F] [--min-map-mean F] [-- NSEARCH-OPTIONS...]

Exit status: 0 when the minimums hold, 1 otherwise, 77 (CTest's skip) without the data.
"""
import argparse
import math
import os
import pathlib
import subprocess
import sys
import tempfile
from collections import defaultdict

SKIP = 77
ALL = ["time", "cacm", "cisi", "cran", "med", "npl", "lisa", "adi"]


def read_qrels(path):
    qrels = defaultdict(dict)
    for line in path.read_text().split("\n"):
        parts = line.split()
        if len(parts) < 4:
            continue
        qid, _, doc, rel = parts[:4]
        qrels[qid][doc] = int(rel)
    return qrels


def read_run(text):
    run = defaultdict(list)
    for line in text.split("\n"):
        parts = line.split()
        if len(parts) < 6:
            continue
        qid, _, doc, _, score = parts[:5]
        run[qid].append((float(score), doc))
    for qid in run:
        # trec_eval ignores the rank column: by score, ties by docno descending.
        run[qid].sort(key=lambda sd: (sd[0], sd[1]), reverse=True)
    return run


def evaluate(qrels, run):
    aps, ndcgs, p10s = [], [], []
    for qid, judged in qrels.items():
        relevant = {d for d, r in judged.items() if r > 0}
        ranked = [d for _, d in run.get(qid, [])]
        hits, precision_sum = 0, 0.0
        for i, doc in enumerate(ranked, 1):
            if doc in relevant:
                hits += 1
                precision_sum += hits / i
        aps.append(precision_sum / len(relevant) if relevant else 0.0)
        p10s.append(sum(1 for d in ranked[:10] if d in relevant) / 10)
        gains = [max(judged.get(d, 0), 0) for d in ranked[:10]]
        dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
        ideal = sorted((max(r, 0) for r in judged.values()), reverse=True)[:10]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcgs.append(dcg / idcg if idcg > 0 else 0.0)
    n = len(qrels)
    return sum(aps) / n, sum(ndcgs) / n, sum(p10s) / n


def main():
    here = pathlib.Path(__file__).resolve().parent
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser()
    parser.add_argument("nindex")
    parser.add_argument("nsearch")
    parser.add_argument("--shared", default=os.environ.get("NSEARCH_SHARED_DIR",
                                                           str(here.parents[2] / "shared")))
    parser.add_argument("--collections", default=",".join(ALL))
    parser.add_argument("--work", help="keep databases here (reused when present)")
    parser.add_argument("--min-map-time", type=float, default=0.0)
    parser.add_argument("--min-map-mean", type=float, default=0.0)
    args = parser.parse_args(argv)

    root = pathlib.Path(args.shared) / "data" / "relevance"
    if not root.is_dir():
        print(f"relevance collections not found under {root}: skipped")
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(args.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        maps = {}
        print(f"{'collection':10s} {'queries':>7s} {'MAP':>7s} {'nDCG@10':>8s} {'P@10':>7s}")
        for name in args.collections.split(","):
            coll = root / name
            db = work / f"{name}.db"
            if not db.exists():
                subprocess.run([args.nindex, "--db", str(db), "add", "--lang", "en",
                                str(coll / "docs.jsonl")], check=True, capture_output=True)
            proc = subprocess.run([args.nsearch, "--db", str(db), "--trec-run",
                                   str(coll / "queries.tsv")] + extra,
                                  check=True, capture_output=True, text=True)
            qrels = read_qrels(coll / "qrels.txt")
            m, ndcg, p10 = evaluate(qrels, read_run(proc.stdout))
            maps[name] = m
            print(f"{name:10s} {len(qrels):7d} {m:7.4f} {ndcg:8.4f} {p10:7.4f}")
        mean = sum(maps.values()) / len(maps)
        print(f"{'mean':10s} {'':7s} {mean:7.4f}")
    ok = mean >= args.min_map_mean and maps.get("time", 1.0) >= args.min_map_time
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
