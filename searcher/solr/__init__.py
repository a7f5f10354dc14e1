"""searcher on SolrCloud: the same index, analysis, query language and answers, in a
SolrCloud collection (``solr://HOST:PORT/COLLECTION``, ``solrs://`` for HTTPS).

- ``client``: the only module that speaks HTTP to Solr (addresses, credentials, one
  exception per failure); ``configset/`` holds the schema and solrconfig.xml it uploads;
- ``documents``: an article analysed in Python into the document Solr indexes, and the
  records searcher keeps in a collection (metadata, manifest, lock);
- ``collection``: what an address names (an alias and its generations, or a collection);
- ``request``: a resolved query, filters and page as Solr parameters;
- ``engine``: the collection opened for reading (``searcher.engine.Engine``);
- ``writer`` and ``lock``: the collection opened for writing (``searcher.engine.Target``).
"""

from __future__ import annotations


def _no_snapshot(address: str) -> None:
    """ADDRESS@NAME names a snapshot: this engine keeps none (one line, not a bad address)."""
    from searcher import engine
    from searcher.errors import SearcherError

    base, name = engine.snapshot_address(address)
    if name:
        raise SearcherError(
            f"the SolrCloud collection at {engine.shown(base)} keeps no snapshots, so there is"
            f" no snapshot {name!r} (snapshots are kept by local indexes only)"
        )


def open_engine(address: str):
    from searcher.solr.engine import SolrEngine

    _no_snapshot(address)
    return SolrEngine(address)


def open_target(address: str, shards: int | None = None, replicas: int | None = None):
    from searcher.solr.writer import SolrTarget

    _no_snapshot(address)
    return SolrTarget(address, shards, replicas)
