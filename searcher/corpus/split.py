"""Page splitting: the text of a printed page -> its articles, as a reader splits it.

A page is cut into blocks (paragraphs as printed), each block gets a kind
(para, heading, subtitle, label, byline), print-layout fragments are re-joined,
and the blocks are grouped into articles by the rules in ``_starts_article``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageArticle:
    title: str
    body: str
    author: str
    line: int = 0  # 1-based line of the article's first block, for ``origin``


_SENT_END = "。！？!?；;…：:"
_CLOSERS = re.escape("”’」』）)》】]\"'")
_COMPLETE = re.compile(rf"(?:[{_SENT_END}][{_CLOSERS}]*|[（(][^（）()]*[）)]|(?<![\d.])\.)$")
_TAIL = re.compile(rf"^(.*[{_SENT_END}][{_CLOSERS}]*)[ \u3000]*(.+?)$", re.S)
_NOT_IN_HEADING = set("。！？!?；;：:，,、…")
_MARKERS = set("■□●○◆◇▲△★☆▶►◎※")
_NAME = r"[\u4e00-\u9fff]{2,4}"
_NAMES = rf"{_NAME}(?:[ \u3000、]+{_NAME})*"
_ROLE = (
    r"(?:新华社记者|本报特约记者|本报特约通讯员|本报通讯员|本报记者|特约记者|通讯员|实习生|记者)"
)
_CREDIT = (
    rf"(?:{_ROLE}[ \u3000]+{_NAMES}(?:[ \u3000]*摄)?"
    rf"|(?:{_ROLE}[ \u3000]*)?{_NAMES}[ \u3000]*摄)"
)
_BYLINE = re.compile(rf"{_CREDIT}(?:[ \u3000]+{_CREDIT})*|[（(]{_ROLE}[ \u3000]*{_NAMES}[）)]")
_BARE_BYLINE = re.compile(rf"[（(]{_NAMES}[）)]|{_NAME}(?:[ \u3000、]+{_NAME})+")
_NOT_NAMES = {"完", "待续", "续完", "未完", "未完待续", "全文完", "下转", "上接"}
_DAY_NO = r"[0-9０-９一二三四五六七八九十]{1,3}"
_PLACE_DAY = rf"(?:[\u4e00-\u9fff]{{2,8}}?{_DAY_NO}月{_DAY_NO}日)?"
_OPENS_UNTITLED = re.compile(rf"本报{_PLACE_DAY}[讯电]|新华社{_PLACE_DAY}电")
_DATELINE = re.compile(rf"{_OPENS_UNTITLED.pattern}|据?新华社|据\S{{1,20}}?报道")
_DATELINE_BY = re.compile(rf"[ \u3000]*[（(]?{_ROLE}[ \u3000]*({_NAMES})(?:报道|[）)])")
# A paragraph opening with a tiny sentence ("减排。") or a stop is the tail of a broken one.
_CONTINUES = re.compile(
    rf"[^\s，,、。！？!?；;：:]{{1,3}}[。！？!?；;]|[，,、。！？!?；;：:{_CLOSERS}]"
)
_SENTENCE = re.compile(r"[。；;…]")
_FINISHED = re.compile(rf"[。！？!?…][{_CLOSERS}]*(?:[（(][^（）()]*[）)])?$")  # "…。（张三）"
# Never a heading: a note or credit wholly in brackets, a dateline, a dash-led line
# that is no subtitle (a signature, a list item), or the first half
# of a broken paragraph: ending with an opening bracket, a joiner or a word that
# cannot end a headline ("…森林的作用是" cut after 是).
_NOT_HEADING = re.compile(
    rf"[（(][^（）()]*[）)]|(?:{_DATELINE.pattern}|——).*|.*[（(“‘《「『【—·．是于这据第及与对把被将从其该]"
)
_PAIRS = ("（）", "()", "“”", "《》", "『』", "「」", "【】")


@dataclass
class _Block:
    text: str
    line: int
    gap: int  # blank lines before it: more than usual hints at a new article
    kind: str = "para"
    names: list[str] = field(default_factory=list)
    indent: bool = False  # starts indented, on a page that indents its paragraphs


@dataclass
class _Layout:
    """What a page uses to set articles apart."""

    usual_gap: int = 0  # blank lines between paragraphs
    article_gap: int = 0  # blank lines before titles, where wider than usual_gap
    indents: bool = False  # paragraphs start indented, titles do not


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _join(parts: list[str]) -> str:
    # CJK is written without spaces; only two ASCII words need one between them.
    out = parts[:1]
    for a, b in zip(parts, parts[1:]):
        out += [" ", b] if (a[-1:] + b[:1]).isascii() and (a[-1:] + b[:1]).isalnum() else [b]
    return "".join(out)


def _heading_like(s: str) -> bool:
    return len(s) <= 40 and not any(c in _NOT_IN_HEADING for c in s)


def _question_like(s: str) -> bool:
    """A short line with a comma, colon, ! or ? inside, as headlines may have
    ("日本企业：经济前景不佳", "“输血”，更需“造血”"): a title only where one is expected."""
    return len(s) <= 40 and not _SENTENCE.search(s) and not s.endswith(tuple("，,、：:"))


def _names(byline: str) -> list[str]:
    s = re.sub(rf"{_ROLE}|摄|报道|[（()）]", " ", byline)
    return [n for n in re.split(r"[\s、]+", s) if n]


def _wrap_width(lines: list[str]) -> int:
    """The fixed width a page was hard-wrapped at, or 0 if it was not."""
    widths = [_width(line.strip()) for line in lines if line]
    wide = sorted(w for w in widths if w >= 20)
    if len(wide) < 3:
        return 0
    width = wide[len(wide) * 3 // 4]
    full = [w for w in wide if w >= width - max(4, width // 8)]
    # Wrapped text has many lines of one width and few much longer (headlines across columns).
    longer = sum(w > width * 1.15 for w in wide)
    if len(full) >= max(3, 0.4 * len(widths)) and longer <= max(1, len(full) // 20):
        return width
    return 0


def _blocks(text: str) -> list[_Block]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]  # whitespace-only lines become ""
    wrap = _wrap_width(lines)
    blocks: list[_Block] = []
    lines_of: list[list[str]] = []
    gap, last = 0, ""
    for n, raw in enumerate(lines, 1):
        if not raw:
            gap, last = gap + 1, ""
            continue
        s = raw.strip()
        wrapped = (
            wrap
            and last
            and not raw[0].isspace()
            and _width(last) >= wrap - max(4, wrap // 8)
            and not (_COMPLETE.search(last) and _heading_like(s))
        )
        if wrapped:
            lines_of[-1].append(s)
        else:
            blocks.append(_Block(s, n, gap, indent=raw[0].isspace()))
            lines_of.append([s])
        gap, last = 0, s
    for b, parts in zip(blocks, lines_of):
        b.text = _join(parts)
    return blocks


def _layout(blocks: list[_Block]) -> _Layout:
    gaps = Counter(b.gap for b in blocks[1:])
    lay = _Layout(usual_gap=gaps.most_common(1)[0][0] if gaps else 0)
    lay.indents = sum(b.indent for b in blocks) >= max(2, 0.4 * len(blocks))
    for b in blocks:
        b.indent = b.indent and lay.indents
    # Titles set apart by one wider gap, twice or more: that gap sets articles apart.
    wide = Counter(b.gap for b in blocks[1:] if b.gap > lay.usual_gap and _heading_like(b.text))
    if wide and wide.most_common(1)[0][1] >= 2:
        lay.article_gap = wide.most_common(1)[0][0]
    return lay


def _title_expected(b: _Block, after: _Block | None, lay: _Layout, first: bool) -> bool:
    """Where a page prints a title: first, set apart, flush left among indented
    paragraphs, or over a dateline or byline."""
    return (
        first
        or b.gap > lay.usual_gap
        or (lay.indents and not b.indent)
        or (
            after is not None and bool(_BYLINE.fullmatch(after.text) or _DATELINE.match(after.text))
        )
    )


def _can_head(b: _Block, after: _Block | None, lay: _Layout, first: bool) -> bool:
    """May this block be a heading (a title or a subhead)? Its brackets and quotes
    pair up (a broken paragraph's often do not) and it is not indented as text is."""
    if b.indent or _NOT_HEADING.fullmatch(b.text):
        return False
    if any(b.text.count(o) != b.text.count(c) for o, c in _PAIRS):
        return False
    return _heading_like(b.text) or (
        _question_like(b.text) and _title_expected(b, after, lay, first)
    )


def _classify(blocks: list[_Block], lay: _Layout) -> None:
    for i, b in enumerate(blocks):
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if len(b.text) <= 40 and _MARKERS & set(b.text) and not _COMPLETE.search(b.text):
            b.kind = "label"
        elif _BYLINE.fullmatch(b.text):
            b.kind, b.names = "byline", _names(b.text)
        elif (
            b.text.startswith(("——", "──"))
            and len(b.text) <= 60
            and not _SENTENCE.search(b.text)
            and i
            and blocks[i - 1].kind == "heading"  # else a signature ("——编者") or a list item
        ):
            b.kind = "subtitle"
        else:
            m = _TAIL.match(b.text)
            if m and _BYLINE.fullmatch(m.group(2)):
                b.text, b.names = m.group(1), _names(m.group(2))
            elif _can_head(b, after, lay, i == 0):
                b.kind = "heading"
                # A bare name between a title and the text is the author ("走访牧奎村/王忠范").
                prev = blocks[i - 1] if i else None
                if (
                    re.fullmatch(_NAMES, b.text)
                    and prev is not None
                    and prev.kind == "heading"
                    and _title_expected(prev, b, lay, i == 1)
                    and not (after is None or _heading_like(after.text))
                ):
                    b.kind, b.names = "byline", _names(b.text)
    # Bare names after the last sentence ("提升。袁春辉 李国恩") are a byline only
    # where an article ends: before a heading, a label or the end of the page.
    for b, after in zip(blocks, blocks[1:] + [None]):
        if b.kind == "para" and not b.names and (after is None or after.kind != "para"):
            m = _TAIL.match(b.text)
            tail = m.group(2) if m else ""
            if _BARE_BYLINE.fullmatch(tail) and tail.strip("（()）") not in _NOT_NAMES:
                b.text, b.names = m.group(1), _names(m.group(2))


def _join_fragments(blocks: list[_Block]) -> list[_Block]:
    """Re-join paragraphs the print layout broke mid-sentence (even mid-word)."""
    out: list[_Block] = []
    pieces: list[list[str]] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            prev
            and b.kind == "para"
            and not b.indent  # an indented line starts a paragraph
            and not prev.names
            and (
                (prev.kind == "para" and not _COMPLETE.search(pieces[-1][-1]))
                or (prev.kind == "heading" and _CONTINUES.match(b.text))
            )
        ):
            prev.kind, prev.names = "para", b.names
            pieces[-1].append(b.text)
        else:
            out.append(b)
            pieces.append([b.text])
    for b, parts in zip(out, pieces):
        b.text = _join(parts)
    return out


_TITLE_KINDS = ("heading", "subtitle")


@dataclass
class _Art:
    line: int
    title: str = ""
    body: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    has_text: bool = False


def _starts_article(
    cur: _Art | None,
    group: list[_Block],
    after: _Block | None,
    label: _Block | None,
    closed: bool,
    lay: _Layout,
) -> bool:
    """Does this run of headings open a new article, or is it a subhead?"""
    first_on_page = cur is None
    after_label = label is not None
    previous_closed = closed  # the article before ended with its byline
    has_subtitle = any(b.kind == "subtitle" for b in group)
    set_apart = group[0].gap > lay.usual_gap
    flush_left = lay.indents and not group[0].indent  # among indented paragraphs
    opens_with_dateline = after is not None and (
        after.kind == "byline" or bool(_DATELINE.match(after.text))
    )
    return (
        first_on_page
        or after_label
        or previous_closed
        or has_subtitle
        or set_apart
        or flush_left
        or opens_with_dateline
    )


def _group(blocks: list[_Block], lay: _Layout) -> list[_Art]:
    arts: list[_Art] = []
    cur: _Art | None = None
    label: _Block | None = None
    closed = False
    i = 0
    while i < len(blocks):
        b, j = blocks[i], i + 1
        if b.kind in _TITLE_KINDS:
            while j < len(blocks) and blocks[j].kind in _TITLE_KINDS:
                j += 1
            group, after = blocks[i:j], blocks[j] if j < len(blocks) else None
            if _starts_article(cur, group, after, label, closed, lay):
                cur = _Art(b.line, body=[label.text] if label else [])
                arts.append(cur)
                # The title runs to the subtitle; headings after it are subheads.
                end = next((k + 1 for k, g in enumerate(group) if g.kind == "subtitle"), len(group))
                cur.title = "".join(
                    g.text if g.kind == "subtitle" or k == 0 else " " + g.text
                    for k, g in enumerate(group[:end])
                )
                group = group[end:]
            assert cur is not None
            cur.body += [g.text for g in group]
            label, closed = None, False
        elif b.kind == "label" and j < len(blocks) and blocks[j].kind in _TITLE_KINDS:
            label = b
        else:
            # A dateline, or a gap as wide as before titles, opens an untitled brief.
            opens = b.kind != "byline" and bool(
                _OPENS_UNTITLED.match(b.text) or (lay.article_gap and b.gap >= lay.article_gap)
            )
            if cur is None or (opens and cur.has_text):
                cur = _Art(b.line)
                arts.append(cur)
            if b.kind != "byline":
                cur.body.append(b.text)
                # A deck or a picture credit above the text is not yet the text.
                cur.has_text = cur.has_text or bool(_FINISHED.search(b.text))
            by = (m := _DATELINE.match(b.text)) and _DATELINE_BY.match(b.text, m.end())
            cur.names += (_names(by.group(1)) if by else []) + b.names
            closed = bool(b.names) and cur.has_text  # a byline above the text closes nothing
        i = j
    return arts


def split_page(text: str) -> list[PageArticle]:
    blocks = _blocks(text)
    lay = _layout(blocks)
    _classify(blocks, lay)
    arts = _group(_join_fragments(blocks), lay)
    return [
        PageArticle(
            title=a.title,
            body="\n".join(a.body),
            author=" ".join(dict.fromkeys(a.names)),
            line=a.line,
        )
        for a in arts
    ]
