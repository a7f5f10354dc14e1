"""Citation: a newspaper article cited as GB/T 7714-2015 has it.

``作者. 题名[N]. 报纸名, 出版日期(版次).``, e.g.
``王卢莎. 美丽产业带来美好生活[N]. 辽宁日报, 2022-01-12(6).``

What the archive does not know is left out: no author, no ``作者. ``; no page,
no ``(版次)``; no date, no ``, 出版日期``. An untitled article is cited by its
first words (up to ``FIRST_WORDS`` characters of its first sentence, ``…``
where cut), so ``[N]`` is always there. The paper and the page come from the
source label (``人民日报 1998-01-05 第3版``: 人民日报, page 3); a page written
in Chinese numerals (``第三版``) is given in Arabic ones, as the standard does.
"""

from __future__ import annotations

import re
import unicodedata

from searcher.engine import paper_of

FIRST_WORDS = 20
_PAGE = re.compile(r"第\s*([0-9０-９一二三四五六七八九十百零〇两]+)\s*版")
_SENTENCE = re.compile(r"[。！？!?；;\n]")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def _arabic(numeral: str) -> str:
    """'12', '１２' or '十二' -> '12'; a numeral it cannot read is returned as it is."""
    ascii_ = unicodedata.normalize("NFKC", numeral)
    if ascii_.isdigit():
        return str(int(ascii_))
    total = current = 0
    for ch in numeral:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in "十百":
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
        else:
            return numeral
    return str(total + current)


def page_of(source: str) -> str:
    """The page in a source label ('人民日报 1998-01-05 第3版' -> '3'), or ''."""
    m = _PAGE.search(source)
    return _arabic(m.group(1)) if m else ""


def first_words(body: str) -> str:
    """An untitled article's first words: its first sentence, cut at FIRST_WORDS."""
    text = " ".join(body.split())
    sentence = _SENTENCE.split(text, maxsplit=1)[0].strip() if text else ""
    if len(sentence) > FIRST_WORDS:
        return sentence[:FIRST_WORDS] + "…"
    return sentence or "（无题）"


def cite(*, title: str, body: str, author: str, date: str, source: str) -> str:
    """The GB/T 7714-2015 citation of a newspaper article (see the module's docstring)."""
    title = " ".join(title.split()) or first_words(body)
    paper = paper_of(source) or source.strip()
    page = page_of(source)
    where = ", ".join(x for x in (paper, date) if x)
    if page:
        where += f"({page})"
    author = " ".join(author.split()).rstrip(".。")
    head = f"{author}. " if author else ""
    tail = f" {where}." if where else ""
    return f"{head}{title}[N].{tail}"
