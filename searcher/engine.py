"""Engine: what an index must answer, whatever holds it.

Everything above this line (the ``Index`` API, the research views, the CLI)
talks to an opened index through ``Engine`` and writes one through ``Target``;
below it sit the engines: ``searcher.local`` (the embedded Whoosh index, the
default) and ``searcher.solr`` (a SolrCloud collection). The tests add a third,
a brute-force scan over a list of articles that is also their oracle.

The analysis is done once, above the engines: a query is parsed
(``searcher.query``) and its literals resolved into ``Term``s (folded string,
fields, words) with the index's own word statistics (``searcher.terms``), so
that every engine is asked the same question. An engine answers it exactly:

- a ``Term`` matches the articles whose folded title or body (or its one field)
  contains ``folded`` as a substring ("exact"), and, when ``loose``, also those
  that hold all its ``words`` apart; it matches as a "whole" word where it is
  exact and holds its words; a ``word_only`` term (``similar``'s key terms)
  matches the articles holding that word;
- ``And``/``Or``/``Not`` combine them; ``Near`` keeps articles where its two
  strings stand within ``distance`` characters of each other in one field;
- the ranking puts articles with more terms found exactly first, then more found
  as whole words, then a higher BM25 score (title weighted above body), then the
  article id; ``Page.sort`` by date reorders that stably.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from searcher.options import Filters, Page

TEXT_FIELDS = ("title", "body")  # the searchable text of an article
STORED_FIELDS = ("id", "title", "body", "date", "source", "author", "origin")
TITLE_BOOST = 2.5  # a title's words and strings count this many times a body's (both engines)


@dataclass(frozen=True)
class Term:
    """A query literal, resolved: what an engine matches (see the module's docstring)."""

    folded: str
    fields: tuple[str, ...] = TEXT_FIELDS
    words: tuple[str, ...] = ()
    loose: bool = False  # the words apart match too (an unquoted literal of several words)
    word_only: bool = False  # matches the one word in the word postings, not the string


@dataclass(frozen=True)
class Match:
    """One article of a page of matches, with what matched in it.

    exact, whole, loose: positions (in ``query.terms`` order of the query's
    positive terms) of the terms found in it exactly, as whole words, and only
    as their words apart.
    """

    id: str
    score: float
    exact: frozenset[int]
    whole: frozenset[int]
    loose: frozenset[int]
    stored: dict[str, str]


@dataclass(frozen=True)
class Matches:
    total: int  # matching articles, before the page was cut
    page: list[Match]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class WordStats:
    """Word statistics over the live articles: what segments a query, and tf-idf.

    articles: live articles; total: words in all their titles and bodies;
    frequency: occurrences of each word asked for (a word of the index's user
    dictionary that no article holds counts its dictionary frequency);
    documents: articles holding each word, in the title or in the body,
    whichever is more. Words never seen are left out.
    """

    articles: int
    total: int
    frequency: dict[str, int]
    documents: dict[str, int]


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a term's string in a field of an article, in its folded text.

    Occurrences are counted as ``str.count`` counts them: leftmost first, not
    overlapping (``哈哈`` occurs twice in ``哈哈哈哈``, not three times).
    start: where it begins in the field's folded text, in characters; date: the
    article's; left, right: up to ``context`` characters of that folded field
    before and after it (empty when no context was asked for).
    """

    id: str
    field: str
    start: int
    date: str = ""
    left: str = ""
    right: str = ""


@dataclass(frozen=True)
class Summary:
    """What an index holds, for ``info``."""

    address: str
    generation: str
    articles: int
    sources: list[str]
    sources_labels: list[str]  # the distinct source labels of the articles
    first_date: str
    last_date: str
    built: str
    snapshot: str = ""  # opened as ADDRESS@NAME: the snapshot's name


class Engine(Protocol):
    """An index opened for reading: one consistent state until it is closed."""

    address: str  # as the user named it (a folder, solr://...), for messages

    def close(self) -> None: ...

    def word_stats(self, words: Iterable[str]) -> WordStats: ...

    def search(self, query, filters: Filters, page: Page, *, exclude: str | None = None) -> Matches:
        """Match a resolved query tree (``Term`` leaves); the page's matches with
        their stored fields. exclude: an article id left out (``similar``)."""

    def stored(self, article_id: str) -> dict[str, str] | None: ...

    def summary(self) -> Summary: ...

    def totals(self, width: int, filters: Filters) -> dict[str, tuple[int, int]]:
        """Per period (the first width characters of the date: 4 year, 7 month,
        10 day) the articles and the characters of their titles and bodies."""

    def occurrences(
        self, term: Term, filters: Filters, *, context: int = 0
    ) -> Iterator[Occurrence]:
        """Every occurrence of a term's folded string in its fields of the articles that
        pass filters: by article id, the title before the body, in text order;
        with context characters of folded text on each side."""


@dataclass
class Previous:
    """What a writer finds in force: its metadata and the manifest of its sources.

    files: source path -> {"hash", "stat", "articles": [[id, digest], ...],
    "skipped": [ids], "problems": [...]}. lost: why an index that is there
    cannot say what its sources are (then a rebuild needs them named).
    """

    meta: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    lost: str = ""
    userdict: bytes | None = None

    @property
    def sources(self) -> list[str]:
        return list(self.meta.get("sources", []))

    @property
    def incremental(self) -> bool:
        return bool(self.files)


class Transaction(Protocol):
    """One build or update: articles added and deleted, then published as a whole."""

    def add(self, article: dict) -> None: ...

    def delete(self, ids: Iterable[str]) -> None:
        """Remove the articles with these ids as they were before this transaction
        (an article added by it under the same id stays: that is an update)."""

    def commit(self, manifest: dict, meta: dict) -> None:
        """Finish writing (nothing is visible to searches yet)."""

    def publish(self) -> None:
        """Make the new state the one in force, atomically."""

    def cancel(self) -> None: ...


class Target(Protocol):
    """An index opened for writing (one writer at a time)."""

    address: str

    def lock(
        self, *, wait: bool, on_wait: Callable[[], None] | None
    ) -> AbstractContextManager[str | None]:
        """Hold the writer lock; yields a note on an earlier writer that died, or None."""

    def clean(self) -> None:
        """Remove what earlier writers left unfinished (under the lock)."""

    def holds(self, folder: str) -> bool:
        """Whether a source folder is this index itself (never read as sources)."""

    def versions(self) -> dict:
        """The format versions this engine records, and refuses to update when they differ."""

    def previous(self, rebuild: bool) -> Previous:
        """What is in force; for an update, checked to build on (an outdated or
        damaged index is an error; a rebuild keeps only its sources and user
        dictionary)."""

    def begin(
        self,
        previous: Previous,
        *,
        userdict: bytes | None,
        procs: int,
        estimate: int,
        progress: Callable[[str, int, int | None], None] | None,
    ) -> Transaction:
        """Start writing: from previous when it is incremental, else from nothing.

        estimate: about how much text will be added (to plan batches);
        progress(phase, done, total): characters segmented, documents merged.
        """


class Keeper(Protocol):
    """A ``Target`` that can keep snapshots. Optional: ``searcher.snapshots`` tells
    the user an engine without these methods does not support snapshots.

    A snapshot keeps the state in force under a name, never changed or removed
    by later updates until it is dropped; ``open_engine("ADDRESS@NAME")`` opens
    it for reading. Each method is called under the writer lock.
    """

    def snapshots(self) -> dict[str, str]:
        """Name -> the generation (or version) it keeps, by name."""

    def keep(self, name: str) -> str:
        """Keep the state in force under name (a new name); its generation."""

    def drop(self, name: str) -> None:
        """Forget a snapshot; what only it kept may then be removed."""


def paper_of(source: str) -> str:
    """The paper's name in a source label: '人民日报 1998-01-01 第1版' -> '人民日报'."""
    return re.split(r"\s*(?:\d{4}-\d{2}-\d{2}|第\s*\S+\s*版)", source, maxsplit=1)[0].strip()


# A snapshot's name: letters (any script), digits, '_', '.' and '-', not starting with '.' or '-'.
SNAPSHOT_NAME = re.compile(r"\w[\w.-]{0,63}")


def snapshot_address(address: str) -> tuple[str, str | None]:
    """'ADDRESS@NAME' -> ('ADDRESS', 'NAME'): an index's snapshot; else (address, None)."""
    base, sep, name = address.rpartition("@")
    if sep and base and SNAPSHOT_NAME.fullmatch(name):
        return base, name
    return address, None


def is_remote(address: str) -> bool:
    return "://" in address


def default_address() -> str:
    """The index used when none is given: $SEARCHER_INDEX, else the folder index/articles."""
    return os.environ.get("SEARCHER_INDEX") or os.path.join("index", "articles")


def shown(address: str) -> str:
    """An address as it may be printed: a password in it (solr://USER:PASSWORD@…) left out."""
    return re.sub(r"(?<=://)([^/@:]*):[^/@]*@", r"\1@", address) if is_remote(address) else address


def open_engine(address: str) -> Engine:
    """The engine for an address: ``solr://…`` a SolrCloud collection, else a folder."""
    if is_remote(address):
        from searcher import solr

        return solr.open_engine(address)
    from searcher import local

    return local.open_engine(address)


def open_target(address: str, **layout: int) -> Target:
    """The target for an address. layout: how a new collection is laid out (``shards``,
    ``replicas``), for a SolrCloud collection only."""
    if is_remote(address):
        from searcher import solr

        return solr.open_target(address, **layout)
    if layout:
        from searcher.errors import SearcherError

        raise SearcherError(
            f"{' and '.join('--' + k for k in layout)} apply to a SolrCloud collection"
            f" (-i solr://HOST:PORT/COLLECTION) only, not to the index folder {address}"
        )
    from searcher import local

    return local.open_target(address)


# Whoosh pickles the schema's field types and the codec into an index's table of
# contents by module path; indexes built before the engine interface existed
# name them here.
_MOVED = ("WordsField", "WordTokenizer", "_Codec", "_PostingsWriter")


def __getattr__(name: str):
    if name in _MOVED:
        from searcher.local import whooshdb

        return getattr(whooshdb, name)
    raise AttributeError(f"module 'searcher.engine' has no attribute {name!r}")
