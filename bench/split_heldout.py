"""The held-out check of page splitting: layouts and pages the splitter was never tuned on.

    python bench/split_heldout.py [--against REV] [--days 21-31] [--examples N]

Written before the splitter of issue 13 was tuned, and not changed after: while
tuning, only ``bench/split_eval.py --tune`` (pages of 1-20 January in its own
layouts) was run and looked at, never this script. It checks two things.

1. Corpus pages of 21-31 January (the evaluation days) in three layouts that
   ``split_eval.py`` does not have, scored as there (see its docstring):

   - ``ho-seed``: the seed page's furniture: a header line, one blank line
     between every two blocks, some blank lines holding a space, trailing
     spaces, a column label (``■ 时事观察``) above some titles (the article starts
     at its label), long titles printed over two lines, ~10% of paragraphs
     broken mid-word across two blocks;
   - ``ho-narrow``: a narrow column as OCR gives it: half-width digits, CRLF line
     ends, every line (titles too) hard-wrapped at 13-19 characters, paragraphs
     indented by a tab, two ideographic or two ASCII spaces, no blank lines;
   - ``ho-loose``: careless spacing: one blank line between paragraphs, two now
     and then, one to three between articles at random, titles centred with
     spaces on half the pages, paragraphs indented on half the pages.

2. Hand-made pages of other papers and years (``bench/heldout/*.txt``, made up
   for this check, with the expected split in ``bench/heldout/truth.json``): an
   evening paper of 2015 with column labels, captions and a notice, a county
   paper of 1985 with centred titles, a poem, a table and subheads, a Hong Kong
   paper of 2008 in traditional characters, a farmers' paper of 2020
   hard-wrapped at 42 cells with a table and a list, a workers' weekly of 1992
   without indentation, a city paper of 2019 with a column of briefs. A page is
   exact when it has the expected articles in order, each with an expected
   title and a body that starts with the expected text; authors are counted
   apart (where the truth names them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import split_eval as ev

HERE = Path(__file__).resolve().parent / "heldout"
LABELS = ["■ 时事观察", "● 经济广角", "【地方传真】", "◆ 国际瞭望", "▲ 今日关注"]


def render_seed(arts: list[dict], layout: str, rng, key: str) -> ev.Page:
    y, m, d, p = key[:4], int(key[4:6]), int(key[6:8]), int(key[9:11])
    lines = [f"人民日报 {y}年{m}月{d}日 第{p}版", ""]
    starts: list[int] = []
    for a in arts:
        starts.append(len(lines) + 1)
        if a["title"] and rng.random() < 0.15:
            lines += [rng.choice(LABELS), ""]
        title = a["title"]
        if len(title) > 16 and rng.random() < 0.3:
            cut = rng.randint(len(title) // 3, 2 * len(title) // 3)
            lines += [title[:cut], title[cut:], ""]
        elif title:
            lines += [title, ""]
        for block in ev.broken(ev.paras_of(a), rng, 0.10):
            lines += [block + (" " if rng.random() < 0.1 else ""), ""]
    lines = [line or rng.choice(["", "", "", " ", "\u3000"]) for line in lines]
    return ev.Page("\n".join(lines) + "\n", starts)


def render_narrow(arts: list[dict], layout: str, rng, key: str) -> ev.Page:
    width = rng.randint(13, 19)
    indent = rng.choice(["\t", "\u3000\u3000", "  "])
    lines: list[str] = []
    starts: list[int] = []
    for a in arts:
        starts.append(len(lines) + 1)
        chunks = [(a["title"], "")] if a["title"] else []
        for text, lead in chunks + [(p, indent) for p in ev.paras_of(a)]:
            s = lead + text
            lines += [s[i : i + width] for i in range(0, len(s), width)]
    return ev.Page("\r\n".join(lines) + "\r\n", starts)


def render_loose(arts: list[dict], layout: str, rng, key: str) -> ev.Page:
    centred = rng.random() < 0.5
    indent = "\u3000\u3000" if rng.random() < 0.5 else ""
    lines: list[str] = []
    starts: list[int] = []
    for k, a in enumerate(arts):
        if k:
            lines += [""] * rng.randint(1, 3)
        starts.append(len(lines) + 1)
        if a["title"]:
            pad = " " * max(0, (40 - sum(map(ev.cells, a["title"]))) // 2) if centred else ""
            lines += [pad + a["title"], ""]
        for n, p in enumerate(ev.paras_of(a)):
            if n:
                lines += [""] * (2 if rng.random() < 0.1 else 1)
            lines.append(indent + p)
    return ev.Page("\n".join(lines) + "\n", starts)


LAYOUTS = {
    "ho-seed": ev.Layout(render_seed),
    "ho-narrow": ev.Layout(render_narrow, ev.halfwidth),
    "ho-loose": ev.Layout(render_loose),
}


def score_hand(split, truth: dict) -> list[dict]:
    from searcher.corpus.meta import meta

    rows = []
    for name, want in truth.items():
        text = (HERE / name).read_text(encoding="utf-8")
        pred = split(meta(HERE / name, text)[3])
        ok = [
            i < len(pred)
            and ev.norm(pred[i].title) in {ev.norm(t) for t in w["title"]}
            and ev.norm(w["first"]) in ev.norm(pred[i].body)[: len(ev.norm(w["first"])) + 20]
            for i, w in enumerate(want)
        ]
        authors = [
            (i < len(pred) and pred[i].author == w["author"])
            for i, w in enumerate(want)
            if w["author"] is not None
        ]
        titles = {ev.norm(t) for w in want for t in w["title"]}
        rows.append(
            {
                "page": name,
                "exact": len(pred) == len(want) and all(ok),
                "articles": f"{len(pred)}/{len(want)}",
                "in place": sum(ok),
                "titles found": sum(ev.norm(p.title) in titles for p in pred),
                "authors": f"{sum(authors)}/{len(authors)}",
                "got": [(p.title, p.body[:12], p.author) for p in pred],
            }
        )
    return rows


def print_hand(rows: list[dict], label: str, verbose: bool) -> None:
    exact = sum(r["exact"] for r in rows)
    print(f"\nhand-made pages{label}: {exact}/{len(rows)} exact\n")
    print("| page | exact | articles (got/expected) | in place | titles found | authors |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        cells = [r["page"], "yes" if r["exact"] else "no", r["articles"]]
        cells += [str(r["in place"]), str(r["titles found"]), r["authors"]]
        print(f"| {' | '.join(cells)} |")
    for r in rows if verbose else []:
        if not r["exact"]:
            print(f"\n{r['page']}:")
            for got in r["got"]:
                print(f"    {got}")


def main(argv: list[str] | None = None) -> int:
    args = ev.held_out_args(__doc__, "split_heldout.py", argv, days=True)
    pages, splits, scores, n_cue = ev.score_layouts(args, LAYOUTS, args.days)
    lo, hi = args.days
    print(f"\n{len(pages)} pages ({n_cue} with a cue for every article), dated {lo}-{hi} January\n")
    ev.print_table(scores, args.examples)
    truth = json.loads((HERE / "truth.json").read_text(encoding="utf-8"))
    for label, split in splits:
        print_hand(score_hand(split, truth), label, verbose=args.examples > 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
