#!/usr/bin/env python3
"""Scores `nindex extract` on the extraction dev set (../shared/data/extraction-dev).

For each input kind (html/, text/ lynx dumps, text-innertext/ innerText dumps) runs
`nindex extract --json` over the folder, writes title + blank line + body per page, and scores
the predictions against truth_strict/ with ../shared/tools/extract_score.py (mean token F1).

  extraction_eval.py NINDEX [--shared DIR] [--kinds html,text,text-innertext]
                     [--min-html F] [--min-text F] [--min-innertext F] [--keep DIR]

Exits 0 when every measured F1 reaches its minimum, 1 otherwise, and 77 (CTest's skip code)
when the shared data is absent.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

SKIP = 77


def predict(nindex, input_dir, out_dir):
    """Runs the extractor over input_dir; one prediction file per input page."""
    out_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([nindex, "extract", "--json", str(input_dir)],
                          capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"nindex extract failed ({proc.returncode}): {proc.stderr[-2000:]}")
    # One object per "\n"-terminated line (str.splitlines would also split at U+2028 inside
    # strings).
    for line in proc.stdout.split("\n"):
        if not line:
            continue
        article = json.loads(line)
        stem = pathlib.Path(article["source"]).name.split(".")[0]
        text = (article["title"] or "") + "\n\n" + (article["body"] or "")
        (out_dir / f"{stem}.txt").write_text(text, encoding="utf-8")
    rejected = sum(1 for l in proc.stderr.split("\n") if l.endswith("; skipped"))
    return rejected


def score(scorer, gold_dir, pred_dir):
    proc = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_dir), "--quiet"],
                          capture_output=True, text=True, check=True)
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("extraction F1"), last
    return float(last.split()[-1])


def main():
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser()
    parser.add_argument("nindex")
    parser.add_argument("--shared", default=os.environ.get("NSEARCH_SHARED_DIR",
                                                           str(here.parents[2] / "shared")))
    parser.add_argument("--kinds", default="html,text,text-innertext")
    parser.add_argument("--min-html", type=float, default=0.0)
    parser.add_argument("--min-text", type=float, default=0.0)
    parser.add_argument("--min-innertext", type=float, default=0.0)
    parser.add_argument("--keep", help="keep predictions under this folder")
    args = parser.parse_args()

    shared = pathlib.Path(args.shared)
    dev = shared / "data" / "extraction-dev"
    scorer = shared / "tools" / "extract_score.py"
    if not (dev / "truth_strict").is_dir() or not scorer.is_file():
        print(f"extraction dev set not found under {shared}: skipped")
        return SKIP

    minimum = {"html": args.min_html, "text": args.min_text, "text-innertext": args.min_innertext}
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        base = pathlib.Path(args.keep) if args.keep else pathlib.Path(tmp)
        for kind in args.kinds.split(","):
            pred = base / kind
            rejected = predict(args.nindex, dev / kind, pred)
            f1 = score(scorer, dev / "truth_strict", pred)
            verdict = "ok" if f1 >= minimum[kind] else "BELOW MINIMUM"
            ok = ok and f1 >= minimum[kind]
            print(f"{kind:15s} mean token F1 {f1:.4f}  (minimum {minimum[kind]:.2f}, "
                  f"{rejected} pages rejected)  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
