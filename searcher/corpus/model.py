"""The article as read from a source, before indexing, and the size limit on one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from searcher.errors import CorpusError

# Far above any real article (the People's Daily corpus's longest has 11,379
# characters), far below what jieba and the index builder can take in one piece:
# a 20-million-character line took 40 s and 5.6 GB to index as one article.
MAX_ARTICLE_CHARS = 1_000_000
_SPLIT_IT = "split it into articles"


@dataclass(frozen=True)
class SourceArticle:
    """One article as read from a source file (a page's or an article file's)."""

    id: str
    title: str
    body: str
    date: str = ""
    source: str = ""
    author: str = ""
    origin: str = ""

    def as_dict(self) -> dict[str, str]:
        """Its fields as a dict (what a transaction adds); dataclasses.asdict deep-copies
        every string, a tenth of reading a corpus."""
        return dict(self.__dict__)


def too_long(path: Path, line: int, chars: int, hint: str) -> CorpusError:
    return CorpusError(
        str(path),
        f"article of {chars:,} characters is too long (at most {MAX_ARTICLE_CHARS:,});"
        f" not indexed ({_SPLIT_IT}, {hint})",
        line=line,
    )
