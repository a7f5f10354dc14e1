"""Page splitting: the text of a printed page -> its articles, as a reader splits it.

A page is cut into blocks (``blocks``: paragraphs as printed, hard wraps undone),
each block gets a kind (para, heading, subtitle, label, byline), paragraphs the
print layout broke (even mid-word) are re-joined, and then each block that could
open an article is weighed (``segment``: the cues a reader uses, weighed by a
small model trained on real article boundaries) and the blocks are grouped into
articles. Marker lines a user puts in the page (``@@article``, ``@@title``,
``@@continue``) overrule the weighing. ``SPLITTER_VERSION`` changes whenever the
split of some page may change: an index records it to know when a rebuild would
split pages differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from searcher.corpus import cues, lexicon, segment
from searcher.corpus.blocks import (
    BRACKETS,
    MARKERS,
    PICTURE_MARK,
    Block,
    Layout,
    Marker,
    blocks,
    column_label,
    complete,
    heading_like,
    join,
    table_row,
)
from searcher.corpus.meta import page_header
from searcher.corpus.segment import Doubt
from searcher.corpus.split_model import COMMON_PAIRS

SPLITTER_VERSION = 7


@dataclass(frozen=True)
class PageArticle:
    title: str
    body: str
    author: str
    line: int = 0  # 1-based line of the article's first block, for ``origin``
    end_line: int = 0  # 1-based last line with text of it
    forced: str = ""  # the marker that opened it (article, title), if any
    doubts: tuple[Doubt, ...] = ()  # the places in it where an article start was in doubt
    rejoined: tuple[int, ...] = ()  # lines whose text was re-joined to the line above


@dataclass(frozen=True)
class PageSplit:
    articles: list[PageArticle]
    markers: list[Marker]  # every marker line, known or not
    layout: Layout


_TAIL = re.compile(
    rf"(.*[{re.escape('。！？!?；;…：:')}][”’」』）)》】\]\"']*)[ \u3000]*(.{{1,40}})$", re.S
)
_NOT_HEADING = re.compile(
    r"(?:[（(][^（）()]*[）)])+|——.*|.*[（(“‘《「『【—·．是于这据第及与对把被将从其该而但或]"
)
# A line of stars, dashes or marks: between the parts of one article, or between two
# (``segment._after_rule`` tells which).
_RULE = re.compile(r"[\s*＊×xX·•.。…—\-=＝~～#＃■□●○◆◇▲△★☆◎※]{2,}|[*＊#＃]")
# A paragraph opening with a tiny sentence ("减排。") or a stop is the tail of a broken one.
_CONTINUES = re.compile(
    r"[^\s，,、。！？!?；;：:]{1,3}[。！？!?；;]|[，,、。！？!?；;：:”」』）)》】]|’(?![0-9０-９])"
)
_SENTENCE = re.compile(r"[。；;…]")
_STOPS = re.compile(r"[。；;]")
_BRACKET_CHARS = frozenset("".join(BRACKETS))


def _question_like(s: str) -> bool:
    """A short line with a comma, colon, ! or ? inside, as headlines may have
    ("日本企业：经济前景不佳", "“输血”，更需“造血”")."""
    return len(s) <= 40 and not _STOPS.search(s) and not s.endswith(tuple("，,、：:"))


def _title_expected(bs: list[Block], i: int, lay: Layout) -> bool:
    """Where a page prints a title: first, set apart, flush left among indented
    paragraphs, or over a dateline or byline."""
    b, after = bs[i], bs[i + 1] if i + 1 < len(bs) else None
    return (
        i == 0
        or b.gap > lay.usual_gap
        or bool(lay.indent and not b.indent)
        or (after is not None and _over_text(after.text))
        or bool(cues.PICTURE.search(b.text))
    )


def _over_text(s: str) -> bool:
    """Is this what a page prints under a title: a dateline, a byline, a picture note?"""
    return (
        cues.byline(s) is not None
        or bool(cues.dateline(s))
        or cues.person_names(s) is not None
        or (s[:1] in "（(" and bool(cues.PICTURE.search(s)))
    )


def _can_head(bs: list[Block], i: int, lay: Layout) -> bool:
    """May this block be a heading? Short, its brackets and quotes pair up (a broken
    paragraph's often do not) and not indented as paragraphs are."""
    b = bs[i]
    t = b.text
    # A picture's title may hold its caption's sentences (美加边境大门。门楣上的题字是：
    # 同一母亲的孩子（图片）): its mark at the end says what it is (not a lede's
    # "（附图片２张）": a paragraph may carry that).
    pictured = t.endswith(("（图片）", "(图片)", "（圖片）", "(圖片)"))
    if len(t) > 40 or (lay.indent and b.indent and abs(b.indent - lay.indent) <= 1):
        return False
    if not (heading_like(t) or _question_like(t) or pictured):
        return False
    if _NOT_HEADING.fullmatch(t) or cues.dateline(t):
        return False
    if not _BRACKET_CHARS.isdisjoint(t) and any(
        (o in t or c in t) and t.count(o) != t.count(c) for o, c in BRACKETS
    ):
        return False
    return heading_like(t) or _listing(t) or _kicked(t) or _title_expected(bs, i, lay)


def _kicked(s: str) -> bool:
    """A headline after a short kicker and a colon (``上海：查补税款三亿元``)."""
    return bool(_KICKED.fullmatch(s))


_KICKED = re.compile(r"[^，,：:。！？!?；;“”\s]{1,8}[：:][^，,：:。；;]{4,30}")


def _listing(s: str) -> bool:
    """A headline naming several things (``忠诚的共产主义战士、久经考验的…革命家``):
    enumeration commas only, and no sentence's end."""
    return "、" in s and not _STOP_INSIDE_BUT_LISTS.search(s) and not complete(s)


_STOP_INSIDE_BUT_LISTS = re.compile("[。！？!?；;：:，,…]")


def _classify(bs: list[Block], lay: Layout) -> None:
    for i, b in enumerate(bs):
        if len(b.text) > 60 and not b.force:
            if b.text[-1:] not in _ENDS_PLAINLY:  # a long block: text, maybe a byline at its end
                _tail_byline(b)
        else:
            _classify_short(bs, i, lay)
    for b, after in zip(bs, bs[1:] + [None]):
        # Bare names after the last sentence ("提升。袁春辉 李国恩") are a byline only
        # where an article ends: before a heading, a label or the end of the page.
        if b.kind == "para" and not b.names and (after is None or after.kind != "para"):
            head, tail = _tail(b.text)
            if tail[:1] in "（(" and tail[-1:] in "）)":
                found = _pen_name(tail[1:-1])
            else:
                found = cues.names_only(tail) if tail else None
            if found and not cues.EDITED_BY.search(head):  # (责任编辑：王明: no author)
                b.text, b.names = head, found


def _classify_short(bs: list[Block], i: int, lay: Layout) -> None:
    b = bs[i]
    if b.text[-1] in "。；;" and len(b.text) > 12 and not b.force:
        return  # a sentence: no heading, byline, label or rule, nothing after its end
    if b.force == "title" and not b.given_title:
        b.kind = "heading"
    elif _RULE.fullmatch(b.text) or page_header(b.text):
        b.kind = "rule"  # (a later page's header line in the same file sets pages apart)
    elif column_label(b.text):
        b.kind = "label"
    elif (found := _byline(b.text)) is not None:
        b.kind, b.names = "byline", found
    elif found := _credit_line(b.text):
        b.names = found
    elif (
        b.text.startswith(("——", "──", "--"))
        and not _SENTENCE.search(b.text)
        and i
        and bs[i - 1].kind == "heading"  # else a signature ("——编者") or a list item
    ):
        b.kind = "subtitle"
    elif _bare_name(bs, i):
        pass
    elif _can_head(bs, i, lay):
        b.kind = "heading"
    else:
        _tail_byline(b)


_ENDS_PLAINLY = set("。！？!?；;…：:”’」』》】")  # no byline after the last sentence
_GROUPS = re.compile(r"(?:[（(][^（）()]*[）)])+")


def _byline(s: str) -> list[str] | None:
    """A byline line (``本报记者 王卢莎``)."""
    if len(s) > 44 or cues.dateline(s):
        return None
    return cues.byline(s) if s[:1] not in "（(" else None


def _credit_line(s: str) -> list[str] | None:
    """Credits in brackets alone on their line (``（杨宝珍）``, ``（周文广摄）（新华社稿）``):
    the people they name. The line stays in the text, as printed."""
    if len(s) > 44 or not _GROUPS.fullmatch(s):
        return None
    groups = re.findall(r"[（(]([^（）()]*)[）)]", s)
    names = [cues.byline(g) or _pen_name(g) or [] for g in groups]
    return [n for ns in names for n in ns] or None


def _pen_name(s: str) -> list[str] | None:
    """Names in brackets closing an item: people (``王建国``) or pen names (``晓渡``)."""
    found = cues.person_names(s)
    if found is None and 2 <= len(s) <= 4:
        found = cues.names_only(s)
    return found


def _tail(s: str) -> tuple[str, str]:
    """A paragraph cut after its last sentence, if what follows is short (a byline?)."""
    if s[-1:] in _ENDS_PLAINLY:
        return s, ""
    m = _TAIL.match(s, max(0, len(s) - 48))
    if not m:
        return s, ""
    return s[: m.end(1)], m.group(2)


def _tail_byline(b: Block) -> None:
    """A byline printed at the end of a paragraph ("…配件。本报记者 郑磊 摄")."""
    head, tail = _tail(b.text)
    if tail and (found := cues.byline(tail)) is not None and found:
        b.text, b.names = head, found


def _bare_name(bs: list[Block], i: int) -> bool:
    """A bare name between a title and the text is the author ("走访牧奎村/王忠范"); a
    pen name too, if short ("通经祛顽痹/春明"), and a name after its office
    ("继承我国话剧的光荣传统/中国剧协副主席胡可")."""
    b, prev = bs[i], bs[i - 1] if i else None
    after = bs[i + 1] if i + 1 < len(bs) else None
    if prev is None or prev.kind != "heading" or after is None:
        return False
    if found := cues.office_byline(b.text):  # 中国剧协副主席胡可
        b.kind, b.names = "byline", found
        return True
    if len(b.text) > 12:
        return False
    if heading_like(after.text) and not (len(b.text) <= 4 and cues.person_names(b.text)):
        return False  # a line under a title, over text or a piece of it: a short name
    # A pen name over a real text (a sentence, or more than a line's start)
    pen = len(b.text) <= 3 and (len(after.text) >= 20 or not heading_like(after.text))
    found = cues.person_names(b.text) or (cues.names_only(b.text) if pen else None)
    if found:
        b.kind, b.names = "byline", found
    return bool(found)


def _join_fragments(bs: list[Block], lay: Layout) -> list[Block]:
    """Re-join paragraphs the print layout broke mid-sentence (even mid-word)."""
    out: list[Block] = []
    pieces: list[list[str]] = []
    for n, b in enumerate(bs):
        prev = out[-1] if out else None
        joined = False
        if prev is not None and b.force not in ("article", "title"):
            last = pieces[-1][-1]
            if prev.kind == "subtitle":
                then = bs[n + 1] if n + 1 < len(bs) else None
                joined = _subtitle_goes_on(prev, last, b, then)
            if not joined:
                under = len(out) >= 2 and out[-2].kind in ("heading", "subtitle")
                pictured = under and PICTURE_MARK.search(out[-2].text) is not None
                joined = _broken(prev, last, b, lay, under, pictured, len(out) == 1)
        if prev is not None and joined:
            if prev.kind == "byline" or b.kind == "byline":
                # A byline cut in two (本报记者王 / 晓东); else a piece that only looked
                # like a name (织抗灾): the heading or the text goes on, nothing dropped.
                whole = pieces[-1][-1] + b.text
                found = _byline(whole)
                heading = prev.kind == "heading" and heading_like(whole)
                kind = "byline" if found else "heading" if heading else "para"
                prev.kind, prev.names = kind, found or []
            elif prev.kind != "subtitle":
                prev.kind, prev.names = "para", b.names
            prev.joins.append(b.line)
            pieces[-1].append(b.text)
        else:
            out.append(b)
            pieces.append([b.text])
    for b, parts in zip(out, pieces):
        if len(parts) > 1:
            b.text = join(parts)
    return out


def _subtitle_goes_on(prev: Block, last: str, b: Block, then: Block | None) -> bool:
    """Is heading ``b`` the rest of a subtitle (``——…``) the layout cut in two: over
    the byline that ends the title (——怀念新中国 / 地质矿产事业的主要奠基人何长工 /
    宋瑞祥), or cut inside one of the commonest words? (Not a subhead over the text,
    ——…纪实 / 党建引领 动力十足 / 在县医院…, nor the author's name.)"""
    if prev.kind != "subtitle" or b.kind != "heading" or len(last) + len(b.text) > 40:
        return False
    if cues.person_names(b.text) is not None:
        return False
    c, d = last[-1], b.text[0]
    return (then is not None and then.kind == "byline") or c + d in COMMON_PAIRS


def _broken(
    prev: Block,
    last: str,
    b: Block,
    lay: Layout,
    under: bool = False,
    pictured: bool = False,
    opening: bool = False,
) -> bool:
    """Is ``b`` the rest of a paragraph the print layout broke after ``last``? (A
    heading is, when the two halves make a common word.) ``under``: ``prev`` stands
    under another heading (a deck, or the first piece of the text cut off);
    ``pictured``: a heading that ends in a picture's mark, the last line of a title;
    ``opening``: ``prev`` opens the page."""
    if prev.names or (lay.indent and b.indent):
        return False
    if prev.kind == "para" and len(b.text) <= 3 and not b.text.strip(_TRAILING):
        return True  # nothing but the marks that close a sentence (』, 。”): its end
    if prev.kind == "heading" and len(last) <= 12 and b.kind in ("heading", "para", "byline"):
        # "本报" / "讯…", "新华社伦敦" / "…电", "本" / "报评论员": a dateline or byline cut in two.
        whole = last + b.text
        m = cues.dateline(whole)
        if m and m.end() > len(last) and not cues.dateline(last) and not cues.dateline(b.text):
            return True  # (a title over a whole dateline is no dateline cut: 本报珍藏版…)
        role = cues.ROLE_LONG.match(whole)
        if role and role.end() > len(last) and len(whole) <= 44 and _byline(whole) is not None:
            return True  # the role spans the cut: 本报 / 驻罗马尼亚记者梁晓华
        if len(whole) <= 44 and _byline(whole) and _byline(last) is None:
            return True  # a name after its role cut in two: 本报记者陈 / 沸宇
        if len(last) <= 2 and cues.person_names(whole):
            return True  # a name cut in two: 冯 / 金武
    c, d = last[-1], b.text[0]
    short = len(last) <= 2  # no line of a title: a piece (同 / 志们：)
    if (
        prev.kind == "heading"
        and (under or short)
        and b.kind in ("heading", "byline")
        and len(b.text) <= 20
    ):
        # A deck or a byline under a title, cut in two mid-word: 天气趋 / 势分析
        return c + d in COMMON_PAIRS or d in cues.RARE_START or lexicon.joins(c, d)
    if b.kind != "para" or prev.kind not in ("para", "heading"):
        return False
    if prev.kind == "para":
        return not complete(last) and not cues.dateline(b.text)
    return bool(
        _CONTINUES.match(b.text)
        or d in cues.RARE_START
        or c + d in COMMON_PAIRS
        or (c in _DIGITS and (d in _DIGITS or d in _UNITS))  # 全年２００ / ０多万元
        # Under a title, a line whose words are no title's opens the text cut in
        # two (a deck read as text costs less than the text's opening read as a deck).
        or (under and not complete(last) and lexicon.title_odds(last) < _NO_TITLE)
        or (under and lexicon.joins(c, d))  # 杭州开通人才查 / 询系统网络
        or (pictured and not complete(last))  # 农家剧团义演（图片） / 辽宁省锦州市… / …
        # Anywhere but where a title is set apart, a line cut inside a word (委派来亚 /
        # 洲访问的, not 驾驶证不能随意买卖 / 前不久: its last two make a word).
        or (
            not opening
            and prev.gap <= lay.usual_gap
            and lexicon.joins(c, d)
            and not (len(last) >= 2 and lexicon.joins(last[-2], c))
        )
    ) and not cues.dateline(b.text)


_TRAILING = "。，、；：！？…”’」』）)》】.,;:!?\"'"
_NO_TITLE = 0.0  # ``lexicon.title_odds`` below this: the words of a text, not of a title


_DIGITS = set("0123456789０１２３４５６７８９.．")
_UNITS = set("万亿千百元个多余户人名年月日时吨米斤公%％")


@dataclass
class _Art:
    line: int
    title: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    end: int = 0
    forced: str = ""
    doubts: list[Doubt] = field(default_factory=list)
    rejoined: list[int] = field(default_factory=list)


def _assemble(
    units: list[Block], starts: list[int], doubts: list[Doubt], lay: Layout
) -> list[_Art]:
    arts: list[_Art] = []
    bounds = starts + [len(units)]
    for s, e in zip(bounds, bounds[1:]):
        a = _Art(units[s].line, forced=units[s].force if units[s].force in MARKERS else "")
        group = units[s:e]
        k = 0
        if group[0].given_title:
            a.title.append(group[0].given_title)  # the lines under it are its text
        elif group[0].kind == "label":
            a.body.append(group[0].text)
            k = _title(group, 1, a)
        else:
            k = _title(group, 0, a)
        last: Block | None = None
        if e < len(units) and len(group) > k + 1 and group[-1].kind == "rule":
            group = group[:-1]  # the rule that ends it, before the next article: no text
        for u in group[k:]:
            # A dateline's names stay in its text too: added once. A byline's leave
            # the text, so each one is kept (nothing printed is lost).
            if u.kind == "para" and (m := cues.dateline(u.text)):
                a.names += [n for n in cues.dateline_names(u.text, m.end()) if n not in a.names]
            if u.names:
                a.names += u.names
            if u.kind == "byline":
                continue
            if last is not None and a.body and _cut_here(last, u, lay):
                a.body[-1] = join([a.body[-1], u.text])
                last.joins.append(u.line)
            else:
                a.body.append(u.text)
            last = u
        a.rejoined = sorted(n for u in group for n in u.joins)
        a.end = max([group[-1].line + group[-1].lines - 1, *a.rejoined])
        a.doubts = [d for d in doubts if a.line <= d.line <= a.end]
        arts.append(a)
    return arts


def _cut_here(last: Block, u: Block, lay: Layout) -> bool:
    """Inside an article's text, a heading-like piece whose next block opens mid-word
    ("…武装群众坚持游击斗" / "争，…") is half of a paragraph."""
    return (
        u.text[0] in cues.RARE_START
        and u.kind == "para"
        and last.kind in ("heading", "para")
        and not last.names
        and not (lay.indent and u.indent)
        and not complete(last.text)
    )


def _title(group: list[Block], k: int, a: _Art) -> int:
    """The heading lines opening an article make its title (at most three: kicker,
    headline, deck); a ``——`` subtitle ends it, a picture's mark, a byline or a
    table's row too."""
    while k < len(group) and group[k].kind in ("heading", "subtitle") and len(a.title) < 3:
        u = group[k]
        if a.title and table_row(u.text):
            break
        a.title.append(u.text if u.kind == "subtitle" or not a.title else " " + u.text)
        k += 1
        if u.kind == "subtitle" or PICTURE_MARK.search(u.text):
            break  # a picture's mark is a title's last words: a caption's line follows
    return k


def units_of(text: str) -> tuple[list[Block], Layout, list[Marker]]:
    """The page's blocks, classified and re-joined: what ``segment`` weighs."""
    bs, lay, markers = blocks(text)
    _classify(bs, lay)
    return _join_fragments(bs, lay), lay, markers


def split_detail(text: str) -> PageSplit:
    """The page's articles, with the doubts of the split and the markers found."""
    units, lay, markers = units_of(text)
    if not units:
        return PageSplit([], markers, lay)
    starts, doubts = segment.starts(units, lay)
    articles = [
        PageArticle(
            title="".join(a.title),
            body="\n".join(a.body),
            author=" ".join(a.names),
            line=a.line,
            end_line=a.end,
            forced=a.forced,
            doubts=tuple(a.doubts),
            rejoined=tuple(a.rejoined),
        )
        for a in _assemble(units, starts, doubts, lay)
    ]
    return PageSplit(articles, markers, lay)


def split_page(text: str) -> list[PageArticle]:
    return split_detail(text).articles
