"""CPU seconds (user + system) of a build's whole process tree, from /proc, each process's
last reading kept after it exits: python cpuwatch.py SUBSTRING_OF_COMMAND OUT.json"""

import json
import os
import sys
import time

target, out = sys.argv[1], sys.argv[2]
tck = os.sysconf("SC_CLK_TCK")


def cmd(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def find():
    for p in os.listdir("/proc"):
        if p.isdigit():
            c = cmd(p)
            if "-m searcher index" in c and target in c and not c.startswith("/usr/bin/time"):
                return int(p)
    return None


def tree(root):
    kids = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    st = f.read()
            except OSError:
                continue
            kids.setdefault(int(st[st.rindex(")") + 2 :].split()[1]), []).append(int(p))
    res, i = [root], 0
    while i < len(res):
        res += kids.get(res[i], [])
        i += 1
    return res


while (root := find()) is None:
    time.sleep(0.2)
t0 = time.time()
cpu: dict[int, float] = {}
while os.path.exists(f"/proc/{root}"):
    for p in tree(root):
        try:
            with open(f"/proc/{p}/stat") as f:
                st = f.read()
            fl = st[st.rindex(")") + 2 :].split()
            cpu[p] = (int(fl[11]) + int(fl[12])) / tck
        except (OSError, ValueError):
            pass
    time.sleep(0.5)
res = {"target": target, "wall": time.time() - t0, "cpu_total": sum(cpu.values()), "per_pid": cpu}
with open(out, "w") as f:
    json.dump(res, f)
print(json.dumps({k: res[k] for k in ("wall", "cpu_total")}))
