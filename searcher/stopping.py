"""Stopping: Ctrl-C, SIGTERM and worker processes, in one place.

A command stopped by Ctrl-C (SIGINT) or by SIGTERM (a service stopped,
``timeout``) ends with one line and exit status 130 or 143, at any moment after
Python has started: while modules load, while click parses, inside a verb. A
command that writes an index says that the previous index was kept (a build
publishes its new generation only when complete). SIGTERM is turned into
``Terminated``, a KeyboardInterrupt, so that it takes every Ctrl-C path.

Worker processes (forked by a build) leave stopping to the build, which kills
them, and die with it if it is killed.

This module is imported at start-up by the entry point: it must stay cheap.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator

# The signals that stop a command with one line.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

# The verbs that change an index: a stop says "previous index kept". Known by name
# so that a stop before the CLI has even loaded is described right.
WRITING_VERBS = frozenset({"index", "snapshot"})

_PR_SET_PDEATHSIG = 1


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service stopped, ``timeout``): the command stops as on Ctrl-C."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated


def install() -> None:
    """SIGTERM raises Terminated from now on (unless it was ignored: it stays so)."""
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _on_sigterm)


def writes(argv: Iterable[str]) -> bool:
    """Whether a command line (without the program name) runs a verb that writes."""
    verb = next((a for a in argv if not a.startswith("-")), "")
    return verb in WRITING_VERBS


def _stop_in(exc: BaseException | None) -> KeyboardInterrupt | None:
    """The Ctrl-C (or SIGTERM) that exc is or was raised because of: Python 3.11
    wraps a KeyboardInterrupt that lands in a class's ``__set_name__`` (a dataclass
    being defined while a module loads) in a RuntimeError."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def by_ctrl_c(exc: BaseException) -> bool:
    """Whether exc is Ctrl-C or SIGTERM, or was raised because of one."""
    return _stop_in(exc) is not None


def status(exc: BaseException | None) -> int:
    """The exit status of a command stopped by exc: 130 (Ctrl-C) or 143 (SIGTERM)."""
    return 143 if isinstance(_stop_in(exc), Terminated) else 130


def message(writing: bool, exc: BaseException | None = None) -> str:
    """The one line for a stop; a command that writes says nothing was lost."""
    word = "terminated" if isinstance(_stop_in(exc), Terminated) else "interrupted"
    return f"{word}, previous index kept" if writing else word


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Ctrl-C and SIGTERM are ignored for the block: the last steps of a finished build.

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


def ignore_from_now() -> None:
    """Ctrl-C and SIGTERM are ignored from now on: a finished build reports itself."""
    if threading.current_thread() is threading.main_thread():
        for stop in STOP_SIGNALS:
            signal.signal(stop, signal.SIG_IGN)


def worker_init(parent_pid: int) -> None:
    """In a worker process: leave Ctrl-C to the parent (which stops it), and die with it.

    A worker shares its build's writer lock (fork copies the descriptor); one
    that outlived a killed build would hold the lock and block the next one.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command's Ctrl-C-like handler
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)


def exit_now(code: int) -> None:
    """End now with code. Not sys.exit: a Ctrl-C that landed in code run by exec()
    (dataclasses do that while a module loads) makes Python end the process by SIGINT
    even after it was handled, instead of with status 130."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)
