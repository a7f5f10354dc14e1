"""Store: the index folder on disk, its generations, metadata and writer lock.

An index folder holds whole, immutable generations (``gen-*``, each a complete
Whoosh index plus ``searcher.json``) and a symbolic link ``CURRENT`` naming the
one in force (a one-line file where the file system has no symbolic links, as
FAT, exFAT and some network shares). A build writes a new generation beside the
old one and swaps the link with one atomic rename, so a search sees the old index
or the new one, never a half-built or empty one, and a failed build leaves the
old one in force.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from searcher.errors import (
    STOP_SIGNALS,
    IndexBusy,
    IndexDamaged,
    IndexNotFound,
    IndexOutdated,
    NotAnIndex,
)

CURRENT = "CURRENT"
META = "searcher.json"
LOCK = ".lock"
STORE_FORMAT = 2


def default_path() -> str:
    return os.environ.get("SEARCHER_INDEX") or os.path.join("index", "articles")


def _folder(path: str | Path) -> Path:
    """The index folder's path; NotAnIndex if a file is in its place."""
    root = Path(path)
    if root.exists() and not root.is_dir():
        raise NotAnIndex(str(path), is_file=True)
    return root


def has_current(folder: str | Path) -> bool:
    """Whether folder names a generation in force (its CURRENT link or file)."""
    current = os.path.join(folder, CURRENT)
    return os.path.islink(current) or os.path.isfile(current)


def _current_name(current: Path) -> str:
    """The generation a CURRENT link or one-line file names (OSError, ValueError)."""
    if current.is_symlink():
        return os.readlink(current)
    with open(current, encoding="utf-8") as f:
        return f.read(256).strip()


def holds_index(folder: str | Path) -> bool:
    """Whether folder is an index (or one of its generations): no sources in it."""
    # os.path's tests: an unreadable folder is simply not an index (no PermissionError).
    # Not just any file called CURRENT or searcher.json: CURRENT names a generation,
    # and a generation holds our meta and Whoosh's table of contents.
    try:
        if _current_name(Path(folder) / CURRENT).startswith("gen-"):
            return True
    except (OSError, ValueError):
        pass
    return os.path.isfile(os.path.join(folder, META)) and bool(
        glob.glob(os.path.join(glob.escape(str(folder)), "_*.toc"))
    )


def current_generation(path: str | Path) -> Path:
    """The folder of the generation in force; IndexNotFound if there is none."""
    root = _folder(path)
    link = root / CURRENT
    if not has_current(root):
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


def read_meta(gen: Path, path: str | Path) -> dict:
    try:
        return json.loads((gen / META).read_text("utf-8"))
    except FileNotFoundError as e:
        raise IndexDamaged(str(path), f"{META} is missing") from e
    except (OSError, ValueError) as e:
        raise IndexDamaged(str(path), f"{META} is unreadable ({e})") from e


def check_versions(meta: dict, path: str | Path, expected: dict) -> None:
    """IndexOutdated unless every expected version key matches the index's."""
    for key, want in expected.items():
        have = meta.get(key)
        if have != want:
            raise IndexOutdated(
                str(path),
                f"was built with {key.replace('_', ' ')} {have}, this searcher uses {want}",
            )


def file_sizes(gen: Path) -> dict[str, int]:
    """The size of every file of a finished generation (recorded in its meta)."""
    files = sorted(f for f in gen.iterdir() if f.is_file() and f.name != META)
    return {f.name: f.stat().st_size for f in files}


def verify(gen: Path, meta: dict, path: str | Path) -> None:
    """IndexDamaged if a file the generation was published with is missing or resized.

    A stat per file: cheap enough for every open, and it catches the usual
    damage (a truncated copy, a file deleted by hand or by a cleaner).
    """
    for name, size in (meta.get("files") or {}).items():
        try:
            have = os.stat(gen / name).st_size
        except FileNotFoundError:
            raise IndexDamaged(str(path), f"file {name} is missing") from None
        except OSError as e:
            raise IndexDamaged(str(path), f"file {name} is unreadable ({e.strerror})") from e
        if have != size:
            raise IndexDamaged(
                str(path), f"file {name} has {have:,} bytes, it was written with {size:,}"
            )


def new_staging(path: str | Path) -> Path:
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() % 10**9:09d}-{os.getpid()}"
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


def publish(path: str | Path, staging: Path) -> Path:
    """Make a finished staging folder the generation in force, atomically."""
    root = Path(path)
    gen = root / ("gen-" + staging.name.removeprefix("staging-"))
    for f in staging.iterdir():
        if f.is_file():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
    os.rename(staging, gen)
    tmp = root / (CURRENT + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.symlink(gen.name, tmp)
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        with open(tmp, "w", encoding="utf-8") as f:  # no symbolic links here: a file
            f.write(gen.name + "\n")
            f.flush()
            os.fsync(f.fileno())
    os.replace(tmp, root / CURRENT)
    _fsync_dir(root)
    return gen


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl-C (SIGINT) and SIGTERM are ignored for the block: for the last steps of
    a finished build.

    Only the main thread can change signal handling; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = [signal.signal(stop, signal.SIG_IGN) for stop in STOP_SIGNALS]
    try:
        yield
    finally:
        for stop, handler in zip(STOP_SIGNALS, previous):
            signal.signal(stop, handler)


def clean(path: str | Path, keep: int = 1) -> None:
    """Remove abandoned staging folders and all but the newest `keep` old generations.

    The generation just replaced is kept: a search that opened it a moment ago
    may still be reading its files. Call only while holding the writer lock.
    """
    root = Path(path)
    try:
        current = current_generation(root).name
    except (IndexNotFound, IndexDamaged):
        current = None
    old = sorted(p for p in root.glob("gen-*") if p.name != current)
    # Newer than the one in force: a build died between naming it and publishing it.
    unpublished = [p for p in old if current is not None and p.name > current]
    old = [p for p in old if p not in unpublished]
    for p in old[: max(0, len(old) - keep)] + unpublished + list(root.glob("staging-*")):
        shutil.rmtree(p, ignore_errors=True)


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
