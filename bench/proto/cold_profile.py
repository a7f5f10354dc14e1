"""A cold terminal search, as `python -m searcher search Q -i IX`, with phase times and, at
the end, the resident memory per mapping (what was touched): python cold_profile.py PKG IX Q"""

import atexit
import collections
import functools
import os
import re
import sys
import time

T0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
ix, q = sys.argv[2], sys.argv[3]
marks = []
SNAP = []


def mark(label):
    marks.append((label, time.perf_counter() - T0, rss()))


def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024


import searcher.engine as eng
import searcher.search as ss
import searcher.textstore as ts

mark("import searcher")


def timed(owner, name, label):
    f = getattr(owner, name)

    @functools.wraps(f)
    def w(*a, **k):
        mark(label + " start")
        r = f(*a, **k)
        mark(label + " end")
        if label == "search.run":
            SNAP.append(smaps())
        return r

    setattr(owner, name, w)


timed(eng.Reader, "__init__", "whoosh Reader open")
timed(ts.TextStore, "__init__", "TextStore open")
timed(ts.TextStore, "word_total", "word_total")
timed(ss, "run", "search.run")


def smaps():
    per = collections.Counter()
    cur = None
    for line in open("/proc/self/smaps"):
        parts = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            path = parts[5] if len(parts) > 5 else "[anon]"
            base = os.path.basename(path)
            if base.startswith("seg-"):
                base = "seg-*" + os.path.splitext(base)[1]
            elif base.startswith("_MAIN_"):
                base = "_MAIN_*" + os.path.splitext(base)[1]
            elif path.endswith(".so") or ".so." in path:
                base = "[shared libs]"
            cur = base
        elif line.startswith("Rss:") and cur is not None:
            per[cur] += int(line.split()[1])
    return per


@atexit.register
def done():
    mark("exit")
    sys.stderr.write(
        "\n".join(f"{t * 1000:8.1f} ms  RSS {r:5d} MiB  {l}" for l, t, r in marks) + "\n"
    )
    per = SNAP[0] if SNAP else smaps()
    sys.stderr.write(
        "resident per mapping (MiB):\n"
        + "\n".join(f"  {v / 1024:8.1f}  {k}" for k, v in per.most_common(14))
        + "\n"
    )


sys.argv = ["searcher", "search", q, "-i", ix]
from searcher.__main__ import run

run()
