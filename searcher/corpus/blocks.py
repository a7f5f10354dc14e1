"""A page's lines -> its blocks (paragraphs as printed), and what the layout uses to set them apart.

A block is a run of lines the page prints as one paragraph: one line, or the
lines of a paragraph hard-wrapped at a fixed width (in characters or in display
cells, a CJK character being two). The layout is what the page uses between
paragraphs and between articles: blank lines, indentation, a wider gap.
User markers are read here and taken out of the text (never part of a block):
a line ``@@article`` (an article starts at the next line), ``@@title`` (the next
line is the title of an article starting there), ``@@title TEXT`` (an article
titled TEXT starts at the next line) or ``@@continue`` (no article starts at the
next line). ``@@`` opening a line is not something a newspaper prints.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from searcher.corpus import cues

MARKER = re.compile(r"[ \t\u3000]*@@([A-Za-z]*)[ \t\u3000]*(.*)$")
MARKERS = ("article", "title", "continue")


@dataclass(slots=True)
class Block:
    text: str
    line: int  # 1-based line of its first line
    gap: int  # blank lines before it
    indent: int  # display cells of leading whitespace on its first line
    lines: int = 1  # printed lines joined into it
    full_end: bool = False  # its last line fills the wrap width: the paragraph may go on
    kind: str = "para"  # para, heading, subtitle, byline, label
    names: list[str] = field(default_factory=list)
    force: str = ""  # a marker before it: article, title or continue
    given_title: str = ""  # the title a ``@@title TEXT`` marker gives the article it opens
    joins: list[int] = field(default_factory=list)  # lines where a broken paragraph was re-joined


@dataclass
class Layout:
    """What a page uses to set paragraphs and articles apart."""

    usual_gap: int = 0  # blank lines between paragraphs
    article_gap: int = 0  # blank lines before titles, where wider than usual_gap
    indent: int = 0  # cells paragraphs are indented by (0: not indented)
    wrap: int = 0  # the width lines were hard-wrapped at (0: not wrapped)
    even: bool = True  # its gaps are a system (False: wider gaps of two sizes or more)


@dataclass(frozen=True)
class Marker:
    line: int
    word: str  # article, title, continue (or an unknown word, reported)
    text: str  # the whole line, for a report
    arg: str = ""  # what follows the word (``@@title 标题``: the title)


def cells(s: str) -> int:
    """Display width: a character outside ASCII counts two (CJK and full-width forms)."""
    return 2 * len(s) - len(s.encode("ascii", "ignore"))


def _indent(raw: str) -> int:
    """Cells of leading white space: an ideographic space or an em space is two, a
    tab four, any other space one (a no-break space, as a web page's copy has)."""
    if not raw[:1].isspace():
        return 0
    n = len(raw) - len(raw.lstrip())
    lead = raw[:n]
    return n + lead.count("\u3000") + lead.count("\u2003") + 3 * lead.count("\t")


def read_markers(lines: list[str]) -> tuple[list[str | None], list[Marker]]:
    """Marker lines taken out of the page: None in their place (no text, no gap)."""
    markers: list[Marker] = []
    out: list[str | None] = list(lines)
    for n, line in enumerate(lines):
        if "@@" in line[:8] and (m := MARKER.match(line)):
            markers.append(Marker(n + 1, m.group(1).lower(), line.strip(), m.group(2).strip()))
            out[n] = None
    return out, markers


def _wrap_width(lines: list[str | None]) -> tuple[list[int] | None, int, bool]:
    """The width a page was hard-wrapped at, and whether it is counted in cells: many
    lines (three in ten) within a few characters under it, next to none over it, and
    most of those go on on the next line. With it, each line's width so counted
    (None for a page not wrapped)."""
    texts = [x for x in lines if x]
    n = len(texts)
    if n < 6 or sum(map((200).__lt__, map(len, texts))) > max(1, n // 25):
        return None, 0, False  # lines of whole paragraphs: no page is wrapped that wide
    best: tuple[float, list[int] | None, int, bool] = (0.0, None, 0, False)
    for in_cells, lo in ((False, 2), (True, 3)):
        measure = cells if in_cells else len
        widths = [measure(x) if x else 0 for x in lines]
        # Each line's width if a line of text is right under it (-1 if not).
        over = [w if b else -1 for w, b in zip(widths, lines[1:])]
        sizes = sorted(w for w, x in zip(widths, lines) if x)
        for width in sorted({w for w in sizes[-n // 2 :] if w >= 8}, reverse=True)[:12]:
            under = bisect.bisect_right(sizes, width + 1)
            full = under - bisect.bisect_left(sizes, width - lo)
            fits = n - under <= max(1, n // 25) and full >= max(4, 0.3 * n)
            if (
                fits
                and full / n > best[0]
                and sum(width - lo <= w <= width + 1 for w in over) >= 0.6 * full
            ):
                best = (full / n, widths, width, in_cells)
    return best[1], best[2], best[3]


def blocks(text: str) -> tuple[list[Block], Layout, list[Marker]]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    lines, markers = read_markers([line.rstrip() for line in raw_lines])
    widths, width, in_cells = _wrap_width(lines)
    slack = 3 if in_cells else 2
    indents = [_indent(x) if x and x[0].isspace() else 0 for x in lines]
    margin = min((d for x, d in zip(lines, indents) if x), default=0)
    out: list[Block] = []
    parts: list[list[str]] = []
    at = {m.line: m for m in markers}
    gap, last, force, given = 0, -1, "", ""
    for n, raw in enumerate(lines, 1):
        if raw is None:
            if at[n].word in MARKERS:
                force, given = at[n].word, at[n].arg if at[n].word == "title" else ""
            continue
        if not raw:
            gap, last = gap + 1, -1
            continue
        s, indent = raw.strip(), indents[n - 1] - margin
        if (
            widths
            and last >= 0
            and not force
            and _continues(lines, indents, widths, n, last, s, indent, width - slack, parts[-1][-1])
        ):
            # A wrapper cuts words and numbers anywhere ("增长3" / "0%"): the line goes
            # on without a space, unless the space was left at the end of the line.
            before = lines[last] or ""
            spaced = raw_lines[n - 2][-1:] in (" ", "\t") and (before[-1:] + s[:1]).isascii()
            parts[-1][-1] += (" " if spaced else "") + s
            out[-1].lines += 1
        else:
            out.append(Block(s, n, gap, indent, force=force, given_title=given))
            parts.append([s])
            force, given = "", ""
        if widths:
            out[-1].full_end = widths[n - 1] >= width - slack
        gap, last = 0, n - 1
    for b, p in zip(out, parts):
        b.text = p[0] if len(p) == 1 else join(p)
    lay = _layout(out, width)
    if lay.usual_gap and not width and _two_line_titles(out):
        lay = _layout(out, width)
    return out, lay, markers


def _two_line_titles(bs: list[Block]) -> bool:
    """On a page that sets its blocks apart by blank lines, two short lines with
    none between them that make a headline are one title printed over two lines
    (not a column label over a title, a title over its byline, dateline or
    subtitle, rows of a table): joined into one block. Whether any were."""
    k, joined = 1, False
    while k < len(bs):
        a, b = bs[k - 1], bs[k]
        if not b.gap and a.lines == b.lines == 1 and _one_title(a.text, b.text):
            a.text, a.lines, a.full_end = join([a.text, b.text]), 2, b.full_end
            del bs[k]
            joined = True
        k += 1
    return joined


def _one_title(a: str, b: str) -> bool:
    # (A line of four characters or less under a title names its author more often
    # than it ends the title: 今哲, 钟行.)
    if min(len(a), len(b)) < 5 or len(a) + len(b) > 40 or complete(a) or a[-1] in "!?！？":
        return False
    if not heading_like(a + b):
        return False
    if column_label(a) or b.startswith(("——", "──", "--")):
        return False
    if cues.byline(b) is not None or cues.person_names(b) is not None:
        return False  # (本报评论员: a byline naming no one)
    if cues.ends_in_office(b) or cues.dateline(b):
        return False
    return not (table_row(a) or table_row(b))


def column_label(s: str) -> bool:
    """A column's name alone on its line: after a mark (``■ 时事观察``), ending no
    sentence, or in brackets (``【地方传真】``)."""
    return (len(s) <= 40 and s[:1] in cues.MARKS and not complete(s)) or bool(
        cues.BRACKETED_LABEL.fullmatch(s)
    )


def table_row(s: str) -> bool:
    """A row of a table: mostly figures, or three or more short cells."""
    cells = s.split()
    if len(cells) >= 3 and max(map(len, cells)) <= 4:
        return True
    digits = sum(map(str.isdigit, s)) + sum(map(_FIGURE_MARKS.__contains__, s))
    return digits * 3 >= len(s)


_FIGURE_MARKS = frozenset(".．%％-－+")


def _continues(
    lines: list[str | None],
    indents: list[int],
    widths: list[int],
    n: int,
    last: int,
    s: str,
    indent: int,
    full: int,
    so_far: str,
) -> bool:
    """Does printed line ``n`` (1-based, text ``s``) go on with the paragraph of line
    ``last`` (0-based) as a hard wrap does? Only after a line that fills the width
    (``full`` or more), and never indented (that opens a paragraph). ``so_far``: the
    paragraph's lines up to ``last``."""
    if indent or widths[last] < full:
        return False
    year = s[:1] in "’'" and s[1:2].isdigit()  # ’97: a year, no quote closed
    if (s[:1] in "（(" and s[-1:] in "）)") or (s[:1] in _CLOSE and not year):
        return True  # a note goes with the full line above it (欢乐的山寨（拉祜族）/（图片）),
        # and a line opening with a closing mark (》评析, not ’９７) goes on from it
    # A full line that ends a sentence, then a line that could be a title (one with a
    # comma or a colon too, over a paragraph's first line): not glued.
    # (Not after a bracket or a quote still open, 读《当代学术： / 川籍学者文丛》, nor
    # after a dateline alone, 新华社南宁一月十五日电（记者邓亚平） / 政协广西…, on one
    # line or more)
    if not complete(lines[last]):
        return True
    titled = heading_like(s) or (
        len(s) <= 40 and _ends_as_title(s) and _heads(lines, indents, n, s, widths[n - 1] >= full)
    )
    return not titled or _left_open(lines[last]) or _dateline_only(so_far)


# Brackets and quotes that open and close apart (a broken paragraph's often do not pair up).
BRACKETS = ("（）", "()", "“”", "《》", "『』", "「」", "【】")
_OPENERS = {o for o, _ in BRACKETS}
_CLOSERS = {c for _, c in BRACKETS}


def _left_open(line: str) -> bool:
    """Does ``line`` end inside a bracket or a quote it opened?"""
    for c in reversed(line):
        if c in _CLOSERS:
            return False
        if c in _OPENERS:
            return True
    return False


_BRACKETED = re.compile(r"[（(][^（）()]{1,24}[）)]")


# A title's last words: a picture's mark (农家剧团义演（图片）, …（附图片２张）).
PICTURE_MARK = re.compile(r"[（(]附?[图圖]片[^（）()]{0,8}[）)]$")


def _dateline_only(text: str) -> bool:
    """Nothing but a dateline and its byline (``新华社南宁一月十五日电（记者邓亚平）``, on one
    line or more): its bracket ends no paragraph, the text goes on under it."""
    t = text.strip(" \u3000")
    m = cues.dateline(t)
    return m is not None and _BRACKETED.fullmatch(t, m.end()) is not None


def _heads(lines: list[str | None], indents: list[int], n: int, s: str, full: bool) -> bool:
    """Does line ``n`` (1-based, text ``s``) stand over a paragraph's first line, alone
    or, if it fills the width, with the line after it (a title wrapped in two:
    重视：私营企业工伤事 / 故多)?"""
    if _opens(lines, indents, n):
        return True
    nxt = lines[n] if full and n < len(lines) else None
    if not nxt or indents[n] > 0 or not _opens(lines, indents, n + 1):
        return False
    both = s + nxt.strip()
    return len(both) <= 40 and _ends_as_title(both)


def _ends_as_title(s: str) -> bool:
    """Does ``s`` end as a title may: no sentence's end, or a picture's mark (a lede may
    end in one too, but holds a comma)?"""
    return not complete(s) or (PICTURE_MARK.search(s) is not None and "，" not in s)


def _opens(lines: list[str | None], indents: list[int], n: int) -> bool:
    """Does line ``n + 1`` (1-based) open a paragraph: indented, after no blank line?"""
    return n < len(lines) and bool(lines[n]) and indents[n] > 0


def join(parts: list[str]) -> str:
    # CJK is written without spaces; only two ASCII words need one between them.
    out = parts[:1]
    for a, b in zip(parts, parts[1:]):
        out += [" ", b] if (a[-1:] + b[:1]).isascii() and (a[-1:] + b[:1]).isalnum() else [b]
    return "".join(out)


def _layout(bs: list[Block], width: int) -> Layout:
    gaps = Counter(b.gap for b in bs[1:])
    lay = Layout(usual_gap=gaps.most_common(1)[0][0] if gaps else 0, wrap=width)
    first = Counter(b.indent for b in bs if b.indent)
    if first and sum(first.values()) >= max(2, 0.3 * len(bs)):
        lay.indent = first.most_common(1)[0][0]
    # Wider gaps of two sizes or more, each twice or more: blank lines put in at
    # random (as a careless copy leaves them), which set nothing apart.
    wider = Counter(b.gap for b in bs[1:] if b.gap > lay.usual_gap)
    if sum(n >= 2 for n in wider.values()) >= 2:
        lay.even = False
        return lay
    # Titles set apart by one wider gap, twice or more: that gap sets articles apart.
    wide = Counter(b.gap for b in bs[1:] if b.gap > lay.usual_gap and heading_like(b.text))
    if wide and wide.most_common(1)[0][1] >= 2:
        lay.article_gap = wide.most_common(1)[0][0]
    return lay


_SIGNED_NOTE = re.compile(r"[—－-]{2,}\s*编者$")  # an editor's note signed
_STOP_INSIDE = re.compile("[。！？!?；;：:，,、…]")
_ENDS = set("。！？!?；;…：:")
_CLOSE = "”’」』）)》】]\"'"
_MAY_END = _ENDS | set(_CLOSE) | {".", "者"}  # the last characters ``complete`` may accept


def complete(s: str) -> bool:
    """Does ``s`` end as a sentence or a note ends (。！？…, a closing bracket, ——编者:
    an editor's note signed)?"""
    if s[-1:] not in _MAY_END:
        return False  # (most lines: the rest cannot hold)
    t = s.rstrip(_CLOSE)
    if t[-1:] in _ENDS or s.endswith(("）", ")")):
        return True
    if s.endswith("."):  # an ASCII full stop, not a decimal point or an ellipsis
        before = s[-2:-1]
        return not (before.isdecimal() or before == ".")
    return s.endswith("编者") and _SIGNED_NOTE.search(s[-8:]) is not None


def heading_like(s: str) -> bool:
    """Short, without a stop or a comma inside (a headline may end in ! or ?)."""
    return len(s) <= 40 and not _STOP_INSIDE.search(s.rstrip("！？!?"))
