"""The Whoosh layer of the local index, the only module that imports whoosh.

Whoosh holds the words: a segment's term table (``.trm``) and postings
(``.pst``) in Whoosh's own W3 format, for the fields ``title`` and ``body``
(jieba words with their frequencies) and ``date`` and ``source`` (whole values).
The articles themselves are kept by the text store. This module owns the
schema, the tokenizer that gives Whoosh our words, and plain-data faces of a
Whoosh index:

- ``SegmentBuilder``: a new segment, written a term at a time;
- ``commit``: the table of contents (segments added, dropped, documents deleted);
- ``merge``: segments merged into one, term by term, postings copied and never
  held together (a worker runs it beside indexing);
- ``Terms``: one segment's term table and postings read from mapped files, our
  own faster way: a term's statistics from its term info alone (one hash
  lookup), its postings a block at a time.

Nothing outside ``searcher.local`` sees a Whoosh object.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import io
import mmap
import os
import pickle
import shutil
import struct
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import accumulate, count, repeat
from operator import add

from whoosh import fields, index
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3PostingsWriter
from whoosh.filedb.filetables import FileFormatError
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.util.numlists import delta_encode

from searcher import analysis

# Bump when the fields change; an index with another version must be rebuilt.
SCHEMA_VERSION = 3  # 3: words, date and source only; the articles are in the text store

TEXT_FIELDS = ("title", "body")  # searchable text, indexed as words
ID_FIELDS = ("date", "source")  # whole values, for filters and facets


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
        title=WordsField(), body=WordsField(), date=fields.ID(), source=fields.ID()
    )


# -- writing -------------------------------------------------------------------
#
# An index folder is a Whoosh index whose segments are written by
# ``SegmentBuilder``, possibly in several processes at once, and listed in a
# table of contents by ``commit``. The builder is a lean path into Whoosh's own
# segment format (codec W3): it counts each article's words itself and writes
# each term's postings in whole blocks, instead of pushing every posting through
# Whoosh's sorting pool one tuple at a time. No per-document files: the text
# store keeps the articles.


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

    def __init__(self, path: str, segid: str | None = None) -> None:
        ix = index.open_dir(path)
        try:
            self._storage = ix.storage
            self._schema = ix.schema
            self._indexname = ix.indexname
        finally:
            ix.close()
        self._codec = _Codec()
        self._segment = self._codec.new_segment(self._storage, self._indexname)
        if segid is not None:  # chosen ahead, so that side files can be written elsewhere
            self._segment.segid = segid
        names = (*TEXT_FIELDS, *ID_FIELDS)
        # Per field: each term's number (in the order met), and each occurrence's
        # term number and document, appended by C-level iteration; counted at the end.
        self._terms: dict[str, defaultdict] = {f: defaultdict(count().__next__) for f in names}
        self._seen: dict[str, array] = {f: array("I") for f in names}
        self._where: dict[str, array] = {f: array("I") for f in names}
        self._fw = None
        self.count = 0

    @property
    def segid(self) -> str:
        return self._segment.segid

    def add(self, doc: dict, title_words: list[str], body_words: list[str]) -> int:
        """Add an article (its date and source, and the words of its folded title and
        body). Returns its document number within the segment."""
        d = self.count
        for name in ID_FIELDS:
            value = doc.get(name) or ""
            if value:
                self._seen[name].append(self._terms[name][value])
                self._where[name].append(d)
        for name, ws in (("title", title_words), ("body", body_words)):
            self._seen[name].extend(map(self._terms[name].__getitem__, ws))
            self._where[name].extend(repeat(d, len(ws)))
        self.count += 1
        return d

    def _writer(self):
        if self._fw is None:
            self._fw = _TermWriter(self._codec.field_writer(self._storage, self._segment))
        return self._fw

    def finish(self):
        """Write the segment's files; returns the segment (opaque, picklable) for commit."""
        import numpy as np  # a build's: every occurrence counted by one sort

        fw = self._writer()
        for name in sorted(self._terms):
            terms, seen, where = self._terms.pop(name), self._seen.pop(name), self._where.pop(name)
            if not terms:
                continue
            key = np.frombuffer(seen, np.uint32).astype(np.uint64)
            key <<= np.uint64(32)
            key |= np.frombuffer(where, np.uint32)
            del seen, where
            key.sort()
            starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
            weights = np.diff(np.r_[starts, len(key)]).astype(np.float64)
            key = key[starts]
            docs = (key & np.uint64(0xFFFFFFFF)).astype(np.uint32)
            key >>= np.uint64(32)
            bounds = np.r_[np.flatnonzero(np.r_[True, key[1:] != key[:-1]]), len(key)].tolist()
            del key
            fieldobj = self._schema[name]
            for btext, i in sorted((w.encode("utf-8"), i) for w, i in terms.items()):
                a, b = bounds[i], bounds[i + 1]
                fw.add(name, fieldobj, btext, docs[a:b].tolist(), weights[a:b].tolist())
        return self._close(self.count)

    def _close(self, count: int):
        self._writer().close()
        self._segment.set_doc_count(count)
        return self._segment

    def cancel(self) -> None:
        with contextlib.suppress(Exception):
            if self._fw is not None:
                self._fw.close()


class _TermWriter:
    """Writes terms in key order into a W3 field writer (.trm and .pst)."""

    def __init__(self, fw) -> None:
        self.fw = fw
        if FAST_TERMS:
            t = fw._tindex
            # Each term's hash and place in two arrays, 12 bytes a term (Whoosh keeps
            # a tuple of two ints in a list, about 100: held to the end of a merge).
            t.hashes, t.places = array("I"), array("q")
            t._write_hashes = partial(_write_hashes, t)
        self.field: str | None = None
        self.prefix = b""
        # Where the next term goes in the term file and the next postings in the
        # postings file, while this writer writes them: asking the file (a system
        # call) for each term cost a tenth of a build.
        self.pos: int | None = None
        self.post_pos: int | None = None

    def add(self, name: str, fieldobj, btext: bytes, docs: array, weights: array) -> None:
        fw = self.fw
        if name != self.field:
            if self.field is not None:
                fw.finish_field()
            fw.start_field(name, fieldobj)
            self.field, self.prefix = name, pack_ushort(fw._fieldid)
            self.pos = self.post_pos = None
        codec = fw._codec
        if FAST_TERMS:
            if self.pos is None:
                self.pos = fw._tindex.dbfile.tell()
            if len(docs) < codec._inlinelimit:
                value = _inlined(docs, weights)
            else:
                if self.post_pos is None:
                    self.post_pos = fw._postfile.tell()
                value, self.post_pos = _blocked(fw, docs, weights, self.post_pos)
            self.pos = _add_term(fw._tindex, self.prefix + btext, value, self.pos)
            return
        fw.start_term(btext)
        pw = fw._postwriter
        block = codec._blocklimit
        for i in range(0, len(docs), block):
            if i:
                pw._write_block()
                pw._new_block()
            pw._ids = docs[i : i + block]
            pw._weights = ws = weights[i : i + block]
            pw._maxweight = max(ws)
        fw.finish_term()

    def close(self) -> None:
        if self.field is not None:
            self.fw.finish_field()
            self.field = None
        self.fw.close()


FAST_TERMS = True  # write terms straight into the term table and postings (same bytes)
_TERMINFO = struct.Struct("!BfIBBfII")  # W3TermInfo's layout
_LENGTHS = struct.Struct("!ii")  # filetables.HashWriter's record header
_NO_LENGTH = length_to_byte(0)  # no field lengths are kept (length_stats off)


def _inlined(docs: array, weights: array) -> bytes:
    """The term info of a list inlined in the term table (W3TermInfo.to_bytes)."""
    ids, ws = tuple(docs), tuple(weights)
    head = _TERMINFO.pack(1, sum(ws), len(ids), 0, _NO_LENGTH, max(ws), ids[0], ids[-1])
    return head + pickle.dumps((ids, ws, ()), 2)


def _blocked(fw, docs: array, weights: array, start: int) -> tuple[bytes, int]:
    """Write a list in blocks at start in the postings file, as W3PostingsWriter does
    (a header, then each block's pickled info and its pickled, compressed ids, weights
    and values); returns the term info and where the next list goes."""
    codec = fw._codec
    size, comp = codec._blocklimit, codec._compression
    fixed = fw._format.fixed_value_size()
    values = () if fixed is None or fixed < 0 else None if fixed == 0 else b""
    parts, total, top, n = [WHOOSH3_HEADER_MAGIC], 0, 0, len(docs)
    for i in range(0, n, size):
        ids, ws = docs[i : i + size], weights[i : i + size]
        heaviest = max(ws)
        total += sum(ws)
        top = max(top, heaviest)
        data = pickle.dumps((tuple(delta_encode(ids)), _mini_weights(ws), values), 2)
        if comp:
            data = zlib.compress(data, comp)
        info = pickle.dumps((len(ids), ids[-1], heaviest, comp, 0, _NO_LENGTH), 2)
        length = len(info) + len(data)
        parts += [pack_int(-length if i + size >= n else length), info, data]
    body = b"".join(parts)
    fw._postfile.write(body)
    head = _TERMINFO.pack(0, total, n, 0, _NO_LENGTH, top, docs[0], docs[-1])
    return head + pack_long(start) + pack_int(len(body)), start + len(body)


def _mini_weights(ws: array):
    """A block's weights as W3PostingsWriter keeps them: None (all 1), one, or all."""
    if all(w == 1.0 for w in ws):
        return None
    if all(w == ws[0] for w in ws):
        return ws[0]
    return tuple(ws)


def _add_term(tindex, key: bytes, value: bytes, pos: int) -> int:
    """Add a term and its info at pos in the term table, as OrderedHashWriter.add
    would; returns where the next term goes. (A test compares the files both ways;
    in one step it is 4x faster per term.)"""
    if key <= tindex.lastkey:
        raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{key!r}")
    record = _LENGTHS.pack(len(key), len(value)) + key + value
    tindex.index.append(pos)
    tindex.dbfile.write(record)
    h = int.from_bytes(hashlib.md5(key, usedforsecurity=False).digest()[-4:], "big")
    tindex.hashes.append(h)
    tindex.places.append(pos)
    tindex.lastkey = key
    return pos + len(record)


def _write_hashes(hw) -> None:
    """HashWriter._write_hashes, the same bytes, from the arrays ``_add_term`` fills:
    the 256 hash tables of the term table (a bucket's terms in the order added, by
    linear probing), each in one write (Whoosh writes each slot on its own)."""
    import numpy as np  # a build's

    hashes = np.frombuffer(hw.hashes, np.uint32)
    order = np.argsort(hashes & 255, kind="stable")
    ends = np.cumsum(np.bincount(hashes & 255, minlength=256)).tolist()
    sorted_hashes, sorted_places = hashes[order], np.frombuffer(hw.places, np.int64)[order]
    del order
    dbfile = hw.dbfile
    pos = dbfile.tell()
    for a, b in zip([0, *ends], ends):
        n = 2 * (b - a)
        hw.directory.append((pos, n))
        if not n:
            continue
        hashes, places = [0] * n, [0] * n  # an empty slot is (0, 0): no key is at 0
        for h, at in zip(sorted_hashes[a:b].tolist(), sorted_places[a:b].tolist()):
            slot = (h >> 8) % n
            while places[slot]:
                slot = (slot + 1) % n
            hashes[slot], places[slot] = h, at
        slots = [0] * (2 * n)
        slots[0::2], slots[1::2] = hashes, places
        dbfile.write(struct.pack("!" + "Iq" * n, *slots))
        pos += n * _POINTER_SIZE


_POINTER_SIZE = struct.calcsize("!Iq")  # a slot: a key's hash and its place


def new_segment_id() -> str:
    """A fresh segment id, in Whoosh's form (for ``SegmentBuilder(path, segid)``)."""
    from whoosh.util import random_name

    return random_name(size=16)


def segment_id(segment) -> str:
    return segment.segid


def stem(segid: str) -> str:
    """The start of a segment's file names (Whoosh's: index name, segment id)."""
    return f"{index._DEF_INDEX_NAME}_{segid}"


def segments(path: str) -> list:
    """The segments of the index at path, in document-number order (table of contents)."""
    ix = index.open_dir(path)
    try:
        return list(ix._segments())
    finally:
        ix.close()


def segment_ids(path: str) -> list[str]:
    """The ids of the segments of the index at path, in document-number order."""
    return [s.segid for s in segments(path)]


def layout(segs: list) -> list[tuple[str, int, frozenset[int]]]:
    """(segment id, first document number, deleted local numbers) of each segment."""
    out, offset = [], 0
    for s in segs:
        out.append((s.segid, offset, frozenset(s.deleted_docs())))
        offset += s.doc_count_all()
    return out


def commit(
    path: str,
    add: Iterable = (),
    delete: dict[str, Iterable[int]] | None = None,
    drop: Iterable[str] = (),
) -> list[str]:
    """Write the index's next table of contents.

    Appends the segments in add (from ``SegmentBuilder.finish`` or ``merge``, in
    order), marks deleted the local documents given per segment id, and drops
    the segments whose ids are in drop. Returns the segment ids in order.
    """
    ix = index.open_dir(path)
    try:
        toc = ix._read_toc()
        drop = set(drop)
        segs = [s for s in toc.segments if s.segid not in drop]
        for s in segs:
            for d in (delete or {}).get(s.segid, ()):
                s.delete_document(d)
        segs += list(add)
        generation = toc.generation + 1
        index.TOC(toc.schema, segs, generation).write(ix.storage, ix.indexname)
        index.clean_files(ix.storage, ix.indexname, generation, segs)
        # Segment builders share Whoosh's temporary folder; no one needs it now.
        shutil.rmtree(os.path.join(path, f"{ix.indexname}.tmp"), ignore_errors=True)
        return [s.segid for s in segs]
    finally:
        ix.close()


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
    IndexError,
    index.IndexError,  # Whoosh's: "Index was created on different architecture"
)
_OPEN_ERRORS = (*READ_ERRORS, ValueError, KeyError, AttributeError)


class Unreadable(Exception):
    """A Whoosh index that cannot be opened; the snapshot names the index and the fix."""


def read_layout(path: str) -> list[tuple[str, int, frozenset[int]]]:
    """The segments in force at path (see ``layout``); Unreadable when it cannot be."""
    try:
        return layout(segments(path))
    except index.EmptyIndexError as e:
        raise Unreadable("no table of contents") from e
    except _OPEN_ERRORS as e:
        raise Unreadable(f"{type(e).__name__}: {e}") from e


_HASH_DIR = struct.Struct("!qi")  # filetables: a hash table's position and slots
_POINTER = struct.Struct("!Iq")  # filetables: a slot's hash and record position
_BLOCK_MAGIC = b"W3Bl"


class Terms:
    """One segment's term table and postings, read from mapped files.

    The term table is Whoosh's ``OrderedHashWriter`` file: records (lengths, key,
    term info), 256 hash tables of (hash, position) slots, their directory, the
    extras (field numbers) and the index of record positions in key order.
    """

    def __init__(self, folder: str, segment_name: str) -> None:
        self.name = f"{segment_name}.trm"
        self._files = [
            open(os.path.join(folder, f"{segment_name}{ext}"), "rb") for ext in (".trm", ".pst")
        ]
        self._mm: list = [None, None]
        self._tables: list[tuple[int, int]] | None = None

    def close(self) -> None:
        for m in self._mm:
            if isinstance(m, mmap.mmap):
                with contextlib.suppress(BufferError):
                    m.close()
        for f in self._files:
            f.close()

    def _map(self, i: int):
        if self._mm[i] is None:
            f = self._files[i]
            size = os.fstat(f.fileno()).st_size
            self._mm[i] = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        return self._mm[i]

    def _open(self) -> None:
        mm = self._map(0)
        if mm[:4] != b"HSH3" or mm[4] != 0:
            raise FileFormatError(f"{self.name}: not a term table")
        exlen = int.from_bytes(mm[-4:], "big", signed=True)
        dirpos = len(mm) - 4 - exlen - 256 * _HASH_DIR.size
        self._tables = [_HASH_DIR.unpack_from(mm, dirpos + 12 * i) for i in range(256)]
        extras = pickle.loads(mm[dirpos + 256 * _HASH_DIR.size : len(mm) - 4])
        self.fields: dict[str, int] = extras["fieldmap"]
        # The positions of the records in key order (big-endian) follow the extras.
        typecode, n = extras["indextype"], extras["indexlen"]
        end = len(mm) - 4
        self._index = (typecode, n, end - n * struct.calcsize(typecode))

    def _lookup(self, key: bytes):
        """The term info bytes of a key, or None."""
        if self._tables is None:
            self._open()
        mm = self._mm[0]
        h = int.from_bytes(hashlib.md5(key, usedforsecurity=False).digest()[-4:], "big")
        start, slots = self._tables[h & 255]
        if not slots:
            return None
        slot = (h >> 8) % slots
        for _ in range(slots):
            sh, pos = _POINTER.unpack_from(mm, start + 12 * slot)
            if not pos:
                return None
            if sh == h:
                klen, vlen = _LENGTHS.unpack_from(mm, pos)
                if mm[pos + 8 : pos + 8 + klen] == key:
                    return mm[pos + 8 + klen : pos + 8 + klen + vlen]
            slot = (slot + 1) % slots
        return None

    def key(self, field: str, word: str) -> bytes | None:
        if self._tables is None:
            self._open()
        fnum = self.fields.get(field)
        return None if fnum is None else pack_ushort(fnum) + word.encode("utf-8")

    def stats(self, field: str, word: str) -> tuple[float, int]:
        """(occurrences, documents) of a word in a field, deleted documents included."""
        key = self.key(field, word)
        value = None if key is None else self._lookup(key)
        if value is None:
            return 0.0, 0
        _, weight, df, *_ = _TERMINFO.unpack_from(value, 0)
        return weight, df

    def postings(self, field: str, word: str) -> tuple[array, array]:
        """(documents, frequencies) of a word in a field, deleted documents included."""
        key = self.key(field, word)
        value = None if key is None else self._lookup(key)
        if value is None:
            return array("I"), array("f")
        return self._decode(value)

    def _decode(self, value: bytes) -> tuple[array, array]:
        if value[0]:  # inlined into the term table
            ids, weights, _ = pickle.loads(value[_TERMINFO.size :])
            return array("I", ids), array("f", weights)
        offset = int.from_bytes(value[_TERMINFO.size : _TERMINFO.size + 8], "big", signed=True)
        return _read_blocks(self._map(1), offset)

    def items(self, field: str | None = None) -> Iterator[tuple[bytes, bytes]]:
        """(key, term info) of every term (of one field), in key order."""
        if self._tables is None:
            self._open()
        mm = self._mm[0]
        typecode, n, start = self._index
        positions = array(typecode, mm[start : start + n * struct.calcsize(typecode)])
        if array("H", [1]).tobytes() != b"\x00\x01":
            positions.byteswap()  # written big-endian
        prefix = None if field is None else pack_ushort(self.fields.get(field, 65535))
        for pos in positions:
            klen, vlen = _LENGTHS.unpack_from(mm, pos)
            key = mm[pos + 8 : pos + 8 + klen]
            if prefix is not None and key[:2] != prefix:
                if key[:2] > prefix:
                    break
                continue
            yield key, mm[pos + 8 + klen : pos + 8 + klen + vlen]

    def values(self, field: str) -> Iterator[tuple[str, array]]:
        """(term, documents) of every term of an ID-like field (sources, dates)."""
        for key, value in self.items(field):
            yield key[2:].decode("utf-8"), self._decode(value)[0]


def _read_blocks(mm, offset: int) -> tuple[array, array]:
    """A term's postings in the .pst file, block by block (Whoosh's W3 blocks)."""
    if mm[offset : offset + 4] != _BLOCK_MAGIC:
        raise FileFormatError("postings: a bad block tag")
    pos = offset + 4
    ids, weights = array("I"), array("f")
    while True:
        length = int.from_bytes(mm[pos : pos + 4], "big", signed=True)
        end = pos + 4 + abs(length)
        f = io.BytesIO(mm[pos + 4 : end])
        count, _, _, comp, _, _ = pickle.Unpickler(f).load()
        data = f.read()
        deltas, ws, _ = pickle.loads(zlib.decompress(data) if comp else data)
        ids.extend(accumulate(deltas))  # each block's first number is whole, not a delta
        if ws is None:
            weights.extend(repeat(1.0, count))
        elif isinstance(ws, float):
            weights.extend(repeat(ws, count))
        else:
            weights.extend(ws)
        if length < 0:
            return ids, weights
        pos = end


# -- merging -------------------------------------------------------------------


def merge(path: str, inputs: list[tuple[object, object]], segid: str, count: int):
    """A new segment of the live documents of the input segments, in order.

    inputs: (segment, remap) in order, remap being an int (the first new number of
    a segment without deletions) or an array of new numbers by local number (-1:
    deleted). count: the documents of the new segment. Terms are merged in key
    order and each term's postings copied, so only one term is held at a time.
    Returns the segment for ``commit``.
    """
    b = SegmentBuilder(path, segid)
    readers = [Terms(path, stem(s.segid)) for s, _ in inputs]
    try:
        fw = b._writer()
        streams = [_tagged(r, i) for i, r in enumerate(readers)]
        group: list = []
        for term, i, value in heapq.merge(*streams):
            if group and group[0][0] != term:
                _merge_term(fw, b._schema, group, readers, inputs)
                group = []
            group.append((term, i, value))
        if group:
            _merge_term(fw, b._schema, group, readers, inputs)
        return b._close(count)
    except BaseException:
        b.cancel()
        raise
    finally:
        for r in readers:
            r.close()


def _tagged(r: Terms, i: int) -> Iterator[tuple[tuple[str, bytes], int, bytes]]:
    """A segment's terms as ((field, term), i, term info): field numbers differ
    between segments (only the fields a segment holds are numbered)."""
    r._open()
    names = {pack_ushort(n): name for name, n in r.fields.items()}
    for key, value in r.items():
        yield (names[key[:2]], key[2:]), i, value


def _merge_term(fw, schema, group, readers, inputs) -> None:
    docs, weights = array("I"), array("f")
    for _, i, value in group:
        ids, ws = readers[i]._decode(value)
        remap = inputs[i][1]
        if isinstance(remap, int):
            docs.extend(map(add, ids, repeat(remap)) if remap else ids)
            weights.extend(ws)
        else:
            for d, w in zip(map(remap.__getitem__, ids), ws):
                if d >= 0:
                    docs.append(d)
                    weights.append(w)
    if docs:
        name, btext = group[0][0]
        fw.add(name, schema[name], btext, docs, weights)
