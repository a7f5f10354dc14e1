"""Highlight: where a query's strings occur in an article, and the snippets shown.

Pure functions over plain strings. Matching is done on folded text (the same
folding as the index) and mapped back to offsets in the original text, so a
highlight covers exactly the characters a user sees. Snippets are cut at
sentence punctuation and measured in terminal cells (CJK is two cells wide).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from searcher import analysis

Span = tuple[int, int]

# A sentence ends after this punctuation (and any closing quotes that follow it),
# or at a line break.
_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)》】\"']*|\n")
_CLAUSE_MARKS = "，,、：:"


@dataclass(frozen=True)
class Snippet:
    text: str
    matches: list[Span] = field(default_factory=list)  # [start, end) in code points of text


class _Widths(dict):
    """str.translate table: each character -> a string as long as its width in cells."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if code < 0x300:
            w = 1
        elif unicodedata.combining(ch):
            w = 0
        else:
            w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        self[code] = value = "x" * w
        return value


_WIDTHS = _Widths()


def cell_width(text: str) -> int:
    """Width in terminal cells: wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return len(text.translate(_WIDTHS))


def merge(spans: list[Span]) -> list[Span]:
    """Sorted, with overlapping or touching spans merged into one."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def find_spans(
    text: str, needles: list[str], folded: str | None = None, starts: list[int] | None = None
) -> list[Span]:
    """Every occurrence of each folded needle in text, as merged original offsets."""
    if folded is None:
        folded, starts = analysis.fold_with_offsets(text)
    spans: list[Span] = []
    for needle in needles:
        if not needle:
            continue
        i = folded.find(needle)
        while i >= 0:
            spans.append(analysis.to_original(starts, i, i + len(needle)))
            i = folded.find(needle, i + 1)
    return merge(spans)


def sentences(text: str) -> list[Span]:
    """[start, end) of each sentence of text, blank ones left out."""
    out: list[Span] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _window(text: str, sent: Span, spans: list[Span], max_cells: int) -> Span:
    """The part of a sentence to show: all of it if it fits, else around its first match."""
    s, e = sent
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if cell_width(text[s:e]) <= max_cells:
        return s, e
    max_cells -= 2  # room for the "…" marks
    inside = [sp for sp in spans if sp[0] < e and sp[1] > s]
    anchor = inside[0][0] if inside else s
    if cell_width(text[s:anchor]) <= max_cells // 2:
        ws = s
    else:
        # Some context before the first match, from a clause start if one is near.
        back = accumulate(_widths(text[s:anchor][::-1]))  # from the match backwards
        ws = anchor - bisect_right(list(back), max_cells // 4)
        clause = max(text.rfind(c, ws, anchor) for c in _CLAUSE_MARKS)
        if clause >= ws:
            ws = clause + 1
    we = ws + bisect_right(list(accumulate(_widths(text[ws:e]))), max_cells)
    return ws, we


def _widths(text: str) -> Iterator[int]:
    """The width in cells of each character of text."""
    return map(len, map(_WIDTHS.__getitem__, map(ord, text)))


def snippets(
    text: str, spans: list[Span], *, count: int = 3, max_cells: int = 120
) -> list[Snippet]:
    """Up to `count` snippets of text: the sentences with the most matches, in text order.

    When nothing matches (a hit on the title only) the first sentence is shown.
    Each snippet is at most max_cells wide, with "…" where it was cut.
    """
    sents = sentences(text)
    if not sents:
        return []

    def hits_in(sent: Span) -> int:
        return sum(1 for a, b in spans if a < sent[1] and b > sent[0])

    ranked = sorted(range(len(sents)), key=lambda i: (-hits_in(sents[i]), i))
    chosen = [i for i in ranked[:count] if hits_in(sents[i]) > 0] or [0]
    out: list[Snippet] = []
    for i in sorted(chosen):
        ws, we = _window(text, sents[i], spans, max_cells)
        body = text[ws:we].replace("\n", " ")
        prefix = "…" if ws > sents[i][0] and text[sents[i][0] : ws].strip() else ""
        suffix = "…" if we < sents[i][1] and text[we : sents[i][1]].strip() else ""
        shift = len(prefix) - ws
        matches = [(max(a, ws) + shift, min(b, we) + shift) for a, b in spans if a < we and b > ws]
        out.append(Snippet(prefix + body + suffix, matches))
    return out
