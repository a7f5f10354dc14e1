"""Prototype: a cold terminal search that reads only what the page of hits needs.

prepare: for each needle (two characters), write its exact bigram postings as they would be
on disk (doc numbers, tf title/body, lengths, grouped in impact layers) to NEEDLE.bin in OUT.
run: a fresh process opens the index as `searcher search` does, reads NEEDLE.bin, ranks with
the layered top-k of proto_query.py, prints ten hits with snippets; prints wall time and
peak RSS to stderr. Query segmentation is not needed (a two-character query that the index
holds as a word); the whole-word tier reads the word's postings from Whoosh.

python proto_cold.py prepare PKG IX OUT NEEDLE...
python proto_cold.py run PKG IX OUT NEEDLE
"""

import sys
import time

T0 = time.perf_counter()
mode, pkg, ixp, out = sys.argv[1:5]
sys.path.insert(0, pkg)
import heapq
import math
import pickle
from array import array

import searcher
from searcher import highlight
from searcher.search import K1, _idf, _length_norm


def rss_peak() -> int:
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024
    return 0


ix = searcher.open_index(ixp)
R, T = ix._reader, ix._texts
if mode == "prepare":
    for needle in sys.argv[5:]:
        counts = T.counts(needle)
        by: dict = {}
        for d in sorted(counts):
            t, b = counts[d]
            lt, lb = T.lengths(d)
            by.setdefault((t, b), []).append((lb, lt, d))
        layers = []
        for (x, y), rows in by.items():
            rows.sort()
            suf, m = [0] * len(rows), 1 << 62
            for j in range(len(rows) - 1, -1, -1):
                m = min(m, rows[j][1])
                suf[j] = m
            cols = [array("I", (r[k] for r in rows)) for k in range(3)]
            layers.append((x, y, [c.tobytes() for c in cols], array("I", suf).tobytes()))
        with open(f"{out}/{needle}.bin", "wb") as f:
            pickle.dump((len(counts), layers), f)
    sys.exit()

needle = sys.argv[5]
k = 10
with open(f"{out}/{needle}.bin", "rb") as f:
    n_exact, raw = pickle.load(f)
layers = []
for x, y, cols, suf in raw:
    arrs = []
    for c in (*cols, suf):
        a = array("I")
        a.frombytes(c)
        arrs.append(a)
    layers.append((x, y, *arrs))
idf = _idf(T.doc_count, n_exact)
tw, bw = idf * 2.5 * (K1 + 1), idf * 1.0 * (K1 + 1)
(at, ct), (ab, cb) = _length_norm(T.avg_length("title")), _length_norm(T.avg_length("body"))
whole: set[int] = set()
for fld in ("title", "body"):
    whole |= R.docs_with_term(fld, needle)


def f(w, tf, a, c, ln):
    return w * tf / (tf + a + c * ln) if tf else 0.0


heap = [
    (-(f(tw, x, at, ct, suf[0]) + f(bw, y, ab, cb, lb[0])) * (1 + 1e-9), gi, 0)
    for gi, (x, y, lb, lt, docs, suf) in enumerate(layers)
]
heapq.heapify(heap)
need_whole = min(k, len(whole))
tops: dict[int, list] = {1: [], 0: []}


class _Neg(str):
    def __lt__(self, o):
        return str.__gt__(self, o)

    def __gt__(self, o):
        return str.__lt__(self, o)


def kth(tier, want):
    h = tops[tier]
    return h[0][0] if len(h) >= want else -1.0


while heap:
    nb, gi, pos = heap[0]
    w1 = kth(1, need_whole) if need_whole else math.inf
    w0 = kth(0, k - need_whole) if k > need_whole else math.inf
    if -nb < w1 and -nb < w0:
        break
    x, y, lb, lt, docs, suf = layers[gi]
    d = docs[pos]
    tier = 1 if d in whole else 0
    want = need_whole if tier else k - need_whole
    if want:
        sc = 0.0
        if x:
            sc += tw * x / (x + at + ct * lt[pos])
        if y:
            sc += bw * y / (y + ab + cb * lb[pos])
        item = (sc, _Neg(T.doc_id(d)), d)
        h = tops[tier]
        if len(h) < want:
            heapq.heappush(h, item)
        elif item[:2] > h[0][:2]:
            heapq.heapreplace(h, item)
    if pos + 1 < len(docs):
        bound = f(tw, x, at, ct, suf[pos + 1]) + f(bw, y, ab, cb, lb[pos + 1])
        heapq.heapreplace(heap, (-bound * (1 + 1e-9), gi, pos + 1))
    else:
        heapq.heappop(heap)
top = [x for t in (1, 0) for x in sorted(tops[t], reverse=True)][:k]
for rank, (sc, _, d) in enumerate(top, 1):
    s = R.stored(d)
    body = s.get("body") or ""
    snip = highlight.snippets(body, highlight.find_spans(body, [needle]))
    print(f"{rank}. {s.get('title')} [{s['id']}] {sc:.4f}\n   {snip[0].text if snip else ''}")
ix.close()
sys.stderr.write(f"wall {time.perf_counter() - T0:.3f} s, peak RSS {rss_peak()} MiB\n")
