"""Searcher.export(): every match, one dict at a time, as `nsearch export` writes it."""

import json
import subprocess

import pytest

import nsearch


def cli_export(nsearch_bin, db, *args):
    done = subprocess.run([nsearch_bin, "export", "--db", db, *args], capture_output=True,
                          text=True)
    assert done.returncode in (0, 1), done.stderr  # 1: nothing matched
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_export_gives_what_the_cli_writes(searcher, nsearch_bin, db):
    for query, options, args in [
        ("oil", {}, ["oil"]),
        ("Wagner", {"collapse": True}, ["Wagner", "--collapse"]),
        ("", {"langs": ["fr"], "order": "index"}, ["--lang", "fr", "--order", "index"]),
        ("", {"fields": ["date", "title"]}, ["--fields", "date,title"]),
    ]:
        exported = list(searcher.export(query, **options))
        assert exported == cli_export(nsearch_bin, db, *args), (query, options)
        assert exported


def test_export_counts_every_match_once(searcher, cli_json):
    everything = list(searcher.export(fields="id"))
    ids = [a["id"] for a in everything]
    assert len(ids) == len(set(ids)) == searcher.stats()["documents"]
    oil = searcher.export("oil", order="index")
    assert oil.matches == cli_json("oil", "--no-collapse", "--limit", "0")["total"]
    assert sum(1 for _ in oil) == oil.matches
    stories = sum(1 for _ in searcher.export("oil", collapse=True))
    assert stories == cli_json("oil", "--limit", "0")["total"]


def test_export_newest_first(searcher):
    dates = [a["date"] for a in searcher.export(fields="date")]
    dated = [d[:10] for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert all(d is None for d in dates[len(dated):])  # undated last


def test_export_errors(searcher):
    with pytest.raises(nsearch.InvalidArgumentError):
        searcher.export("oil", fields="id,colour")
    with pytest.raises(nsearch.InvalidArgumentError):
        searcher.export("oil", order="random")
    with pytest.raises(nsearch.InvalidArgumentError):
        searcher.export("oil", since="someday")
    with pytest.raises(TypeError):
        searcher.export("oil", colour="red")


def test_export_is_a_lazy_iterator(searcher):
    it = searcher.export(order="index")
    assert iter(it) is it
    first = next(it)
    assert set(first) == {"id", "url", "title", "title_derived", "outlet", "date", "author",
                          "lang", "category", "kind", "body", "source"}
    searcher.search("oil")  # the Searcher stays usable while an export is under way
    assert next(it)["id"] != first["id"]
