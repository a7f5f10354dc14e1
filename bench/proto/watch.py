"""Passive watcher of the 100-copy build: per-process PSS/RSS/CPU timeline, staging files,
and py-spy record of the build process and its workers. Started before run.py; waits."""

import contextlib
import glob
import json
import os
import subprocess
import sys
import time

target = sys.argv[1]  # substring of the build command line, e.g. searcher-copies-100
out = sys.argv[2]


def cmdline(pid):
    try:
        return open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def find():
    for p in os.listdir("/proc"):
        if p.isdigit():
            c = cmdline(p)
            if "-m searcher index" in c and target in c and "time" not in c.split()[0]:
                return int(p)


def children(root):
    kids = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            st = open(f"/proc/{p}/stat").read()
        except OSError:
            continue
        ppid = int(st[st.rindex(")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(p))
    out, i = [root], 0
    while i < len(out):
        out += kids.get(out[i], [])
        i += 1
    return out


def mem(pid):
    r = {}
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            k = line.split(":")[0]
            if k in ("Rss", "Pss", "Pss_Anon", "Pss_File", "Anonymous"):
                r[k] = int(line.split()[1]) // 1024
        st = open(f"/proc/{pid}/stat").read()
        f = st[st.rindex(")") + 2 :].split()
        r["cpu"] = (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        pass
    return r


while (pid := find()) is None:
    time.sleep(0.2)
t0 = time.time()
spy = subprocess.Popen(
    [
        "py-spy",
        "record",
        "--pid",
        str(pid),
        "--rate",
        "10",
        "--subprocesses",
        "--idle",
        "--format",
        "raw",
        "-o",
        out + ".spy.txt",
        "--nonblocking",
    ],
    stdout=subprocess.DEVNULL,
    stderr=open(out + ".spy.err", "w"),
)
stage = None
with open(out + ".timeline.jsonl", "w") as f:
    while os.path.exists(f"/proc/{pid}"):
        pids = children(pid)
        rec = {"t": round(time.time() - t0, 2), "procs": {p: mem(p) for p in pids}}
        ix = target if target.startswith("/") else None
        gs = glob.glob(os.path.join(sys.argv[3], ".staging-*")) + glob.glob(
            os.path.join(sys.argv[3], "*staging*")
        )
        if gs:
            files = (
                [os.path.join(gs[0], x) for x in os.listdir(gs[0])] if os.path.isdir(gs[0]) else []
            )
            sizes = {}
            for x in files:
                with contextlib.suppress(OSError):
                    sizes[os.path.basename(x)] = os.path.getsize(x)
            rec["staging_files"] = len(sizes)
            rec["staging_bytes"] = sum(sizes.values())
            newest = sorted(files, key=lambda x: os.path.getmtime(x) if os.path.exists(x) else 0)[
                -3:
            ]
            rec["newest"] = [os.path.basename(x) for x in newest]
        f.write(json.dumps(rec) + "\n")
        f.flush()
        time.sleep(1.0)
spy.wait()
