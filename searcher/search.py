"""Search: a parsed query run against an index -> ranked Hit dataclasses.

Matching is exact first. A literal matches every article that contains its
folded text as a substring (found in the text store, so the set is exactly
what a plain substring search finds); an unquoted literal of several words
also matches articles that hold all its words apart. Ranking sorts by how
many literals match exactly, then how many match as whole words, then BM25F
(title weighted above body).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from searcher import analysis, engine, highlight
from searcher.highlight import Snippet, Span
from searcher.query import And, Literal, Node, Not, Or, literals
from searcher.textstore import TextStore

MATCH_WORD = "word"  # every literal found as a whole word
MATCH_EXACT = "exact"  # every literal found as an exact string
MATCH_LOOSE = "loose"  # some literal found only as its words apart


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
        weights = {"title": engine.TITLE_BOOST, "body": 1.0}
        total = dict.fromkeys(docs, 0.0)
        for lit in lits:
            fw = {f: weights[f] for f in lit.fields}
            for d, sc in self.texts.bm25(lit.folded, lit.exact & docs, fw).items():
                total[d] += sc
            # Articles holding the words apart score on the words (Whoosh's BM25F).
            loose = lit.loose & docs
            if loose:
                terms = [engine.TermRef(engine.WORDS[f], w) for f in lit.fields for w in lit.words]
                for d, sc in self.r.scores(terms, loose).items():
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
    max_cells: int = 120,
    with_snippets: bool = True,
) -> Results:
    t0 = time.perf_counter()
    r = _Run(reader, texts)
    docs = r.eval(node)
    if since or until:
        docs &= reader.docs_in_range("date", since or None, until or None)
    pos = [r.literal(lit) for lit in literals(node)]
    scores = r.scores(pos, docs)

    # (literals matched exactly, as whole words) per document: the ranking tiers
    tiers = {
        d: (sum(d in lit.exact for lit in pos), sum(d in lit.whole for lit in pos)) for d in docs
    }
    ranked = sorted(docs, key=lambda d: (-tiers[d][0], -tiers[d][1], -scores[d], d))
    page = ranked[offset:] if not limit else ranked[offset : offset + limit]
    hits = []
    for rank, d in enumerate(page, offset + 1):
        stored = reader.stored(d)
        title, body = stored.get("title") or "", stored.get("body") or ""
        n_exact, n_whole = tiers[d]
        if pos and n_whole == len(pos):
            match = MATCH_WORD
        elif n_exact == len(pos):
            match = MATCH_EXACT
        else:
            match = MATCH_LOOSE
        hits.append(
            Hit(
                rank=rank,
                id=stored["id"],
                title=title,
                date=stored.get("date") or "",
                source=stored.get("source") or "",
                score=round(scores[d], 4),
                snippets=highlight.snippets(
                    body, r.spans(d, "body", body, pos), max_cells=max_cells
                )
                if with_snippets
                else [],
                author=stored.get("author") or "",
                match=match,
                title_matches=r.spans(d, "title", title, pos) if with_snippets else [],
            )
        )
    elapsed = (time.perf_counter() - t0) * 1000
    return Results(query=text, total=len(ranked), hits=hits, elapsed_ms=round(elapsed, 2))


def highlights(
    reader: engine.Reader, texts: TextStore, node: Node, doc: int, title: str, body: str
) -> tuple[list[Span], list[Span]]:
    """Where a query matches one article's title and body, as a hit would show it."""
    r = _Run(reader, texts)
    pos = [r.literal(lit) for lit in literals(node)]
    return r.spans(doc, "title", title, pos), r.spans(doc, "body", body, pos)
