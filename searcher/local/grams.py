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
from collections import defaultdict, deque
from collections.abc import Iterable
from functools import partial
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


class Builder:
    """Collects a segment's postings as its documents are added, then writes the table.

    A posting is one uint64, ``doc << 32 | title count << 16 | body count``, appended
    to its key's array by C-level iteration (no Python step per posting); a count of
    0xFFFF or more is kept exactly beside (``_big``).
    """

    def __init__(self) -> None:
        self._lists: defaultdict[int, array] = defaultdict(partial(array, "Q"))
        self._big: dict[tuple[int, int], list[int]] = {}

    def add(self, d: int, title: dict[int, int], body: dict[int, int]) -> None:
        lists, base = self._lists, d << 32
        if (body and max(body.values()) >= 0xFFFF) or (title and max(title.values()) >= 0xFFFF):
            self._add_big(d, title, body)
            return
        deque(
            map(array.append, map(lists.__getitem__, body), map(or_, repeat(base), body.values())),
            0,
        )
        for k, n in title.items():
            if k in body:
                lists[k][-1] |= n << 16
            else:
                lists[k].append(base | n << 16)

    def _add_big(self, d: int, title: dict[int, int], body: dict[int, int]) -> None:
        for k in title.keys() | body.keys():
            tt, tb = title.get(k, 0), body.get(k, 0)
            if tt >= 0xFFFF or tb >= 0xFFFF:
                self._big[(k, d)] = [tt, tb]
            self._lists[k].append(d << 32 | min(tt, 0xFFFF) << 16 | min(tb, 0xFFFF))

    def _postings(self, k: int, packed: array) -> Postings:
        docs = array("I", map(rshift, packed, repeat(32)))
        tt = array("I", map(and_, map(rshift, packed, repeat(16)), repeat(0xFFFF)))
        tb = array("I", map(and_, packed, repeat(0xFFFF)))
        if self._big:
            for i, d in enumerate(docs):
                exact = self._big.get((k, d))
                if exact:
                    tt[i], tb[i] = exact
        return Postings(docs, tt, tb)

    def write(self, path: Path, ndocs: int, lens) -> None:
        wide = ndocs > 0x10000
        tlen, blen = lens[0::2], lens[1::2]

        def items():
            for k in sorted(self._lists):
                packed = self._lists.pop(k)
                if len(packed) == 1 and (packed[0] & 0xFFFFFFFF) == 1:
                    yield k, packed[0] >> 32  # one document, once in its body
                    continue
                rec = _small_ones(packed) if len(packed) < 32 else None
                yield k, rec or encode(self._postings(k, packed), tlen, blen, wide)

        write(path, ndocs, items(), wide)


def _small_ones(packed: array) -> bytes | None:
    """The record of a few packed postings that each stand once in a body (the usual
    case); None otherwise. A plain loop: faster than array operations on a few."""
    prev, deltas = 0, []
    for v in packed:
        if v & 0xFFFFFFFF != 1:
            return None
        d = v >> 32
        deltas.append(d - prev)
        prev = d
    top = max(deltas)
    if top < 0x100:
        return bytes((1 | ONES, *deltas))
    if top < 0x10000:
        return bytes((2 | ONES,)) + array("H", deltas).tobytes()
    return bytes((4 | ONES,)) + array("I", deltas).tobytes()


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
        if offsets[-1] < 1 << 32:
            offsets = array("I", offsets)
        for a in (keys, offsets, single_keys, single_docs):
            a.tofile(f)
        f.seek(0)
        f.write(
            _HEAD.pack(
                _MAGIC, ndocs, len(keys), 4 if wide else 2, offsets.itemsize, len(single_keys)
            )
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
