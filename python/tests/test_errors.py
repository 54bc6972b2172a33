"""Errors arrive as nsearch.Error subclasses carrying the C++ error kind, never as a crash."""

import subprocess

import pytest

import nsearch


def test_a_missing_database_raises_database_not_found(tmp_path):
    with pytest.raises(nsearch.DatabaseNotFoundError) as raised:
        nsearch.Searcher(tmp_path / "nothing-here")
    assert raised.value.kind == "database_not_found"
    assert isinstance(raised.value, nsearch.Error)
    assert isinstance(raised.value, FileNotFoundError)
    assert "nothing-here" in str(raised.value)


@pytest.mark.parametrize("query", [
    " OR ".join(f"word{i}" for i in range(300)),  # over the limit of 256 terms
    "  ",  # nothing to search, and no filter
])
def test_a_bad_query_raises_bad_query_as_the_cli_fails(searcher, nsearch_bin, db, query):
    with pytest.raises(nsearch.BadQueryError) as raised:
        searcher.search(query)
    assert raised.value.kind == "bad_query"
    assert isinstance(raised.value, ValueError)
    cli = subprocess.run([nsearch_bin, "--db", db, query], capture_output=True, text=True)
    assert cli.returncode == 2
    assert cli.stderr == f"nsearch: {raised.value}\n"


@pytest.mark.parametrize("query", ['"Russian contractor', "year:21", "kind:blog"])
def test_bad_syntax_falls_back_to_plain_words_as_the_cli_does(searcher, cli_json, query):
    result = searcher.search(query)
    assert result.query_fallback and result.fallback_reason
    assert result.to_dict() == cli_json(query)


@pytest.mark.parametrize(
    "options,message",
    [
        ({"since": "last tuesday"}, "since"),
        ({"until": "2021-13-45"}, "until"),
        ({"limit": 20000}, "must be at most 10000"),
        ({"limit": -1}, "limit"),
        ({"limit": 9000, "offset": 2000}, "result window"),
        ({"facets": ["outlet", "colour"]}, "colour"),
        ({"sort": "oldest"}, "expected relevance or date"),
        ({"kind": "blog"}, "expected article or page"),
        ({"title_weight": -1.0}, "title-weight"),
        ({"bm25_k1": float("nan")}, "bm25_k1"),
        ({"recency": "soon"}, "recency"),
        ({"snippet_bytes": -5}, "snippet_bytes"),
    ],
)
def test_a_bad_option_raises_invalid_argument(searcher, options, message):
    with pytest.raises(nsearch.InvalidArgumentError, match=message) as raised:
        searcher.search("election", **options)
    assert raised.value.kind == "invalid_argument"
    assert isinstance(raised.value, ValueError)


def test_an_unknown_id_raises_not_found(searcher):
    for call in (searcher.document, searcher.copies, searcher.similar):
        with pytest.raises(nsearch.NotFoundError) as raised:
            call("no-such-article")
        assert raised.value.kind == "not_found"
        assert isinstance(raised.value, LookupError)


def test_every_kind_has_its_class():
    kinds = {
        getattr(nsearch, name).kind
        for name in nsearch.__all__
        if isinstance(getattr(nsearch, name), type)
        and issubclass(getattr(nsearch, name), nsearch.Error)
        and getattr(nsearch, name) is not nsearch.Error
    }
    assert kinds == {
        "invalid_argument", "bad_query", "database_not_found", "database_locked",
        "database_error", "storage_full", "input_error", "not_found",
    }
