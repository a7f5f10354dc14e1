"""Where a warm query's time goes on the 100-copy index: phases, and cProfile of the slowest."""

import cProfile
import io
import json
import os
import pstats
import sys
import time

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import searcher

import phases

ix_path = sys.argv[2]
run = json.load(open(sys.argv[3]))
per = run["copies"]["warm_ms"]["searcher"]["per_query"]
slow = sorted(per, key=per.get, reverse=True)[:8]
ix = searcher.open_index(ix_path)
warm = ["国家", "人民", "工作", "企业"]  # code paths and the big maps, not the measured strings
for q in warm:
    ix.search(q, limit=10)
phases.install()
for q in ["经济", "发展", "最近"] + slow:
    t0 = time.perf_counter()
    r = ix.search(q, limit=10)
    t = time.perf_counter() - t0
    print(f"\n== {q!r}: total {r.total}, baseline run {per.get(q, 'n/a')} ms")
    print(phases.report(t))
# cProfile of a fresh common word (not yet asked)
for q in ["社会", "问题"]:
    pr = cProfile.Profile()
    pr.enable()
    r = ix.search(q, limit=10)
    pr.disable()
    s = io.StringIO()
    pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(18)
    print(f"\n== cProfile {q!r} total {r.total}\n" + s.getvalue()[:5000])
