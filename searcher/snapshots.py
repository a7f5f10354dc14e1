"""Snapshots: the state of an index kept under a name, so that a result set can be
made again after the index has been updated.

``keep(address, name)`` keeps the generation in force; later updates never
change or remove it until ``drop(address, name)``. ``ADDRESS@NAME`` opens it
with every read verb (``searcher search -i index/articles@thesis``). An engine
whose target has no ``snapshots``/``keep``/``drop`` (``searcher.engine.Keeper``)
does not support them: one line says so.
"""

from __future__ import annotations

import contextlib

from searcher import engine
from searcher.errors import QueryError, SearcherError
from searcher.views import SnapshotInfo

_METHODS = ("snapshots", "keep", "drop")


def check_name(name: str) -> str:
    if not engine.SNAPSHOT_NAME.fullmatch(name):
        raise QueryError(
            f"bad snapshot name {name!r} (letters, digits, '_', '.' and '-', at most 64,"
            " starting with a letter or digit)"
        )
    return name


def _keeper(address: str):
    target = engine.open_target(address)
    if not all(hasattr(target, m) for m in _METHODS):
        raise SearcherError(f"the index at {address} cannot keep snapshots (its engine has none)")
    return target


@contextlib.contextmanager
def _writing(address: str, wait: bool, on_wait):
    """The target under its writer lock; a failure to write is one line."""
    target = _keeper(address)
    try:
        with target.lock(wait=wait, on_wait=on_wait):
            yield target
    except OSError as e:
        raise SearcherError(
            f"cannot write the snapshot in {address} ({e.strerror or e}); nothing was changed"
        ) from e


def keep(address: str, name: str, *, wait: bool = True, on_wait=None) -> SnapshotInfo:
    """Keep the generation in force at address under name (a new name)."""
    check_name(name)
    with _writing(address, wait, on_wait) as target:
        generation = target.keep(name)
    return SnapshotInfo(name, generation, f"{address}@{name}")


def drop(address: str, name: str, *, wait: bool = True, on_wait=None) -> None:
    """Forget a snapshot; the generation only it kept is removed."""
    with _writing(address, wait, on_wait) as target:
        target.drop(name)


def listing(address: str) -> list[SnapshotInfo]:
    """The snapshots of the index at address, by name."""
    engine.open_engine(address).close()  # an index is there (else the usual one-line error)
    kept = _keeper(address).snapshots()
    return [SnapshotInfo(n, gen, f"{address}@{n}") for n, gen in kept.items()]
