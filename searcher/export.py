"""Export: every article a query matches, with its metadata, a citation and a snippet.

The engine ranks all the matches once without their stored fields; the rows
are then made as they are iterated, each reading its article, so an export of
any size holds only the ranking and one batch in memory. The provenance says
what the export came from (query, filters, index, its generation or snapshot,
when, which searcher) so that it can be made again.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from searcher import citation, highlight, query, terms
from searcher.engine import Engine, Match, paper_of
from searcher.options import Filters, Page
from searcher.views import Export, ExportRow, Provenance

SNIPPET_CELLS = 160  # the widest a snippet is, in terminal cells
SNIPPET_JOIN = " … "  # between the snippets of one article


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("searcher")
    except metadata.PackageNotFoundError:
        return "unknown"


def row(q: terms.Query, m: Match, s: dict[str, str], full_text: bool) -> ExportRow:
    """One article's row: its metadata, citation and the query's snippets."""
    body = s["body"]
    spans = highlight.find_spans(body, q.needles(m, "body"))
    snippets = highlight.snippets(body, spans, max_cells=SNIPPET_CELLS)
    return ExportRow(
        **{k: s[k] for k in ("id", "title", "author", "date", "source")},
        paper=paper_of(s["source"]),
        page=citation.page_of(s["source"]),
        citation=citation.cite(
            title=s["title"], body=body, author=s["author"], date=s["date"], source=s["source"]
        ),
        snippet=SNIPPET_JOIN.join(sn.text for sn in snippets),
        text=body if full_text else None,
    )


def _rows(engine: Engine, q: terms.Query, matches: list[Match], full_text: bool):
    for m in matches:
        s = engine.stored(m.id)
        if s is not None:  # (an engine answers for one state: never None)
            yield row(q, m, s, full_text)


def export(
    engine: Engine,
    text: str,
    filters: Filters,
    *,
    sort: str = "score",
    full_text: bool = False,
) -> Export:
    """Every article matching the query text (the rows are read as they are iterated)."""
    q = terms.resolve(text, query.parse(text), engine.word_stats)
    page = Page(limit=None, sort=sort, snippets=False, stored=False)
    found = engine.search(q, filters, page)
    summary = engine.summary()
    prov = Provenance(
        query=text,
        since=filters.since,
        until=filters.until,
        source=filters.source,
        sort=sort,
        index=engine.address,
        generation=summary.generation,
        snapshot=summary.snapshot,
        exported=datetime.datetime.now(datetime.UTC).astimezone().isoformat(timespec="seconds"),
        searcher=version(),
        total=found.total,
    )
    rows: Iterator[ExportRow] = _rows(engine, q, found.page, full_text)
    return Export(prov, found.total, rows, full_text)
