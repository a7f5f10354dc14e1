"""Trend: how many articles match each query, period by period, normalised.

An article counts for a query when it matches it with every string taken
exactly, as if quoted (``改革开放`` counts the articles containing
``改革开放``, not those holding ``改革`` and ``开放`` apart); operators, fields
and NEAR work as in a search. The engine counts the matches per period (a
facet on the date), and says how many articles and characters each period
holds after the same filters (``Engine.totals``): the denominators come from
the index itself. A period without articles is a gap (no rate), not a zero.
Articles without a date are counted in no period.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Sequence
from dataclasses import replace

from searcher import query, terms
from searcher.engine import Engine
from searcher.errors import QueryError
from searcher.options import Filters, Page
from searcher.views import Trend, TrendPoint

BY = {"year": 4, "month": 7, "day": 10}  # period -> leading characters of the date
# per -> (rate unit, its label)
PER = {
    "articles": (10_000, "per 10,000 articles"),
    "chars": (1_000_000, "per million characters"),
    "none": (1, "articles"),
}
DAYS_BY_DAY = 92  # a date range up to this long is shown by day
DAYS_BY_MONTH = 6 * 366  # then by month, and beyond by year


def default_by(first: str, last: str) -> str:
    """The period for a range of days: day up to about 3 months, month up to 6 years."""
    if not first:
        return "month"
    span = (datetime.date.fromisoformat(last) - datetime.date.fromisoformat(first)).days
    if span <= DAYS_BY_DAY:
        return "day"
    return "month" if span <= DAYS_BY_MONTH else "year"


def periods(first: str, last: str, by: str) -> list[str]:
    """Every period from the one holding first to the one holding last, gaps included."""
    if not first:
        return []
    if by == "day":
        start, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        return [str(start + datetime.timedelta(days=i)) for i in range((end - start).days + 1)]
    if by == "year":
        return [f"{y:04d}" for y in range(int(first[:4]), int(last[:4]) + 1)]
    months = range(int(first[:4]) * 12 + int(first[5:7]) - 1, int(last[:4]) * 12 + int(last[5:7]))
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in months]


def smoothed(rates: list[float | None], n: int) -> list[float | None]:
    """Centred moving average over n periods (for an even n, one more after than before);
    gaps are left out of each average and stay gaps."""
    out: list[float | None] = []
    before, after = (n - 1) // 2, n // 2
    for i, r in enumerate(rates):
        window = [x for x in rates[max(0, i - before) : i + after + 1] if x is not None]
        out.append(None if r is None else sum(window) / len(window))
    return out


def _check(by: str | None, per: str, smooth: int) -> None:
    if by is not None and by not in BY:
        raise QueryError(f"unknown period {by!r} (use one of: {', '.join(BY)})")
    if per not in PER:
        raise QueryError(f"unknown normalisation {per!r} (use one of: {', '.join(PER)})")
    if not isinstance(smooth, int) or smooth < 1:
        raise QueryError(f"smoothing takes a number of periods, 1 or more, not {smooth!r}")


def counts(engine: Engine, text: str, filters: Filters, by: str) -> dict[str, int]:
    """Matching articles per period, every string of the query taken exactly."""
    q = terms.resolve(text, query.exact(query.parse(text)), engine.word_stats)
    facet = f"date:{by}"
    page = Page(limit=1, snippets=False, stored=False, facets=(facet,))
    return engine.search(q, filters, page).facets.get(facet, {})


def rate(count: int, articles: int, chars: int, per: str) -> float | None:
    """count in the unit of per; None for a period without articles (a gap)."""
    denominator = chars if per == "chars" else articles
    if not denominator:
        return None
    return count / denominator * PER[per][0] if per != "none" else float(count)


def _series(text: str, cells: dict[str, int], spans: list[str], totals, per: str, smooth: int):
    """One query's points, period by period."""
    points = [
        TrendPoint(text, p, cells.get(p, 0), n, chars, rate(cells.get(p, 0), n, chars, per))
        for p, (n, chars) in ((p, totals.get(p, (0, 0))) for p in spans)
    ]
    if smooth > 1:
        rates = smoothed([pt.rate for pt in points], smooth)
        points = [replace(pt, smoothed=r) for pt, r in zip(points, rates)]
    return points


def trend(
    engine: Engine,
    queries: Sequence[str],
    filters: Filters,
    *,
    by: str | None = None,
    per: str = "articles",
    smooth: int = 1,
) -> Trend:
    """Each query's matching articles per period, side by side (see the module's docstring)."""
    t0 = time.perf_counter()
    queries = [queries] if isinstance(queries, str) else list(queries)
    if not queries:
        raise QueryError("give at least one query")
    _check(by, per, smooth)
    days = engine.totals(BY["day"], filters)
    first, last = (min(days), max(days)) if days else ("", "")
    by = by or default_by(first, last)
    totals = engine.totals(BY[by], filters) if by != "day" else days
    spans = periods(first, last, by)
    series = [
        _series(q, counts(engine, q, filters, by), spans, totals, per, smooth) for q in queries
    ]
    points = [s[i] for i in range(len(spans)) for s in series]  # period by period
    return Trend(
        queries=queries,
        by=by,
        per=per,
        unit=PER[per][1],
        smooth=smooth,
        periods=spans,
        points=points,
        elapsed_ms=round((time.perf_counter() - t0) * 1000, 2),
    )
