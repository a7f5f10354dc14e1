"""The local engine: an index in a folder, Whoosh for the words and our text store
for exact strings. The default, and the one that needs nothing but Python.

``open_engine`` opens the generation in force for reading (``LocalEngine``, the
``searcher.engine.Engine`` interface over a ``Snapshot``); ``open_target``
opens the folder for writing (``LocalTarget``: the writer lock, the previous
generation, and a ``writer.Transaction`` per build).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from searcher.engine import (
    Occurrence,
    Previous,
    Summary,
    Term,
    WordStats,
    default_address,
    snapshot_address,
)
from searcher.errors import IndexDamaged, SearcherError
from searcher.local import match, store
from searcher.local.snapshot import READ_ERRORS, USERDICT, Snapshot, versions
from searcher.options import Filters, Page

__all__ = ["LocalEngine", "LocalTarget", "open_engine", "open_target"]


def _reads(method: Callable) -> Callable:
    """A method that reads the index: a file found damaged only now (bytes changed
    without its size) is IndexDamaged, naming the index and what to do."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except READ_ERRORS as e:
            raise IndexDamaged(self.address, f"unreadable data ({type(e).__name__}: {e})") from e

    return wrapper


def _folder_and_snapshot(path: str) -> tuple[str, str | None]:
    """'DIR@NAME' -> (DIR, NAME), unless a folder is named so."""
    if os.path.isdir(path):
        return path, None
    return snapshot_address(path)


class LocalEngine:
    """The generation in force at a folder (or one a snapshot keeps, 'DIR@NAME'),
    opened (see ``searcher.engine.Engine``)."""

    def __init__(self, path: str) -> None:
        self.address = path
        folder, self.snapshot = _folder_and_snapshot(path)
        try:
            self.snap = Snapshot.open(folder, self.snapshot)
        except READ_ERRORS as e:
            raise IndexDamaged(path, f"unreadable data ({type(e).__name__}: {e})") from e

    def close(self) -> None:
        self.snap.close()

    @_reads
    def word_stats(self, words) -> WordStats:
        return self.snap.word_stats(words)

    @_reads
    def search(self, query, filters: Filters, page: Page, *, exclude: str | None = None):
        return match.search(self.snap, query, filters, page, exclude)

    @_reads
    def stored(self, article_id: str) -> dict[str, str] | None:
        d = self.snap.docnum(article_id)
        return None if d is None else self.snap.stored(d)

    @_reads
    def summary(self) -> Summary:
        snap = self.snap
        live = snap.all_docs()
        dates = snap.dates()
        days = sorted({dates[d] for d in live} - {""})
        return Summary(
            address=self.address,
            generation=snap.name,
            articles=snap.doc_count,
            sources=list(snap.meta.get("sources", [])),
            sources_labels=sorted(v for v, docs in snap.docs_by_source().items() if v and docs),
            first_date=days[0] if days else "",
            last_date=days[-1] if days else "",
            built=snap.meta.get("built", ""),
            snapshot=self.snapshot or "",
        )

    @_reads
    def totals(self, width: int, filters: Filters) -> dict[str, tuple[int, int]]:
        snap = self.snap
        docs = match.filtered(snap, set(snap.all_docs()), filters)
        dates = snap.dates()
        out: dict[str, list[int]] = {}
        for d in docs:
            if len(dates[d]) >= width:
                cell = out.setdefault(dates[d][:width], [0, 0])
                cell[0] += 1
                cell[1] += snap.texts.chars(d)
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}

    @_reads
    def occurrences(
        self, term: Term, filters: Filters, *, context: int = 0
    ) -> Iterator[Occurrence]:
        # From the folded text of the text store: no stored article is read.
        snap = self.snap
        texts = snap.texts
        field = term.fields[0] if len(term.fields) == 1 else None
        docs = match.filtered(snap, texts.find(term.folded, field), filters)
        dates = snap.dates()
        n = len(term.folded)
        for article_id, d in sorted((texts.doc_id(d), d) for d in docs):
            for f in term.fields:
                text = texts.text(d, f)
                for i in match.occurrences(text, term.folded):
                    if not context:
                        yield Occurrence(article_id, f, i, dates[d])
                        continue
                    left = text[max(0, i - context) : i]
                    yield Occurrence(
                        article_id, f, i, dates[d], left, text[i + n : i + n + context]
                    )


@dataclass
class LocalPrevious(Previous):
    folder: Path | None = None  # the generation in force, to start an update from


class LocalTarget:
    """The index folder at path, opened for writing (see ``searcher.engine.Target``)."""

    def __init__(self, path: str) -> None:
        self.address = path

    def lock(self, *, wait: bool, on_wait):
        return store.writer_lock(self.address, wait=wait, on_wait=on_wait)

    def clean(self) -> None:
        store.clean(self.address)

    def holds(self, folder: str) -> bool:
        """Whether folder is this index (which may have no generation yet)."""
        return os.path.realpath(folder) == os.path.realpath(self.address)

    def previous(self, rebuild: bool) -> LocalPrevious:
        from searcher.local import writer  # loads only to write: a search does not pay for it

        try:
            gen = store.open_generation(self.address, {}, verify=False)
        except SearcherError as e:
            there = store.has_current(self.address)
            if rebuild:  # a damaged index is rebuilt, from the sources given
                return LocalPrevious(lost=getattr(e, "reason", "") if there else "")
            if not there:
                return LocalPrevious()  # no index yet
            raise
        userdict = gen.folder / USERDICT
        kept = userdict.read_bytes() if userdict.exists() else None
        if rebuild:  # keep its sources and user dictionary only
            return LocalPrevious(meta=gen.meta, userdict=kept)
        # An update builds on every file of it.
        gen = store.open_generation(self.address, versions(), verify=True)
        try:
            files = writer.read_manifest(gen.folder)
        except (OSError, ValueError, KeyError) as e:
            raise gen.outdated(f"has no readable list of its sources ({e})") from e
        return LocalPrevious(meta=gen.meta, files=files, userdict=kept, folder=gen.folder)

    def begin(self, previous: LocalPrevious, *, userdict, procs, estimate, progress):
        from searcher.local import writer

        start = previous.folder if previous.incremental else None
        return writer.Transaction(
            self.address,
            start,
            userdict=userdict,
            procs=procs,
            estimate=estimate,
            progress=progress,
        )

    def versions(self) -> dict:
        return versions()

    # -- snapshots (searcher.engine.Keeper) ---------------------------------

    def snapshots(self) -> dict[str, str]:
        return store.snapshots(self.address)

    def keep(self, name: str) -> str:
        store.open_generation(self.address, versions())  # in force and readable
        return store.keep_snapshot(self.address, name)

    def drop(self, name: str) -> None:
        store.drop_snapshot(self.address, name)
        store.clean(self.address)


def open_engine(path: str) -> LocalEngine:
    return LocalEngine(str(path or default_address()))


def open_target(path: str) -> LocalTarget:
    path = str(path or default_address())
    folder, snapshot = _folder_and_snapshot(path)
    if snapshot is not None:
        raise SearcherError(
            f"{path} is a snapshot, which never changes; write to the index itself ({folder})"
        )
    return LocalTarget(path)
