"""Lock: one writer at a time on a collection, wherever searcher runs.

The lock is one document in the collection in force (``documents.LOCK_ID``), taken by
optimistic concurrency: it is added only if absent (``_version_: -1``), renewed and
released only with the version last written, so two writers can never both hold it. The
holder (host, pid, process start time) and an expiry are written in it; a thread renews
it every ``RENEW`` seconds while the writer works. A writer that died leaves it behind:
on the same host it is taken over at once (its pid is gone), from another host once it
has expired (``TTL`` after its last renewal). Whoever takes it over is told who died, as
with the local index's lock.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator

from searcher.errors import IndexBusy, SearcherError
from searcher.solr.client import SolrClient, SolrConflict, SolrError
from searcher.solr.documents import LOCK_ID

TTL = 90.0  # s: a lock not renewed for this long belongs to a writer that died
RENEW = 15.0  # s between renewals
POLL = 1.0  # s between two looks at a lock held by another writer


def process_start(pid: int) -> int | None:
    """A process's start time (clock ticks since boot), or None if it is not running."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
        return int(stat[stat.rindex(b")") + 2 :].split()[19])
    except (OSError, ValueError, IndexError):
        return None


class WriterLock:
    """The lock of one collection (see the module's docstring)."""

    def __init__(self, client: SolrClient) -> None:
        self.client = client
        self.version: int | None = None
        self.lost = ""  # why the lock was lost while held (another writer took it over)
        self._stop = threading.Event()
        self._busy = threading.Lock()  # held while the renewing thread talks to Solr
        self._thread: threading.Thread | None = None
        self.host = socket.gethostname()

    def _record(self, version: int) -> dict:
        pid = os.getpid()
        return {
            "id": LOCK_ID,
            "kind": "lock",
            "holder_s": f"pid {pid} on {self.host}",
            "host_s": self.host,
            "pid_l": pid,
            "start_l": process_start(pid) or 0,
            "started_s": time.strftime("%Y-%m-%d %H:%M:%S"),
            "expires_l": int((time.time() + TTL) * 1000),
            "_version_": version,
        }

    def _write(self, version: int) -> None:
        """Add or renew the record, if its version is still `version` (-1: if absent)."""
        answer = self.client.update([self._record(version)], {"versions": True})
        adds = answer.get("adds") or []
        self.version = int(adds[1]) if len(adds) > 1 else None

    def _read(self) -> dict | None:
        docs = self.client.get([LOCK_ID])
        return docs[0] if docs else None

    def _dead(self, held: dict) -> bool:
        if held.get("expires_l", 0) < time.time() * 1000:
            return True
        if held.get("host_s") != self.host:
            return False
        start = process_start(int(held.get("pid_l") or 0))
        return start is None or start != held.get("start_l")

    def acquire(self, wait: bool, on_wait: Callable[[], None] | None) -> str | None:
        """Take the lock; returns who held it and died (for a note), else None."""
        waited = False
        while True:
            try:
                self._write(-1)
                return self._started(None)
            except SolrConflict:
                pass
            held = self._read()
            if held is None:
                continue  # released in the meantime
            if self._dead(held):
                with contextlib.suppress(SolrConflict):
                    self._write(int(held["_version_"]))
                    return self._started(held)
                continue
            if not wait:
                raise IndexBusy(
                    f"another 'searcher index' ({held.get('holder_s', '?')}, started"
                    f" {held.get('started_s', '?')}) is writing {self.client.address.display}"
                    " (wait for it, or drop --no-wait)"
                )
            if on_wait and not waited:
                on_wait()
            waited = True
            time.sleep(POLL)

    def _started(self, dead: dict | None) -> str | None:
        self._thread = threading.Thread(target=self._renew, name="searcher-lock", daemon=True)
        self._thread.start()
        if dead is None:
            return None
        return f"{dead.get('holder_s', '?')}, started {dead.get('started_s', '?')}"

    def _renew(self) -> None:
        while not self._stop.wait(RENEW):
            with self._busy:
                if self._stop.is_set():
                    return
                try:
                    self._write(self.version if self.version is not None else -1)
                except SolrConflict:
                    self.lost = "another writer took the lock over (this one was thought dead)"
                    return
                except SolrError:
                    continue  # a node down for a moment: try again at the next renewal

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """No renewal in flight inside the block (to fork worker processes safely)."""
        with self._busy:
            yield

    def check(self) -> None:
        """SearcherError if the lock was lost (before making anything visible)."""
        if self.lost:
            raise SearcherError(
                f"lost the writer lock of {self.client.address.display}: {self.lost};"
                " nothing more was changed (run 'searcher index' again)"
            )

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            with self._busy:
                pass
        if self.version is not None and not self.lost:
            with contextlib.suppress(SolrError):
                self.client.delete_ids([LOCK_ID], version=self.version)
        self.version = None
