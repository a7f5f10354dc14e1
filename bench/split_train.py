"""Fit the weights of the page splitter's model (``searcher/corpus/split_model.py``).

    python bench/split_train.py [--corpus DIR] [--days 1-20] [--layouts ...] [--write]

Pages dated 1-20 January 1998 only (never the evaluation days 21-31) are printed
in the layouts of ``split_eval.py``; each block of each page that could open an
article is a sample, its features those ``segment.features`` computes while
reading the page with the true split so far (so the article being read is the
true one), its label whether a true article starts on its line. A logistic
regression with a small L2 penalty is fitted by Newton's method (pure Python:
a few dozen features). ``--write`` writes the weights into
``searcher/corpus/split_model.py``; without it they are only printed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import random
import re
import sys
import textwrap
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import split_eval as ev

from searcher.corpus import lexicon, segment, split, split_lexicon, split_model
from searcher.corpus.blocks import heading_like
from searcher.corpus.meta import meta

MODEL = ev.ROOT / "searcher" / "corpus" / "split_model.py"
LEXICON = ev.ROOT / "searcher" / "corpus" / "split_lexicon.py"
# Column labels for the training-only layout (not those of the held-out check).
LABELS = ["■ 走基层", "● 民生", "◆ 视点", "【读者来信】", "★ 专题报道", "▲ 国际"]


def render_furniture(arts: list[dict], layout: str, rng: random.Random, key: str) -> ev.Page:
    """Training only: a ``header`` page with a column label over some titles and the
    subtitle of a title (``…——记…``) on a line of its own, as papers print them."""
    lines = [ev.header_line(key, rng), ""]
    starts: list[int] = []
    for a in arts:
        starts.append(len(lines) + 1)
        if a["title"] and rng.random() < 0.1:
            lines += [rng.choice(LABELS), ""]
        title, dash, sub = a["title"].partition("——")
        if dash and len(title) >= 4 and len(sub) >= 4 and rng.random() < 0.7:
            lines += [title, "", dash + sub, ""]
        elif a["title"]:
            lines += [a["title"], ""]
        lines += "\n\n".join(ev.broken(ev.paras_of(a), rng, 0.05)).split("\n") + [""]
    return ev.Page("\n".join(lines) + "\n", starts)


TRAIN_LAYOUTS = {**ev.LAYOUTS, "furniture": ev.Layout(render_furniture)}


def samples(pages: dict, layouts: list[str], seed: int) -> list[tuple[dict, int]]:
    out: list[tuple[dict, int]] = []
    for layout in layouts:
        spec = TRAIN_LAYOUTS[layout]
        for key, arts in pages.items():
            arts = spec.convert(arts)
            page = spec.render(arts, layout, random.Random(f"{seed}:{layout}:{key}"), key)
            units, lay, _ = split.units_of(meta(Path("page.txt"), page.text)[3])
            if not units:
                continue
            true = set(page.starts)

            def oracle(i: int, x: dict, units=units, true=true) -> bool:
                # Under a column label, the article starts at the label.
                y = units[i].line in true or (
                    units[i - 1].kind == "label" and units[i - 1].line in true
                )
                out.append((x, int(y)))
                return y

            segment.starts(units, lay, oracle)
    return out


def fit(data: list[tuple[dict, int]], l2: float = 1.0, rounds: int = 25) -> dict[str, float]:
    names = sorted({k for x, _ in data for k in x}) + ["bias"]
    index = {k: n for n, k in enumerate(names)}
    rows = [([(index[k], v) for k, v in x.items()] + [(index["bias"], 1.0)], y) for x, y in data]
    w = [0.0] * len(names)
    for _ in range(rounds):
        grad = [l2 * wi for wi in w]
        hess = [[l2 if a == b else 0.0 for b in range(len(w))] for a in range(len(w))]
        for row, y in rows:
            z = sum(w[j] * v for j, v in row)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g, h = p - y, p * (1 - p)
            for j, v in row:
                grad[j] += g * v
                for k, u in row:
                    hess[j][k] += h * v * u
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(map(abs, step)) < 1e-4:
            break
    return {k: round(w[n], 3) for k, n in index.items()}


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def common_pairs(pages: dict, k: int = 1000) -> list[str]:
    """The two-character strings found in the most articles: the commonest words,
    which a layout breaking a paragraph in two may cut."""
    df: Counter = Counter()
    for arts in pages.values():
        for a in arts:
            s = re.sub(r"[^\u4e00-\u9fff]+", "|", a["title"] + a["body"])
            df.update({s[i : i + 2] for i in range(len(s) - 1)})
    return [g for g, _ in df.most_common() if "|" not in g][:k]


def common_chars(pages: dict, k: int = 300) -> list[str]:
    """The characters found in the most articles: shared by any two texts, they say
    nothing of whether two texts are about the same thing."""
    df: Counter = Counter()
    for arts in pages.values():
        for a in arts:
            df.update(set(re.sub(r"[^\u4e00-\u9fff]", "", a["title"] + a["body"])))
    return [c for c, _ in df.most_common(k)]


def examples(pages: dict, seed: int) -> dict[str, list[str]]:
    """The corpus's own lines, by their place: titles; short body lines (subheads,
    verses, captions) and paragraph openings a print break cut off; first and later
    paragraphs of a text; last and other paragraphs."""
    rng = random.Random(f"{seed}:lexicon")
    out: dict[str, list[str]] = {k: [] for k in ("title", "short", "first", "later", "last")}
    out["other"] = []
    for arts in pages.values():
        for a in arts:
            out["title"] += [a["title"]] if a["title"] else []
            paras = ev.paras_of(a)
            for i, p in enumerate(paras):
                if i and heading_like(p):
                    out["short"].append(p)
                elif len(p) >= 4 and not heading_like(p):
                    cut = rng.randint(1, len(p) - 1)
                    out["short"] += [p[:cut]] if heading_like(p[:cut]) else []
                out["first" if i == 0 else "later"].append(p)
                out["last" if i == len(paras) - 1 else "other"].append(p)
    return out


def log_odds(pos: list[str], neg: list[str], feats, least: int = 20) -> dict[str, float]:
    """Each n-gram's log-odds of being in a line of ``pos`` rather than of ``neg``
    (seen ``least`` times at least, and saying something: 0.3 or more either way)."""
    cp: Counter = Counter()
    cn: Counter = Counter()
    for s in pos:
        cp.update(feats(s))
    for s in neg:
        cn.update(feats(s))
    out = {}
    for f in cp.keys() | cn.keys():
        w = math.log((cp[f] + 0.5) / (len(pos) + 1)) - math.log((cn[f] + 0.5) / (len(neg) + 1))
        if cp[f] + cn[f] >= least and abs(w) >= 0.3 and f.split() == [f]:
            out[f] = round(w, 2)
    return dict(sorted(out.items()))


def fold_table(chars: set[str]) -> str:
    """Traditional forms of the tables' characters, each before its simplified one
    (OpenCC's Taiwan and Hong Kong forms): a Big5 page is weighed as a GB one."""
    import opencc

    pairs = {}
    for conv in ("s2t", "s2tw", "s2hk"):
        cc = opencc.OpenCC(conv)
        for c in sorted(chars):
            t = cc.convert(c)
            if len(t) == 1 and t != c and t not in chars:
                pairs[t] = c
    return "".join(t + c for t, c in sorted(pairs.items()))


def tables(pages: dict, seed: int) -> tuple[dict, dict, dict, frozenset]:
    """The tables of ``lexicon`` (TITLE, OPEN, END, JOINS), counted on ``pages``."""
    ex = examples(pages, seed)
    return (
        log_odds(ex["title"], ex["short"], lexicon.title_features),
        log_odds(ex["first"], ex["later"], lexicon.open_features),
        log_odds(ex["last"], ex["other"], lexicon.end_features),
        joins(pages),
    )


def joins(pages: dict, least: int = 5, pmi: float = 1.0) -> frozenset[str]:
    """The two Han characters found side by side in the text ``least`` times at least
    and ``e ** pmi`` times as often as by chance: the inside of a word or a set phrase,
    where a print layout's break cuts a paragraph, not a title from its text."""
    pairs: Counter = Counter()
    chars: Counter = Counter()
    for arts in pages.values():
        for a in arts:
            for p in ev.paras_of(a):
                chars.update(p)
                pairs.update(p[i : i + 2] for i in range(len(p) - 1))
    n = sum(chars.values())
    return frozenset(
        g
        for g, k in pairs.items()
        if k >= least
        and _HAN2.fullmatch(g)
        and math.log(k * n / (chars[g[0]] * chars[g[1]])) >= pmi
    )


_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")


def crossed_samples(pages: dict, layouts: list[str], seed: int) -> list[tuple[dict, int]]:
    """``samples`` whose word odds come from tables counted on the other half of the
    days: the model learns to weigh the odds as they are on pages the tables never
    saw (as every page a user brings), not as they are on the pages they count."""
    days = sorted({int(k[6:8]) for k in pages})
    half = days[len(days) // 2]
    early = {k: v for k, v in pages.items() if int(k[6:8]) < half}
    late = {k: v for k, v in pages.items() if int(k[6:8]) >= half}
    kept = lexicon.TITLE, lexicon.OPEN, lexicon.END, lexicon.JOINS
    out: list[tuple[dict, int]] = []
    try:
        for these, others in ((early, late), (late, early)):
            lexicon.TITLE, lexicon.OPEN, lexicon.END, lexicon.JOINS = tables(others, seed)
            out += samples(these, layouts, seed)
    finally:
        lexicon.TITLE, lexicon.OPEN, lexicon.END, lexicon.JOINS = kept
    return out


def write_lexicon(pages: dict, seed: int, note: str) -> None:
    ex = examples(pages, seed)
    title, opening, end, joined = tables(pages, seed)
    chars = {c for k in ("title", "short", "first") for s in ex[k] for c in s}
    LEXICON.write_text(
        '"""N-gram log-odds of ``lexicon``: written by bench/split_train.py, do not edit.\n\n'
        + textwrap.fill(note, 88)
        + '\n"""\n\n\ndef _table(s: str) -> dict[str, float]:\n'
        + "    it = iter(s.split())\n    return {k: float(v) for k, v in zip(it, it)}\n\n\n"
        + f"FOLD = (\n{_rows(list(fold_table(chars)), '')}\n)\n"
        + _table("TITLE", title)
        + _table("OPEN", opening)
        + _table("END", end)
        + "\n# Han characters found side by side far more often than by chance (``joins``).\n"
        + f"_JOINS = (\n{_literal(sorted(joined), 20)}\n)\n"
        + "JOINS = frozenset(_JOINS[i : i + 2] for i in range(0, len(_JOINS), 2))\n",
        encoding="utf-8",
    )


def _table(name: str, table: dict[str, float]) -> str:
    return f"{name} = _table(\n{_rows([f'{k} {v:g}' for k, v in table.items()], ' ')}\n)\n"


def _rows(items: list[str], sep: str) -> str:
    """String literals of ``items`` (joined by ``sep``), each line in 100 cells."""
    rows, row = [], ""
    for item in items:
        if row and ev.cells_of(row + item) > 88:
            rows.append(row)
            row = ""
        row += item + sep
    return "\n".join(f"    {_quoted(r)}" for r in [*rows, row] if r)


def _quoted(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a Python literal too, in double quotes


# What the quick model leaves out: the words (``lexicon``, cohesion), read only where
# the cues a glance shows leave the decision open.
SLOW = ("cohesion", "odds", "opens", "ends", "covers", "echoes")


def quick(data: list[tuple[dict, int]]) -> list[tuple[dict, int]]:
    return [({k: v for k, v in x.items() if not k.endswith(SLOW)}, y) for x, y in data]


def write(
    weights: dict[str, float], fast: dict[str, float], chars: list[str], pairs: list[str], note: str
) -> None:
    MODEL.write_text(
        '"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.\n\n'
        + textwrap.fill(note, 88)
        + '\n"""\n\nWEIGHTS = {\n'
        + _weights(weights)
        + "\n}\n\n# The quick model: the same cues but the words.\nQUICK = {\n"
        + _weights(fast)
        + "\n}\n\n# The characters of the most articles (left out of cohesion).\n"
        + f"COMMON = frozenset(\n{_literal(chars, 40)}\n)\n"
        + "\n# The two-character strings of the most articles, one after another (words a\n"
        + "# print layout may cut in two).\n"
        + f"_PAIRS = (\n{_literal(pairs, 20)}\n)\n"
        + "COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))\n",
        encoding="utf-8",
    )


def _weights(weights: dict[str, float]) -> str:
    return "\n".join(
        f"    {_quoted(k)}: {v!r}," for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1]))
    )


def _literal(items: list[str], per_line: int) -> str:
    rows = ["".join(items[i : i + per_line]) for i in range(0, len(items), per_line)]
    return "\n".join(f'    "{r}"' for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ev.ROOT / ".." / "shared" / "corpus")
    ap.add_argument("--days", type=ev.day_range, default=ev.TUNE_DAYS)
    ap.add_argument("--layouts", default=",".join(TRAIN_LAYOUTS))
    ap.add_argument("--seed", type=int, default=1998)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    if args.days[1] > ev.TUNE_DAYS[1]:
        ap.error("train on pages dated 1-20 January only: 21-31 are for evaluation")
    pages = ev.read_pages(args.corpus, args.days)
    if args.write:  # cohesion leaves the commonest strings out: fitted with the new ones
        write({}, {}, common_chars(pages), common_pairs(pages), "")
        lo, hi = args.days
        lex = f"Counted on the articles of {len(pages)} pages dated {lo}-{hi} January 1998."
        write_lexicon(pages, args.seed, lex)
        for module in (split_model, split_lexicon, lexicon, segment, split):
            importlib.reload(module)
    data = crossed_samples(pages, args.layouts.split(","), args.seed)
    weights = fit(data, args.l2)
    fast = fit(quick(data), args.l2)
    pos = sum(y for _, y in data)
    note = (
        f"Fitted on {len(data)} blocks ({pos} open an article) of {len(pages)} pages dated"
        f" {args.days[0]}-{args.days[1]} January 1998 in layouts {args.layouts}; L2 {args.l2}."
    )
    print(note)
    for k, v in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {v:+7.3f}  {k}")
    if args.write:
        write(weights, fast, common_chars(pages), common_pairs(pages), note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
