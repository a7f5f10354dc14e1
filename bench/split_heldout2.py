"""The second held-out check of page splitting (issue 13, round 2): other papers' conventions.

    python bench/split_heldout2.py [--against REV] [--examples N]

Written and committed before the splitter of round 2 was tuned, and not changed
after; run once, at the end. While tuning, only ``bench/split_eval.py --tune``
(pages of 1-20 January in its own layouts) was run and looked at. The first
held-out check (``split_heldout.py``) had been seen when this one was written, so
this one shares none of its layouts.

Corpus pages of 21-31 January (the evaluation days, never tuned on) are printed
as four other kinds of paper print them, and scored as ``split_eval.py`` scores
(see its docstring: pages exact among those where every article opens with a
visible cue and among all, title precision and recall):

- ``ho2-trad``: a Hong Kong daily: traditional characters (OpenCC ``s2hk``, the
  truth converted too), 「」 and 『』 for “” and ‘’, half-width digits, laid out
  as the seed page (one blank line between every two blocks, nothing more
  between articles), no print breaks;
- ``ho2-wire``: a wire-service bulletin: a title's ``——`` subtitle on a line of
  its own, paragraphs indented by four spaces with no blank lines, ``（完）``
  closing every item that opens with a dateline, articles apart by one blank
  line on half the pages and by nothing on the others;
- ``ho2-ocr``: microfilm read by OCR: every line hard-wrapped at 20-26
  characters, paragraphs neither indented nor apart (only a short last line
  ends one), articles apart by one blank line;
- ``ho2-spaced``: a county paper: titles centred with ideographic spaces in a
  column of 24, titles of up to six characters letter-spaced (``春　到　田　野``),
  paragraphs indented by two ideographic spaces, no blank lines between them,
  two blank lines between articles.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import split_eval as ev

_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


def traditional(arts: list[dict]) -> list[dict]:
    import opencc

    cc = opencc.OpenCC("s2hk")

    def conv(s: str) -> str:
        return cc.convert(s).translate(ev._HALF).translate(_QUOTES)

    return [a | {"title": conv(a["title"]), "body": conv(a["body"])} for a in arts]


def _open(lines: list[str], starts: list[int], blanks: int) -> None:
    """An article opens: ``blanks`` blank lines after the one before, its line noted."""
    if lines:
        lines += [""] * blanks
    starts.append(len(lines) + 1)


def render_trad(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    lines: list[str] = []
    starts: list[int] = []
    for a in arts:
        _open(lines, starts, 1)
        blocks = ([a["title"]] if a["title"] else []) + ev.paras_of(a)
        lines += "\n\n".join(blocks).split("\n")
    return ev.Page("\n".join(lines) + "\n", starts)


def wire(arts: list[dict]) -> list[dict]:
    out = []
    for a in arts:
        paras = ev.paras_of(a)
        if paras and ev.CUE.match(paras[0]) and ev.DATELINE.match(paras[0]):
            paras[-1] += "（完）"
        out.append(a | {"body": "\n".join(paras)})
    return out


def render_wire(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    apart = rng.random() < 0.5
    lines: list[str] = []
    starts: list[int] = []
    for a in arts:
        _open(lines, starts, int(apart))
        main, dash, sub = a["title"].partition("——")
        if dash and main and sub:
            lines += [main, dash + sub]
        elif a["title"]:
            lines.append(a["title"])
        lines += ["    " + p for p in ev.paras_of(a)]
    return ev.Page("\n".join(lines) + "\n", starts)


def render_ocr(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    width = rng.randint(20, 26)
    lines: list[str] = []
    starts: list[int] = []
    for a in arts:
        _open(lines, starts, 1)
        for p in ([a["title"]] if a["title"] else []) + ev.paras_of(a):
            lines += [p[i : i + width] for i in range(0, len(p), width)]
    return ev.Page("\n".join(lines) + "\n", starts)


def render_spaced(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    lines: list[str] = []
    starts: list[int] = []
    for a in arts:
        _open(lines, starts, 2)
        title = a["title"]
        if title:
            if len(title) <= 6:
                title = "\u3000".join(title)
            lines.append("\u3000" * max(0, (24 - len(title)) // 2) + title)
        lines += ["\u3000\u3000" + p for p in ev.paras_of(a)]
    return ev.Page("\n".join(lines) + "\n", starts)


LAYOUTS = {
    "ho2-trad": ev.Layout(render_trad, traditional),
    "ho2-wire": ev.Layout(render_wire, wire),
    "ho2-ocr": ev.Layout(render_ocr),
    "ho2-spaced": ev.Layout(render_spaced),
}


def main(argv: list[str] | None = None) -> int:
    args = ev.held_out_args(__doc__, "split_heldout2.py", argv, days=False)
    pages, _, scores, n_cue = ev.score_layouts(args, LAYOUTS, ev.EVAL_DAYS)
    print(f"\n{len(pages)} pages ({n_cue} with a cue for every article), dated 21-31 January\n")
    ev.print_table(scores, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
