"""Snapshot: one generation of a local index, opened, checked and held open.

The one place that opens a generation: the generation in force is found
(``store``), its metadata and versions checked, every file's size verified,
and its table of contents, term tables, text store and user dictionary opened
together. Opening reads no more than headers: files are mapped when first
read. Every error names the index as the user gave it. The snapshot then
answers for that generation only, even if an update publishes another
meanwhile: its files stay open.

It also owns what "live" means: Whoosh keeps deleted documents in its term
infos and postings until a merge, so every set and statistic here leaves them
out (word statistics: the term infos minus the words of the deleted documents,
``live``). An updated index therefore matches, ranks and segments queries
exactly as one rebuilt from the same sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat

from searcher import analysis
from searcher.engine import WordStats
from searcher.local import docs, grams, live, store, whooshdb
from searcher.local.textstore import Mismatch, TextStore

USERDICT = "userdict.txt"
_CACHE = 2_000_000  # postings of frequent words kept for the next queries

# What reading a damaged index raises, from Whoosh's files or the text store.
READ_ERRORS = (*whooshdb.READ_ERRORS, Mismatch, grams.Damaged, docs.Damaged)


def versions() -> dict:
    """What a local index must have been built with to be read by this code."""
    return {
        "store_format": store.STORE_FORMAT,
        "schema_version": whooshdb.SCHEMA_VERSION,
        "analyzer_version": analysis.ANALYZER_VERSION,
    }


class Snapshot:
    """An opened generation: segments, text store, word statistics and metadata."""

    def __init__(self, generation: store.Generation) -> None:
        self.generation = generation
        self.index = generation.index
        self.meta = generation.meta
        folder = generation.folder
        try:
            self.layout = whooshdb.read_layout(str(folder))
        except whooshdb.Unreadable as e:
            raise generation.damaged(str(e)) from e
        self.terms: list[whooshdb.Terms] = []
        try:
            self.texts = TextStore(folder, self.layout, self.meta.get("live"))
        except (OSError, ValueError) as e:
            raise generation.damaged(f"text store: {e}") from e
        try:
            for sid, _, _ in self.layout:
                self.terms.append(whooshdb.Terms(str(folder), whooshdb.stem(sid)))
            self.user_words: dict[str, int | None] = {}
            if (folder / USERDICT).exists():
                self.user_words = analysis.read_userdict(folder / USERDICT)
            self.dwords = live.read(folder)
        except (OSError, ValueError) as e:
            self.close()
            raise generation.damaged(f"{type(e).__name__}: {e}") from e
        self._all: frozenset[int] | None = None
        self._by_source: dict[str, frozenset[int]] | None = None
        self._cache: dict[tuple[str, str], set[int]] = {}
        self._cached = 0
        self._words: dict[str, tuple[int, int]] = {}

    @classmethod
    def open(cls, path: str, snapshot: str | None = None) -> Snapshot:
        """The generation in force at path, or the one a named snapshot keeps. A
        writer may publish a new one and remove the old at any moment: if the one
        in force vanishes while it is being opened, the new one is opened."""
        from searcher.errors import IndexDamaged

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
        for t in self.terms:
            t.close()

    @property
    def name(self) -> str:
        return self.generation.name

    # -- live documents ------------------------------------------------------

    @property
    def doc_count(self) -> int:
        return self.texts.doc_count

    def all_docs(self) -> frozenset[int]:
        if self._all is None:
            out: set[int] = set()
            for seg in self.texts.segs:
                out.update(range(seg.offset, seg.offset + seg.doc_count))
                out.difference_update(seg.offset + d for d in seg.deleted)
            self._all = frozenset(out)
        return self._all

    def _postings(self, field: str, word: str):
        """(segment, local documents, frequencies) of each segment holding the word."""
        for seg, terms in zip(self.texts.segs, self.terms):
            ids, weights = terms.postings(field, word)
            if ids:
                yield seg, ids, weights

    def docs_with_word(self, field: str, word: str) -> set[int]:
        """Live documents whose field holds the word."""
        key = (field, word)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        out: set[int] = set()
        for seg, ids, _ in self._postings(field, word):
            out.update(map(int.__add__, ids, repeat(seg.offset)) if seg.offset else ids)
            if seg.deleted:
                out.difference_update(seg.offset + d for d in seg.deleted)
        if len(out) > 1000:  # a frequent word: likely asked for again
            if self._cached > _CACHE:
                self._cache.clear()
                self._cached = 0
            self._cache[key] = out
            self._cached += len(out)
        return out

    def word_counts(self, field: str, word: str, docs: Iterable[int]) -> dict[int, float]:
        """How often the word occurs in the field of each of docs that holds it."""
        freq: dict[int, float] = {}
        for seg, ids, weights in self._postings(field, word):
            freq.update(zip(map(int.__add__, ids, repeat(seg.offset)), weights))
        return {d: freq[d] for d in docs if d in freq}

    def _stats(self, field: str, word: str) -> tuple[float, int]:
        """(occurrences, documents) of a word in a field over the live documents."""
        freq, df = 0.0, 0
        for seg, terms in zip(self.texts.segs, self.terms):
            f, n = terms.stats(field, word)
            if n and seg.deleted:
                gone = self.dwords.get(seg.segid, {}).get(field, {}).get(word)
                if gone:
                    f, n = f - gone[0], n - gone[1]
            freq += f
            df += n
        return freq, df

    def df(self, field: str, word: str) -> int:
        """Live documents whose field holds the word: counted from the term infos (one
        lookup a segment), no postings read."""
        return self._stats(field, word)[1]

    def _word(self, word: str) -> tuple[int, int]:
        """(occurrences in titles and bodies, documents in the fuller field), remembered:
        a snapshot never changes, and every query segments with the same words."""
        known = self._words.get(word)
        if known is None:
            title, body = self._stats("title", word), self._stats("body", word)
            known = (round(title[0] + body[0]), max(title[1], body[1]))
            if len(self._words) >= 200_000:
                self._words.clear()
            self._words[word] = known
        return known

    def word_stats(self, words: Iterable[str]) -> WordStats:
        """Word statistics over the live titles and bodies (see ``engine.WordStats``):
        from the term infos, one lookup per segment and field."""
        frequency: dict[str, int] = {}
        documents: dict[str, int] = {}
        for w in dict.fromkeys(words):
            freq, docs = self._word(w)
            if freq:
                frequency[w] = freq
                documents[w] = docs
            elif w in self.user_words:
                frequency[w] = self.user_words[w] or 1
        return WordStats(self.doc_count, self.texts.word_total(), frequency, documents)

    # -- columns and stored fields -------------------------------------------

    def dates(self) -> list[str]:
        """The date of every document number ('' for none), deleted ones included."""
        return self.texts.dates()

    def docs_by_source(self) -> dict[str, frozenset[int]]:
        """Each distinct source label -> its live documents, read once."""
        if self._by_source is None:
            found: dict[str, set[int]] = {}
            for seg, terms in zip(self.texts.segs, self.terms):
                for value, ids in terms.values("source"):
                    docs_ = found.setdefault(value, set())
                    docs_.update(d + seg.offset for d in ids if d not in seg.deleted)
            self._by_source = {v: frozenset(d) for v, d in sorted(found.items())}
        return self._by_source

    def stored(self, doc: int) -> dict[str, str]:
        return self.texts.stored(doc)

    def docnum(self, article_id: str) -> int | None:
        """The live document of an article id (a binary search in each segment's ids)."""
        return self.texts.docnum(article_id)
