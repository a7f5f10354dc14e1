"""Snapshot: one generation of a local index, opened, checked and held open.

The one place that opens a generation: the generation in force is found
(``store``), its metadata and versions checked, every file's size verified,
and its Whoosh reader, text store and user dictionary opened together. Every
error names the index as the user gave it. The snapshot then answers for that
generation only, even if an update publishes another meanwhile: its files stay
open.

It also owns what "live" means: Whoosh keeps deleted documents in its postings
and counts until a merge, so every set and statistic here leaves them out. An
updated index therefore matches, ranks and finds key terms exactly as one
rebuilt from the same sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
from operator import add

from searcher import analysis
from searcher.engine import STORED_FIELDS, TEXT_FIELDS, WordStats
from searcher.errors import IndexDamaged
from searcher.local import store, whooshdb
from searcher.local.textstore import Mismatch, TextStore

USERDICT = "userdict.txt"
BULK_LOOKUPS = 200  # id lookups before a table of every live id is made

# What reading a damaged index raises, from Whoosh's files or the text store.
READ_ERRORS = (*whooshdb.READ_ERRORS, Mismatch)


def versions() -> dict:
    """What a local index must have been built with to be read by this code."""
    return {
        "store_format": store.STORE_FORMAT,
        "schema_version": whooshdb.SCHEMA_VERSION,
        "analyzer_version": analysis.ANALYZER_VERSION,
    }


class Snapshot:
    """An opened generation: reader, text store, word statistics and metadata."""

    def __init__(self, generation: store.Generation) -> None:
        self.generation = generation
        self.index = generation.index
        self.meta = generation.meta
        folder = generation.folder
        try:
            self.reader = whooshdb.Reader(str(folder))
        except whooshdb.Unreadable as e:
            raise generation.damaged(str(e)) from e
        try:
            self.texts = TextStore(folder, self.reader.segments())
        except (OSError, ValueError) as e:
            self.reader.close()
            raise generation.damaged(f"text store: {e}") from e
        self.user_words: dict[str, int | None] = {}
        if (folder / USERDICT).exists():
            try:
                self.user_words = analysis.read_userdict(folder / USERDICT)
            except (OSError, ValueError) as e:
                self.close()
                raise generation.damaged(f"user dictionary: {e}") from e
        self._deleted = {off: dels for _, off, dels in self.reader.segments()}
        self._all: frozenset[int] | None = None
        self._by_source: dict[str, frozenset[int]] | None = None
        self._word_total: int | None = None
        self._words: dict[str, tuple[int, int]] = {}
        self._lookups = 0
        self._docnums: dict[str, int] | None = None

    @classmethod
    def open(cls, path: str, snapshot: str | None = None) -> Snapshot:
        """The generation in force at path, or the one a named snapshot keeps. A
        writer may publish a new one and remove the old at any moment: if the one
        in force vanishes while it is being opened, the new one is opened."""
        for attempt in range(5):
            gen = store.open_generation(path, versions(), snapshot=snapshot)
            try:
                return cls(gen)
            except IndexDamaged:
                if snapshot or attempt == 4 or store.current_generation(path) == gen.folder:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.texts.close()
        self.reader.close()

    @property
    def name(self) -> str:
        return self.generation.name

    # -- live documents ------------------------------------------------------

    @property
    def doc_count(self) -> int:
        return self.texts.doc_count

    def all_docs(self) -> frozenset[int]:
        if self._all is None:
            deleted = {off + d for off, dels in self._deleted.items() for d in dels}
            self._all = frozenset(range(self.reader.doc_count_all)) - deleted
        return self._all

    def _live_postings(self, field: str, word: str):
        """(first document, local documents, frequencies, the segment's deleted set)."""
        for offset, ids, weights in self.reader.postings(field, word):
            yield offset, ids, weights, self._deleted.get(offset, frozenset())

    def docs_with_word(self, field: str, word: str) -> set[int]:
        """Live documents whose field holds the word."""
        out: set[int] = set()
        for offset, ids, _, deleted in self._live_postings(field, word):
            found = set(map(add, ids, repeat(offset))) if offset else set(ids)
            if deleted:
                found.difference_update(d + offset for d in deleted)
            out |= found
        return out

    def word_counts(self, field: str, word: str, docs: Iterable[int]) -> dict[int, float]:
        """How often the word occurs in the field of each of docs that holds it."""
        freq: dict[int, float] = {}
        for offset, ids, weights, _ in self._live_postings(field, word):
            if offset:
                freq.update(zip(map(add, ids, repeat(offset)), weights))
            else:
                freq.update(zip(ids, weights))
        return {d: freq[d] for d in docs if d in freq}

    def _counts(self, field: str, word: str) -> tuple[float, int]:
        """(occurrences, documents) of a word in one field over live documents."""
        total, n = 0.0, 0
        for _, ids, weights, deleted in self._live_postings(field, word):
            if deleted:
                live = [w for d, w in zip(ids, weights) if d not in deleted]
                total += sum(live)
                n += len(live)
            else:
                total += sum(weights)
                n += len(ids)
        return total, n

    def _word(self, word: str) -> tuple[int, int]:
        """(occurrences in titles and bodies, documents in the fuller field), remembered:
        a snapshot never changes, and every query segments with the same words."""
        known = self._words.get(word)
        if known is None:
            counts = [self._counts(f, word) for f in TEXT_FIELDS]
            known = (round(sum(c[0] for c in counts)), max(c[1] for c in counts))
            if len(self._words) >= 200_000:
                self._words.clear()
            self._words[word] = known
        return known

    def word_stats(self, words: Iterable[str]) -> WordStats:
        """Word statistics over the live titles and bodies (see ``engine.WordStats``)."""
        if self._word_total is None:
            self._word_total = self.texts.word_total()
        frequency: dict[str, int] = {}
        documents: dict[str, int] = {}
        for w in dict.fromkeys(words):
            freq, docs = self._word(w)
            if freq:
                frequency[w] = freq
                documents[w] = docs
            elif w in self.user_words:
                frequency[w] = self.user_words[w] or 1
        return WordStats(self.doc_count, self._word_total, frequency, documents)

    # -- columns and stored fields -------------------------------------------

    def dates(self) -> list[str]:
        """The date of every document number ('' for none), deleted ones included."""
        return self.reader.column("date")

    def docs_by_source(self) -> dict[str, frozenset[int]]:
        """Each distinct source label -> its live documents, read once."""
        if self._by_source is None:
            self._by_source = {
                v: frozenset(self.docs_with_word("source", v))
                for v in self.reader.field_values("source")
            }
        return self._by_source

    def docs_in_dates(self, since: str | None, until: str | None) -> set[int]:
        return self.reader.docs_in_range("date", since, until)

    def stored(self, doc: int) -> dict[str, str]:
        s = self.reader.stored(doc)
        return {k: s.get(k) or "" for k in STORED_FIELDS}

    def docnum(self, article_id: str) -> int | None:
        """The live document of an article id. A few are looked up in Whoosh's id
        postings; many (a concordance or an export reading every match) from a table
        of every live id, made once from the text store (a Whoosh lookup costs about
        0.2 ms on 30 copies of the corpus, the table about 0.1 s)."""
        if self._docnums is None:
            self._lookups += 1
            if self._lookups <= BULK_LOOKUPS:
                return self.reader.docnum_for_id(article_id)
            doc_id = self.texts.doc_id
            self._docnums = {doc_id(d): d for d in self.all_docs()}
        return self._docnums.get(article_id)
