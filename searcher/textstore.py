"""Text store: the folded text of every article, for exact substring matching.

Chinese users expect a query to find every article that contains what they
typed, word or not (``山市`` inside ``鞍山市``). Word postings cannot promise
that, so each index generation also keeps the folded text (the same folding
as the query) of every article in one UTF-8 file, searched with ``mmap.find``:
a byte match of a UTF-8 needle is always a character match, so the result is
exactly a plain substring search. Records are in Whoosh document order.

Files: ``text.bin`` holds, per document, its title, a 0x1E byte, its body and a
0x00 byte (those two bytes never occur in folded text or in a query);
``text.idx`` holds uint64 offsets: the start of each record and of its body,
and the end of the file.
"""

from __future__ import annotations

import math
import mmap
import os
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

from searcher import analysis

TEXT = "text.bin"
IDX = "text.idx"
_TITLE_END = b"\x1e"
_DOC_END = b"\x00"
_SCRUB = {0x00: " ", 0x1E: " "}


def write(folder: str | Path, docs: Iterable[tuple[str, str] | None]) -> int:
    """Write the store for docs [(title, body) or None for a deleted document]."""
    folder = Path(folder)
    offsets = array("Q")
    pos = 0
    with open(folder / TEXT, "wb") as f:
        for doc in docs:
            title, body = doc if doc is not None else ("", "")
            t = analysis.fold(title).translate(_SCRUB).encode("utf-8")
            b = analysis.fold(body).translate(_SCRUB).encode("utf-8")
            offsets.append(pos)
            offsets.append(pos + len(t) + 1)
            f.write(t + _TITLE_END + b + _DOC_END)
            pos += len(t) + len(b) + 2
        f.flush()
        os.fsync(f.fileno())
    offsets.append(pos)
    with open(folder / IDX, "wb") as f:
        offsets.tofile(f)
        f.flush()
        os.fsync(f.fileno())
    return (len(offsets) - 1) // 2


class TextStore:
    def __init__(self, folder: str | Path) -> None:
        folder = Path(folder)
        idx = array("Q")
        with open(folder / IDX, "rb") as f:
            idx.frombytes(f.read())
        if len(idx) % 2 != 1:
            raise ValueError(f"{IDX} has a bad length")
        self._starts = idx[0::2]  # record starts, plus the end of the file
        self._bodies = idx[1::2]
        self.doc_count = len(self._bodies)
        size = self._starts[-1] if self.doc_count else 0
        self._f = open(folder / TEXT, "rb")
        if os.fstat(self._f.fileno()).st_size != size:
            raise ValueError(
                f"{TEXT} is {os.fstat(self._f.fileno()).st_size} bytes, expected {size}"
            )
        self._mm = mmap.mmap(self._f.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        self._avg: dict[str, float] = {}

    def close(self) -> None:
        if isinstance(self._mm, mmap.mmap):
            self._mm.close()
        self._f.close()

    def _span(self, doc: int, field: str) -> tuple[int, int]:
        if field == "title":
            return self._starts[doc], self._bodies[doc] - 1
        return self._bodies[doc], self._starts[doc + 1] - 1

    def find(self, needle: str, field: str | None = None) -> set[int]:
        """Documents whose folded title or body (or the given field) contains needle."""
        nb = needle.encode("utf-8")
        out: set[int] = set()
        if not nb or not self.doc_count:
            return out
        mm, starts, bodies = self._mm, self._starts, self._bodies
        p = mm.find(nb)
        while p != -1:
            d = bisect_right(starts, p) - 1
            in_title = p < bodies[d]
            if field is None or (field == "title") == in_title:
                out.add(d)
                nxt = starts[d + 1]
            elif in_title:  # a body match is wanted: look on in this body
                nxt = bodies[d]
            else:
                nxt = starts[d + 1]
            p = mm.find(nb, nxt)
        return out

    def count(self, doc: int, field: str, needle: str) -> int:
        s, e = self._span(doc, field)
        return self._mm[s:e].count(needle.encode("utf-8"))

    def length(self, doc: int, field: str) -> int:
        s, e = self._span(doc, field)
        return e - s

    def avg_length(self, field: str) -> float:
        if field not in self._avg:
            total = sum(self.length(d, field) for d in range(self.doc_count))
            self._avg[field] = (total / self.doc_count) if self.doc_count else 1.0
        return self._avg[field] or 1.0

    def bm25(
        self,
        needle: str,
        docs: set[int],
        fields: dict[str, float],
        k1: float = 1.2,
        b: float = 0.75,
    ) -> dict[int, float]:
        """BM25F-style score of needle as one term, summed over weighted fields."""
        n = self.doc_count
        df = len(docs)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        out = dict.fromkeys(docs, 0.0)
        for field, weight in fields.items():
            avg = self.avg_length(field)
            for d in docs:
                tf = self.count(d, field, needle)
                if tf:
                    norm = k1 * (1 - b + b * self.length(d, field) / avg)
                    out[d] += weight * idf * tf * (k1 + 1) / (tf + norm)
        return out
