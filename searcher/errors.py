"""Errors: every failure searcher reports to a user, each with what to do next.

Library code raises these; only the CLI turns them into a one-line message and
exit status 2. The message is complete on its own (it names the file, the line
and the fix), so the CLI prints ``Error: {message}`` and nothing else.
"""

from __future__ import annotations


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


class SnapshotNotFound(SearcherError):
    def __init__(self, path: str, name: str) -> None:
        super().__init__(
            f"no snapshot {name!r} in {path} (list them with 'searcher snapshot --list -i {path}')"
        )
        self.name = name


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
