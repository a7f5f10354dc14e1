"""searcher: full-text search for Chinese newspaper archives.

The Python API (the CLI is a thin layer over it)::

    import searcher
    report = searcher.build_index(["seeds"], "index/articles")
    ix = searcher.open_index("index/articles")
    for hit in ix.search("杜鹃花", limit=5).hits:
        print(hit.rank, hit.id, hit.title, hit.snippets[0].text)
"""

from searcher.errors import (
    ArticleNotFound,
    CorpusError,
    IndexBusy,
    IndexDamaged,
    IndexNotFound,
    IndexOutdated,
    QueryError,
    SearcherError,
)
from searcher.highlight import Snippet
from searcher.index import Index, open_index
from searcher.indexer import BuildReport
from searcher.indexer import build as build_index
from searcher.search import Hit, Results

__all__ = [
    "ArticleNotFound",
    "BuildReport",
    "CorpusError",
    "Hit",
    "Index",
    "IndexBusy",
    "IndexDamaged",
    "IndexNotFound",
    "IndexOutdated",
    "QueryError",
    "Results",
    "SearcherError",
    "Snippet",
    "build_index",
    "open_index",
]
