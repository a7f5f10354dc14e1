"""Text store: the folded text of every article, for exact substring matching.

Chinese users expect a query to find every article that contains what they
typed, word or not (``山市`` inside ``鞍山市``). Word postings cannot promise
that, so the index also keeps the folded text (the same folding as the query)
of every article, and a match is a byte search in it: a byte match of a UTF-8
needle is always a character match, so the result is exactly what a plain
substring search finds.

The store is kept per Whoosh segment (named by the segment's id) and in the
segment's document order, so segments are written, merged and dropped together
with Whoosh's. Files of segment S:

- ``seg-S.text``: per document its folded title, a 0x1E byte, its body and a
  0x00 byte (neither byte occurs in folded text or in a query);
- ``seg-S.tidx``: uint64 offsets: the start of each record and of its body, then
  the end of the file;
- ``seg-S.ids``: the article id of each document (JSON), for a stable order of
  equal scores; ``seg-S.wlen``: uint32 (title, body) word counts per document;
- ``seg-S.grams``: which documents hold each character bigram, hashed into
  buckets (a prime number of them, growing with the segment): per bucket the
  delta-coded document numbers. A needle of two or more characters is searched
  only in the documents that hold all its bigrams' buckets, so a query's cost
  follows its matches, not the archive's size; a hash collision only adds a
  candidate that the byte search then rejects.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate, chain, repeat
from operator import add, mod, mul, sub, xor
from pathlib import Path


class Mismatch(ValueError):
    """A side file that does not fit its segment: the index is damaged."""


TEXT_EXT, IDX_EXT, GRAMS_EXT, IDS_EXT = ".text", ".tidx", ".grams", ".ids"
WLEN_EXT, CHARS_EXT = ".wlen", ".chars"
_TITLE_END = b"\x1e"
_DOC_END = b"\x00"
_SCRUB = str.maketrans({0x00: " ", 0x1E: " "})
_GRAMS_MAGIC = b"SGR2"
_HEAD = struct.Struct("<4sIII")  # magic, buckets, documents, postings kind
_WIDE = 262139  # a prime: bigram keys are hashed below it, then into a segment's buckets
_BUCKETS = (1021, 4093, 16381, 65521, 131071, 262139)  # primes
_MUL = 40503


def file_names(segid: str) -> list[str]:
    exts = (TEXT_EXT, IDX_EXT, GRAMS_EXT, IDS_EXT, WLEN_EXT, CHARS_EXT)
    return [f"seg-{segid}{ext}" for ext in exts]


def scrub(folded: str) -> str:
    """Folded text as stored: the two separator bytes replaced by spaces."""
    return folded.translate(_SCRUB)


_MAX_BUCKETS = 16  # bigram buckets read to find a needle's candidate documents


def _wide_keys(text: str):
    """The hashed key of every character bigram of text (an iterator of ints)."""
    cps = array("I")
    cps.frombytes(text.encode("utf-32-le"))
    return map(mod, map(xor, map(mul, cps, repeat(_MUL)), cps[1:]), repeat(_WIDE))


class SegmentWriter:
    """Writes the store of one segment: ``add`` each document in order, then ``finish``."""

    def __init__(self, folder: str | Path, segid: str) -> None:
        self._paths = [Path(folder) / n for n in file_names(segid)]
        self._f = open(self._paths[0], "wb")
        self._offsets = array("Q")
        self._pos = 0
        self._lists: list[array | None] = [None] * _WIDE  # arrays: 4 bytes a posting
        self._pairs = 0
        self._ids: list[str] = []
        self._chars = array("I")
        self.count = 0

    def add(self, folded_title: str, folded_body: str, article_id: str, chars: int) -> None:
        """Add a document: its folded title and body, its id, and how many characters
        its title and body have as written."""
        t, b = scrub(folded_title), scrub(folded_body)
        tb, bb = t.encode("utf-8"), b.encode("utf-8")
        self._offsets.append(self._pos)
        self._offsets.append(self._pos + len(tb) + 1)
        self._f.write(tb + _TITLE_END + bb + _DOC_END)
        self._pos += len(tb) + len(bb) + 2
        keys = set(_wide_keys(t))
        keys.update(_wide_keys(b))
        d = self.count
        lists = self._lists
        for k in keys:
            docs = lists[k]
            if docs is None:
                lists[k] = array("I", (d,))
            else:
                docs.append(d)
        self._pairs += len(keys)
        self._ids.append(article_id)
        self._chars.append(chars)
        self.count += 1

    def finish(self) -> None:
        self._f.flush()
        os.fsync(self._f.fileno())
        self._f.close()
        self._offsets.append(self._pos)
        with open(self._paths[1], "wb") as f:
            self._offsets.tofile(f)
            f.flush()
            os.fsync(f.fileno())
        _write_grams(self._paths[2], self._lists, self._pairs, self.count)
        self._lists = []
        with open(self._paths[3], "w", encoding="utf-8") as f:
            json.dump(self._ids, f, ensure_ascii=False, separators=(",", ":"))
            f.flush()
            os.fsync(f.fileno())
        with open(self._paths[5], "wb") as f:
            self._chars.tofile(f)
            f.flush()
            os.fsync(f.fileno())

    def cancel(self) -> None:
        self._f.close()
        for p in (*self._paths[:4], self._paths[5]):
            with contextlib.suppress(OSError):
                p.unlink()


def write_word_counts(folder: str | Path, segid: str, counts: array) -> None:
    """The segment's (title, body) word counts per document, uint32 pairs (``seg-S.wlen``).

    Written by whoever segments the words; the rest of the store needs no jieba.
    """
    with open(Path(folder) / file_names(segid)[4], "wb") as f:
        counts.tofile(f)
        f.flush()
        os.fsync(f.fileno())


def _write_grams(path: Path, lists: list, pairs: int, ndocs: int) -> None:
    """Bucket -> documents table: a segment's buckets grow with its bigrams."""
    nb = next((p for p in _BUCKETS if p * 4 >= pairs), _BUCKETS[-1])
    if nb < _WIDE:
        folded: list = [None] * nb
        for k, docs in enumerate(lists):
            if docs is not None:
                b = k % nb
                folded[b] = docs if folded[b] is None else array("I", sorted({*folded[b], *docs}))
        lists = folded
    wide = ndocs >= 0x10000  # delta-coded uint16, or plain uint32 document numbers
    offsets = array("I", bytes(4 * (nb + 1)))
    chunks = []
    pos = 0
    for b, docs in enumerate(lists):
        offsets[b] = pos
        if docs is None:
            continue
        # delta-coded uint16, or plain uint32 document numbers in a huge segment
        data = docs.tobytes() if wide else array("H", map(sub, docs, chain((0,), docs))).tobytes()
        chunks.append(data)
        pos += len(data)
    offsets[nb] = pos
    with open(path, "wb") as f:
        f.write(_HEAD.pack(_GRAMS_MAGIC, nb, ndocs, int(wide)))
        offsets.tofile(f)
        f.write(b"".join(chunks))
        f.flush()
        os.fsync(f.fileno())


def copy_segment(
    src_folder: str | Path,
    segids: list[str],
    deleted: dict[str, Iterable[int]],
    dst_folder: str | Path,
    new_segid: str,
) -> int:
    """Write the store of a merged segment: the live documents of segids, in order."""
    w = SegmentWriter(dst_folder, new_segid)
    counts = array("I")
    try:
        for sid in segids:
            seg = _Segment(Path(src_folder), sid, 0, frozenset(deleted.get(sid, ())))
            try:
                ids = seg.ids()
                for d in range(seg.doc_count):
                    if d not in seg.deleted:
                        w.add(*seg.texts(d), ids[d], seg.chars(d))
                        counts.extend(seg.word_counts(d))
            finally:
                seg.close()
        w.finish()
        write_word_counts(dst_folder, new_segid, counts)
    except BaseException:
        w.cancel()
        raise
    return w.count


class _Segment:
    """The store of one segment, opened read-only."""

    def __init__(self, folder: Path, segid: str, offset: int, deleted: frozenset[int]) -> None:
        text, idx, grams, self._ids_path, wlen, chars = (folder / n for n in file_names(segid))
        self._ids: list[str] | None = None
        self.offset = offset
        self.deleted = deleted
        self._files: list = []
        self.mm = b""
        self._grams = None
        self._chars: array | None = None
        try:
            self._open(text, idx, grams, wlen)
            # Opened now, read on first use (trends): later updates may delete it.
            self._chars_file = open(chars, "rb")
            self._files.append(self._chars_file)
        except BaseException:
            self.close()
            raise

    def _open(self, text: Path, idx: Path, grams: Path, wlen: Path) -> None:
        self._wlen = array("I")
        with open(wlen, "rb") as f:
            self._wlen.frombytes(f.read())
        ix = array("Q")
        with open(idx, "rb") as f:
            ix.frombytes(f.read())
        if len(ix) % 2 != 1:
            raise ValueError(f"{idx.name} has a bad length")
        self.starts = ix[0::2]  # record starts, plus the end of the file
        self.bodies = ix[1::2]
        self.doc_count = len(self.bodies)
        if len(self._wlen) != 2 * self.doc_count:
            raise Mismatch(f"{wlen.name} does not match its segment")
        self.size = self.starts[-1]
        self.mm = self._map(text, self.size)
        self._grams = None
        self._grams_path = grams
        # Opened now, read on first use: the files may be deleted by a later update.
        self._grams_file = open(grams, "rb")
        self._files.append(self._grams_file)
        self._ids_file = open(self._ids_path, "rb")
        self._files.append(self._ids_file)

    def _map(self, path: Path, size: int | None = None, f=None):
        if f is None:
            f = open(path, "rb")
            self._files.append(f)
        actual = os.fstat(f.fileno()).st_size
        if size is not None and actual != size:
            raise ValueError(f"{path.name} is {actual} bytes, expected {size}")
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if actual else b""

    def close(self) -> None:
        if self._grams is not None:
            self._grams[2].release()  # views first: a viewed mmap cannot close
            self._views.release()
            self._grams[0].close()
            self._grams = None
        if isinstance(self.mm, mmap.mmap):
            self.mm.close()
        for f in self._files:
            f.close()

    def word_counts(self, d: int) -> tuple[int, int]:
        return self._wlen[2 * d], self._wlen[2 * d + 1]

    def chars(self, d: int) -> int:
        """Characters of the document's title and body as written."""
        if self._chars is None:
            self._chars_file.seek(0)
            values = array("I")
            values.frombytes(self._chars_file.read())
            if len(values) != self.doc_count:
                raise Mismatch(f"{Path(self._chars_file.name).name} does not match its segment")
            self._chars = values
        return self._chars[d]

    def word_total(self) -> int:
        """Words in the titles and bodies of the live documents."""
        return sum(self._wlen) - sum(sum(self.word_counts(d)) for d in self.deleted)

    def ids(self) -> list[str]:
        """The article id of each document, in order (read on first use)."""
        if self._ids is None:
            self._ids_file.seek(0)
            self._ids = json.loads(self._ids_file.read())
            if len(self._ids) != self.doc_count:
                raise Mismatch(f"{self._ids_path.name} does not match its segment")
        return self._ids

    def texts(self, d: int) -> tuple[str, str]:
        mm, s, b, e = self.mm, self.starts[d], self.bodies[d], self.starts[d + 1]
        return mm[s : b - 1].decode("utf-8"), mm[b : e - 1].decode("utf-8")

    def field(self, d: int, field: str) -> str:
        s, e = self.span(d, field)
        return self.mm[s:e].decode("utf-8")

    def span(self, d: int, field: str | None) -> tuple[int, int]:
        if field == "title":
            return self.starts[d], self.bodies[d] - 1
        if field == "body":
            return self.bodies[d], self.starts[d + 1] - 1
        return self.starts[d], self.starts[d + 1] - 1

    # -- bigram postings --------------------------------------------------

    def _open_grams(self):
        if self._grams is None:
            mm = self._map(self._grams_path, f=self._grams_file)
            magic, nb, ndocs, wide = _HEAD.unpack_from(mm, 0)
            if magic != _GRAMS_MAGIC or ndocs != self.doc_count:
                raise Mismatch(f"{self._grams_path.name} does not match its segment")
            p = _HEAD.size
            self._views = memoryview(mm)
            offsets = self._views[p : p + 4 * (nb + 1)].cast("I")
            self._grams = (mm, nb, offsets, p + 4 * (nb + 1), wide)
        return self._grams

    def _bucket_docs(self, bucket: int) -> array:
        mm, _, offsets, base, wide = self._grams
        data = mm[base + offsets[bucket] : base + offsets[bucket + 1]]
        if wide:
            out = array("I")
            out.frombytes(data)
            return out
        deltas = array("H")
        deltas.frombytes(data)
        return array("I", accumulate(deltas))

    def candidates(self, needle: str) -> set[int] | None:
        """Documents that may hold needle (all its bigram buckets); None: too short."""
        if len(needle) < 2:
            return None
        _, nb, offsets, _, _ = self._open_grams()
        buckets = {k % nb for k in _wide_keys(needle)}
        # The smallest buckets (by their size on disk) narrow the most; a long
        # needle's other buckets would cost more to read than they save.
        smallest = sorted(buckets, key=lambda b: offsets[b + 1] - offsets[b])[:_MAX_BUCKETS]
        lists = sorted((self._bucket_docs(b) for b in smallest), key=len)
        if not lists[0]:
            return set()
        out = set(lists[0])
        for other in lists[1:]:
            out.intersection_update(other)
            if not out:
                break
        return out

    # -- matching ---------------------------------------------------------

    def counts(self, nb: bytes, needle: str, field: str | None) -> dict[int, tuple[int, int]]:
        """Local document -> (occurrences in title, in body), for the live documents
        whose field (or title or body) holds the needle."""
        cands = self.candidates(needle)
        mm, starts, bodies, deleted = self.mm, self.starts, self.bodies, self.deleted
        if cands is not None and len(cands) * 4 < self.doc_count:
            docs = sorted(cands)
        else:  # most documents are candidates: one pass over the whole store
            docs = []
            p = mm.find(nb)
            while p != -1:
                d = bisect_right(starts, p) - 1
                docs.append(d)
                p = mm.find(nb, starts[d + 1])
        out: dict[int, tuple[int, int]] = {}
        for d in docs:
            if d in deleted:
                continue
            b = bodies[d]
            t = mm[starts[d] : b - 1].count(nb)
            n = mm[b : starts[d + 1] - 1].count(nb)
            if (t or n) if field is None else (t if field == "title" else n):
                out[d] = (t, n)
        return out

    def field_total(self, field: str) -> int:
        """Bytes of the field over live documents."""
        n = self.doc_count
        if field == "title":
            total = sum(self.bodies) - sum(self.starts[:n]) - n
        else:
            total = sum(self.starts[1:]) - sum(self.bodies) - n
        for d in self.deleted:
            s, e = self.span(d, field)
            total -= e - s
        return total


class TextStore:
    """The stores of an index's segments: global document numbers, live documents only.

    segments: (segment id, first global document number, deleted local numbers),
    in document-number order (see ``engine.Reader.segments``).
    """

    def __init__(self, folder: str | Path, segments: list[tuple[str, int, frozenset[int]]]):
        self._segs: list[_Segment] = []
        try:
            for segid, offset, deleted in segments:
                self._segs.append(_Segment(Path(folder), segid, offset, deleted))
        except BaseException:
            self.close()
            raise
        self._offsets = [s.offset for s in self._segs]
        self.doc_count = sum(s.doc_count - len(s.deleted) for s in self._segs)
        self._avg: dict[str, float] = {}
        self._counts: dict[tuple[str, str | None], dict[int, tuple[int, int]]] = {}
        self._all_ids: list[str] | None = None

    def close(self) -> None:
        for s in self._segs:
            s.close()

    def _locate(self, doc: int) -> tuple[_Segment, int]:
        seg = self._segs[bisect_right(self._offsets, doc) - 1]
        return seg, doc - seg.offset

    def counts(self, needle: str, field: str | None = None) -> dict[int, tuple[int, int]]:
        """Live document -> (occurrences in title, in body) where the folded title or
        body (or the given field) contains needle."""
        key = (needle, field)
        if key in self._counts:
            return self._counts[key]
        needle = scrub(needle)
        nb = needle.encode("utf-8")
        out: dict[int, tuple[int, int]] = {}
        if nb:
            for seg in self._segs:
                found = seg.counts(nb, needle, field)
                if seg.offset:
                    out.update(zip(map(add, found, repeat(seg.offset)), found.values()))
                else:
                    out.update(found)
        if len(self._counts) >= 8:  # within a query, matching and scoring share one pass
            self._counts.clear()
        self._counts[key] = out
        return out

    def find(self, needle: str, field: str | None = None) -> set[int]:
        """Live documents whose folded title or body (or the given field) contains needle."""
        return set(self.counts(needle, field))

    def text(self, doc: int, field: str) -> str:
        """The folded text of a document's field (as stored: see ``scrub``)."""
        seg, d = self._locate(doc)
        return seg.field(d, field)

    def word_total(self) -> int:
        """Words in all live titles and bodies (for word probabilities)."""
        return sum(s.word_total() for s in self._segs)

    def word_counts(self, doc: int) -> tuple[int, int]:
        seg, d = self._locate(doc)
        return seg.word_counts(d)

    def doc_id(self, doc: int) -> str:
        """The article id of a document (for a stable order among equal scores)."""
        if self._all_ids is None:
            self._all_ids = [i for seg in self._segs for i in seg.ids()]
        return self._all_ids[doc]

    def chars(self, doc: int) -> int:
        """Characters of the document's title and body as written."""
        seg, d = self._locate(doc)
        return seg.chars(d)

    def length(self, doc: int, field: str) -> int:
        seg, d = self._locate(doc)
        s, e = seg.span(d, field)
        return e - s

    def lengths(self, doc: int) -> tuple[int, int]:
        """(title, body) length in bytes of folded text."""
        seg, d = self._locate(doc)
        start, body, end = seg.starts[d], seg.bodies[d], seg.starts[d + 1]
        return body - 1 - start, end - 1 - body

    def avg_length(self, field: str) -> float:
        if field not in self._avg:
            total = sum(s.field_total(field) for s in self._segs)
            self._avg[field] = (total / self.doc_count) if self.doc_count else 1.0
        return self._avg[field] or 1.0
