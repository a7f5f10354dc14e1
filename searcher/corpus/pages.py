"""Printed pages: a page's text -> its articles (split, with the page's paper and date).

A page article's title is its heading lines joined by a space, with a ``——``
subtitle appended directly (``守医者仁心 护百姓健康——建平县…纪实``); its body is its
paragraphs joined by ``\\n``, column label first; bylines move to ``author``. Text
is only lightly normalised here (no NFKC: that is ``searcher.analysis``'s job).

An article's id is ``<file stem>-<6 hex digits>``, the digits taken from the article
itself (a hash of its title and the start of its text, see ``article_key``): it
stays when the split changes elsewhere on the page, and never passes to another
article. Two articles of a page opening alike get ``-2``, ``-3`` after the digits.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from searcher.corpus import split
from searcher.corpus.blocks import MARKERS
from searcher.corpus.meta import meta, page_header
from searcher.corpus.model import _SPLIT_IT, MAX_ARTICLE_CHARS, SourceArticle, too_long
from searcher.errors import CorpusError

_PAGE_HINT = "a title or a blank line between them"
_KEY_CHARS = 40  # characters of the text, after the title, that name an article


@dataclass(frozen=True)
class Page:
    """A page file split: what ``page_articles`` and the page view both read."""

    paper: str
    date: str
    page: int | None
    source: str
    split: split.PageSplit
    ids: list[str]  # one per article of ``split``, "" for one with no text
    errors: list[CorpusError]
    # Later pages in the same file, each under its header line: (line, date, source).
    later: tuple[tuple[int, str, str], ...] = ()

    def dated(self, line: int) -> tuple[str, str]:
        """The date and source of what stands at ``line``: the page's, or a later
        page's in the same file."""
        date, source = self.date, self.source
        for at, d, src in self.later:
            if at < line:
                date, source = d or date, src
        return date, source


def article_key(title: str, body: str) -> str:
    """What names an article: its title and the first characters of its text, with
    spaces and width differences (ＡＢ/AB) left out."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", title))
    b = re.sub(r"\s+", "", unicodedata.normalize("NFKC", body))[:_KEY_CHARS]
    return f"{t}\n{b}"


def article_ids(stem: str, articles: list[split.PageArticle]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for a in articles:
        h = hashlib.sha1(article_key(a.title, a.body).encode("utf-8")).hexdigest()[:6]
        seen[h] = seen.get(h, 0) + 1
        ids.append(f"{stem}-{h}" + (f"-{seen[h]}" if seen[h] > 1 else ""))
    return ids


def read_page(path: Path, stem: str, text: str) -> Page:
    errors: list[CorpusError] = []
    if "\r" in text:  # as blocks does, so that line numbers agree
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_ARTICLE_CHARS:
        text, errors = _drop_long_lines(path, text)
    paper, date, page, rest = meta(path, text)
    source = _source(paper, date, page)
    later = _later_pages(rest, paper, date)
    sp = split.split_detail(rest)
    errors += [
        CorpusError(
            str(path),
            f"unknown marker {m.text!r} (known: {', '.join('@@' + w for w in MARKERS)});"
            " the line was left out",
            line=m.line,
        )
        for m in sp.markers
        if m.word not in MARKERS
    ]
    ids = article_ids(stem, sp.articles)
    ids = [i if (a.title.strip() or a.body.strip()) else "" for i, a in zip(ids, sp.articles)]
    return Page(paper, date, page, source, sp, ids, errors, later)


def _later_pages(text: str, paper: str, date: str) -> tuple[tuple[int, str, str], ...]:
    """The header lines of later pages in the same file: line, date and source."""
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        if found := page_header(line):
            h_paper, h_date, h_page = found
            out.append((n, h_date, _source(h_paper or paper, h_date or date, h_page)))
    return tuple(out)


def _source(paper: str, date: str, page: int | None) -> str:
    return (f"{paper} {date}".strip() + (f" 第{page}版" if page is not None else "")).strip()


def _drop_long_lines(path: Path, text: str) -> tuple[str, list[CorpusError]]:
    # A line longer than any article would cost minutes and gigabytes to split
    # and segment: it is left out (blanked, so line numbers stay) before that.
    errors = []
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        if len(line) > MAX_ARTICLE_CHARS:
            errors.append(
                CorpusError(
                    str(path),
                    f"line of {len(line):,} characters is too long for an article"
                    f" (at most {MAX_ARTICLE_CHARS:,}); it was left out, the rest of the"
                    f" page was read ({_SPLIT_IT}, a paragraph per line)",
                    line=n,
                )
            )
            lines[n - 1] = ""
    return ("\n".join(lines) if errors else text), errors


def page_articles(
    path: Path, stem: str, text: str
) -> tuple[list[SourceArticle], list[CorpusError]]:
    page = read_page(path, stem, text)
    errors = list(page.errors)
    articles = []
    for a, aid in zip(page.split.articles, page.ids):
        if not aid:
            continue  # nothing to find (a byline alone)
        if len(a.title) + len(a.body) > MAX_ARTICLE_CHARS:
            errors.append(too_long(path, a.line, len(a.title) + len(a.body), _PAGE_HINT))
            continue
        date, source = page.dated(a.line)
        articles.append(
            SourceArticle(
                id=aid,
                title=a.title,
                body=a.body,
                date=date,
                source=source,
                author=a.author,
                origin=f"{path}:{a.line}",
            )
        )
    return articles, errors
