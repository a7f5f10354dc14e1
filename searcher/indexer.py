"""Indexer: sources -> a new index generation, swapped in only when complete.

``build`` brings the index at a path up to date with its sources. It hashes
every source file and re-reads only the new and changed ones; within those, an
article whose content is unchanged is left alone. The new generation starts as
hard links to the old one's files (Whoosh segments and text stores are never
modified in place), gets new segments for added and changed articles and
deletion marks for the rest, and is published with ``searcher.store``. With
``rebuild`` (or when there is no index yet) it starts from an empty folder.

Segments are built from batches of articles in worker processes (jieba holds
the GIL), forked after the segmenter is loaded so that they share it. A failed
or interrupted build removes its staging folder and leaves the index in force
untouched.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import hashlib
import json
import os
import shutil
import time
import warnings
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from searcher import analysis, corpus, engine, store, textstore
from searcher.errors import BadSource, CorpusError, IndexOutdated, SearcherError

DEFAULT_SOURCES = ("seeds",)
MANIFEST = "files.json"
USERDICT = "userdict.txt"
MAX_SEGMENTS = 16  # more than this after an update: the smallest are merged
_IN_PROCESS = 1 << 20  # below this much new text, workers cost more than they save
_HOLD = 64 << 20  # up to this much text, batches are cut equal once all is read
_MAX_BATCH = 4 << 20  # characters of text per segment (a worker's memory grows with it)


@dataclass
class Progress:
    """Reported after each source file: for a progress bar or a log line."""

    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    articles: int


@dataclass
class BuildReport:
    path: str
    articles: int  # in the index now
    files: int  # source files found
    bytes: int  # of the source files, as stored (compressed or not)
    text_bytes: int  # of the titles and bodies of the articles (re)indexed, UTF-8
    seconds: float
    problems: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)  # source files with a problem
    rebuilt: bool = False  # True: built from scratch; False: an incremental update

    def to_dict(self) -> dict:
        return asdict(self)


def build(
    sources: Iterable[str | os.PathLike] | None = None,
    path: str | os.PathLike | None = None,
    *,
    rebuild: bool = False,
    userdict: str | os.PathLike | None = None,
    progress: Callable[[Progress], None] | None = None,
    wait: bool = True,
    on_wait: Callable[[], None] | None = None,
    on_problem: Callable[[str], None] | None = None,
    on_notice: Callable[[str], None] | None = None,
    procs: int | None = None,
    strict: bool = False,
) -> BuildReport:
    """Bring the index at path up to date with sources (files or folders).

    Without sources, the index's own sources are used (``seeds/`` for a new
    index). Bad sources are reported in the report's ``problems`` (as
    "path:line: reason"), and to on_problem as they are met, and skipped; good
    articles beside them are indexed. userdict is a jieba user dictionary; it
    is stored with the index and used by later updates and searches.
    on_notice gets other remarks (an earlier build that died is cleaned up).

    With strict, the first bad source stops the build: it is passed to
    on_problem, then ``BadSource`` is raised and the index is left as it was.
    A failure to write the index raises SearcherError; the index in force is kept.
    """
    t0 = time.perf_counter()
    path = str(path or store.default_path())
    with _write_errors(path), store.writer_lock(path, wait=wait, on_wait=on_wait) as stale:
        if stale and on_notice:
            on_notice(
                f"an earlier 'searcher index' ({stale}) did not finish; its unfinished files"
                " are removed and the index it left in force is kept"
            )
        store.clean(path)
        old = _Previous.open(path, rebuild)
        if not sources and old.lost:
            raise SearcherError(
                f"the sources of the index at {path} are not known ({old.lost}); name them:"
                f" searcher index --rebuild SOURCES -i {path}"
            )
        srcs = [str(s) for s in sources] if sources else old.sources or list(DEFAULT_SOURCES)
        for s in srcs:
            if not os.path.exists(s):
                # A mistyped source would silently drop its articles from the index.
                raise SearcherError(f"{s}: no such file or folder (the index was not changed)")
        user = _userdict_for(old, userdict, rebuild, path)
        staging = store.new_staging(path)
        try:
            job = _Build(path, staging, old, user, progress, on_problem, procs, strict)
            report = job.run(srcs)
            # Complete: from here on Ctrl-C would only make "was it kept?" unclear.
            with store.uninterrupted():
                if job.changed:
                    store.publish(path, staging)
                else:  # nothing to change: the index in force stays, untouched
                    shutil.rmtree(staging, ignore_errors=True)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        with store.uninterrupted():
            store.clean(path)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


@contextlib.contextmanager
def _write_errors(path: str) -> Iterator[None]:
    """An OSError in the block is a failure to write the index: one line saying what to do.

    (The sources' read errors never get here: they are problems of the build.)
    """
    try:
        yield
    except OSError as e:
        raise _write_error(path, e) from e


def _write_error(path: str, e: OSError) -> SearcherError:
    what = {
        errno.ENOSPC: "the disk is full (free some space and run it again)",
        errno.EDQUOT: "the disk quota is used up (free some space and run it again)",
        errno.EFBIG: "a file grew past the size limit (raise 'ulimit -f' and run it again)",
        errno.EROFS: "the file system is read-only (choose another folder with -i)",
        errno.EACCES: "permission denied (make the folder writable, or choose another with -i)",
        errno.EPERM: "permission denied (make the folder writable, or choose another with -i)",
    }.get(e.errno, f"{e.strerror or e} (check the folder and run it again)")
    name = f" ({e.filename})" if e.filename else ""
    return SearcherError(f"cannot write the index at {path}{name}: {what}; nothing was changed")


class _Previous:
    """What the index in force holds: its generation, meta, sources and file manifest."""

    def __init__(self, gen: Path | None, meta: dict, files: dict, lost: str = "") -> None:
        self.gen = gen
        self.meta = meta
        self.files = files  # path -> {"hash", "articles": [[id, digest], ...], "skipped": [...]}
        self.sources: list[str] = list(meta.get("sources", []))
        self.lost = lost  # why an index that is there cannot say what its sources are

    @classmethod
    def open(cls, path: str, rebuild: bool) -> _Previous:
        try:
            gen = store.current_generation(path)
            meta = store.read_meta(gen, path)
        except SearcherError as e:
            there = store.has_current(path)
            if rebuild:  # a damaged index is rebuilt, from the sources given
                return cls(None, {}, {}, lost=getattr(e, "reason", "") if there else "")
            if not there:
                return cls(None, {}, {})  # no index yet
            raise
        if rebuild:
            return cls(gen, meta, {})  # keep its sources and user dictionary only
        store.check_versions(meta, path, engine.versions())
        store.verify(gen, meta, path)  # an update builds on every file of it
        if meta.get("dictionary") != analysis.dictionary_digest():
            raise IndexOutdated(path, "was built with another jieba dictionary")
        try:
            files = json.loads((gen / MANIFEST).read_text("utf-8"))["files"]
        except (OSError, ValueError, KeyError) as e:
            raise IndexOutdated(path, f"has no readable list of its sources ({e})") from e
        return cls(gen, meta, files)

    @property
    def incremental(self) -> bool:
        return self.gen is not None and bool(self.files)


def _stat_key(st: os.stat_result) -> list[int]:
    """What changes whenever a file's content can have changed.

    A write always moves ctime, which no tool can set back (unlike mtime), so
    a file whose size, inode, mtime and ctime are all as recorded still has the
    recorded hash; any other file is hashed again.
    """
    return [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]


def _racy(st: os.stat_result) -> bool:
    """Changed within the last two seconds: a coarse clock could hide a second write."""
    return time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < 2_000_000_000


def _sha256(path: str | os.PathLike) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _userdict_for(old: _Previous, userdict, rebuild: bool, path: str) -> Path | None:
    """The user dictionary to build with: the one given, else the index's own."""
    kept = old.gen / USERDICT if old.gen is not None else None
    if userdict is None:
        return kept if kept is not None and kept.exists() else None
    userdict = Path(userdict)
    try:
        analysis.read_userdict(userdict)
    except OSError as e:
        raise SearcherError(f"{userdict}: cannot read user dictionary: {e.strerror or e}") from e
    except ValueError as e:
        raise SearcherError(f"{e} (fix the user dictionary)") from e
    if not rebuild and old.incremental:
        have = old.meta.get("userdict")
        if have != _sha256(userdict):
            raise IndexOutdated(
                path,
                "was built with another user dictionary; the words of every article change",
            )
    return userdict


def _digest(a: corpus.SourceArticle) -> str:
    text = json.dumps([a.title, a.body, a.date, a.source, a.author, a.origin], ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


class _Problems(list):
    """The build's problems, each also passed to a callback as it is met.

    Strict: the first one raises BadSource (after the callback), which unwinds
    the build: workers are stopped and the staging folder removed.
    """

    def __init__(self, callback: Callable[[str], None] | None, strict: bool = False) -> None:
        super().__init__()
        self._callback = callback
        self._strict = strict

    def append(self, problem) -> None:
        super().append(problem)
        if self._callback:
            self._callback(str(problem))
        if self._strict:
            raise BadSource(str(problem))

    def __iadd__(self, problems):
        for p in problems:
            self.append(p)
        return self


class _Build:
    def __init__(self, path, staging, old, userdict, progress, on_problem, procs, strict) -> None:
        self.path = path
        self.staging = staging
        self.old = old
        self.userdict = userdict
        self.progress = progress
        self.problems = _Problems(on_problem, strict)
        self.procs = procs or os.cpu_count() or 1
        self.changed = True

    def run(self, srcs: list[str]) -> BuildReport:
        old, staging = self.old, self.staging
        own = os.path.realpath(self.path)  # this index, even before its first generation
        files, found_problems = corpus.find_files(
            srcs, lambda d: store.holds_index(d) or os.path.realpath(d) == own
        )
        self.problems += found_problems
        failed = {p.path for p in found_problems}  # source files with a problem
        if old.incremental:
            _link_generation(old.gen, staging)
        else:
            engine.create(str(staging))
        if self.userdict is not None:
            target = staging / USERDICT
            data = Path(self.userdict).read_bytes()
            with contextlib.suppress(FileNotFoundError):
                target.unlink()  # a hard link to the old generation's copy
            target.write_bytes(data)
        analysis.use_userdict(staging / USERDICT if self.userdict is not None else None)

        # Which articles the old index holds, and in which file.
        before: dict[str, str] = {}  # id -> digest
        for rec in old.files.values():
            for article_id, digest in rec["articles"]:
                before[article_id] = digest

        claimed: dict[str, str] = {}  # id -> the file that holds it, in file order
        manifest: dict[str, dict] = {}
        sizes = [_size(f) for f in files]
        total = sum(sizes)
        n_unchanged = n_added = 0
        updated: list[str] = []
        text_bytes = done = 0
        batches = _Batches(str(staging), self.procs, _estimate(files, sizes, old))
        try:
            for i, (f, size) in enumerate(zip(files, sizes), 1):
                key = os.path.abspath(f)
                rec = old.files.get(key)
                data = None
                try:
                    st = os.stat(f)
                    if rec is not None and rec.get("stat") == _stat_key(st) and not _racy(st):
                        digest = rec["hash"]  # not touched since it was hashed
                    elif rec is not None:
                        digest = _sha256(f)
                    else:
                        data = Path(f).read_bytes()
                        digest = hashlib.sha256(data).hexdigest()
                except OSError as e:
                    self.problems.append(
                        CorpusError(str(f), f"cannot read file: {e.strerror or e}")
                    )
                    failed.add(str(f))
                    continue
                if (
                    rec is not None
                    and rec["hash"] == digest
                    and not any(a in claimed for a, _ in rec["articles"])
                    and all(a in claimed for a in rec.get("skipped", ()))
                ):
                    # Unchanged, and no earlier file now claims its articles.
                    for a, _ in rec["articles"]:
                        claimed[a] = key
                    n_unchanged += len(rec["articles"])
                    manifest[key] = {**rec, "stat": _stat_key(st)}
                    if rec.get("problems"):  # still there: the file has not changed
                        self.problems += rec["problems"]
                        failed.add(str(f))
                else:
                    if data is None:
                        data = Path(f).read_bytes()
                    articles, errs = corpus.parse_file(Path(f), data)
                    self.problems += errs
                    if errs:
                        failed.add(str(f))
                    entry = {
                        "hash": digest,
                        "stat": _stat_key(st),
                        "articles": [],
                        "skipped": [],
                        "problems": [],
                    }
                    entry["problems"] = [str(e) for e in errs]
                    for a in articles:
                        if a.id in claimed:
                            err = CorpusError(
                                a.origin or str(f),
                                f"duplicate id {a.id!r} (first in {claimed[a.id]}); skipped",
                            )
                            self.problems.append(err)
                            failed.add(str(f))
                            entry["skipped"].append(a.id)
                            entry["problems"].append(str(err))
                            continue
                        claimed[a.id] = key
                        d = _digest(a)
                        entry["articles"].append([a.id, d])
                        if before.get(a.id) == d:
                            n_unchanged += 1
                            continue
                        if a.id in before:
                            updated.append(a.id)
                        else:
                            n_added += 1
                        batches.add(asdict(a))
                        text_bytes += len(a.title.encode()) + len(a.body.encode())
                    manifest[key] = entry
                done += size
                if self.progress:
                    self.progress(Progress(i, len(files), done, total, len(claimed)))
            if not claimed:
                raise SearcherError(
                    f"no articles found in {', '.join(srcs)} (the index was not changed)"
                )
            segments = batches.finish()
        except BaseException:
            batches.cancel()
            raise
        gone = [a for a in before if a not in claimed]
        self.changed = bool(
            not old.incremental
            or segments
            or gone
            or updated
            or manifest != old.files
            or [os.path.abspath(s) for s in srcs] != old.sources
        )
        if self.changed:
            engine.commit(str(staging), add=segments, delete_ids=gone + updated)
            _merge_small(staging)
            _drop_unused_texts(staging)
            self._write_meta(srcs, manifest, len(claimed))
        return BuildReport(
            path=self.path,
            articles=len(claimed),
            files=len(files),
            bytes=total,
            text_bytes=text_bytes,
            seconds=0.0,
            problems=[str(p) for p in self.problems],
            added=n_added,
            updated=len(updated),
            removed=len(gone),
            unchanged=n_unchanged,
            failed=sorted(failed),
            rebuilt=not old.incremental,
        )

    def _write_meta(self, srcs: list[str], manifest: dict, articles: int) -> None:
        staging = self.staging
        with open(staging / MANIFEST, "w", encoding="utf-8") as f:
            # dumps, not dump: json.dump streams through the pure-Python encoder
            f.write(json.dumps({"files": manifest}, ensure_ascii=False, separators=(",", ":")))
            f.flush()
            os.fsync(f.fileno())
        userdict = staging / USERDICT
        store.write_meta(
            staging,
            {
                **engine.versions(),
                "segmenter": analysis.segmenter(),
                "dictionary": analysis.dictionary_digest(),
                "userdict": _sha256(userdict) if userdict.exists() else None,
                "built": self.old.meta.get("built")
                if self.old.incremental
                else time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "sources": [os.path.abspath(s) for s in srcs],
                "articles": articles,
                "files": store.file_sizes(staging),
            },
        )


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0


def _estimate(files: list[Path], sizes: list[int], old: _Previous) -> int:
    """Roughly how many bytes of text the build will index (to size the batches)."""
    total = 0
    for f, size in zip(files, sizes):
        if old.files.get(os.path.abspath(f)) is not None:
            continue  # most likely unchanged
        total += size * 3 if str(f).endswith(".gz") else size
    return total


def _link_generation(gen: Path, staging: Path) -> None:
    """Start staging as the old generation: hard links (copies where links fail)."""
    for f in gen.iterdir():
        if not f.is_file() or f.name in (store.META, MANIFEST) or f.name.endswith("WRITELOCK"):
            continue
        try:
            os.link(f, staging / f.name)
        except OSError:
            shutil.copy2(f, staging / f.name)


# -- segments ------------------------------------------------------------------


def _build_words(staging: str, segid: str, docs: list[dict]):
    """The Whoosh segment of a batch of articles (jieba words) and its word counts."""
    gc.disable()  # millions of small objects, none of them cyclic
    builder = engine.SegmentBuilder(staging, segid)
    try:
        fold, words = analysis.fold, analysis.words
        counts = array("I")
        for doc in docs:
            tw, bw = words(fold(doc["title"])), words(fold(doc["body"]))
            builder.add(doc, tw, bw)
            counts.append(len(tw))
            counts.append(len(bw))
        segment = builder.finish()
        textstore.write_word_counts(staging, segid, counts)
        return segment
    except BaseException:
        builder.cancel()
        raise
    finally:
        gc.enable()


def _build_texts(staging: str, segid: str, docs: list[tuple[str, str, str]]) -> None:
    """The text store of a batch of (id, title, body): no jieba needed."""
    gc.disable()
    texts = textstore.SegmentWriter(staging, segid)
    try:
        fold = analysis.fold
        for article_id, title, body in docs:
            texts.add(fold(title), fold(body), article_id)
        texts.finish()
    except BaseException:
        texts.cancel()
        raise
    finally:
        gc.enable()


class _Batches:
    """Collects articles into batches and builds a segment of each, in workers when worth it.

    A batch's Whoosh segment (jieba words, most of the work) is built by one of
    `procs` word workers, forked once jieba is loaded so that they share its
    dictionary; its text store by a text worker, forked at once (it needs no
    jieba, so it works while the dictionary loads). Up to _HOLD bytes of text
    are held and then cut into equal batches, so the workers finish together;
    beyond that, batches of _MAX_BATCH go out as they fill (memory stays bounded).
    """

    def __init__(self, staging: str, procs: int, estimate: int) -> None:
        self.staging = staging
        self.procs = procs
        self.parallel = procs > 1 and estimate >= _IN_PROCESS
        self.hold = estimate <= _HOLD
        self._docs: list[dict] = []
        self._bytes = 0
        self._words_pool = None
        self._texts_pool = None
        self._futures: list = []  # (words future, texts future) per batch
        self._done: list = []
        if self.parallel:
            self._texts_pool = self._fork(1)

    @staticmethod
    def _fork(n: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            pool = ProcessPoolExecutor(
                n,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
                initargs=(os.getpid(),),
            )
            for f in [pool.submit(int) for _ in range(n)]:  # start them now
                f.result()
        return pool

    def add(self, doc: dict) -> None:
        self._docs.append(doc)
        self._bytes += _text_size(doc)
        if not self.hold and self._bytes >= _MAX_BATCH:
            self._submit(self._docs)
            self._docs, self._bytes = [], 0

    def _submit(self, docs: list[dict]) -> None:
        segid = engine.new_segment_id()
        texts = [(d["id"], d["title"], d["body"]) for d in docs]
        if self._texts_pool is None:
            analysis.load()
            segment = _build_words(self.staging, segid, docs)
            _build_texts(self.staging, segid, texts)
            self._done.append(segment)
            return
        from concurrent.futures import FIRST_COMPLETED, wait

        # Streaming, at most one batch per worker in flight: the next waits here.
        while not self.hold and sum(not t.done() for _, t in self._futures) >= 1:
            wait([t for _, t in self._futures], return_when=FIRST_COMPLETED)
        text_future = self._texts_pool.submit(_build_texts, self.staging, segid, texts)
        if self._words_pool is None:
            analysis.load()  # while the text worker works
            self._words_pool = self._fork(self.procs)
        while not self.hold and sum(not w.done() for w, _ in self._futures) >= self.procs:
            wait([w for w, _ in self._futures], return_when=FIRST_COMPLETED)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*fork.*", category=DeprecationWarning)
            words_future = self._words_pool.submit(_build_words, self.staging, segid, docs)
        self._futures.append((words_future, text_future))

    def finish(self) -> list:
        docs, self._docs = self._docs, []
        if docs:
            n = -(-self._bytes // _MAX_BATCH)  # batches of at most _MAX_BATCH
            if self.parallel and self.hold:
                n = max(n, self.procs)
            for batch in _split(docs, n, self._bytes):
                self._submit(batch)
        out = list(self._done)
        for words_future, text_future in self._futures:
            out.append(words_future.result())
            text_future.result()
        self._shutdown(wait=True)
        return out

    def _shutdown(self, wait: bool) -> None:
        for pool in (self._words_pool, self._texts_pool):
            if pool is not None:
                with contextlib.suppress(Exception):
                    pool.shutdown(wait=wait, cancel_futures=True)
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
        self._shutdown(wait=True)


def _worker_init(build_pid: int) -> None:
    """A worker leaves Ctrl-C to the build (which stops it) and dies with it.

    A worker shares the build's writer lock (fork copies the descriptor); one
    that outlived a killed build would hold the lock and block the next one.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command's Ctrl-C-like handler
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != build_pid:  # the build died before prctl took effect
            os._exit(1)


_PR_SET_PDEATHSIG = 1


def _text_size(doc: dict) -> int:
    return len(doc["title"]) + len(doc["body"])


def _split(docs: list[dict], n: int, total: int) -> list[list[dict]]:
    """docs cut in order into n batches of about equal text."""
    batches: list[list[dict]] = [[]]
    size, share = 0, total / max(1, n)
    for doc in docs:
        if size >= share * len(batches) and len(batches) < n:
            batches.append([])
        batches[-1].append(doc)
        size += _text_size(doc)
    return [b for b in batches if b]


def _merge_small(staging: Path) -> None:
    """Merge the smallest segments when there are too many (few updates need it)."""
    if len(engine.segment_ids(str(staging))) <= MAX_SEGMENTS:
        return
    reader = engine.Reader(str(staging))
    try:
        segs = reader.segments()
        total = reader.doc_count_all
    finally:
        reader.close()
    if len(segs) <= MAX_SEGMENTS:
        return
    ends = [offset for _, offset, _ in segs[1:]] + [total]
    live = {sid: end - offset - len(deleted) for (sid, offset, deleted), end in zip(segs, ends)}
    order = [sid for sid, _, _ in segs]
    smallest = sorted(order, key=lambda s: live[s])[: len(segs) - MAX_SEGMENTS // 2 + 1]
    chosen = [s for s in order if s in smallest]  # keep their document order
    stores: dict[str, textstore.TextStore] = {}

    def word_counts(segid: str, d: int) -> tuple[int, int]:
        if segid not in stores:
            stores[segid] = textstore.TextStore(staging, [(segid, 0, frozenset())])
        return stores[segid].word_counts(d)

    try:
        merged = engine.merge(str(staging), chosen, word_counts)
    finally:
        for st in stores.values():
            st.close()
    textstore.copy_segment(
        staging,
        chosen,
        {sid: deleted for sid, _, deleted in segs},
        staging,
        engine.segment_id(merged),
    )
    engine.commit(str(staging), add=[merged], drop=chosen)


def _drop_unused_texts(staging: Path) -> None:
    """Remove the text stores of segments no longer in the index (merged away)."""
    keep = {n for sid in engine.segment_ids(str(staging)) for n in textstore.file_names(sid)}
    for f in staging.glob("seg-*"):
        if f.name not in keep:
            f.unlink()
