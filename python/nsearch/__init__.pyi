# Type stubs for the nsearch module, so that editors complete names and check types.
# Option defaults are the C++ SearchRequest's (see nsearch.search_options()); `= ...` here.
import os
import pathlib
from typing import Any, Callable, Iterable, Iterator, Literal, Optional, Sequence, Union

import pandas

_Path = Union[str, os.PathLike[str]]
_Texts = Union[str, Sequence[str]]

class Error(Exception):
    kind: Optional[str]

class InvalidArgumentError(Error, ValueError): ...
class BadQueryError(Error, ValueError): ...
class DatabaseNotFoundError(Error, FileNotFoundError): ...
class DatabaseLockedError(Error, OSError): ...
class DatabaseError(Error, OSError): ...
class StorageFullError(Error, OSError): ...
class InputError(Error, OSError): ...
class NotFoundError(Error, LookupError): ...

class Hit:
    fields: tuple[str, ...]
    rank: int
    id: str
    score: float
    title: Optional[str]
    title_derived: bool
    outlet: Optional[str]
    date: Optional[str]
    author: Optional[str]
    url: Optional[str]
    lang: Optional[str]
    category: Optional[str]
    kind: str
    snippet: Optional[str]
    highlights: list[tuple[int, int]]
    snippet_html: Optional[str]
    story: Optional[str]
    copies: int
    also_in: list[str]
    def to_dict(self) -> dict[str, Any]: ...

class SearchResult:
    query: str
    query_fallback: bool
    fallback_reason: Optional[str]
    parsed_query: Optional[str]
    ranked_from_tiers: int
    total: int
    total_exact: bool
    total_unit: Literal["stories", "articles"]
    articles: int
    articles_exact: bool
    collapsed: bool
    facet_unit: Literal["stories", "articles"]
    facets_exact: bool
    offset: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    suggestion: Optional[str]
    def to_dict(self) -> dict[str, Any]: ...
    def to_pandas(self) -> pandas.DataFrame: ...
    def facets_to_pandas(self, name: Optional[str] = None) -> pandas.DataFrame: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Hit]: ...
    def __getitem__(self, index: int) -> Hit: ...

class Searcher:
    def __init__(self, path: _Path) -> None: ...
    def search(
        self,
        query: str = "",
        *,
        limit: Optional[int] = ...,
        offset: Optional[int] = ...,
        outlets: Optional[_Texts] = ...,
        langs: Optional[_Texts] = ...,
        kind: Optional[Literal["article", "page"]] = ...,
        since: Optional[str] = ...,
        until: Optional[str] = ...,
        sort: Optional[Literal["relevance", "date"]] = ...,
        default_operator: Optional[Literal["all", "any"]] = ...,
        facets: Optional[_Texts] = ...,
        facet_limit: Optional[int] = ...,
        facet_by: Optional[Literal["copy", "story"]] = ...,
        collapse: Optional[bool] = ...,
        first_seen: Optional[bool] = ...,
        recency: Optional[str] = ...,
        like_id: Optional[str] = ...,
        count_limit: Optional[int] = ...,
        exact_total: Optional[bool] = ...,
        snippet_bytes: Optional[int] = ...,
        free_text: Optional[bool] = ...,
        suggest: Optional[bool] = ...,
        time_limit_seconds: Optional[float] = ...,
        weighting: Optional[Literal["ineb2", "bm25"]] = ...,
        dfr_c: Optional[float] = ...,
        bm25_k1: Optional[float] = ...,
        bm25_b: Optional[float] = ...,
        title_weight: Optional[float] = ...,
        expand_terms: Optional[int] = ...,
        expand_weight: Optional[float] = ...,
    ) -> SearchResult: ...
    def similar(self, id: str, **options: Any) -> SearchResult: ...
    def document(self, id: str) -> dict[str, Any]: ...
    def copies(self, id: str) -> dict[str, Any]: ...
    def stats(self) -> dict[str, Any]: ...
    def export(
        self,
        query: str = "",
        *,
        order: Literal["date", "index"] = ...,
        collapse: bool = ...,
        fields: Optional[_Texts] = ...,
        outlets: Optional[_Texts] = ...,
        langs: Optional[_Texts] = ...,
        kind: Optional[Literal["article", "page"]] = ...,
        since: Optional[str] = ...,
        until: Optional[str] = ...,
        default_operator: Optional[Literal["all", "any"]] = ...,
    ) -> ExportIterator: ...
    def trend(
        self,
        queries: list[str],
        *,
        by: str = ...,
        count: str = ...,
        normalise: bool = ...,
        **filters: Any,
    ) -> dict[str, Any]: ...
    def terms(self, query: str, *, limit: int = ..., by: str = ..., **filters: Any) -> dict[str, Any]: ...
    def refresh(self) -> None: ...

class ExportIterator:
    matches: int
    def __iter__(self) -> ExportIterator: ...
    def __next__(self) -> dict[str, Any]: ...

class IndexProgress:
    files_done: int
    files_total: int
    articles: int
    text_bytes: int
    input_done: int
    input_total: int
    total_known: bool
    elapsed_seconds: float
    current_file: str
    finished: bool

class Indexer:
    path: pathlib.Path
    def __init__(self, path: _Path) -> None: ...
    def add(
        self,
        paths: Union[_Path, Iterable[_Path]],
        *,
        outlet: str = ...,
        lang: str = ...,
        jobs: int = ...,
        memory_mb: int = ...,
        force: bool = ...,
        prune: bool = ...,
        story_clusters: bool = ...,
        lock_wait: float = ...,
        progress: Optional[Callable[[IndexProgress], None]] = ...,
    ) -> dict[str, Any]: ...
    def remove(self, ids: Union[str, Sequence[str]], *, lock_wait: float = ...) -> int: ...

def search_options() -> dict[str, Any]: ...
