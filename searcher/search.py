"""Search: a parsed query run against an index -> ranked Hit dataclasses.

Matching is exact first. A literal matches every article that contains its
folded text as a substring (found in the text store, so the set is exactly
what a plain substring search finds); an unquoted literal of several words
also matches articles that hold all its words apart. Ranking sorts by how
many literals match exactly, then how many match as whole words, then BM25F
(title weighted above body).

Sorting by date, the source filter and facet counts read the date column and
the source postings (``engine.Reader.column`` / ``docs_by_value``), never the
stored articles: only the hits of the page shown are loaded. ``similar`` ranks
articles by BM25 over the key terms (tf-idf) of a given one.
"""

from __future__ import annotations

import fnmatch
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from searcher import analysis, engine, highlight
from searcher.errors import QueryError
from searcher.highlight import Snippet, Span
from searcher.query import And, Literal, Node, Not, Or, literals
from searcher.textstore import TextStore

MATCH_WORD = "word"  # every literal found as a whole word
MATCH_EXACT = "exact"  # every literal found as an exact string
MATCH_LOOSE = "loose"  # some literal found only as its words apart (similar: key terms)

SORTS = ("score", "date", "-date")
# facet name -> how many leading characters of the date it counts by (None: not a date)
FACETS = {"date:year": 4, "date:month": 7, "date:day": 10, "source": None, "paper": None}
SIMILAR_TERMS = 15


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
    query: str
    total: int  # matching articles, before limit and offset
    hits: list[Hit]
    elapsed_ms: float
    # per facet asked for, value -> matching articles (all of them, not only this page)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    offset: int = 0
    limit: int | None = None  # None: all
    terms: list[str] = field(default_factory=list)  # similar: the key terms ranked on


@dataclass
class _Lit:
    """What one literal matches: exact, whole-word and loose document sets."""

    folded: str
    fields: tuple[str, ...]
    words: list[str]
    exact: set[int]
    whole: set[int]
    loose: set[int]


class _Run:
    def __init__(self, reader: engine.Reader, texts: TextStore) -> None:
        self.r = reader
        self.texts = texts
        self.lits: dict[Literal, _Lit] = {}

    def literal(self, lit: Literal) -> _Lit:
        if lit in self.lits:
            return self.lits[lit]
        folded = analysis.fold(lit.text)
        folded = " ".join(folded.split()) if lit.quoted else folded.strip()
        fields = (lit.field,) if lit.field else engine.TEXT_FIELDS
        exact = self.texts.find(folded, lit.field)
        words = self.words_of(folded)
        if len(words) > 1:
            # Apart, lone characters (的, 了, 有) say little and match nearly everything.
            words = list(dict.fromkeys(w for w in words if len(w) > 1 or w.isascii()))
        apart = self.with_words(words, fields) if words else set()
        whole = apart & exact
        loose: set[int] = set()
        if not lit.quoted and len(words) > 1:
            loose = apart - exact
        out = _Lit(folded, fields, words, exact, whole, loose)
        self.lits[lit] = out
        return out

    def words_of(self, folded: str) -> list[str]:
        # A string the index holds as a word needs no segmenting (and no jieba).
        if " " not in folded and any(
            self.r.has_term(engine.WORDS[f], folded) for f in engine.TEXT_FIELDS
        ):
            return [folded]
        return analysis.words(folded, self.cut)

    def cut(self, run: str) -> list[str]:
        return analysis.segment(run, self.r.word_logprob)

    def with_words(self, words: list[str], fields: tuple[str, ...]) -> set[int]:
        result: set[int] | None = None
        for w in dict.fromkeys(words):
            docs: set[int] = set()
            for f in fields:
                docs |= self.r.docs_with_term(engine.WORDS[f], w)
            result = docs if result is None else result & docs
            if not result:
                return set()
        return result or set()

    # -- boolean evaluation -------------------------------------------------

    def eval(self, node: Node) -> set[int]:
        if isinstance(node, Literal):
            lit = self.literal(node)
            return lit.exact | lit.loose
        if isinstance(node, Or):
            out: set[int] = set()
            for c in node.children:
                out |= self.eval(c)
            return out
        if isinstance(node, Not):
            return set(self.r.all_docs()) - self.eval(node.child)
        assert isinstance(node, And)
        pos = [c for c in node.children if not isinstance(c, Not)]
        neg = [c.child for c in node.children if isinstance(c, Not)]
        result: set[int] | None = None
        for c in pos:
            s = self.eval(c)
            result = s if result is None else result & s
            if not result:
                return set()
        if result is None:
            result = set(self.r.all_docs())
        for c in neg:
            result -= self.eval(c)
        return result

    # -- ranking ------------------------------------------------------------

    def scores(self, lits: list[_Lit], docs: set[int]) -> dict[int, float]:
        """BM25F of each literal as one term where it occurs exactly, else of its words."""
        total = dict.fromkeys(docs, 0.0)
        for lit in lits:
            exact = lit.exact & docs
            if exact:  # (scoring reads the text store again)
                for d, sc in exact_bm25(self.texts, lit, exact).items():
                    total[d] += sc
            # Articles holding the words apart score on the words.
            loose = lit.loose & docs
            if loose:
                for d, sc in words_bm25(self.r, self.texts, lit.words, lit.fields, loose).items():
                    total[d] += sc
        return total

    def spans(self, doc: int, fieldname: str, text: str, lits: list[_Lit]) -> list[Span]:
        needles: list[str] = []
        for lit in lits:
            if fieldname not in lit.fields:
                continue
            if doc in lit.exact:
                needles.append(lit.folded)
            elif doc in lit.loose:
                needles += lit.words
        return highlight.find_spans(text, needles) if needles else []


def check_options(sort: str, facets: Iterable[str] | str) -> tuple[str, ...]:
    """Validate sort and facet names; the facets asked for, in order, each once."""
    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r} (use one of: {', '.join(SORTS)})")
    names = (facets,) if isinstance(facets, str) else tuple(facets or ())
    for name in names:
        if name not in FACETS:
            raise QueryError(f"unknown facet {name!r} (use one of: {', '.join(FACETS)})")
    return tuple(dict.fromkeys(names))


def paper_of(source: str) -> str:
    """The paper's name in a source label: '人民日报 1998-01-01 第1版' -> '人民日报'."""
    return re.split(r"\s*(?:\d{4}-\d{2}-\d{2}|第\s*\S+\s*版)", source, maxsplit=1)[0].strip()


def source_docs(reader: engine.Reader, pattern: str) -> set[int]:
    """Articles whose source label matches pattern.

    A pattern with a wildcard (``*``, ``?``, ``[``) is a shell-style glob over
    the whole label; without one, it matches labels that contain it. Both
    ignore case (labels and pattern are folded like a query).
    """
    pat = analysis.fold(pattern)
    wild = any(c in pat for c in "*?[")
    out: set[int] = set()
    for value, docs in reader.docs_by_value("source").items():
        v = analysis.fold(value)
        if v and (fnmatch.fnmatchcase(v, pat) if wild else pat in v):
            out |= docs
    return out


def _filter(
    reader: engine.Reader,
    docs: set[int],
    since: str | None,
    until: str | None,
    source: str | None,
) -> set[int]:
    if since or until:
        docs &= reader.docs_in_range("date", since or None, until or None)
    if source:  # None or '': every source
        docs &= source_docs(reader, source)
    return docs


def _sorted(reader: engine.Reader, ranked: list[int], sort: str) -> list[int]:
    """Reorder ranked documents by date (a stable sort: a day keeps the rank order).

    Undated articles come last either way.
    """
    if sort == "score":
        return ranked
    dates = reader.column("date")
    if sort == "date":
        return sorted(ranked, key=lambda d: (not dates[d], dates[d]))
    return sorted(ranked, key=lambda d: (bool(dates[d]), dates[d]), reverse=True)


def facet_counts(
    reader: engine.Reader, docs: set[int], names: tuple[str, ...]
) -> dict[str, dict[str, int]]:
    """For each facet, how many of docs fall under each value.

    Dates count in date order; sources and papers from the most articles down.
    Articles without a date (or source) are not counted under any value.
    """
    out: dict[str, dict[str, int]] = {}
    by_source: dict[str, int] | None = None
    for name in names:
        width = FACETS[name]
        if width is not None:
            dates = reader.column("date")
            c = Counter(dates[d][:width] for d in docs if len(dates[d]) >= width)
            out[name] = dict(sorted(c.items()))
            continue
        if by_source is None:
            by_source = {}
            for value, group in reader.docs_by_value("source").items():
                n = len(docs & group) if value else 0
                if n:
                    by_source[value] = n
        if name == "source":
            counts = by_source
        else:
            papers: Counter[str] = Counter()
            for value, n in by_source.items():
                papers[paper_of(value)] += n
            papers.pop("", None)
            counts = dict(papers)
        out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def _results(
    reader: engine.Reader,
    text: str,
    docs: set[int],
    ranked: list[int],
    make_hit: Callable[[int, int], Hit],
    t0: float,
    *,
    limit: int | None,
    offset: int,
    sort: str,
    facets: tuple[str, ...],
    terms: list[str] | None = None,
) -> Results:
    """Sort, count facets, cut the page and load its hits (the only stored reads)."""
    ranked = _sorted(reader, ranked, sort)
    counts = facet_counts(reader, docs, facets) if facets else {}
    page = ranked[offset:] if not limit else ranked[offset : offset + limit]
    hits = [make_hit(rank, d) for rank, d in enumerate(page, offset + 1)]
    elapsed = (time.perf_counter() - t0) * 1000
    return Results(
        query=text,
        total=len(ranked),
        hits=hits,
        elapsed_ms=round(elapsed, 2),
        facets=counts,
        offset=offset,
        limit=limit or None,
        terms=terms or [],
    )


def _hit(
    reader: engine.Reader,
    rank: int,
    d: int,
    score: float,
    match: str,
    spans: Callable[[str, str], list[Span]] | None,
    max_cells: int,
) -> Hit:
    """One hit; spans(field, text) gives its highlights, None for no snippets."""
    stored = reader.stored(d)
    title, body = stored.get("title") or "", stored.get("body") or ""
    return Hit(
        rank=rank,
        id=stored["id"],
        title=title,
        date=stored.get("date") or "",
        source=stored.get("source") or "",
        score=round(score, 4),
        snippets=highlight.snippets(body, spans("body", body), max_cells=max_cells)
        if spans
        else [],
        author=stored.get("author") or "",
        match=match,
        title_matches=spans("title", title) if spans else [],
    )


K1, B = 1.2, 0.75  # BM25's usual constants, for exact strings and for words
_FIELD_WEIGHT = {"title": engine.TITLE_BOOST, "body": 1.0}


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _length_norm(avg: float) -> tuple[float, float]:
    """(a, c) such that BM25's term weight is tf * (K1 + 1) / (tf + a + c * length)."""
    return K1 * (1 - B), K1 * B / avg


def exact_bm25(texts: TextStore, lit: _Lit, docs: set[int]) -> dict[int, float]:
    """BM25F of a literal's exact string as one term, over docs (which hold it).

    Counts and lengths come from the text store; the document frequency is
    every live article holding the string, whatever else the query filters.
    """
    idf = _idf(texts.doc_count, len(lit.exact))
    counts = texts.counts(lit.folded)
    tw = idf * _FIELD_WEIGHT["title"] * (K1 + 1) if "title" in lit.fields else 0.0
    bw = idf * _FIELD_WEIGHT["body"] * (K1 + 1) if "body" in lit.fields else 0.0
    (at, ct), (ab, cb) = (
        _length_norm(texts.avg_length("title")),
        _length_norm(texts.avg_length("body")),
    )
    out = dict.fromkeys(docs, 0.0)
    lengths = texts.lengths
    for d in docs:  # a hot loop: the formula inline
        tf_title, tf_body = counts.get(d) or (0, 0)
        len_title, len_body = lengths(d)
        score = 0.0
        if tw and tf_title:
            score += tw * tf_title / (tf_title + at + ct * len_title)
        if bw and tf_body:
            score += bw * tf_body / (tf_body + ab + cb * len_body)
        out[d] = score
    return out


def words_bm25(
    reader: engine.Reader,
    texts: TextStore,
    words: Iterable[str],
    fields: Iterable[str],
    docs: set[int],
) -> dict[int, float]:
    """BM25F of words over docs, the title weighted TITLE_BOOST times.

    Every statistic counts live articles only (document frequencies from the
    postings, lengths from the text store), so an index updated in place ranks
    exactly as one rebuilt from the same sources.
    """
    out = dict.fromkeys(docs, 0.0)
    n = texts.doc_count
    for f in fields:
        a, c = _length_norm(texts.avg_length(f))
        for w in dict.fromkeys(words):
            tfs = reader.frequencies(engine.WORDS[f], w, docs)
            if not tfs:
                continue
            idf = _idf(n, len(reader.docs_with_term(engine.WORDS[f], w)))
            weight = idf * _FIELD_WEIGHT[f] * (K1 + 1)
            for d, tf in tfs.items():
                out[d] += weight * tf / (tf + a + c * texts.length(d, f))
    return out


def rank(docs: Iterable[int], key: Callable[[int], object], texts: TextStore) -> list[int]:
    """docs sorted by key; equal keys in article-id order, whatever the document numbers."""
    keyed = sorted((key(d), d) for d in docs)
    out: list[int] = []
    i, n = 0, len(keyed)
    while i < n:
        k = keyed[i][0]
        j = i + 1
        while j < n and keyed[j][0] == k:
            j += 1
        if j - i == 1:
            out.append(keyed[i][1])
        else:
            out += sorted((d for _, d in keyed[i:j]), key=texts.doc_id)
        i = j
    return out


def run(
    reader: engine.Reader,
    texts: TextStore,
    text: str,
    node: Node,
    *,
    limit: int | None = 10,
    offset: int = 0,
    since: str | None = None,
    until: str | None = None,
    sort: str = "score",
    source: str | None = None,
    facets: tuple[str, ...] = (),
    max_cells: int = 120,
    with_snippets: bool = True,
) -> Results:
    t0 = time.perf_counter()
    r = _Run(reader, texts)
    docs = _filter(reader, r.eval(node), since, until, source)
    # No match: the literals an AND skipped need no reading (each may be a pass over the text).
    pos = [r.literal(lit) for lit in literals(node)] if docs else []
    scores = r.scores(pos, docs)

    # (literals matched exactly, as whole words) per document: the ranking tiers
    n_exact: Counter[int] = Counter()
    n_whole: Counter[int] = Counter()
    for lit in pos:
        n_exact.update(lit.exact & docs)
        n_whole.update(lit.whole & docs)
    exact_get, whole_get = n_exact.get, n_whole.get  # no Counter.__missing__ per document
    tiers = {d: (exact_get(d, 0), whole_get(d, 0)) for d in docs}
    ranked = rank(docs, lambda d: (-tiers[d][0], -tiers[d][1], -scores[d]), texts)

    def make_hit(rank: int, d: int) -> Hit:
        n_exact, n_whole = tiers[d]
        if pos and n_whole == len(pos):
            match = MATCH_WORD
        elif n_exact == len(pos):
            match = MATCH_EXACT
        else:
            match = MATCH_LOOSE

        def spans(fieldname: str, value: str) -> list[Span]:
            return r.spans(d, fieldname, value, pos)

        return _hit(reader, rank, d, scores[d], match, spans if with_snippets else None, max_cells)

    return _results(
        reader,
        text,
        docs,
        ranked,
        make_hit,
        t0,
        limit=limit,
        offset=offset,
        sort=sort,
        facets=facets,
    )


def key_terms(reader: engine.Reader, folded: str, n: int = SIMILAR_TERMS) -> list[str]:
    """The n words of folded text with the highest tf-idf, best first.

    The text is segmented with the index's own vocabulary (no jieba). Single
    characters, words without a letter (numbers, punctuation) and words no other
    article holds are left out. idf is BM25's, over the documents holding the
    word in the title or the body, whichever is more.
    """

    def cut(run: str) -> list[str]:
        return analysis.segment(run, reader.word_logprob)

    tf = Counter(
        w for w in analysis.words(folded, cut) if len(w) > 1 and any(c.isalpha() for c in w)
    )
    total = reader.doc_count
    scored: list[tuple[float, int, str]] = []
    for i, (w, count) in enumerate(tf.items()):  # first occurrence order breaks ties
        df = max(reader.doc_frequency(engine.WORDS[f], w) for f in engine.TEXT_FIELDS)
        if df < 2:
            continue
        idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
        scored.append((-count * idf, i, w))
    return [w for _, _, w in sorted(scored)[:n]]


def similar(
    reader: engine.Reader,
    texts: TextStore,
    doc: int,
    *,
    limit: int | None = 10,
    offset: int = 0,
    since: str | None = None,
    until: str | None = None,
    sort: str = "score",
    source: str | None = None,
    facets: tuple[str, ...] = (),
    max_cells: int = 120,
    with_snippets: bool = True,
    n_terms: int = SIMILAR_TERMS,
) -> Results:
    """Articles most like document doc (itself left out): BM25F over its key terms."""
    t0 = time.perf_counter()
    stored = reader.stored(doc)
    folded = analysis.fold((stored.get("title") or "") + "\n" + (stored.get("body") or ""))
    terms = key_terms(reader, folded, n_terms)
    docs: set[int] = set()
    for w in terms:
        for f in engine.TEXT_FIELDS:
            docs |= reader.docs_with_term(engine.WORDS[f], w)
    docs.discard(doc)
    docs = _filter(reader, docs, since, until, source)
    scores = words_bm25(reader, texts, terms, engine.TEXT_FIELDS, docs)
    ranked = rank(docs, lambda d: -scores[d], texts)

    def spans(fieldname: str, value: str) -> list[Span]:
        return highlight.find_spans(value, terms)

    def make_hit(rank: int, d: int) -> Hit:
        return _hit(
            reader, rank, d, scores[d], MATCH_LOOSE, spans if with_snippets else None, max_cells
        )

    return _results(
        reader,
        f"similar:{stored['id']}",
        docs,
        ranked,
        make_hit,
        t0,
        limit=limit,
        offset=offset,
        sort=sort,
        facets=facets,
        terms=terms,
    )


def highlights(
    reader: engine.Reader, texts: TextStore, node: Node, doc: int, title: str, body: str
) -> tuple[list[Span], list[Span]]:
    """Where a query matches one article's title and body, as a hit would show it."""
    r = _Run(reader, texts)
    pos = [r.literal(lit) for lit in literals(node)]
    return r.spans(doc, "title", title, pos), r.spans(doc, "body", body, pos)
