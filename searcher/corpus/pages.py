"""Printed pages: a page's text -> its articles (split, with the page's paper and date).

A page article's title is its heading lines joined by a space, with a ``——``
subtitle appended directly (``守医者仁心 护百姓健康——建平县…纪实``); its body is its
paragraphs joined by ``\\n``, column label first; bylines move to ``author``. Text
is only lightly normalised here (no NFKC: that is ``searcher.analysis``'s job).
"""

from __future__ import annotations

from pathlib import Path

from searcher.corpus import split
from searcher.corpus.meta import meta
from searcher.corpus.model import _SPLIT_IT, MAX_ARTICLE_CHARS, SourceArticle, too_long
from searcher.errors import CorpusError


def page_articles(
    path: Path, stem: str, text: str
) -> tuple[list[SourceArticle], list[CorpusError]]:
    errors: list[CorpusError] = []
    if "\r" in text:  # as _blocks would, so that line numbers agree
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_ARTICLE_CHARS:
        # A line longer than any article would cost minutes and gigabytes to split
        # and segment: it is left out (blanked, so line numbers stay) before that.
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
        if errors:
            text = "\n".join(lines)
        del lines
    paper, date, page, rest = meta(path, text)
    source = f"{paper} {date}".strip() + (f" 第{page}版" if page is not None else "")
    articles = []
    for n, a in enumerate(split.split_page(rest), 1):
        if not (a.title.strip() or a.body.strip()):
            continue  # nothing to find (a byline alone): numbered still, so ids stay put
        if len(a.title) + len(a.body) > MAX_ARTICLE_CHARS:
            errors.append(too_long(path, a.line, len(a.title) + len(a.body), _PAGE_HINT))
            continue
        articles.append(
            SourceArticle(
                id=f"{stem}-{n:02d}",
                title=a.title,
                body=a.body,
                date=date,
                source=source.strip(),
                author=a.author,
                origin=f"{path}:{a.line}",
            )
        )
    return articles, errors


_PAGE_HINT = "a title or a blank line between them"
