"""Corpus: turning source files into articles, and nothing else.

``files`` finds the source files (folders walked, links followed once),
``decode`` turns their bytes into text (gzip, UTF-8, UTF-16 with a BOM,
GB18030/GBK, Big5), ``jsonl`` reads JSON article files, and ``pages`` reads
printed newspaper pages (``meta``: the page's paper and date; ``split``: the page
cut into its articles, with ``blocks``, ``cues`` and ``segment``; ``view``: how a
page was split, for a user to check). Bad input never raises out of
``parse_file``: it comes back as one ``CorpusError`` per bad item beside the
good articles: a file with no articles, an article over ``MAX_ARTICLE_CHARS``
(refused before any splitting or segmenting) and a file cut off in the middle
of a character are reported too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from searcher.corpus.decode import decode, decode_with_cut, gunzip
from searcher.corpus.files import SUFFIXES, UNSUPPORTED, find_files, suffix
from searcher.corpus.jsonl import json_articles
from searcher.corpus.meta import page_meta
from searcher.corpus.model import MAX_ARTICLE_CHARS, SourceArticle
from searcher.corpus.pages import page_articles
from searcher.corpus.split import SPLITTER_VERSION, PageArticle, split_page
from searcher.corpus.view import ArticleView, PageView, page_split
from searcher.errors import CorpusError

__all__ = [
    "MAX_ARTICLE_CHARS",
    "SPLITTER_VERSION",
    "SUFFIXES",
    "ArticleView",
    "PageArticle",
    "PageView",
    "SourceArticle",
    "decode",
    "find_files",
    "page_meta",
    "page_split",
    "parse_file",
    "read_file",
    "read_sources",
    "split_page",
]


def read_sources(
    sources: Iterable[str | Path],
) -> tuple[list[SourceArticle], list[CorpusError]]:
    files, errors = find_files(sources)
    articles: list[SourceArticle] = []
    for got, errs in map(read_file, files):
        articles += got
        errors += errs
    return articles, errors


def read_file(path: Path) -> tuple[list[SourceArticle], list[CorpusError]]:
    path = Path(path)
    if suffix(path) is None:
        return [], [CorpusError(str(path), UNSUPPORTED)]
    try:
        data = path.read_bytes()
    except OSError as e:
        return [], [CorpusError(str(path), f"cannot read file: {e.strerror or e}")]
    return parse_file(path, data)


def parse_file(path: Path, data: bytes) -> tuple[list[SourceArticle], list[CorpusError]]:
    """The articles of a source file whose bytes were already read (see read_file)."""
    path = Path(path)
    kind = suffix(path)
    if kind is None:
        return [], [CorpusError(str(path), UNSUPPORTED)]
    if not data:
        return [], [CorpusError(str(path), "empty file, no articles")]
    errors: list[CorpusError] = []
    if kind.endswith(".gz"):
        data, damage = gunzip(data)
        if damage:
            errors.append(CorpusError(str(path), damage))
    try:
        text, cut = decode_with_cut(data, path)
    except CorpusError as e:
        return [], errors + [e]
    if cut is not None:
        errors.append(cut)
    stem = path.name[: -len(kind)]
    if kind == ".txt":
        articles, errs = page_articles(path, stem, text)
        nothing = "no articles found in this page"
    else:
        articles, errs = json_articles(path, stem, text, whole=kind in (".json", ".json.gz"))
        nothing = "no articles in this file"
    errors = errs + errors
    if not articles and not errors:
        errors.append(CorpusError(str(path), nothing))
    return articles, errors
