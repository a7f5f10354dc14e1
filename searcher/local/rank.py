"""Rank: the first m of a ranking without ranking everything.

The order is by score, highest first, then by article id. ``top`` picks the
first m of scored documents (equal scores at the cut are all looked at, then
ordered by id), which is exactly the first m of a full sort. ``by_layers``
does it for one exact string whose bigram lists are stored in impact layers
(``grams``): each layer holds the documents with the same occurrences in title
and body, by body length, so the next document of a layer bounds every
document after it (BM25 falls as a field grows); layers are read best bound
first and the reading stops once no bound reaches the m-th score. The scores
are computed with the same operations in the same order as ``match.exact_bm25``,
so they are equal to the last bit, and the bounds are exact (rounding is
monotone), so nothing that could reach the page, or tie with its last hit, is
passed over.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass


def top(scores: dict[int, float], m: int, doc_id: Callable[[int], str]) -> list[int]:
    """The first m documents of scores by (score descending, id ascending)."""
    if len(scores) <= m:
        return sorted(scores, key=lambda d: (-scores[d], doc_id(d)))
    best = heapq.nlargest(m, scores, key=scores.__getitem__)
    cut = scores[best[-1]]
    above = sorted((d for d in best if scores[d] > cut), key=lambda d: (-scores[d], doc_id(d)))
    ties = sorted((d for d, s in scores.items() if s == cut), key=doc_id)
    return (above + ties)[:m]


@dataclass(frozen=True)
class Weights:
    """One exact string's BM25F weights: title and body factors and length norms."""

    tw: float  # idf * title weight * (K1 + 1); 0.0 when the title is not searched
    bw: float
    at: float  # K1 * (1 - B), for the title
    ct: float  # K1 * B / average title length
    ab: float
    cb: float

    def score(self, tt: int, tb: int, lt: int, lb: int) -> float:
        """As ``match.exact_bm25`` computes it (the same operations, in order)."""
        score = 0.0
        if self.tw and tt:
            score += self.tw * tt / (tt + self.at + self.ct * lt)
        if self.bw and tb:
            score += self.bw * tb / (tb + self.ab + self.cb * lb)
        return score


@dataclass
class Source:
    """A segment's layers of one key: documents numbered from offset, lengths by
    local number (title at 2d, body at 2d + 1), deleted local numbers."""

    layers: list
    offset: int
    lens: object
    deleted: frozenset[int]


def by_layers(
    sources: list[Source],
    scored: dict[int, float],
    w: Weights,
    m: int,
    accept: Callable[[int], bool],
) -> dict[int, float]:
    """scored (documents already scored, e.g. from short lists) and the documents of
    the layers that can be among the first m accepted ones, with their scores."""
    heap: list[tuple[float, int, int]] = []  # (-bound, layer, position)
    flat = []
    for src in sources:
        for layer in src.layers:
            flat.append((layer, src))
            heap.append((-_bound(w, layer, src, 0), len(flat) - 1, 0))
    heapq.heapify(heap)
    best: list[float] = []  # the m best scores so far (a min-heap)
    for s in scored.values():
        _keep(best, s, m)
    while heap:
        nb, g, i = heap[0]
        if len(best) >= m and -nb < best[0]:
            break
        layer, src = flat[g]
        d = layer.docs[i]
        if i + 1 < len(layer.docs):
            heapq.heapreplace(heap, (-_bound(w, layer, src, i + 1), g, i + 1))
        else:
            heapq.heappop(heap)
        doc = d + src.offset
        if d in src.deleted or not accept(doc):
            continue
        lens = src.lens
        s = w.score(layer.tt, layer.tb, lens[2 * d], lens[2 * d + 1])
        scored[doc] = s
        _keep(best, s, m)
    return scored


def _bound(w: Weights, layer, src: Source, i: int) -> float:
    """The best score of the layer's documents from position i on."""
    return w.score(layer.tt, layer.tb, layer.min_title, src.lens[2 * layer.docs[i] + 1])


def _keep(best: list[float], s: float, m: int) -> None:
    if len(best) < m:
        heapq.heappush(best, s)
    elif s > best[0]:
        heapq.heapreplace(best, s)


def scored_postings(postings, w: Weights, src: Source, accept) -> dict[int, float]:
    """Scores of the postings of a short list (``grams.Postings``)."""
    out = {}
    lens = src.lens
    for d, tt, tb in zip(postings.docs, postings.tt, postings.tb):
        doc = d + src.offset
        if d not in src.deleted and accept(doc):
            out[doc] = w.score(tt, tb, lens[2 * d], lens[2 * d + 1])
    return out
