"""One measured build of the N-copy archive with a prototype package and env toggles:
python build_proto.py PKG SOURCES INDEX LABEL [KEY=VALUE ...]"""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import common

pkg, src, ix, label = sys.argv[1:5]
env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
env["PYTHONPATH"] = pkg
for kv in sys.argv[5:]:
    k, v = kv.split("=", 1)
    env[k] = v
shutil.rmtree(ix, ignore_errors=True)
cmd = [sys.executable, "-m", "searcher", "index", src, "-i", ix, "--rebuild", "--json"]
load = os.getloadavg()[0]
r = common.run_measured(cmd, cwd="/tmp", env=env, sample=True)
rep = common.index_report(r)
size = common.dir_bytes(common.generation_dir(ix))
out = {
    "label": label,
    "load_at_start": load,
    "load_at_end": os.getloadavg()[0],
    **r.figures(),
    "articles": rep.get("articles"),
    "index_bytes": size,
    "stderr": r.stderr[-500:],
}
print(json.dumps(out))
with open(os.path.join(tempfile.gettempdir(), "build_protos.jsonl"), "a") as f:
    f.write(json.dumps(out) + "\n")
