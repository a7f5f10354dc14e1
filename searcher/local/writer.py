"""Writer: one build or update of a local index, from staging folder to published generation.

A transaction starts a staging folder, either empty (a rebuild) or as hard
links to the generation in force (Whoosh segments and text stores are never
modified in place, so an update only adds segments and deletion marks). Added
articles are cut into batches and each becomes a segment pair
(``searcher.local.segments``) in worker processes (jieba holds the GIL): word
workers forked once the segmenter is loaded, so that they share it, and a text
worker that needs no jieba and starts at once. Segments are merged by the tiered
policy of ``segments.plan`` in the word workers, as soon as enough of a level
are done, beside the indexing. ``commit`` writes the table of contents, merges
what the policy says, and records what the generation's live documents are
(``live``); ``publish`` swaps the staging folder in (``store``). A failed or
interrupted transaction removes its staging folder and leaves the index in force
untouched.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import shutil
import warnings
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from searcher import analysis, stopping
from searcher.local import live, segments, store, whooshdb
from searcher.local.snapshot import USERDICT
from searcher.local.textstore import TextStore

MANIFEST = "files.json"
_IN_PROCESS = 1 << 20  # below this much new text, workers cost more than they save
_HOLD = 64 << 20  # up to this much text, batches are cut equal once all is read
_MAX_BATCH = 4 << 20  # characters of text per segment (a worker's memory grows with it)
_POLL = 0.25  # seconds between progress reports while workers work

# Text done by all word workers (characters), shared through fork.
_done_counter = None


def _worker_init(parent_pid: int, counter) -> None:
    global _done_counter
    _done_counter = counter
    stopping.worker_init(parent_pid)


def _worker_tick(n: int) -> None:
    if _done_counter is not None and n:
        with _done_counter.get_lock():
            _done_counter.value += n


def _build_words(staging: str, segid: str, docs: list[dict]):
    return segments.build_words(staging, segid, docs, _worker_tick)


class _Batch:
    """A batch in the workers: its two halves, then its segment."""

    def __init__(self, words: Future, texts: Future) -> None:
        self.words, self.texts = words, texts

    def done(self) -> bool:
        return self.words.done() and self.texts.done()


class _Batches:
    """Collects articles into batches and builds a segment pair of each, in workers
    when worth it, merging the finished segments as the policy says.

    Up to _HOLD characters of text are held and then cut into equal batches, so
    the workers finish together; beyond that, batches of _MAX_BATCH go out as they
    fill (memory stays bounded: at most one batch per worker, a merge taking a
    word worker's place). progress(done, total) reports characters segmented out
    of those collected.
    """

    def __init__(self, staging: str, procs: int, estimate: int, progress) -> None:
        self.staging = staging
        self.procs = procs
        self.parallel = procs > 1 and estimate >= _IN_PROCESS
        self.hold = estimate <= _HOLD
        self.progress = progress
        self._docs: list[dict] = []
        self._bytes = 0
        self.collected = 0
        self._in_process_done = 0
        self._counter = multiprocessing.get_context("fork").Value("q", 0)
        self._words_pool: ProcessPoolExecutor | None = None
        self._texts_pool: ProcessPoolExecutor | None = None
        self._batches: list[_Batch] = []
        self._merges: list[tuple[Future, list]] = []
        self.ready: list = []  # finished segments, in the order they were made
        if self.parallel:
            self._texts_pool = self._fork(1)

    def _fork(self, n: int) -> ProcessPoolExecutor:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            pool = ProcessPoolExecutor(
                n,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
                initargs=(os.getpid(), self._counter),
            )
            for f in [pool.submit(int) for _ in range(n)]:  # start them now
                f.result()
        return pool

    def add(self, doc: dict) -> None:
        self._docs.append(doc)
        size = len(doc["title"]) + len(doc["body"])
        self._bytes += size
        self.collected += size
        if not self.hold and self._bytes >= _MAX_BATCH:
            self._submit(self._docs)
            self._docs, self._bytes = [], 0

    @property
    def segmented(self) -> int:
        return self._counter.value + self._in_process_done

    def _report(self) -> None:
        if self.progress:
            self.progress(self.segmented, self.collected)

    def _tick(self, n: int) -> None:
        self._in_process_done += n
        self._report()

    def _submit(self, docs: list[dict]) -> None:
        segid = whooshdb.new_segment_id()
        if self._texts_pool is None:
            analysis.load()
            segment = segments.build_words(self.staging, segid, docs, self._tick)
            segments.build_texts(self.staging, segid, docs)
            self.ready.append(segment)
            return
        # Streaming, at most one batch per worker in flight: the next waits here.
        self._wait_while(lambda: not self.hold and any(not b.texts.done() for b in self._batches))
        text_future = self._texts_pool.submit(segments.build_texts, self.staging, segid, docs)
        if self._words_pool is None:
            analysis.load()  # while the text worker works
            self._words_pool = self._fork(self.procs)
            analysis.unload()  # the workers have it (see analysis.unload)
            segments.give_back()
        self._wait_while(lambda: not self.hold and self._busy() >= self.procs)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            words_future = self._words_pool.submit(_build_words, self.staging, segid, docs)
        self._batches.append(_Batch(words_future, text_future))

    def _busy(self) -> int:
        """Word workers at work: batches being segmented and merges."""
        return sum(not b.words.done() for b in self._batches) + len(self._merges)

    def _pending(self) -> list[Future]:
        futures = [f for b in self._batches for f in (b.words, b.texts) if not f.done()]
        return futures + [f for f, _ in self._merges]

    def _wait_while(self, busy: Callable[[], bool]) -> None:
        self._collect()
        while busy():
            pending = self._pending()
            wait(pending, timeout=_POLL, return_when=FIRST_COMPLETED)
            self._report()
            self._collect()

    def _collect(self) -> None:
        """Finished batches and merges join the ready segments; merge what the policy says."""
        for b in [b for b in self._batches if b.done()]:
            self._batches.remove(b)
            b.texts.result()  # a failed worker fails the build now
            self.ready.append(b.words.result())
        for m in [m for m in self._merges if m[0].done()]:
            self._merges.remove(m)
            self.ready.append(m[0].result())
            segments.drop_files(Path(self.staging), [s.segid for s in m[1]])
        if self._words_pool is not None and not self.hold:
            self._start_merges()

    def _start_merges(self) -> None:
        sizes = [(s, segments.text_size(self.staging, s)) for s in self.ready]
        for group in segments.plan(sizes):
            for s in group:
                self.ready.remove(s)
            future = self._words_pool.submit(
                segments.merge, self.staging, group, whooshdb.new_segment_id()
            )
            self._merges.append((future, group))

    def finish(self) -> list:
        docs, self._docs = self._docs, []
        if docs:
            n = -(-self._bytes // _MAX_BATCH)  # batches of at most _MAX_BATCH
            if self.parallel and self.hold:
                n = max(n, self.procs)
            for batch in _split(docs, n, self._bytes):
                self._submit(batch)
        self._wait_while(lambda: bool(self._batches or self._merges))
        self._report()
        return list(self.ready)

    def merge_all(self, staging: Path, tick: Callable[[int], None]) -> None:
        """Merge the committed segments as the policy says (merges of one round in
        parallel, in the word workers when there are), committing each round."""
        while True:
            segs = whooshdb.segments(str(staging))
            groups = segments.plan([(s, segments.text_size(staging, s)) for s in segs])
            if not groups:
                return
            ids = [whooshdb.new_segment_id() for _ in groups]
            if self._words_pool is None:
                merged = [segments.merge(str(staging), g, i) for g, i in zip(groups, ids)]
            else:
                pool = self._words_pool
                futures = [
                    pool.submit(segments.merge, str(staging), g, i) for g, i in zip(groups, ids)
                ]
                merged = [f.result() for f in futures]
            whooshdb.commit(str(staging), add=merged, drop=[s.segid for g in groups for s in g])
            tick(sum(s.doc_count_all() for s in merged))

    def shutdown(self) -> None:
        for pool in (self._words_pool, self._texts_pool):
            if pool is not None:
                with contextlib.suppress(Exception):
                    pool.shutdown(wait=True, cancel_futures=True)
        self._words_pool = self._texts_pool = None

    def cancel(self) -> None:
        """Stop at once (an error or Ctrl-C): the workers' half-built segments are discarded."""
        for pool in (self._words_pool, self._texts_pool):
            for p in list((getattr(pool, "_processes", None) or {}).values()):
                with contextlib.suppress(Exception):
                    p.kill()
        for b in self._batches:
            b.words.cancel()
            b.texts.cancel()
        for f, _ in self._merges:
            f.cancel()
        self.shutdown()


def _split(docs: list[dict], n: int, total: int) -> list[list[dict]]:
    """docs cut in order into n batches of about equal text."""
    batches: list[list[dict]] = [[]]
    size, share = 0, total / max(1, n)
    for doc in docs:
        if size >= share * len(batches) and len(batches) < n:
            batches.append([])
        batches[-1].append(doc)
        size += len(doc["title"]) + len(doc["body"])
    return [b for b in batches if b]


def _link_generation(gen: Path, staging: Path) -> None:
    """Start staging as the old generation: hard links (copies where links fail)."""
    for f in gen.iterdir():
        if not f.is_file() or f.name in (store.META, MANIFEST) or f.name.endswith("WRITELOCK"):
            continue
        try:
            os.link(f, staging / f.name)
        except OSError:
            shutil.copy2(f, staging / f.name)


def _deletions(staging: Path, ids: list[str], words: live.Words) -> dict[str, list[int]]:
    """The local documents of ids in the committed segments, per segment; the words
    of each are added to words (jieba is loaded for it)."""
    if not ids:
        return {}
    texts = TextStore(staging, whooshdb.layout(whooshdb.segments(str(staging))))
    try:
        out: dict[str, list[int]] = {}
        for article_id in dict.fromkeys(ids):
            doc = texts.docnum(article_id)
            if doc is None:
                continue
            seg, d = texts.locate(doc)
            out.setdefault(seg.segid, []).append(d)
            live.add_deleted(words, seg.segid, seg.stored(d))
        return out
    finally:
        texts.close()


class Transaction:
    """A build or update of the local index at path (see the module's docstring)."""

    def __init__(self, path: str, gen: Path | None, *, userdict, procs, estimate, progress):
        self.path = path
        self.progress = progress
        self.staging = store.new_staging(path)
        self._deleted: list[str] = []
        try:
            if gen is not None:
                _link_generation(gen, self.staging)
            else:
                whooshdb.create(str(self.staging))
            target = self.staging / USERDICT
            with contextlib.suppress(FileNotFoundError):
                target.unlink()  # a hard link to the old generation's copy
            if userdict is not None:
                target.write_bytes(userdict)
            analysis.use_userdict(target if userdict is not None else None)
            self._batches = _Batches(
                str(self.staging), procs, estimate, self._progress("segmenting")
            )
        except BaseException:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise

    def _progress(self, phase: str):
        if self.progress is None:
            return None
        return lambda done, total: self.progress(phase, done, total)

    def add(self, article: dict) -> None:
        self._batches.add(article)

    def delete(self, ids) -> None:
        self._deleted.extend(ids)

    def commit(self, manifest: dict, meta: dict) -> None:
        segs = self._batches.finish()
        words = live.read(self.staging)
        delete = _deletions(self.staging, self._deleted, words)
        whooshdb.commit(str(self.staging), add=segs, delete=delete)
        self._batches.merge_all(self.staging, self._tick("merging"))
        self._batches.shutdown()
        segments.drop_unused(self.staging)
        layout = whooshdb.layout(whooshdb.segments(str(self.staging)))
        live.write(self.staging, live.keep(words, {sid for sid, _, dels in layout if dels}))
        texts = TextStore(self.staging, layout)
        try:
            totals = live.totals(texts)
        finally:
            texts.close()
        with open(self.staging / MANIFEST, "w", encoding="utf-8") as f:
            # dumps, not dump: json.dump streams through the pure-Python encoder
            f.write(json.dumps({"files": manifest}, ensure_ascii=False, separators=(",", ":")))
            f.flush()
            os.fsync(f.fileno())
        store.write_meta(
            self.staging,
            {
                **meta,
                "generation": store.generation_name(self.staging),
                "live": totals,
                "files": store.file_sizes(self.staging),
            },
        )

    def _tick(self, phase: str):
        report = self._progress(phase)
        return (lambda n: report(n, None)) if report else (lambda n: None)

    def publish(self) -> None:
        store.publish(self.path, self.staging)

    def cancel(self) -> None:
        self._batches.cancel()
        shutil.rmtree(self.staging, ignore_errors=True)


def read_manifest(gen: Path) -> dict:
    """The manifest of a generation's sources (ValueError, OSError, KeyError)."""
    return json.loads((gen / MANIFEST).read_text("utf-8"))["files"]
