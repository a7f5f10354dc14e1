"""The honest development score of the page splitter: two folds inside the tuning days.

    python bench/split_folds.py [--corpus DIR] [--layouts blank,flat,...] [--l2 L]

Fits the splitter's model and word tables on pages dated 1-10 January and scores
``split_eval.py`` on 11-20, then fits on 11-20 and scores on 1-10, and prints the two
folds summed per layout: pages split exactly among cue pages and among all pages.
Every page is scored by a model that never saw it, so a change that only makes the
model remember the tuning pages (their titles, above all) does not score here, as it
does with ``split_eval.py --tune``. The model files (``split_model.py``,
``split_lexicon.py``) are put back as they were, whatever happens. Pages of 21-31
January are not read: they are for evaluation alone.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILES = [ROOT / "searcher" / "corpus" / f for f in ("split_model.py", "split_lexicon.py")]
FOLDS = (("1-10", "11-20"), ("11-20", "1-10"))
_COUNTS = re.compile(r"\((\d+)/(\d+)\)")


def run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode:
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / ".." / "shared" / "corpus"))
    ap.add_argument("--layouts", default="")
    ap.add_argument("--l2", default="1.0")
    args = ap.parse_args(argv)
    kept = [f.read_bytes() for f in MODEL_FILES]
    sums: dict[str, list[int]] = {}
    try:
        for fit, score in FOLDS:
            run(
                "bench/split_train.py",
                "--days",
                fit,
                "--write",
                "--corpus",
                args.corpus,
                "--l2",
                args.l2,
            )
            more = ["--layouts", args.layouts] if args.layouts else []
            out = run(
                "bench/split_eval.py",
                "--days",
                score,
                "--repeat",
                "1",
                "--examples",
                "0",
                "--corpus",
                args.corpus,
                *more,
            )
            for line in out.splitlines():
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if len(cells) < 3 or not _COUNTS.search(cells[1]):
                    continue
                got = [int(n) for c in cells[1:3] for n in _COUNTS.search(c).groups()]
                sums[cells[0]] = [a + b for a, b in zip(sums.get(cells[0], [0] * 4), got)]
    finally:
        for f, data in zip(MODEL_FILES, kept):
            f.write_bytes(data)
    print("| layout | exact, cue pages | exact, all pages |")
    print("| --- | --- | --- |")
    for layout, (c, cn, a, an) in sums.items():
        print(f"| {layout} | {100 * c / cn:.1f}% ({c}/{cn}) | {100 * a / an:.1f}% ({a}/{an}) |")
    c, a = sum(v[0] for v in sums.values()), sum(v[2] for v in sums.values())
    print(f"\nall layouts: {c} cue pages and {a} pages split exactly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
