"""to_pandas(): the hits and facets as DataFrames; pandas is imported only when asked for."""

import subprocess
import sys

import pytest

from conftest import module_env


def test_importing_nsearch_does_not_import_pandas():
    code = "import sys, nsearch; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=module_env())
    assert done.stdout.strip() == "False"


def test_hits_to_a_dataframe(searcher):
    pandas = pytest.importorskip("pandas")
    result = searcher.search("election", collapse=False)
    frame = result.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["id"]) == [h.id for h in result]
    assert list(frame.columns) == list(type(result[0]).fields)
    assert list(frame["score"]) == [h.score for h in result]
    empty = searcher.search("zzzzqqq").to_pandas()
    assert len(empty) == 0 and list(empty.columns) == list(frame.columns)


def test_facets_to_a_dataframe(searcher):
    pytest.importorskip("pandas")
    result = searcher.search("", langs=["en", "fr", "de"], facets=["outlet", "lang"],
                             collapse=False)
    frame = result.facets_to_pandas()
    assert list(frame.columns) == ["facet", "value", "count"]
    assert frame.groupby("facet")["count"].sum().to_dict() == {
        "outlet": sum(result.facets["outlet"].values()),
        "lang": result.articles,
    }
    langs = result.facets_to_pandas("lang")
    assert dict(zip(langs["value"], langs["count"])) == result.facets["lang"]
