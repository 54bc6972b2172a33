"""Threads: a Searcher per thread searches concurrently (the GIL is released while searching),
and threads sharing one Searcher take turns safely."""

import threading

import nsearch

QUERIES = ["Russian contractor", "election", "strike", "Mali", "council budget", "marathon"]


def _search_all(searcher):
    return [searcher.search(q, facets=["outlet"]).to_dict() for q in QUERIES]


def _run_threads(targets):
    errors = []

    def guarded(target):
        try:
            target()
        except BaseException as e:  # reported below: a thread's exception is otherwise lost
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(t,)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_two_threads_each_with_a_searcher_search_concurrently(db):
    expected = _search_all(nsearch.Searcher(db))
    results = [[], []]

    def work(slot):
        searcher = nsearch.Searcher(db)
        for _ in range(20):
            results[slot].append(_search_all(searcher))

    _run_threads([lambda: work(0), lambda: work(1)])
    for slot in results:
        assert len(slot) == 20 and all(r == expected for r in slot)


def test_threads_sharing_one_searcher_take_turns(db):
    shared = nsearch.Searcher(db)
    expected = _search_all(shared)
    seen = []
    _run_threads([lambda: seen.extend(_search_all(shared) for _ in range(10))] * 4)
    assert len(seen) == 40 and all(r == expected for r in seen)
