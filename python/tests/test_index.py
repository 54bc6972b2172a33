"""nsearch.Indexer: add() gives nindex's summary, re-runs are incremental, remove(), progress,
warnings, and the writer lock."""

import json
import shutil
import subprocess
import sys
import threading

import pytest

import nsearch
from conftest import module_env

CORPUS_DOCUMENTS = 44  # corpus/README.md


def test_add_indexes_the_corpus_and_reports_what_nindex_reports(
    indexed, corpus, nindex_bin, tmp_path
):
    _, summary = indexed
    assert summary["articles"] == CORPUS_DOCUMENTS
    assert summary["added"] + summary["duplicates"] == CORPUS_DOCUMENTS
    assert summary["skipped"] == 0 and summary["warnings"] == []
    assert summary["interrupted"] is False

    done = subprocess.run(
        [nindex_bin, "--db", tmp_path / "cli.db", "add", "--json", "--quiet", corpus],
        capture_output=True,
        text=True,
        check=True,
    )
    cli = json.loads(done.stdout)
    ignored = {"elapsed_seconds", "exit_code", "warnings"}
    assert {k: v for k, v in summary.items() if k not in ignored} == {
        k: v for k, v in cli.items() if k not in ignored
    }


def test_a_second_add_passes_over_unchanged_files(tmp_path, corpus):
    indexer = nsearch.Indexer(tmp_path / "news.db")
    first = indexer.add([corpus / "jsonl", corpus / "text"])
    second = indexer.add([str(corpus / "jsonl"), str(corpus / "text")])
    assert first["added"] > 0
    assert second["added"] == 0
    assert second["unchanged_files"] == first["files"]


def test_outlet_and_lang_fill_in_what_articles_do_not_name(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.jsonl").write_text(
        json.dumps({"id": "x1", "title": "Harbour cranes idle", "body": "The harbour cranes "
                    "stood idle on Monday as dock workers walked out over pay."}) + "\n"
    )
    nsearch.Indexer(tmp_path / "db").add(inputs, outlet="Dock Gazette", lang="en")
    doc = nsearch.Searcher(tmp_path / "db").document("x1")
    assert doc["outlet"] == "Dock Gazette"
    assert doc["lang"] == "en"
    assert doc["title"] == "Harbour cranes idle"


def test_bad_input_is_skipped_with_a_warning_naming_its_location(tmp_path, corpus):
    inputs = tmp_path / "in"
    shutil.copytree(corpus / "jsonl", inputs)
    good = {"id": "b2", "title": "Ferry timetable changes", "body": "The ferry timetable "
            "changes on Monday, with two more crossings each day for the summer season."}
    (inputs / "broken.jsonl").write_text("this is not JSON\n" + json.dumps(good) + "\n")
    summary = nsearch.Indexer(tmp_path / "db").add(inputs)
    assert summary["skipped"] == 1
    assert summary["skipped_by_reason"] == {"malformed record": 1}
    [warning] = summary["warnings"]
    assert warning["location"].endswith("broken.jsonl:1")
    assert warning["message"]
    assert nsearch.Searcher(tmp_path / "db").document("b2")["title"] == good["title"]


def test_remove_deletes_articles_by_id(tmp_path, corpus):
    db = tmp_path / "db"
    nsearch.Indexer(db).add(corpus)
    searcher = nsearch.Searcher(db)
    top = searcher.search("Russian contractor", limit=1).hits[0]

    assert nsearch.Indexer(db).remove([top.id, "no-such-id"]) == 1
    assert nsearch.Indexer(db).remove(top.id) == 0
    searcher.refresh()
    assert top.id not in [h.id for h in searcher.search("Russian contractor", collapse=False)]
    with pytest.raises(nsearch.NotFoundError):
        searcher.document(top.id)


def test_progress_is_reported_and_ends_with_a_finished_call(tmp_path, corpus):
    calls = []
    nsearch.Indexer(tmp_path / "db").add(corpus, progress=calls.append)
    assert calls, "no progress reported"
    last = calls[-1]
    assert last.finished
    assert last.files_done == last.files_total > 0
    assert last.articles == CORPUS_DOCUMENTS


def test_an_exception_from_progress_stops_the_run_and_is_raised(tmp_path, corpus, db):
    def fail(progress):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        nsearch.Indexer(tmp_path / "db").add(corpus, progress=fail)
    # What was done is committed; running the same add again completes it.
    nsearch.Indexer(tmp_path / "db").add(corpus)
    assert nsearch.Searcher(tmp_path / "db").stats() == nsearch.Searcher(db).stats()


def test_a_second_writer_gets_database_locked_while_add_runs(tmp_path, corpus):
    db = tmp_path / "db"
    started, release = threading.Event(), threading.Event()

    def hold(progress):  # runs on the indexer's thread: the writer holds the lock meanwhile
        started.set()
        release.wait(30)

    adding = threading.Thread(target=lambda: nsearch.Indexer(db).add(corpus, progress=hold))
    adding.start()
    try:
        assert started.wait(30)
        with pytest.raises(nsearch.DatabaseLockedError) as raised:
            nsearch.Indexer(db).remove(["x"])
        assert raised.value.kind == "database_locked"
    finally:
        release.set()
        adding.join()
    assert nsearch.Indexer(db).remove(["x"]) == 0  # the lock is released with the call


CTRL_C_DURING_ADD = """
import os, signal, sys, time
import nsearch

signalled = []

def progress(p):
    if not signalled:
        signalled.append(p.articles)
        os.kill(os.getpid(), signal.SIGINT)  # as Ctrl-C in a terminal or a notebook's interrupt
        time.sleep(0.5)  # the reading thread waits here; Python sees the signal meanwhile

try:
    nsearch.Indexer(sys.argv[1]).add(sys.argv[2], progress=progress)
except KeyboardInterrupt:
    print("interrupted")
rest = nsearch.Indexer(sys.argv[1]).add(sys.argv[2])  # continues where the first stopped
print(rest["interrupted"], rest["added"] > 0)
"""


def test_ctrl_c_stops_add_which_raises_keyboard_interrupt(tmp_path, corpus):
    done = subprocess.run(
        [sys.executable, "-c", CTRL_C_DURING_ADD, tmp_path / "db", corpus],
        capture_output=True, text=True, env=module_env(), timeout=60,
    )
    assert done.returncode == 0, done.stderr
    # Stopped during the run, not after it: the second add had articles left to add.
    assert done.stdout.split() == ["interrupted", "False", "True"]


def test_a_sharded_database_is_written_like_a_plain_one(tmp_path, corpus, nindex_bin):
    db = tmp_path / "sharded.db"
    subprocess.run([nindex_bin, "--db", db, "add", "--shards", "2", "--quiet", corpus], check=True)
    assert nsearch.Searcher(db).stats()["documents"] > 0
    again = nsearch.Indexer(db).add(corpus)
    assert again["added"] == 0 and again["files"] == 0 and again["unchanged_files"] > 0
    assert nsearch.Indexer(db).remove("x") == 0
    made = nsearch.Indexer(tmp_path / "new.db").add(corpus, shards=3)
    assert made["added"] > 0
    assert (tmp_path / "new.db" / "XAPIANDB").read_text().count("shard-") == 3
    with pytest.raises(nsearch.InvalidArgumentError, match="has 3 shards, not 2"):
        nsearch.Indexer(tmp_path / "new.db").add(corpus, shards=2)
