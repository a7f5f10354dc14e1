"""Text store: the folded text of every article, its exact bigram table and its originals.

Chinese users expect a query to find every article that contains what they
typed, word or not (``山市`` inside ``鞍山市``). Word postings cannot promise
that, so the index also keeps the folded text (the same folding as the query)
of every article, and a match is a search in it: the result is exactly what a
plain substring search finds.

The store is kept per Whoosh segment (named by the segment's id) and in the
segment's document order, so segments are written, merged and dropped together
with Whoosh's. Files of segment S (every number little-endian):

- ``seg-S.text``: per document its folded title, U+001E, its body and U+0000,
  in UTF-16 (two bytes a character for Chinese, against three in UTF-8; a match
  is a byte match at an even offset, see ``Segment.has``);
- ``seg-S.tidx``: uint64 byte offsets into the text: the start of each record
  and of its body, then the end;
- ``seg-S.lens``: uint32 (title, body) lengths in bytes of UTF-8 folded text,
  what BM25 normalises by; ``seg-S.wlen``: uint32 (title, body) word counts;
  ``seg-S.chars``: uint32 characters of title and body as written;
- ``seg-S.ids`` and ``seg-S.dates``: the article ids (a sorted permutation
  beside them, for lookups by id) and dates (fixed width);
- ``seg-S.docs``: what is shown of an article besides the folded text, in zlib
  blocks: a patch from the folded title and body back to the text as written,
  and the source, author and origin (``docs.py``);
- ``seg-S.grams``: the exact bigram table (``grams.py``): for each pair of
  UTF-16 code units that stands in a title or body, the documents that hold it.

A needle of one bigram is answered by its list alone; a longer one is searched
only in the documents that hold all its bigrams. Files are opened when the
segment is and mapped on first use, so opening an index reads nothing of them.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import struct
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import repeat
from pathlib import Path

from searcher import analysis
from searcher.local import docs as docstore
from searcher.local import grams


class Mismatch(ValueError):
    """A side file that does not fit its segment: the index is damaged."""


EXTS = (".text", ".tidx", ".lens", ".wlen", ".chars", ".ids", ".dates", ".docs", ".grams")
TEXT_EXT, IDX_EXT, LENS_EXT, WLEN_EXT, CHARS_EXT, IDS_EXT, DATES_EXT, DOCS_EXT, GRAMS_EXT = EXTS
_TITLE_END = "\x1e".encode("utf-16-le")
_DOC_END = "\x00".encode("utf-16-le")
# A field's first and last offset in seg-S.tidx, from 2 * document (None: both fields)
_FIELD_BOUNDS = {"title": (0, 1), "body": (1, 2), None: (0, 2)}
_IDS = struct.Struct("<4sII")  # magic, documents, width of a date
_IDS_MAGIC, _DATES_MAGIC = b"SID4", b"SDT4"


def file_names(segid: str) -> list[str]:
    return [f"seg-{segid}{ext}" for ext in EXTS]


def encode(text: str) -> bytes:
    return text.encode("utf-16-le")


def patch(original: str, stored: str):
    """How to get original back from its stored (folded) text: None (the same), the
    original itself (folding changed its length), or [gaps, characters]."""
    if original == stored:
        return None
    if len(original) != len(stored):
        return original
    import numpy as np  # a build's: half the time of comparing character by character

    a, b = (
        np.frombuffer(s.encode("utf-32-le", "surrogatepass"), np.uint32) for s in (original, stored)
    )
    where = np.flatnonzero(a != b)
    return [np.diff(where, prepend=0).tolist(), "".join(map(original.__getitem__, where.tolist()))]


def unpatch(stored: str, p) -> str:
    if p is None:
        return stored
    if isinstance(p, str):
        return p
    chars = list(stored)
    i = 0
    for gap, c in zip(p[0], p[1]):
        i += gap
        chars[i] = c
    return "".join(chars)


def _write(path: Path, *parts) -> None:
    with open(path, "wb") as f:
        for part in parts:
            if isinstance(part, array):
                part.tofile(f)
            else:
                f.write(part)
        f.flush()
        os.fsync(f.fileno())


def write_ids(path: Path, ids: list[str]) -> None:
    """Ids in document order (offsets, UTF-8), and the documents sorted by id."""
    data = [i.encode("utf-8") for i in ids]
    offsets = array("I", [0])
    for b in data:
        offsets.append(offsets[-1] + len(b))
    order = array("I", sorted(range(len(data)), key=data.__getitem__))
    _write(path, _IDS.pack(_IDS_MAGIC, len(ids), 0), offsets, order, b"".join(data))


def write_dates(path: Path, dates: list[str]) -> None:
    data = [d.encode("utf-8") for d in dates]
    width = max(map(len, data), default=0)
    body = b"".join(d.ljust(width, b"\0") for d in data)
    _write(path, _IDS.pack(_DATES_MAGIC, len(dates), width), body)


def write_word_counts(folder: str | Path, segid: str, counts: array) -> None:
    """The segment's (title, body) word counts per document, uint32 pairs (``seg-S.wlen``).

    Written by whoever segments the words; the rest of the store needs no jieba.
    """
    _write(Path(folder) / f"seg-{segid}{WLEN_EXT}", counts)


class SegmentWriter:
    """Writes the store of one segment (all but ``.wlen``): ``add`` each document in
    order, then ``finish``."""

    def __init__(self, folder: str | Path, segid: str) -> None:
        self._paths = {ext: Path(folder) / f"seg-{segid}{ext}" for ext in EXTS}
        self._f = open(self._paths[TEXT_EXT], "wb")
        self._offsets = array("Q")
        self._lens = array("I")
        self._chars = array("I")
        self._pos = 0
        self._ids: list[str] = []
        self._dates: list[str] = []
        self._docs = docstore.Writer(self._paths[DOCS_EXT])
        self._text = bytearray()  # the segment's text again, for its bigram table
        self.count = 0

    def add(self, doc: dict) -> None:
        """Add an article (a dict with id, title, body and optional date, source,
        author, origin)."""
        self.add_all([doc])

    def add_all(self, docs: list[dict]) -> None:
        """Add articles in order (folded together: faster than one by one)."""
        texts = [t for doc in docs for t in (doc.get("title") or "", doc.get("body") or "")]
        stored = analysis.fold_each(texts, scrubbed=True)
        for doc, t, b in zip(docs, stored, stored):
            self._add(doc, t, b)

    def _add(self, doc: dict, t: str, b: str) -> None:
        """Add an article, its title and body stored as t and b (scrubbed folds)."""
        title, body = doc.get("title") or "", doc.get("body") or ""
        tb, bb = encode(t), encode(b)
        self._offsets.append(self._pos)
        self._offsets.append(self._pos + len(tb) + 2)
        record = tb + _TITLE_END + bb + _DOC_END
        self._f.write(record)
        self._text += record
        self._pos += len(tb) + len(bb) + 4
        self._lens.append(len(t.encode("utf-8")))
        self._lens.append(len(b.encode("utf-8")))
        self._chars.append(len(title) + len(body))
        self._ids.append(doc["id"])
        self._dates.append(doc.get("date") or "")
        self._docs.add(
            [
                patch(title, t),
                patch(body, b),
                doc.get("source") or "",
                doc.get("author") or "",
                doc.get("origin") or "",
            ]
        )
        self.count += 1

    def finish(self) -> None:
        self._f.flush()
        os.fsync(self._f.fileno())
        self._f.close()
        self._offsets.append(self._pos)
        _write(self._paths[IDX_EXT], self._offsets)
        _write(self._paths[LENS_EXT], self._lens)
        _write(self._paths[CHARS_EXT], self._chars)
        write_ids(self._paths[IDS_EXT], self._ids)
        write_dates(self._paths[DATES_EXT], self._dates)
        self._docs.finish()
        bounds = array("Q", (o // 2 for o in self._offsets))
        grams.build(self._paths[GRAMS_EXT], self._text, bounds, self.count, self._lens)

    def cancel(self) -> None:
        self._f.close()
        self._docs.cancel()
        for ext, p in self._paths.items():
            if ext != WLEN_EXT:
                with contextlib.suppress(OSError):
                    p.unlink()


class _Lazy:
    """A file opened now and mapped on first use: later updates may delete it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = open(path, "rb")
        self.size = os.fstat(self.file.fileno()).st_size
        self._mm: mmap.mmap | bytes | None = None

    @property
    def mm(self):
        if self._mm is None:
            if self.size:
                self._mm = mmap.mmap(self.file.fileno(), 0, access=mmap.ACCESS_READ)
            else:
                self._mm = b""
        return self._mm

    def view(self, start: int, end: int, fmt: str) -> memoryview:
        return memoryview(self.mm)[start:end].cast(fmt)

    def close(self) -> None:
        if isinstance(self._mm, mmap.mmap):
            with contextlib.suppress(BufferError):  # a view still held: closed with the file
                self._mm.close()
        self.file.close()


class Segment:
    """The store of one segment, opened read-only (files mapped when first read).

    offset: its first global document number; deleted: its deleted local numbers.
    """

    def __init__(self, folder: Path, segid: str, offset: int, deleted: frozenset[int]) -> None:
        self.segid = segid
        self.offset = offset
        self.deleted = deleted
        self._files: dict[str, _Lazy] = {}
        self._cache: dict[str, object] = {}
        try:
            for ext in EXTS:
                self._files[ext] = _Lazy(folder / f"seg-{segid}{ext}")
            self._check()
        except BaseException:
            self.close()
            raise

    def _check(self) -> None:
        """Sizes that must agree with the document count (a stat each, no reading)."""
        idx = self._files[IDX_EXT].size
        if idx % 16 != 8:
            raise Mismatch(f"seg-{self.segid}{IDX_EXT} has a bad length")
        n = self.doc_count = idx // 16
        if self._files[TEXT_EXT].size != self._files[IDX_EXT].view(8 * 2 * n, idx, "Q")[0]:
            raise Mismatch(f"seg-{self.segid}{TEXT_EXT} does not match its segment")
        for ext, size in ((LENS_EXT, 8 * n), (WLEN_EXT, 8 * n), (CHARS_EXT, 4 * n)):
            if self._files[ext].size != size:
                raise Mismatch(f"seg-{self.segid}{ext} does not match its segment")

    def close(self) -> None:
        self._cache.clear()
        for f in self._files.values():
            f.close()

    def _array(self, ext: str, fmt: str) -> memoryview:
        key = ext + fmt
        if key not in self._cache:
            f = self._files[ext]
            self._cache[key] = f.view(0, f.size, fmt)
        return self._cache[key]  # type: ignore[return-value]

    @property
    def mm(self):
        return self._files[TEXT_EXT].mm

    @property
    def idx(self) -> memoryview:
        return self._array(IDX_EXT, "Q")

    @property
    def lens(self) -> memoryview:
        return self._array(LENS_EXT, "I")

    def word_counts(self, d: int) -> tuple[int, int]:
        w = self._array(WLEN_EXT, "I")
        return w[2 * d], w[2 * d + 1]

    def chars(self, d: int) -> int:
        return self._array(CHARS_EXT, "I")[d]

    @property
    def grams(self) -> grams.Table:
        if "grams" not in self._cache:
            f = self._files[GRAMS_EXT]
            self._cache["grams"] = grams.Table(f.mm, self.doc_count, f.path.name)
        return self._cache["grams"]  # type: ignore[return-value]

    @property
    def docs(self) -> docstore.Reader:
        if "docs" not in self._cache:
            f = self._files[DOCS_EXT]
            self._cache["docs"] = docstore.Reader(f.mm, self.doc_count, f.path.name)
        return self._cache["docs"]  # type: ignore[return-value]

    # -- ids and dates ---------------------------------------------------------

    def _ids(self) -> tuple[memoryview, memoryview, int]:
        if "ids" not in self._cache:
            f = self._files[IDS_EXT]
            magic, n, _ = _IDS.unpack_from(f.mm, 0) if f.size >= _IDS.size else (b"", 0, 0)
            if magic != _IDS_MAGIC or n != self.doc_count:
                raise Mismatch(f"{f.path.name} does not match its segment")
            p = _IDS.size
            offsets = f.view(p, p + 4 * (n + 1), "I")
            order = f.view(p + 4 * (n + 1), p + 4 * (2 * n + 1), "I")
            self._cache["ids"] = (offsets, order, p + 4 * (2 * n + 1))
        return self._cache["ids"]  # type: ignore[return-value]

    def doc_id(self, d: int) -> str:
        offsets, _, base = self._ids()
        mm = self._files[IDS_EXT].mm
        return mm[base + offsets[d] : base + offsets[d + 1]].decode("utf-8")

    def ids(self) -> list[str]:
        offsets, _, base = self._ids()
        data = self._files[IDS_EXT].mm[base:].decode("utf-8")
        if data.isascii():
            return [data[offsets[d] : offsets[d + 1]] for d in range(self.doc_count)]
        return [self.doc_id(d) for d in range(self.doc_count)]

    def find_id(self, article_id: str) -> int | None:
        """The local document with this id (deleted or not), by binary search."""
        offsets, order, base = self._ids()
        mm = self._files[IDS_EXT].mm
        want = article_id.encode("utf-8")
        lo, hi = 0, self.doc_count
        while lo < hi:
            mid = (lo + hi) // 2
            d = order[mid]
            if mm[base + offsets[d] : base + offsets[d + 1]] < want:
                lo = mid + 1
            else:
                hi = mid
        if lo < self.doc_count:
            d = order[lo]
            if mm[base + offsets[d] : base + offsets[d + 1]] == want:
                return d
        return None

    def dates(self) -> list[str]:
        if "dates" not in self._cache:
            f = self._files[DATES_EXT]
            magic, n, width = _IDS.unpack_from(f.mm, 0) if f.size >= _IDS.size else (b"", 0, 0)
            if magic != _DATES_MAGIC or n != self.doc_count or f.size != _IDS.size + n * width:
                raise Mismatch(f"{f.path.name} does not match its segment")
            data = f.mm[_IDS.size :]
            if not width:
                out = [""] * n
            elif data.isascii():
                text = data.decode("ascii")
                out = [text[i : i + width].rstrip("\0") for i in range(0, n * width, width)]
            else:
                out = [
                    data[i : i + width].rstrip(b"\0").decode() for i in range(0, n * width, width)
                ]
            self._cache["dates"] = out
        return self._cache["dates"]  # type: ignore[return-value]

    # -- text --------------------------------------------------------------------

    def span(self, d: int, field: str | None) -> tuple[int, int]:
        """Byte range of a document's field (None: title and body with the separator)."""
        idx = self.idx
        if field == "title":
            return idx[2 * d], idx[2 * d + 1] - 2
        if field == "body":
            return idx[2 * d + 1], idx[2 * d + 2] - 2
        return idx[2 * d], idx[2 * d + 2] - 2

    def field(self, d: int, field: str) -> str:
        s, e = self.span(d, field)
        return self.mm[s:e].decode("utf-16-le")

    def texts(self, d: int) -> tuple[str, str]:
        return self.field(d, "title"), self.field(d, "body")

    def count_each(self, nb: bytes, docs: Iterable[int]) -> list[tuple[int, int]]:
        """Occurrences of the UTF-16 needle in the folded title and body of each of docs,
        as str.count counts them (non-overlapping, from the left), read in place: no
        text is decoded."""
        find, idx, step, out = self.mm.find, self.idx, len(nb), []
        for d in docs:
            counted = []
            for s, e in ((idx[2 * d], idx[2 * d + 1] - 2), (idx[2 * d + 1], idx[2 * d + 2] - 2)):
                n, p = 0, find(nb, s, e)
                while p != -1:
                    if (p - s) & 1:  # straddles two characters: not an occurrence
                        p = find(nb, p + 1, e)
                    else:
                        n += 1
                        p = find(nb, p + step, e)
                counted.append(n)
            out.append((counted[0], counted[1]))
        return out

    def stored(self, d: int) -> dict[str, str]:
        """The article as written: id, title, body, date, source, author, origin."""
        tpatch, bpatch, source, author, origin = self.docs.record(d)
        t, b = self.texts(d)
        return {
            "id": self.doc_id(d),
            "title": unpatch(t, tpatch),
            "body": unpatch(b, bpatch),
            "date": self.dates()[d],
            "source": source,
            "author": author,
            "origin": origin,
        }

    # -- matching ----------------------------------------------------------------

    def scan(self, nb: bytes, field: str | None) -> list[int]:
        """Local documents whose field holds the needle, by one pass over the text."""
        mm, idx = self.mm, self.idx
        out: list[int] = []
        p = mm.find(nb)
        d = 0
        while p != -1:
            if p & 1:
                p = mm.find(nb, p + 1)
                continue
            while idx[2 * d + 2] <= p:
                d += 1
            out.append(d)
            p = mm.find(nb, idx[2 * d + 2])
        return out if field is None else self.verify(out, nb, field)

    def verify(self, docs: Iterable[int], nb: bytes, field: str | None) -> list[int]:
        """Those of docs whose field (or title or body) holds the needle at a character
        boundary (a match at an odd byte straddles two characters)."""
        find, idx, out = self.mm.find, self.idx, []
        start, end = _FIELD_BOUNDS[field]
        for d in docs:
            s, e = idx[2 * d + start], idx[2 * d + end] - 2
            p = find(nb, s, e)
            while p != -1 and (p - s) & 1:  # straddles two characters
                p = find(nb, p + 1, e)
            if p != -1:
                out.append(d)
        return out

    def local_matches(self, needle: str, field: str | None) -> Iterable[int]:
        """Local documents (deleted ones too) whose field holds needle."""
        nb = encode(needle)
        keys = grams.keys_of(nb)
        if not keys:
            return self.scan(nb, field)
        table = self.grams
        if len(nb) == 4 and field is None:  # one bigram: its list is the answer
            return table.docs(keys[0])
        cands = table.candidates(keys)
        return self.verify(sorted(cands), nb, field)

    def field_total(self, field: str) -> int:
        """Bytes of UTF-8 folded text of a field over the live documents."""
        lens = self.lens
        i = 0 if field == "title" else 1
        total = sum(lens[i::2])
        return total - sum(lens[2 * d + i] for d in self.deleted)

    def word_total(self) -> int:
        w = self._array(WLEN_EXT, "I")
        return sum(w) - sum(w[2 * d] + w[2 * d + 1] for d in self.deleted)


class TextStore:
    """The stores of an index's segments: global document numbers, live documents only.

    segments: (segment id, first global document number, deleted local numbers),
    in document-number order. totals: the generation's live totals, when known
    (``docs``, ``title``, ``body``: bytes of folded text), so that nothing is summed
    at open.
    """

    def __init__(
        self,
        folder: str | Path,
        segments: list[tuple[str, int, frozenset[int]]],
        totals: dict | None = None,
    ):
        self.segs: list[Segment] = []
        try:
            for segid, offset, deleted in segments:
                self.segs.append(Segment(Path(folder), segid, offset, deleted))
        except BaseException:
            self.close()
            raise
        self._offsets = [s.offset for s in self.segs]
        self.doc_count = sum(s.doc_count - len(s.deleted) for s in self.segs)
        self._totals = dict(totals or {})
        self._dates: list[str] | None = None

    def close(self) -> None:
        for s in self.segs:
            s.close()

    def locate(self, doc: int) -> tuple[Segment, int]:
        seg = self.segs[bisect_right(self._offsets, doc) - 1]
        return seg, doc - seg.offset

    def by_segment(self, docs: Iterable[int]) -> Iterator[tuple[Segment, list[int]]]:
        """docs grouped by segment, in order: (segment, its documents' local numbers);
        a query's many documents located at once, not one search each."""
        order = sorted(docs)
        i = 0
        for seg, end in zip(self.segs, [*self._offsets[1:], None]):
            j = len(order) if end is None else bisect_left(order, end, i)
            if j > i:
                off = seg.offset
                yield seg, [d - off for d in order[i:j]] if off else order[i:j]
            i = j

    def find(self, needle: str, field: str | None = None) -> set[int]:
        """Live documents whose folded title or body (or the given field) contains needle."""
        needle = analysis.scrub(needle)
        out: set[int] = set()
        if not needle:
            return out
        for seg in self.segs:
            found = seg.local_matches(needle, field)
            if seg.offset:
                found = map(int.__add__, found, repeat(seg.offset))
            before = len(out)
            out.update(found)
            if seg.deleted and len(out) > before:
                out.difference_update(d + seg.offset for d in seg.deleted)
        return out

    def counts(self, needle: str, docs: Iterable[int]) -> dict[int, tuple[int, int]]:
        """(occurrences in title, in body) of needle in each of docs (which hold it):
        from the bigram lists for a needle of one bigram, else from the text."""
        needle = analysis.scrub(needle)
        nb = encode(needle)
        docs = docs if isinstance(docs, (set, frozenset)) else set(docs)
        if len(nb) == 4 and len(docs) > 64:
            key = grams.keys_of(nb)[0]
            out = {}
            for seg in self.segs:
                p = seg.grams.postings(key)
                if p is not None:
                    for d, t, b in zip(map(int.__add__, p.docs, repeat(seg.offset)), p.tt, p.tb):
                        if d in docs:
                            out[d] = (t, b)
            return out
        out = {}
        for seg, local in self.by_segment(docs):
            off = seg.offset
            out.update(zip([d + off for d in local], seg.count_each(nb, local)))
        return out

    def text(self, doc: int, field: str) -> str:
        """The folded text of a document's field (as stored: see ``analysis.scrub``)."""
        seg, d = self.locate(doc)
        return seg.field(d, field)

    def stored(self, doc: int) -> dict[str, str]:
        seg, d = self.locate(doc)
        return seg.stored(d)

    def word_counts(self, doc: int) -> tuple[int, int]:
        seg, d = self.locate(doc)
        return seg.word_counts(d)

    def doc_id(self, doc: int) -> str:
        """The article id of a document (for a stable order among equal scores)."""
        seg, d = self.locate(doc)
        return seg.doc_id(d)

    def docnum(self, article_id: str) -> int | None:
        """The live document with this id."""
        for seg in self.segs:
            d = seg.find_id(article_id)
            if d is not None and d not in seg.deleted:
                return seg.offset + d
        return None

    def dates(self) -> list[str]:
        """The date of every document ('' for none), deleted ones included; joined once."""
        if self._dates is None:
            self._dates = [date for seg in self.segs for date in seg.dates()]
        return self._dates

    def chars(self, doc: int) -> int:
        """Characters of the document's title and body as written."""
        seg, d = self.locate(doc)
        return seg.chars(d)

    def lengths(self, doc: int) -> tuple[int, int]:
        """(title, body) length in bytes of UTF-8 folded text."""
        seg, d = self.locate(doc)
        lens = seg.lens
        return lens[2 * d], lens[2 * d + 1]

    def lengths_of(self, docs: Iterable[int]) -> dict[int, tuple[int, int]]:
        """``lengths`` of each of docs."""
        out = {}
        for seg, local in self.by_segment(docs):
            off, lens = seg.offset, seg.lens
            for d in local:
                out[d + off] = (lens[2 * d], lens[2 * d + 1])
        return out

    def avg_length(self, field: str) -> float:
        if field not in self._totals:
            self._totals[field] = sum(s.field_total(field) for s in self.segs)
        total = self._totals[field]
        return ((total / self.doc_count) if self.doc_count else 1.0) or 1.0

    def word_total(self) -> int:
        """Words in all live titles and bodies (for word probabilities)."""
        if "words" not in self._totals:
            self._totals["words"] = sum(s.word_total() for s in self.segs)
        return self._totals["words"]


# -- merging -------------------------------------------------------------------


def _live_runs(n: int, deleted: frozenset[int]) -> list[tuple[int, int]]:
    """[start, end) runs of live local documents."""
    runs, start = [], 0
    for d in sorted(deleted):
        if d > start:
            runs.append((start, d))
        start = d + 1
    if start < n:
        runs.append((start, n))
    return runs


def _copy(src, dst, offset: int, count: int) -> None:
    while count:
        n = os.copy_file_range(src.fileno(), dst.fileno(), count, offset)
        if not n:
            raise OSError("unexpected end of file while copying a text store")
        offset += n
        count -= n


def merge(
    folder: str | Path, inputs: list[tuple[str, frozenset[int]]], segid: str
) -> tuple[int, list]:
    """Write the store of a merged segment: the live documents of the inputs, in order.

    Text, lengths, counts, ids, dates and records are copied; the bigram lists are
    merged a range of keys at a time (``grams.merge``). Returns the number of
    documents and each input's remap (see ``grams._Input``).
    """
    folder = Path(folder)
    out = {ext: folder / f"seg-{segid}{ext}" for ext in EXTS}
    segs = [Segment(folder, sid, 0, deleted) for sid, deleted in inputs]
    try:
        cols, remaps = _merge_columns(segs, out)
        docstore.merge(out[DOCS_EXT], [(s.docs, s.deleted) for s in segs])
        grams.merge(
            out[GRAMS_EXT],
            [(s._files[GRAMS_EXT].path, r) for s, r in zip(segs, remaps)],
            len(cols["chars"]),
            cols["lens"],
        )
    except BaseException:
        for p in out.values():
            with contextlib.suppress(OSError):
                p.unlink()
        raise
    finally:
        for s in segs:
            s.close()
    return len(cols["chars"]), remaps


def _merge_columns(segs: list[Segment], out: dict[str, Path]) -> tuple[dict, list]:
    """Text and the per-document columns of the merged segment; each input's remap."""
    cols = {"idx": array("Q"), "lens": array("I"), "wlen": array("I"), "chars": array("I")}
    ids: list[str] = []
    dates: list[str] = []
    remaps: list = []
    pos = 0
    with open(out[TEXT_EXT], "wb") as text:
        for s in segs:
            base = len(cols["chars"])
            remaps.append(base if not s.deleted else _remap(s.doc_count, s.deleted, base))
            idx, lens = s.idx, s.lens
            wlen, chars = s._array(WLEN_EXT, "I"), s._array(CHARS_EXT, "I")
            all_ids, all_dates = s.ids(), s.dates()
            src = s._files[TEXT_EXT].file
            for a, b in _live_runs(s.doc_count, s.deleted):
                shift = pos - idx[2 * a]
                cols["idx"].extend(map(int.__add__, idx[2 * a : 2 * b], repeat(shift)))
                _copy(src, text, idx[2 * a], idx[2 * b] - idx[2 * a])
                pos += idx[2 * b] - idx[2 * a]
                cols["lens"].extend(lens[2 * a : 2 * b])
                cols["wlen"].extend(wlen[2 * a : 2 * b])
                cols["chars"].extend(chars[a:b])
                ids += all_ids[a:b]
                dates += all_dates[a:b]
        text.flush()
        os.fsync(text.fileno())
    cols["idx"].append(pos)
    for ext, name in (
        (IDX_EXT, "idx"),
        (LENS_EXT, "lens"),
        (WLEN_EXT, "wlen"),
        (CHARS_EXT, "chars"),
    ):
        _write(out[ext], cols[name])
    write_ids(out[IDS_EXT], ids)
    write_dates(out[DATES_EXT], dates)
    return cols, remaps


def _remap(n: int, deleted: frozenset[int], base: int) -> array:
    out = array("i", [-1]) * n
    k = base
    for d in range(n):
        if d not in deleted:
            out[d] = k
            k += 1
    return out
