"""Store: the index folder on disk, its generations, metadata and writer lock.

An index folder holds whole, immutable generations (``gen-*``, each a complete
Whoosh index plus ``searcher.json``) and a one-line file ``CURRENT`` naming the
one in force (older indexes have a symbolic link there; both are read). A build
writes a new generation beside the old one and swaps CURRENT with one atomic
rename, so a search sees the old index or the new one, never a half-built or
empty one, and a failed build leaves the old one in force. Every ordinary way of
copying, archiving and restoring the folder gives an index that opens.

A snapshot keeps a generation under a name: ``snapshots/NAME`` is a one-line
file naming it, and ``clean`` never removes a generation a snapshot names
(its files are never changed: later generations only add files and hard
links). ``DIR@NAME`` opens it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from searcher.errors import (
    IndexBusy,
    IndexDamaged,
    IndexNotFound,
    IndexOutdated,
    NotAnIndex,
    SearcherError,
    SnapshotNotFound,
)

CURRENT = "CURRENT"
META = "searcher.json"
LOCK = ".lock"
SNAPSHOTS = "snapshots"
STORE_FORMAT = 4  # 4: UTF-16 text, exact bigram lists, articles in the text store, live totals


def _folder(path: str | Path) -> Path:
    """The index folder's path; NotAnIndex if a file is in its place."""
    root = Path(path)
    if root.exists() and not root.is_dir():
        raise NotAnIndex(str(path), is_file=True)
    return root


def has_current(folder: str | Path) -> bool:
    """Whether folder names a generation in force (CURRENT: a file, a link or, in a
    copy made by a tool that follows links, a folder)."""
    current = os.path.join(folder, CURRENT)
    return os.path.lexists(current)


def _current_name(current: Path) -> str:
    """The generation a CURRENT file or link names (OSError, ValueError)."""
    if current.is_symlink():
        return os.readlink(current)
    with open(current, encoding="utf-8") as f:
        return f.read(256).strip()


def holds_index(folder: str | Path) -> bool:
    """Whether folder is an index (or one of its generations): no sources in it."""
    # os.path's tests: an unreadable folder is simply not an index (no PermissionError).
    # Not just any file called CURRENT or searcher.json: CURRENT names a generation,
    # and a generation holds our meta and Whoosh's table of contents.
    if _is_generation(Path(folder) / CURRENT) or _newest_generation(Path(folder)):
        return True
    try:
        if _current_name(Path(folder) / CURRENT).startswith("gen-"):
            return True
    except (OSError, ValueError):
        pass
    return _is_generation(Path(folder))


def _is_generation(folder: Path) -> bool:
    return os.path.isfile(os.path.join(folder, META)) and bool(
        glob.glob(os.path.join(glob.escape(str(folder)), "_*.toc"))
    )


def current_generation(path: str | Path) -> Path:
    """The folder of the generation in force; IndexNotFound if there is none.

    CURRENT is a one-line file naming it (older indexes: a symbolic link). A
    copy made by a tool that follows links (``cp -rL``, ``shutil.copytree``,
    ``zip``, a FAT stick) has a folder there, the generation itself; one made
    by a tool that skips links (``rsync -r``) has none, and the newest
    generation is the one in force.
    """
    root = _folder(path)
    link = root / CURRENT
    if link.is_dir():
        return link
    if not has_current(root):
        newest = _newest_generation(root)
        if newest is not None:
            return newest
        if root.is_dir() and any(p.name != LOCK for p in root.iterdir()):
            inside = sorted(p.parent.name for p in root.glob(f"*/{CURRENT}"))
            hint = f"; did you mean {root / inside[0]}?" if inside else ""
            raise NotAnIndex(str(path), hint)
        raise IndexNotFound(str(path))
    try:
        name = _current_name(link)
    except (OSError, ValueError) as e:
        raise IndexDamaged(str(path), f"{CURRENT} is unreadable ({e})") from e
    target = root / name
    if not name or "/" in name or not target.is_dir():
        raise IndexDamaged(str(path), f"{CURRENT} points to a missing folder {name or '(none)'}")
    return target


def _newest_generation(root: Path) -> Path | None:
    if not root.is_dir():
        return None
    gens = sorted(p for p in root.glob("gen-*") if _is_generation(p))
    return gens[-1] if gens else None


@dataclass(frozen=True)
class Generation:
    """A generation opened and checked: the one place that names the user's index in errors."""

    index: str  # the index folder as the user named it
    folder: Path
    meta: dict

    @property
    def name(self) -> str:
        # A copied CURRENT folder stands for the generation it was copied from.
        return self.meta.get("generation") or self.folder.name

    def damaged(self, reason: str) -> IndexDamaged:
        return IndexDamaged(self.index, reason)

    def outdated(self, reason: str) -> IndexOutdated:
        return IndexOutdated(self.index, reason)


def open_generation(
    path: str | Path, expected: dict, *, verify: bool = True, snapshot: str | None = None
) -> Generation:
    """The generation in force at path (or the one a snapshot keeps), its metadata
    read and checked.

    expected: version keys the index must have been built with (IndexOutdated
    otherwise). verify: every file the generation was published with is there
    with its size (a stat per file: cheap enough for every open, and it catches
    the usual damage: a truncated copy, a file deleted by hand or by a cleaner).
    """
    index = str(path) if snapshot is None else f"{path}@{snapshot}"
    folder = current_generation(path) if snapshot is None else snapshot_generation(path, snapshot)
    try:
        meta = json.loads((folder / META).read_text("utf-8"))
    except FileNotFoundError as e:
        raise IndexDamaged(index, f"{META} is missing") from e
    except (OSError, ValueError) as e:
        raise IndexDamaged(index, f"{META} is unreadable ({e})") from e
    for key, want in expected.items():
        have = meta.get(key)
        if have != want:
            raise IndexOutdated(
                index, f"was built with {key.replace('_', ' ')} {have}, this searcher uses {want}"
            )
    if verify:
        _verify(folder, meta, index)
    return Generation(index, folder, meta)


def file_sizes(gen: Path) -> dict[str, int]:
    """The size of every file of a finished generation (recorded in its meta)."""
    files = sorted(f for f in gen.iterdir() if f.is_file() and f.name != META)
    return {f.name: f.stat().st_size for f in files}


def _verify(gen: Path, meta: dict, index: str) -> None:
    """IndexDamaged if a file the generation was published with is missing or resized."""
    for name, size in (meta.get("files") or {}).items():
        try:
            have = os.stat(gen / name).st_size
        except FileNotFoundError:
            raise IndexDamaged(index, f"file {name} is missing") from None
        except OSError as e:
            raise IndexDamaged(index, f"file {name} is unreadable ({e.strerror})") from e
        if have != size:
            raise IndexDamaged(
                index, f"file {name} has {have:,} bytes, it was written with {size:,}"
            )


def new_staging(path: str | Path) -> Path:
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    # One clock reading for both parts: names sort in the order generations were made
    # (clean() takes a name after the one in force for a build that died unpublished).
    ns = time.time_ns()
    second = time.strftime("%Y%m%dT%H%M%S", time.localtime(ns // 10**9))
    stamp = f"{second}-{ns % 10**9:09d}-{os.getpid()}"
    staging = root / f"staging-{stamp}"
    staging.mkdir()
    return staging


def write_meta(gen: Path, meta: dict) -> None:
    tmp = gen / (META + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, gen / META)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def generation_name(staging: Path) -> str:
    """The name the generation built in a staging folder will have once published."""
    return "gen-" + staging.name.removeprefix("staging-")


def publish(path: str | Path, staging: Path) -> Path:
    """Make a finished staging folder the generation in force, atomically.

    CURRENT is a one-line file naming it, replaced by one atomic rename: a file
    survives every way of copying a folder (links do not: ``cp -rL``, ``zip``
    and FAT follow them, ``rsync -r`` skips them).
    """
    root = Path(path)
    gen = root / generation_name(staging)
    for f in staging.iterdir():
        if f.is_file():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
    os.rename(staging, gen)
    tmp = root / (CURRENT + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    current = root / CURRENT
    if current.is_dir() and not current.is_symlink():  # a copy's: its generation, now old
        os.rename(current, root / f"gen-copied-{time.time_ns()}")
    os.replace(tmp, current)
    _fsync_dir(root)
    return gen


def clean(path: str | Path, keep: int = 1) -> None:
    """Remove abandoned staging folders and all but the newest `keep` old generations.

    The generation just replaced is kept: a search that opened it a moment ago
    may still be reading its files. Call only while holding the writer lock.
    """
    root = Path(path)
    try:
        folder = current_generation(root)
    except (IndexNotFound, IndexDamaged):
        folder = None
    if folder is not None and not folder.name.startswith("gen-"):  # a copy's CURRENT folder
        folder = None
    current = folder.name if folder is not None else None
    kept = set(snapshots(root).values())
    old = sorted(p for p in root.glob("gen-*") if p.name != current and p.name not in kept)
    if current is None and has_current(root):  # in force, but not as gen-*: keep them
        old = []
    # Newer than the one in force: a build died between naming it and publishing it.
    unpublished = [p for p in old if current is not None and p.name > current]
    old = [p for p in old if p not in unpublished]
    for p in old[: max(0, len(old) - keep)] + unpublished + list(root.glob("staging-*")):
        shutil.rmtree(p, ignore_errors=True)


def snapshots(path: str | Path) -> dict[str, str]:
    """The snapshots of the index at path: name -> the generation it keeps, by name."""
    folder = Path(path) / SNAPSHOTS
    out: dict[str, str] = {}
    with contextlib.suppress(OSError):
        for f in sorted(folder.iterdir()):
            if f.name.startswith(".") or not f.is_file():
                continue
            with contextlib.suppress(OSError, ValueError):
                gen = _current_name(f)
                if gen.startswith("gen-") and "/" not in gen:
                    out[f.name] = gen
    return out


def snapshot_generation(path: str | Path, name: str) -> Path:
    """The folder of the generation a snapshot keeps; SnapshotNotFound if there is none."""
    _folder(path)
    gen = snapshots(path).get(name)
    if gen is None:
        if not (has_current(path) or _newest_generation(Path(path))):
            raise IndexNotFound(str(path))
        raise SnapshotNotFound(str(path), name)
    folder = Path(path) / gen
    if not folder.is_dir():
        raise IndexDamaged(f"{path}@{name}", f"its generation {gen} is missing")
    return folder


def keep_snapshot(path: str | Path, name: str) -> str:
    """Keep the generation in force under name (call while holding the writer lock);
    returns the generation's name. A name is never moved to another generation."""
    if name in snapshots(path):
        raise SearcherError(
            f"snapshot {name!r} already exists in {path} and never changes"
            f" (choose another name, or drop it first: searcher snapshot --drop {name})"
        )
    folder = current_generation(path)
    if not folder.name.startswith("gen-"):  # a copied index's CURRENT folder
        raise SearcherError(
            f"the index at {path} was copied without its generations; run 'searcher index'"
            " once before keeping a snapshot of it"
        )
    root = Path(path) / SNAPSHOTS
    root.mkdir(exist_ok=True)
    tmp = root / f".{name}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(folder.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / name)
    _fsync_dir(root)
    return folder.name


def drop_snapshot(path: str | Path, name: str) -> None:
    """Forget a snapshot (its generation goes at the next ``clean``)."""
    if name not in snapshots(path):
        raise SnapshotNotFound(str(path), name)
    (Path(path) / SNAPSHOTS / name).unlink()


@contextlib.contextmanager
def writer_lock(
    path: str | Path, *, wait: bool = True, on_wait: Callable[[], None] | None = None
) -> Iterator[str | None]:
    """Hold the index's writer lock: one build or update at a time.

    The lock is an flock on a file, so it is released by the kernel when its
    holder dies: a killed writer never blocks the next one. The holder writes
    its pid and start time into the file and empties it when done; a record
    found on entry is a writer that died. It is yielded (for a note to the
    user); what that writer left behind is removed by ``clean``.
    """
    root = _folder(path)
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            if not wait:
                raise IndexBusy(
                    f"another 'searcher index' is writing {path} (wait for it, or drop --no-wait)"
                ) from e
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        stale = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or None
        record = f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}"
        os.ftruncate(fd, 0)
        os.pwrite(fd, record.encode(), 0)
        try:
            yield stale
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)  # finished (or failed cleanly): nothing stale
    finally:
        os.close(fd)
