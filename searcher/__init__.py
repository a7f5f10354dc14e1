"""searcher: full-text search for Chinese newspaper archives.

The Python API (the CLI is a thin layer over it)::

    import searcher
    report = searcher.build_index(["seeds"], "index/articles")
    ix = searcher.open_index("index/articles")
    for hit in ix.search("杜鹃花", limit=5):
        print(hit.rank, hit.id, hit.title, hit.snippets[0].text)
"""

from searcher.errors import (
    ArticleNotFound,
    BadSource,
    CorpusError,
    IndexBusy,
    IndexDamaged,
    IndexNotFound,
    IndexOutdated,
    QueryError,
    SearcherError,
    SnapshotNotFound,
)

# The rest loads on first use: a terminal search should not pay for the indexer.
_LAZY = {
    "open_index": ("searcher.index", "open_index"),
    "Index": ("searcher.index", "Index"),
    "build_index": ("searcher.indexer", "build"),
    "BuildReport": ("searcher.indexer", "BuildReport"),
    "Hit": ("searcher.results", "Hit"),
    "Results": ("searcher.results", "Results"),
    "Article": ("searcher.results", "Article"),
    "Info": ("searcher.results", "Info"),
    "Snippet": ("searcher.highlight", "Snippet"),
    "Filters": ("searcher.options", "Filters"),
    "Page": ("searcher.options", "Page"),
    "Trend": ("searcher.views", "Trend"),
    "TrendPoint": ("searcher.views", "TrendPoint"),
    "Concordance": ("searcher.views", "Concordance"),
    "KwicLine": ("searcher.views", "KwicLine"),
    "Export": ("searcher.views", "Export"),
    "ExportRow": ("searcher.views", "ExportRow"),
    "Provenance": ("searcher.views", "Provenance"),
    "SnapshotInfo": ("searcher.views", "SnapshotInfo"),
    "keep_snapshot": ("searcher.snapshots", "keep"),
    "drop_snapshot": ("searcher.snapshots", "drop"),
    "list_snapshots": ("searcher.snapshots", "listing"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'searcher' has no attribute {name!r}")


__all__ = [
    "Article",
    "ArticleNotFound",
    "BadSource",
    "BuildReport",
    "Concordance",
    "CorpusError",
    "Export",
    "ExportRow",
    "Filters",
    "Hit",
    "Index",
    "IndexBusy",
    "IndexDamaged",
    "IndexNotFound",
    "IndexOutdated",
    "Info",
    "KwicLine",
    "Page",
    "Provenance",
    "QueryError",
    "Results",
    "SearcherError",
    "SnapshotInfo",
    "SnapshotNotFound",
    "Snippet",
    "Trend",
    "TrendPoint",
    "build_index",
    "drop_snapshot",
    "keep_snapshot",
    "list_snapshots",
    "open_index",
]
