"""Errors: every failure searcher reports to a user, each with what to do next.

Library code raises these; only the CLI turns them into a one-line message and
exit status 2. The message is complete on its own (it names the file, the line
and the fix), so the CLI prints ``Error: {message}`` and nothing else.
"""

from __future__ import annotations

import signal

# The signals that stop a command with one line (Ctrl-C, and a service's SIGTERM).
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class SearcherError(Exception):
    """Base class: a problem the user can fix, described in one line."""


class IndexNotFound(SearcherError):
    def __init__(self, path: str) -> None:
        super().__init__(f"no index at {path} (run 'searcher index' first)")
        self.path = path


class NotAnIndex(IndexNotFound):
    """A folder with other things in it and no index, or a file."""

    def __init__(self, path: str, hint: str = "", *, is_file: bool = False) -> None:
        if is_file:
            text = f"{path} is a file, not an index folder (give an index folder with -i)"
        else:
            text = (
                f"{path} is not a searcher index{hint} (give an index folder with -i,"
                f" or build one there with 'searcher index --rebuild -i {path}')"
            )
        SearcherError.__init__(self, text)
        self.path = path


class IndexOutdated(SearcherError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"index at {path} {reason} (run 'searcher index --rebuild')")
        self.path = path


class IndexDamaged(SearcherError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"index at {path} is damaged: {reason} (run 'searcher index --rebuild')")
        self.path = path
        self.reason = reason


class IndexBusy(SearcherError):
    pass


class QueryError(SearcherError):
    """The query text cannot be parsed; the message points at the problem."""


class ArticleNotFound(SearcherError):
    def __init__(self, article_id: str, path: str) -> None:
        super().__init__(
            f"no article with id {article_id!r} in {path}"
            " (find ids with 'searcher search QUERY --json')"
        )
        self.article_id = article_id


class CorpusError(SearcherError):
    """One bad source (file, and line when known); good input beside it is still read."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


class BadSource(SearcherError):
    """A strict build met a bad source and stopped there; the index was not changed."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{problem} (strict: stopped at this problem, the index was not changed)")
        self.problem = problem  # "path:line: reason", as a non-strict build reports it


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service stopped, ``timeout``): the command stops as on Ctrl-C."""


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


def stop_status(exc: BaseException | None) -> int:
    """The exit status of a command stopped by exc: 130 (Ctrl-C) or 143 (SIGTERM)."""
    return 143 if isinstance(_stop_in(exc), Terminated) else 130


def interrupted(writing: bool, exc: BaseException | None = None) -> str:
    """The one line for Ctrl-C (or SIGTERM); a build or update says nothing was lost."""
    word = "terminated" if isinstance(_stop_in(exc), Terminated) else "interrupted"
    return f"{word}, previous index kept" if writing else word
