"""Prototype (phase 1, issue 14): a two-character query answered from an exact bigram table,
top-k with block-max score bounds instead of ranking every match. The table is made here for
the needed bigrams only (from the text store, outside the timing); what is timed is what a
query would do with such a table on disk. Checked: the same ten ids, scores and snippets as
Index.search. python proto_query.py PKG IX RUN_JSON"""

import heapq
import json
import math
import sys
import time
from array import array
from itertools import accumulate

sys.path.insert(0, sys.argv[1])
import searcher
from searcher import highlight
from searcher.search import K1, _idf, _length_norm

BLOCK = 128
ix = searcher.open_index(sys.argv[2])
R, T = ix._reader, ix._texts
run = json.load(open(sys.argv[3]))
per = run["copies"]["warm_ms"]["searcher"]["per_query"]
two = [q for q in per if len(q) == 2]
queries = ["经济", "发展", "最近"] + two


class Table:
    """One bigram's exact postings: doc (delta-coded uint32 on disk), tf title, tf body
    (uint16, as varbytes on disk), and per block of 128: max tf and min length per field."""

    def __init__(self, counts):
        docs = sorted(counts)
        self.docs = array("I", docs)
        self.tft = array("H", (min(counts[d][0], 65535) for d in docs))
        self.tfb = array("H", (min(counts[d][1], 65535) for d in docs))
        self.deltas = array("I", (b - a for a, b in zip([0] + docs[:-1], docs))).tobytes()
        lt = [T.lengths(d) for d in docs]
        self.lent = array("I", (x[0] for x in lt))
        self.lenb = array("I", (x[1] for x in lt))
        n = len(docs)
        self.blocks = []
        for s in range(0, n, BLOCK):
            e = min(n, s + BLOCK)
            self.blocks.append(
                (
                    s,
                    e,
                    max(self.tft[s:e]),
                    max(self.tfb[s:e]),
                    min(self.lent[s:e]),
                    min(self.lenb[s:e]),
                )
            )


def proto_search(needle, tab, k=10):
    t0 = time.perf_counter()
    # what reading it costs: the doc numbers decoded from delta bytes
    d2 = array("I")
    d2.frombytes(tab.deltas)
    docs = array("I", accumulate(d2))
    n_exact = len(docs)
    idf = _idf(T.doc_count, n_exact)
    tw = idf * 2.5 * (K1 + 1)
    bw = idf * 1.0 * (K1 + 1)
    (at, ct), (ab, cb) = _length_norm(T.avg_length("title")), _length_norm(T.avg_length("body"))
    # whole-word tier: documents holding the word (Whoosh postings, read fresh)
    t1 = time.perf_counter()
    R._postings.clear()
    whole = set()
    if R.has_term("title", needle) or R.has_term("body", needle):
        for f in ("title", "body"):
            whole |= R.docs_with_term(f, needle)
    t2 = time.perf_counter()
    tft, tfb, lent, lenb = tab.tft, tab.tfb, tab.lent, tab.lenb

    def score(i):
        s = 0.0
        if tft[i]:
            s += tw * tft[i] / (tft[i] + at + ct * lent[i])
        if tfb[i]:
            s += bw * tfb[i] / (tfb[i] + ab + cb * lenb[i])
        return s

    def bound(b):
        _, _, mt, mb, lt, lb = b
        s = 0.0
        if mt:
            s += tw * mt / (mt + at + ct * lt)
        if mb:
            s += bw * mb / (mb + ab + cb * lb)
        return s * (1 + 1e-9)

    order = sorted(tab.blocks, key=bound, reverse=True)
    # tier 1 (whole word) then tier 2, each a heap of the k best (score, then id ascending)
    need_whole = min(k, len(whole))
    heaps = {1: [], 0: []}
    evaluated = 0

    def kth(tier, want):
        h = heaps[tier]
        return h[0][0] if len(h) >= want else -1.0

    for b in order:
        bd = bound(b)
        w1 = kth(1, need_whole) if need_whole else math.inf
        w0 = kth(0, k - need_whole) if k > need_whole else math.inf
        if bd < w1 and bd < w0:
            break
        s, e = b[0], b[1]
        for i in range(s, e):
            d = docs[i]
            tier = 1 if d in whole else 0
            want = need_whole if tier else k - need_whole
            if not want:
                continue
            sc = score(i)
            evaluated += 1
            h = heaps[tier]
            if len(h) < want:
                heapq.heappush(h, (sc, _Neg(T.doc_id(d)), d))
            elif (sc, _Neg(T.doc_id(d))) > h[0][:2]:
                heapq.heapreplace(h, (sc, _Neg(T.doc_id(d)), d))
    top = [x for t in (1, 0) for x in sorted(heaps[t], reverse=True)]
    t3 = time.perf_counter()
    hits = []
    for _rank, (sc, _, d) in enumerate(top[:k], 1):
        stored = R.stored(d)
        title, body = stored.get("title") or "", stored.get("body") or ""
        hits.append(
            (
                stored["id"],
                round(sc, 4),
                highlight.snippets(body, highlight.find_spans(body, [needle])),
                highlight.find_spans(title, [needle]),
            )
        )
    t4 = time.perf_counter()
    return (
        hits,
        n_exact,
        evaluated,
        {
            "decode": t1 - t0,
            "word postings": t2 - t1,
            "top-k": t3 - t2,
            "hits": t4 - t3,
            "total": t4 - t0,
        },
    )


def layered_search(needle, tab, k=10):
    """Impact layers: postings grouped by (tf title, tf body), each group sorted by body
    length (then title length); a group's next posting bounds the rest of it (score falls
    with length), title lengths bounded by the group's suffix minimum. Threshold algorithm
    over the groups: exact top-k, evaluating few postings. The layout is made outside the
    timing (it would be the table's on-disk order for long lists)."""
    t0 = time.perf_counter()
    n_exact = len(tab.docs)
    idf = _idf(T.doc_count, n_exact)
    tw = idf * 2.5 * (K1 + 1)
    bw = idf * 1.0 * (K1 + 1)
    (at, ct), (ab, cb) = _length_norm(T.avg_length("title")), _length_norm(T.avg_length("body"))
    R._postings.clear()
    whole = set()
    if R.has_term("title", needle) or R.has_term("body", needle):
        for f in ("title", "body"):
            whole |= R.docs_with_term(f, needle)
    t1 = time.perf_counter()

    def f(w, tf, a, c, l):
        return w * tf / (tf + a + c * l) if tf else 0.0

    heap = []  # (-bound, group index, position)
    groups = tab.layers
    for gi, (x, y, rows, sufmin) in enumerate(groups):
        b = (f(tw, x, at, ct, sufmin[0]) + f(bw, y, ab, cb, rows[0][1])) * (1 + 1e-9)
        heap.append((-b, gi, 0))
    heapq.heapify(heap)
    need_whole = min(k, len(whole))
    tops = {1: [], 0: []}
    evaluated = 0

    def kth(tier, want):
        h = tops[tier]
        return h[0][0] if len(h) >= want else -1.0

    while heap:
        nb, gi, pos = heap[0]
        w1 = kth(1, need_whole) if need_whole else math.inf
        w0 = kth(0, k - need_whole) if k > need_whole else math.inf
        if -nb < w1 and -nb < w0:
            break
        x, y, rows, sufmin = groups[gi]
        d, lb, lt = rows[pos]
        tier = 1 if d in whole else 0
        want = need_whole if tier else k - need_whole
        if want:
            sc = 0.0
            if x:
                sc += tw * x / (x + at + ct * lt)
            if y:
                sc += bw * y / (y + ab + cb * lb)
            evaluated += 1
            item = (sc, _Neg(T.doc_id(d)), d)
            h = tops[tier]
            if len(h) < want:
                heapq.heappush(h, item)
            elif item[:2] > h[0][:2]:
                heapq.heapreplace(h, item)
        if pos + 1 < len(rows):
            b = (f(tw, x, at, ct, sufmin[pos + 1]) + f(bw, y, ab, cb, rows[pos + 1][1])) * (
                1 + 1e-9
            )
            heapq.heapreplace(heap, (-b, gi, pos + 1))
        else:
            heapq.heappop(heap)
    top = [x for t in (1, 0) for x in sorted(tops[t], reverse=True)]
    t2 = time.perf_counter()
    hits = []
    for _rank, (sc, _, d) in enumerate(top[:k], 1):
        stored = R.stored(d)
        title, body = stored.get("title") or "", stored.get("body") or ""
        hits.append(
            (
                stored["id"],
                round(sc, 4),
                highlight.snippets(body, highlight.find_spans(body, [needle])),
                highlight.find_spans(title, [needle]),
            )
        )
    t3 = time.perf_counter()
    return (
        hits,
        n_exact,
        evaluated,
        {"word postings": t1 - t0, "top-k": t2 - t1, "hits": t3 - t2, "total": t3 - t0},
    )


def make_layers(tab):
    by = {}
    for i, d in enumerate(tab.docs):
        by.setdefault((tab.tft[i], tab.tfb[i]), []).append((d, tab.lenb[i], tab.lent[i]))
    out = []
    for (x, y), rows in by.items():
        rows.sort(key=lambda r: (r[1], r[2]))
        suf = [0] * len(rows)
        m = 1 << 62
        for j in range(len(rows) - 1, -1, -1):
            m = min(m, rows[j][2])
            suf[j] = m
        out.append((x, y, rows, suf))
    tab.layers = out


class _Neg(str):
    """Reversed string order, so a min-heap on (score, _Neg(id)) keeps the lowest id on ties."""

    def __lt__(self, o):
        return str.__gt__(self, o)

    def __gt__(self, o):
        return str.__lt__(self, o)

    def __le__(self, o):
        return str.__ge__(self, o)

    def __ge__(self, o):
        return str.__le__(self, o)


T.doc_id(0)  # the ids, loaded once (a prototype of its own: lazy ids)
for q in ["国家", "人民"]:
    ix.search(q, limit=10)
rows = []
LAY = []
for q in queries:
    T._counts.clear()
    R._postings.clear()
    t0 = time.perf_counter()
    cur = ix.search(q, limit=10)
    tc = (time.perf_counter() - t0) * 1000
    tab = Table(T.counts(q))
    hits, n, ev, ph = proto_search(q, tab)
    make_layers(tab)
    T._counts.clear()
    lh, _, lev, lph = layered_search(q, tab)
    lsame = [
        (h.id, h.score, [(s.text, s.matches) for s in h.snippets], h.title_matches)
        for h in cur.hits
    ] == [(i, s, [(x.text, x.matches) for x in sn], tm) for i, s, sn, tm in lh]
    print(
        f"  layered: {lph['total'] * 1000:.1f} ms, scored {lev}, {len(tab.layers)} groups, same {lsame}, { {k: round(v * 1000, 2) for k, v in lph.items()} }",
        flush=True,
    )
    LAY.append((q, lph["total"] * 1000, lsame, lev))
    same = [
        (h.id, h.score, [(s.text, s.matches) for s in h.snippets], h.title_matches)
        for h in cur.hits
    ] == [(i, s, [(x.text, x.matches) for x in sn], tm) for i, s, sn, tm in hits]
    rows.append(
        (q, n, tc, ph["total"] * 1000, ev, same, {k: round(v * 1000, 2) for k, v in ph.items()})
    )
    print(
        f"{q}\tmatches {n}\tcurrent {tc:.1f} ms\tproto {ph['total'] * 1000:.1f} ms\tscored {ev}\tsame {same}\t{ {k: round(v * 1000, 2) for k, v in ph.items()} }",
        flush=True,
    )
import statistics

cur_ms = [r[2] for r in rows[3:]]
pro_ms = [r[3] for r in rows[3:]]
print(
    f"two-character sample queries: {len(cur_ms)}; current p50 {statistics.median(cur_ms):.1f} max {max(cur_ms):.1f}; proto p50 {statistics.median(pro_ms):.1f} max {max(pro_ms):.1f}; all same: {all(r[5] for r in rows)}"
)
lay = [r[1] for r in LAY[3:]]
print(
    f"layered: two-character p50 {statistics.median(lay):.1f} max {max(lay):.1f}; common words {[round(r[1], 1) for r in LAY[:3]]}; all same: {all(r[2] for r in LAY)}"
)
