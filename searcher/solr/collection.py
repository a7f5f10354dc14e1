"""Collection: what a ``solr://`` address names, as searcher builds it and finds it again.

searcher builds an index as a *generation*, a collection named ``NAME.genN``, and points
the alias ``NAME`` (the address's last segment) at it: a rebuild fills ``NAME.genN+1`` and
switches the alias in one step, so searchers see the old index or the new one. An address
may also name a plain collection an administrator made with searcher's configset; then
searcher writes into it in place (a user who may update documents but not create
collections can keep it current).

Whatever the address names, the collection in force holds a metadata record (``meta``:
sources, versions, user dictionary, and the collection's own name). A reader fetches it
through the address once and then asks that collection by name, so that one opened index
answers from one collection even if a rebuild switches the alias meanwhile.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass

from searcher.errors import IndexNotFound
from searcher.solr import documents
from searcher.solr.client import (
    ConfigsetMismatch,
    SolrAuthError,
    SolrClient,
    SolrError,
    SolrNotFound,
)


@dataclass
class Found:
    """What an address names now.

    name: the collection to read and write ('' when the address names nothing); meta:
    its metadata record ({} if it has none: a collection made but never built);
    mismatch: why its configset is not this searcher's (the collection is not usable as
    it is, but a rebuild may replace it).
    """

    name: str
    meta: dict
    userdict: bytes | None = None
    mismatch: ConfigsetMismatch | None = None

    @property
    def exists(self) -> bool:
        return bool(self.name)


def connect(address: str, timeout: float | None = None) -> SolrClient:
    """A client for the address that knows every live node (if the user may list them)."""
    client = SolrClient(address, timeout)
    client.discover()
    return client


def find(client: SolrClient) -> Found:
    """What the client's address names: a collection (or alias) and its metadata."""
    try:
        client.check_configset()
    except SolrNotFound:
        return Found("", {})
    except ConfigsetMismatch as e:
        return Found(client.collection, {}, mismatch=e)
    answer = client.select(
        {
            "q": "{!term f=id v=$m}",
            "m": documents.META_ID,
            "fl": "meta_stored,collection_s,userdict_stored",
        }
    )
    docs = answer["response"]["docs"]
    if not docs:
        return Found(client.collection, {})
    doc = docs[0]
    userdict = doc.get("userdict_stored")
    return Found(
        doc.get("collection_s") or client.collection,
        json.loads(doc.get("meta_stored") or "{}"),
        base64.b64decode(userdict) if userdict else None,
    )


def open_for_reading(client: SolrClient) -> tuple[SolrClient, Found]:
    """The collection in force at the address, checked: a client on it by name, and it.

    One line for each way it can fail: the address names nothing, a collection of another
    configset version, a collection searcher has not built yet.
    """
    found = find(client)
    if found.mismatch is not None:
        raise found.mismatch
    if not found.exists:
        raise SolrNotFound(
            f"no collection {client.collection!r} at {client.address.with_collection('')}"
            f" (build it with 'searcher index -i {client.address.display} SOURCES',"
            " or check the name)"
        )
    if not found.meta:
        raise IndexNotFound(client.address.display)
    return client.on(found.name), found


# -- generations --------------------------------------------------------------------------


def generation_name(alias: str, n: int) -> str:
    return f"{alias}.gen{n}"


def generation_of(alias: str, name: str) -> int | None:
    m = re.fullmatch(re.escape(alias) + r"\.gen(\d+)", name)
    return int(m.group(1)) if m else None


def generations(client: SolrClient, alias: str) -> dict[int, str]:
    """The collections of this alias's generations on the cluster: number -> name
    ({} for a user who may not list collections)."""
    try:
        names = client.collections()
    except SolrAuthError:
        return {}
    out = {}
    for name in names:
        n = generation_of(alias, name)
        if n is not None:
            out[n] = name
    return out


def is_alias(client: SolrClient, found: Found) -> bool:
    """Whether the address names an alias (else a plain collection, or nothing)."""
    if found.meta:
        return found.name != client.collection
    try:
        return client.collection in client.aliases()
    except SolrAuthError:
        return False


def shape(client: SolrClient, name: str) -> tuple[int, int] | None:
    """(shards, replicas per shard) of a collection, or None if that cannot be read."""
    try:
        state = client.cluster_status(name)["collections"][name]
    except (SolrError, KeyError):
        return None
    shards = state.get("shards") or {}
    replicas = max((len(s.get("replicas") or {}) for s in shards.values()), default=1)
    return len(shards) or 1, replicas or 1


def remove(client: SolrClient) -> list[str]:
    """Remove what searcher made for the client's address: the alias and its generations
    (or the collection it names); returns the collections deleted."""
    alias = client.collection
    if alias in client.aliases():
        client.delete_alias(alias)
    names = sorted(set(generations(client, alias).values()) | ({alias} & set(client.collections())))
    for name in names:
        client.delete_collection(name)
    return names
