"""Concordance: every occurrence of a string, in its context (keyword in context).

The string is taken exactly, quoted or not (``title:`` or ``body:`` before it
keeps to that field). Occurrences are counted in the folded text of each
field as ``str.count`` counts them: leftmost first, not overlapping (``哈哈``
occurs twice in ``哈哈哈哈``). The engine lists them all from its folded text,
with the context each side when the order needs it; only the lines shown read
their articles, to cut the context from the text as written.

Orders: ``date`` (oldest first, undated last), ``left`` (by the context before
the match, read from the match outwards, then by the context after it),
``right`` (by the context after it, then before it), ``score`` (the articles in
search rank order). Contexts are compared as folded text (full-width,
traditional and upper-case characters sort with their plain forms), at most
``width`` characters of it. Ties keep the article id order, the title before
the body, and text order.
"""

from __future__ import annotations

import time

from searcher import analysis, query, terms
from searcher.engine import Engine, Occurrence
from searcher.errors import QueryError
from searcher.options import Filters, Page
from searcher.views import Concordance, KwicLine

SORTS = ("date", "left", "right", "score")
MAX_WIDTH = 1000


def resolve(engine: Engine, text: str) -> terms.Query:
    """The one string of a kwic query, taken exactly."""
    node = query.parse(text)
    if not isinstance(node, query.Literal):
        raise QueryError(
            'kwic shows one string: quote it to keep its spaces ("经济 发展"); no operators'
        )
    exact = query.Literal(node.text, node.field, True)
    return terms.resolve(text, exact, engine.word_stats)


def ordered(
    engine: Engine, q: terms.Query, occ: list[Occurrence], sort: str, filters: Filters
) -> list[Occurrence]:
    """The occurrences in the order asked for (they come by id, field and position)."""
    if sort == "date":
        return sorted(occ, key=lambda o: (not o.date, o.date))
    if sort == "left":
        return sorted(occ, key=lambda o: (o.left[::-1], o.right))
    if sort == "right":
        return sorted(occ, key=lambda o: (o.right, o.left[::-1]))
    found = engine.search(q, filters, Page(limit=None, snippets=False, stored=False))
    rank = {m.id: i for i, m in enumerate(found.page)}
    return sorted(occ, key=lambda o: rank.get(o.id, len(rank)))


def lines(engine: Engine, needle: str, chosen: list[Occurrence], width: int) -> list[KwicLine]:
    """The lines shown: each occurrence mapped back to its article's text as written."""
    articles: dict[str, dict[str, str]] = {}
    offsets: dict[tuple[str, str], list[int] | None] = {}
    out: list[KwicLine] = []
    for o in chosen:
        if o.id not in articles:
            articles[o.id] = engine.stored(o.id) or {"title": "", "body": "", "date": ""}
        s = articles[o.id]
        text = s[o.field]
        if (o.id, o.field) not in offsets:
            offsets[o.id, o.field] = analysis.fold_with_offsets(text)[1]
        a, b = analysis.to_original(offsets[o.id, o.field], o.start, o.start + len(needle))
        left, right = text[max(0, a - width) : a], text[b : b + width]
        out.append(
            KwicLine(o.id, s["title"], o.date or s["date"], o.field, left, text[a:b], right, a)
        )
    return out


def kwic(
    engine: Engine,
    text: str,
    filters: Filters,
    *,
    width: int = 20,
    sort: str = "date",
    limit: int | None = 100,
) -> Concordance:
    """Every occurrence of text in the articles that pass filters; the first limit
    of them (None or 0: all) as lines with width characters of context each side."""
    t0 = time.perf_counter()
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (use one of: {', '.join(SORTS)})")
    if not 0 <= width <= MAX_WIDTH:
        raise QueryError(f"the context width is 0 to {MAX_WIDTH} characters, not {width}")
    if limit is not None and limit < 0:
        raise QueryError("the number of lines cannot be negative")
    q = resolve(engine, text)
    term = q.terms[0]
    context = width if sort in ("left", "right") else 0
    occ = list(engine.occurrences(term, filters, context=context))
    chosen = ordered(engine, q, occ, sort, filters)[: limit or None]
    return Concordance(
        query=text,
        total=len(occ),
        articles=len({o.id for o in occ}),
        lines=lines(engine, term.folded, chosen, width),
        width=width,
        sort=sort,
        limit=limit or None,
        elapsed_ms=round((time.perf_counter() - t0) * 1000, 2),
    )
