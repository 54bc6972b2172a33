"""nsearch.Searcher: results, hits and facets equal the CLI's JSON for the same query; filters
filter; document, copies and similar."""

import json

import pytest

import nsearch
from conftest import run_cli_json

# (Python keyword options, the same search as nsearch CLI arguments)
SAME_SEARCHES = [
    ("Russian contractor", {}, []),
    ("", {"langs": "en", "facets": ["outlet", "lang", "year"]},
     ["--lang", "en", "--facets", "outlet,lang,year"]),
    ("strike OR election", {"since": "2021-01", "until": "2024", "sort": "date", "limit": 5},
     ["--since", "2021-01", "--until", "2024", "--sort", "date", "--limit", "5"]),
    ("Mali", {"collapse": False, "facets": "outlet,kind", "facet_by": "story"},
     ["--no-collapse", "--facets", "outlet,kind", "--facet-by", "story"]),
    ("", {"outlets": ["Le Courrier du Fleuve", "rheinische rundschau"], "facets": ["outlet"],
          "offset": 2},
     ["--outlet", "Le Courrier du Fleuve", "--outlet", "rheinische rundschau", "--facets",
      "outlet", "--offset", "2"]),
    ("council budget", {"default_operator": "any", "weighting": "bm25", "expand_terms": 3},
     ["--match", "any", "--weighting", "bm25", "--expand", "3"]),
    ("contractr", {}, []),  # misspelt: a suggestion
]


@pytest.mark.parametrize("query,options,cli_args", SAME_SEARCHES)
def test_search_gives_what_the_cli_gives(searcher, cli_json, query, options, cli_args):
    result = searcher.search(query, **options)
    cli = cli_json(*cli_args, *([query] if query else []))
    assert result.to_dict() == cli
    # The attributes themselves, not only the JSON form.
    assert (result.total, result.total_exact, result.articles) == (
        cli["total"], cli["total_exact"], cli["articles"])
    assert (result.total_unit, result.collapsed, result.suggestion) == (
        cli["total_unit"], cli["collapsed"], cli["suggestion"])
    assert result.facets == {
        name: {c["value"]: c["count"] for c in counts} for name, counts in cli["facets"].items()
    }
    assert len(result) == len(cli["hits"])
    for hit, cli_hit in zip(result, cli["hits"]):
        for field, value in cli_hit.items():
            got = getattr(hit, field)
            assert (list(map(list, got)) if field == "highlights" else got) == value, field
        as_dict = hit.to_dict()
        assert {k: as_dict[k] for k in cli_hit} == cli_hit
        assert tuple(as_dict) == hit.fields


def test_the_corpus_has_what_these_searches_expect(searcher):
    # Guards the comparisons above against comparing empty results.
    assert searcher.search("Russian contractor").hits[0].outlet == "The New Diplomat"
    assert searcher.search("", langs="en", facets=["lang"]).facets["lang"] == {
        "en": searcher.search("", langs="en", exact_total=True, collapse=False).total
    }
    assert searcher.search("contractr").suggestion == "contractor"


def test_filters_keep_only_matching_articles(searcher):
    result = searcher.search("", langs=["fr"], since="2021", limit=50, collapse=False)
    assert result.total > 0
    assert all(h.lang == "fr" and h.date >= "2021" for h in result)
    by_outlet = searcher.search("", outlets="rheinische rundschau", limit=50)
    assert by_outlet.total > 0 and {h.outlet for h in by_outlet} == {"Rheinische Rundschau"}


def test_facet_counts_add_up_to_the_total(searcher):
    result = searcher.search("", langs=["en", "fr", "de"], facets=["lang"], collapse=False)
    assert result.facets_exact
    assert sum(result.facets["lang"].values()) == result.total == result.articles


def test_defaults_are_the_cli_ones(searcher):
    options = nsearch.search_options()
    assert options["limit"] == 10 and options["collapse"] is True and options["sort"] == "relevance"
    assert len(searcher.search("", langs="en")) == options["limit"]


def test_hits_index_and_iterate(searcher):
    result = searcher.search("election", collapse=False)
    assert [h.rank for h in result] == list(range(1, len(result) + 1))
    assert result[0].id == result.hits[0].id and result[-1].id == result.hits[-1].id
    with pytest.raises(IndexError):
        result[len(result)]
    assert "election" in repr(result)


def test_document_returns_the_stored_article(searcher, corpus):
    top = searcher.search("Russian contractor").hits[0]
    doc = searcher.document(top.id)
    assert doc["id"] == top.id
    assert doc["title"] == top.title and doc["outlet"] == top.outlet
    assert "Russian" in doc["body"] and len(doc["body"]) > len(top.snippet)
    assert doc["source"].startswith(str(corpus))
    assert doc["kind"] == "article"


def test_copies_gives_what_the_cli_gives(tmp_path, nsearch_bin):
    # corpus/ has no syndicated story: one story carried by three outlets.
    body = ("The port authority said on Tuesday that the new container terminal would open "
            "in the spring, doubling the harbour's capacity and adding four hundred jobs. ") * 3
    wire = [{"id": f"copy-{n}", "title": "New container terminal to open in spring",
             "outlet": outlet, "date": f"2023-05-0{n}", "lang": "en", "body": body,
             "url": f"https://{outlet.lower().replace(' ', '')}.example/terminal"}
            for n, outlet in enumerate(["Wire One", "Daily Two", "Weekly Three"], start=1)]
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in wire))
    db = tmp_path / "db"
    nsearch.Indexer(db).add(tmp_path / "wire.jsonl")
    searcher = nsearch.Searcher(db)

    [hit] = searcher.search("container terminal")
    assert hit.copies == 2 and len(hit.also_in) == 2
    story = searcher.copies("copy-2")
    assert story == run_cli_json(nsearch_bin, db, "--copies", "copy-2")
    assert [c["id"] for c in story["copies"]] == ["copy-1", "copy-2", "copy-3"]  # earliest first
    assert [c["requested"] for c in story["copies"]] == [False, True, False]
    every_copy = searcher.search("container terminal", collapse=False)
    assert every_copy.total == 3 and every_copy.to_dict() == run_cli_json(
        nsearch_bin, db, "container terminal", "--no-collapse")


def test_similar_finds_other_articles_like_this_one(searcher, cli_json):
    top = searcher.search("Russian contractor").hits[0]
    similar = searcher.similar(top.id, limit=5)
    assert similar.total > 0
    assert top.id not in [h.id for h in similar]
    assert similar.to_dict() == cli_json("--like", top.id, "--limit", "5")


def test_stats_count_the_database(searcher, indexed):
    stats = searcher.stats()
    _, summary = indexed
    assert stats["documents"] == summary["added"]
    assert sum(o["count"] for o in stats["languages"]) == stats["documents"]


def test_options_are_checked(searcher):
    with pytest.raises(TypeError, match="unknown search option 'outlet'"):
        searcher.search("x", outlet="Rundschau")
    with pytest.raises(TypeError, match="limit expects an int"):
        searcher.search("x", limit="5")
    with pytest.raises(TypeError, match="collapse expects True or False"):
        searcher.search("x", collapse=0)
    assert searcher.search("Mali", limit=None).to_dict() == searcher.search("Mali").to_dict()
