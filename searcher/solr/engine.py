"""Engine: a SolrCloud collection opened for reading (``searcher.engine.Engine``).

Opening finds the collection in force behind the address (``collection``), checks its
configset version and reads its metadata; every later request goes to that collection by
name. A search is one request built by ``request.Request``; a page deep in the ranking, or
every hit (``limit=None``), is fetched in pages by Solr's cursor, never in one giant
request. Word statistics come from the collection's own terms (``/terms``, over all
shards): after an update searcher merges deleted documents away (commit with
expungeDeletes), so they count live articles only, as the local index's do, and a query is
cut into the same words on both engines. Snippets and highlights are made above, in
``searcher.index``, from the stored text and the terms each article matched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from searcher import analysis
from searcher.engine import Match, Matches, Occurrence, Summary, Term, WordStats
from searcher.options import Filters, Page
from searcher.solr import collection, documents
from searcher.solr.client import SolrNotFound
from searcher.solr.request import (
    STORED_FL,
    Request,
    facet_counts,
    facet_json,
    top,
    totals_json,
)

PAGE_ROWS = 500  # documents per request when paging by cursor
DEEP = 1000  # a page ending further than this is fetched by cursor
TERMS_PER_REQUEST = 5000  # words per /terms request (similar asks for many)
MAX_WORD = 8191  # characters: the configset's longest word token
# Asked for a few short strings (a query's literals), word_stats also asks for their
# substrings: the second question query resolution may ask (searcher.terms) is then
# answered from what the first fetched, one request to Solr instead of two.
PREFETCH_FOR, PREFETCH_LONGEST, PREFETCH_WORD = 16, 40, 12


class SolrEngine:
    """The collection in force at a ``solr://`` address (see the module's docstring)."""

    def __init__(self, address: str) -> None:
        self._root = collection.connect(address)
        self.address = self._root.address.display  # as printed: never a password
        self.client, self.found = collection.open_for_reading(self._root)
        self._stats: dict[str, tuple[int, int] | None] = {}
        self._totals: tuple[int, int] | None = None
        self._userwords: dict[str, int | None] | None = None

    def close(self) -> None:
        pass

    def _select(self, params) -> dict:
        """A search of the collection opened; if a later rebuild has removed it, the one
        in force now (once)."""
        try:
            return self.client.select(params)
        except SolrNotFound:
            if self.client.collection == self._root.collection:
                raise
            self.client, self.found = collection.open_for_reading(self._root)
            self._stats, self._totals = {}, None
            return self.client.select(params)

    # -- statistics -----------------------------------------------------------------------

    def _articles_and_words(self) -> tuple[int, int]:
        if self._totals is None:
            answer = self._select(
                {"q": "kind:article", "rows": 0, "json.facet": '{"words":"sum(words_i)"}'}
            )
            words = (answer.get("facets") or {}).get("words") or 0
            self._totals = (int(answer["response"]["numFound"]), int(words))
        return self._totals

    def _user_words(self) -> dict[str, int | None]:
        if self._userwords is None:
            data = self.found.userdict
            lines = data.decode("utf-8-sig").splitlines() if data else []
            self._userwords = analysis.userdict_words(lines, "user dictionary")
        return self._userwords

    def word_stats(self, words: Iterable[str]) -> WordStats:
        """Word statistics over the live articles (see ``engine.WordStats``)."""
        wanted = [
            w
            for w in dict.fromkeys(words)
            if w and len(w) <= MAX_WORD and not any(c.isspace() for c in w)
        ]
        unknown = [w for w in wanted if w not in self._stats]
        if 0 < len(unknown) <= PREFETCH_FOR and all(len(w) <= PREFETCH_LONGEST for w in unknown):
            # A query's literals: what segmenting them may ask next, in the same request.
            more = {s for w in unknown for s in analysis.lookups(w, PREFETCH_WORD)}
            unknown += sorted(more - set(unknown) - self._stats.keys())
        for i in range(0, len(unknown), TERMS_PER_REQUEST):
            part = unknown[i : i + TERMS_PER_REQUEST]
            got = self.client.field_terms(["title_w", "body_w"], part)
            for w in part:
                t, b = got["title_w"].get(w, (0, 0)), got["body_w"].get(w, (0, 0))
                self._stats[w] = (t[1] + b[1], max(t[0], b[0])) if t[1] + b[1] else None
        frequency, documents_ = {}, {}
        user = self._user_words()
        for w in wanted:
            known = self._stats[w]
            if known:
                frequency[w], documents_[w] = known
            elif w in user:
                frequency[w] = user[w] or 1
        articles, total = self._articles_and_words()
        return WordStats(articles, total, frequency, documents_)

    # -- searching ------------------------------------------------------------------------

    def search(self, query, filters: Filters, page: Page, *, exclude: str | None = None):
        req = Request()
        q = req.query(query)
        fq = req.filters(filters, exclude)
        order = [] if page.sort == "score" else [f"date {'asc' if page.sort == 'date' else 'desc'}"]
        sort = ",".join([*order, *req.tiers(), "score desc", "id asc"])
        base = [*req.params, ("q", q), *(("fq", f) for f in fq), ("sort", sort)]
        if page.facets:
            base.append(("json.facet", json.dumps(facet_json(page.facets), ensure_ascii=False)))
        fl = ",".join([STORED_FL if page.stored else "id", "score", *req.flag_fields()])
        total, docs, facets = self._fetch(base, fl, page)
        matches = [self._match(d, query, req, page.stored) for d in docs]
        return Matches(total, matches, facet_counts(page.facets, facets) if page.facets else {})

    def _fetch(self, base: list, fl: str, page: Page) -> tuple[int, list[dict], dict]:
        """(total, the page's documents, facets): one request for a page near the top,
        else page by page with the cursor (ids only until the page starts)."""
        end = None if page.limit is None else page.offset + page.limit
        if end is not None and end <= DEEP:
            answer = self._select([*base, ("fl", fl), ("start", page.offset), ("rows", page.limit)])
            return answer["response"]["numFound"], answer["response"]["docs"], _facets(answer)
        docs: list[dict] = []
        seen, mark, total, facets = 0, "*", 0, {}
        while end is None or seen < end:
            skipping = seen < page.offset
            rows = min(PAGE_ROWS, (page.offset if skipping else end or seen + PAGE_ROWS) - seen)
            params = [*base, ("fl", "id" if skipping else fl), ("rows", rows), ("cursorMark", mark)]
            if mark != "*":
                params = [p for p in params if p[0] != "json.facet"]
            answer = self._select(params)
            got = answer["response"]["docs"]
            if mark == "*":
                total, facets = answer["response"]["numFound"], _facets(answer)
            if not skipping:
                docs += got
            seen += len(got)
            if not got or answer.get("nextCursorMark", mark) == mark:
                break
            mark = answer["nextCursorMark"]
        return total, docs, facets

    @staticmethod
    def _match(doc: dict, query, req: Request, stored: bool = True) -> Match:
        exact, whole, loose = set(), set(), set()
        for i, (t, (e, w)) in enumerate(zip(query.terms, req.flags)):
            x, y = bool(e and doc.get(f"x{i}")), bool(w and doc.get(f"y{i}"))
            if x:
                exact.add(i)
                if y:
                    whole.add(i)
            elif y and (t.word_only or t.loose):
                loose.add(i)
        return Match(
            id=doc["id"],
            score=float(doc.get("score") or 0.0),
            exact=frozenset(exact),
            whole=frozenset(whole),
            loose=frozenset(loose),
            stored=documents.stored(doc) if stored else {},
        )

    def stored(self, article_id: str) -> dict[str, str] | None:
        answer = self._select(
            {"q": "{!term f=id v=$i}", "i": article_id, "fq": "kind:article", "fl": STORED_FL}
        )
        docs = answer["response"]["docs"]
        return documents.stored(docs[0]) if docs else None

    # -- info, totals, occurrences ----------------------------------------------------------

    def summary(self) -> Summary:
        facet = {
            "first": {"type": "terms", "field": "date", "sort": "index asc", "limit": 1},
            "last": {"type": "terms", "field": "date", "sort": "index desc", "limit": 1},
            "labels": {"type": "terms", "field": "source", "limit": -1, "sort": "index asc"},
        }
        answer = self._select({"q": "kind:article", "rows": 0, "json.facet": json.dumps(facet)})
        facets = _facets(answer)

        def values(name: str) -> list[str]:
            return [str(b["val"]) for b in (facets.get(name) or {}).get("buckets", [])]

        first, last = values("first"), values("last")
        meta = self.found.meta
        return Summary(
            address=self.address,
            generation=self.client.collection,
            articles=int(answer["response"]["numFound"]),
            sources=list(meta.get("sources", [])),
            sources_labels=values("labels"),
            first_date=first[0] if first else "",
            last_date=last[0] if last else "",
            built=meta.get("built", ""),
        )

    def totals(self, width: int, filters: Filters) -> dict[str, tuple[int, int]]:
        req = Request()
        fq = req.filters(filters)
        params = [*req.params, ("q", "*:*"), *(("fq", f) for f in fq), ("rows", 0)]
        params.append(("json.facet", json.dumps(totals_json(width))))
        buckets = (_facets(self._select(params)).get("t") or {}).get("buckets", [])
        return {str(b["val"]): (int(b["count"]), int(b["chars"])) for b in buckets}

    def occurrences(
        self, term: Term, filters: Filters, *, context: int = 0
    ) -> Iterator[Occurrence]:
        """Every occurrence of the term's folded string in its fields of the matching
        articles (see ``engine.Engine``): found in their stored text, folded here as at
        indexing, leftmost first and not overlapping; fetched page by page."""
        req = Request()
        exact = req.exact(Term(term.folded, term.fields)) or req.nothing()
        fq = req.filters(filters)
        params = [*req.params, ("q", top(exact)), *(("fq", f) for f in fq), ("sort", "id asc")]
        params.append(("fl", ",".join(["id", "date", *term.fields])))
        pattern = re.compile(re.escape(term.folded))  # leftmost, not overlapping
        for doc in self.client.docs(params, rows=PAGE_ROWS):
            date = str(doc.get("date") or "")
            for f in term.fields:
                text = analysis.scrub(analysis.fold(str(doc.get(f) or "")))
                for m in pattern.finditer(text) if term.folded else ():
                    left = text[max(0, m.start() - context) : m.start()] if context else ""
                    right = text[m.end() : m.end() + context] if context else ""
                    yield Occurrence(doc["id"], f, m.start(), date, left, right)


def _facets(answer: dict) -> dict:
    return answer.get("facets") or {}
