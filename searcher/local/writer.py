"""Writer: one build or update of a local index, from staging folder to published generation.

A transaction starts a staging folder, either empty (a rebuild) or as hard
links to the generation in force (Whoosh segments and text stores are never
modified in place, so an update only adds segments and deletion marks). Added
articles are cut into batches and each becomes a segment pair
(``searcher.local.segments``) in worker processes (jieba holds the GIL): word
workers forked once the segmenter is loaded, so that they share it, and a text
worker that needs no jieba and starts at once. ``commit`` writes the table of
contents, merges small segments and the metadata; ``publish`` swaps the staging
folder in (``store``). A failed or interrupted transaction removes its staging
folder and leaves the index in force untouched.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import shutil
import warnings
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

from searcher import analysis, stopping
from searcher.local import segments, store, whooshdb
from searcher.local.snapshot import USERDICT

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


class _Batches:
    """Collects articles into batches and builds a segment pair of each, in workers
    when worth it.

    Up to _HOLD characters of text are held and then cut into equal batches, so
    the workers finish together; beyond that, batches of _MAX_BATCH go out as they
    fill (memory stays bounded). progress(done, total) reports characters
    segmented out of those collected.
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
        self._futures: list = []  # (words future, texts future) per batch
        self._done: list = []
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
        texts = [(d["id"], d["title"], d["body"]) for d in docs]
        if self._texts_pool is None:
            analysis.load()
            segment = segments.build_words(self.staging, segid, docs, self._tick)
            segments.build_texts(self.staging, segid, texts)
            self._done.append(segment)
            return
        # Streaming, at most one batch per worker in flight: the next waits here.
        self._wait_while(lambda: not self.hold and sum(not t.done() for _, t in self._futures))
        text_future = self._texts_pool.submit(segments.build_texts, self.staging, segid, texts)
        if self._words_pool is None:
            analysis.load()  # while the text worker works
            self._words_pool = self._fork(self.procs)
        self._wait_while(
            lambda: not self.hold and sum(not w.done() for w, _ in self._futures) >= self.procs
        )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            words_future = self._words_pool.submit(_build_words, self.staging, segid, docs)
        self._futures.append((words_future, text_future))

    def _wait_while(self, busy: Callable[[], bool]) -> None:
        while busy():
            pending = [f for pair in self._futures for f in pair if not f.done()]
            wait(pending, timeout=_POLL, return_when=FIRST_COMPLETED)
            self._report()
            for f in pending:  # a failed worker fails the build now
                if f.done() and f.exception() is not None:
                    raise f.exception()

    def finish(self) -> list:
        docs, self._docs = self._docs, []
        if docs:
            n = -(-self._bytes // _MAX_BATCH)  # batches of at most _MAX_BATCH
            if self.parallel and self.hold:
                n = max(n, self.procs)
            for batch in _split(docs, n, self._bytes):
                self._submit(batch)
        self._wait_while(lambda: any(not f.done() for pair in self._futures for f in pair))
        out = list(self._done)
        for words_future, text_future in self._futures:
            out.append(words_future.result())
            text_future.result()
        self._shutdown()
        self._report()
        return out

    def _shutdown(self) -> None:
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
        for futures in self._futures:
            for f in futures:
                f.cancel()
        self._shutdown()


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


class Transaction:
    """A build or update of the local index at path (see the module's docstring)."""

    def __init__(self, path: str, gen: Path | None, *, userdict, procs, estimate, progress):
        self.path = path
        self.progress = progress
        self.staging = store.new_staging(path)
        self._deleted: list[str] = []
        self._added = False
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
        self._added = True
        self._batches.add(article)

    def delete(self, ids) -> None:
        self._deleted.extend(ids)

    def commit(self, manifest: dict, meta: dict) -> None:
        segs = self._batches.finish()
        whooshdb.commit(str(self.staging), add=segs, delete_ids=self._deleted)
        segments.merge_small(self.staging, self._tick("merging"))
        segments.drop_unused(self.staging)
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
