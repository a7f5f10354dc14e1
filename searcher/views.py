"""Views: the plain data the research views return (trends, concordances, exports,
snapshots), apart from ``searcher.results`` so that a search does not load them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class TrendPoint:
    """One query in one period: its matching articles, and the period's totals."""

    query: str
    period: str  # "1998", "1998-01" or "1998-01-05"
    count: int  # matching articles in the period
    total: int  # articles in the period (after the filters); 0: a gap
    chars: int  # characters of their titles and bodies
    rate: float | None  # count in the unit of Trend.per; None in a gap
    smoothed: float | None = None  # with smoothing: the moving average of rate


@dataclass(frozen=True)
class Trend:
    """Matching articles per period for each query, side by side."""

    queries: list[str]
    by: str  # "year", "month" or "day"
    per: str  # "articles" (per 10,000), "chars" (per million) or "none"
    unit: str  # what a rate counts, for people: "per 10,000 articles"
    smooth: int  # periods in the moving average (1: none)
    periods: list[str]  # every period of the date range, gaps included
    points: list[TrendPoint]  # period by period, the queries in order within each
    elapsed_ms: float = 0.0

    def series(self, query: str) -> list[TrendPoint]:
        """One query's points, period by period."""
        return [p for p in self.points if p.query == query]


@dataclass(frozen=True)
class KwicLine:
    """One occurrence in its context, as ``show`` prints the article."""

    id: str
    title: str
    date: str
    field: str  # "title" or "body"
    left: str  # up to Concordance.width characters before the match (line breaks kept)
    match: str  # the occurrence as written
    right: str
    offset: int  # where the match starts in the field's text, in characters


@dataclass(frozen=True)
class Concordance:
    """The lines of a keyword-in-context view, and how many occurrences there are in all."""

    query: str
    total: int  # occurrences in all the matching articles
    articles: int  # articles holding them
    lines: list[KwicLine]  # the first of them in the order asked for
    width: int
    sort: str
    limit: int | None
    elapsed_ms: float = 0.0

    def __iter__(self) -> Iterator[KwicLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


@dataclass(frozen=True)
class ExportRow:
    """One article of an export: its metadata, a citation, the query's snippet."""

    id: str
    title: str
    author: str
    date: str
    source: str
    paper: str
    page: str
    citation: str  # GB/T 7714-2015, newspaper article
    snippet: str
    text: str | None = None  # the body, with full_text


@dataclass(frozen=True)
class Provenance:
    """What an export came from, so that it can be made again."""

    query: str
    since: str | None
    until: str | None
    source: str | None
    sort: str
    index: str  # the index as it was named (DIR, DIR@SNAPSHOT, solr://...)
    generation: str
    snapshot: str  # the snapshot's name, or ""
    exported: str  # when, ISO 8601
    searcher: str  # the searcher version
    total: int  # articles exported


@dataclass
class Export:
    """Every matching article, read a few at a time as the rows are iterated."""

    provenance: Provenance
    total: int
    rows: Iterator[ExportRow]
    full_text: bool = False  # rows carry the text

    def __iter__(self) -> Iterator[ExportRow]:
        return self.rows


@dataclass(frozen=True)
class SnapshotInfo:
    name: str
    generation: str
    address: str  # what -i takes to search it: DIR@NAME
