"""Indexer: sources -> a new index generation, swapped in only when complete.

``build`` reads every source with ``searcher.corpus``, writes the articles
into a staging folder through ``searcher.engine``, records what it was built
from, and publishes it with ``searcher.store``. A failed or interrupted build
removes its staging folder and leaves the index in force untouched.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from searcher import corpus, engine, store, textstore
from searcher.errors import CorpusError, SearcherError

DEFAULT_SOURCES = ("seeds",)


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
    articles: int
    files: int
    bytes: int  # of the source files, as stored (compressed or not)
    text_bytes: int  # of the articles' titles and bodies, UTF-8
    seconds: float
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def build(
    sources: Iterable[str | os.PathLike] | None = None,
    path: str | os.PathLike | None = None,
    *,
    progress: Callable[[Progress], None] | None = None,
    wait: bool = True,
    on_wait: Callable[[], None] | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the index at path from sources (files or folders), replacing the one in force.

    Bad sources are reported in the returned report's ``problems`` (as
    "path:line: reason"), and to on_problem as they are met, and skipped; good
    articles beside them are indexed.
    """
    t0 = time.perf_counter()
    path = str(path or store.default_path())
    srcs = [str(s) for s in (sources or DEFAULT_SOURCES)]
    for s in srcs:
        if not os.path.exists(s):
            # A mistyped source would silently drop its articles from the index.
            raise SearcherError(f"{s}: no such file or folder (the index was not changed)")
    files, found_problems = corpus.find_files(srcs)
    problems = _Problems(on_problem)
    problems += found_problems
    with store.writer_lock(path, wait=wait, on_wait=on_wait):
        store.clean(path)
        staging = store.new_staging(path)
        try:
            engine.create(str(staging))
            n, text_bytes, file_bytes = _write(staging, files, problems, progress)
            if n == 0:
                raise SearcherError(
                    f"no articles found in {', '.join(srcs)} (the index was not changed)"
                )
            store.write_meta(
                staging,
                {
                    **engine.versions(),
                    "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "sources": [os.path.abspath(s) for s in srcs],
                    "articles": n,
                    "problems": [str(p) for p in problems],
                },
            )
            store.publish(path, staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        store.clean(path)
    return BuildReport(
        path=path,
        articles=n,
        files=len(files),
        bytes=file_bytes,
        text_bytes=text_bytes,
        seconds=round(time.perf_counter() - t0, 3),
        problems=[str(p) for p in problems],
    )


class _Problems(list):
    """The build's problems, each also passed to a callback as it is met."""

    def __init__(self, callback: Callable[[str], None] | None) -> None:
        super().__init__()
        self._callback = callback

    def append(self, problem) -> None:
        super().append(problem)
        if self._callback:
            self._callback(str(problem))

    def __iadd__(self, problems):
        for p in problems:
            self.append(p)
        return self


def _write(staging: Path, files: list[Path], problems: _Problems, progress) -> tuple[int, int, int]:
    """Index every article of files into the empty index at staging.

    Returns the number of articles, the bytes of their text and of the files.
    """
    sizes = [_size(f) for f in files]
    total = sum(sizes)
    writer = engine.Writer(str(staging))
    n, text_bytes, done, seen = 0, 0, 0, {}
    try:
        for i, (f, size) in enumerate(zip(files, sizes), 1):
            articles, errs = corpus.read_file(f)
            problems += errs
            for k, a in enumerate(articles, 1):
                if a.id in seen:
                    problems.append(
                        CorpusError(
                            a.origin or str(f),
                            f"duplicate id {a.id!r} (first in {seen[a.id]}); skipped",
                        )
                    )
                    continue
                seen[a.id] = a.origin or str(f)
                writer.add(asdict(a))
                n += 1
                text_bytes += len(a.title.encode()) + len(a.body.encode())
                if progress and n % 64 == 0:  # within a large file, by its share of articles
                    progress(
                        Progress(i - 1, len(files), done + size * k // len(articles), total, n)
                    )
            done += size
            if progress:
                progress(Progress(i, len(files), done, total, n))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    reader = engine.Reader(str(staging))
    try:
        textstore.write(staging, reader.iter_texts())
    finally:
        reader.close()
    return n, text_bytes, total


def _size(f: Path) -> int:
    try:
        return f.stat().st_size
    except OSError:
        return 0
