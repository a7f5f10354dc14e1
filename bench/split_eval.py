"""How well ``split_page`` cuts printed pages into articles, on pages rendered from the corpus.

    python bench/split_eval.py [--corpus DIR] [--seed S] [--layouts blank,indent,...]
                               [--examples N] [--limit PAGES]

The People's Daily corpus (one JSON object per article, id ``YYYYMMDD-PP-AAA``) is
the ground truth: its articles are grouped by date and page, and each page is
rendered as plain text in four layouts (seeded, deterministic):

- ``blank``: title line, blank line, paragraphs apart by one blank line, two
  blank lines between articles;
- ``indent``: no blank lines; each paragraph one line opening with ``　　``,
  title lines not indented;
- ``wrapped``: paragraphs hard-wrapped at 28-36 characters (chosen per page),
  apart by blank lines or by indentation (chosen per page); titles on one line;
- ``print-breaks``: like ``blank``, but ~15% of paragraphs broken into two
  blocks at a random character, as a print layout does.

Untitled articles (briefs) stay untitled on the page. Per layout it prints: pages
cut into the right number of articles; title precision and recall (a predicted
article matches a true one when their titles are equal without whitespace, or
both are untitled and the prediction holds most of the true body); paragraphs
recovered whole (the true paragraph is inside one paragraph of the matched
article, i.e. re-joined, not left broken), and paragraphs present at all (inside
the matched body with the ``\\n`` removed); then the most frequent failure kinds
with one page excerpt each.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shlex
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from searcher.corpus import split_page  # noqa: E402

LAYOUTS = ("blank", "indent", "wrapped", "print-breaks")
PUNCT = "，？！：、。；"
DATELINE = re.compile(r"本报|新华社|据")


def read_pages(folder: Path) -> dict[str, list[dict]]:
    pages: dict[str, list[dict]] = defaultdict(list)
    for f in sorted(folder.rglob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    a = json.loads(line)
                    pages[a["id"][:11]].append(a)
    for arts in pages.values():
        arts.sort(key=lambda a: a["id"])
    return dict(sorted(pages.items()))


# ---------------------------------------------------------------- rendering


@dataclass
class Page:
    text: str
    starts: list[int]  # 1-based line where each true article starts


def render(arts: list[dict], layout: str, rng: random.Random) -> Page:
    lines: list[str] = []
    starts: list[int] = []
    width = rng.randint(28, 36)
    by_indent = rng.random() < 0.5  # wrapped: paragraphs set apart by indentation
    for k, a in enumerate(arts):
        paras = [p for p in a["body"].split("\n") if p.strip()]
        if (
            layout in ("blank", "print-breaks", "wrapped")
            and k
            and not (layout == "wrapped" and by_indent)
        ):
            lines += ["", ""]  # two blank lines between articles (plus the paragraph gap)
        starts.append(len(lines) + 1)
        if layout == "blank":
            lines += [a["title"], ""] if a["title"] else []
            lines += "\n\n".join(paras).split("\n")
        elif layout == "print-breaks":
            lines += [a["title"], ""] if a["title"] else []
            blocks: list[str] = []
            for p in paras:
                if len(p) >= 4 and rng.random() < 0.15:
                    cut = rng.randint(1, len(p) - 1)
                    blocks += [p[:cut], p[cut:]]
                else:
                    blocks.append(p)
            lines += "\n\n".join(blocks).split("\n")
        elif layout == "indent":
            lines += [a["title"]] if a["title"] else []
            lines += ["\u3000\u3000" + p for p in paras]
        else:  # wrapped
            lines += ([a["title"]] + ([] if by_indent else [""])) if a["title"] else []
            for n, p in enumerate(paras):
                if n and not by_indent:
                    lines.append("")
                first = ("\u3000\u3000" if by_indent else "") + p
                cut = [first[i : i + width] for i in range(0, len(first), width)]
                lines += cut
    return Page("\n".join(lines) + "\n", starts)


# ---------------------------------------------------------------- scoring


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def excerpt(text: str, line: int, before: int = 2, after: int = 4) -> str:
    lines = text.split("\n")
    lo, hi = max(0, line - 1 - before), min(len(lines), line - 1 + after)
    return "\n".join(f"    {n + 1:4d}| {lines[n][:60]}" for n in range(lo, hi))


@dataclass
class Score:
    pages: int = 0
    exact: int = 0
    true: int = 0
    pred: int = 0
    matched: int = 0
    decks: int = 0
    paras: int = 0
    whole: int = 0
    present: int = 0
    kinds: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)

    def fail(self, kind: str, key: str, page: Page, line: int) -> None:
        self.kinds[kind] += 1
        self.examples.setdefault(kind, (key, line, excerpt(page.text, line)))


def find_line(text: str, part: str, start: int) -> int:
    """The line at or after ``start`` where ``part`` begins (``start`` if not found)."""
    lines = text.split("\n")
    return next((n for n in range(start, len(lines) + 1) if part in lines[n - 1]), start)


def overlap(true_paras: list[str], pred_body: str) -> float:
    flat = pred_body.replace("\n", "")
    total = sum(len(p) for p in true_paras) or 1
    return sum(len(p) for p in true_paras if p in flat) / total


def whole(p: str, pred_paras: list[str], author: str) -> bool:
    if any(p in q for q in pred_paras):
        return True
    names = re.sub(r"本报|新华社|特约|记者|通讯员|实习生|摄影?|报道|[（()）\s、]", "", p)
    if names and names in author.replace(" ", ""):  # a byline line moved to ``author``
        return True
    # A closing byline moved to ``author`` leaves the paragraph whole otherwise.
    return any(
        q
        and p.startswith(q)
        and len(p) - len(q) <= 24
        and any(n in p[len(q) :] for n in author.split())
        for q in pred_paras
    )


def title_kind(title: str) -> str:
    marks = "".join(c for c in PUNCT if c in title)
    return f" (title has {marks})" if marks else ""


def score_page(key: str, arts: list[dict], page: Page, s: Score) -> None:
    pred = split_page(page.text)
    s.pages += 1
    s.exact += len(pred) == len(arts)
    s.true += len(arts)
    s.pred += len(pred)
    used: set[int] = set()
    match: dict[int, int] = {}
    decks: dict[int, int] = {}  # true article -> body paragraphs printed in its title
    for i, a in enumerate(arts):
        paras = [p for p in a["body"].split("\n") if p.strip()]
        # The corpus keeps only a headline's first line as its title; a page prints the
        # deck under it as a heading too, and a title holding it is right.
        titles = {norm(a["title"] + "".join(paras[:k])): k for k in range(bool(a["title"]) + 2)}
        cands = [
            (titles[norm(p.title)] == 0, overlap(paras, p.body), j)
            for j, p in enumerate(pred)
            if j not in used and norm(p.title) in titles
        ]
        if not a["title"]:
            cands = [c for c in cands if c[1] > 0.5]
        if cands:
            j = max(cands)[2]
            used.add(j)
            match[i] = j
            decks[i] = titles[norm(pred[j].title)]
    s.matched += len(match)
    s.decks += sum(map(bool, decks.values()))
    pred_titles = {norm(p.title) for p in pred}
    body_lines = {norm(q) for p in pred for q in p.body.split("\n")}
    for i, a in enumerate(arts):
        paras = [p for p in a["body"].split("\n") if p.strip()]
        s.paras += len(paras)
        line = page.starts[i]
        if i in match:
            p = pred[match[i]]
            qs = p.body.split("\n")
            flat = p.body.replace("\n", "")
            kinds: dict[str, int] = {}
            for n, para in enumerate(paras):
                if n < decks[i]:
                    s.whole, s.present = s.whole + 1, s.present + 1
                    continue
                ok = whole(para, qs, p.author)
                s.whole += ok
                s.present += ok or para in flat
                if not ok:
                    kind = "paragraph left broken" if para in flat else "article cut short"
                    kinds.setdefault(kind, find_line(page.text, para[:6], line))
            for kind, at in kinds.items():  # one failure per article and kind
                s.fail(kind, key, page, at)
            continue
        t = norm(a["title"])
        if not t:
            opens = "with" if DATELINE.match(paras[0] if paras else "") else "without"
            kind = f"untitled brief {opens} dateline not separated"
        elif t in body_lines:
            kind = "title read as a body line" + title_kind(a["title"])
        elif any(t in x for x in pred_titles):
            kind = "title glued to a neighbouring line"
        else:
            kind = "title lost in a paragraph"
        s.fail(kind, key, page, line)
    true_titles = {norm(a["title"]) for a in arts}
    for j, p in enumerate(pred):
        if j in used:
            continue
        if not p.title:
            kind = "spurious untitled article"
        elif norm(p.title) in true_titles:
            continue  # a true title matched nothing better: counted above
        elif any(norm(p.title) in x for x in map(norm, (a["body"] for a in arts))):
            kind = "body line taken as a title"
        else:
            kind = "title mixed with other lines"
        s.fail(kind, key, page, p.line)


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus")
    ap.add_argument("--seed", type=int, default=1998)
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--examples", type=int, default=10, help="failure kinds shown per layout")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    args = ap.parse_args(argv)
    print("$ python bench/split_eval.py " + " ".join(map(shlex.quote, argv or sys.argv[1:])))
    pages = read_pages(args.corpus)
    if not pages:
        print(f"no *.jsonl.gz articles under {args.corpus}", file=sys.stderr)
        return 2
    keys = list(pages)[: args.limit or None]
    layouts = [x for x in args.layouts.split(",") if x]
    scores = {}
    for layout in layouts:
        s = scores[layout] = Score()
        for key in keys:
            rng = random.Random(f"{args.seed}:{layout}:{key}")
            score_page(key, pages[key], render(pages[key], layout, rng), s)
    n_true = sum(len(pages[k]) for k in keys)
    print(f"\n{len(keys)} pages, {n_true} articles, seed {args.seed}\n")
    cols = ["pages exact", "title precision", "title recall", "(with deck)"]
    cols += ["paragraphs whole", "paragraphs present"]
    print(f"| layout | {' | '.join(cols)} |")
    print("| --- " * (len(cols) + 1) + "|")
    for layout, s in scores.items():
        row = [pct(s.exact, s.pages), pct(s.matched, s.pred), pct(s.matched, s.true)]
        row += [pct(s.decks, s.true), pct(s.whole, s.paras), pct(s.present, s.paras)]
        print(f"| {layout} | {' | '.join(row)} |")
    for layout, s in scores.items():
        print(f"\n## {layout}: most frequent failures\n")
        for kind, n in s.kinds.most_common(args.examples):
            key, line, text = s.examples[kind]
            print(f"- {n} × {kind}, e.g. page {key} line {line}:\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
