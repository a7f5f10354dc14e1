"""What the words of a line say of its place on a page: a title's, an article's opening, its end.

A subhead and a title look alike on a page that sets nothing more apart, and so
do the first paragraph of a brief and the next paragraph of a story. Their words
differ: a title names who does what (``…举行…``, ``…出台…``), a subhead exhorts
(``坚持…``, ``一、…``); an article's text opens with a dateline, a full name or a
date, a later paragraph with ``他``, ``这``, ``同时``, ``但``. Three tables of
character n-gram log-odds, counted on the corpus articles dated 1-20 January 1998
by ``bench/split_train.py`` (``split_lexicon``, generated), say so in numbers:
``title_odds`` (titles against short body lines and paragraph openings cut off
by a break), ``open_odds`` (an article's first paragraph against later ones, by
its first characters), ``end_odds`` (an article's last paragraph against the
others, by its last characters); and ``joins``, pairs of characters found side by
side far more often than by chance. Digits and Latin letters count as one of each,
and traditional characters are read as their simplified forms (tables made from
OpenCC's, written with the model), so a Big5 page is weighed like any other.
"""

from __future__ import annotations

import math

from searcher.corpus.split_lexicon import END, FOLD, JOINS, OPEN, TITLE

_SPACE = " \t\u3000"
_NORM = str.maketrans(
    {
        **{c: "0" for c in "0123456789０１２３４５６７８９"},
        **{chr(c): "a" for c in range(ord("A"), ord("Z") + 1)},
        **{chr(c): "a" for c in range(ord("a"), ord("z") + 1)},
        **{chr(c): "a" for c in range(ord("Ａ"), ord("Ｚ") + 1)},
        **{chr(c): "a" for c in range(ord("ａ"), ord("ｚ") + 1)},
        **{c: None for c in _SPACE},
        **dict(zip(map(ord, FOLD[0::2]), FOLD[1::2])),
    }
)


def normal(s: str) -> str:
    """``s`` as the tables count it: no spaces, digits and letters alike, simplified."""
    return s.translate(_NORM)


def title_features(s: str) -> set[str]:
    t = "^" + normal(s) + "$"
    return {t[i : i + 2] for i in range(len(t) - 1)} | set(t[1:-1])


def open_features(s: str) -> set[str]:
    t = normal(s[:12])[:6]
    return {"^" + t[:1], "^" + t[:2], "^" + t[:3]} | {"o" + t[i : i + 2] for i in range(len(t) - 1)}


def end_features(s: str) -> set[str]:
    t = normal(s[-8:])
    return {t[-1:] + "$", t[-2:] + "$", t[-3:] + "$"}


def title_odds(s: str) -> float:
    get = TITLE.get
    f = title_features(s)
    return sum([get(k, 0.0) for k in f]) / math.sqrt(len(f))


def open_odds(s: str) -> float:
    get = OPEN.get
    return sum([get(k, 0.0) for k in open_features(s)])


def end_odds(s: str) -> float:
    get = END.get
    return sum([get(k, 0.0) for k in end_features(s)])


def joins(c: str, d: str) -> bool:
    """Are ``c`` and ``d`` the inside of a word or a set phrase (found side by side far
    more often than by chance)? Under a title, a line that ends in ``c`` over one
    opening with ``d`` is then a paragraph (or a deck) the print layout broke. Read
    as the other tables are (``normal``: traditional forms as simplified)."""
    return (c + d).translate(_NORM) in JOINS
