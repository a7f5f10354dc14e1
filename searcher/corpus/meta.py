"""A page's paper, date and page number: from its file name or its first line."""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from searcher.corpus.files import suffix

_NUM_DATE = re.compile(r"(?<!\d)(\d{4})([-_./]?)(\d{1,2})\2(\d{1,2})(?!\d)")
_CJK_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_PAGE_NO = re.compile(r"第\s*([0-9０-９]{1,3}|[一二三四五六七八九]?十?[一二三四五六七八九]?)\s*版")
_CN = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
_SEP = " \t\u3000_-–—.·|/,，、()（）"
_DATE_CHARS = re.compile("[0-9０-９年]")


def find_date(s: str) -> tuple[str, re.Match | None]:
    for pattern in (_CJK_DATE, _NUM_DATE):
        for m in pattern.finditer(s):
            y, mo, d = m.group(1), m.groups()[-2], m.groups()[-1]
            if pattern is _NUM_DATE and not m.group(2) and (len(mo), len(d)) != (2, 2):
                continue  # YYYYMMDD needs all eight digits
            try:
                return datetime.date(int(y), int(mo), int(d)).isoformat(), m
            except ValueError:
                continue
    return "", None


def _page_number(s: str) -> tuple[int | None, str]:
    m = _PAGE_NO.search(s)
    if not m or not m.group(1):
        return None, s
    n = unicodedata.normalize("NFKC", m.group(1))
    tens, ten, ones = n.rpartition("十")
    value = int(n) if n.isdigit() else (_CN.get(tens, 1) * 10 if ten else 0) + _CN.get(ones, 0)
    return value, s[: m.start()] + " " + s[m.end() :]


def meta(path: Path, text: str) -> tuple[str, str, int | None, str]:
    stem = path.name[: -len(suffix(path))] if suffix(path) else path.stem
    paper, date, page = "", "", None
    date, m = find_date(stem)
    if m:  # a name without a date (a hash, a serial) says nothing about the paper
        page, rest = _page_number(stem[: m.start()] + " " + stem[m.end() :])
        words = [w for w in re.split(r"[\s_\-.]+", rest) if w]
        numbers = [int(w) for w in words if w.isascii() and w.isdigit() and len(w) <= 3]
        page = numbers[0] if page is None and numbers else page
        paper = " ".join(w for w in words if not w.isdigit())
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (found := header(lines[first])):
        h_paper, date, h_page = found
        paper = h_paper or paper
        page = h_page if h_page is not None else page
        lines[first] = ""  # blanked, not deleted, so origins keep their line numbers
    return paper, date, page, "\n".join(lines)


def header(line: str) -> tuple[str, str, int | None] | None:
    """The paper, date and page number of a header line (``人民日报 1998年1月5日 第3版``):
    a date, and beside it only a paper's name, a weekday or a page number (or a
    title with a date would be eaten)."""
    if len(line.strip()) > 40 or line.strip()[:1] in "（(【[":
        return None  # (a note in brackets: （摘自人民日报1998年1月5日）)
    date, m = find_date(line)
    if not m:
        return None
    page, rest = _page_number(line[: m.start()] + " " + line[m.end() :])
    rest = " ".join(_WEEKDAY.sub(" ", rest).replace("\u3000", " ").split()).strip(_SEP)
    if rest and not (
        re.fullmatch(r"[\u4e00-\u9fff A-Za-z]{1,16}", rest)
        and ("报" in rest or "報" in rest or rest.isascii())
    ):
        return None
    if rest.startswith(_NOT_A_PAPER):
        return None  # where an article was printed first, or a dateline (本报…讯)
    return rest, date, page


_NOT_A_PAPER = ("本报", "本報", "摘自", "原载", "原載", "转自", "轉自", "选自", "選自")
_NOT_A_PAPER += ("转载", "轉載", "载", "載", "据", "據")


def page_meta(path: Path, text: str) -> tuple[str, str, str]:
    paper, date, _, rest = meta(Path(path), text)
    return paper, date, rest


def page_header(line: str) -> tuple[str, str, int | None] | None:
    """The paper, date and page number of a page's header line inside a file (a
    paper's name or a page number beside a date: a date alone may be a letter's)."""
    if len(line) > 40 or not ("版" in line or "报" in line or "報" in line):
        return None
    if not _DATE_CHARS.search(line):
        return None  # no date
    found = header(line)
    return found if found and (found[0] or found[2] is not None) else None
