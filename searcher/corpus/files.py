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


def find_files(
    sources: Iterable[str | Path], not_sources: Callable[[str], bool] | None = None
) -> tuple[list[Path], list[CorpusError]]:
    """The source files under sources, and the problems met finding them.

    not_sources(folder) says a folder holds no sources (an index: its own
    files are not articles); such a folder met inside a source folder is
    passed over, one given as a source is a problem.
    """
    files: list[Path] = []
    errors: list[CorpusError] = []
    seen: set[tuple[int, int]] = set()

    def add(p: Path, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key not in seen:  # the same file reached twice (links) is read once
            seen.add(key)
            files.append(p)

    def unreadable_folder(e: OSError) -> None:
        errors.append(CorpusError(str(e.filename), f"cannot read folder: {e.strerror or e}"))

    for src in sources:
        path = Path(src)
        if path.is_dir() and not_sources and not_sources(str(path)):
            errors.append(CorpusError(str(path), _AN_INDEX))
        elif path.is_dir():
            visited = {os.path.realpath(path)}
            for root, dirs, names in os.walk(path, onerror=unreadable_folder, followlinks=True):
                # A symlinked folder is followed once; a link back up would loop.
                keep = []
                for d in sorted(dirs):
                    real = os.path.realpath(os.path.join(root, d))
                    if d.startswith(".") or real in visited:
                        continue
                    visited.add(real)
                    if not (not_sources and not_sources(os.path.join(root, d))):
                        keep.append(d)
                dirs[:] = keep
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    p = os.path.join(root, name)
                    if not suffix(name):
                        # A link without a suffix may stand for a folder of sources.
                        if "." not in name and os.path.islink(p) and not os.path.exists(p):
                            errors.append(_bad_link(p))
                        continue
                    try:
                        st = os.stat(p)
                    except OSError as e:
                        errors.append(
                            _bad_link(p)
                            if os.path.islink(p)
                            else CorpusError(p, f"cannot read file: {e.strerror or e}")
                        )
                        continue
                    if stat.S_ISREG(st.st_mode):
                        add(Path(p), st)
                    else:  # a device, pipe or socket named like a source: never read it
                        errors.append(CorpusError(p, "not a regular file (device, pipe or socket)"))
        elif path.is_file():
            if suffix(path):
                add(path, path.stat())
            else:
                errors.append(CorpusError(str(path), UNSUPPORTED))
        elif os.path.islink(path):
            errors.append(_bad_link(str(path)))
        else:
            errors.append(CorpusError(str(path), "no such file or folder"))
    return files, errors


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
