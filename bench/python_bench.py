#!/usr/bin/env python3
"""What a search costs from Python against the same search through the C++ library.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py [--db DB] [--passes N]

Runs the queries of bench/queries-en.tsv (the requests of `nsearch bench`: top 10 with snippets,
outlet and year facets for "faceted", newest first for "date") on one database, alternately
through `nsearch bench` (C++, in a process of its own) and through nsearch.Searcher (timing
search() and reading every hit's fields, as a caller would), `--rounds` times each, and prints
the latencies and the ratio Python / C++ of the best round of each, and the ratio of CPU time per
search (medians of the rounds), which load on a shared machine skews less. Without --db it indexes
the English reference corpus (../shared/data/news-en) into --work first.
"""

import argparse
import json
import pathlib
import resource
import statistics
import subprocess
import sys
import time

import nsearch

ROOT = pathlib.Path(__file__).resolve().parents[1]


def read_queries(path):
    """(kind, query) as nsearch's read_bench_queries reads them: `kind<TAB>query` lines."""
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, query = line.partition("\t")
        if not query:
            sys.exit(f"{path}: expected kind<TAB>query, got {line!r}")
        queries.append((kind, query))
    return queries


def request_options(kind):
    """bench_request() of searcher/src/bench.cpp."""
    if kind == "faceted":
        return {"limit": 10, "facets": ["outlet", "year"]}
    if kind == "date":
        return {"limit": 10, "sort": "date"}
    return {"limit": 10}


def percentile(sorted_ms, p):
    return sorted_ms[min(len(sorted_ms) - 1, int(p / 100 * len(sorted_ms)))]


def python_round(searcher, queries, passes):
    requests = [(q, request_options(kind)) for kind, q in queries]
    for query, options in requests:  # warm-up pass, as nsearch bench --warmup 1
        searcher.search(query, **options)
    times = []
    cpu_start = time.process_time()
    for _ in range(passes):
        for query, options in requests:
            start = time.perf_counter()
            result = searcher.search(query, **options)
            for hit in result.hits:
                hit.id, hit.title, hit.snippet, hit.date, hit.outlet
            result.facets
            times.append((time.perf_counter() - start) * 1000)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / len(times)
    times.sort()
    return {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "mean_ms": statistics.fmean(times), "cpu_ms": cpu_ms}


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpp_bench(nsearch_bin, db, queries_path, passes):
    """`nsearch bench`'s report, and the CPU seconds of the whole process."""
    before = children_cpu_seconds()
    done = subprocess.run(
        [nsearch_bin, "bench", queries_path, "--db", db, "--passes", str(passes),
         "--warmup", "1", "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(done.stdout)["overall"], children_cpu_seconds() - before


def cpp_round(nsearch_bin, db, queries_path, passes, query_count):
    # CPU per search: a run of 1 + passes timed passes less a run of 1 (start-up, warm-up and
    # the first pass cancel out), which machine load does not skew as it skews latency.
    report, cpu = cpp_bench(nsearch_bin, db, queries_path, passes + 1)
    _, cpu_one_pass = cpp_bench(nsearch_bin, db, queries_path, 1)
    report["cpu_ms"] = (cpu - cpu_one_pass) * 1000 / (passes * query_count)
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=pathlib.Path)
    parser.add_argument("--work", type=pathlib.Path, default=ROOT / "build/python-bench.db",
                        help="database to index into when --db is not given")
    parser.add_argument("--inputs", type=pathlib.Path, nargs="*",
                        default=sorted((ROOT.parent / "shared/data/news-en").glob("*/*.jsonl.gz")))
    parser.add_argument("--queries", type=pathlib.Path, default=ROOT / "bench/queries-en.tsv")
    parser.add_argument("--nsearch", type=pathlib.Path, default=ROOT / "build/searcher/nsearch")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    db = args.db
    if db is None:
        db = args.work
        summary = nsearch.Indexer(db).add(args.inputs)
        print(f"indexed {summary['added']} articles into {db} "
              f"in {summary['elapsed_seconds']:.1f} s", file=sys.stderr)
    queries = read_queries(args.queries)
    searcher = nsearch.Searcher(db)
    cpp, python = [], []
    for _ in range(args.rounds):  # alternated, so that load on the machine hits both alike
        cpp.append(cpp_round(args.nsearch, db, args.queries, args.passes, len(queries)))
        python.append(python_round(searcher, queries, args.passes))
    best_cpp = min(cpp, key=lambda r: r["p50_ms"])
    best_python = min(python, key=lambda r: r["p50_ms"])
    cpu_cpp = statistics.median(r["cpu_ms"] for r in cpp)
    cpu_python = statistics.median(r["cpu_ms"] for r in python)
    report = {
        "database": str(db),
        "documents": searcher.stats()["documents"],
        "queries": len(queries),
        "runs_per_round": len(queries) * args.passes,
        "cpp": {k: best_cpp[k] for k in ("p50_ms", "p95_ms")},
        "python": {k: round(best_python[k], 3) for k in ("p50_ms", "p95_ms", "mean_ms")},
        "ratio_p50": round(best_python["p50_ms"] / best_cpp["p50_ms"], 3),
        "ratio_p95": round(best_python["p95_ms"] / best_cpp["p95_ms"], 3),
        "cpu_ms_per_search": {"cpp": round(cpu_cpp, 3), "python": round(cpu_python, 3)},
        "ratio_cpu": round(cpu_python / cpu_cpp, 3),
        "rounds_p50_ms": {"cpp": [r["p50_ms"] for r in cpp],
                          "python": [round(r["p50_ms"], 3) for r in python]},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
