"""Engine: the Whoosh layer, the only module that imports whoosh.

It owns the schema (every field name is defined here), the field type that turns
an article into words through ``searcher.analysis``, and two plain-data faces of
a Whoosh index: ``Writer`` (add and delete articles) and ``Reader`` (document
sets for terms, BM25F scores, stored articles). Nothing above this module sees
a Whoosh object.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from whoosh import fields, index, query, scoring
from whoosh.analysis import Token, Tokenizer
from whoosh.system import pack_uint

from searcher import analysis
from searcher.errors import IndexDamaged

# Bump when the fields change; an index with another version must be rebuilt.
SCHEMA_VERSION = 1

TITLE_BOOST = 2.5


def versions() -> dict:
    """What an index must have been built with to be read by this code."""
    from searcher.store import STORE_FORMAT

    return {
        "store_format": STORE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "analyzer_version": analysis.ANALYZER_VERSION,
    }


TEXT_FIELDS = ("title", "body")  # searchable text, indexed as words
WORDS = {"title": "title", "body": "body"}


class WordTokenizer(Tokenizer):
    """Whoosh tokenizer over ``analysis.word_spans``: folded jieba words.

    Positions count words (consecutive, unlike jieba.analyse.ChineseAnalyzer,
    whose positions are character offsets and break phrase queries), and
    value[startchar:endchar] folds back to the token's text.
    """

    def __eq__(self, other):
        return other is not None and other.__class__ is self.__class__

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            spans = [(analysis.fold(value), 0, len(value))]
            starts = None
        else:
            folded, starts = analysis.fold_with_offsets(value)
            spans = analysis.word_spans(folded)
        for pos, (word, s, e) in enumerate(spans, start_pos):
            s, e = analysis.to_original(starts, s, e)
            t.text = word
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[s:e]
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + s
                t.endchar = start_char + e
            yield t


class _CountedText(fields.TEXT):
    """A TEXT field (frequencies, no positions) that counts its terms directly.

    Whoosh's default path builds a Token object per term; counting a list of
    strings gives the same postings at a fraction of the cost. The tokenizer
    gives the same terms (a test checks it) for Whoosh's own use.
    """

    def _terms(self, value: str) -> list[str]:
        raise NotImplementedError

    def index(self, value, **kwargs):
        fb = self.format.field_boost
        for term, n in Counter(self._terms(value)).items():
            yield term.encode("utf-8"), n, n * fb, pack_uint(n)


class WordsField(_CountedText):
    def __init__(self, stored=False, field_boost=1.0):
        super().__init__(
            analyzer=WordTokenizer(), phrase=False, stored=stored, field_boost=field_boost
        )

    def _terms(self, value):
        return analysis.words(analysis.fold(value))


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=WordsField(stored=True, field_boost=TITLE_BOOST),
        body=WordsField(stored=True),
        date=fields.ID(stored=True, sortable=True),
        source=fields.ID(stored=True),
        author=fields.STORED(),
        origin=fields.STORED(),
    )


# -- writing -------------------------------------------------------------------


def create(path: str) -> None:
    """Create an empty index in folder path (which must exist and be empty)."""
    index.create_in(path, make_schema())


class Writer:
    """Adds articles (dicts of id, title, body, date, source, author, origin) to an index."""

    def __init__(self, path: str, *, procs: int = 1, limitmb: int = 256) -> None:
        self._ix = index.open_dir(path)
        kwargs = {"limitmb": limitmb}
        if procs > 1:
            kwargs.update(procs=procs, multisegment=True)
        self._w = self._ix.writer(**kwargs)

    def add(self, doc: dict) -> None:
        self._w.add_document(
            id=doc["id"],
            title=doc["title"],
            body=doc["body"],
            date=doc.get("date") or "",
            source=doc.get("source") or "",
            author=doc.get("author") or "",
            origin=doc.get("origin") or "",
        )

    def commit(self) -> None:
        self._w.commit()
        self._ix.close()

    def cancel(self) -> None:
        self._w.cancel()
        self._ix.close()


# -- reading -------------------------------------------------------------------


@dataclass(frozen=True)
class TermRef:
    """A term of one field, for scoring."""

    field: str
    text: str


class Reader:
    """Plain-data queries over one opened index: sets of document numbers."""

    def __init__(self, path: str) -> None:
        try:
            self._ix = index.open_dir(path)
            self._s = self._ix.searcher(weighting=scoring.BM25F())
        except index.EmptyIndexError as e:
            raise IndexDamaged(path, "no table of contents") from e
        except (OSError, EOFError, ValueError, KeyError) as e:
            raise IndexDamaged(path, f"{type(e).__name__}: {e}") from e
        self.path = path
        self._all: frozenset[int] | None = None
        self._logprob: dict[str, float | None] = {}
        self._log_total: float | None = None

    def close(self) -> None:
        self._s.close()
        self._ix.close()

    @property
    def doc_count(self) -> int:
        return self._s.doc_count()

    def all_docs(self) -> frozenset[int]:
        if self._all is None:
            self._all = frozenset(self._s.reader().all_doc_ids())
        return self._all

    def _docs(self, q) -> set[int]:
        return set(self._s.docs_for_query(q))

    def docs_with_term(self, field: str, text: str) -> set[int]:
        return self._docs(query.Term(field, text))

    def docs_in_range(self, field: str, low: str | None, high: str | None) -> set[int]:
        return self._docs(query.TermRange(field, low, high))

    def has_term(self, field: str, text: str) -> bool:
        return (field, text) in self._s.reader()

    def scores(self, terms: Iterable[TermRef], docs: set[int]) -> dict[int, float]:
        """BM25F score of each doc in docs over the given terms (0.0 if none match)."""
        subqueries = [query.Term(t.field, t.text) for t in dict.fromkeys(terms)]
        out = dict.fromkeys(docs, 0.0)
        if not subqueries or not docs:
            return out
        results = self._s.search(query.Or(subqueries), filter=docs, limit=None)
        for hit in results:
            out[hit.docnum] = hit.score
        return out

    def word_logprob(self, word: str) -> float | None:
        """log P(word) over the words of all titles and bodies; None if never seen."""
        if word not in self._logprob:
            r = self._s.reader()
            if self._log_total is None:
                self._log_total = math.log(sum(r.field_length(WORDS[f]) for f in TEXT_FIELDS) or 1)
            freq = sum(r.frequency(WORDS[f], word) for f in TEXT_FIELDS)
            self._logprob[word] = math.log(freq) - self._log_total if freq else None
        return self._logprob[word]

    def stored(self, docnum: int) -> dict:
        return self._s.stored_fields(docnum)

    def docnum_for_id(self, article_id: str) -> int | None:
        return self._s.document_number(id=article_id)

    def field_values(self, field: str) -> list[str]:
        """Every distinct term of an ID-like field (sources, dates)."""
        return [t.decode("utf-8") for t in self._s.reader().lexicon(field)]

    def iter_texts(self):
        """(title, body) of every document number in order, None for a deleted one."""
        r = self._s.reader()
        for d in range(r.doc_count_all()):
            if r.is_deleted(d):
                yield None
            else:
                s = r.stored_fields(d)
                yield s.get("title") or "", s.get("body") or ""

    # -- sorting, filtering and facets (added for issue 3; reads no stored fields) --

    def column(self, field: str) -> list[str]:
        """A sortable field's value (the date) for every document number, '' for none.

        Read once from Whoosh's column, so sorting or counting by date never
        loads a stored article.
        """
        cache = self.__dict__.setdefault("_columns", {})
        if field not in cache:
            cr = self._s.reader().column_reader(field)
            cache[field] = [v if isinstance(v, str) else v.decode("utf-8") for v in cr]
        return cache[field]

    def docs_by_value(self, field: str) -> dict[str, frozenset[int]]:
        """Each distinct term of an ID-like field (the source) -> its documents, read once."""
        cache = self.__dict__.setdefault("_by_value", {})
        if field not in cache:
            cache[field] = {
                v: frozenset(self.docs_with_term(field, v)) for v in self.field_values(field)
            }
        return cache[field]

    def doc_frequency(self, field: str, text: str) -> int:
        """How many documents hold the term (deleted ones may still count until a merge)."""
        return self._s.reader().doc_frequency(field, text)
