"""Prototype: word probabilities for query segmentation from the term table's statistics
(one term-info lookup per segment) instead of reading every posting of the word. Each of
the 300 unseen queries runs with every cache cleared (as a fresh process would), with the
current code and with the prototype; answers compared. python proto_segment.py PKG IX"""

import os
import statistics
import sys
import time

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import searcher
from common import (
    COMMON_WORDS,
    DEFAULT_CORPUS,
    DEFAULT_WORKDIR,
    Copies,
    read_corpus,
    sample_distinct,
)
from searcher import engine

arts = read_corpus(DEFAULT_CORPUS)
copies = Copies(DEFAULT_CORPUS, 100, DEFAULT_WORKDIR / "copies-100", arts, seed=1998)
qs = sample_distinct(
    lambda rng: copies.make(rng.randrange(100), rng.choice(arts))["body"], 400, 1999, COMMON_WORDS
)[100:]
ix = searcher.open_index(sys.argv[2])
R, T = ix._reader, ix._texts
orig = engine.Reader.frequency


def from_terms(self, field, text):  # no deletions in this index: the same number
    return round(self._s.reader().frequency(field, text))


for q in ["国家", "人民"]:
    ix.search(q, limit=10)
res = {"current": [], "proto": []}
same = 0
for q in qs:
    out = {}
    for label, fn in (("current", orig), ("proto", from_terms)):
        engine.Reader.frequency = fn
        R._postings.clear()
        R._logprob.clear()
        T._counts.clear()
        t0 = time.perf_counter()
        r = ix.search(q, limit=10)
        res[label].append((time.perf_counter() - t0) * 1000)
        out[label] = [(h.id, h.score) for h in r.hits] + [r.total]
    same += out["current"] == out["proto"]
for k, v in res.items():
    c = statistics.quantiles(v, n=100, method="inclusive")
    print(
        f"{k}: caches cleared before each query: p50 {c[49]:.1f} p90 {c[89]:.1f} p99 {c[98]:.1f} ms"
    )
print(f"same answers: {same} of {len(qs)}")
