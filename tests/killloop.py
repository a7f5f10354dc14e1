"""Kill loop: stop `searcher index` at random moments and check nothing is lost.

Used by tests/test_faults.py (a small configuration) and bench/killloop.py (a
longer one). An index is moved back and forth between two versions of its
sources, A and B; each step starts `searcher index` (an update, or a rebuild
with --rebuild) towards the other version in a fresh process, sends it a
signal after a seeded random delay, and then checks that

- the index opens and answers a fixed set of queries exactly as a fresh build
  of A or of B does (all queries from the same one: never a mix);
- after SIGINT (SIGTERM) the process said one line, "interrupted (terminated),
  previous index kept", and exited 130 (143);
- the next `searcher index` completes and answers as B (the new version) does;
- no staging folder is left behind and at most two generations are kept.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import searcher

ROOT = Path(__file__).resolve().parent.parent
PER_FILE = 60  # articles per source file: 300 in all
STARTUP = 0.2  # seconds: Python's own start-up, before any searcher code runs (0.06 s
# median here, 0.13 s at worst of 30: the site imports of this machine's environment)
# The signals a build handles: the exit status and the one line it then prints.
STOPPED = {
    signal.SIGINT: (130, "Error: interrupted, previous index kept"),
    signal.SIGTERM: (143, "Error: terminated, previous index kept"),
}
QUERIES = [
    "变更标记",
    "新增文章",
    "经济",
    "辽宁",
    '"发展"',
    "鞍山 OR 锦州",
    "title:报道",
    "企业 -经济",
]


def sentences(folder: Path = ROOT / "seeds") -> list[str]:
    """The sentences of the bundled seed pages: realistic text for generated articles."""
    text = "".join(p.read_text("utf-8") for p in sorted(folder.glob("*.txt")))
    return [s + "。" for s in re.split(r"[。\n]", text) if len(s.strip()) >= 8]


def write_version(src: Path, version: str, per_file: int = PER_FILE, seed: int = 7) -> None:
    """Write version A or B of the sources into src (a folder of JSON Lines files).

    B edits some of f0's articles, drops f1 and adds f5; the others are equal.
    """
    rng = random.Random(seed)
    pool = sentences()
    files: dict[str, list[dict]] = {}
    for f in range(6):
        rows = []
        for i in range(per_file):
            body = "".join(rng.choice(pool) for _ in range(rng.randint(2, 8)))
            title = rng.choice(pool)[:16]
            rows.append(
                {
                    "id": f"f{f}-{i}",
                    "title": title,
                    "body": body,
                    "date": f"2022-01-{1 + i % 28:02d}",
                    "source": f"报{f % 3}",
                }
            )
        files[f"f{f}.jsonl"] = rows
    if version == "A":
        del files["f5.jsonl"]
    else:
        del files["f1.jsonl"]
        for row in files["f0.jsonl"][::3]:
            row["body"] += "变更标记。"
        for row in files["f5.jsonl"]:
            row["title"] = "新增文章" + row["title"]
    write_files(src, files)


def write_files(src: Path, files: dict[str, list[dict]]) -> None:
    """Make src's JSON Lines files exactly these {name: rows}: unchanged files are not touched."""
    src.mkdir(parents=True, exist_ok=True)
    for old in src.glob("*.jsonl"):
        if old.name not in files:
            old.unlink()
    for name, rows in files.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        target = src / name
        if not target.exists() or target.read_text("utf-8") != text:
            tmp = src / (name + ".tmp")
            tmp.write_text(text, "utf-8")
            os.replace(tmp, target)


def answers(path: Path, queries: list[str] = QUERIES) -> tuple:
    with searcher.open_index(path) as ix:
        return tuple(
            tuple(h.id for h in ix.search(q, limit=0, snippets=False).hits) for q in queries
        )


@dataclass
class Outcome:
    runs: int = 0
    killed: int = 0  # the signal arrived before the process finished
    finished: int = 0  # it had finished already
    seen: dict = field(default_factory=lambda: {"A": 0, "B": 0})
    failures: list[str] = field(default_factory=list)
    delays: list[float] = field(default_factory=list)


def searcher_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "searcher", *map(str, args)]


def timed_run(*args, env=None) -> float:
    t = time.perf_counter()
    subprocess.run(searcher_cmd(*args), check=True, capture_output=True, env=env)
    return time.perf_counter() - t


def ctrl_c_as_in_a_terminal() -> None:
    """In the child before exec: Ctrl-C ends it as it would in a terminal, even when
    this run was started as a background job (which ignores SIGINT, as do its
    children); SIGTERM too is left to the command."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _interrupt(out: Outcome, args: list, sig: signal.Signals, delay: float, env: dict) -> bool:
    """One `searcher index` run sent sig after delay; True if it finished first."""
    handled = sig in STOPPED
    p = subprocess.Popen(
        searcher_cmd("index", *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    time.sleep(delay)
    if handled:
        os.killpg(p.pid, sig)
    else:
        p.send_signal(sig)  # the build alone: its workers must notice by themselves
    _, err = p.communicate(timeout=300)
    out.runs += 1
    if p.returncode == 0:
        out.finished += 1
        return True
    out.killed += 1
    if handled:
        status, want = STOPPED[sig]
        if p.returncode != status or err != want + "\n":  # exactly one line
            out.failures.append(f"{sig.name} after {delay:.2f}s: rc {p.returncode}: {err!r}")
    elif p.returncode != -signal.SIGKILL:
        out.failures.append(f"after {delay:.2f}s: rc {p.returncode}: {err!r}")
    return False


def _check_after(
    out: Outcome, when: str, src: Path, ix: Path, rebuild: bool, queries, expected, target: str
) -> None:
    """The interrupted index answers as A or B; the next run completes; nothing is left."""
    try:
        got = answers(ix, queries)
    except Exception as e:  # the index must open and answer
        out.failures.append(f"{when}: index unusable: {type(e).__name__}: {e}")
        got = None
    if got is not None:
        which = [v for v in ("A", "B") if expected[v] == got]
        if not which:
            out.failures.append(f"{when}: answers match neither A nor B")
        else:
            out.seen[which[0]] += 1
    # The next run completes (in this process: no start-up to wait for).
    try:
        searcher.build_index([src], ix, rebuild=rebuild)
        if answers(ix, queries) != expected[target]:
            out.failures.append(f"{when}: the next run's answers are wrong")
    except Exception as e:
        out.failures.append(f"{when}: the next run failed: {type(e).__name__}: {e}")
    left = [p.name for p in ix.iterdir() if p.name.startswith("staging-")]
    gens = [p.name for p in ix.iterdir() if p.name.startswith("gen-")]
    if left or len(gens) > 2:
        out.failures.append(f"{when}: left behind {left + gens}")


def kill_loop(
    work: Path,
    *,
    points: int,
    sig: signal.Signals,
    rebuild: bool,
    versions: Callable[[Path, str], None] | None = None,
    queries: list[str] = QUERIES,
    seed: int = 1,
    env: dict | None = None,
    expected: dict | None = None,
) -> Outcome:
    """Interrupt `points` runs of `searcher index` with sig; return what was seen.

    versions(folder, "A" or "B") writes a version of the sources into folder
    (default: write_version's generated articles).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    write = versions or write_version
    src, ix = work / "src", work / "ix"
    if expected is None:
        expected = reference_answers(work, write, queries)
    shutil.rmtree(ix, ignore_errors=True)
    write(src, "A")
    searcher.build_index([src], ix)
    state = "A"
    extra = ["--rebuild"] if rebuild else []
    write(src, "B")
    span = timed_run("index", src, "-i", ix, *extra, env=env)  # how long one run takes
    state = "B"
    rng = random.Random(seed)
    out = Outcome()
    for _ in range(points):
        target = "A" if state == "B" else "B"
        write(src, target)
        # Ctrl-C reaches the whole process group (workers too), as does SIGTERM
        # from a service manager; neither can be handled by any program before
        # Python has started running its code.
        delay = rng.uniform(STARTUP if sig in STOPPED else 0.0, span)
        out.delays.append(delay)
        if _interrupt(out, [src, "-i", ix, *extra], sig, delay, env):
            # It took less than the delay: the span was measured on a busier
            # machine. Later delays are drawn within what a run takes now.
            span = max(delay, STARTUP + 0.05)
        _check_after(out, f"after {delay:.2f}s", src, ix, rebuild, queries, expected, target)
        state = target
    return out


def reference_answers(
    work: Path, versions: Callable[[Path, str], None], queries: list[str] = QUERIES
) -> dict:
    """Each version's answers, from a fresh build of it alone."""
    got = {}
    for v in ("A", "B"):
        src, ix = work / f"ref-{v}-src", work / f"ref-{v}"
        versions(src, v)
        searcher.build_index([src], ix, rebuild=True)
        got[v] = answers(ix, queries)
    assert got["A"] != got["B"]
    return got
