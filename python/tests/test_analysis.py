"""nsearch.Searcher.trend and .terms: the same JSON as `nsearch trend --json` and `nsearch terms
--json`; shares are counts over the period's totals; bad options raise."""

import json
import subprocess

import pytest

import nsearch


def run_cli(nsearch_bin, db, *args):
    done = subprocess.run([nsearch_bin, *args, "--db", db, "--json"], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_trend_equals_cli(searcher, nsearch_bin, db):
    trend = searcher.trend(["oil", "Mali"], by="year", count="stories", normalise=True,
                           langs=["en"], since="2019")
    assert trend == run_cli(nsearch_bin, db, "trend", "oil", "Mali", "--by", "year", "--count",
                            "stories", "--normalise", "--lang", "en", "--since", "2019")
    assert trend["periods"][0] == "2019"
    assert sum(trend["series"][0]["counts"]) > 0
    for series in trend["series"]:
        for count, total, share in zip(series["counts"], trend["totals"], series["shares"]):
            assert share == pytest.approx(count / total if total else 0.0)


def test_terms_equals_cli(searcher, nsearch_bin, db):
    terms = searcher.terms("oil", limit=5)
    assert terms == run_cli(nsearch_bin, db, "terms", "oil", "--limit", "5")
    assert 0 < len(terms["terms"]) <= 5
    assert all(t["term"] != "oil" for t in terms["terms"])
    scores = [t["score"] for t in terms["terms"]]
    assert scores == sorted(scores, reverse=True)


def test_bad_options_raise(searcher):
    with pytest.raises(nsearch.InvalidArgumentError):
        searcher.trend(["oil"], by="fortnight")
    with pytest.raises(nsearch.InvalidArgumentError):
        searcher.trend([])
    with pytest.raises(nsearch.InvalidArgumentError):
        searcher.terms("oil", limit=0)
    with pytest.raises(nsearch.InvalidArgumentError):
        searcher.terms("oil", by="pages")
    with pytest.raises(nsearch.BadQueryError):
        searcher.terms("   ")
