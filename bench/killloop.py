"""Kill loop on the real corpus: `searcher index` stopped at random moments (issue 5).

The longer configuration of tests/test_faults.py's kill loop (the harness is
tests/killloop.py). The corpus is laid out as one JSON Lines file per day;
version A leaves out the last day, version B drops the first day, edits a third
of the second day's articles and adds the last day. At this size (5.5 MB of
text) a build forks its worker processes, so kills also land while workers run:
SIGKILL reaches the build alone (its workers must notice by themselves), SIGINT
the whole process group, as Ctrl-C does, and SIGTERM too, as a service manager
stopping the build does.

    python bench/killloop.py [--points 30] [--corpus DIR] [--work DIR]

Prints a Markdown table and writes bench/out/killloop.json.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import sys
import time
from collections import defaultdict
from pathlib import Path

from common import (
    DEFAULT_CORPUS,
    DEFAULT_WORKDIR,
    ROOT,
    bench_env,
    header,
    log,
    read_corpus,
    write_json,
)

sys.path.insert(0, str(ROOT / "tests"))
import killloop

MARK = "齉龘修订"  # found nowhere in the corpus


def corpus_versions(articles: list[dict]):
    by_day: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        by_day[a.get("date") or "undated"].append(a)
    days = sorted(by_day)

    def write(src: Path, version: str) -> None:
        files = {d: [dict(a) for a in by_day[d]] for d in days}
        if version == "A":
            del files[days[-1]]
        else:
            del files[days[0]]
            for a in files[days[1]][::3]:
                a["body"] = a.get("body", "") + MARK
        killloop.write_files(src, {f"{d}.jsonl": rows for d, rows in files.items()})

    return write


def queries(articles: list[dict], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = [MARK]
    while len(out) < n:
        body = rng.choice(articles).get("body", "")
        if len(body) > 20:
            i = rng.randrange(len(body) - 4)
            out.append(body[i : i + rng.randint(2, 4)])
    return out + ['"发展" 经济', "北京 OR 上海", "改革 -经济"]


def _arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--points", type=int, default=30, help="kills per (signal, mode)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORKDIR / "killloop")
    ap.add_argument("--seed", type=int, default=5)
    return ap.parse_args()


def _cases(points: int) -> list[tuple[signal.Signals, bool, int]]:
    """(signal, rebuild, how many stops) of each row of the table."""
    return [
        (signal.SIGKILL, False, points),
        (signal.SIGKILL, True, points),
        (signal.SIGINT, False, points // 2),
        (signal.SIGINT, True, points // 2),
        (signal.SIGTERM, False, points // 3),
        (signal.SIGTERM, True, points // 3),
    ]


def _row(sig: signal.Signals, mode: str, out, secs: float) -> tuple[str, dict]:
    """One table row, and the same figures for the JSON."""
    row = (
        f"| {sig.name} | {mode} | {out.runs} | {out.killed} | {out.finished} | "
        f"{out.seen['A']} / {out.seen['B']} | {min(out.delays):.2f}–{max(out.delays):.2f} | "
        f"{len(out.failures)} | {secs:.0f} |"
    )
    figures = {
        "signal": sig.name,
        "mode": mode,
        "runs": out.runs,
        "killed": out.killed,
        "finished": out.finished,
        "seen": out.seen,
        "delays": out.delays,
        "failures": out.failures,
        "seconds": round(secs, 1),
    }
    return row, figures


def main() -> None:
    args = _arguments()
    command = "python bench/killloop.py" + (f" --points {args.points}" if args.points != 30 else "")
    text, info = header(command)
    print(text + "\n")
    articles = read_corpus(args.corpus)
    write = corpus_versions(articles)
    qs = queries(articles, 12, args.seed)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    log("reference builds of A and B ...")
    expected = killloop.reference_answers(args.work, write, qs)
    rows, figures = [], {**info, "queries": qs, "runs": []}
    env = bench_env()
    for k, (sig, rebuild, points) in enumerate(_cases(args.points)):
        mode = "rebuild" if rebuild else "update"
        log(f"{sig.name} during {mode}: {points} points ...")
        t = time.perf_counter()
        out = killloop.kill_loop(
            args.work / f"{sig.name}-{mode}",
            points=points,
            sig=sig,
            rebuild=rebuild,
            versions=write,
            queries=qs,
            seed=args.seed + k,
            env=env,
            expected=expected,
        )
        row, run = _row(sig, mode, out, time.perf_counter() - t)
        rows.append(row)
        figures["runs"].append(run)
        for f in out.failures:
            log("  FAILURE: " + f)
    print(
        "| signal | mode | runs | stopped mid-run | had finished | index after: A / B "
        "| delays, s | failures | s |"
    )
    print("| --- | --- | ---: | ---: | ---: | --- | --- | ---: | ---: |")
    print("\n".join(rows))
    total = sum(r["runs"] for r in figures["runs"])
    failures = sum(len(r["failures"]) for r in figures["runs"])
    print(
        f"\n{total} runs interrupted, {failures} failures. After every one the index opened "
        f"and answered {len(qs)} queries exactly as a fresh build of A or of B, and the "
        "next `searcher index` completed with the new version's answers."
    )
    log(f"figures: {write_json('killloop.json', figures)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
