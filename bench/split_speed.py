"""How fast this checkout splits the corpus pages, against the splitter of git REV.

    python bench/split_speed.py REV [--days 21-31] [--repeat 12]

The pages of ``--days`` printed in ``split_eval.py``'s seven layouts (header lines
blanked, as indexing does) are split by both splitters in turns, all layouts in one
pass; each pass's CPU time is taken with the garbage collector paused, and the
fastest of ``--repeat`` passes counts for each. One figure for the whole page
corpus, steadier on a shared machine than ``split_eval.py``'s per-layout times.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import split_eval as ev

from searcher.corpus import split_page
from searcher.corpus.meta import meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rev", help="git revision of the splitter to compare with")
    ap.add_argument("--corpus", type=Path, default=ev.ROOT / ".." / "shared" / "corpus")
    ap.add_argument("--days", type=ev.day_range, default=ev.EVAL_DAYS)
    ap.add_argument("--seed", type=int, default=1998)
    ap.add_argument("--repeat", type=int, default=12)
    args = ap.parse_args(argv)
    pages = ev.read_pages(args.corpus, args.days)
    if not pages:
        sys.exit(f"no *.jsonl.gz articles of days {args.days} under {args.corpus}")
    texts = []
    for layout, spec in ev.LAYOUTS.items():
        for key, arts in pages.items():
            arts = spec.convert(arts)
            page = spec.render(arts, layout, random.Random(f"{args.seed}:{layout}:{key}"), key)
            texts.append(meta(Path("page.txt"), page.text)[3])
    splitters = {args.rev: ev.load_split(args.rev), "this checkout": split_page}
    best = dict.fromkeys(splitters, float("inf"))
    for _ in range(args.repeat):
        for name, split in splitters.items():
            gc.collect()
            gc.disable()
            t0 = time.process_time()
            for text in texts:
                split(text)
            best[name] = min(best[name], time.process_time() - t0)
            gc.enable()
    lo, hi = args.days
    layouts = len(ev.LAYOUTS)
    print(f"{len(texts)} pages ({len(pages)} of {lo}-{hi} January in {layouts} layouts)")
    for name, seconds in best.items():
        print(f"  {name}: {seconds * 1000:.0f} ms")
    print(f"  ratio: {best['this checkout'] / best[args.rev]:.3f}x the time of {args.rev}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
