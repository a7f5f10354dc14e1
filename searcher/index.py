"""Index: an opened index, the Python API that the CLI is built on.

    >>> import searcher
    >>> ix = searcher.open_index("index/articles")       # doctest: +SKIP
    >>> for hit in ix.search("杜鹃花", limit=3).hits:      # doctest: +SKIP
    ...     print(hit.rank, hit.title)
    >>> ix.search("招商", sort="-date", facets=["date:month"]).facets  # doctest: +SKIP
    {'date:month': {'2022-01': 2}}
    >>> ix.similar("辽宁日报-2022-01-12-2f8b89", limit=3).terms  # doctest: +SKIP

``open_index`` checks that the index was built by a compatible analyzer and
raises a ``SearcherError`` saying what to do when it was not.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from searcher import engine, query, search, store
from searcher.errors import ArticleNotFound, IndexDamaged, QueryError
from searcher.highlight import Span
from searcher.textstore import Mismatch, TextStore

_DAMAGE = (*engine.READ_ERRORS, Mismatch)


def _reads(method: Callable) -> Callable:
    """A method that reads the index: a file found damaged only now (bytes changed
    without its size) is IndexDamaged, naming the index and what to do."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except _DAMAGE as e:
            raise IndexDamaged(self.path, f"unreadable data ({type(e).__name__}: {e})") from e

    return wrapper


@dataclass(frozen=True)
class Article:
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


class Index:
    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = str(path or store.default_path())
        self._open()

    def _open(self) -> None:
        # A writer may publish a new generation and remove an old one at any
        # moment: if the one named by CURRENT vanishes while it is being opened,
        # open the new one.
        for attempt in range(5):
            gen = store.current_generation(self.path)
            try:
                self._open_generation(gen)
                return
            except IndexDamaged:
                if attempt == 4 or store.current_generation(self.path) == gen:
                    raise

    def _open_generation(self, gen) -> None:
        self.generation = gen
        self.meta = store.read_meta(gen, self.path)
        store.check_versions(self.meta, self.path, engine.versions())
        store.verify(gen, self.meta, self.path)
        try:
            self._reader = engine.Reader(str(gen))
        except IndexDamaged as e:  # name the index the user gave, not the generation
            raise IndexDamaged(self.path, e.reason) from e
        try:
            self._texts = TextStore(gen, self._reader.segments())
        except (OSError, ValueError) as e:
            self._reader.close()
            raise IndexDamaged(self.path, f"text store: {e}") from e
        self._reader.word_total = self._texts.word_total()
        userdict = gen / "userdict.txt"
        if userdict.exists():
            from searcher import analysis

            try:
                self._reader.user_words = analysis.read_userdict(userdict)
            except (OSError, ValueError) as e:
                self.close()
                raise IndexDamaged(self.path, f"user dictionary: {e}") from e

    def close(self) -> None:
        self._texts.close()
        self._reader.close()

    def update(self, sources=None, **options):
        """Bring this index up to date with sources (default: its own), then reopen it.

        Takes the keywords of ``searcher.build_index`` (rebuild, userdict,
        progress, wait, ...) and returns its ``BuildReport``.
        """
        from searcher import indexer

        report = indexer.build(sources, self.path, **options)
        self.close()
        self._open()
        return report

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @_reads
    def search(
        self,
        text: str,
        *,
        limit: int | None = 10,
        offset: int = 0,
        since: str | None = None,
        until: str | None = None,
        sort: str = "score",
        source: str | None = None,
        facets: Iterable[str] | str = (),
        max_cells: int = 120,
        snippets: bool = True,
    ) -> search.Results:
        """Run a query (see the README for the syntax); limit None or 0 means all hits.

        since/until: only articles dated on or after / on or before (YYYY-MM-DD).
        sort: "score" (best first), "date" (oldest first) or "-date" (newest
        first); articles of the same day keep their score order.
        source: only articles whose source label matches; a pattern with ``*``,
        ``?`` or ``[`` is a glob over the whole label, any other text matches
        labels containing it; case does not matter.
        facets: any of "date:year", "date:month", "date:day", "source", "paper":
        ``Results.facets[name]`` counts all the matching articles per value.
        snippets=False skips snippets and highlights (for counting and listing ids).
        """
        node = query.parse(text)
        names = self._check(since, until, sort, facets, limit, offset)
        return search.run(
            self._reader,
            self._texts,
            text,
            node,
            limit=limit,
            offset=offset,
            since=since,
            until=until,
            sort=sort,
            source=source,
            facets=names,
            max_cells=max_cells,
            with_snippets=snippets,
        )

    @_reads
    def similar(
        self,
        article_id: str,
        *,
        limit: int | None = 10,
        offset: int = 0,
        since: str | None = None,
        until: str | None = None,
        sort: str = "score",
        source: str | None = None,
        facets: Iterable[str] | str = (),
        max_cells: int = 120,
        snippets: bool = True,
    ) -> search.Results:
        """Articles most like the article article_id, which is left out.

        Its key terms (``Results.terms``: the words of its title and body with the
        highest tf-idf) are searched as one OR, ranked by BM25F; the snippets
        highlight them. ``Results.query`` is "similar:ID". The other arguments are
        those of ``search``. Raises ArticleNotFound for an unknown id.
        """
        names = self._check(since, until, sort, facets, limit, offset)
        doc = self._reader.docnum_for_id(article_id)
        if doc is None:
            raise ArticleNotFound(article_id, self.path)
        return search.similar(
            self._reader,
            self._texts,
            doc,
            limit=limit,
            offset=offset,
            since=since,
            until=until,
            sort=sort,
            source=source,
            facets=names,
            max_cells=max_cells,
            with_snippets=snippets,
        )

    @staticmethod
    def _check(
        since: str | None,
        until: str | None,
        sort: str,
        facets: Iterable[str] | str,
        limit: int | None,
        offset: int,
    ) -> tuple[str, ...]:
        for name, value in (("since", since), ("until", until)):
            if value and not _is_date(value):
                raise QueryError(f"--{name} takes a date as YYYY-MM-DD, not {value!r}")
        if (limit or 0) < 0 or offset < 0:
            raise QueryError("limit and offset cannot be negative")
        return search.check_options(sort, facets)

    @_reads
    def article(self, article_id: str, *, query_text: str | None = None) -> Article:
        doc = self._reader.docnum_for_id(article_id)
        if doc is None:
            raise ArticleNotFound(article_id, self.path)
        s = self._reader.stored(doc)
        title, body = s.get("title") or "", s.get("body") or ""
        tspans: list[Span] = []
        bspans: list[Span] = []
        if query_text:
            tspans, bspans = search.highlights(
                self._reader, self._texts, query.parse(query_text), doc, title, body
            )
        return Article(
            id=s["id"],
            title=title,
            body=body,
            date=s.get("date") or "",
            source=s.get("source") or "",
            author=s.get("author") or "",
            origin=s.get("origin") or "",
            title_matches=tspans,
            body_matches=bspans,
        )

    @_reads
    def info(self) -> Info:
        dates = sorted(d for d in self._reader.field_values("date") if d)
        return Info(
            path=self.path,
            generation=self.generation.name,
            articles=self._reader.doc_count,
            sources=list(self.meta.get("sources", [])),
            papers=sorted({search.paper_of(s) for s in self._reader.field_values("source")} - {""}),
            first_date=dates[0] if dates else "",
            last_date=dates[-1] if dates else "",
            built=self.meta.get("built", ""),
        )


def _is_date(value: str) -> bool:
    import datetime

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def open_index(path: str | os.PathLike | None = None) -> Index:
    """Open the index at path (default: $SEARCHER_INDEX, else index/articles)."""
    return Index(path)
