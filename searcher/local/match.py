"""Match: a resolved query evaluated over a snapshot -> a ranked page of matches.

A term's exact set comes from the text store (its bigram lists, then a search
in folded text, so it is exactly what a plain substring search finds); its
words from the Whoosh postings. Ranking sorts by how many terms match exactly,
then how many as whole words, then BM25F (title weighted above body) computed
here over live documents only, then article id. Only what the page needs is
ranked: the matches fall into tiers (terms found exactly, as whole words), a
tier before the page is counted and passed over, the tier the page ends in is
scored and its first documents picked (``rank.top``), and a single exact
string of two characters is ranked from its impact layers without scoring its
other matches (``rank.by_layers``). Sorting by date, the source filter and facet
counts read the date column and the source postings, never the stored articles:
only the page shown is loaded.
"""

from __future__ import annotations

import fnmatch
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from searcher import analysis
from searcher.engine import TEXT_FIELDS, TITLE_BOOST, Match, Matches, Term, paper_of
from searcher.local import grams
from searcher.local import rank as ranking
from searcher.local.snapshot import Snapshot
from searcher.local.textstore import encode
from searcher.options import FACETS, Filters, Page
from searcher.query import And, Near, Not, Or

K1, B = 1.2, 0.75  # BM25's usual constants, for exact strings and for words
FIELD_WEIGHT = {"title": TITLE_BOOST, "body": 1.0}


@dataclass
class _Sets:
    """What one term matches: exact, whole-word and loose document sets."""

    exact: set[int]
    whole: set[int]
    loose: set[int]


class _Run:
    """One query over one snapshot: each term's sets computed once."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        self.sets: dict[Term, _Sets] = {}

    def term(self, t: Term) -> _Sets:
        if t not in self.sets:
            self.sets[t] = self._compute(t)
        return self.sets[t]

    def _compute(self, t: Term) -> _Sets:
        apart = self.with_words(t.words, t.fields) if t.words else set()
        if t.word_only:
            return _Sets(set(), set(), apart)
        exact = self.snap.texts.find(t.folded, t.fields[0] if len(t.fields) == 1 else None)
        return _Sets(exact, apart & exact, apart - exact if t.loose else set())

    def with_words(self, words: Iterable[str], fields: tuple[str, ...]) -> set[int]:
        result: set[int] | None = None
        for w in dict.fromkeys(words):
            docs: set[int] = set()
            for f in fields:
                docs |= self.snap.docs_with_word(f, w)
            result = docs if result is None else result & docs
            if not result:
                return set()
        return result or set()

    def near(self, node: Near) -> set[int]:
        """Articles where the two strings stand within node.distance characters in a field:
        candidates hold both in that field, then their positions are compared."""
        a, b = node.left, node.right
        texts = self.snap.texts
        out: set[int] = set()
        for f in a.fields:  # the parser gives both sides the same fields
            both = texts.find(a.folded, f) & texts.find(b.folded, f)
            for d in both - out:
                if within(texts.text(d, f), a.folded, b.folded, node.distance):
                    out.add(d)
        return out

    def eval(self, node) -> set[int]:
        if isinstance(node, Term):
            s = self.term(node)
            return s.exact | s.loose
        if isinstance(node, Near):
            return self.near(node)
        if isinstance(node, Or):
            out: set[int] = set()
            for c in node.children:
                out |= self.eval(c)
            return out
        if isinstance(node, Not):
            return set(self.snap.all_docs()) - self.eval(node.child)
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
            result = set(self.snap.all_docs())
        for c in neg:
            result -= self.eval(c)
        return result

    def scores(self, terms: Iterable[Term], docs: set[int]) -> dict[int, float]:
        """BM25F of each term as one string where it occurs exactly, else of its words."""
        total = dict.fromkeys(docs, 0.0)
        for t in terms:
            s = self.term(t)
            exact = s.exact & docs
            if exact:
                for d, sc in exact_bm25(self.snap, t, len(s.exact), exact).items():
                    total[d] += sc
            loose = s.loose & docs
            if loose:
                for d, sc in words_bm25(self.snap, t.words, t.fields, loose).items():
                    total[d] += sc
        return total


def occurrences(text: str, needle: str) -> list[int]:
    """Where needle occurs in text, as ``str.count`` counts: leftmost first, not overlapping."""
    out: list[int] = []
    n = len(needle)
    i = text.find(needle) if n else -1
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + n)
    return out


def starts(text: str, needle: str) -> list[int]:
    """Where needle starts in text, overlapping occurrences too, in order."""
    out: list[int] = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def within(text: str, a: str, b: str, distance: int) -> bool:
    """Whether an occurrence of a and one of b in text have at most distance characters
    between the end of one and the start of the other (overlapping ones: always)."""
    rights = starts(text, b)
    if not rights:
        return False
    la, lb = len(a), len(b)
    for i in starts(text, a):
        # b at j is near a at i when j - (i + la) <= distance and i - (j + lb) <= distance
        k = bisect_left(rights, i - lb - distance)
        if k < len(rights) and rights[k] <= i + la + distance:
            return True
    return False


# -- BM25F over live documents -----------------------------------------------


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _length_norm(avg: float) -> tuple[float, float]:
    """(a, c) such that BM25's term weight is tf * (K1 + 1) / (tf + a + c * length)."""
    return K1 * (1 - B), K1 * B / avg


def weights(snap: Snapshot, t: Term, df: int) -> ranking.Weights:
    """BM25F weights of a term's exact string as one term (df: live articles holding it)."""
    texts = snap.texts
    idf = _idf(texts.doc_count, df)
    tw = idf * FIELD_WEIGHT["title"] * (K1 + 1) if "title" in t.fields else 0.0
    bw = idf * FIELD_WEIGHT["body"] * (K1 + 1) if "body" in t.fields else 0.0
    at, ct = _length_norm(texts.avg_length("title"))
    ab, cb = _length_norm(texts.avg_length("body"))
    return ranking.Weights(tw, bw, at, ct, ab, cb)


def exact_bm25(snap: Snapshot, t: Term, df: int, docs: set[int]) -> dict[int, float]:
    """BM25F of a term's exact string as one term, over docs (which hold it).

    Counts and lengths (bytes of folded text) come from the text store; the
    document frequency df is every live article holding the string, whatever
    else the query filters.
    """
    texts = snap.texts
    w = weights(snap, t, df)
    counts = texts.counts(t.folded, docs)
    lengths = texts.lengths_of(docs)
    score = w.score
    return {d: score(*counts[d], *lengths[d]) for d in docs}


def words_bm25(
    snap: Snapshot, words: Iterable[str], fields: Iterable[str], docs: set[int]
) -> dict[int, float]:
    """BM25F of words over docs, the title weighted TITLE_BOOST times.

    Every statistic counts live articles only (document frequencies from the term
    infos less the deleted articles' words, lengths from the text store), so an
    index updated in place ranks exactly as one rebuilt from the same sources.
    """
    texts = snap.texts
    out = dict.fromkeys(docs, 0.0)
    n = texts.doc_count
    lengths: dict[int, tuple[int, int]] = {}
    for f in fields:
        a, c = _length_norm(texts.avg_length(f))
        i = 0 if f == "title" else 1
        for w in dict.fromkeys(words):
            tfs = snap.word_counts(f, w, docs)
            if not tfs:
                continue
            lengths.update(texts.lengths_of(d for d in tfs if d not in lengths))
            weight = _idf(n, snap.df(f, w)) * FIELD_WEIGHT[f] * (K1 + 1)
            for d, tf in tfs.items():
                out[d] += weight * tf / (tf + a + c * lengths[d][i])
    return out


def full_rank(docs: Iterable[int], key: Callable[[int], object], snap: Snapshot) -> list[int]:
    """docs sorted by key; equal keys in article-id order, whatever the document numbers."""
    keyed = sorted((key(d), d) for d in docs)
    out: list[int] = []
    i, n = 0, len(keyed)
    doc_id = snap.texts.doc_id
    while i < n:
        k = keyed[i][0]
        j = i + 1
        while j < n and keyed[j][0] == k:
            j += 1
        if j - i == 1:
            out.append(keyed[i][1])
        else:
            out.extend(sorted((d for _, d in keyed[i:j]), key=doc_id))
        i = j
    return out


# -- filters, order and facets -------------------------------------------------


def source_docs(snap: Snapshot, pattern: str) -> set[int]:
    """Articles whose source label matches pattern (see ``options.Filters``)."""
    pat = analysis.fold(pattern)
    wild = any(c in pat for c in "*?[")
    out: set[int] = set()
    for value, docs in snap.docs_by_source().items():
        v = analysis.fold(value)
        if v and (fnmatch.fnmatchcase(v, pat) if wild else pat in v):
            out |= docs
    return out


def filtered(snap: Snapshot, docs: set[int], filters: Filters) -> set[int]:
    if filters.ids is not None:
        docs &= {d for d in map(snap.docnum, filters.ids) if d is not None}
    if filters.since or filters.until:
        dates, lo, hi = snap.dates(), filters.since or "", filters.until or "\uffff"
        docs = {d for d in docs if dates[d] and lo <= dates[d] <= hi}  # the matches only
    if filters.source:
        docs &= source_docs(snap, filters.source)
    return docs


def _sorted(snap: Snapshot, ranked: list[int], sort: str) -> list[int]:
    """Reorder ranked documents by date (a stable sort: a day keeps the rank order).

    Undated articles come last either way.
    """
    if sort == "score":
        return ranked
    dates = snap.dates()
    if sort == "date":
        return sorted(ranked, key=lambda d: (not dates[d], dates[d]))
    return sorted(ranked, key=lambda d: (bool(dates[d]), dates[d]), reverse=True)


def facet_counts(snap: Snapshot, docs: set[int], names: tuple[str, ...]) -> dict:
    """For each facet, how many of docs fall under each value.

    Dates count in date order; sources and papers from the most articles down.
    Articles without a date (or source) are not counted under any value.
    """
    out: dict[str, dict[str, int]] = {}
    by_source: dict[str, int] | None = None
    for name in names:
        width = FACETS[name]
        if width is not None:
            dates = snap.dates()
            c = Counter(dates[d][:width] for d in docs if len(dates[d]) >= width)
            out[name] = dict(sorted(c.items()))
            continue
        if by_source is None:
            by_source = {}
            for value, group in snap.docs_by_source().items():
                n = len(docs & group) if value else 0
                if n:
                    by_source[value] = n
        counts = by_source
        if name == "paper":
            papers: Counter[str] = Counter()
            for value, n in by_source.items():
                papers[paper_of(value)] += n
            papers.pop("", None)
            counts = dict(papers)
        out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def search(
    snap: Snapshot, query, filters: Filters, page: Page, exclude: str | None = None
) -> Matches:
    """Evaluate, rank, sort and count; load only the page's stored articles."""
    r = _Run(snap)
    found = _by_layers(r, query, filters, page, exclude)
    if found is not None:
        return found
    docs = filtered(snap, r.eval(query.tree), filters)
    if exclude is not None:
        docs.discard(snap.docnum(exclude))
    # No match: the terms an AND skipped need no reading (each may be a pass over the text).
    sets = [r.term(t) for t in query.terms] if docs else []
    if page.sort == "score" and page.limit is not None:
        window, scores = _window(r, query.terms, sets, docs, page)
    else:
        scores = r.scores(query.terms, docs) if docs else {}
        tiers = _tiers(sets, docs)
        rank_of = {d: i for i, tier in enumerate(tiers) for d in tier}
        ranked = full_rank(docs, lambda d: (rank_of[d], -scores[d]), snap)
        window = page.window(_sorted(snap, ranked, page.sort))
    counts = facet_counts(snap, docs, page.facets) if page.facets else {}
    return Matches(len(docs), [_match(snap, d, scores[d], sets, page) for d in window], counts)


def _match(snap: Snapshot, d: int, score: float, sets: list[_Sets], page: Page) -> Match:
    stored = snap.stored(d) if page.stored else {}
    return Match(
        id=stored["id"] if page.stored else snap.texts.doc_id(d),
        score=score,
        exact=frozenset(i for i, s in enumerate(sets) if d in s.exact),
        whole=frozenset(i for i, s in enumerate(sets) if d in s.whole),
        loose=frozenset(i for i, s in enumerate(sets) if d in s.loose),
        stored=stored,
    )


def _tiers(sets: list[_Sets], docs: set[int]) -> list[set[int]]:
    """docs in the tiers of the ranking: more terms found exactly first, then more
    found as whole words (each tier is then ordered by score and id)."""
    if len(sets) == 1:
        whole = sets[0].whole & docs
        exact = (sets[0].exact & docs) - whole
        rest = docs - whole - exact
        return [t for t in (whole, exact, rest) if t]
    n_exact: Counter[int] = Counter()
    n_whole: Counter[int] = Counter()
    for s in sets:
        n_exact.update(s.exact & docs)
        n_whole.update(s.whole & docs)
    exact_get, whole_get = n_exact.get, n_whole.get  # no Counter.__missing__ per document
    by_key: dict[tuple[int, int], set[int]] = {}
    for d in docs:
        by_key.setdefault((-exact_get(d, 0), -whole_get(d, 0)), set()).add(d)
    return [by_key[k] for k in sorted(by_key)]


def _window(r: _Run, terms, sets: list[_Sets], docs: set[int], page: Page):
    """The page's documents in rank order, scoring only the tiers it reaches."""
    m = page.offset + page.limit
    out: list[int] = []
    scores: dict[int, float] = {}
    before = 0
    for tier in _tiers(sets, docs):
        if before >= m:
            break
        if before + len(tier) > page.offset:
            tier_scores = r.scores(terms, tier)
            scores.update(tier_scores)
            ranked = ranking.top(tier_scores, m - before, r.snap.texts.doc_id)
            out += ranked[max(0, page.offset - before) :]
        before += len(tier)
    return out[: page.limit], scores


def _by_layers(r: _Run, query, filters: Filters, page: Page, exclude) -> Matches | None:
    """A page of one two-character string, ranked from its impact layers (see
    ``rank``); None where the general way applies (filters, facets, sorting by date,
    several terms, no long list)."""
    t = query.tree
    if (
        not isinstance(t, Term)
        or query.terms != (t,)
        or t.word_only
        or t.loose
        or t.fields != TEXT_FIELDS
        or filters.any
        or exclude is not None
        or page.facets
        or page.sort != "score"
        or page.limit is None
        or t.words not in ((), (t.folded,))
    ):
        return None
    snap = r.snap
    lists = _layers(snap, analysis.scrub(t.folded))
    if lists is None:
        return None
    total, sources, short = lists
    w = weights(snap, t, total)
    whole = r.with_words(t.words, t.fields) if t.words else set()  # all hold the string
    m = page.offset + page.limit
    doc_id = snap.texts.doc_id
    if len(whole) >= m:
        first = _layer_top(sources, short, w, m, whole.__contains__, doc_id)
        ranked, scores = first
    else:
        scores = exact_bm25(snap, t, total, whole)
        ranked = ranking.top(scores, m, doc_id)
        rest, rest_scores = _layer_top(
            sources, short, w, m - len(whole), lambda d: d not in whole, doc_id
        )
        ranked += rest
        scores.update(rest_scores)
    sets = [_Sets(set(ranked), whole, set())]
    window = ranked[page.offset : m]
    return Matches(total, [_match(snap, d, scores[d], sets, page) for d in window], {})


def _layers(snap: Snapshot, needle: str):
    """(live documents holding needle, the segments' impact layers, their short lists)
    for a needle of one bigram with a long list somewhere; else None."""
    nb = encode(needle)
    if len(nb) != 4:
        return None
    key = grams.keys_of(nb)[0]
    total, sources, short = 0, [], []
    for seg in snap.texts.segs:
        table = seg.grams
        i = table.index(key)
        if i == -1:
            continue
        src = ranking.Source([], seg.offset, seg.lens, seg.deleted)
        if i < -1:  # one document holds it, once in its body (kept apart from the records)
            d = table.single_docs[-2 - i]
            total += d not in seg.deleted
            short.append((src, grams.single(d)))
            continue
        buf = table.record(i)
        if buf[0] == grams.LAYERED:
            src.layers = grams.decode_long(buf, table.wide)
            total += sum(len(layer.docs) for layer in src.layers)
            sources.append(src)
        else:
            postings = grams.decode_short(buf)
            total += len(postings)
            short.append((src, postings))
        total -= len(seg.verify(seg.deleted, nb, None))
    return (total, sources, short) if sources else None


def _layer_top(sources, short, w, m: int, accept, doc_id) -> tuple[list[int], dict]:
    scored: dict[int, float] = {}
    for src, postings in short:
        scored.update(ranking.scored_postings(postings, w, src, accept))
    scored = ranking.by_layers(sources, scored, w, m, accept)
    return ranking.top(scored, m, doc_id), scored
