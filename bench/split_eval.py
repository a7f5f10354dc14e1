"""How well ``split_page`` cuts printed pages into articles, on pages rendered from the corpus.

    python bench/split_eval.py [--days 21-31 | --tune] [--layouts blank,flat,...]
                               [--against REV] [--corpus DIR] [--seed S]
                               [--examples N] [--limit PAGES] [--repeat N]

The People's Daily corpus (one JSON object per article, id ``YYYYMMDD-PP-AAA``) is
the ground truth: its articles are grouped by date and page, and each page is
rendered as plain text in the layouts below (seeded, deterministic). Pages dated
21-31 January are the evaluation set (the default); 1-20 January are for
development (``--tune``, the same as ``--days 1-20``). Never tune on 21-31.

Layouts (untitled articles, briefs, stay untitled on the page):

- ``blank``: title line, blank line, paragraphs apart by one blank line, two
  extra blank lines between articles;
- ``indent``: no blank lines; each paragraph one line opening with ``　　``,
  title lines not indented;
- ``wrapped``: paragraphs hard-wrapped at 28-36 characters (chosen per page),
  apart by blank lines or by indentation (chosen per page); titles on one line;
- ``print-breaks``: like ``blank``, but ~15% of paragraphs broken into two
  blocks at a random character, as a print layout does;
- ``flat``: as the seed page is laid out: one blank line between every two
  blocks, titles and articles set apart by nothing more, and ~12% of paragraphs
  broken into two blocks at a random character (mid-word);
- ``wrap-cells``: digits and Latin letters half-width (as papers of other years
  print them), every line, titles too, hard-wrapped at an odd display width
  between 21 and 79 cells (a CJK character is two cells, so lines hold different
  numbers of characters), paragraphs apart by indentation (``　　`` or four
  spaces) or by blank lines, articles by one extra blank line or by nothing;
- ``header``: a header line with paper, date and page (in one of three styles)
  above a ``flat`` page without print breaks.

Photo captions (``…（图片）``, ``图片新闻``), poems, lists and tables of figures,
datelines, bylines and subheads are whatever the corpus pages hold (about one
article in six is a picture item).

Per layout it prints: pages split exactly, among the pages where every article
starts with a visible cue (a title, a dateline ``本报…电``/``新华社…电``, a byline)
and among all pages; title precision and recall (a predicted article matches a
true one when their titles are equal without whitespace, or both are untitled
and the prediction holds most of the true body); paragraphs recovered whole (the
true paragraph inside one paragraph of the matched article: re-joined, not left
broken); the time ``split_page`` took. A page is split exactly when it has as
many articles as the truth, each matches the true article in its place, and
each starts on the true article's first line. The time is the CPU time of the
fastest of ``--repeat`` passes (default 3) of ``split_page`` over all the layout's
pages (header lines already blanked): CPU time, so that other work on the machine
counts as little as it can. ``--against REV`` splits the same pages with the
splitter of git revision REV too (its whole ``searcher/corpus``: before and after
in one run);
then the most frequent failure kinds with one page excerpt each.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib
import json
import random
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy

from searcher.corpus import split_page  # noqa: E402
from searcher.corpus.meta import meta  # noqa: E402

PUNCT = "，？！：、。；"
DATELINE = re.compile(r"本[报報]|新[华華]社|[据據]")
# What a reader sees open an untitled article: a dateline or a byline.
CUE = re.compile(
    r"[据據]?(?:本[报報]|新[华華]社)[^，。：]{0,16}?[电讯電訊]"
    r"|(?:本[报報]|新[华華]社)?(?:特[约約]|[驻駐]\S{1,8})?(?:[记記]者|通[讯訊][员員])"
)
TUNE_DAYS = (1, 20)
EVAL_DAYS = (21, 31)


def read_pages(folder: Path, days: tuple[int, int] = EVAL_DAYS) -> dict[str, list[dict]]:
    pages: dict[str, list[dict]] = defaultdict(list)
    for f in sorted(folder.rglob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    a = json.loads(line)
                    if days[0] <= int(a["id"][6:8]) <= days[1]:
                        pages[a["id"][:11]].append(a)
    if not pages:  # a wrong --corpus would fit or score nothing, and say nothing
        sys.exit(f"no corpus pages dated {days[0]}-{days[1]} January under {folder} (--corpus DIR)")
    for arts in pages.values():
        arts.sort(key=lambda a: a["id"])
    return dict(sorted(pages.items()))


def cue_page(arts: list[dict]) -> bool:
    return all(a["title"] or CUE.match(a["body"]) for a in arts)


# ---------------------------------------------------------------- rendering


@dataclass
class Page:
    text: str
    starts: list[int]  # 1-based line where each true article starts


def paras_of(a: dict) -> list[str]:
    return [p for p in a["body"].split("\n") if p.strip()]


def broken(paras: list[str], rng: random.Random, share: float) -> list[str]:
    """Paragraphs with some broken in two at a random character, as print layouts do."""
    blocks: list[str] = []
    for p in paras:
        if len(p) >= 4 and rng.random() < share:
            cut = rng.randint(1, len(p) - 1)
            blocks += [p[:cut], p[cut:]]
        else:
            blocks.append(p)
    return blocks


def render_classic(arts: list[dict], layout: str, rng: random.Random, key: str) -> Page:
    """The four layouts of the first version of this benchmark (unchanged)."""
    lines: list[str] = []
    starts: list[int] = []
    width = rng.randint(28, 36)
    by_indent = rng.random() < 0.5  # wrapped: paragraphs set apart by indentation
    for k, a in enumerate(arts):
        paras = paras_of(a)
        if k and not (layout == "wrapped" and by_indent) and layout != "indent":
            lines += ["", ""]  # two blank lines between articles (plus the paragraph gap)
        starts.append(len(lines) + 1)
        if layout in ("blank", "print-breaks"):
            lines += [a["title"], ""] if a["title"] else []
            blocks = broken(paras, rng, 0.15) if layout == "print-breaks" else paras
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
                lines += [first[i : i + width] for i in range(0, len(first), width)]
    return Page("\n".join(lines) + "\n", starts)


def render_flat(arts: list[dict], layout: str, rng: random.Random, key: str) -> Page:
    """One blank line between every two blocks, as the seed page (``header``: a header too)."""
    lines: list[str] = []
    if layout == "header":
        lines += [header_line(key, rng), ""]
    starts: list[int] = []
    for a in arts:
        paras = paras_of(a)
        if lines:
            lines.append("")
        starts.append(len(lines) + 1)
        blocks = ([a["title"]] if a["title"] else []) + (
            broken(paras, rng, 0.12) if layout == "flat" else paras
        )
        lines += "\n\n".join(blocks).split("\n")
    return Page("\n".join(lines) + "\n", starts)


def header_line(key: str, rng: random.Random) -> str:
    y, m, d, page = key[:4], int(key[4:6]), int(key[6:8]), int(key[9:11])
    fw = str.maketrans("0123456789", "０１２３４５６７８９")
    return rng.choice(
        [
            f"人民日报 {y}年{m}月{d}日 第{page}版",
            f"人民日报\u3000{y}年{m}月{d}日\u3000星期三\u3000第{page}版".translate(fw),
            f"人民日报 {y}-{m:02d}-{d:02d} 第{page:02d}版",
        ]
    )


_HALF = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c - 0xFEE0).isalnum()}
    | {"％": "%", "．": "."}
)


def halfwidth(arts: list[dict]) -> list[dict]:
    return [
        a | {"title": a["title"].translate(_HALF), "body": a["body"].translate(_HALF)} for a in arts
    ]


def cells(c: str) -> int:
    return 1 if ord(c) < 0x1100 else 2


def cells_of(s: str) -> int:
    return sum(map(cells, s))


def wrap_cells(s: str, width: int) -> list[str]:
    out, cur, w = [], "", 0
    for c in s:
        if w + cells(c) > width and cur:
            out.append(cur)
            cur, w = "", 0
        cur, w = cur + c, w + cells(c)
    return out + [cur]


def render_wrap_cells(arts: list[dict], layout: str, rng: random.Random, key: str) -> Page:
    width = rng.choice(range(21, 80, 2))
    indent = rng.choice(["\u3000\u3000", "    ", ""])  # "": paragraphs apart by blank lines
    article_gap = rng.random() < 0.5
    lines: list[str] = []
    starts: list[int] = []
    for k, a in enumerate(arts):
        if k and (article_gap or not indent):
            lines += [""] * (article_gap + (not indent))
        starts.append(len(lines) + 1)
        if a["title"]:
            lines += wrap_cells(a["title"], width) + ([] if indent else [""])
        for n, p in enumerate(paras_of(a)):
            if n and not indent:
                lines.append("")
            lines += wrap_cells(indent + p, width)
    return Page("\n".join(lines) + "\n", starts)


@dataclass(frozen=True)
class Layout:
    render: Callable[[list[dict], str, random.Random, str], Page]
    convert: Callable[[list[dict]], list[dict]] = lambda arts: arts


LAYOUTS: dict[str, Layout] = {
    "blank": Layout(render_classic),
    "indent": Layout(render_classic),
    "wrapped": Layout(render_classic),
    "print-breaks": Layout(render_classic),
    "flat": Layout(render_flat),
    "wrap-cells": Layout(render_wrap_cells, halfwidth),
    "header": Layout(render_flat),
}


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
    cue_pages: int = 0
    cue_exact: int = 0
    true: int = 0
    pred: int = 0
    matched: int = 0
    paras: int = 0
    whole: int = 0
    seconds: float = 0.0
    chars: int = 0
    kinds: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)

    def fail(self, kind: str, key: str, page: Page, line: int) -> None:
        self.kinds[kind] += 1
        self.examples.setdefault(kind, (key, line, excerpt(page.text, line)))

    def row(self) -> list[str]:
        return [
            f"{pct(self.cue_exact, self.cue_pages)} ({self.cue_exact}/{self.cue_pages})",
            f"{pct(self.exact, self.pages)} ({self.exact}/{self.pages})",
            pct(self.matched, self.pred),
            pct(self.matched, self.true),
            pct(self.whole, self.paras),
            f"{1000 * self.seconds:.0f}",
            f"{self.chars / self.seconds / 1e6:.2f}" if self.seconds else "-",
        ]


COLUMNS = [
    "exact, cue pages",
    "exact, all pages",
    "title precision",
    "title recall",
    "paragraphs whole",
    "split ms",
    "M chars/s",
]


def find_line(text: str, part: str, start: int) -> int:
    """The line at or after ``start`` where ``part`` begins (``start`` if not found)."""
    lines = text.split("\n")
    return next((n for n in range(start, len(lines) + 1) if part in lines[n - 1]), start)


def overlap(true_paras: list[str], pred_body: str, author: str = "") -> float:
    flat = pred_body.replace("\n", "")
    total = sum(len(p) for p in true_paras) or 1
    return sum(len(p) for p in true_paras if p in flat or uncredited(p, author) in flat) / total


def uncredited(p: str, author: str) -> str:
    """A paragraph without the credit closing it (``…好评。（尹仲利）``), where the
    splitter moved that credit to the author."""
    m = re.search(r"[（(]([^（）()]{2,20})[）)]$", p)
    names = author.replace(" ", "")
    return p[: m.start()] if m and names and re.sub(r"\W", "", m.group(1)) in names else p


_ROLES = r"本报|新华社|特约|驻\S{1,8}?(?=记者)|记者|通讯员|实习生|摄影?|报道|[（()）\s、]"


def whole(p: str, pred_paras: list[str], author: str) -> bool:
    if any(p in q for q in pred_paras):
        return True
    names = re.sub(_ROLES, "", p)
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


def match_titles(arts: list[dict], pred: list) -> tuple[dict[int, int], dict[int, int]]:
    """True article -> the predicted article of its title; and how many body
    paragraphs the predicted title holds (a deck printed as a heading)."""
    used: set[int] = set()
    match: dict[int, int] = {}
    decks: dict[int, int] = {}
    for i, a in enumerate(arts):
        paras = paras_of(a)
        # The corpus keeps only a headline's first line as its title; a page prints the
        # deck under it as a heading too, and a title holding it is right.
        titles = {norm(a["title"] + "".join(paras[:k])): k for k in range(bool(a["title"]) + 2)}
        cands = [
            (j == i, titles[norm(p.title)] == 0, overlap(paras, p.body, p.author), j)
            for j, p in enumerate(pred)
            if j not in used and norm(p.title) in titles
        ]
        if not a["title"]:
            cands = [c for c in cands if c[2] > 0.5]
        if cands:
            j = max(cands)[3]
            used.add(j)
            match[i] = j
            decks[i] = titles[norm(pred[j].title)]
    return match, decks


def score_page(key: str, arts: list[dict], page: Page, pred: list, s: Score) -> None:
    match, decks = match_titles(arts, pred)
    exact = len(pred) == len(arts) and all(
        match.get(i) == i and pred[i].line == page.starts[i] for i in range(len(arts))
    )
    s.pages += 1
    s.exact += exact
    if cue_page(arts):
        s.cue_pages += 1
        s.cue_exact += exact
    s.true += len(arts)
    s.pred += len(pred)
    s.matched += len(match)
    score_paragraphs(key, arts, page, s, pred, match, decks)
    score_failures(key, arts, page, s, pred, match)


def score_paragraphs(key, arts, page, s, pred, match, decks) -> None:
    for i, a in enumerate(arts):
        paras = paras_of(a)
        s.paras += len(paras)
        if i not in match:
            continue
        p = pred[match[i]]
        qs = p.body.split("\n")
        flat = p.body.replace("\n", "")
        kinds: dict[str, int] = {}
        for n, para in enumerate(paras):
            ok = n < decks[i] or whole(para, qs, p.author)
            s.whole += ok
            if not ok:
                kind = "paragraph left broken" if para in flat else "article cut short"
                kinds.setdefault(kind, find_line(page.text, para[:6], page.starts[i]))
        for kind, at in kinds.items():  # one failure per article and kind
            s.fail(kind, key, page, at)
        if match[i] == i and p.line != page.starts[i]:
            s.fail("article starts on the wrong line", key, page, page.starts[i])


def score_failures(key, arts, page, s, pred, match) -> None:
    pred_titles = {norm(p.title) for p in pred}
    body_lines = {norm(q) for p in pred for q in p.body.split("\n")}
    for i, a in enumerate(arts):
        if i in match:
            continue
        t = norm(a["title"])
        if not t:
            paras = paras_of(a)
            opens = "with" if DATELINE.match(paras[0] if paras else "") else "without"
            kind = f"untitled brief {opens} dateline not separated"
        elif t in body_lines:
            kind = "title read as a body line" + title_kind(a["title"])
        elif any(t in x for x in pred_titles):
            kind = "title glued to a neighbouring line"
        else:
            kind = "title lost in a paragraph"
        s.fail(kind, key, page, page.starts[i])
    true_titles = {norm(a["title"]) for a in arts}
    used = set(match.values())
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


# ---------------------------------------------------------------- running


def load_split(rev: str) -> Callable:
    """``split_page`` of git revision ``rev``: its ``searcher/corpus`` package (and
    ``searcher/errors.py``) copied out of git into a package of another name, so
    that both splitters, whole, run side by side in one process."""
    name = "_searcher_at_" + re.sub(r"\W", "_", rev)
    folder = Path(tempfile.mkdtemp(prefix="split_eval_"))
    listed = _git("ls-tree", "--name-only", f"{rev}:searcher/corpus").split()
    files = ["errors.py", *(f"corpus/{f}" for f in listed if f.endswith(".py"))]
    for f in files:
        src = re.sub(
            r"\bsearcher\.(?=corpus|errors)", name + ".", _git("show", f"{rev}:searcher/{f}")
        )
        (folder / name / f).parent.mkdir(parents=True, exist_ok=True)
        (folder / name / f).write_text(src, encoding="utf-8")
    (folder / name / "__init__.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(f"{name}.corpus.split").split_page
    finally:
        sys.path.remove(str(folder))


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout


def day_range(s: str) -> tuple[int, int]:
    lo, _, hi = s.partition("-")
    return int(lo), int(hi or lo)


def timed(splits: list[Callable], texts: list[str], repeat: int) -> list[tuple[list, float]]:
    """Each page split by each splitter, and the CPU time of each splitter's fastest
    pass over them all; the splitters take turns, so that a busy moment of the
    machine does not fall on one of them only."""
    best = [float("inf")] * len(splits)
    out: list[list] = [[] for _ in splits]
    for _ in range(repeat):
        for n, split in enumerate(splits):
            gc.collect()
            t0 = time.process_time()
            out[n] = [split(t) for t in texts]
            best[n] = min(best[n], time.process_time() - t0)
    return list(zip(out, best))


def evaluate(pages, keys, layouts, splits, args) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for layout in layouts:
        spec = LAYOUTS[layout]
        arts = {key: spec.convert(pages[key]) for key in keys}
        rendered = {
            key: spec.render(arts[key], layout, random.Random(f"{args.seed}:{layout}:{key}"), key)
            for key in keys
        }
        # A header line is blanked before splitting, as indexing does.
        texts = [meta(Path("page.txt"), rendered[key].text)[3] for key in keys]
        runs = timed([split for _, split in splits], texts, args.repeat)
        for (label, _), (preds, seconds) in zip(splits, runs):
            s = scores[layout + label] = Score(seconds=seconds)
            s.chars = sum(map(len, texts))
            for key, pred in zip(keys, preds):
                score_page(key, arts[key], rendered[key], pred, s)
    return scores


def held_out_args(doc: str, script: str, argv: list[str] | None, days: bool) -> argparse.Namespace:
    """The options of a held-out check (``--days`` if ``days``), echoed as a command."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus")
    ap.add_argument("--seed", type=int, default=1998)
    if days:
        ap.add_argument("--days", type=day_range, default=EVAL_DAYS)
    ap.add_argument("--against", metavar="REV", help="also split with the splitter of git REV")
    ap.add_argument("--examples", type=int, default=5, help="failure kinds shown per layout")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    print(f"$ python bench/{script} " + " ".join(map(shlex.quote, argv or sys.argv[1:])))
    return args


def splitters(against: str | None) -> list[tuple[str, Callable]]:
    """This checkout's ``split_page``, after that of git revision ``against`` if given."""
    return ([(f" @{against}", load_split(against))] if against else []) + [("", split_page)]


def score_layouts(args, layouts: dict[str, Layout], days: tuple[int, int]):
    """The corpus pages of ``days`` printed in ``layouts`` (more layouts, as a held-out
    check brings), scored for each splitter: pages, splitters, scores, and how many
    pages have a cue for every article."""
    LAYOUTS.update(layouts)
    pages = read_pages(args.corpus, days)
    splits = splitters(args.against)
    scores = evaluate(pages, list(pages), list(layouts), splits, args)
    return pages, splits, scores, sum(cue_page(arts) for arts in pages.values())


def print_table(scores: dict[str, Score], examples: int) -> None:
    print(f"| layout | {' | '.join(COLUMNS)} |")
    print("| --- " * (len(COLUMNS) + 1) + "|")
    for name, s in scores.items():
        print(f"| {name} | {' | '.join(s.row())} |")
    for name, s in scores.items():
        if examples and s.kinds:
            print(f"\n## {name}: most frequent failures\n")
        for kind, n in s.kinds.most_common(examples):
            key, line, text = s.examples[kind]
            print(f"- {n} × {kind}, e.g. page {key} line {line}:\n{text}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus")
    ap.add_argument("--seed", type=int, default=1998)
    ap.add_argument("--days", type=day_range, default=EVAL_DAYS, help="A-B (default 21-31)")
    ap.add_argument("--tune", action="store_const", dest="days", const=TUNE_DAYS)
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--against", metavar="REV", help="also split with the splitter of git REV")
    ap.add_argument("--examples", type=int, default=10, help="failure kinds shown per layout")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes, the fastest counts")
    args = ap.parse_args(argv)
    print("$ python bench/split_eval.py " + " ".join(map(shlex.quote, argv or sys.argv[1:])))
    pages = read_pages(args.corpus, args.days)
    if not pages:
        print(f"no *.jsonl.gz articles of days {args.days} under {args.corpus}", file=sys.stderr)
        return 2
    keys = list(pages)[: args.limit or None]
    layouts = [x for x in args.layouts.split(",") if x]
    unknown = set(layouts) - set(LAYOUTS)
    if unknown:
        ap.error(f"unknown layout {', '.join(sorted(unknown))} (known: {', '.join(LAYOUTS)})")
    scores = evaluate(pages, keys, layouts, splitters(args.against), args)
    n_true = sum(len(pages[k]) for k in keys)
    n_cue = sum(cue_page(pages[k]) for k in keys)
    lo, hi = args.days
    print(f"\n{len(keys)} pages ({n_cue} with a cue for every article), {n_true} articles,")
    print(f"dated {lo}-{hi} January 1998, seed {args.seed}\n")
    print_table(scores, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
