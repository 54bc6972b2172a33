"""nsearch: full-text search for news corpora, from Python.

    import nsearch
    summary = nsearch.Indexer("news.db").add("corpus/")
    searcher = nsearch.Searcher("news.db")
    result = searcher.search("wagner", facets=["outlet", "year"], since="2021")
    result.to_pandas()          # the hits as a DataFrame (needs pandas)
    result.facets_to_pandas()   # the facet counts as a DataFrame

Search options are the C++ SearchRequest's fields, with its defaults (nsearch.search_options()).
Errors are nsearch.Error subclasses whose `kind` names the C++ error kind.
"""

from ._nsearch import (
    BadQueryError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseNotFoundError,
    Error,
    ExportIterator,
    Hit,
    IndexProgress,
    Indexer,
    InputError,
    InvalidArgumentError,
    NotFoundError,
    Searcher,
    SearchResult,
    StorageFullError,
    search_options,
)

__all__ = [
    "BadQueryError",
    "DatabaseError",
    "DatabaseLockedError",
    "DatabaseNotFoundError",
    "Error",
    "ExportIterator",
    "Hit",
    "IndexProgress",
    "Indexer",
    "InputError",
    "InvalidArgumentError",
    "NotFoundError",
    "SearchResult",
    "Searcher",
    "StorageFullError",
    "search_options",
]


def _to_pandas(self):
    """The hits as a pandas DataFrame, one row per hit, the columns of Hit.to_dict()."""
    import pandas  # only when asked for: pandas is optional

    return pandas.DataFrame.from_records(
        [hit.to_dict() for hit in self.hits], columns=list(Hit.fields)
    )


def _facets_to_pandas(self, name=None):
    """The facet counts as a pandas DataFrame: columns facet, value, count (one facet: value,
    count)."""
    import pandas

    if name is not None:
        counts = self.facets[name]
        return pandas.DataFrame({"value": list(counts), "count": list(counts.values())})
    rows = [
        (facet, value, count)
        for facet, counts in self.facets.items()
        for value, count in counts.items()
    ]
    return pandas.DataFrame.from_records(rows, columns=["facet", "value", "count"])


SearchResult.to_pandas = _to_pandas
SearchResult.facets_to_pandas = _facets_to_pandas
