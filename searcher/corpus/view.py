"""How a page file was split, as plain data: what ``searcher pages FILE`` shows.

``page_split(path)`` reads a page file as indexing does and returns a ``PageView``:
the page's paper and date, then per article, in page order, its id, lines, title,
byline, first and last characters and length, the marker that opened it, the later
page it stands on where the file holds several (each under its header line), the lines
where a paragraph broken by the print layout was re-joined, and the places the
splitter was unsure of. Unsure means: the splitter's model gave an article start
there a probability between ``segment.UNSURE`` and ``1 - UNSURE`` (0.2-0.8), so a
weak cue decided it either way; each such place says which way it went, how
sure the model was, and the cues that weighed most. ``json.dumps(asdict(view))``
is its JSON form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from searcher.corpus.blocks import MARKERS
from searcher.corpus.decode import decode_with_cut
from searcher.corpus.files import suffix
from searcher.corpus.pages import read_page
from searcher.corpus.segment import UNSURE
from searcher.corpus.split import SPLITTER_VERSION
from searcher.errors import CorpusError

_ENDS = 20  # characters shown of an article's start and end


@dataclass(frozen=True)
class Unsure:
    line: int  # the line of the block weighed
    decision: str  # "article starts" or "no article starts"
    p: float  # the model's probability that an article starts there
    cues: str  # the cues that weighed most ("heading: next dateline +1.7, …")


@dataclass(frozen=True)
class ArticleView:
    id: str  # as indexed ("" for a block with no text, which is not indexed)
    line: int  # its first line in the file
    end_line: int  # its last line with text
    title: str
    byline: str  # the author(s) found in its bylines and datelines
    first: str  # the first characters of its text (the title's if it has none)
    last: str  # the last characters of its text
    length: int  # characters of title and text
    marker: str = ""  # "article" or "title" if a marker line opened it
    # where the file holds more pages than one: the paper, date and page of the later
    # page it stands on ("" on the file's first page)
    source: str = ""
    rejoined: list[int] = field(default_factory=list)  # lines re-joined to the line above
    unsure: list[Unsure] = field(default_factory=list)


@dataclass(frozen=True)
class MarkerView:
    line: int
    text: str
    known: bool  # an unknown marker is reported, and its line left out like any marker


@dataclass(frozen=True)
class PageView:
    path: str
    paper: str
    date: str
    page: int | None
    splitter_version: int
    unsure_below: float  # doubts are probabilities in (unsure_below, 1 - unsure_below)
    articles: list[ArticleView]
    markers: list[MarkerView]
    problems: list[str]  # as ``searcher index`` reports them (path:line: reason)


def page_split(path: str | Path) -> PageView:
    """How the page file at ``path`` (``.txt``, UTF-8 or GB18030, as indexing reads
    it) is split. Raises ``CorpusError`` for a file that is no readable page."""
    path = Path(path)
    kind = suffix(path)
    if kind != ".txt":
        raise CorpusError(str(path), "not a page file (.txt)")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CorpusError(str(path), f"cannot read file: {e.strerror or e}") from e
    text, cut = decode_with_cut(data, path)
    return view(path, path.name[: -len(kind)], text, [cut] if cut else [])


def view(path: Path, stem: str, text: str, problems: list[CorpusError] | None = None) -> PageView:
    """How the page ``text`` (of the file ``path``, ids made with ``stem``) is split."""
    page = read_page(path, stem, text)
    arts = []
    for a, aid in zip(page.split.articles, page.ids):
        text_ = a.body or a.title
        source = page.dated(a.line)[1]
        arts.append(
            ArticleView(
                id=aid,
                line=a.line,
                end_line=a.end_line,
                title=a.title,
                byline=a.author,
                first=text_[:_ENDS],
                last=text_[-_ENDS:] if len(text_) > _ENDS else "",
                length=len(a.title) + len(a.body),
                marker=a.forced,
                source=source if source != page.source else "",
                rejoined=list(a.rejoined),
                unsure=[Unsure(d.line, d.what, d.p, d.why) for d in a.doubts],
            )
        )
    markers = [MarkerView(m.line, m.text, m.word in MARKERS) for m in page.split.markers]
    return PageView(
        path=str(path),
        paper=page.paper,
        date=page.date,
        page=page.page,
        splitter_version=SPLITTER_VERSION,
        unsure_below=UNSURE,
        articles=arts,
        markers=markers,
        problems=[str(e) for e in [*(problems or []), *page.errors]],
    )
