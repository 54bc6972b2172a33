"""Fixtures: the repository's corpus/, the CLIs built beside the module (their JSON is what the
module must agree with), and one database indexed through Python for the whole session."""

import json
import os
import pathlib
import subprocess

import pytest

import nsearch

SOURCE_DIR = pathlib.Path(__file__).resolve().parents[2]
BUILD_DIR = pathlib.Path(os.environ.get("NSEARCH_BUILD_DIR", SOURCE_DIR / "build"))


def module_env():
    """The environment for a child python3 that imports this nsearch, wherever it runs."""
    package_parent = pathlib.Path(nsearch.__file__).resolve().parents[1]
    return dict(os.environ, PYTHONPATH=str(package_parent))


def _path(variable, default):
    path = pathlib.Path(os.environ.get(variable, default))
    if not path.exists():
        pytest.fail(f"{path} not found (set {variable})")
    return path


@pytest.fixture(scope="session")
def corpus():
    return _path("NSEARCH_CORPUS_DIR", SOURCE_DIR / "corpus")


@pytest.fixture(scope="session")
def nindex_bin():
    return _path("NINDEX_BIN", BUILD_DIR / "indexer" / "nindex")


@pytest.fixture(scope="session")
def nsearch_bin():
    return _path("NSEARCH_BIN", BUILD_DIR / "searcher" / "nsearch")


@pytest.fixture(scope="session")
def indexed(tmp_path_factory, corpus):
    """(database path, add() summary) of corpus/ indexed through nsearch.Indexer."""
    db = tmp_path_factory.mktemp("py") / "news.db"
    summary = nsearch.Indexer(db).add(corpus)
    return db, summary


@pytest.fixture(scope="session")
def db(indexed):
    return indexed[0]


@pytest.fixture()
def searcher(db):
    return nsearch.Searcher(db)


def run_cli_json(nsearch_bin, db, *args):
    """`nsearch --db DB ARGS... --json`, parsed."""
    done = subprocess.run([nsearch_bin, "--db", db, *args, "--json"], capture_output=True,
                          text=True)
    assert done.returncode in (0, 1), done.stderr  # 1: no hits
    return json.loads(done.stdout)


@pytest.fixture(scope="session")
def cli_json(nsearch_bin, db):
    """Runs `nsearch --db DB ARGS... --json` on the session's database, parsed."""
    return lambda *args: run_cli_json(nsearch_bin, db, *args)
