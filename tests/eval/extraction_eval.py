#!/usr/bin/env python3
"""Scores `nindex extract` on the two extraction development sets in ../shared/data.

  extraction-dev   619 English pages of 2008 with gold text (truth_strict/: headline + body):
                   mean per-page token P/R/F1 and 4-shingle P/R/F1 (../shared/tools/extract_score.py)
  extraction-wild  990 modern pages in 15 languages, each with snippets its main text must and
                   must not contain: pooled snippet P/R/F1 (../shared/tools/snippet_score.py)

Each set is read as HTML (html/), lynx dumps (text/) and innerText dumps (text-innertext/). The
prediction for a page is its title, a blank line and its body, whatever kind ("article" or
"page") the extractor gives it. Printed per set and input kind: precision, recall, F1, pages
with an empty output, pages kept as kind "page", pages with 100+ words of expected text that
came out empty (on extraction-wild: every empty page, as every page there has main text),
throughput (pages and MB of input per CPU second of the whole `nindex extract` process), and
the worst pages. With --baseline the same is done for a second binary in the same run, and the
rows are printed side by side (before/after, same machine load).

  extraction_eval.py NINDEX [--baseline NINDEX] [--sets dev,wild] [--kinds html,text,text-innertext]
                     [--worst N] [--min SET:KIND=F ...] [--keep DIR] [--json OUT] [--shared DIR]

--min dev:html=0.97 fails the run (exit 1) when that F1 (token F1 on dev, snippet F1 on wild)
of NINDEX is below the value; --max-lost N fails it when more than N pages with 100+ words of
expected text come out empty. Exits 77 (CTest's skip code) when the shared data is absent.
"""
import argparse
import json
import os
import pathlib
import re
import resource
import subprocess
import sys
import tempfile

SKIP = 77
KINDS = ("html", "text", "text-innertext")
WORD = re.compile(r"\w+")


def run_extract(nindex, input_dir, out_dir):
    """Runs the extractor over input_dir, writes one prediction per page; returns stats."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # CPU time of the child, not wall time: the machine is shared and a build or another run
    # beside this one would otherwise decide the throughput.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([nindex, "extract", "--json", str(input_dir)],
                          capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.exit(f"nindex extract failed ({proc.returncode}): {proc.stderr[-2000:]}")
    kinds = {}
    # One object per "\n"-terminated line (str.splitlines would also split at U+2028 inside
    # strings).
    for line in proc.stdout.split("\n"):
        if not line:
            continue
        article = json.loads(line)
        stem = pathlib.Path(article["source"]).name.split(".")[0]
        text = (article.get("title") or "") + "\n\n" + (article.get("body") or "")
        (out_dir / f"{stem}.txt").write_text(text, encoding="utf-8")
        kind = article.get("kind") or "article"
        kinds[kind] = kinds.get(kind, 0) + 1
    skipped = sum(1 for l in proc.stderr.split("\n") if l.endswith("; skipped"))
    size = sum(p.stat().st_size for p in input_dir.iterdir() if p.is_file())
    inputs = sum(1 for p in input_dir.iterdir() if p.is_file())
    return {"seconds": seconds, "inputs": inputs, "bytes": size, "skipped": skipped,
            "pages_kind": kinds.get("page", 0)}


def read(path):
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def score_dev(gold_dir, pred_dir):
    """Mean per-page token and shingle P/R/F1 against truth_strict/, and the worst pages."""
    import extract_score as es  # noqa: E402 (found through sys.path set in main)
    pages, triples, exact = [], [], []
    for gold_path in sorted(gold_dir.glob("*.txt")):
        gold = read(gold_path)
        pred = read(pred_dir / gold_path.name)
        t = es.token_prf(gold, pred)
        tri, ex = es.shingle_counts(gold, pred)
        triples.append(tri)
        exact.append(ex)
        pages.append({"id": gold_path.stem, "p": t["precision"], "r": t["recall"], "f1": t["f1"],
                      "gold_words": t["gold_tokens"], "empty": not pred.strip() or
                      not (pred_dir / gold_path.name).exists()})
    n = len(pages)
    shingle = es.shingle_summary(triples)
    return {
        "precision": sum(p["p"] for p in pages) / n,
        "recall": sum(p["r"] for p in pages) / n,
        "f1": sum(p["f1"] for p in pages) / n,
        "shingle_precision": shingle["precision"],
        "shingle_recall": shingle["recall"],
        "shingle_f1": shingle["f1"],
        "pages": pages,
    }


def score_wild(expect, pred_dir):
    """Pooled snippet P/R/F1; per page the counts (a page's F1 for ranking the worst)."""
    import snippet_score as ss  # noqa: E402
    res = ss.score_dir(expect, str(pred_dir))
    pages = []
    for item, page in zip(expect, res["per_page"]):
        tp, fp, fn = page["tp"], page["fp"], page["fn"]
        f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 1.0
        pred = read(pred_dir / f"{item['id']}.txt")
        # Every page here has main text (its snippets sample it): an empty output loses it.
        pages.append({"id": item["id"], "lang": item.get("lang"), "tp": tp, "fp": fp, "fn": fn,
                      "f1": f1, "p": tp / (tp + fp) if tp + fp else 1.0,
                      "r": tp / (tp + fn) if tp + fn else 1.0,
                      "gold_words": None, "empty": not pred.strip()})
    return {"precision": res["precision"], "recall": res["recall"], "f1": res["f1"],
            "pages": pages}


def evaluate(nindex, set_name, set_dir, kind, base, worst):
    """The scores of one binary on one set and input kind."""
    pred = base / set_name / kind
    run = run_extract(nindex, set_dir / kind, pred)
    if set_name == "dev":
        res = score_dev(set_dir / "truth_strict", pred)
    else:
        import snippet_score as ss  # noqa: E402 (found through sys.path set in main)
        res = score_wild(ss.read_expect(set_dir / "expect.jsonl"), pred)
    res.update(run)
    res["empty"] = sum(1 for p in res["pages"] if p["empty"])
    res["lost"] = [p["id"] for p in res["pages"]
                   if p["empty"] and (p["gold_words"] is None or p["gold_words"] >= 100)]
    res["worst"] = sorted(res["pages"], key=lambda p: (p["f1"], p["id"]))[:worst]
    return res


def row(res):
    mb = res["bytes"] / 1e6
    text = (f"P {res['precision']:.4f}  R {res['recall']:.4f}  F1 {res['f1']:.4f}")
    if "shingle_f1" in res:
        text += (f"  | shingle P {res['shingle_precision']:.4f} R {res['shingle_recall']:.4f}"
                 f" F1 {res['shingle_f1']:.4f}")
    text += (f"  | empty {res['empty']}, kind page {res['pages_kind']}, lost {len(res['lost'])}"
             f"  | {res['inputs'] / res['seconds']:.0f} pages/s,"
             f" {mb / res['seconds']:.1f} MB/s (CPU)")
    return text


def main():
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("nindex")
    parser.add_argument("--baseline", help="a second nindex to score in the same run")
    parser.add_argument("--shared", default=os.environ.get("NSEARCH_SHARED_DIR",
                                                           str(here.parents[2] / "shared")))
    parser.add_argument("--sets", default="dev,wild")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--min", action="append", default=[], metavar="SET:KIND=F1")
    parser.add_argument("--max-lost", type=int, default=None)
    parser.add_argument("--keep", help="keep predictions under this folder")
    parser.add_argument("--json", help="write every number (per page too) here")
    args = parser.parse_args()

    shared = pathlib.Path(args.shared)
    tools = shared / "tools"
    all_sets = {"dev": shared / "data" / "extraction-dev",
                "wild": shared / "data" / "extraction-wild"}
    sets = {name: all_sets[name] for name in args.sets.split(",")}
    needed = [tools / "extract_score.py", tools / "snippet_score.py"]
    if any(not d.is_dir() for d in sets.values()) or any(not f.is_file() for f in needed):
        print(f"extraction sets not found under {shared}: skipped")
        return SKIP
    sys.path.insert(0, str(tools))
    kinds = args.kinds.split(",")

    minimum = {}
    for spec in args.min:
        key, value = spec.split("=")
        set_name, kind = key.split(":")
        minimum[(set_name, kind)] = float(value)

    with tempfile.TemporaryDirectory() as tmp:
        base = pathlib.Path(args.keep) if args.keep else pathlib.Path(tmp)
        binaries = {"new": args.nindex}
        if args.baseline:
            binaries["baseline"] = args.baseline
        systems = {name: {} for name in binaries}
        # Interleaved, so that both binaries see the same machine load.
        for set_name, set_dir in sets.items():
            for kind in kinds:
                for name, nindex in binaries.items():
                    systems[name][(set_name, kind)] = evaluate(nindex, set_name, set_dir, kind,
                                                               base / name, args.worst)

    ok = True
    metric = {"dev": "token (mean per page, truth_strict)", "wild": "snippet (pooled)"}
    for set_name in sets:
        print(f"== extraction-{set_name}: {metric[set_name]}")
        for kind in kinds:
            new = systems["new"][(set_name, kind)]
            verdict = ""
            if (set_name, kind) in minimum:
                good = new["f1"] >= minimum[(set_name, kind)]
                ok = ok and good
                verdict = f"  [min {minimum[(set_name, kind)]:.3f}: {'ok' if good else 'BELOW'}]"
            if args.baseline:
                old = systems["baseline"][(set_name, kind)]
                print(f"{kind:15s} before {row(old)}")
                print(f"{'':15s} after  {row(new)}{verdict}")
                print(f"{'':15s} throughput after/before "
                      f"{old['seconds'] / new['seconds']:.2f}x")
            else:
                print(f"{kind:15s} {row(new)}{verdict}")
        for kind in kinds:
            new = systems["new"][(set_name, kind)]
            worst = ", ".join(f"{p['id']} ({p['f1']:.2f}: P {p['p']:.2f} R {p['r']:.2f})"
                              for p in new["worst"])
            print(f"  worst {kind}: {worst}")
            if new["lost"]:
                print(f"  lost {kind} (100+ expected words, empty output): "
                      f"{', '.join(new['lost'])}")
        if args.max_lost is not None:
            for kind in kinds:
                lost = len(systems["new"][(set_name, kind)]["lost"])
                if lost > args.max_lost:
                    ok = False
                    print(f"  {kind}: {lost} pages lost (max {args.max_lost}): FAIL")

    if args.json:
        out = {name: {f"{s}:{k}": {key: v for key, v in res.items()}
                      for (s, k), res in sysres.items()} for name, sysres in systems.items()}
        pathlib.Path(args.json).write_text(json.dumps(out, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
