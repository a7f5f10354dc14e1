"""Decoding a source file's bytes: gzip, UTF-8, UTF-16 with a BOM, GB18030."""

from __future__ import annotations

import zlib
from pathlib import Path

from searcher.errors import CorpusError

_TRUNCATED = "gzip file is truncated or damaged; articles before the damage were read"


def gunzip(data: bytes) -> tuple[bytes, str]:
    """Decompress what can be; a damaged tail costs only the articles in it."""
    out: list[bytes] = []
    rest = data
    try:
        while rest:
            d = zlib.decompressobj(wbits=31)
            # Small input steps keep everything inflated before a corrupt spot.
            for i in range(0, len(rest), 1 << 16):
                out.append(d.decompress(rest[i : i + (1 << 16)]))
                if d.eof:
                    break
            if not d.eof:
                raise EOFError
            rest = d.unused_data  # concatenated gzip members are legal
    except (zlib.error, EOFError):
        got = b"".join(out)
        if not got:
            return b"", "not a readable gzip file (damaged or not gzip)"
        # The last line was cut by the damage: drop it rather than report it as bad JSON.
        return got[: got.rfind(b"\n") + 1], _TRUNCATED
    return b"".join(out), ""


def decode(data: bytes, path: str | Path) -> str:
    """The text of a source file: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030.

    A multibyte character cut off at the very end is dropped (parse_file
    reports it); anything else undecodable raises a CorpusError naming its line.
    """
    return decode_with_cut(data, path)[0]


def decode_with_cut(data: bytes, path: str | Path) -> tuple[str, CorpusError | None]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its BOM ("Unicode" in Notepad)
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as e:
            line = data[: e.start].decode("utf-16", "replace").count("\n") + 1
            raise CorpusError(str(path), "not valid UTF-16 text; convert it to UTF-8", line) from e
    if b"\x00" in data:
        raise CorpusError(str(path), "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        utf8_error = e
    if _cut_at_end(utf8_error, data):
        return data[: utf8_error.start].decode("utf-8"), _cut(path, data, utf8_error.start)
    # Broken UTF-8 often also "decodes" as GB18030 into nonsense; a file that is
    # mostly valid UTF-8 is reported as broken UTF-8 instead of silently garbled.
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    if sum(1 for c in loose if ord(c) > 0x7F) - bad > 4 * bad:
        bad_at = utf8_error.start
    else:
        try:
            return data.decode("gb18030"), None
        except UnicodeDecodeError as e:
            if _cut_at_end(e, data):
                return data[: e.start].decode("gb18030"), _cut(path, data, e.start)
            # Name the line where the longer valid prefix, in either encoding,
            # ends: in a file of mixed encodings, where the second one starts.
            bad_at = max(e.start, utf8_error.start)
    raise CorpusError(
        str(path),
        "not UTF-8 or GB18030 text; convert it to UTF-8",
        line=data.count(b"\n", 0, bad_at) + 1,
    )


def _cut_at_end(e: UnicodeDecodeError, data: bytes) -> bool:
    """Is the first decoding error a character the end of the file cut off?

    Only then: a bad sequence in the middle is damage, not a cut.
    """
    return e.end == len(data) and e.reason in _CUT_REASONS


_CUT_REASONS = ("unexpected end of data", "incomplete multibyte sequence")  # UTF-8, GB18030


def _cut(path: str | Path, data: bytes, at: int) -> CorpusError:
    return CorpusError(
        str(path),
        "file ends in the middle of a character (cut off?); the last bytes were dropped",
        line=data.count(b"\n", 0, at) + 1,
    )
