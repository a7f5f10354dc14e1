"""Finding source files: walking folders, following links once, naming what cannot be read."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from searcher.errors import CorpusError

SUFFIXES = (".txt", ".jsonl", ".json", ".jsonl.gz", ".json.gz")
UNSUPPORTED = "unsupported file type (use .txt pages or .jsonl/.json/.jsonl.gz articles)"


_LONGEST_FIRST = sorted(SUFFIXES, key=len, reverse=True)


def suffix(path: Path | str) -> str | None:
    name = (path if isinstance(path, str) else path.name).lower()
    return next((s for s in _LONGEST_FIRST if name.endswith(s)), None)


class _Finder:
    """One walk over the sources: the files found (each once) and the problems met."""

    def __init__(self, not_sources: Callable[[str], bool] | None) -> None:
        self.not_sources = not_sources or (lambda folder: False)
        self.files: list[Path] = []
        self.errors: list[CorpusError] = []
        self._seen: set[tuple[int, int]] = set()

    def add(self, p: Path, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key not in self._seen:  # the same file reached twice (links) is read once
            self._seen.add(key)
            self.files.append(p)

    def source(self, src: str | Path) -> None:
        path = Path(src)
        if path.is_dir() and self.not_sources(str(path)):
            self.errors.append(CorpusError(str(path), _AN_INDEX))
        elif path.is_dir():
            self.folder(path)
        elif path.is_file():
            if suffix(path):
                self.add(path, path.stat())
            else:
                self.errors.append(CorpusError(str(path), UNSUPPORTED))
        elif os.path.islink(path):
            self.errors.append(_bad_link(str(path)))
        else:
            self.errors.append(CorpusError(str(path), "no such file or folder"))

    def folder(self, path: Path) -> None:
        def unreadable(e: OSError) -> None:
            self.errors.append(
                CorpusError(str(e.filename), f"cannot read folder: {e.strerror or e}")
            )

        visited = {os.path.realpath(path)}
        for root, dirs, names in os.walk(path, onerror=unreadable, followlinks=True):
            # A symlinked folder is followed once; a link back up would loop.
            keep = []
            for d in sorted(dirs):
                real = os.path.realpath(os.path.join(root, d))
                if d.startswith(".") or real in visited:
                    continue
                visited.add(real)
                if not self.not_sources(os.path.join(root, d)):
                    keep.append(d)
            dirs[:] = keep
            for name in sorted(names):
                if not name.startswith("."):
                    self.entry(os.path.join(root, name), name)

    def entry(self, p: str, name: str) -> None:
        """One name met in a folder: a source file, or something to report or pass over."""
        if not suffix(name):
            # A link without a suffix may stand for a folder of sources.
            if "." not in name and os.path.islink(p) and not os.path.exists(p):
                self.errors.append(_bad_link(p))
            return
        try:
            st = os.stat(p)
        except OSError as e:
            self.errors.append(
                _bad_link(p)
                if os.path.islink(p)
                else CorpusError(p, f"cannot read file: {e.strerror or e}")
            )
            return
        if stat.S_ISREG(st.st_mode):
            self.add(Path(p), st)
        else:  # a device, pipe or socket named like a source: never read it
            self.errors.append(CorpusError(p, "not a regular file (device, pipe or socket)"))


def find_files(
    sources: Iterable[str | Path], not_sources: Callable[[str], bool] | None = None
) -> tuple[list[Path], list[CorpusError]]:
    """The source files under sources, and the problems met finding them.

    not_sources(folder) says a folder holds no sources (an index: its own
    files are not articles); such a folder met inside a source folder is
    passed over, one given as a source is a problem.
    """
    finder = _Finder(not_sources)
    for src in sources:
        finder.source(src)
    return finder.files, finder.errors


_AN_INDEX = "a searcher index, not a folder of sources (give the folders of the pages and articles)"


def _bad_link(p: str) -> CorpusError:
    """Why the symbolic link p leads to nothing: a loop, or a missing target."""
    try:
        os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return CorpusError(p, "symbolic link loop")
        if e.errno != errno.ENOENT:
            return CorpusError(p, f"cannot read file: {e.strerror or e}")
    try:
        target = os.readlink(p)
    except OSError:
        target = "?"
    return CorpusError(p, f"broken symbolic link (points to {target})")
