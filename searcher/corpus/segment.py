"""Where articles start: each block that could open one is weighed by the cues a reader uses.

A reader sees a new article where a headline stands over a dateline or a byline,
where the page leaves a wider gap or sets a line flush left among indented
paragraphs, where the text before ended with its credit (``（新华社记者…摄）``),
where a picture's caption begins; and sees a subhead where a short line only
breaks a long text that goes on about the same thing. Each cue is a feature
(``features``); their weights are those of a logistic model fitted by
``bench/split_train.py`` on the article boundaries of corpus pages dated 1-20
January 1998 printed in several layouts (``split_model.WEIGHTS``, a few dozen
numbers). A block opens an article when the weighed cues say so with
probability at least one half; between ``UNSURE`` and ``1 - UNSURE`` the
decision is reported as a doubt.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from dataclasses import dataclass, field

from searcher.corpus import cues
from searcher.corpus.blocks import Block, Layout, complete
from searcher.corpus.split_model import COMMON, WEIGHTS

UNSURE = 0.2  # p in (0.2, 0.8): a doubt worth showing
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CONTEXT = 320  # characters on either side a cohesion is measured over
_MAX_COHESION = 0.3  # more says no more
_CONTINUED = ("（上接", "(上接", "上接第", "（接第", "(接第")
_CAPTION = ("图为", "圖為", "图片：", "图片:", "图①", "上图", "下图", "左图", "右图", "照片：")
_NUMBER_FIRST = set("一二三四五六七八九十（(0123456789０１２３４５６７８９第")
_DIGITS = re.compile(r"[0-9０-９.．·%％+\-－]")
_LEDE = re.compile(
    r"[0-9０-９一二三四五六七八九十]{1,4}[月日]|日前|近日|最近|近来|昨天|昨日|今天|今日|前不久"
    r"|[上本今去前]年|新年伊始|元旦"
)


@dataclass
class Facts:
    """What one block shows, computed once."""

    dateline: bool
    reported: bool
    picture: bool
    credit_end: bool
    complete: bool
    numbered: bool
    names_only: bool
    figures: bool  # mostly digits: a row of a table
    lede: bool  # a date or time in its first words, as a news item opens
    note: bool  # wholly in brackets: a note or a credit
    caption: bool  # a picture's caption (图为…, …摄）)


def facts(u: Block) -> Facts:
    t = u.text
    short = len(t) <= 60  # what only a heading, a caption or a table row shows
    return Facts(
        dateline=t[:1] in cues.DATELINE_FIRST and bool(cues.OPENS_ITEM.match(t)),
        reported=t[:1] in "据據" and bool(cues.REPORTED.match(t)),
        picture=short and bool(cues.PICTURE.search(t)),
        credit_end=t[-1:] in "）)者辑輯" and bool(cues.closing_credit(t)),
        complete=complete(t),
        numbered=t[:1] in _NUMBER_FIRST and bool(cues.NUMBERED.match(t)),
        names_only=len(t) <= 12 and u.kind == "heading" and cues.person_names(t) is not None,
        figures=short and len(_DIGITS.findall(t)) * 3 >= len(t),
        lede=bool(_LEDE.search(t, 0, 40)),
        note=t[:1] in "（(" and t[-1:] in "）)",
        caption=t.startswith(_CAPTION) or t.endswith(("摄）", "攝）", "摄)", "照片）")),
    )


@dataclass
class State:
    """The article being read when a block is weighed."""

    paras: int = 0  # its paragraphs so far (not headings)
    chars: int = 0
    heads: int = 0  # headings inside its body (subheads)
    titled: bool = False
    picture: bool = False  # its title is a picture's
    just_opened: bool = True  # the blocks since it opened are its headings and bylines
    datelines: int = 0  # its paragraphs that open with a dateline
    news: bool = False  # its text opened with a dateline
    bylined: bool = False  # a byline stood over its text
    captioned: bool = False  # its text so far is a picture's caption
    continued: bool = False  # it goes on from another page: （上接第一版）
    text: list[str] = field(default_factory=list)  # its recent text, for cohesion
    recent: int = 0  # characters in ``text``

    def open(self, u: Block, f: Facts) -> None:
        # An article continued from another page (（上接第一版）) has its title there.
        continued = u.text.startswith(_CONTINUED)
        titled = u.kind == "heading" or continued
        self.__init__(titled=titled, picture=f.picture, continued=continued)  # type: ignore[misc]
        self.add(u, f)
        self.just_opened = u.kind != "para"

    def add(self, u: Block, f: Facts) -> None:
        self.just_opened = self.just_opened and u.kind in ("heading", "subtitle", "byline")
        if u.kind == "heading" and not self.just_opened:
            self.heads += 1
        if u.kind == "para":
            self.captioned = f.caption and (self.paras == 0 or self.captioned)
            self.news = self.news or (self.paras == 0 and (f.dateline or f.reported))
            self.paras += 1
            self.datelines += f.dateline or f.reported
        elif u.kind == "byline" and self.paras == 0:
            self.bylined = True
        self.chars += len(u.text)
        self.text.append(u.text)
        self.recent += len(u.text)
        while len(self.text) > 1 and self.recent - len(self.text[0]) > _CONTEXT:
            self.recent -= len(self.text.pop(0))


def cohesion(before: list[str], after: list[str]) -> float:
    """How much the text after a block shares with the article before it (0..1): the
    share of the two-character strings of one found in the other, leaving out the
    commonest ones (``COMMON``: 我们, 发展, 中国 are in any two texts). ``before`` and
    ``after`` are blocks' texts, each weighed by its last or first ``_CONTEXT``
    characters."""
    a = set().union(*(_grams(t[-_CONTEXT:]) for t in before))
    b = set().union(*(_grams(t[:_CONTEXT]) for t in after))
    return len(a & b) / (min(len(a), len(b)) + 8)


@functools.lru_cache(maxsize=2048)
def _grams(s: str) -> frozenset[str]:
    grams: set[str] = set()
    for run in _CJK_RUN.findall(s):
        grams.update(map(operator.add, run, run[1:]))
    return frozenset(grams - COMMON)


def _ahead(units: list[Block], fs: list[Facts], i: int) -> tuple[int, int, list[str]]:
    """Headings in the run from ``i``, characters of text up to the next heading
    or dateline, and the text ahead (for cohesion)."""
    if _AHEAD[0] == (id(units), i):
        return _AHEAD[1]
    _AHEAD[0] = (id(units), i)
    _AHEAD[1] = found = _look_ahead(units, fs, i)
    return found


_AHEAD: list = [None, None]  # the last answer of _ahead: features and cohesion both ask


def _look_ahead(units: list[Block], fs: list[Facts], i: int) -> tuple[int, int, list[str]]:
    n = len(units)
    run = 0
    while i + run < n and units[i + run].kind == "heading":
        run += 1
    text, size, j = [], 0, i + run
    while j < n and size < _CONTEXT:
        if units[j].kind == "para":
            text.append(units[j].text)
            size += len(units[j].text)
        j += 1
    chars, k = 0, i + max(run, 1)
    while k < n and chars <= 120 and units[k].kind != "heading" and not (chars and fs[k].dateline):
        chars += len(units[k].text)
        k += 1
    return run, chars, text


def features(units: list[Block], fs: list[Facts], i: int, lay: Layout, st: State) -> dict:
    """The cues around block ``i`` for and against an article starting there
    (without ``cohesion``, which costs more: see ``add_cohesion``). Headings and
    paragraphs are weighed apart ("heading: …", "text: …"): a cue says more of one
    than of the other."""
    u, f = units[i], fs[i]
    head = u.kind == "heading"
    on: list[str] = ["heading" if head else "para"]
    _own_cues(on, u, f, st)
    _around_cues(on, units, fs, i, lay)
    _state_cues(on, st)
    if head:
        _heading_cues(on, units, fs, i)
    kind = "heading: " if head else "text: "
    return dict.fromkeys([kind + k for k in on], 1.0)


def _own_cues(on: list[str], u: Block, f: Facts, st: State) -> None:
    if f.dateline:
        on.append("dateline")
        if u.text.startswith(("本报讯", "本報訊")):
            on.append("local brief")  # 本报讯 opens a brief of its own, seldom more text
    elif f.reported:
        on.append("reported")
    if f.dateline or f.reported:
        on.append("another dateline" if st.datelines else "dateline in article without")
    if f.picture:
        on.append("picture")
    if f.note:
        on.append("note")
    if f.numbered:
        on.append("numbered")
    if f.lede and u.kind == "para":
        on.append("lede")
        if not st.titled and st.paras >= 1:
            on.append("untitled lede")


def _around_cues(on: list[str], units: list[Block], fs: list[Facts], i: int, lay: Layout) -> None:
    u = units[i]
    # Under a column label, the block before the label is what comes before.
    labelled = units[i - 1].kind == "label" and i >= 2
    prev, pf = (units[i - 2], fs[i - 2]) if labelled else (units[i - 1], fs[i - 1])
    gap = units[i - 1].gap if labelled else u.gap
    if i + 1 < len(units):
        nxt, nf = units[i + 1], fs[i + 1]
        if nf.dateline or nf.reported:
            on.append("next dateline")
        if nxt.kind in ("byline", "heading", "subtitle"):
            on.append("next " + nxt.kind)
    else:
        on.append("end of page")
    if pf.complete:
        on.append("prev complete")
    if pf.caption and prev.kind == "para":
        on.append("after a caption")
    elif pf.credit_end and prev.kind == "para":
        on.append("prev credit")
    if prev.kind == "byline":
        # A byline under a title opens its text; one after text closes an article.
        at = i - 2 - labelled
        on.append("prev closing byline" if at >= 0 and units[at].kind == "para" else "prev byline")
    elif prev.names:
        on.append("prev names")
    if prev.kind in ("heading", "subtitle"):
        on.append("prev picture" if pf.picture else "prev heading")
    if pf.numbered and fs[i].numbered:
        on.append("list goes on")
    if labelled:
        on.append("under a label")
    if gap > lay.usual_gap:
        on.append("wider gap")
    if lay.article_gap:
        on.append("article gap" if gap >= lay.article_gap else "not article gap")
    if lay.indent:
        if not u.indent:
            on.append("flush left")
        elif abs(u.indent - lay.indent) <= 1:
            on.append("indented")
    if u.indent > lay.indent + 2:
        on.append("centred")


def _state_cues(on: list[str], st: State) -> None:
    if st.just_opened:
        on.append("just opened")
    if st.paras == 0:
        on.append("no text yet")
    if st.chars > 1500:
        on.append("long article")
    if st.news:
        on.append("news article")
    if st.bylined:
        on.append("bylined article")
    if st.picture and st.paras >= 1:
        on.append("picture article")

    if not st.titled:
        on.append("untitled article")
    if st.heads:
        on.append("has subheads")


def _heading_cues(on: list[str], units: list[Block], fs: list[Facts], i: int) -> None:
    u, f, pf = units[i], fs[i], fs[i - 1]
    nxt = units[i + 1] if i + 1 < len(units) else None
    run, section, _ = _ahead(units, fs, i)
    cues_on = {
        "short heading": len(u.text) <= 6,
        "names heading": f.names_only,
        "question heading": any(c in u.text for c in "：:，,！!？?"),
        "next names": nxt is not None and fs[i + 1].names_only,
        "long run": run >= 4,
        "after dateline 2": i + run < len(units) and fs[i + run].dateline,
        "short section": 0 < section <= 120,
        "figures": f.figures,
        "after figures": pf.figures and units[i - 1].kind != "para",
        "short over dateline": len(u.text) <= 4 and nxt is not None and fs[i + 1].dateline,
        "next mid-word": nxt is not None and nxt.kind == "para" and nxt.text[0] in cues.RARE_START,
    }
    on += [k for k, v in cues_on.items() if v]


def add_cohesion(units: list[Block], fs: list[Facts], i: int, st: State, x: dict) -> None:
    c = min(cohesion(st.text, _ahead(units, fs, i)[2]), _MAX_COHESION)
    if c:
        x["heading: cohesion" if units[i].kind == "heading" else "text: cohesion"] = c


def _z(x: dict) -> float:
    return WEIGHTS.get("bias", 0.0) + sum(WEIGHTS.get(k, 0.0) * v for k, v in x.items())


def probability(x: dict) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, _z(x)))))


def why(x: dict, n: int = 3) -> str:
    """The cues that weighed most, in words ("next dateline +3.1, wider gap +1.2")."""
    parts = sorted(((WEIGHTS.get(k, 0.0) * v, k) for k, v in x.items()), key=lambda t: -abs(t[0]))
    return ", ".join(f"{k} {w:+.1f}" for w, k in parts[:n] if w)


_EDGE = math.log((1 - UNSURE) / UNSURE)  # |z| beyond this: no doubt
# Cohesion only lowers the odds, by at most this much: it is weighed where that matters.
_LOW = _MAX_COHESION * min(
    0.0, WEIGHTS.get("heading: cohesion", 0.0), WEIGHTS.get("text: cohesion", 0.0)
)


def _plain(units: list[Block], fs: list[Facts], i: int, lay: Layout, st: State) -> bool:
    """A paragraph with nothing that could open an article: no dateline, no date in
    its first words, no credit or byline before it, no wider gap, not flush left
    among indented paragraphs. Not weighed at all."""
    u, f, prev = units[i], fs[i], units[i - 1]
    return not (
        f.dateline
        or f.reported
        or f.lede
        or f.note
        or f.picture
        or f.numbered
        or u.gap > lay.usual_gap
        or (lay.indent and not u.indent)
        or u.indent > lay.indent + 2
        or prev.kind != "para"
        or prev.names
        or fs[i - 1].credit_end
    )


_CLOSING_ACT = re.compile(r"摄|攝|整理|供稿|编译|編譯")


def _section_label(units: list[Block], fs: list[Facts], i: int, st: State) -> bool:
    """A place's name over a place's dateline inside a news roundup ("四川"/"本报成都…电"),
    at the usual gap: a section of the article, not an article (the text before it
    ends with no credit)."""
    return (
        len(units[i].text) <= 4
        and st.news
        and st.paras >= 1
        and i + 1 < len(units)
        and fs[i + 1].dateline
        and not units[i + 1].text.startswith(("本报讯", "本報訊"))  # a brief of its own
        and not (fs[i - 1].credit_end or units[i - 1].names or units[i - 1].kind == "byline")
    )


def _over_text(units: list[Block], fs: list[Facts], i: int) -> bool:
    """Does a dateline or a byline follow this heading?"""
    j = i + 1
    return j < len(units) and (fs[j].dateline or fs[j].reported or units[j].kind == "byline")


def _clear_title(units: list[Block], fs: list[Facts], i: int) -> bool:
    """A headline no reader mistakes: right after the photo or report credit that
    closed the article before it ("…全面提升。/本报记者 张三 摄/乙市发展产业"). (A
    bare "本报记者 张三" after a paragraph may still head the text under a lead.)"""
    at = i - 2 if units[i - 1].kind == "label" and i >= 2 else i - 1
    return (
        units[at].kind == "byline"
        and _CLOSING_ACT.search(units[at].text) is not None
        and at >= 1
        and units[at - 1].kind == "para"
        and len(units[i].text) > 4
        and i + 1 < len(units)
        and units[i + 1].kind == "para"
    )


@dataclass(frozen=True)
class Doubt:
    """A place where the split could well have gone the other way."""

    line: int
    what: str  # "article starts" or "no article starts"
    why: str  # the cues that weighed most
    p: float  # how sure the splitter was that an article starts here (0..1)


def _decide(
    units: list[Block], fs: list[Facts], i: int, lay: Layout, st: State, oracle
) -> tuple[bool, Doubt | None]:
    u = units[i]
    if u.force in ("article", "title"):
        return True, None
    if u.force == "continue" or u.kind in ("byline", "subtitle", "label", "rule"):
        return False, None
    if u.kind == "para" and _plain(units, fs, i, lay, st):
        return False, None
    if u.kind == "heading" and i == len(units) - 1 and not fs[i].picture:
        return False, None  # a last line under nothing: no article to head
    if u.kind == "heading" and _clear_title(units, fs, i):
        return True, None
    if u.kind == "heading" and st.continued and not _over_text(units, fs, i):
        return False, None  # an article from another page goes on: its subheads
    if u.kind == "heading" and u.gap <= lay.usual_gap and _section_label(units, fs, i, st):
        return False, None
    if st.captioned and st.titled and not st.picture and st.paras == 1 and fs[i].dateline:
        return False, None  # a title, its picture's caption, then the text under both
    x = features(units, fs, i, lay, st)
    if oracle is not None:
        add_cohesion(units, fs, i, st, x)
        return oracle(i, x), None
    # Cohesion only lowers the odds, by at most its weight: weigh it where that matters.
    z = _z(x)
    if z > -_EDGE and z + _LOW < _EDGE:
        add_cohesion(units, fs, i, st, x)
        z = _z(x)
    p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    opened = p >= 0.5
    if not UNSURE < p < 1 - UNSURE:
        return opened, None
    what = "article starts" if opened else "no article starts"
    return opened, Doubt(u.line, what, why(x), round(p, 2))


def starts(units: list[Block], lay: Layout, oracle=None) -> tuple[list[int], list[Doubt]]:
    """The blocks that open articles (the first always does), and the doubts.
    ``oracle(i, features)``, if given, decides instead of the model (training)."""
    fs = [facts(u) for u in units]
    st = State()
    st.open(units[0], fs[0])
    out, doubts = [0], []
    i = 1
    while i < len(units):
        # A column label goes with the headline under it: both open an article, or neither.
        label = units[i].kind == "label" and i + 1 < len(units) and units[i + 1].kind == "heading"
        at = i + 1 if label else i
        opened, doubt = _decide(units, fs, at, lay, st, oracle)
        if label and units[i].force in ("article", "title", "continue"):
            opened = units[i].force != "continue"
        doubts += [doubt] if doubt else []
        if opened:
            out.append(i)
            st.open(units[at], fs[at])
        else:
            st.add(units[i], fs[i])
            if label:
                st.add(units[at], fs[at])
        i = at + 1
    return out, doubts
