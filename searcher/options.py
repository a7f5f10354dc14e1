"""Options: which articles a search considers, and which of its hits it returns.

Two small frozen dataclasses, validated once when built (a ``QueryError``
saying what to change): ``Filters`` (dates, source) narrow the articles a
query is matched against; ``Page`` says which hits to return, in what order,
what to count beside them and whether to cut snippets. The CLI builds them
from its options, the Python API from keyword arguments (``Page.of``), and
every engine takes them as they are.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields

from searcher.errors import QueryError

SORTS = ("score", "date", "-date")
# facet name -> how many leading characters of the date it counts by (None: not a date)
FACETS = {"date:year": 4, "date:month": 7, "date:day": 10, "source": None, "paper": None}


def _is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@dataclass(frozen=True)
class Filters:
    """Only articles dated since/until (YYYY-MM-DD, inclusive) and from a matching source.

    source: a pattern with ``*``, ``?`` or ``[`` is a shell-style glob over the
    whole source label, any other text matches labels that contain it; case,
    full-width and traditional characters fold as in a query. ids: only these
    articles (for the API: ``show --query`` asks what matches in one article).
    """

    since: str | None = None
    until: str | None = None
    source: str | None = None
    ids: frozenset[str] | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise QueryError(f"--{name} takes a date as YYYY-MM-DD, not {value!r}")
            if value and not _is_date(value):
                raise QueryError(f"--{name} takes a date as YYYY-MM-DD, not {value!r}")
        for name in ("since", "until", "source"):  # '' is no filter
            if getattr(self, name) == "":
                object.__setattr__(self, name, None)

    @property
    def any(self) -> bool:
        return bool(self.since or self.until or self.source or self.ids is not None)


@dataclass(frozen=True)
class Page:
    """Which hits to return: limit (None: all) from offset, in sort order, with facets.

    snippets=False skips snippets and highlights (for counting or listing ids);
    max_cells is the widest a snippet may be, in terminal cells. stored=False:
    an engine returns the matches without their stored fields (``Match.stored``
    is empty), to list them or to fetch the articles a few at a time.
    """

    limit: int | None = 10
    offset: int = 0
    sort: str = "score"
    facets: tuple[str, ...] = ()
    snippets: bool = True
    max_cells: int = 120
    stored: bool = True

    def __post_init__(self) -> None:
        if self.limit == 0:
            object.__setattr__(self, "limit", None)
        if (self.limit or 0) < 0 or self.offset < 0:
            raise QueryError("limit and offset cannot be negative")
        if self.sort not in SORTS:
            raise QueryError(f"unknown sort {self.sort!r} (use one of: {', '.join(SORTS)})")
        names = (self.facets,) if isinstance(self.facets, str) else tuple(self.facets or ())
        for name in names:
            if name not in FACETS:
                raise QueryError(f"unknown facet {name!r} (use one of: {', '.join(FACETS)})")
        object.__setattr__(self, "facets", tuple(dict.fromkeys(names)))

    def window(self, items: list) -> list:
        """The part of a ranked list this page shows."""
        end = None if self.limit is None else self.offset + self.limit
        return items[self.offset : end]


_FILTER_KEYS = {f.name for f in fields(Filters)}
_PAGE_KEYS = {f.name for f in fields(Page)}


def split(filters: Filters | None, page: Page | None, options: dict) -> tuple[Filters, Page]:
    """Filters and Page from keyword arguments (the API's convenience), or as given.

    An unknown keyword is a TypeError, as for any function.
    """
    unknown = set(options) - _FILTER_KEYS - _PAGE_KEYS
    if unknown:
        raise TypeError(f"unexpected keyword argument {sorted(unknown)[0]!r}")
    f = {k: v for k, v in options.items() if k in _FILTER_KEYS}
    p = {k: v for k, v in options.items() if k in _PAGE_KEYS}
    if (f and filters is not None) or (p and page is not None):
        raise TypeError("give options either as Filters/Page or as keywords, not both")
    return filters or Filters(**f), page or Page(**p)
