"""The Whoosh layer of the local index, the only module that imports whoosh.

It owns the schema, the tokenizer that gives Whoosh our words (through
``searcher.analysis``), and plain-data faces of a Whoosh index: ``SegmentBuilder``
(a new segment, written a term at a time), ``commit`` and ``merge`` (the table of
contents), and ``Reader`` (postings a block at a time, stored fields, the date
column). Nothing outside ``searcher.local`` sees a Whoosh object.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import struct
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable

from whoosh import fields, index, query
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.filedb.filetables import FileFormatError
from whoosh.matching import ListMatcher
from whoosh.system import pack_ushort

from searcher import analysis

# Bump when the fields change; an index with another version must be rebuilt.
SCHEMA_VERSION = 2

TEXT_FIELDS = ("title", "body")  # searchable text, indexed as words


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


class WordsField(fields.TEXT):
    """A TEXT field of folded jieba words: frequencies, no positions.

    Articles are indexed through ``SegmentBuilder``, which counts the words
    itself; the tokenizer is there for Whoosh's own use and gives the same terms.
    """

    def __init__(self, stored=False):
        super().__init__(analyzer=WordTokenizer(), phrase=False, stored=stored)


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=WordsField(stored=True),
        body=WordsField(stored=True),
        date=fields.ID(stored=True, sortable=True),
        source=fields.ID(stored=True),
        author=fields.STORED(),
        origin=fields.STORED(),
    )


# -- writing -------------------------------------------------------------------
#
# An index folder is a Whoosh index whose segments are written by
# ``SegmentBuilder``, possibly in several processes at once, and listed in a
# table of contents by ``commit``. The builder is a lean path into Whoosh's own
# segment format (codec W3): it counts each article's words itself and writes
# each term's postings in whole blocks, instead of pushing every posting through
# Whoosh's sorting pool one tuple at a time (4x faster on the corpus).


class _PostingsWriter(W3PostingsWriter):
    """Whoosh's W3 postings writer, with its inlining of short posting lists fixed.

    whoosh 2.7 calls a method that does not exist (``set_inline``) for lists
    shorter than the codec's inline limit, so that limit is left at 1 upstream.
    Inlined lists go into the term table: no block, no extra file read.
    """

    def finish_postings(self):
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit:
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class _Codec(W3Codec):
    """W3 with short posting lists inlined, no block length statistics, light compression.

    Whoosh pickles the codec into the index: this class must stay importable.
    """

    length_stats = False  # per-block length bounds: only for Whoosh's own pruning

    def __init__(self, blocklimit=128, compression=1, inlinelimit=8):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


def create(path: str) -> None:
    """Create an empty index in folder path (which must exist and be empty)."""
    index.create_in(path, make_schema())


class SegmentBuilder:
    """Writes one new segment of the index at path; ``finish`` returns it for ``commit``.

    Several builders may write segments of the same index at once (one per
    process): each has its own files, and only ``commit`` changes the index.
    """

    _ID_FIELDS = ("id", "date", "source")

    def __init__(self, path: str, segid: str | None = None) -> None:
        self._ix = index.open_dir(path)
        self._storage = self._ix.storage
        self._schema = self._ix.schema
        self._codec = _Codec()
        self._segment = self._codec.new_segment(self._storage, self._ix.indexname)
        if segid is not None:  # chosen ahead, so that side files can be written elsewhere
            self._segment.segid = segid
        self._perdoc = self._codec.per_document_writer(self._storage, self._segment)
        self._terms: dict[str, dict[str, list]] = {f: {} for f in (*TEXT_FIELDS, *self._ID_FIELDS)}
        self._date_column = self._schema["date"].column_type
        self.count = 0

    @property
    def segid(self) -> str:
        return self._segment.segid

    def add(self, doc: dict, title_words: list[str], body_words: list[str]) -> int:
        """Add an article (its fields, and the words of its folded title and body).

        Returns its document number within the segment.
        """
        d = self._add_doc(doc, (len(title_words), len(body_words)))
        for name, ws in (("title", title_words), ("body", body_words)):
            post = self._terms[name]
            for w, n in Counter(ws).items():
                _append(post, w, d, n)
        return d

    def _add_doc(self, doc: dict, word_counts: tuple[int, int]) -> int:
        """Stored fields, the date column and the id-like terms of one document."""
        d = self.count
        pdw = self._perdoc
        pdw.start_doc(d)
        for name, n in zip(TEXT_FIELDS, word_counts):
            pdw.add_field(name, self._schema[name], doc.get(name) or "", n)
        for name in self._ID_FIELDS:
            value = doc.get(name) or ""
            if value:
                _append(self._terms[name], value, d, 1)
            pdw.add_field(name, self._schema[name], value, 0)
        pdw.add_column_value("date", self._date_column, (doc.get("date") or "").encode("utf-8"))
        for name in ("author", "origin"):
            pdw.add_field(name, self._schema[name], doc.get(name) or "", 0)
        pdw.finish_doc()
        self.count += 1
        return d

    def finish(self):
        """Write the segment's files; returns the segment (opaque, picklable) for commit."""
        self._perdoc.close()
        fw = self._codec.field_writer(self._storage, self._segment)
        block = self._codec._blocklimit
        inline = self._codec._inlinelimit
        for name in sorted(self._terms):
            terms = self._terms[name]
            if not terms:
                continue
            fw.start_field(name, self._schema[name])
            prefix = pack_ushort(fw._fieldid)
            tindex = fw._tindex
            for btext, (docs, weights) in sorted((w.encode("utf-8"), p) for w, p in terms.items()):
                if FAST_TERMS and len(docs) < inline:
                    _add_inlined(tindex, prefix + btext, docs, weights)
                    continue
                fw.start_term(btext)
                pw = fw._postwriter
                for i in range(0, len(docs), block):
                    if i:
                        pw._write_block()
                        pw._new_block()
                    pw._ids = docs[i : i + block]
                    pw._weights = ws = weights[i : i + block]
                    pw._maxweight = max(ws)
                fw.finish_term()
            fw.finish_field()
        fw.close()
        self._terms.clear()
        self._segment.set_doc_count(self.count)
        # No compound file: Whoosh reads a sub-file of one by copying it whole
        # into memory (BytesIO), which on a large index costs seconds and
        # hundreds of megabytes at every search's start.
        self._ix.close()
        return self._segment

    def cancel(self) -> None:
        with contextlib.suppress(Exception):
            self._perdoc.close()
        self._ix.close()


FAST_TERMS = True  # write short posting lists straight into the term table (same bytes)
_TERMINFO = struct.Struct("!BfIBBfII")  # W3TermInfo's layout
_LENGTHS = struct.Struct("!ii")  # filetables.HashWriter's record header


def _add_inlined(tindex, key: bytes, docs: array, weights: array) -> None:
    """Add a term whose postings are inlined, as W3FieldWriter.finish_term would.

    The bytes are those of W3TermInfo.to_bytes and OrderedHashWriter.add (a
    test compares both ways); doing it in one step is 4x faster per term.
    """
    ids, ws = tuple(docs), tuple(weights)
    value = _TERMINFO.pack(1, sum(ws), len(ids), 0, 0, max(ws), ids[0], ids[-1]) + pickle.dumps(
        (ids, ws, ()), 2
    )
    if key <= tindex.lastkey:
        raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{key!r}")
    dbfile = tindex.dbfile
    pos = dbfile.tell()
    tindex.index.append(pos)
    dbfile.write(_LENGTHS.pack(len(key), len(value)) + key + value)
    h = int.from_bytes(hashlib.md5(key, usedforsecurity=False).digest()[-4:], "big")
    tindex.buckets[h & 255].append((h, pos))
    tindex.lastkey = key


def new_segment_id() -> str:
    """A fresh segment id, in Whoosh's form (for ``SegmentBuilder(path, segid)``)."""
    from whoosh.util import random_name

    return random_name(size=16)


def segment_id(segment) -> str:
    return segment.segid


def segment_ids(path: str) -> list[str]:
    """The ids of the segments of the index at path, in document-number order."""
    ix = index.open_dir(path)
    try:
        return [s.segid for s in ix._segments()]
    finally:
        ix.close()


def commit(path: str, add: Iterable = (), delete_ids: Iterable[str] = (), drop: Iterable[str] = ()):
    """Write the index's next table of contents.

    Appends the segments in add (from ``SegmentBuilder.finish``, in order),
    marks the documents with the given ids deleted, and drops the segments whose
    ids are in drop (merged into a new one). Returns the segment ids in order.
    """
    ix = index.open_dir(path)
    try:
        toc = ix._read_toc()
        drop = set(drop)
        segments = [s for s in toc.segments if s.segid not in drop]
        ids = list(delete_ids)
        if ids:
            from whoosh.reading import SegmentReader

            for s in segments:
                r = SegmentReader(ix.storage, toc.schema, s)
                try:
                    for article_id in ids:
                        if ("id", article_id) in r:
                            for d in r.postings("id", article_id).all_ids():
                                s.delete_document(d)
                finally:
                    r.close()
        segments += list(add)
        generation = toc.generation + 1
        index.TOC(toc.schema, segments, generation).write(ix.storage, ix.indexname)
        index.clean_files(ix.storage, ix.indexname, generation, segments)
        # Segment builders share Whoosh's temporary folder; no one needs it now.
        shutil.rmtree(os.path.join(path, f"{ix.indexname}.tmp"), ignore_errors=True)
        return [s.segid for s in segments]
    finally:
        ix.close()


def merge(path: str, segids: list[str], word_counts) -> object:
    """A new segment holding the live documents of the given segments, in order.

    Postings are copied, not recomputed (no segmenting). word_counts(segid, d)
    gives a document's exact (title, body) word counts. Returns the segment for
    ``commit(path, add=[it], drop=segids)``.
    """
    from whoosh.reading import SegmentReader

    ix = index.open_dir(path)
    toc = ix._read_toc()
    ix.close()
    by_id = {s.segid: s for s in toc.segments}
    b = SegmentBuilder(path)
    try:
        for sid in segids:
            r = SegmentReader(b._storage, toc.schema, by_id[sid])
            try:
                docmap = {}
                for d in range(r.doc_count_all()):
                    if not r.is_deleted(d):
                        docmap[d] = b._add_doc(r.stored_fields(d), word_counts(sid, d))
                for name, btext in r.all_terms():
                    if name not in b._terms:
                        continue
                    post = b._terms[name]
                    term = btext.decode("utf-8")
                    m = r.postings(name, term)
                    while m.is_active():
                        _append(post, term, docmap[m.id()], m.weight())
                        m.next()
            finally:
                r.close()
        return b.finish()
    except BaseException:
        b.cancel()
        raise


def _append(post: dict, term: str, d: int, n: float) -> None:
    p = post.get(term)
    if p is None:
        post[term] = [array("I", (d,)), array("f", (n,))]
    else:
        p[0].append(d)
        p[1].append(n)


# -- reading -------------------------------------------------------------------


# What reading a damaged index file raises (bytes changed without its size):
# Whoosh's own checks, and the decoders fed garbage.
READ_ERRORS = (
    OSError,
    EOFError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    UnicodeDecodeError,
    OverflowError,
    FileFormatError,
    index.IndexError,  # Whoosh's: "Index was created on different architecture"
)
_OPEN_ERRORS = (*READ_ERRORS, ValueError, KeyError)


class Unreadable(Exception):
    """A Whoosh index that cannot be opened; the snapshot names the index and the fix."""


class Reader:
    """One opened Whoosh index, as plain data: postings a block at a time, stored
    fields, the date column, the terms of ID-like fields. Deleted documents are
    reported with the postings, not filtered: what is live is the snapshot's call."""

    def __init__(self, path: str) -> None:
        try:
            self._ix = index.open_dir(path)
            self._s = self._ix.searcher()
        except index.EmptyIndexError as e:
            raise Unreadable("no table of contents") from e
        except _OPEN_ERRORS as e:
            raise Unreadable(f"{type(e).__name__}: {e}") from e
        # Open now every file a search may read: an update may delete this
        # generation's files while it is in use, and an open file stays readable.
        try:
            for sub, _ in self._s.reader().leaf_readers():
                if sub.segment() is not None and sub.doc_count_all():
                    sub.stored_fields(0)
                    sub.column_reader("date")
        except _OPEN_ERRORS as e:
            self.close()
            raise Unreadable(f"{type(e).__name__}: {e}") from e
        self._postings: dict[tuple[str, str], list] = {}
        self._postings_size = 0
        self._schema_names = frozenset(self._ix.schema.names())
        self._columns: dict[str, list[str]] = {}

    def close(self) -> None:
        self._s.close()
        self._ix.close()

    @property
    def doc_count_all(self) -> int:
        """Documents in the segments, deleted ones included."""
        return self._s.doc_count_all()

    def segments(self) -> list[tuple[str, int, frozenset[int]]]:
        """(segment id, first document number, deleted local numbers) of each segment."""
        out = []
        for sub, offset in self._s.reader().leaf_readers():
            seg = sub.segment()
            if seg is not None:
                out.append((seg.segid, offset, frozenset(seg.deleted_docs())))
        return out

    def postings(self, field: str, text: str) -> list[tuple[int, array, array]]:
        """The term's postings per segment: (first document number, local document
        numbers, frequencies), read a block at a time rather than a posting at a
        time. Deleted documents are included."""
        key = (field, text)
        cached = self._postings.get(key)
        if cached is not None:
            return cached
        out = []
        if field in self._schema_names:
            btext = text.encode("utf-8")
            for sub, offset in self._s.reader().leaf_readers():
                if key in sub:
                    out.append((offset, *_read_postings(sub, field, btext)))
        if sum(len(ids) for _, ids, _ in out) > 256:  # worth keeping for the next query
            self._postings_size += sum(len(ids) for _, ids, _ in out)
            if self._postings_size > 4_000_000:
                self._postings.clear()
                self._postings_size = 0
            self._postings[key] = out
        return out

    def stored(self, docnum: int) -> dict:
        return self._s.stored_fields(docnum)

    def docnum_for_id(self, article_id: str) -> int | None:
        return self._s.document_number(id=article_id)

    def field_values(self, field: str) -> list[str]:
        """Every distinct term of an ID-like field (sources, dates)."""
        return [t.decode("utf-8") for t in self._s.reader().lexicon(field)]

    def column(self, field: str) -> list[str]:
        """A sortable field's value (the date) for every document number, '' for none.

        Read once from Whoosh's column, so sorting or counting by date never
        loads a stored article.
        """
        if field not in self._columns:
            cr = self._s.reader().column_reader(field)
            self._columns[field] = [v if isinstance(v, str) else v.decode("utf-8") for v in cr]
        return self._columns[field]

    def docs_in_range(self, field: str, low: str | None, high: str | None) -> set[int]:
        """Documents (deleted ones too) whose term in field is within [low, high]."""
        return set(self._s.docs_for_query(query.TermRange(field, low, high)))


def _read_postings(sub, field: str, btext: bytes) -> tuple[array, array]:
    """A term's document numbers and frequencies in one segment, whole blocks at a time."""
    m = sub._terms.matcher(field, btext, sub.schema[field].format)
    ids, weights = array("I"), array("f")
    if isinstance(m, ListMatcher):
        ids.extend(m._ids)
        weights.extend(m._weights)
        return ids, weights
    while m.is_active():
        if m._ids is None:
            m._read_ids()
        if m._weights is None:
            m._read_weights()
        ids.extend(m._ids)
        weights.extend(m._weights)
        if m._lastblock:
            break
        m._goto(m._nextoffset)
    return ids, weights
