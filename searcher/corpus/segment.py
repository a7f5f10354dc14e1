"""Where articles start: each block that could open one is weighed by the cues a reader uses.

A reader sees a new article where a headline stands over a dateline or a byline,
where the page leaves a wider gap or sets a line flush left among indented
paragraphs, where the text before ended with its credit (``（新华社记者…摄）``),
where a picture's caption begins; and sees a subhead where a short line only
breaks a long text that goes on about the same thing. On a page that sets
nothing apart, the words decide: a title's words are a title's and come back in
the text under it, a subhead's were in the text above, the text under a subhead
goes on with the words of the whole article above it (``add_word_cohesion``), an
article's text opens as texts open (``lexicon``), and paragraphs that each open
with a date, one after another, are a run of briefs. Each cue is a feature
(``features``); their weights
are those of a logistic model fitted by ``bench/split_train.py`` on the article
boundaries of corpus pages dated 1-20 January 1998 printed in several layouts
(``split_model.WEIGHTS``, some ninety numbers). A quick model of the same cues
but the words (``split_model.QUICK``) decides alone where it is sure (most
blocks of a page that sets its articles apart); the words are read elsewhere.

The page is read as a whole: where a decision is in doubt (a probability
between ``UNSURE`` and ``1 - UNSURE``), both readings go on, and the likelier
one over the page wins (a beam of ``BEAM`` readings), so that one doubtful
decision is weighed with those it leads to (a title missed makes the next one
look like a subhead). A block opens an article in the reading chosen; a
decision in doubt there is reported.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

import numpy as np

from searcher.corpus import cues, lexicon
from searcher.corpus.blocks import Block, Layout, complete, table_row
from searcher.corpus.meta import page_header
from searcher.corpus.split_model import COMMON, COMMON_PAIRS, QUICK, WEIGHTS

UNSURE = 0.2  # p in (0.2, 0.8): a doubt worth showing
_CONTEXT = 160  # characters on either side a cohesion is measured over
_MAX_COHESION = 0.3  # more says no more
_CONTINUED = ("（上接", "(上接", "上接第", "（接第", "(接第")
_PHOTO_CREDIT = ("摄）", "攝）", "摄)", "照片）")
_CAPTION = ("图为", "圖為", "图片：", "图片:", "图①", "上图", "下图", "左图", "右图", "照片：")
_NUMBER_FIRST = set("一二三四五六七八九十（(0123456789０１２３４５６７８９第")
_DIGITS = re.compile(r"[0-9０-９.．·%％+\-－]")
_LEDE = re.compile(
    r"[0-9０-９一二三四五六七八九十]{1,4}[月日]|日前|近[日来]|最近|昨[天日]|今[天日]|前不久"
    r"|[上本今去前]年|新年伊始|元旦"
)


class Facts:
    """What one block shows, each fact worked out when first asked for (then kept)."""

    def __init__(self, u: Block) -> None:
        t = self.t = u.text
        self.kind = u.kind
        # Most often asked for, and settled by the first character for most blocks:
        # worked out at once. An item's dateline, a report of another's (据…), a number.
        c = t[:1]
        self.dateline = c in cues.DATELINE_FIRST and bool(cues.OPENS_ITEM.match(t))
        self.reported = c in "据據" and bool(cues.REPORTED.match(t))
        self.numbered = c in _NUMBER_FIRST and bool(cues.NUMBERED.match(t))

    def __getattr__(self, name: str) -> bool:  # only for a fact not yet worked out
        value = _FACTS[name](self.t, self.kind)
        setattr(self, name, value)
        return value


_FACTS = {  # (and dateline, reported, numbered: see ``Facts.__init__``)
    "picture": lambda t, k: len(t) <= 60 and bool(cues.PICTURE.search(t)),
    "credit_end": lambda t, k: t[-1:] in "）)者辑輯" and bool(cues.closing_credit(t)),
    "complete": lambda t, k: complete(t),
    "names_only": lambda t, k: len(t) <= 12 and k == "heading" and cues.person_names(t) is not None,
    # mostly digits: a row of a table
    "figures": lambda t, k: len(t) <= 60 and len(_DIGITS.findall(t)) * 3 >= len(t),
    # a date or time in its first words, as a news item opens
    "lede": lambda t, k: has_lede(t),
    # wholly in brackets: a note or a credit
    "note": lambda t, k: t[:1] in "（(" and t[-1:] in "）)",
    # a picture's caption (图为…, …摄）)
    "caption": lambda t, k: is_caption(t),
    # what its words say: a title's, an article's opening, an article's end (``lexicon``)
    "title_odds": lambda t, k: _clip(lexicon.title_odds(t) / 4),
    "open_odds": lambda t, k: _clip(lexicon.open_odds(t) / 8),
    "end_odds": lambda t, k: _clip(lexicon.end_odds(t) / 4),
}


def _clip(v: float) -> float:
    return max(-1.5, min(1.5, v))


def facts(u: Block) -> Facts:
    return Facts(u)


class LazyFacts:
    """``facts`` of each block, computed when first asked for: most paragraphs are
    passed over by ``_plain`` without them."""

    def __init__(self, units: list[Block]) -> None:
        self.units = units
        self.known: list[Facts | None] = [None] * len(units)
        self.glanced: dict[int, tuple[dict, float, float]] = {}
        self.headed: dict[int, tuple[dict, float, float]] = {}
        self.read: dict[int, dict] = {}
        self.ahead: dict[int, tuple[int, int, list[str]]] = {}
        self.ahead_chars: dict[int, frozenset[str]] = {}
        self.before_chars: dict[tuple[int, int], frozenset[str]] = {}
        self._words: _Words | None = None
        self.ruled: set[str] | None = None  # rules that set articles apart (``_after_rule``)

    @property
    def words(self) -> _Words:
        if self._words is None:
            self._words = _Words(self.units)
        return self._words

    def __len__(self) -> int:
        return len(self.units)

    def __getitem__(self, i: int) -> Facts:
        f = self.known[i]
        if f is None:
            f = self.known[i] = facts(self.units[i])
        return f

    def quick(self, i: int, lay: Layout) -> tuple[dict, float, float]:
        """``quick_features`` of block ``i`` and what they weigh in the quick model
        and in the whole one (worked out once)."""
        got = self.glanced.get(i)
        if got is None:
            x = quick_features(self.units, self, i, lay)
            got = (x, sum([_Q[k] for k in x]), sum([_W[k] for k in x]))
            self.glanced[i] = got
        return got

    def heads(self, i: int) -> tuple[dict, float, float]:
        """``heading_features`` of block ``i``, weighed as ``quick`` (worked out once)."""
        got = self.headed.get(i)
        if got is None:
            x = heading_features(self.units, self, i)
            got = (x, sum([_Q[k] for k in x]), sum([_W[k] for k in x]))
            self.headed[i] = got
        return got

    def slow(self, i: int) -> dict:
        """``slow_features`` of block ``i`` (worked out once)."""
        got = self.read.get(i)
        if got is None:
            got = self.read[i] = slow_features(self.units, self, i)
        return got


def opens_item(t: str) -> bool:
    """A dateline of the item's own, or a report of another's, opens ``t``."""
    c = t[:1]
    return c in cues.DATELINE_FIRST and bool(
        cues.OPENS_ITEM.match(t) or (c in "据據" and cues.REPORTED.match(t))
    )


def is_caption(t: str) -> bool:
    return t.startswith(_CAPTION) or t.endswith(_PHOTO_CREDIT)


def has_lede(t: str) -> bool:
    """A date or time in its first words (``１月５日``, ``日前``, ``去年``)."""
    return _LEDE.search(t, 0, 40) is not None


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
    first: int = 0  # the index of its first block

    def open(self, units: list[Block], i: int, f: Facts) -> None:
        u = units[i]
        # An article continued from another page (（上接第一版）) has its title there.
        continued = u.text.startswith(_CONTINUED)
        titled = u.kind == "heading" or continued
        self.__init__(titled=titled, picture=f.picture, continued=continued, first=i)  # type: ignore[misc]
        self.add(u)
        self.just_opened = u.kind != "para"

    def recent(self, units: list[Block], i: int) -> list[str]:
        """The texts of the article's last blocks before block ``i``: some
        ``_CONTEXT`` characters, for cohesion."""
        out, size, j = [], 0, i - 1
        while j >= self.first and (not out or size < _CONTEXT):
            out.append(units[j].text)
            size += len(units[j].text)
            j -= 1
        return out[::-1]

    def add(self, u: Block) -> None:
        kind = u.kind
        if self.just_opened:
            self.just_opened = kind in ("heading", "subtitle", "byline")
        elif kind == "heading":
            self.heads += 1
        if kind == "para":
            item = opens_item(u.text)
            if self.paras == 0 or self.captioned:
                self.captioned = is_caption(u.text)
            if self.paras == 0:
                self.news = item
            self.paras += 1
            self.datelines += item
        elif kind == "byline" and self.paras == 0:
            self.bylined = True
        self.chars += len(u.text)


@functools.lru_cache(maxsize=8192)
def _chars(s: str) -> frozenset[str]:
    return frozenset(s).difference(_LEFT_OUT)


# Left out of cohesion: the commonest characters, and punctuation, digits and letters
# (ASCII, full-width forms, CJK and general punctuation).
_LEFT_OUT = COMMON | {
    chr(c)
    for lo, hi in (
        (0x0, 0x250),
        (0x2000, 0x2070),
        (0x2460, 0x2500),
        (0x3000, 0x3040),
        (0xFF00, 0xFFF0),
    )
    for c in range(lo, hi)
}


def _ahead(units: list[Block], fs: LazyFacts, i: int) -> tuple[int, int, list[str]]:
    """Headings in the run from ``i``, characters of text up to the next heading
    or dateline, and the text ahead (for cohesion). Worked out once a block."""
    found = fs.ahead.get(i)
    if found is None:
        found = fs.ahead[i] = _look_ahead(units, fs, i)
    return found


def _chars_ahead(units: list[Block], fs: LazyFacts, i: int) -> frozenset[str]:
    """The distinctive characters of the text ahead of block ``i`` (once a block)."""
    got = fs.ahead_chars.get(i)
    if got is None:
        texts = _ahead(units, fs, i)[2]
        got = fs.ahead_chars[i] = frozenset().union(*(_chars(t[:_CONTEXT]) for t in texts))
    return got


def _chars_before(units: list[Block], fs: LazyFacts, i: int, st: State) -> frozenset[str]:
    """The distinctive characters of the article's text just before block ``i``
    (once for each place an article may have started)."""
    got = fs.before_chars.get((st.first, i))
    if got is None:
        texts = st.recent(units, i)
        got = frozenset().union(*(_chars(t[-_CONTEXT:]) for t in texts))
        fs.before_chars[(st.first, i)] = got
    return got


def _look_ahead(units: list[Block], fs: LazyFacts, i: int) -> tuple[int, int, list[str]]:
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


def features(units: list[Block], fs: LazyFacts, i: int, lay: Layout, st: State) -> dict:
    """The cues around block ``i`` for and against an article starting there
    (without ``cohesion``, which costs more: see ``add_cohesion``). Headings and
    paragraphs are weighed apart ("heading: …", "text: …"): a cue says more of one
    than of the other."""
    x = {**fs.quick(i, lay)[0], **fs.heads(i)[0], **state_features(units, fs, i, st)}
    x.update(fs.slow(i))
    x.update(echoes(units, fs, i, st))
    return x


def quick_features(units: list[Block], fs: LazyFacts, i: int, lay: Layout) -> dict:
    """The cues of block ``i`` and the blocks around it that a glance shows (the
    same whatever was read before: worked out once a page)."""
    u, f = units[i], fs[i]
    head = u.kind == "heading"
    on: list[str] = ["heading" if head else "para"]
    _own_cues(on, u, f)
    _around_cues(on, units, fs, i, lay)
    names = _HEADING_NAMES if head else _TEXT_NAMES
    return dict.fromkeys([names[k] for k in on], 1.0)


def heading_features(units: list[Block], fs: LazyFacts, i: int) -> dict:
    """What a heading is like, and the run of blocks it heads (``{}`` for a paragraph)."""
    if units[i].kind != "heading":
        return {}
    on: list[str] = []
    _heading_cues(on, units, fs, i)
    return dict.fromkeys([_HEADING_NAMES[k] for k in on], 1.0)


def slow_features(units: list[Block], fs: LazyFacts, i: int) -> dict:
    """What the words of block ``i`` and of its neighbours say (``lexicon``), and
    whether a heading's words come back in the text under it."""
    u, f = units[i], fs[i]
    head = u.kind == "heading"
    x = {}
    if units[i - 1].kind == "para":
        x["heading: prev ends" if head else "text: prev ends"] = fs[i - 1].end_odds
    if not head:
        x["text: opens"] = f.open_odds
        return x
    x["heading: title odds"] = f.title_odds
    j = _text_after(units, i)
    if j is not None:
        x["heading: next opens"] = fs[j].open_odds
    # A title's words come back in the text under it; a subhead's were in the text above.
    if len(words := _chars(u.text)) >= 2:
        x["heading: covers"] = len(words & _chars_ahead(units, fs, i)) / len(words)
    return x


def state_features(units: list[Block], fs: LazyFacts, i: int, st: State) -> dict:
    """The cues of the article being read when block ``i`` is weighed."""
    return _state_weighed(units, fs, i, st)[0]


def _state_weighed(units: list[Block], fs: LazyFacts, i: int, st: State) -> tuple[dict, float]:
    """``state_features`` and their weight in the quick model (few combinations:
    each worked out once)."""
    u, f = units[i], fs[i]
    para = u.kind == "para"
    key = (
        u.kind,
        st.just_opened,
        min(st.paras, 1),
        st.chars > 1500,
        st.news,
        st.bylined,
        st.picture,
        st.titled,
        bool(st.heads),
        para and (f.dateline or f.reported) and bool(st.datelines),
        para and (f.dateline or f.reported) and not st.datelines,
        para and f.lede,
        para and st.titled and f.lede and _ledes_follow(units, i),
    )
    got = _STATES.get(key)
    if got is None:
        on: list[str] = []
        _state_cues(on, st)
        if key[-4]:
            on.append("another dateline")
        if key[-3]:
            on.append("dateline in article without")
        if key[-2] and not st.titled and st.paras >= 1:
            on.append("untitled lede")
        if key[-1]:
            on.append("ledes follow")  # a run of briefs after a titled article?
        names = _TEXT_NAMES if para else _HEADING_NAMES
        x = dict.fromkeys([names[k] for k in on], 1.0)
        got = _STATES[key] = (x, sum([_Q[k] for k in x]))
    return got


_STATES: dict[tuple, tuple[dict, float]] = {}


class _Words:
    """The page's words: each two-character string of Han characters at the place
    it starts (the blocks one after another), as a number below ``_SLOTS`` (a hash:
    two words rarely share one; the slots of ``COMMON_PAIRS`` are left out)."""

    def __init__(self, units: list[Block]) -> None:
        text = "\n".join(u.text for u in units)
        c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64) - _HAN
        han = (c >= 0) & (c < _HANS)
        self.slots = _slot(c[:-1] * _HANS + c[1:])
        self.ok = han[:-1] & han[1:] & ~_COMMON_SLOTS[self.slots]
        self.starts = np.cumsum([0] + [len(u.text) + 1 for u in units]).tolist()

    def between(self, lo: int, hi: int) -> np.ndarray:
        """The words from character ``lo`` of the page to ``hi``: a mark in each slot."""
        out = np.zeros(_SLOTS, bool)
        out[self.slots[lo:hi][self.ok[lo:hi]]] = True
        return out

    def cohesion(self, first: int, i: int, units: list[Block]) -> float:
        """The share of the words of the text from block ``i`` on (past a run of
        headings: four blocks, at most ``_AHEAD`` characters) found in the whole
        article before it (from block ``first``)."""
        j = i + 1 if units[i].kind == "heading" else i
        while j < len(units) and units[j].kind == "heading":
            j += 1
        if j >= len(units):
            return 0.0
        s = self.starts
        a = self.between(s[first], s[i])
        b = self.between(s[j], min(s[min(j + 4, len(units))] - 1, s[j] + _AHEAD))
        na, nb = np.count_nonzero(a), np.count_nonzero(b)
        if not na or not nb:
            return 0.0
        return float(np.count_nonzero(a & b) / (min(na, nb) + 4))


def _slot(codes: np.ndarray) -> np.ndarray:
    """A code's slot: the top bits of its product with the golden ratio's (mod 2**32)."""
    return ((codes * 0x9E3779B1) & 0xFFFFFFFF) >> (32 - _SLOT_BITS)


_HAN, _HANS = 0x4E00, 0x9FFF - 0x4E00 + 1
_SLOT_BITS = 16
_SLOTS = 1 << _SLOT_BITS
_COMMON_SLOTS = np.zeros(_SLOTS, bool)
_COMMON_SLOTS[
    _slot(np.array([(ord(w[0]) - _HAN) * _HANS + ord(w[1]) - _HAN for w in COMMON_PAIRS]))
] = True
_AHEAD = 300


def echoes(units: list[Block], fs: LazyFacts, i: int, st: State) -> dict:
    """A heading whose words were in the article's text just before: a subhead."""
    if units[i].kind == "heading" and len(words := _chars(units[i].text)) >= 2:
        return {"heading: echoes": len(words & _chars_before(units, fs, i, st)) / len(words)}
    return {}


def _text_after(units: list[Block], i: int) -> int | None:
    """The first paragraph after the headings and bylines from ``i`` on."""
    j = i + 1
    while j < len(units) and j < i + 6 and units[j].kind != "para":
        j += 1
    return j if j < len(units) and units[j].kind == "para" else None


def _own_cues(on: list[str], u: Block, f: Facts) -> None:
    if f.picture:
        on.append("picture")
    if f.numbered:
        on.append("numbered")
    if u.kind != "para":
        return  # a heading is no dateline, no note, no lede
    if f.dateline:
        on.append("dateline")
        if u.text.startswith(("本报讯", "本報訊")):
            on.append("local brief")  # 本报讯 opens a brief of its own, seldom more text
    elif f.reported:
        on.append("reported")
    if f.note:
        on.append("note")
    if f.lede:
        on.append("lede")


def _around_cues(on: list[str], units: list[Block], fs: LazyFacts, i: int, lay: Layout) -> None:
    u = units[i]
    # Under a column label, the block before the label is what comes before.
    labelled = units[i - 1].kind == "label" and i >= 2
    prev, pf = (units[i - 2], fs[i - 2]) if labelled else (units[i - 1], fs[i - 1])
    gap = units[i - 1].gap if labelled else u.gap
    over_dateline = False
    if i + 1 < len(units):
        nxt, nf = units[i + 1], fs[i + 1]
        if over_dateline := nf.dateline or nf.reported:
            on.append("next dateline")
        if nxt.kind in ("byline", "heading", "subtitle"):
            on.append("next " + nxt.kind)
    else:
        on.append("end of page")
    if pf.complete:
        on.append("prev complete")
        if prev.kind == "para" and over_dateline:
            on.append("over a dateline after text")
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
    if gap > lay.usual_gap and lay.even:
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


def _heading_cues(on: list[str], units: list[Block], fs: LazyFacts, i: int) -> None:
    f, t = fs[i], units[i].text
    n = len(units)
    run, section, _ = _ahead(units, fs, i)
    if len(t) <= 6:
        on.append("short heading")
        if len(t) <= 4 and i + 1 < n and fs[i + 1].dateline:
            on.append("short over dateline")
    if len(t) <= 12 and f.names_only:
        on.append("names heading")
    if _ASKS.search(t):
        on.append("question heading")
    if i + 1 < n and len(units[i + 1].text) <= 12 and fs[i + 1].names_only:
        on.append("next names")
    if run >= 4:
        on.append("long run")
    if i + run < n and fs[i + run].dateline:
        on.append("after dateline 2")
    if 0 < section <= 120:
        on.append("short section")
    if len(t) <= 60 and f.figures:
        on.append("figures")
    if units[i - 1].kind != "para" and fs[i - 1].figures:
        on.append("after figures")
    if i + 1 < n and units[i + 1].kind == "para" and units[i + 1].text[0] in cues.RARE_START:
        on.append("next mid-word")


_ASKS = re.compile("[：:，,！!？?]")


class _Names(dict):
    """A cue's name as the model knows it: "heading: …" or "text: …"."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, k: str) -> str:
        self[k] = self.prefix + k
        return self[k]


_HEADING_NAMES, _TEXT_NAMES = _Names("heading: "), _Names("text: ")


def add_cohesion(units: list[Block], fs: LazyFacts, i: int, st: State, x: dict) -> None:
    """How much the text after block ``i`` shares with the article before it (0..1):
    the share of the characters of one found in the other, leaving out the commonest
    ones (``COMMON``: 的, 国, 发 are in any two texts), over the last and the first
    ``_CONTEXT`` characters of the blocks either side."""
    a, b = _chars_before(units, fs, i, st), _chars_ahead(units, fs, i)
    c = min(len(a & b) / (min(len(a), len(b)) + 4), _MAX_COHESION)
    if c:
        x["heading: cohesion" if units[i].kind == "heading" else "text: cohesion"] = c


def add_word_cohesion(units: list[Block], fs: LazyFacts, i: int, st: State, x: dict) -> None:
    """``add_cohesion`` for words (two-character strings, leaving out ``COMMON_PAIRS``)
    of the text ahead (``_AHEAD`` characters) and of the whole article before: the
    same subject goes on."""
    c = min(fs.words.cohesion(st.first, i, units), _MAX_COHESION)
    if c:
        x["heading: word cohesion" if units[i].kind == "heading" else "text: word cohesion"] = c


def _z(x: dict) -> float:
    return _BIAS + sum(_W[k] * v for k, v in x.items())


_W: defaultdict[str, float] = defaultdict(float, WEIGHTS)
_BIAS = WEIGHTS.get("bias", 0.0)
# The quick model: the cues a glance shows, without the words (``QUICK``).
_Q: defaultdict[str, float] = defaultdict(float, QUICK)
_QBIAS = QUICK.get("bias", 0.0)
_SURE = 3.0  # the quick model's log odds beyond which it decides alone (p < 5% or > 95%)
_HEADING_CUES = {k for k in QUICK if k.startswith("heading: ")} & {
    "heading: " + k
    for k in (
        "short heading",
        "short over dateline",
        "names heading",
        "question heading",
        "next names",
        "long run",
        "after dateline 2",
        "short section",
        "figures",
        "after figures",
        "next mid-word",
    )
}
_QH_HIGH = sum(max(0.0, QUICK[k]) for k in _HEADING_CUES)
_QH_LOW = sum(min(0.0, QUICK[k]) for k in _HEADING_CUES)


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
_LOW_WORDS = _MAX_COHESION * min(
    0.0, WEIGHTS.get("heading: word cohesion", 0.0), WEIGHTS.get("text: word cohesion", 0.0)
)


def _plain(units: list[Block], i: int, lay: Layout, st: State) -> bool:
    """A paragraph with nothing that could open an article: no dateline, no credit
    or closing byline before it, no wider gap, not flush left among indented
    paragraphs, no date in its first words where untitled briefs follow each other.
    (Under a heading, or a byline under a title, a paragraph goes on with what they
    head, whatever it shows.) Not
    weighed at all (read from the text directly: most paragraphs are plain, and this
    is most of the splitting's time)."""
    u, prev = units[i], units[i - 1]
    if prev.kind in ("heading", "subtitle"):
        return True  # the text under a heading goes on with what it heads
    if prev.kind == "byline":
        return not (i >= 2 and units[i - 2].kind == "para")  # a byline under a title
    if prev.names or (u.gap > lay.usual_gap and lay.even) or prev.kind in ("label", "rule"):
        return False
    if (lay.indent and not u.indent) or u.indent > lay.indent + 2:
        return False
    t, p = u.text, prev.text
    if _goes_on(u):
        return True  # 但…, 他说…, 该公司…: it goes on from what is above
    c, e = t[:1], t[-1:]
    return not (
        (c in cues.DATELINE_FIRST and opens_item(t))
        or (c in "（(" and e in "）)")
        or (c in _NUMBER_FIRST and cues.NUMBERED.match(t))
        or (len(t) <= 60 and cues.PICTURE.search(t))
        or (p[-1:] in "）)者辑輯" and cues.closing_credit(p))
        or ((not st.titled or _ledes_follow(units, i)) and has_lede(t))
    )


# What opens a paragraph that goes on from the one above (a conjunction, a pronoun,
# a demonstrative): no article's text opens so (none of 2,012 in the corpus's 1-20
# January, against one later paragraph in twenty).
_REFERS_BACK = re.compile(
    "但是?|而且?|因此|所以|同时|另外|此外|对此|为此|其中|其实|他们|她们|他|她|该|这|此|上述"
    "|同時|對此|為此|其實|他們|她們|該|這"  # (traditional forms)
)
# ... or points back in its first words (参加该比赛的…, 在这次活动中…).
_POINTS_BACK = re.compile("[^，。；：！？]{1,4}?(?:该|該|这[些次项]|這[些次項])")
_BACK_FIRST = set("但而因所同另此对為为其他她该這这上對該")


def _goes_on(u: Block) -> bool:
    """A paragraph that refers back in its first words (no article's text opens so)."""
    t = u.text
    return u.kind == "para" and (
        (t[:1] in _BACK_FIRST and _REFERS_BACK.match(t) is not None)
        or _POINTS_BACK.match(t) is not None
    )


def _ledes_follow(units: list[Block], i: int) -> bool:
    """Does the paragraph after block ``i`` open with a date too, as a run of briefs
    does (a titled article's paragraphs rarely do, one after another)?"""
    return i + 1 < len(units) and units[i + 1].kind == "para" and has_lede(units[i + 1].text)


_CLOSING_ACT = re.compile(r"摄|攝|整理|供稿|编译|編譯")


def _section_label(units: list[Block], fs: LazyFacts, i: int, st: State) -> bool:
    """A place's name over a place's dateline inside a news roundup ("四川"/"本报成都…电",
    "菲律宾"/"据新华社马尼拉…电"),
    at the usual gap: a section of the article, not an article (the text before it
    ends with no credit)."""
    return (
        len(units[i].text) <= 4
        and st.news
        and st.paras >= 1
        and i + 1 < len(units)
        and (fs[i + 1].dateline or fs[i + 1].reported)
        and not units[i + 1].text.startswith(("本报讯", "本報訊"))  # a brief of its own
        and not (fs[i - 1].credit_end or units[i - 1].names or units[i - 1].kind == "byline")
    )


def _over_text(units: list[Block], fs: LazyFacts, i: int) -> bool:
    """Does a dateline or a byline follow this heading?"""
    j = i + 1
    return j < len(units) and (fs[j].dateline or fs[j].reported or units[j].kind == "byline")


def _clear_title(units: list[Block], fs: LazyFacts, i: int) -> bool:
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


def _after_rule(units: list[Block], fs: LazyFacts, i: int) -> bool:
    """Does a rule (``＊＊＊``, ``——————``) end one article and block ``i`` under it
    open the next? A headline over text, a byline or a deck does (not an editor's
    afterword, ``编后``, which a rule sets off inside its article); under a rule that
    stands over headlines twice or more (the page sets its articles apart by it), or
    a later page's header line, any block does."""
    if page_header(units[i - 1].text):
        return True  # a later page in the same file: its first block opens an article
    if i + 1 >= len(units) or units[i].text.startswith(_AFTERWORD):
        return False
    if _DASH.fullmatch(units[i - 1].text):
        return False  # a signature's dash (———孙道权) cut from its name
    if fs.ruled is None:
        over = Counter(
            a.text for a, b in zip(units, units[1:]) if a.kind == "rule" and b.kind == "heading"
        )
        fs.ruled = {rule for rule, n in over.items() if n >= 2}
    return units[i - 1].text in fs.ruled or (
        units[i].kind == "heading" and units[i + 1].kind != "rule"
    )


_AFTERWORD = ("编后", "編後", "附记", "附記")
_DASH = re.compile("[—─－-]{2,3}")


def _over_news(units: list[Block], fs: LazyFacts, i: int) -> bool:
    """A headline over a dateline, right after a paragraph that ended its sentence: a
    news item's title (a place's name over it, four characters or less, may be a
    section of a roundup, and a deck stands under its title, not under text)."""
    prev = units[i - 1]
    return (
        len(units[i].text) > 4
        and prev.kind == "para"
        and prev.text[-1:] not in "：:"
        and fs[i - 1].complete
        and i + 1 < len(units)
        and (fs[i + 1].dateline or fs[i + 1].reported)
    )


def _picture_credited(units: list[Block], fs: LazyFacts, i: int) -> bool:
    """A picture's title (``迎春（书法）``) over its credit in brackets (``（张三）``): a
    picture item of its own, even among a poem's lines (not an item of a numbered list)."""
    return (
        fs[i].picture
        and not fs[i].numbered
        and i + 1 < len(units)
        and units[i + 1].kind == "para"
        and fs[i + 1].note
    )


# A date alone on its line (``１９９８年１月７日``, ``1997年3月6日于北京``), not in brackets
# (a speech's date is): under a signature.
_SIGNED = re.compile(
    r"[0-9０-９一二三四五六七八九十〇○零]{2,4}年[0-9０-９一二三四五六七八九十]{1,2}月"
    r"(?:[0-9０-９一二三四五六七八九十]{1,3}日)?(?:于[\u4e00-\u9fff]{1,8})?"
)


def _table_head(units: list[Block], i: int) -> bool:
    """The head of a table: a row right over rows of figures, no blank line between."""
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and not nxt.gap and table_row(units[i].text) and table_row(nxt.text)


def _signature(units: list[Block], i: int) -> bool:
    """A short line after text over a date alone on its line, and no text under the
    date: who signed a letter or a notice ("本报群众工作部"/"１９９８年１月７日"), not a
    title (a chronology's title stands over dates with text under each)."""
    return (
        units[i - 1].kind == "para"
        and i + 1 < len(units)
        and len(units[i].text) <= 20
        and _SIGNED.fullmatch(units[i + 1].text) is not None
        and (i + 2 == len(units) or units[i + 2].kind != "para")
    )


@dataclass(frozen=True)
class Doubt:
    """A place where the split could well have gone the other way."""

    line: int
    what: str  # "article starts" or "no article starts"
    why: str  # the cues that weighed most
    p: float  # how sure the splitter was that an article starts here (0..1)


def _decide(
    units: list[Block], fs: LazyFacts, i: int, lay: Layout, st: State, oracle
) -> tuple[float, tuple[dict, dict] | None]:
    """The probability that an article starts at block ``i`` (1 or 0 where a rule
    or a marker decides), and the cues weighed (of the block, of the reading)."""
    u = units[i]
    if u.force in ("article", "title"):
        return 1.0, None
    if u.force == "continue" or u.kind in ("byline", "subtitle", "label", "rule"):
        return 0.0, None
    if u.kind == "heading" and i == len(units) - 1 and not fs[i].picture:
        return 0.0, None  # a last line under nothing: no article to head
    if u.kind == "heading" and _clear_title(units, fs, i):
        return 1.0, None
    if units[i - 1].kind == "rule" and u.kind in ("heading", "para") and _after_rule(units, fs, i):
        return 1.0, None
    if u.kind == "heading" and st.continued and not _over_text(units, fs, i):
        return 0.0, None  # an article from another page goes on: its subheads
    if u.kind == "heading" and u.gap <= lay.usual_gap and _section_label(units, fs, i, st):
        return 0.0, None
    if u.kind == "heading" and _signature(units, i):
        return 0.0, None
    if u.kind == "heading" and _table_head(units, i):
        return 0.0, None
    if u.kind == "heading" and _over_news(units, fs, i):
        return 1.0, None
    if u.kind == "heading" and _picture_credited(units, fs, i):
        return 1.0, None
    if st.captioned and st.titled and not st.picture and st.paras == 1 and fs[i].dateline:
        return 0.0, None  # a title, its picture's caption, then the text under both
    if oracle is not None:
        x = features(units, fs, i, lay, st)
        add_cohesion(units, fs, i, st, x)
        add_word_cohesion(units, fs, i, st, x)
        return float(oracle(i, x)), None
    xq, zq, zw = fs.quick(i, lay)
    xs, zs = _state_weighed(units, fs, i, st)
    z = _QBIAS + zq + zs
    # The heading cues move the quick odds by at most so much: weighed where that matters.
    heading = u.kind == "heading"
    if heading and (z + _QH_LOW >= _SURE or z + _QH_HIGH <= -_SURE):
        return _sigmoid(z), (xq, xs)
    xh, zqh, zwh = fs.heads(i)
    z += zqh
    if not -_SURE < z < _SURE:  # the quick model is sure: no need to read the words
        return _sigmoid(z), ({**xq, **xh}, xs)
    x = {**xs, **fs.slow(i), **echoes(units, fs, i, st)}
    z = _BIAS + zw + zwh + sum([_W[k] * v for k, v in x.items()])
    # Cohesion only lowers the odds, by at most its weight: weigh it where that matters.
    if z > -_EDGE and z + _LOW + _LOW_WORDS < _EDGE:
        add_cohesion(units, fs, i, st, x)
        z = _BIAS + zw + zwh + sum([_W[k] * v for k, v in x.items()])
        if z > -_EDGE and z + _LOW_WORDS < 0:  # the words weighed where they may turn it
            add_word_cohesion(units, fs, i, st, x)
            z = _BIAS + zw + zwh + sum([_W[k] * v for k, v in x.items()])
    return _sigmoid(z), ({**xq, **xh}, x)


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class _Path:
    """One way of reading the page so far: where articles start, and how likely."""

    logp: float
    st: State
    out: list[int]
    doubts: list[Doubt]


_TITLED, _UNTITLED = State(titled=True), State(titled=False)
BEAM = 2  # ways of reading a page kept at once
# A reading is dropped when it is less likely than the best by more than a doubt
# (``UNSURE``): a second reading is taken up only where a decision is in doubt.
_PRUNE = math.log((1 - UNSURE) / UNSURE)
_SHUT = math.exp(-_PRUNE)  # a choice less likely than this is not taken up at all


def starts(units: list[Block], lay: Layout, oracle=None) -> tuple[list[int], list[Doubt]]:
    """The blocks that open articles (the first that is not a rule always does: rules
    before it, a header line, are in no article), and the doubts: the likeliest reading
    of the page as a whole (a beam over the decisions), so that one decision in doubt
    is weighed with those it leads to.
    ``oracle(i, features)``, if given, decides instead of the model (training)."""
    fs = LazyFacts(units)
    st = State()
    # Rules first on the page (a header line) are in no article; a column label over
    # the first headline: the first article opens at both.
    lead = 0
    while lead + 1 < len(units) and units[lead].kind == "rule":
        lead += 1
    label = units[lead].kind == "label" and lead + 1 < len(units)
    at = lead + int(label and units[lead + 1].kind == "heading")
    st.open(units, at, fs[at])
    paths = [_Path(0.0, st, [lead], [])]
    i = at + 1
    while i < len(units):
        u = units[i]
        if u.kind == "para" and not u.force and _all_plain(units, i, lay, paths):
            for path in paths:
                path.st.add(u)  # the common case, first and fast
            i += 1
            continue
        # A column label goes with the headline under it: both open an article, or neither.
        label = u.kind == "label" and i + 1 < len(units) and units[i + 1].kind == "heading"
        at = i + 1 if label else i
        if len(paths) == 1:
            p, x = _weigh(units, fs, i, at, lay, paths[0].st, oracle)
            if not _SHUT < p < 1 - _SHUT:  # one reading, and no doubt: it goes on
                _go_on(units, fs, i, at, paths[0], p >= 0.5)
                i = at + 1
                continue
            options = _branches(paths[0], p, x)
        else:
            options = _options(units, fs, i, at, lay, paths, oracle)
        paths = _chosen(units, fs, i, at, _best(options))
        i = at + 1
    best = max(paths, key=lambda t: t.logp)
    return best.out, best.doubts


def _weigh(units, fs: LazyFacts, i: int, at: int, lay: Layout, st: State, oracle):
    """``_decide`` at ``at`` (a column label's marker decides for its headline)."""
    u = units[i]
    if u.kind == "label" and u.force in ("article", "title", "continue"):
        return float(u.force != "continue"), None
    return _decide(units, fs, at, lay, st, oracle)


def _options(units, fs: LazyFacts, i: int, at: int, lay: Layout, paths: list[_Path], oracle):
    """Each reading goes on with block ``i`` opening an article or not: how likely."""
    u = units[i]
    options = []
    for path in paths:
        if u.kind == "para" and not u.force and _plain(units, i, lay, path.st):
            options.append((path.logp, path, None, 1.0, None))
        else:
            options += _branches(path, *_weigh(units, fs, i, at, lay, path.st, oracle))
    return options


def _branches(path: _Path, p: float, x) -> list:
    out = []
    if p > _SHUT:
        out.append((path.logp + math.log(p), path, True, p, x))
    if p < 1 - _SHUT:
        out.append((path.logp + math.log(1 - p), path, False, p, x))
    return out


def _chosen(units, fs: LazyFacts, i: int, at: int, chosen: list) -> list[_Path]:
    """The readings chosen, each gone on with block ``i`` (copied where two go on
    from one)."""
    uses = Counter(id(o[1]) for o in chosen)
    paths = []
    for o in chosen:
        uses[id(o[1])] -= 1
        paths.append(_step(units, fs, i, at, *o, copy=uses[id(o[1])] > 0))
    return paths


def _all_plain(units: list[Block], i: int, lay: Layout, paths: list[_Path]) -> bool:
    """Is block ``i`` a plain paragraph in every reading? (Only whether the article
    being read has a title can tell readings apart here.)"""
    if len(paths) == 1:
        return _plain(units, i, lay, paths[0].st)
    titled = {p.st.titled for p in paths}
    return all(_plain(units, i, lay, _TITLED if t else _UNTITLED) for t in titled)


def _best(options: list) -> list:
    options.sort(key=lambda o: -o[0])
    top = options[0][0]
    return [o for o in options[:BEAM] if o[0] >= top - _PRUNE]


def _step(units, fs, i: int, at: int, logp, path, opened, p, x, copy: bool) -> _Path:
    """The reading ``path`` goes on with block ``i`` (opening an article there or
    not, or a plain paragraph if ``opened`` is None); on a copy if another reading
    goes on from it too."""
    if copy:
        path = _Path(logp, replace(path.st), list(path.out), list(path.doubts))
    path.logp = logp
    if opened is None:
        path.st.add(units[i])
        return path
    if x is not None and UNSURE < round(p, 2) < 1 - UNSURE:  # as shown, in two decimals
        what = "article starts" if opened else "no article starts"
        path.doubts.append(Doubt(units[at].line, what, why({**x[0], **x[1]}), round(p, 2)))
    _go_on(units, fs, i, at, path, opened)
    return path


def _go_on(units, fs, i: int, at: int, path: _Path, opened: bool) -> None:
    if opened:
        path.out.append(i)
        path.st.open(units, at, fs[at])
    else:
        path.st.add(units[i])
        if at != i:
            path.st.add(units[at])
