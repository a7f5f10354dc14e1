"""The exact bigram table of a segment: which documents hold each pair of code units.

A key is two consecutive UTF-16 code units of a folded title or body, as one
uint32 (``first << 16 | second``): a pair of characters of the Basic
Multilingual Plane, or the two halves of one character beyond it. A document
holding a needle holds all its keys, so the documents holding them all are the
needle's candidates; a needle of exactly one key (two Chinese characters) is
answered by its list alone, with no text read: each posting carries how often
the pair stands in the title and in the body, counted as ``str.count`` counts
(``哈哈`` once in ``哈哈哈``).

File ``seg-S.grams`` (little-endian): header ``SGR4``, documents, keys, bytes of
a document number in long lists (2 or 4), bytes of an offset (4 or 8); the keys,
sorted (uint32); the offsets of their records (keys + 1); the records.

- A short list (under ``LONG`` documents): a byte ``width | mode``, then its
  document numbers in order, delta-coded at one width (1, 2 or 4 bytes) for the
  list, then the counts. Mode ``ONES``: every posting occurs once, in the body
  (most rare pairs), nothing stored. Otherwise the number of postings (varint)
  precedes the deltas and a count stream follows them (``RAW``, or ``ZIPPED``
  with zlib): a byte a posting, ``title << 6 | body``, or 0xFF and the two
  counts as varints after the bytes.
- A long list: a byte 0x80, the number of groups, per group (occurrences in
  the title, in the body, documents, shortest title) as uint32, then each
  group's documents sorted by body length: the impact layers a query ranks
  with (``rank.by_layers``), scoring the few documents that can reach its first
  page instead of all of them.

Merging segments merges their lists with their counts, a range of keys at a time;
no text is read.
"""

from __future__ import annotations

import os
import struct
import zlib
from array import array
from bisect import bisect_left
from itertools import accumulate, chain, repeat
from operator import and_, lshift, or_, rshift, sub
from pathlib import Path

LONG = 1024  # a list of this many documents or more is stored in impact layers
# magic, documents, keys of records, document width, offset width, keys of single documents
_HEAD = struct.Struct("<4sIIIII")
_MAGIC = b"SGR4"
_GROUP = 4  # uint32s per group: tt, tb, n, shortest title
ONES, RAW, ZIPPED, LAYERED = 0x10, 0x20, 0x40, 0x80
_ZIP_MIN = 16  # count streams of this many postings or more are compressed
_WIDTH = {1: "B", 2: "H", 4: "I"}
_ESCAPE = 0xFF


class Damaged(ValueError):
    pass


def keys_of(nb: bytes) -> list[int]:
    """The distinct keys of a UTF-16-LE needle."""
    units = array("H")
    units.frombytes(nb)
    return list(dict.fromkeys(map(or_, map(lshift, units, repeat(16)), units[1:])))


def _varint(n: int, out: bytearray) -> None:
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)


def _read_varint(buf, pos: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        n |= (b & 0x7F) << shift
        if b < 0x80:
            return n, pos
        shift += 7


class Postings:
    """A list decoded: documents with their title and body counts (parallel arrays)."""

    __slots__ = ("docs", "tb", "tt")

    def __init__(self, docs, tt, tb) -> None:
        self.docs, self.tt, self.tb = docs, tt, tb

    def __len__(self) -> int:
        return len(self.docs)


def _pack_counts(tt: array, tb: array) -> bytes:
    if max(tt) <= 3 and max(tb) < 63:
        return bytes(map(or_, map(lshift, tt, repeat(6)), tb))
    codes, extra = bytearray(), bytearray()
    for t, b in zip(tt, tb):
        if t <= 3 and b < 63:
            codes.append(t << 6 | b)
        else:
            codes.append(_ESCAPE)
            _varint(t, extra)
            _varint(b, extra)
    return bytes(codes + extra)


def _unpack_counts(stream, n: int) -> tuple[array, array]:
    codes = stream[:n]
    if _ESCAPE not in codes:
        return array("I", map(rshift, codes, repeat(6))), array("I", map(and_, codes, repeat(63)))
    tt, tb, pos = array("I"), array("I"), n
    for c in codes:
        if c == _ESCAPE:
            t, pos = _read_varint(stream, pos)
            b, pos = _read_varint(stream, pos)
        else:
            t, b = c >> 6, c & 63
        tt.append(t)
        tb.append(b)
    return tt, tb


def encode_short(p: Postings) -> bytes:
    docs = p.docs
    deltas = array("I", map(sub, docs, chain((0,), docs)))
    top = max(deltas)
    w = 1 if top < 0x100 else 2 if top < 0x10000 else 4
    data = (deltas if w == 4 else array(_WIDTH[w], deltas)).tobytes()
    if max(p.tt) == 0 and min(p.tb) == max(p.tb) == 1:
        return bytes((w | ONES,)) + data
    counts = _pack_counts(p.tt, p.tb)
    mode = RAW
    if len(docs) >= _ZIP_MIN:
        mode, counts = ZIPPED, zlib.compress(counts)
    head = bytearray((w | mode,))
    _varint(len(docs), head)
    return bytes(head) + data + counts


def decode_short(buf) -> Postings:
    w, mode = buf[0] & 0x0F, buf[0] & 0x70
    if mode == ONES:
        a = array(_WIDTH[w])
        a.frombytes(buf[1:])
        n = len(a)
        return Postings(array("I", accumulate(a)), array("I", bytes(4 * n)), array("I", [1]) * n)
    n, pos = _read_varint(buf, 1)
    a = array(_WIDTH[w])
    a.frombytes(buf[pos : pos + w * n])
    stream = buf[pos + w * n :]
    if mode == ZIPPED:
        stream = zlib.decompress(stream)
    return Postings(array("I", accumulate(a)), *_unpack_counts(stream, n))


def short_docs(buf):
    """Only the documents of a short record."""
    w, mode = buf[0] & 0x0F, buf[0] & 0x70
    pos = 1
    if mode == ONES:
        end = len(buf)
    else:
        n, pos = _read_varint(buf, 1)
        end = pos + w * n
    a = array(_WIDTH[w])
    a.frombytes(buf[pos:end])
    return array("I", accumulate(a))


class Layer:
    """One group of a long list: its counts, shortest title and documents by body length."""

    __slots__ = ("docs", "min_title", "tb", "tt")

    def __init__(self, tt: int, tb: int, min_title: int, docs) -> None:
        self.tt, self.tb, self.min_title, self.docs = tt, tb, min_title, docs


def decode_long(buf, wide: bool) -> list[Layer]:
    n = int.from_bytes(buf[1:5], "little")
    head = memoryview(buf)[5 : 5 + 16 * n].cast("I")
    docs = memoryview(buf)[5 + 16 * n :].cast("I" if wide else "H")
    out, pos = [], 0
    for g in range(n):
        tt, tb, k, mt = head[_GROUP * g : _GROUP * g + _GROUP]
        out.append(Layer(tt, tb, mt, docs[pos : pos + k]))
        pos += k
    return out


def decode(buf, wide: bool) -> Postings:
    """Any record as postings (a long one layer after layer, not in document order)."""
    if buf[0] != LAYERED:
        return decode_short(buf)
    docs, tt, tb = array("I"), array("I"), array("I")
    for layer in decode_long(buf, wide):
        docs.extend(layer.docs)
        tt.extend(repeat(layer.tt, len(layer.docs)))
        tb.extend(repeat(layer.tb, len(layer.docs)))
    return Postings(docs, tt, tb)


def record_docs(buf, wide: bool):
    """The documents of a record: in order (short), or layer by layer (long)."""
    if buf[0] != LAYERED:
        return short_docs(buf)
    n = int.from_bytes(buf[1:5], "little")
    return memoryview(buf)[5 + 16 * n :].cast("I" if wide else "H")


_PASS = 1 << 19  # pairs counted and encoded at a time: what bounds a build's memory
_MERGE_PASS = 1 << 17  # postings (bytes of records, a bound) merged at a time


def build(path: Path, text, bounds, ndocs: int, lens) -> None:
    """Write the table of a segment from its text, as the text store writes it.

    text: the UTF-16-LE records (bytes or bytearray), each title then body, each
    ended by a separator (U+001E, U+0000) that the text itself never holds; bounds:
    the offsets in code units of every title and body and of the end (2 * ndocs + 1
    of them); lens: the (title, body) lengths of each document, to order long lists by.

    With numpy the pairs are counted and most records encoded at C speed (sorting,
    no Python step per posting, a zlib call for each zipped count stream); the few
    records that need more (long lists, large counts) are encoded one by one. A
    merge encodes its lists the same way. The keys are taken in ranges of about
    ``_PASS`` pairs, in key order, so that the memory a build takes beyond the
    text's few bytes a character is bounded, whatever the segment's size.
    """
    import numpy as np

    u = np.frombuffer(text, dtype="<u2")
    first, second = u[:-1], u[1:]
    held = _held(np, first, second)
    bounds = np.asarray(bounds, dtype=np.int64)
    out = _Table(np, path, ndocs, lens)
    try:
        for lo, hi in _ranges(np, first[held]):
            where = np.flatnonzero(held & (first >= lo) & (first < hi))
            if not len(where):
                continue
            key = first[where].astype(np.uint32)
            key <<= np.uint32(16)
            key |= second[where]
            field = np.searchsorted(bounds, where, side="right") - 1
            out.add(*_postings(np, key, field))
    except BaseException:
        out.cancel()
        raise
    out.close()


def _held(np, first, second):
    """Where a pair stands, as ``str.count`` counts it: no separator in it, and in a
    run of one character doubled (哈哈哈), not the pair overlapping the one before."""
    ok = (first != 0) & (first != 0x1E) & (second != 0) & (second != 0x1E)
    same = np.flatnonzero(ok & (first == second))
    if len(same):
        new_run = np.r_[True, same[1:] != same[:-1] + 1]
        run_start = np.maximum.accumulate(np.where(new_run, np.arange(len(same)), 0))
        ok[same[(np.arange(len(same)) - run_start) % 2 == 1]] = False
    return ok


def _ranges(np, firsts) -> list[tuple[int, int]]:
    """Ranges of first code units [lo, hi) holding about ``_PASS`` pairs each."""
    if not len(firsts):
        return []
    total = np.cumsum(np.bincount(firsts, minlength=1 << 16))
    cuts = np.searchsorted(total, np.arange(_PASS, int(total[-1]), _PASS), side="left") + 1
    edges = [0, *sorted(set(cuts.tolist()) - {0, 1 << 16}), 1 << 16]
    return list(zip(edges, edges[1:]))


def _postings(np, key, field):
    """(key, document, title count, body count) of the pairs given (key, and field:
    2 * document, + 1 in the body), by key then document."""
    held = key.astype(np.uint64)
    held <<= np.uint64(32)
    held |= field.astype(np.uint64)
    held.sort()
    starts = np.flatnonzero(np.r_[True, held[1:] != held[:-1]])
    count = np.diff(np.r_[starts, len(held)])
    combined = held[starts]
    pair = combined >> np.uint64(1)  # key << 31 | document
    new = np.r_[True, pair[1:] != pair[:-1]]
    slot = np.cumsum(new) - 1
    npost = int(slot[-1]) + 1
    tt, tb = np.zeros(npost, np.int64), np.zeros(npost, np.int64)
    is_body = (combined & np.uint64(1)).astype(bool)
    tb[slot[is_body]] = count[is_body]
    tt[slot[~is_body]] = count[~is_body]
    first_pair = pair[new]
    key = (first_pair >> np.uint64(31)).astype(np.uint32)
    doc = (first_pair & np.uint64(0x7FFFFFFF)).astype(np.int64)
    return key, doc, tt, tb


class _Table:
    """A table being written: its records a range of keys at a time (in key order),
    straight into the file; the keys, offsets and single documents kept until
    ``close`` writes them after the records."""

    def __init__(self, np, path: Path, ndocs: int, lens) -> None:
        self.np, self.ndocs = np, ndocs
        self.wide = ndocs > 0x10000
        all_lens = np.frombuffer(lens, np.uint32) if len(lens) else np.zeros(0, np.uint32)
        self.tlen, self.blen = all_lens[0::2], all_lens[1::2]
        self.keys: list = []
        self.ends: list = []  # the end of each record
        self.single_keys: list = []
        self.single_docs: list = []
        self.size = 0
        self.f = open(path, "w+b")
        try:
            self.f.write(bytes(_HEAD.size))
        except BaseException:
            self.f.close()
            raise

    def add(self, key, doc, tt, tb) -> None:
        """Postings (key, document, title count, body count) sorted by key and document."""
        np = self.np
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        n = np.diff(np.r_[starts, len(key)])
        all_ones = np.logical_and.reduceat((tt == 0) & (tb == 1), starts)
        single = (n == 1) & all_ones
        rec = ~single
        enc = _Encoder(np, key, doc, tt, tb, starts, n, all_ones, rec)
        body = enc.encode(self.tlen, self.blen, self.wide)
        self.f.write(body.tobytes())
        self.keys.append(key[starts[rec]])
        self.ends.append(enc.offsets[1:] + np.uint64(self.size))
        self.size += len(body)
        self.single_keys.append(key[starts[single]])
        self.single_docs.append(doc[starts[single]].astype(np.uint32))

    def close(self) -> None:
        """The keys, offsets and single documents after the records, part by part (no
        part joined to another: a merged segment's hold tens of megabytes)."""
        np = self.np
        wide_offsets = self.size >= 1 << 32
        sections = (
            (self.keys, "<u4"),
            ([np.zeros(1, np.uint64), *self.ends], "<u8" if wide_offsets else "<u4"),
            (self.single_keys, "<u4"),
            (self.single_docs, "<u4"),
        )
        counts = [sum(map(len, parts)) for parts, _ in sections]
        with self.f as f:
            for parts, dtype in sections:
                parts.reverse()
                while parts:  # each part freed once written
                    parts.pop().astype(dtype).tofile(f)
            _finish(f, self.ndocs, self.wide, counts[0], 8 if wide_offsets else 4, counts[2])

    def cancel(self) -> None:
        self.f.close()


class _Encoder:
    """The records of a segment's lists (all but the singles), in key order, in one
    buffer: short lists (every posting once in the body, or small counts, zipped from
    ``_ZIP_MIN`` postings: one zlib call each) filled in by array operations, long
    lists and large counts encoded one by one."""

    def __init__(self, np, key, doc, tt, tb, starts, n, all_ones, rec) -> None:
        self.np = np
        self.doc, self.tt, self.tb = doc, tt, tb
        self.starts, self.n = starts[rec], n[rec]
        self.all_ones = all_ones[rec]
        owner = np.repeat(np.arange(len(starts)), n)
        prev = np.r_[0, doc[:-1]]
        self.delta = np.where(np.r_[True, owner[1:] != owner[:-1]], doc, doc - prev)
        top = np.maximum.reduceat(self.delta, starts)[rec] if len(starts) else n[:0]
        self.width = np.where(top < 0x100, 1, np.where(top < 0x10000, 2, 4))
        small = (np.maximum.reduceat(tt, starts) <= 3) & (np.maximum.reduceat(tb, starts) < 63)
        self.small = small[rec] if len(starts) else self.all_ones
        self.offsets = None

    def encode(self, tlen, blen, wide: bool):
        np = self.np
        n, w = self.n, self.width
        short = (n < LONG) & ~self.all_ones & self.small
        ones = self.all_ones & (n < LONG)
        raw = short & (n < _ZIP_MIN)
        zipped = short & (n >= _ZIP_MIN)
        # the head: a byte, then (but for ONES) the number of postings as a varint
        head = np.where(ones, 1, 2)
        for big in range(1, 5):
            head += ~ones & (n >= 1 << (7 * big))
        size = head + n * w + np.where(ones, 0, n)  # RAW: a byte of counts a posting
        codes = (self.tt << 6 | self.tb).astype(np.uint8)  # those of small counts
        packed = {
            int(i): zlib.compress(codes[s : s + k].tobytes())
            for i, s, k in zip(*(np.flatnonzero(zipped), self.starts[zipped], n[zipped]))
        }
        other = {
            int(i): self._one(int(i), tlen, blen, wide) for i in np.flatnonzero(~ones & ~short)
        }
        for i, r in chain(packed.items(), other.items()):
            size[i] = len(r) + (head[i] + n[i] * w[i] if i in packed else 0)
        self.offsets = np.r_[0, np.cumsum(size)].astype(np.uint64)
        out = np.zeros(int(self.offsets[-1]), np.uint8)
        self._fill(out, ones, ONES, head, codes)
        self._fill(out, raw, RAW, head, codes)
        self._fill(out, zipped, ZIPPED, head, codes)
        for i, r in chain(packed.items(), other.items()):
            end = int(self.offsets[i + 1])
            out[end - len(r) : end] = np.frombuffer(r, np.uint8)
        return out

    def _fill(self, out, chosen, mode: int, head, codes) -> None:
        """Write the records chosen, of a mode (ONES, RAW or ZIPPED) into out: their
        heads and deltas, and for RAW their counts (ZIPPED: the caller's)."""
        np = self.np
        at = self.offsets[:-1][chosen].astype(np.int64)
        w, n, hl = self.width[chosen], self.n[chosen], head[chosen]
        out[at] = w | mode
        for b in range(1, int(hl.max(initial=1))):  # the varint, 7 bits a byte
            m = hl > b
            more = (n[m] >> (7 * b)) > 0
            out[at[m] + b] = (n[m] >> (7 * (b - 1))) & 0x7F | np.where(more, 0x80, 0)
        first = self.starts[chosen]
        idx = np.repeat(first - np.cumsum(np.r_[0, n[:-1]]), n) + np.arange(int(n.sum()))
        j = idx - np.repeat(first, n)  # the posting's place in its list
        pw = np.repeat(w, n)
        base = np.repeat(at + hl, n) + j * pw
        delta = self.delta[idx]
        for byte in range(4):
            m = pw > byte
            out[base[m] + byte] = (delta[m] >> (8 * byte)) & 0xFF
        if mode == RAW:
            out[np.repeat(at + hl + n * w, n) + j] = codes[idx]

    def _one(self, i: int, tlen, blen, wide: bool) -> bytes:
        s, k = int(self.starts[i]), int(self.n[i])
        doc, tt, tb = (a[s : s + k] for a in (self.doc, self.tt, self.tb))
        if k >= LONG:
            return encode_long(self.np, doc, tt, tb, tlen, blen, wide)
        return encode_short(Postings(*(array("I", a.tolist()) for a in (doc, tt, tb))))


def encode_long(np, doc, tt, tb, tlen, blen, wide: bool) -> bytes:
    """Impact layers: groups of equal (tt, tb), each ordered by body length (numpy
    arrays of a list's postings; tlen, blen: the segment's title and body lengths by
    document)."""
    order = np.lexsort((doc, blen[doc], tb, tt))
    doc, tt, tb = doc[order], tt[order], tb[order]
    starts = np.flatnonzero(np.r_[True, (tt[1:] != tt[:-1]) | (tb[1:] != tb[:-1])])
    head = np.empty((len(starts), _GROUP), "<u4")
    head[:, 0], head[:, 1] = tt[starts], tb[starts]
    head[:, 2] = np.diff(np.r_[starts, len(doc)])
    head[:, 3] = np.minimum.reduceat(tlen[doc], starts)
    return b"".join(
        (
            bytes((LAYERED,)),
            len(starts).to_bytes(4, "little"),
            head.tobytes(),
            doc.astype("<u4" if wide else "<u2").tobytes(),
        )
    )


def _finish(f, ndocs: int, wide: bool, nkeys: int, offset_width: int, nsingles: int) -> None:
    """The header at the start, once the records, keys, offsets and singles are written."""
    f.seek(0)
    f.write(_HEAD.pack(_MAGIC, ndocs, nkeys, 4 if wide else 2, offset_width, nsingles))
    f.flush()
    os.fsync(f.fileno())


def _tail(nkeys: int, ow: int, nsingles: int) -> tuple[int, int, int]:
    """Sizes of the keys, offsets and singles sections."""
    return 4 * nkeys, ow * (nkeys + 1), 8 * nsingles


class Table:
    """A segment's bigram table, read from its mapped file."""

    def __init__(self, mm, ndocs: int, name: str) -> None:
        if len(mm) < _HEAD.size:
            raise Damaged(f"{name} does not match its segment")
        magic, n, nkeys, dw, ow, ns = _HEAD.unpack_from(mm, 0)
        sizes = _tail(nkeys, ow, ns)
        if magic != _MAGIC or n != ndocs or ow not in (4, 8) or len(mm) < _HEAD.size + sum(sizes):
            raise Damaged(f"{name} does not match its segment")
        view = memoryview(mm)
        start = len(mm) - sum(sizes)
        self.keys = view[start : start + sizes[0]].cast("I")
        start += sizes[0]
        self.offsets = view[start : start + sizes[1]].cast("Q" if ow == 8 else "I")
        start += sizes[1]
        self.single_keys = view[start : start + 4 * ns].cast("I")
        self.single_docs = view[start + 4 * ns :].cast("I")
        if self.offsets[-1] != len(mm) - sum(sizes) - _HEAD.size:
            raise Damaged(f"{name} does not match its segment")
        self.base = _HEAD.size
        self.mm = mm
        self.wide = dw == 4
        self.name = name

    def index(self, key: int) -> int:
        """The record of a key: i >= 0; a single document: -2 - its position; none: -1."""
        i = bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return i
        j = bisect_left(self.single_keys, key)
        if j < len(self.single_keys) and self.single_keys[j] == key:
            return -2 - j
        return -1

    def record(self, i: int):
        base, offsets = self.base, self.offsets
        buf = self.mm[base + offsets[i] : base + offsets[i + 1]]
        if not buf or buf[0] not in _FIRST_BYTES:
            raise Damaged(f"{self.name}: a bad record")
        return buf

    def size(self, i: int) -> int:
        return self.offsets[i + 1] - self.offsets[i] if i >= 0 else 1

    def _docs(self, i: int):
        if i >= 0:
            return record_docs(self.record(i), self.wide)
        return (self.single_docs[-2 - i],)

    def docs(self, key: int):
        """Local documents holding the key (deleted ones too); empty if none."""
        i = self.index(key)
        return self._docs(i) if i != -1 else ()

    def postings(self, key: int) -> Postings | None:
        i = self.index(key)
        if i == -1:
            return None
        return decode(self.record(i), self.wide) if i >= 0 else single(self.single_docs[-2 - i])

    def candidates(self, keys: list[int]) -> set[int]:
        """Local documents holding every key: the smallest lists first."""
        found = [self.index(k) for k in keys]
        if -1 in found:
            return set()
        found.sort(key=self.size)
        out = set(self._docs(found[0]))
        for i in found[1:]:
            if len(out) < 32:  # few enough to verify in the text directly
                break
            out.intersection_update(self._docs(i))
        return out


def single(d: int) -> Postings:
    return Postings(array("I", [d]), array("I", [0]), array("I", [1]))


_FIRST_BYTES = frozenset(w | m for w in (1, 2, 4) for m in (ONES, RAW, ZIPPED)) | {LAYERED}


# -- merging -------------------------------------------------------------------


class _Input:
    """A table read a range of keys at a time from its file (a merge's input).

    remap: the first new document number of a segment without deletions, or an
    array of new numbers by local number (-1: deleted).
    """

    def __init__(self, path: Path, remap) -> None:
        self.f = open(path, "rb", buffering=1 << 16)
        try:
            magic, _, nkeys, dw, ow, ns = _HEAD.unpack(self.f.read(_HEAD.size))
            if magic != _MAGIC or ow not in (4, 8):
                raise Damaged(f"{path.name} is not a bigram table")
            sizes = _tail(nkeys, ow, ns)
            self.f.seek(-sum(sizes), os.SEEK_END)
            self.keys, self.offsets = array("I"), array("Q" if ow == 8 else "I")
            self.single_keys, self.single_docs = array("I"), array("I")
            for a, n in zip((self.keys, self.offsets), sizes):
                a.frombytes(self.f.read(n))
            self.single_keys.frombytes(self.f.read(4 * ns))
            self.single_docs.frombytes(self.f.read(4 * ns))
            self.f.seek(_HEAD.size)
        except BaseException:
            self.f.close()
            raise
        self.wide = dw == 4
        self.remap = remap

    def postings(self, np, lo: int, hi: int) -> list[tuple]:
        """Parts (key, new document, title count, body count) of the postings of the
        keys in [lo, hi), each part by key then document, no key in two parts;
        deleted documents left out. Plain and counted short lists are decoded by
        array operations (a zlib call for each zipped count stream); long lists,
        escaped counts and the rest one by one."""
        keys = np.frombuffer(self.keys, np.uint32)
        sk = np.frombuffer(self.single_keys, np.uint32)
        i0, i1 = _find(np, keys, lo), _find(np, keys, hi)
        j0, j1 = _find(np, sk, lo), _find(np, sk, hi)
        offsets = np.frombuffer(self.offsets, self.offsets.typecode)[i0 : i1 + 1].astype(np.int64)
        self.f.seek(_HEAD.size + int(offsets[0]))
        data = np.frombuffer(self.f.read(int(offsets[-1] - offsets[0])) + bytes(4), np.uint8)
        starts, sizes = offsets[:-1] - offsets[0], np.diff(offsets)
        rkeys = keys[i0:i1]
        sdocs = np.frombuffer(self.single_docs, np.uint32)[j0:j1].astype(np.int64)
        parts = [_plain(np, sk[j0:j1], sdocs)]
        head = data[starts]
        mode, width = head & 0xF0, (head & 0x0F).astype(np.int64)
        ones = mode == ONES
        b1, b2 = data[starts + 1].astype(np.int64), data[starts + 2].astype(np.int64)
        two = ~ones & (b1 >= 0x80)  # a count of 128 or more: a varint of two bytes
        counted = np.where(two, b1 & 0x7F | b2 << 7, b1)
        n = np.where(ones, (sizes - 1) // np.maximum(width, 1), counted)
        hl = np.where(ones, 1, np.where(two, 3, 2))
        tail = starts + hl + n * width  # counted lists: where the count stream starts
        raw = (mode == RAW) & (starts + sizes - tail == n) & ~(two & (b2 >= 0x80))
        zipped = (mode == ZIPPED) & ~(two & (b2 >= 0x80))
        streams = {}
        for r in np.flatnonzero(zipped).tolist():
            c = zlib.decompress(data[tail[r] : starts[r] + sizes[r]].tobytes())
            if len(c) == n[r]:
                streams[r] = c
            else:
                zipped[r] = False  # escaped counts
        for w in (1, 2, 4):
            for kind, chosen in ((ONES, ones), (RAW, raw), (ZIPPED, zipped)):
                chosen = chosen & (width == w)
                if not chosen.any():
                    continue
                k = n[chosen]
                docs = _plain_docs(np, data, starts[chosen] + hl[chosen], k, w)
                key = np.repeat(rkeys[chosen], k)
                if kind == ONES:
                    parts.append(_plain(np, key, docs))
                    continue
                if kind == RAW:
                    first = np.repeat(np.cumsum(k) - k, k)
                    codes = data[np.repeat(tail[chosen], k) + np.arange(int(k.sum())) - first]
                else:
                    chunks = [streams[r] for r in np.flatnonzero(chosen).tolist()]
                    codes = np.frombuffer(b"".join(chunks), np.uint8)
                tt, tb = (codes >> 6).astype(np.int64), (codes & 63).astype(np.int64)
                parts.append((key, docs, tt, tb))
        for r in np.flatnonzero(~ones & ~raw & ~zipped).tolist():
            p = decode(data[starts[r] : starts[r] + sizes[r]].tobytes(), self.wide)
            docs, tt, tb = (np.asarray(a, np.int64) for a in (p.docs, p.tt, p.tb))
            order = np.argsort(docs, kind="stable")  # a long list's layers: by document
            parts.append((np.repeat(rkeys[r], len(docs)), docs[order], tt[order], tb[order]))
        return [q for q in (self._renumbered(np, *q) for q in parts) if len(q[0])]

    def _renumbered(self, np, key, doc, tt, tb) -> tuple:
        if isinstance(self.remap, int):
            return key, doc + self.remap, tt, tb
        new = np.asarray(self.remap, np.int64)[doc]
        live = new >= 0
        return key[live], new[live], tt[live], tb[live]

    def weight_below(self, np, at):
        """Bytes of the records and single documents of keys below each of at (uint32):
        a bound on their postings (a posting takes a byte or more)."""
        keys = np.frombuffer(self.keys, np.uint32)
        offsets = np.frombuffer(self.offsets, self.offsets.typecode)
        sk = np.frombuffer(self.single_keys, np.uint32)
        return offsets[np.searchsorted(keys, at)].astype(np.int64) + np.searchsorted(sk, at)

    def close(self) -> None:
        self.f.close()


def merge(path: Path, inputs: list[tuple[Path, object]], ndocs: int, lens) -> None:
    """The table of a merged segment: each key's lists from the inputs (in document
    order), renumbered, deleted documents left out, encoded as ``build`` encodes a
    segment's (the same bytes as building the merged documents at once). lens: the
    merged segment's (title, body) lengths, to order long lists by.

    A range of keys at a time, of about ``_MERGE_PASS`` postings (``_key_ranges``): what
    bounds a merge's memory beyond the inputs' keys and offsets.
    """
    import numpy as np

    ins: list[_Input] = []
    out = None
    try:
        for p, remap in inputs:
            ins.append(_Input(p, remap))
        out = _Table(np, path, ndocs, lens)
        for lo, hi in _key_ranges(np, ins):
            parts = [q for x in ins for q in x.postings(np, lo, hi)]
            if not parts:
                continue
            key, doc, tt, tb = (np.concatenate([q[c] for q in parts]) for c in range(4))
            # Each input's part holds a key's postings in document order, and the
            # inputs' documents follow one another: a stable sort by key is enough.
            order = np.argsort(key, kind="stable")
            out.add(key[order], doc[order], tt[order], tb[order])
        out.close()
    except BaseException:
        if out is not None:
            out.cancel()
        raise
    finally:
        for x in ins:
            x.close()


def _key_ranges(np, ins: list[_Input]) -> list[tuple[int, int]]:
    """Ranges of keys [lo, hi) holding about ``_MERGE_PASS`` postings or fewer each (but
    for a key that alone holds more), found by bisection on the inputs' weights."""
    total = sum(int(x.offsets[-1]) + len(x.single_keys) for x in ins)
    targets = np.arange(_MERGE_PASS, total, _MERGE_PASS, dtype=np.int64)
    lo = np.zeros(len(targets), np.int64)
    hi = np.full(len(targets), 0xFFFFFFFF, np.int64)
    while len(targets) and (lo < hi).any():  # the first key whose weight below reaches
        mid = (lo + hi) // 2
        below = sum(x.weight_below(np, mid.astype(np.uint32)) for x in ins)
        reached = below >= targets
        hi = np.where(reached, mid, hi)
        lo = np.where(reached, lo, mid + 1)
    edges = sorted({0, *lo.tolist(), 1 << 32})
    return list(zip(edges, edges[1:]))


def _find(np, keys, at: int) -> int:
    """Where keys below at end (at may be 1 << 32: all)."""
    return len(keys) if at >= 1 << 32 else int(np.searchsorted(keys, np.uint32(at)))


def _plain(np, key, doc) -> tuple:
    """Postings that each stand once in the body."""
    return key, doc, np.zeros(len(doc), np.int64), np.ones(len(doc), np.int64)


def _plain_docs(np, data, at, n, width: int):
    """The documents of records of one width: each record's deltas at ``at`` (n of
    them), summed within the record."""
    total = int(n.sum())
    first = np.repeat(np.cumsum(n) - n, n)  # each posting's record's first posting
    pos = np.repeat(at, n) + (np.arange(total) - first) * width
    delta = np.zeros(total, np.int64)
    for b in range(width):
        delta |= data[pos + b].astype(np.int64) << (8 * b)
    run = np.cumsum(delta)
    return run - (run[first] - delta[first]) if total else delta
