"""What a segment keeps of each article besides its folded text: ``seg-S.docs``.

A record per document, ``[title patch, body patch, source, author, origin]``:
the patches turn the stored folded title and body back into the text as
written (``textstore.patch``: the few characters folding changed, mostly
full-width punctuation), so the text is stored once. Records go in JSON
blocks of up to ``BLOCK`` documents (an array, a record per line), each compressed
with zlib; reading a hit decompresses one block and parses its own line. The file
(little-endian): ``SDC4``, documents, blocks; each block's first document (uint32)
and the blocks' offsets (uint64, blocks + 1); the blocks.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import zlib
from array import array
from bisect import bisect_right
from pathlib import Path

BLOCK = 8  # a hit decompresses one block: small, as patches compress well anyway
_HEAD = struct.Struct("<4sII")
_MAGIC = b"SDC4"


class Damaged(ValueError):
    pass


def _pack(records: list) -> bytes:
    """A block: a JSON array with one record per line (JSON escapes every newline inside a
    string), so that a hit parses its own record only."""
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() for r in records)
    return zlib.compress(b"[" + b",\n".join(lines) + b"]")


class Writer:
    """Collects records (compressed a block at a time) and writes the file at ``finish``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pending: list = []
        self._starts = array("I")
        self._blocks: list[bytes] = []
        self.count = 0

    def add(self, record: list) -> None:
        self._pending.append(record)
        if len(self._pending) >= BLOCK:
            self._flush()

    def add_block(self, data: bytes, n: int) -> None:
        """A compressed block of n records, copied as it is (from a merged segment)."""
        self._flush()
        self._starts.append(self.count)
        self._blocks.append(data)
        self.count += n

    def _flush(self) -> None:
        if self._pending:
            self._starts.append(self.count)
            self._blocks.append(_pack(self._pending))
            self.count += len(self._pending)
            self._pending = []

    def finish(self) -> None:
        self._flush()
        offsets = array("Q", [0])
        for b in self._blocks:
            offsets.append(offsets[-1] + len(b))
        with open(self.path, "wb") as f:
            f.write(_HEAD.pack(_MAGIC, self.count, len(self._blocks)))
            self._starts.tofile(f)
            offsets.tofile(f)
            for b in self._blocks:
                f.write(b)
            f.flush()
            os.fsync(f.fileno())
        self._blocks = []

    def cancel(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


class Reader:
    def __init__(self, mm, ndocs: int, name: str) -> None:
        self.name = name
        if len(mm) < _HEAD.size:
            raise Damaged(f"{name} does not match its segment")
        magic, n, nb = _HEAD.unpack_from(mm, 0)
        base = _HEAD.size + 4 * nb + 8 * (nb + 1)
        if magic != _MAGIC or n != ndocs or len(mm) < base:
            raise Damaged(f"{name} does not match its segment")
        view = memoryview(mm)
        self.starts = view[_HEAD.size : _HEAD.size + 4 * nb].cast("I")
        self.offsets = view[_HEAD.size + 4 * nb : base].cast("Q")
        if self.offsets[-1] != len(mm) - base:
            raise Damaged(f"{name} does not match its segment")
        self.mm, self.base, self.count = mm, base, n
        self._block: tuple[int, list] = (-1, [])
        self._lines: tuple[int, bytes, list[bytes]] = (-1, b"", [])

    def block(self, b: int) -> bytes:
        return self.mm[self.base + self.offsets[b] : self.base + self.offsets[b + 1]]

    def _data(self, b: int) -> bytes:
        try:
            return zlib.decompress(self.block(b))
        except zlib.error as e:
            raise Damaged(f"{self.name}: a bad block ({e})") from e

    def records(self, b: int) -> list:
        if self._block[0] != b:
            try:
                records = json.loads(self._data(b))
            except ValueError as e:
                raise Damaged(f"{self.name}: a bad block ({e})") from e
            self._block = (b, records)
        return self._block[1]

    def record(self, d: int) -> list:
        """One document's record, parsing its line of the block only."""
        b = bisect_right(self.starts, d) - 1
        if self._lines[0] != b:
            data = self._data(b)
            self._lines = (b, data, data[1:-1].split(b",\n"))
        _, data, lines = self._lines
        i = d - self.starts[b]
        try:
            if len(lines) == self.block_of(b)[1]:
                return json.loads(lines[i])
            return json.loads(data)[i]  # a block of another layout: parsed whole
        except ValueError as e:
            raise Damaged(f"{self.name}: a bad block ({e})") from e

    def block_of(self, b: int) -> tuple[int, int]:
        """The first document of block b and how many it holds."""
        end = self.starts[b + 1] if b + 1 < len(self.starts) else self.count
        return self.starts[b], end - self.starts[b]


def merge(path: Path, inputs: list[tuple[Reader, frozenset[int]]]) -> int:
    """The records of a merged segment: the live documents of the inputs, in order.
    Blocks without a deleted document are copied as they are."""
    w = Writer(path)
    try:
        for reader, deleted in inputs:
            for b in range(len(reader.starts)):
                first, n = reader.block_of(b)
                if not deleted or not any(d in deleted for d in range(first, first + n)):
                    w.add_block(reader.block(b), n)
                    continue
                for i, record in enumerate(reader.records(b)):
                    if first + i not in deleted:
                        w.add(record)
        w.finish()
    except BaseException:
        w.cancel()
        raise
    return w.count
