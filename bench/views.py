"""The research views on the corpus and on N copies of it: cold-process times (issue 12).

Builds (or reuses) a searcher index of the People's Daily corpus and of N copies
of it (one JSONL file per copy and page, as run.py and update.py lay it out),
then times fresh `searcher trend`, `kwic`, `export` and NEAR search processes
on a common word, with bytecode compiled as an install has it. Checks the
issue's targets: trend and kwic of a common word in under 1 s on the corpus and
under 3 s on 30 copies. Prints a Markdown table and writes the figures to
bench/out/views.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

import common

WORD = "经济"
# name, arguments after the verb, target seconds on (1 copy, N copies) or None
VIEWS = [
    ("trend, by day", ["trend", WORD, "--json"], (1.0, 3.0)),
    ("trend, 3 queries", ["trend", WORD, "改革开放", "香港", "--json"], None),
    ("kwic, 100 lines by date", ["kwic", WORD, "--json"], (1.0, 3.0)),
    ("kwic, 100 lines by left context", ["kwic", WORD, "--sort", "left", "--json"], (1.0, 3.0)),
    ("kwic, every line", ["kwic", WORD, "-n", "0", "--json"], None),
    ("search NEAR, count", ["search", "香港 NEAR/3 回归", "-c"], None),
    ("export, every match (JSON Lines)", ["export", WORD, "--format", "jsonl"], None),
]


def usable(index: Path) -> bool:
    """Whether this checkout opens the index (an old format is rebuilt)."""
    r = subprocess.run(
        common.searcher_cmd("info", "--json", "-i", index),
        capture_output=True,
        env=common.bench_env(),
    )
    return r.returncode == 0


def ensure_index(sources: list[Path], index: Path, work: Path, expect: int) -> None:
    marker = index.with_name(index.name + ".updating")  # update.py left it changed
    if usable(index) and not marker.exists():
        return
    common.log(f"  building {index} …")
    run = common.run_measured(
        common.index_cmd(sources, index, rebuild=True), cwd=work, env=common.bench_env()
    )
    report = common.index_report(run.check())
    if report.get("articles") != expect:
        sys.exit(f"searcher indexed {report.get('articles')} of {expect} articles")
    marker.unlink(missing_ok=True)


def cold(args: list[str], index: Path, work: Path, runs: int) -> dict:
    """A fresh process `runs` times (after one uncounted run): wall time median and range."""
    cmd = common.searcher_cmd(*args, "-i", index)
    first = common.run_measured(cmd, cwd=work, env=common.bench_env()).check((0, 1))
    measured = [
        common.run_measured(cmd, cwd=work, env=common.bench_env()).check((0, 1))
        for _ in range(runs)
    ]
    walls = [r.seconds for r in measured]
    summary = {}
    for line in reversed(first.stdout.splitlines()):
        if line.startswith('{"type": "summary"'):
            summary = json.loads(line)
            break
    return {
        "seconds": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "maxrss_mib": max(r.maxrss_mib for r in measured),
        "lines": len(first.stdout.splitlines()),
        "summary": {k: summary.get(k) for k in ("total", "articles", "periods") if k in summary},
    }


def measure(indexes: dict[str, Path], work: Path, runs: int) -> dict:
    out: dict = {}
    for name, args, _ in VIEWS:
        for size, index in indexes.items():
            common.log(f"  {name}, {size} …")
            out.setdefault(name, {})[size] = cold(args, index, work, runs)
    return out


def report(figures: dict, sizes: list[str]) -> tuple[common.Table, list[str]]:
    table = common.Table(
        ["view (cold process, median s)", *sizes, f"{sizes[-1]} / {sizes[0]}", "target"]
    )
    failed = []
    for name, _, goal in VIEWS:
        f = figures[name]
        secs = [f[s]["seconds"] for s in sizes]
        ok = goal is None or (secs[0] < goal[0] and secs[-1] < goal[1])
        if not ok:
            failed.append(name)
        target = (
            "–" if goal is None else f"< {goal[0]:g} / < {goal[1]:g} s {'pass' if ok else 'FAIL'}"
        )
        ratio = f"{secs[-1] / secs[0]:.1f}×"
        table.add(name, *(f"{s:.2f}" for s in secs), ratio, target)
    return table, failed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=common.DEFAULT_CORPUS)
    ap.add_argument("--workdir", type=Path, default=common.DEFAULT_WORKDIR)
    ap.add_argument("--copies", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5, help="cold runs per view (median)")
    args = ap.parse_args()
    work = args.workdir.resolve()
    if work.is_relative_to(common.ROOT):
        sys.exit("the workdir must be outside the repository")
    work.mkdir(parents=True, exist_ok=True)
    text, info = common.header(f"python bench/views.py --copies {args.copies} --runs {args.runs}")
    arts = common.read_corpus(args.corpus)
    common.log("indexes …")
    one = work / "views-corpus"
    ensure_index([args.corpus], one, work, len(arts))
    copies = common.Copies(args.corpus, args.copies, work / f"copies-{args.copies}", arts)
    copies.ensure()
    big, _ = common.copies_index(work, args.copies)
    ensure_index([copies.dir], big, work, copies.articles)
    common.compile_bytecode(common.ROOT / "searcher")
    sizes = {f"{len(arts):,} articles": one, f"{copies.articles:,} ({args.copies} copies)": big}
    common.log("cold processes …")
    figures = measure(sizes, work, args.runs)
    table, failed = report(figures, list(sizes))
    print(text + "\n")
    print(table)
    print(
        f"\n`{WORD}` in each: "
        + "; ".join(f"{size}: {figures['kwic, every line'][size]['summary']}" for size in sizes)
    )
    common.write_json("views.json", info | {"figures": figures, "failed": failed})
    if failed:
        sys.exit(f"over target: {', '.join(failed)}")


if __name__ == "__main__":
    main()
