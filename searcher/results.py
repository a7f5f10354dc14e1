"""Results: the plain data every verb returns (hits, articles, index information).

Dataclasses only, the same whichever engine answered: the CLI renders them,
scripts read them, ``dataclasses.asdict`` turns them into the JSON formats.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from searcher.highlight import Snippet, Span

MATCH_WORD = "word"  # every query string found as a whole word
MATCH_EXACT = "exact"  # every query string found exactly (some inside a longer word)
MATCH_LOOSE = "loose"  # some query string found only as its words apart (similar: key terms)


@dataclass(frozen=True)
class Hit:
    rank: int
    id: str
    title: str
    date: str
    source: str
    score: float
    snippets: list[Snippet]
    author: str = ""
    match: str = MATCH_EXACT
    title_matches: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class Results:
    """A page of ranked hits; iterating gives the hits, ``len`` their number."""

    query: str
    total: int  # matching articles, before limit and offset
    hits: list[Hit]
    elapsed_ms: float
    # per facet asked for, value -> matching articles (all of them, not only this page)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    offset: int = 0
    limit: int | None = None  # None: all
    terms: list[str] = field(default_factory=list)  # similar: the key terms ranked on

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)


@dataclass(frozen=True)
class Article:
    """A whole article, as ``show`` prints it; the matches of a query if one was given."""

    id: str
    title: str
    body: str
    date: str
    source: str
    author: str
    origin: str
    title_matches: list[Span]
    body_matches: list[Span]


@dataclass(frozen=True)
class Info:
    path: str
    generation: str
    articles: int
    sources: list[str]
    papers: list[str]
    first_date: str
    last_date: str
    built: str


# -- the research views ----------------------------------------------------------
