"""run.py's N-copy warm measurement (same 100 warm-up + 300 unseen queries + common words) on
any index, with any package: python warm_on.py PKG INDEX [LABEL]"""

import json
import os
import sys
import tempfile

pkg, ix = sys.argv[1], sys.argv[2]
sys.path.insert(0, pkg)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from common import (
    COMMON_WORDS,
    DEFAULT_CORPUS,
    DEFAULT_WORKDIR,
    Copies,
    read_corpus,
    sample_distinct,
    unseen_latency,
)

arts = read_corpus(DEFAULT_CORPUS)
n = 100
copies = Copies(DEFAULT_CORPUS, n, DEFAULT_WORKDIR / f"copies-{n}", arts, seed=1998)
cpool = sample_distinct(
    lambda rng: copies.make(rng.randrange(n), rng.choice(arts))["body"], 400, 1999, COMMON_WORDS
)
import searcher

load = os.getloadavg()[0]
with searcher.open_index(ix) as x:
    w = unseen_latency(lambda q: x.search(q, limit=10), cpool[:100], cpool[100:])
out = {
    "label": sys.argv[3] if len(sys.argv) > 3 else ix,
    "load": load,
    **{k: w[k] for k in ("p50", "p90", "p99", "max", "common_ms")},
}
print(json.dumps(out, ensure_ascii=False))
with open(os.path.join(tempfile.gettempdir(), "warm_on.jsonl"), "a") as f:
    f.write(json.dumps(out | {"per_query": w["per_query"]}, ensure_ascii=False) + "\n")
