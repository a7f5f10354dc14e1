"""Indexer: bring an index up to date with its sources, on any engine.

``build`` takes the writer lock of the index (``engine.Target``), learns what is
in force (``Previous``), finds and hashes the source files, lets a
``changes.ChangePlan`` decide which files to read and which articles to add,
update or remove, reads and parses only those (``corpus``), hands the articles
to the engine's ``Transaction`` and publishes it: atomically, only when
complete. A failed or interrupted build leaves the index in force untouched.
Progress is reported per phase (reading the sources, segmenting, merging).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from searcher import analysis, changes, corpus, engine, stopping
from searcher.errors import BadSource, CorpusError, IndexOutdated, SearcherError
from searcher.local import store

DEFAULT_SOURCES = ("seeds",)


@dataclass(frozen=True)
class Progress:
    """Where a build is: for a progress bar or a log line.

    phase: "reading" (source files hashed and read; done/total in bytes of the
    files), "segmenting" (articles cut into words and written; characters of
    text) or "merging" (segments merged; documents, total unknown).
    """

    phase: str
    done: int
    total: int | None
    articles: int  # articles found in the sources so far


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


def _stale_notice(stale: str) -> str:
    return (
        f"an earlier 'searcher index' ({stale}) did not finish; its unfinished files"
        " are removed and the index it left in force is kept"
    )


def _splitter_notice(previous: engine.Previous, address: str) -> str:
    return (
        f"the pages of the index at {address} were split by splitter version"
        f" {previous.meta.get('splitter_version') or 1}; this searcher splits pages"
        f" differently (version {corpus.SPLITTER_VERSION}): only changed pages are split"
        f" anew; 'searcher index --rebuild -i {address}' splits them all"
        " (ids of page articles may change)"
    )


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
    shards: int | None = None,
    replicas: int | None = None,
) -> BuildReport:
    """Bring the index at path (a folder or a ``solr://`` address) up to date with sources.

    Without sources, the index's own sources are used (``seeds/`` for a new
    index). Bad sources are reported in the report's ``problems`` (as
    "path:line: reason"), and to on_problem as they are met, and skipped; good
    articles beside them are indexed. userdict is a jieba user dictionary; it
    is stored with the index and used by later updates and searches.
    on_notice gets other remarks (an earlier build that died is cleaned up).

    With strict, the first bad source stops the build: it is passed to
    on_problem, then ``BadSource`` is raised and the index is left as it was.
    A failure to write the index raises SearcherError; the index in force is kept.

    shards, replicas: the layout of a SolrCloud collection this build creates (a rebuild,
    or the first build); for a ``solr://`` address only.
    """
    t0 = time.perf_counter()
    address = str(path or engine.default_address())
    layout = {k: v for k, v in (("shards", shards), ("replicas", replicas)) if v is not None}
    target = engine.open_target(address, **layout)
    with _write_errors(address), target.lock(wait=wait, on_wait=on_wait) as stale:
        if stale and on_notice:
            on_notice(_stale_notice(stale))
        target.clean()
        previous = target.previous(rebuild)
        srcs = _sources(sources, previous, address)
        if previous.incremental and previous.meta.get("dictionary") != analysis.dictionary_digest():
            raise IndexOutdated(address, "was built with another jieba dictionary")
        user = _userdict(previous, userdict, rebuild, address)
        if on_notice and _split_otherwise(previous):
            on_notice(_splitter_notice(previous, address))
        job = _Build(target, previous, user, progress, _Problems(on_problem, strict))
        report = job.run(srcs, procs or os.cpu_count() or 1)
        with stopping.uninterrupted():
            target.clean()
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


def _split_otherwise(previous: engine.Previous) -> bool:
    """Whether pages of the index in force were split by another splitter version."""
    return (
        previous.incremental
        and previous.meta.get("splitter_version") != corpus.SPLITTER_VERSION
        and any(key.lower().endswith(".txt") for key in previous.files)
    )


def _sources(sources, previous: engine.Previous, address: str) -> list[str]:
    if not sources and previous.lost:
        raise SearcherError(
            f"the sources of the index at {address} are not known ({previous.lost}); name them:"
            f" searcher index --rebuild SOURCES -i {address}"
        )
    srcs = [str(s) for s in sources] if sources else previous.sources or list(DEFAULT_SOURCES)
    for s in srcs:
        if not os.path.exists(s):
            # A mistyped source would silently drop its articles from the index.
            raise SearcherError(f"{s}: no such file or folder (the index was not changed)")
    return srcs


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


def _sha256(path: str | os.PathLike) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _userdict(previous: engine.Previous, userdict, rebuild: bool, path: str) -> bytes | None:
    """The user dictionary to build with: the one given, else the index's own."""
    if userdict is None:
        return previous.userdict
    userdict = Path(userdict)
    try:
        analysis.read_userdict(userdict)
        data = userdict.read_bytes()
    except OSError as e:
        raise SearcherError(f"{userdict}: cannot read user dictionary: {e.strerror or e}") from e
    except ValueError as e:
        raise SearcherError(f"{e} (fix the user dictionary)") from e
    if (
        not rebuild
        and previous.incremental
        and previous.meta.get("userdict") != hashlib.sha256(data).hexdigest()
    ):
        raise IndexOutdated(
            path, "was built with another user dictionary; the words of every article change"
        )
    return data


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
    """One run of ``build``: sources -> plan -> transaction -> report."""

    def __init__(self, target, previous, userdict, progress, problems: _Problems) -> None:
        self.target = target
        self.previous = previous
        self.userdict = userdict
        self.progress = progress
        self.problems = problems
        self.failed: set[str] = set()  # source files with a problem
        self.plan = changes.ChangePlan(previous.files if previous.incremental else {})
        self.text_bytes = 0

    def run(self, srcs: list[str], procs: int) -> BuildReport:
        files, found_problems = corpus.find_files(
            srcs, lambda d: store.holds_index(d) or self.target.holds(d)
        )
        self.problems += found_problems
        self.failed |= {p.path for p in found_problems}
        sizes = [_size(f) for f in files]
        tx = self.target.begin(
            self.previous,
            userdict=self.userdict,
            procs=procs,
            estimate=_estimate(files, sizes, self.previous.files),
            progress=self._phase,
        )
        try:
            self._read(files, sizes, tx)
            plan = self.plan
            if not plan.claimed:
                raise SearcherError(
                    f"no articles found in {', '.join(srcs)} (the index was not changed)"
                )
            sources = [os.path.abspath(s) for s in srcs]
            changed = not self.previous.incremental or plan.changes_anything(
                sources, self.previous.sources
            )
            if changed:
                tx.delete(plan.removed() + plan.counts.updated)
                tx.commit(plan.manifest, self._meta(sources))
                with stopping.uninterrupted():  # complete: Ctrl-C would only blur "kept?"
                    tx.publish()
            else:  # nothing to change: the index in force stays, untouched
                tx.cancel()
        except BaseException:
            tx.cancel()
            raise
        return self._report(files, sizes)

    def _read(self, files: list[Path], sizes: list[int], tx) -> None:
        total, done = sum(sizes), 0
        for f, size in zip(files, sizes):
            self._file(f, tx)
            done += size
            if self.progress:
                self.progress(Progress("reading", done, total, len(self.plan.claimed)))

    def _file(self, f: Path, tx) -> None:
        """Hash one source file; read it if the plan says so, and add what changed."""
        key = os.path.abspath(f)
        record = self.plan.old.get(key)
        data = None
        try:
            st = os.stat(f)
            file_hash = changes.known_hash(record, st)
            if file_hash is None and record is not None:
                file_hash = _sha256(f)
            elif file_hash is None:
                data = f.read_bytes()
                file_hash = hashlib.sha256(data).hexdigest()
        except OSError as e:
            self._problem(CorpusError(str(f), f"cannot read file: {e.strerror or e}"), f)
            return
        if self.plan.keeps(key, file_hash):
            kept = self.plan.keep(key, changes.stat_key(st))
            for p in kept:  # still there: the file has not changed
                self._problem(p, f)
            return
        articles, errs = corpus.parse_file(f, f.read_bytes() if data is None else data)
        for e in errs:
            self._problem(e, f)
        new, dups = self.plan.read(key, file_hash, changes.stat_key(st), articles, errs)
        for e in dups:
            self._problem(e, f)
        for a in new:
            tx.add(a.as_dict())
            self.text_bytes += len(a.title.encode()) + len(a.body.encode())

    def _problem(self, problem, f: Path) -> None:
        self.problems.append(problem)
        self.failed.add(str(f))

    def _phase(self, phase: str, done: int, total: int | None) -> None:
        if self.progress:
            self.progress(Progress(phase, done, total, len(self.plan.claimed)))

    def _meta(self, sources: list[str]) -> dict:
        old = self.previous.meta
        return {
            **self.target.versions(),
            "segmenter": analysis.segmenter(),
            "dictionary": analysis.dictionary_digest(),
            "userdict": hashlib.sha256(self.userdict).hexdigest() if self.userdict else None,
            "built": old.get("built")
            if self.previous.incremental
            else time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "sources": sources,
            "articles": len(self.plan.claimed),
            # What split the pages: kept by an update, whose unchanged pages keep their split.
            "splitter_version": old.get("splitter_version")
            if self.previous.incremental
            else corpus.SPLITTER_VERSION,
        }

    def _report(self, files: list[Path], sizes: list[int]) -> BuildReport:
        c = self.plan.counts
        return BuildReport(
            path=self.target.address,
            articles=len(self.plan.claimed),
            files=len(files),
            bytes=sum(sizes),
            text_bytes=self.text_bytes,
            seconds=0.0,
            problems=[str(p) for p in self.problems],
            added=c.added,
            updated=len(c.updated),
            removed=len(self.plan.removed()),
            unchanged=c.unchanged,
            failed=sorted(self.failed),
            rebuilt=not self.previous.incremental,
        )


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0


def _estimate(files: list[Path], sizes: list[int], old_files: dict) -> int:
    """Roughly how many bytes of text the build will index (to size the batches)."""
    total = 0
    for f, size in zip(files, sizes):
        if old_files.get(os.path.abspath(f)) is not None:
            continue  # most likely unchanged
        total += size * 3 if str(f).endswith(".gz") else size
    return total
