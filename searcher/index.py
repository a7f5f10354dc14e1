"""Index: an opened index, the Python API that the CLI is built on.

    >>> import searcher
    >>> ix = searcher.open_index("index/articles")       # doctest: +SKIP
    >>> for hit in ix.search("杜鹃花", limit=3):          # doctest: +SKIP
    ...     print(hit.rank, hit.title)
    >>> ix.search("招商", sort="-date", facets=["date:month"]).facets  # doctest: +SKIP
    {'date:month': {'2022-01': 2}}
    >>> ix.similar("辽宁日报-2022-01-12-2f8b89", limit=3).terms  # doctest: +SKIP

The same whichever engine holds the index (a folder, or ``solr://…``): this
layer parses the query, resolves its terms with the index's word statistics
(``searcher.terms``), asks the engine for a page of matches and turns them into
``Hit``s with highlighted snippets. ``open_index`` checks that the index was
built by a compatible analyzer and raises a ``SearcherError`` saying what to do
when it was not.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from searcher import analysis, engine, highlight, query, terms
from searcher.errors import ArticleNotFound
from searcher.options import Filters, Page, split
from searcher.results import MATCH_EXACT, MATCH_LOOSE, MATCH_WORD, Article, Hit, Info, Results

if TYPE_CHECKING:
    from searcher.views import Concordance, Export, Trend


def _label(q: terms.Query, m: engine.Match) -> str:
    n = len(q.terms)
    if n and len(m.whole) == n:
        return MATCH_WORD
    if len(m.exact) == n:
        return MATCH_EXACT
    return MATCH_LOOSE


def _hit(rank: int, m: engine.Match, q: terms.Query, page: Page) -> Hit:
    s = m.stored
    title, body = s["title"], s["body"]
    snippets: list[highlight.Snippet] = []
    title_matches: list[highlight.Span] = []
    if page.snippets:
        spans = highlight.find_spans(body, q.needles(m, "body"))
        snippets = highlight.snippets(body, spans, max_cells=page.max_cells)
        title_matches = highlight.find_spans(title, q.needles(m, "title"))
    return Hit(
        rank=rank,
        id=s["id"],
        title=title,
        date=s["date"],
        source=s["source"],
        score=round(m.score, 4),
        snippets=snippets,
        author=s["author"],
        match=_label(q, m),
        title_matches=title_matches,
    )


class Index:
    """An index opened for searching; ``with`` closes it."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self._address = str(path or engine.default_address())
        self.path = engine.shown(self._address)  # as printed: never a password
        self.engine: engine.Engine = engine.open_engine(self._address)

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def update(self, sources=None, **options):
        """Bring this index up to date with sources (default: its own), then reopen it.

        Takes the keywords of ``searcher.build_index`` (rebuild, userdict,
        progress, wait, ...) and returns its ``BuildReport``.
        """
        from searcher import indexer

        report = indexer.build(sources, self._address, **options)
        self.close()
        self.engine = engine.open_engine(self._address)
        return report

    def resolve(self, text: str) -> terms.Query:
        """The query text parsed and its terms resolved (QueryError if malformed)."""
        return terms.resolve(text, query.parse(text), self.engine.word_stats)

    def _results(self, q: terms.Query, filters, page, t0, exclude=None, key_terms=()):
        found = self.engine.search(q, filters, page, exclude=exclude)
        hits = [_hit(r, m, q, page) for r, m in enumerate(found.page, page.offset + 1)]
        return Results(
            query=q.text,
            total=found.total,
            hits=hits,
            elapsed_ms=round((time.perf_counter() - t0) * 1000, 2),
            facets=found.facets,
            offset=page.offset,
            limit=page.limit,
            terms=list(key_terms),
        )

    def search(
        self, text: str, filters: Filters | None = None, page: Page | None = None, **options
    ) -> Results:
        """Run a query (see the README for the syntax).

        Options as ``Filters`` and ``Page``, or as their keywords: limit (None or
        0: all hits), offset, sort ("score", "date" oldest first, "-date" newest
        first; a day keeps the score order), facets ("date:year", "date:month",
        "date:day", "source", "paper": ``Results.facets[name]`` counts all the
        matching articles per value), snippets=False (no snippets or highlights:
        for counting and listing ids), since/until (YYYY-MM-DD), source (a
        pattern with ``*``, ``?`` or ``[`` is a glob over the whole label, any
        other text matches labels containing it; case does not matter).
        """
        t0 = time.perf_counter()
        filters, page = split(filters, page, options)
        return self._results(self.resolve(text), filters, page, t0)

    def similar(
        self, article_id: str, filters: Filters | None = None, page: Page | None = None, **options
    ) -> Results:
        """Articles most like the article article_id, which is left out.

        Its key terms (``Results.terms``: the words of its title and body with the
        highest tf-idf) are searched as one OR, ranked by BM25F; the snippets
        highlight them. ``Results.query`` is "similar:ID". The options are those
        of ``search``. Raises ArticleNotFound for an unknown id.
        """
        t0 = time.perf_counter()
        filters, page = split(filters, page, options)
        s = self._stored(article_id)
        folded = analysis.fold(s["title"] + "\n" + s["body"])
        words = terms.key_terms(folded, self.engine.word_stats)
        q = terms.similar_query(s["id"], words)
        if not words:
            return Results(q.text, 0, [], round((time.perf_counter() - t0) * 1000, 2))
        return self._results(q, filters, page, t0, exclude=s["id"], key_terms=words)

    def _stored(self, article_id: str) -> dict[str, str]:
        s = self.engine.stored(article_id)
        if s is None:
            raise ArticleNotFound(article_id, self.path)
        return s

    def article(self, article_id: str, *, query_text: str | None = None) -> Article:
        """The whole article; with query_text, where that query matches it."""
        s = self._stored(article_id)
        tspans: list[highlight.Span] = []
        bspans: list[highlight.Span] = []
        if query_text:
            # Each of the query's strings is marked where it matches, whether or not
            # the article matches the whole query: ask which of them it holds.
            q = self.resolve(query_text)
            any_term = q.terms[0] if len(q.terms) == 1 else query.Or(q.terms)
            found = self.engine.search(
                terms.Query(q.text, any_term, q.terms),
                Filters(ids=frozenset([s["id"]])),
                Page(limit=1, snippets=False),
            )
            m = found.page[0] if found.page and q.terms else None
            if m is not None:
                tspans = highlight.find_spans(s["title"], q.needles(m, "title"))
                bspans = highlight.find_spans(s["body"], q.needles(m, "body"))
        return Article(
            id=s["id"],
            title=s["title"],
            body=s["body"],
            date=s["date"],
            source=s["source"],
            author=s["author"],
            origin=s["origin"],
            title_matches=tspans,
            body_matches=bspans,
        )

    def info(self) -> Info:
        s = self.engine.summary()
        return Info(
            path=self.path,
            generation=s.generation,
            articles=s.articles,
            sources=s.sources,
            papers=sorted({engine.paper_of(v) for v in s.sources_labels} - {""}),
            first_date=s.first_date,
            last_date=s.last_date,
            built=s.built,
        )

    # -- research views ------------------------------------------------------

    def trend(
        self, queries: str | Sequence[str], filters: Filters | None = None, **options
    ) -> Trend:
        """Matching articles per period for each query, every string taken exactly.

        by: "year", "month" or "day" (default: from the date range); per:
        "articles" (rate per 10,000 articles of the period, the default), "chars"
        (per million characters) or "none"; smooth: a centred moving average
        over that many periods. Filters as ``Filters`` or as its keywords
        (since, until, source), as for ``search``.
        """
        filters, options = _filters(filters, options)
        from searcher import trend  # the views load when used: a search does not pay for them

        return trend.trend(self.engine, queries, filters, **options)

    def kwic(self, text: str, filters: Filters | None = None, **options) -> Concordance:
        """Every occurrence of one string, in context (``total`` counts them all):
        the first limit lines (default 100; 0 or None: all), sorted by "date" (the
        default), "left", "right" or "score", width characters of context each
        side (default 20). Filters as for ``trend``."""
        filters, options = _filters(filters, options)
        from searcher import concordance

        return concordance.kwic(self.engine, text, filters, **options)

    def export(self, text: str, filters: Filters | None = None, **options) -> Export:
        """Every matching article as an ``ExportRow`` (read as they are iterated), with
        a GB/T 7714 citation and the query's snippet; ``provenance`` says what it came
        from. sort: "score" (default), "date" or "-date"; full_text=True adds the
        text. Filters as for ``trend``."""
        filters, options = _filters(filters, options)
        Page(sort=options.get("sort", "score"))  # checked now, not at the first row
        from searcher import export

        return export.export(self.engine, text, filters, **options)


_FILTER_KEYS = ("since", "until", "source")


def _filters(filters: Filters | None, options: dict) -> tuple[Filters, dict]:
    """Filters (given, or made of the since/until/source keywords), and the other options."""
    given = {k: options.pop(k) for k in _FILTER_KEYS if k in options}
    if filters is not None and given:
        raise TypeError("give filters either as Filters or as keywords, not both")
    return filters or Filters(**given), options


def open_index(path: str | os.PathLike | None = None) -> Index:
    """Open the index at path (default: $SEARCHER_INDEX, else index/articles)."""
    return Index(path)
