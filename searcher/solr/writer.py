"""Writer: a SolrCloud collection opened for writing (``searcher.engine.Target``), and one
build or update of it (``SolrTransaction``).

Where a build writes (``collection`` says what an address names):

- a rebuild, or the first build, of an alias: a new generation ``NAME.genN`` is created
  (``--shards``/``--replicas``, else the shape of the one in force), filled, committed and
  then swapped in by pointing the alias at it: one atomic step for searchers;
- an update, or a rebuild of a plain collection: in place. Articles are sent (new and
  changed ones only), the removed ones deleted, the manifest records that changed
  rewritten, then one commit makes it all visible, with expungeDeletes so that the
  statistics count live articles only (an updated collection ranks as a rebuilt one). A
  rebuild in place stamps what it sends and deletes what it did not stamp at the end.

Solr cannot take back what was sent before a commit (no rollback in SolrCloud), and
what was sent becomes visible at the next commit by anyone. So an in-place build marks the
collection first (``documents.PENDING_ID``); the next build that finds the mark commits
what the unfinished one left (each article is then in its old or its new version) and
compares every article's digest with the manifest, so that it re-sends whatever differs
(``reconcile``). The writer's lock (``lock``) keeps a second writer out meanwhile.

The analysis (folding, jieba) runs in worker processes forked once jieba is loaded, as
the local engine's does; each worker sends its own batches. A batch that fails because a
node went away is sent again (adds and deletes by id are idempotent) until the cluster
answers or ``RETRY_SECONDS`` have passed.
"""

from __future__ import annotations

import base64
import contextlib
import json
import multiprocessing
import os
import tempfile
import time
import warnings
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from searcher import analysis, engine, stopping
from searcher.engine import Previous
from searcher.errors import IndexOutdated, SearcherError
from searcher.solr import collection, documents
from searcher.solr.client import (
    CONFIGSET_VERSION,
    ConfigsetMismatch,
    SolrClient,
    SolrError,
    SolrRequestError,
    SolrTimeout,
    SolrUnavailable,
    SolrUnreachable,
)
from searcher.solr.lock import WriterLock

BATCH_CHARS = 512 * 1024  # characters of text per update request
BATCH_DOCS = 500
PARALLEL_FROM = 1 << 20  # below this much new text, worker processes cost more than they save
RETRY_SECONDS = 120.0  # a batch is sent again while a node is away, for so long
RETRY_PAUSE = 2.0


def versions() -> dict:
    """What a collection must have been built with to be updated by this code."""
    return {
        "engine": "solr",
        "configset_version": CONFIGSET_VERSION,
        "analyzer_version": analysis.ANALYZER_VERSION,
    }


def _transient(e: SolrError) -> bool:
    if isinstance(e, SolrUnreachable | SolrUnavailable | SolrTimeout):
        return True
    return isinstance(e, SolrRequestError) and e.status >= 500


def retrying(client: SolrClient, send: Callable[[], object]):
    """send(), again while the cluster is missing a node (see the module's docstring)."""
    deadline = time.monotonic() + RETRY_SECONDS
    while True:
        try:
            return send()
        except SolrError as e:
            if not _transient(e) or time.monotonic() > deadline:
                raise
        time.sleep(RETRY_PAUSE)
        with contextlib.suppress(SolrError):
            client.discover()


# -- sending articles ---------------------------------------------------------------------

_worker_client: SolrClient | None = None


def _worker_init(parent_pid: int, client: SolrClient) -> None:
    global _worker_client
    _worker_client = client
    stopping.worker_init(parent_pid)


def _send(client: SolrClient, articles: list[dict], stamp: int) -> int:
    """Analyse a batch of articles and send it; returns its characters of text."""
    docs = [documents.article(a, stamp) for a in articles]
    retrying(client, lambda: client.update(docs))
    return sum(len(a.get("title") or "") + len(a.get("body") or "") for a in articles)


def _send_in_worker(articles: list[dict], stamp: int) -> int:
    assert _worker_client is not None
    return _send(_worker_client, articles, stamp)


class _Sender:
    """Articles -> batches -> analysed and sent, in worker processes when worth it.

    progress(done, total): characters of text sent out of those collected.
    """

    def __init__(self, client, procs: int, estimate: int, progress, stamp: int, quiet) -> None:
        self.client, self.procs, self.stamp = client, procs, stamp
        self.parallel = procs > 1 and estimate >= PARALLEL_FROM
        self.progress, self.quiet = progress, quiet
        self.batch: list[dict] = []
        self.size = self.collected = self.done = 0
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list = []

    def add(self, article: dict) -> None:
        n = len(article.get("title") or "") + len(article.get("body") or "")
        self.batch.append(article)
        self.size += n
        self.collected += n
        if self.size >= BATCH_CHARS or len(self.batch) >= BATCH_DOCS:
            self._flush()

    def _report(self) -> None:
        if self.progress:
            self.progress(self.done, self.collected)

    def _flush(self) -> None:
        batch, self.batch, self.size = self.batch, [], 0
        if not batch:
            return
        if not self.parallel:
            self.done += _send(self.client, batch, self.stamp)
            self._report()
            return
        if self.pool is None:
            self.pool = self._fork()
        self._collect(lambda pending: pending >= 2 * self.procs)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            self.futures.append(self.pool.submit(_send_in_worker, batch, self.stamp))

    def _fork(self) -> ProcessPoolExecutor:
        analysis.load()  # before forking: the workers share jieba's dictionary
        with self.quiet(), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            pool = ProcessPoolExecutor(
                self.procs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
                initargs=(os.getpid(), self.client),
            )
            for f in [pool.submit(int) for _ in range(self.procs)]:  # start them now
                f.result()
        return pool

    def _collect(self, busy: Callable[[int], bool]) -> None:
        """Wait while busy(number of batches in flight); a failed batch fails the build."""
        while True:
            for f in [f for f in self.futures if f.done()]:
                self.futures.remove(f)
                self.done += f.result()
                self._report()
            if not busy(len(self.futures)):
                return
            wait(self.futures, timeout=0.5, return_when=FIRST_COMPLETED)

    def finish(self) -> None:
        self._flush()
        self._collect(lambda pending: pending > 0)
        self._shutdown()

    def _shutdown(self) -> None:
        if self.pool is not None:
            with contextlib.suppress(Exception):
                self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None

    def cancel(self) -> None:
        """Stop at once (an error or Ctrl-C): batches in flight are abandoned."""
        for p in list((getattr(self.pool, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                p.kill()
        for f in self.futures:
            f.cancel()
        self._shutdown()


# -- one build ------------------------------------------------------------------------------


class SolrTransaction:
    """One build or update into one collection (see the module's docstring).

    fresh: a new generation, made visible by switching the alias (publish); else in place,
    made visible by the commit (publish). marked: the collection is in force, so what is
    sent before the commit must be marked as unfinished.
    """

    def __init__(self, target: SolrTarget, name: str, previous: Previous, fresh: bool, **kw):
        self.target = target
        self.client = target.client.on(name)
        self.previous = previous
        self.fresh = fresh
        self.marked = not fresh and bool(target.found.meta)
        self.stamp = time.time_ns() // 1000
        self._dict = tempfile.NamedTemporaryFile(prefix="searcher-userdict-", suffix=".txt")
        self.userdict = kw["userdict"]
        if self.userdict is not None:
            self._dict.write(self.userdict)
            self._dict.flush()
        analysis.use_userdict(self._dict.name if self.userdict is not None else None)
        progress = kw["progress"]
        self._sender = _Sender(
            self.client,
            kw["procs"],
            kw["estimate"],
            (lambda done, total: progress("segmenting", done, total)) if progress else None,
            self.stamp,
            target.held.quiet,
        )
        self._added: set[str] = set()
        self._deleted: list[str] = []
        self._marking = False

    def _mark(self) -> None:
        """Before the first write in place: the collection is being changed."""
        if self.marked and not self._marking:
            pid = os.getpid()
            mark = {"id": documents.PENDING_ID, "kind": "pending", "holder_s": f"pid {pid}"}
            retrying(self.client, lambda: self.client.update([mark]))
            self._marking = True

    def add(self, article: dict) -> None:
        self._mark()
        if self.previous.incremental:
            self._added.add(article["id"])
        self._sender.add(article)

    def delete(self, ids) -> None:
        # An article this build sent under the same id replaces the old one: keep it.
        self._deleted.extend(i for i in ids if i not in self._added)

    def commit(self, manifest: dict, meta: dict) -> None:
        self._mark()
        self._sender.finish()
        client = self.client
        old = self.previous.files
        changed = [documents.file(k, r, self.stamp) for k, r in manifest.items() if old.get(k) != r]
        gone = [documents.FILE_PREFIX + k for k in old if k not in manifest]
        for i in range(0, len(changed), 1000):
            retrying(client, lambda part=changed[i : i + 1000]: client.update(part))
        retrying(client, lambda: client.delete_ids(self._deleted + gone))
        if not self.previous.incremental:  # what this build did not send is gone
            query = f"kind:(article OR file) -build_l:{self.stamp}"
            retrying(client, lambda: client.delete_query(query))
        userdict = base64.b64encode(self.userdict).decode() if self.userdict else None
        record = documents.meta(meta, client.collection, self.stamp, userdict)
        retrying(client, lambda: client.update([record]))
        if self.fresh:  # visible only once the alias points here
            self.target.held.check()
            retrying(client, lambda: client.commit())

    def publish(self) -> None:
        self.target.held.check()
        if self.fresh:
            self.target.switch(self.client.collection)
        else:
            # The deletes take effect at a commit; only a later one can merge them away
            # (expungeDeletes in the same commit found nothing to merge, measured).
            retrying(self.client, lambda: self.client.commit())
            retrying(self.client, lambda: self.client.commit(expunge_deletes=True))
        if self._marking:  # done: no commit needed, a real-time get sees it gone
            with contextlib.suppress(SolrError):
                self.client.delete_ids([documents.PENDING_ID])
        self._dict.close()

    def cancel(self) -> None:
        self._sender.cancel()
        self._dict.close()
        if self.fresh and self.client.collection != self.target.held.client.collection:
            with contextlib.suppress(SolrError):  # clean() removes it later otherwise
                self.target.client.delete_collection(self.client.collection)


# -- the target ---------------------------------------------------------------------------

UNLISTED = "(articles no source file lists)"  # a manifest key no file can have


class SolrTarget:
    """The collection at a ``solr://`` address, opened for writing.

    shards, replicas: the shape of a collection this target creates (default: that of the
    one in force, else one shard per live node and one replica).
    """

    def __init__(self, address: str, shards: int | None = None, replicas: int | None = None):
        for value, name in ((shards, "--shards"), (replicas, "--replicas")):
            if value is not None and value < 1:
                raise SearcherError(f"{name} must be at least 1")
        self._address = address
        self.address = engine.shown(address)  # as printed: never a password
        self.shards, self.replicas = shards, replicas
        self._client: SolrClient | None = None
        self.found = collection.Found("", {})
        self._held: WriterLock | None = None
        self._replaced = ""  # the generation this run's rebuild replaced: kept until the next

    @property
    def client(self) -> SolrClient:
        if self._client is None:
            self._client = collection.connect(self._address)
        return self._client

    @property
    def held(self) -> WriterLock:
        if self._held is None:
            raise SearcherError("internal error: the Solr writer lock is not held")
        return self._held

    @property
    def alias(self) -> str:
        return self.client.collection

    @contextlib.contextmanager
    def lock(self, *, wait: bool, on_wait):
        """The writer lock, in the collection in force (or the first generation, made now)."""
        while True:
            self.found = collection.find(self.client)
            where = self.found.name or self._first()
            held = WriterLock(self.client.on(where))
            note = held.acquire(wait, on_wait)
            self.found = collection.find(self.client)
            if (self.found.name or where) == where:
                break
            held.release()  # a rebuild switched the alias meanwhile: lock the new one
        self._held = held
        try:
            yield note
        finally:
            held.release()
            self._held = None

    def _first(self) -> str:
        """The first generation of a new index (made if missing): where its lock lives."""
        name = collection.generation_name(self.alias, 1)
        if name not in self.client.collections():
            try:
                self._create(name, None)
            except SolrError as e:
                if "already exists" not in str(e):
                    raise
        return name

    def _create(self, name: str, like: str | None) -> None:
        shape = collection.shape(self.client, like) if like else None
        if shape is None:
            shape = (max(1, len(self.client.live_nodes())), 1)
        shards = self.shards or shape[0]
        replicas = self.replicas or shape[1]
        retrying(self.client, lambda: self.client.create_collection(name, shards, replicas))

    def clean(self) -> None:
        """Remove the generations of this index that are not in force (under the lock):
        those of builds that died, and the one replaced by the rebuild before last."""
        if self._held is None:
            return
        keep = {self.found.name, self.held.client.collection, self._replaced}
        for name in collection.generations(self.client, self.alias).values():
            if name not in keep:
                with contextlib.suppress(SolrError):
                    self.client.delete_collection(name)

    def holds(self, folder: str) -> bool:
        return False  # a folder is never a collection

    def versions(self) -> dict:
        return versions()

    def previous(self, rebuild: bool) -> Previous:
        found = self.found
        if found.mismatch is not None and not rebuild:
            raise found.mismatch
        if not found.meta:
            return Previous()
        if rebuild:
            return Previous(meta=found.meta, userdict=found.userdict)
        files = self._manifest()
        found = self.found  # re-read if an unfinished build was committed
        for key, want in versions().items():
            have = found.meta.get(key)
            if have != want:
                raise IndexOutdated(
                    self.client.address.display,
                    f"was built with {key.replace('_', ' ')} {have}, this searcher uses {want}",
                )
        return Previous(meta=found.meta, files=files, userdict=found.userdict)

    def _manifest(self) -> dict:
        """The source manifest in force (reconciled if a build did not finish)."""
        c = self.client.on(self.found.name)
        pending = bool(c.get([documents.PENDING_ID]))
        if pending:  # what the unfinished build sent: visible now, each article old or new
            retrying(c, lambda: c.commit())
            self.found = collection.find(self.client)
        params = {"q": "kind:file", "fl": "path_s,record_stored", "sort": "id asc"}
        files = {d["path_s"]: json.loads(d["record_stored"]) for d in c.docs(params, rows=5000)}
        return reconcile(c, files) if pending else files

    def begin(self, previous: Previous, *, userdict, procs, estimate, progress):
        name, fresh = self._destination(previous)
        kw = {"userdict": userdict, "procs": procs, "estimate": estimate, "progress": progress}
        return SolrTransaction(self, name, previous, fresh, **kw)

    def _destination(self, previous: Previous) -> tuple[str, bool]:
        """(collection to write, whether it is a new generation swapped in by the alias)."""
        found = self.found
        if previous.incremental:
            return found.name, False
        if found.exists and not collection.is_alias(self.client, found):
            if found.mismatch is not None:
                raise ConfigsetMismatch(
                    f"{found.mismatch}; a plain collection cannot be rebuilt in place with"
                    " another configset: delete it, or give another collection name"
                )
            return found.name, False
        gens = collection.generations(self.client, self.alias)
        mine = self.held.client.collection
        if not found.exists and mine in gens.values() and self._fits(mine):
            return mine, True
        name = collection.generation_name(self.alias, max(gens, default=0) + 1)
        self._create(name, found.name or None)
        return name, True

    def _fits(self, name: str) -> bool:
        shape = collection.shape(self.client, name)
        return shape is None or (
            (self.shards is None or self.shards == shape[0])
            and (self.replicas is None or self.replicas == shape[1])
        )

    def switch(self, name: str) -> None:
        """Point the alias at a new generation: the one atomic step of a rebuild."""
        retrying(self.client, lambda: self.client.create_alias(self.alias, name))
        if self.found.name != name:
            self._replaced = self.found.name
        self.found = collection.Found(name, self.found.meta)


def reconcile(client: SolrClient, files: dict) -> dict:
    """The manifest, corrected to what the collection holds after an unfinished build.

    Every article's digest is read (page by page); a file whose articles differ from its
    record is marked for reading again (and compared against what is there), and articles
    no record lists are listed under a name no file has, so the plan removes them unless a
    source still holds them.
    """
    params = {"q": "kind:article", "fl": "id,digest_s", "sort": "id asc"}
    actual = {d["id"]: d.get("digest_s", "") for d in client.docs(params, rows=5000)}
    out, listed = {}, set()
    for key, rec in files.items():
        arts = rec.get("articles", [])
        listed.update(a for a, _ in arts)
        if all(actual.get(a) == d for a, d in arts):
            out[key] = rec
        else:
            redo = [[a, actual.get(a, "")] for a, _ in arts]
            out[key] = {**rec, "hash": "", "stat": None, "articles": redo}
    extra = sorted(set(actual) - listed)
    if extra:
        redo = [[a, actual[a]] for a in extra]
        out[UNLISTED] = {"hash": "", "stat": None, "articles": redo, "skipped": [], "problems": []}
    return out
