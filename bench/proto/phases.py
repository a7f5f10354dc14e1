"""Inclusive time per phase of Index.search, by wrapping the functions of the current code."""

import collections
import functools
import time

from searcher import analysis, engine, highlight, search, textstore

ACC = collections.defaultdict(float)
CNT = collections.Counter()


def wrap(owner, name, label=None):
    f = getattr(owner, name)
    label = label or f"{getattr(owner, '__name__', owner)}.{name}"

    @functools.wraps(f)
    def w(*a, **k):
        t0 = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            ACC[label] += time.perf_counter() - t0
            CNT[label] += 1

    setattr(owner, name, w)


def install():
    wrap(textstore.TextStore, "counts", "text: exact match (TextStore.counts)")
    wrap(textstore._Segment, "candidates", "text: bigram buckets (candidates)")
    wrap(textstore._Segment, "ids", "text: ids JSON load")
    wrap(engine.Reader, "postings", "whoosh: postings read (Reader.postings)")
    wrap(engine.Reader, "stored", "whoosh: stored fields (Reader.stored)")
    wrap(search, "exact_bm25", "rank: exact_bm25 (all matches)")
    wrap(search, "words_bm25", "rank: words_bm25")
    wrap(search, "rank", "rank: sort all matches (search.rank)")
    wrap(search, "_hit", "hits: make 10 hits (_hit)")
    wrap(highlight, "snippets", "hits: snippets")
    wrap(highlight, "find_spans", "hits: find_spans")
    wrap(analysis, "segment", "query: segment")
    wrap(search, "_filter", "eval+filter (r.eval)")


def report(total):
    rows = sorted(ACC.items(), key=lambda kv: -kv[1])
    out = [f"{total * 1000:8.1f} ms total"]
    for k, v in rows:
        out.append(f"{v * 1000:8.1f} ms  {CNT[k]:6d}×  {k}")
    ACC.clear()
    CNT.clear()
    return "\n".join(out)
