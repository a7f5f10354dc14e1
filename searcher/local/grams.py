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

Merging segments merges their lists key by key with their counts; no text is read.
"""

from __future__ import annotations

import os
import struct
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
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


def encode_long(p: Postings, tlen, blen, wide: bool) -> bytes:
    """Impact layers: groups of equal (tt, tb), each ordered by body length.
    tlen, blen: the segment's title and body lengths by document."""
    groups: dict[tuple[int, int], list[int]] = {}
    for d, t, b in zip(p.docs, p.tt, p.tb):
        g = groups.get((t, b))
        if g is None:
            groups[(t, b)] = [d]
        else:
            g.append(d)
    head = array("I", [len(groups)])
    docs = array("I" if wide else "H")
    for (tt, tb), g in sorted(groups.items()):
        order = sorted(map(or_, map(lshift, map(blen.__getitem__, g), repeat(32)), g))
        g = list(map(and_, order, repeat(0xFFFFFFFF)))
        head.extend((tt, tb, len(g), min(map(tlen.__getitem__, g))))
        docs.extend(g)
    return bytes((LAYERED,)) + head.tobytes() + docs.tobytes()


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


def encode(p: Postings, tlen, blen, wide: bool) -> bytes:
    return encode_short(p) if len(p) < LONG else encode_long(p, tlen, blen, wide)


_PASS = 1 << 19  # pairs counted and encoded at a time: what bounds a build's memory


def build(path: Path, text, bounds, ndocs: int, lens) -> None:
    """Write the table of a segment from its text, as the text store writes it.

    text: the UTF-16-LE records (bytes or bytearray), each title then body, each
    ended by a separator (U+001E, U+0000) that the text itself never holds; bounds:
    the offsets in code units of every title and body and of the end (2 * ndocs + 1
    of them); lens: the (title, body) lengths of each document, to order long lists by.

    With numpy the pairs are counted and most records encoded at C speed (sorting,
    no Python step per posting); the few records that need more than a plain list
    (long lists, large counts, compressed count streams) are encoded one by one as
    a merge encodes them. The keys are taken in ranges of about ``_PASS`` pairs, in
    key order, so that the memory a build takes beyond the text's few bytes a
    character is bounded, whatever the segment's size.
    """
    import numpy as np

    u = np.frombuffer(text, dtype="<u2")
    first, second = u[:-1], u[1:]
    held = _held(np, first, second)
    bounds = np.asarray(bounds, dtype=np.int64)
    out = _Table(np, ndocs, lens)
    for lo, hi in _ranges(np, first[held]):
        where = np.flatnonzero(held & (first >= lo) & (first < hi))
        if not len(where):
            continue
        key = first[where].astype(np.uint32)
        key <<= np.uint32(16)
        key |= second[where]
        field = np.searchsorted(bounds, where, side="right") - 1
        out.add(*_postings(np, key, field))
    out.write(path)


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
    """A table's parts, added a range of keys at a time (in key order), then written."""

    def __init__(self, np, ndocs: int, lens) -> None:
        self.np, self.ndocs = np, ndocs
        self.wide = ndocs > 0x10000
        self.tlen, self.blen = lens[0::2], lens[1::2]
        self.records: list = []
        self.keys: list = []
        self.ends: list = []  # the end of each record
        self.single_keys: list = []
        self.single_docs: list = []
        self.size = 0

    def add(self, key, doc, tt, tb) -> None:
        np = self.np
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        n = np.diff(np.r_[starts, len(key)])
        all_ones = np.logical_and.reduceat((tt == 0) & (tb == 1), starts)
        single = (n == 1) & all_ones
        rec = ~single
        enc = _Encoder(np, key, doc, tt, tb, starts, n, all_ones, rec)
        body = enc.encode(self.tlen, self.blen, self.wide)
        self.records.append(body)
        self.keys.append(key[starts[rec]])
        self.ends.append(enc.offsets[1:] + np.uint64(self.size))
        self.size += len(body)
        self.single_keys.append(key[starts[single]])
        self.single_docs.append(doc[starts[single]])

    def write(self, path: Path) -> None:
        np = self.np

        def joined(parts, dtype):
            return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)

        offsets = np.r_[np.zeros(1, np.uint64), joined(self.ends, np.uint64)]
        _write_table(
            path,
            self.ndocs,
            self.wide,
            joined(self.records, np.uint8),
            joined(self.keys, np.uint32),
            offsets,
            joined(self.single_keys, np.uint32),
            joined(self.single_docs, np.uint32),
        )


class _Encoder:
    """The records of a segment's lists (all but the singles), in key order, in one
    buffer: plain lists (every posting once in the body, or small counts in a short
    list) filled in by array operations, the others encoded one by one."""

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
        long_ = self.n >= LONG
        ones = self.all_ones & ~long_
        raw = ~ones & ~long_ & (self.n < _ZIP_MIN) & self.small
        size = np.where(ones, 1 + self.n * self.width, 2 + self.n * (self.width + 1))
        other = {int(i): self._one(int(i), tlen, blen, wide) for i in np.flatnonzero(~ones & ~raw)}
        for i, r in other.items():
            size[i] = len(r)
        self.offsets = np.r_[0, np.cumsum(size)].astype(np.uint64)
        out = np.zeros(int(self.offsets[-1]), np.uint8)
        self._fill(out, ones, 1)
        self._fill(out, raw, 2)
        for i, r in other.items():
            out[int(self.offsets[i]) : int(self.offsets[i + 1])] = np.frombuffer(r, np.uint8)
        return out

    def _fill(self, out, chosen, head: int) -> None:
        """Write the records chosen (ONES when head is 1, RAW when 2) into out."""
        np = self.np
        at, w, n = self.offsets[:-1][chosen].astype(np.int64), self.width[chosen], self.n[chosen]
        out[at] = w | (ONES if head == 1 else RAW)
        if head == 2:
            out[at + 1] = n  # under _ZIP_MIN: a varint of one byte
        first = self.starts[chosen]
        idx = np.repeat(first - np.cumsum(np.r_[0, n[:-1]]), n) + np.arange(int(n.sum()))
        j = idx - np.repeat(first, n)  # the posting's place in its list
        pw = np.repeat(w, n)
        base = np.repeat(at + head, n) + j * pw
        delta = self.delta[idx]
        for byte in range(4):
            m = pw > byte
            out[base[m] + byte] = (delta[m] >> (8 * byte)) & 0xFF
        if head == 2:
            codes = np.repeat(at + head, n) + np.repeat(n * w, n) + j
            out[codes] = self.tt[idx] << 6 | self.tb[idx]

    def _one(self, i: int, tlen, blen, wide: bool) -> bytes:
        s, k = int(self.starts[i]), int(self.n[i])
        p = Postings(*(array("I", a[s : s + k].tolist()) for a in (self.doc, self.tt, self.tb)))
        return encode(p, tlen, blen, wide)


def _write_table(path: Path, ndocs: int, wide: bool, body, keys, offsets, skeys, sdocs) -> None:
    """The file of ``write``, from numpy arrays."""

    def arr(code: str, a):
        out = array(code)
        out.frombytes(a.astype({"I": "<u4", "Q": "<u8"}[code]).tobytes())
        return out

    with open(path, "w+b") as f:
        f.write(bytes(_HEAD.size))
        f.write(body.tobytes())
        _finish(f, ndocs, wide, arr("I", keys), arr("Q", offsets), arr("I", skeys), arr("I", sdocs))


def write(path: Path, ndocs: int, items: Iterable[tuple[int, bytes | int]], wide: bool) -> None:
    """Write a table from (key, record) in key order, a record being bytes or the
    number of a single document holding the key once in its body (kept apart, as a
    key and a number: most keys are rare). items may be an iterator (a merge streams
    them). The records come first, then the keys and offsets of records, then the
    single documents' keys and numbers."""
    keys, offsets = array("I"), array("Q", [0])
    single_keys, single_docs = array("I"), array("I")
    with open(path, "w+b") as f:
        f.write(bytes(_HEAD.size))
        for k, r in items:
            if isinstance(r, int):
                single_keys.append(k)
                single_docs.append(r)
                continue
            f.write(r)
            keys.append(k)
            offsets.append(offsets[-1] + len(r))
        _finish(f, ndocs, wide, keys, offsets, single_keys, single_docs)


def _finish(f, ndocs: int, wide: bool, keys, offsets, single_keys, single_docs) -> None:
    """After the records: the keys and offsets of records (offsets in 4 bytes when they
    fit), the single documents' keys and numbers, then the header at the start."""
    if offsets[-1] < 1 << 32:
        offsets = array("I", offsets)
    for a in (keys, offsets, single_keys, single_docs):
        a.tofile(f)
    f.seek(0)
    f.write(
        _HEAD.pack(_MAGIC, ndocs, len(keys), 4 if wide else 2, offsets.itemsize, len(single_keys))
    )
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
    """A table read key by key from its file, in key order (a merge's input).

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

    def items(self, i: int):
        """(key, i, record bytes or a single document), in key order."""
        keys, offsets, f = self.keys, self.offsets, self.f
        singles = zip(self.single_keys, self.single_docs)
        sk, sd = next(singles, (None, None))
        for r, k in enumerate(keys):
            while sk is not None and sk < k:
                yield sk, i, sd
                sk, sd = next(singles, (None, None))
            yield k, i, f.read(offsets[r + 1] - offsets[r])
        while sk is not None:
            yield sk, i, sd
            sk, sd = next(singles, (None, None))

    def close(self) -> None:
        self.f.close()


def merge(path: Path, inputs: list[tuple[Path, object]], ndocs: int, lens) -> None:
    """The table of a merged segment: each key's lists from the inputs (in document
    order), renumbered, deleted documents left out. lens: the merged segment's
    (title, body) lengths, to order long lists by."""
    ins: list[_Input] = []
    try:
        for p, remap in inputs:
            ins.append(_Input(p, remap))
        wide = ndocs > 0x10000
        write(path, ndocs, _merged_items(ins, lens[0::2], lens[1::2], wide), wide)
    finally:
        for x in ins:
            x.close()


def _merged_items(ins: list[_Input], tlen, blen, wide: bool):
    import heapq

    key, parts = None, []
    for k, i, payload in heapq.merge(*(x.items(i) for i, x in enumerate(ins))):
        if k != key:
            if parts and (rec := _merged(parts, ins, tlen, blen, wide)) is not None:
                yield key, rec
            key, parts = k, []
        parts.append((i, payload))
    if parts and (rec := _merged(parts, ins, tlen, blen, wide)) is not None:
        yield key, rec


def _merged(parts, ins: list[_Input], tlen, blen, wide: bool) -> bytes | int | None:
    if len(parts) == 1 and isinstance(parts[0][1], int):  # a single stays single
        i, d = parts[0]
        remap = ins[i].remap
        d = d + remap if isinstance(remap, int) else remap[d]
        return d if d >= 0 else None
    docs, tt, tb = array("I"), array("I"), array("I")
    layered = False
    for i, payload in parts:
        x = ins[i]
        if isinstance(payload, int):
            p = single(payload)
        else:
            p = decode(payload, x.wide)
            layered = layered or payload[0] == LAYERED
        if isinstance(x.remap, int):
            docs.extend(map(int.__add__, p.docs, repeat(x.remap)) if x.remap else p.docs)
            tt.extend(p.tt)
            tb.extend(p.tb)
            continue
        for d, a, b in zip(map(x.remap.__getitem__, p.docs), p.tt, p.tb):
            if d >= 0:
                docs.append(d)
                tt.append(a)
                tb.append(b)
    if not docs:
        return None
    if len(docs) == 1 and tt[0] == 0 and tb[0] == 1:
        return docs[0]
    if layered and len(docs) < LONG:  # a long list shrunk by deletions: back in order
        order = sorted(range(len(docs)), key=docs.__getitem__)
        docs, tt, tb = (array("I", map(a.__getitem__, order)) for a in (docs, tt, tb))
    return encode(Postings(docs, tt, tb), tlen, blen, wide)
