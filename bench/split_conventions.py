"""More conventions a user's pages follow (issue 13, round 6): layouts developed on, not held out.

    python bench/split_conventions.py [--days 1-10] [--against REV] [--examples N]

Written in round 6 to find what the splitter did not handle, and developed on: their
failures were looked at on pages dated 1-10 January (``--days 1-10``), the rules
checked on 11-20 without looking at those pages; 21-31 January are not read by
default (``--days`` 1-20 only, so that none of these layouts is tuned on an
evaluation page). Corpus pages are printed as:

- ``cv-rules``: articles set apart by a rule line only (``＊＊＊``, ``* * *``,
  ``◇ ◇ ◇``, ``——————``, ``-----``, one per page), paragraphs by one blank line;
- ``cv-pages``: two or three pages in one file, each under its header line
  (``人民日报 1998年1月2日 第4版``), blank-line paragraphs, two more between articles;
- ``cv-nbsp``: as a web page's copy: paragraphs indented by no-break or em spaces,
  titles flush left, no blank lines;
- ``cv-tight``: as the seed page (one blank line between every two blocks), with a
  short first paragraph (a byline, a deck) right under its title, no blank line;
- ``cv-double``: two blank lines between paragraphs, four between articles;
- ``cv-tabs``: paragraphs indented by a tab, CRLF line ends, no blank lines;
- ``cv-editor``: the ``header`` layout with the page's editor credited on its last
  line (``（责任编辑：王明）``).

Scored as ``split_eval.py`` scores (pages exact among cue pages and among all,
title precision and recall).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import split_eval as ev

DEV_DAYS = (1, 10)


def render_rules(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    rule = rng.choice(["＊＊＊", "* * *", "◇ ◇ ◇", "——————", "-----"])
    return _stacked(arts, lambda k: ["", rule, ""] if k else [], 1)


def render_pages(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    y, m, d, p = key[:4], int(key[4:6]), int(key[6:8]), int(key[9:11])
    later = sorted(rng.sample(range(1, len(arts)), min(len(arts) - 1, rng.randint(1, 2))))

    def before(k: int) -> list[str]:
        if k and k not in later:
            return ["", ""]
        number = p + (later.index(k) + 1 if k in later else 0)
        return (["", ""] if k else []) + [f"人民日报 {y}年{m}月{d}日 第{number}版", ""]

    return _stacked(arts, before, 1)


def _stacked(arts: list[dict], before: Callable[[int], list[str]], gap: int) -> ev.Page:
    """Each article (``k``-th on the page) after the lines ``before(k)``: its title and
    its paragraphs, ``gap`` blank lines under each."""
    lines: list[str] = []
    starts: list[int] = []
    for k, a in enumerate(arts):
        lines += before(k)
        starts.append(len(lines) + 1)
        if a["title"]:
            lines += [a["title"]] + [""] * gap
        lines += ("\n" * (gap + 1)).join(ev.paras_of(a)).split("\n")
    return ev.Page("\n".join(lines) + "\n", starts)


def render_nbsp(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    return _indented(arts, rng.choice(["\xa0\xa0\xa0\xa0", "\u2003\u2003", "\xa0\xa0"]), "\n")


def render_tabs(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    return _indented(arts, "\t", "\r\n")


def _indented(arts: list[dict], lead: str, end: str) -> ev.Page:
    lines: list[str] = []
    starts: list[int] = []
    for a in arts:
        starts.append(len(lines) + 1)
        lines += ([a["title"]] if a["title"] else []) + [lead + p for p in ev.paras_of(a)]
    return ev.Page(end.join(lines) + end, starts)


def render_tight(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    lines: list[str] = []
    starts: list[int] = []
    for a in arts:
        if lines:
            lines.append("")
        starts.append(len(lines) + 1)
        paras = ev.paras_of(a)
        if a["title"]:
            lines.append(a["title"])
            if paras and len(paras[0]) <= 20:
                lines.append(paras.pop(0))
            lines += [""] if paras else []
        lines += "\n\n".join(paras).split("\n")
    return ev.Page("\n".join(lines) + "\n", starts)


def render_double(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    return _stacked(arts, lambda k: [""] * 4 if k else [], 2)


def render_editor(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    page = ev.render_flat(arts, "header", rng, key)
    editor = rng.choice(["王明", "李红", "张华平"])
    return ev.Page(page.text + f"\n（责任编辑：{editor}）\n", page.starts)


LAYOUTS = {
    "cv-rules": ev.Layout(render_rules),
    "cv-pages": ev.Layout(render_pages),
    "cv-nbsp": ev.Layout(render_nbsp),
    "cv-tight": ev.Layout(render_tight),
    "cv-double": ev.Layout(render_double),
    "cv-tabs": ev.Layout(render_tabs),
    "cv-editor": ev.Layout(render_editor),
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not any(a == "--days" or a.startswith("--days=") for a in argv):
        argv += ["--days", f"{DEV_DAYS[0]}-{DEV_DAYS[1]}"]
    args = ev.held_out_args(__doc__, "split_conventions.py", argv, days=True)
    if args.days[1] > ev.TUNE_DAYS[1]:
        sys.exit("these are development layouts: pages dated 1-20 January only")
    pages, _, scores, n_cue = ev.score_layouts(args, LAYOUTS, args.days)
    lo, hi = args.days
    print(f"\n{len(pages)} pages ({n_cue} with a cue for every article), dated {lo}-{hi} January\n")
    ev.print_table(scores, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
