"""Terms: a parsed query's literals resolved into what engines match.

Each literal of a query tree (``searcher.query``) becomes a ``Term``: its folded
string (the same folding as the index), its fields, and its words, segmented
with the index's own word statistics (jieba's method over the index's
vocabulary, so a query never loads jieba's dictionary and every engine cuts it
the same way). The statistics are asked for once per query, for every string
segmentation may look up. ``key_terms`` picks an article's words with the
highest tf-idf for ``similar``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from searcher import analysis
from searcher.engine import TEXT_FIELDS, Match, Term, WordStats
from searcher.query import Literal, Near, Node, Not, Or, literals

MAX_WORD = 12  # the longest word segmentation looks up, in characters
SIMILAR_TERMS = 15

Stats = Callable[[Iterable[str]], WordStats]


@dataclass(frozen=True)
class Query:
    """A query resolved for the engines: the tree with ``Term`` leaves, and its
    positive terms (those not under a NOT) in order, which rank and highlight."""

    text: str
    tree: object
    terms: tuple[Term, ...]

    def needles(self, m: Match, field: str) -> list[str]:
        """What to highlight in one field of a matched article: each term found exactly
        as its string, each found only apart as its words."""
        out: list[str] = []
        for i, t in enumerate(self.terms):
            if field not in t.fields:
                continue
            if i in m.exact:
                out.append(t.folded)
            elif i in m.loose:
                out += t.words
        return out


def _folded(lit: Literal) -> str:
    folded = analysis.fold(lit.text)
    return " ".join(folded.split()) if lit.quoted else folded.strip()


def _candidates(folded: str) -> set[str]:
    """Every string segmenting folded text may look up: itself, and each run's substrings."""
    out = {folded}
    for run in analysis.cjk_runs(folded):
        for i in range(len(run)):
            out.update(run[i : i + n] for n in range(1, MAX_WORD + 1) if i + n <= len(run))
    return out


def _logprob(stats: WordStats) -> Callable[[str], float | None]:
    log_total = math.log(stats.total or 1)
    frequency = stats.frequency

    def lp(word: str) -> float | None:
        freq = frequency.get(word)
        return math.log(freq) - log_total if freq else None

    return lp


def _words(folded: str, stats: WordStats) -> list[str]:
    # A string the index holds as a word needs no segmenting.
    if " " not in folded and stats.documents.get(folded):
        return [folded]
    lp = _logprob(stats)
    return analysis.words(folded, lambda run: analysis.segment(run, lp, MAX_WORD))


def term(lit: Literal, stats: WordStats) -> Term:
    folded = _folded(lit)
    words = _words(folded, stats)
    if len(words) > 1:
        # Apart, lone characters (的, 了, 有) say little and match nearly everything.
        words = list(dict.fromkeys(w for w in words if len(w) > 1 or w.isascii()))
    fields = (lit.field,) if lit.field else TEXT_FIELDS
    return Term(folded, fields, tuple(words), loose=not lit.quoted and len(words) > 1)


def _statistics(lits: list[Literal], stats: Stats) -> WordStats:
    """What the engine knows of every string resolving lits may look up.

    Asked in two rounds at most: the literals themselves first (a literal the
    index holds as a word needs no segmenting), then every substring
    segmentation may look up, for the literals that are not words.
    """
    folded = sorted({_folded(lit) for lit in lits})
    first = stats(folded)
    wanted: set[str] = set()
    for f in folded:
        if " " in f or not first.documents.get(f):
            wanted |= _candidates(f)
    wanted -= set(folded)
    if not wanted:
        return first
    more = stats(sorted(wanted))
    return WordStats(
        more.articles,
        more.total,
        {**first.frequency, **more.frequency},
        {**first.documents, **more.documents},
    )


def resolve(text: str, node: Node, stats: Stats) -> Query:
    """The query tree with its literals resolved, asking the engine for statistics
    at most twice."""
    lits = literals(node) + literals(node, False)
    ws = _statistics(lits, stats)
    resolved = {lit: term(lit, ws) for lit in lits}

    def build(n: Node):
        if isinstance(n, Literal):
            return resolved[n]
        if isinstance(n, Not):
            return Not(build(n.child))
        if isinstance(n, Near):
            return Near(resolved[n.left], resolved[n.right], n.distance)
        return type(n)(tuple(build(c) for c in n.children))

    return Query(text, build(node), tuple(resolved[lit] for lit in literals(node)))


def key_terms(folded: str, stats: Stats, n: int = SIMILAR_TERMS) -> list[str]:
    """The n words of folded text with the highest tf-idf, best first.

    The text is segmented with the index's own vocabulary (no jieba). Single
    characters, words without a letter (numbers, punctuation) and words no other
    article holds are left out. idf is BM25's, over the live articles holding
    the word in the title or the body, whichever is more.
    """
    ws = stats(sorted(_candidates(folded)))
    lp = _logprob(ws)
    words = analysis.words(folded, lambda run: analysis.segment(run, lp, MAX_WORD))
    tf = Counter(w for w in words if len(w) > 1 and any(c.isalpha() for c in w))
    total = ws.articles
    scored: list[tuple[float, int, str]] = []
    for i, (w, count) in enumerate(tf.items()):  # first occurrence order breaks ties
        df = ws.documents.get(w, 0)
        if df < 2:
            continue
        idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
        scored.append((-count * idf, i, w))
    return [w for _, _, w in sorted(scored)[:n]]


def similar_query(article_id: str, words: list[str]) -> Query:
    """The query of ``similar``: its key terms as one OR, each matched as a word."""
    ts = tuple(Term(w, TEXT_FIELDS, (w,), word_only=True) for w in words)
    tree = ts[0] if len(ts) == 1 else Or(ts)
    return Query(f"similar:{article_id}", tree, ts)
