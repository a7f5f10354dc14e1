import json
import os
import statistics
import sys
import time

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import searcher

import phases

per = json.load(open(sys.argv[3]))["copies"]["warm_ms"]["searcher"]["per_query"]
med = statistics.median(per.values())
qs = sorted((q for q in per if len(q) >= 3), key=lambda q: abs(per[q] - med))[:6]
ix = searcher.open_index(sys.argv[2])
for q in ["国家", "人民", "工作", "企业"]:
    ix.search(q, limit=10)
phases.install()
for q in qs:
    ix._texts._counts.clear()
    ix._reader._postings.clear()
    t0 = time.perf_counter()
    r = ix.search(q, limit=10)
    t = time.perf_counter() - t0
    print(f"\n== {q!r}: total {r.total}, baseline run {per[q]:.1f} ms")
    print(phases.report(t))
