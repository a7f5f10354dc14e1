"""Decoding a source file's bytes: gzip, UTF-8, UTF-16 with a BOM, GB18030, Big5.

UTF-8 is taken when the bytes are valid UTF-8. Otherwise each legacy encoding
(GB18030; Big5 as Windows writes it, cp950; Big5-HKSCS) decodes the bytes
strictly, and the reading made of the most common Chinese characters wins:
each character is folded to simplified and priced by its frequency in jieba's
dictionary (the table in ``hanzi``, loaded on the first file that needs it).
bench/charsets.py measures this against detector libraries.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
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
    """The text of a source file: UTF-8 (BOM or not), UTF-16 with a BOM, GB18030 or Big5.

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
    bad_at = utf8_error.start
    # Broken UTF-8 often also "decodes" as GB18030 into nonsense; a file that is
    # mostly valid UTF-8 is reported as broken UTF-8 instead of silently garbled.
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    beyond_ascii = len(loose) - len(loose.encode("ascii", "ignore"))
    if beyond_ascii - bad <= 4 * bad:
        reading, bad_at = _legacy(data, bad_at)
        if reading is not None:
            text, cut_at = reading
            return text, None if cut_at is None else _cut(path, data, cut_at)
    raise CorpusError(str(path), _NOT_TEXT, line=data.count(b"\n", 0, bad_at) + 1)


_NOT_TEXT = "not UTF-8, GB18030 or Big5 text; convert it to UTF-8"
Reading = tuple[str, int | None]  # text, and where a cut-off last character starts


def _legacy(data: bytes, bad_at: int) -> tuple[Reading | None, int]:
    """The legacy reading that reads best as Chinese, if any, and where decoding failed.

    The reading is (text, where a cut-off last character starts, or None).
    GB18030 accepts almost any bytes, Big5 many GB18030 texts: the right one
    reads as common Chinese characters (a tie keeps the first tried). Text that
    reads as nonsense in all of them (Japanese, Korean) is refused. Where
    decoding failed is where the longest valid prefix, in any encoding, ends:
    in a file of mixed encodings, where the second one starts.
    """
    readings: list[Reading] = []
    for decoded, error_at in (_strict(data, "gb18030"), _big5(data)):
        if decoded is None:
            bad_at = max(bad_at, error_at)
        else:
            readings.append(decoded)
    if not readings:
        return None, bad_at
    costs = [_cost(text) for text, _ in readings]
    best = min(range(len(readings)), key=lambda i: costs[i][0])
    bits, judged = costs[best]
    if judged >= _JUDGED and bits >= _NONSENSE_BITS:
        return None, bad_at
    return readings[best], bad_at


def _strict(data: bytes, codec: str) -> tuple[Reading | None, int]:
    """data decoded strictly in codec, or None and where decoding failed."""
    try:
        return (data.decode(codec), None), 0
    except UnicodeDecodeError as e:
        if _cut_at_end(e, data):
            return (data[: e.start].decode(codec), e.start), 0
        return None, e.start


def _big5(data: bytes) -> tuple[Reading | None, int]:
    """data as Big5: as Windows writes it (cp950, Taiwan) or Big5-HKSCS (Hong Kong).

    HKSCS adds thousands of characters; where both decode, they differ only
    in a few symbols (cp950's ETEN rows hold kana where HKSCS has ① ⑴ ⅰ, its
    ∕ is HKSCS's ／): the reading whose disputed characters cost less wins,
    cp950 on a tie.
    """
    (cp950, cp950_error), (hkscs, hkscs_error) = _strict(data, "cp950"), _strict(data, "big5hkscs")
    if cp950 is None or hkscs is None:
        return cp950 or hkscs, max(cp950_error, hkscs_error)
    if cp950[0] == hkscs[0]:
        return cp950, 0
    cp950_bits, hkscs_bits = (
        sum(map(ord, "".join(pattern.findall(text)).translate(_PRICES)))
        for pattern, text in zip(_disputed(), (cp950[0], hkscs[0]))
    )
    return (hkscs if hkscs_bits < cp950_bits else cp950), 0


@functools.cache
def _disputed() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What cp950 and what Big5-HKSCS read where they read the same bytes differently."""
    cp950: set[str] = set()
    hkscs: set[str] = set()
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            code = bytes((lead, trail))
            try:
                a, b = code.decode("cp950"), code.decode("big5hkscs")
            except UnicodeDecodeError:
                continue
            if a != b:
                cp950.update(a)
                hkscs.update(b)
    return tuple(re.compile(f"[{re.escape(''.join(sorted(chars)))}]") for chars in (cp950, hkscs))


def _cut_at_end(e: UnicodeDecodeError, data: bytes) -> bool:
    """Is the first decoding error a character the end of the file cut off?

    Only then: a bad sequence in the middle is damage, not a cut.
    """
    return e.end == len(data) and e.reason in _CUT_REASONS


# UTF-8; GB18030 and Big5
_CUT_REASONS = ("unexpected end of data", "incomplete multibyte sequence")


def _cut(path: str | Path, data: bytes, at: int) -> CorpusError:
    return CorpusError(
        str(path),
        "file ends in the middle of a character (cut off?); the last bytes were dropped",
        line=data.count(b"\n", 0, at) + 1,
    )


# -- which legacy encoding: how common the characters read are ---------------

# Characters scored, from the first beyond ASCII: 40 tell GB18030 from Big5 in
# every test of bench/charsets.py; more cost time on every file.
_SAMPLE = 1024
# Chinese costs 9 to 11 bits a character, 13.5 at most in 10-character titles;
# Japanese or Korean read as GB18030 or Big5 costs 14 to 23 (Shift_JIS 22,
# EUC-JP 20, CP949 19, EUC-KR 14 to 16): refused from 18 bits on, when at least
# _JUDGED characters were scored.
_NONSENSE_BITS = 18
_JUDGED = 64
# What a character costs, in bits, beside the table's 6 to 20 for Chinese characters:
_PUNCT_BITS = 8  # Chinese punctuation and full-width ASCII (，is about 5% of characters)
_SYMBOL_BITS = 16  # ① ⑴ ⅰ ㎝ ℃, vertical ︰, arrows, maths, box drawing, shapes ○●★
_RARE_BITS = 24  # anything else: kana, Greek, Cyrillic, private use, rarer characters
_PUNCT = re.compile(
    r"[\u00b0\u00b1\u00b7\u00d7\u00f7"  # ° ± · × ÷
    r"\u2010-\u203b"  # dashes, quotes, … ‧ ※
    r"\u3000-\u3011\u3014-\u301f"  # 、。〇《》「」【】〔〕
    r"\uff01-\uff5e]"  # full-width ASCII: ，（）１Ａ
)
_SYMBOL = re.compile(r"[\u2190-\u22ff\u2460-\u24ff\u2500-\u25ff\u2605\u2606]")


def _cost(text: str) -> tuple[float, int]:
    """Mean cost in bits of text's characters outside ASCII, and how many were scored.

    Low for Chinese as written. Each character is folded (traditional to
    simplified, full width to ASCII) and priced by its frequency in jieba's
    dictionary (searcher.corpus.hanzi); Chinese punctuation is cheap; kana,
    Greek, box drawing, private-use and rare characters, what a wrong decoding
    is made of, are dear.
    """
    first = _BEYOND_ASCII.search(text)
    if first is None:
        return 0.0, 0
    priced = text[first.start() : first.start() + _SAMPLE].translate(_PRICES)
    total = sum(ord(bits) * n for bits, n in Counter(priced).items())
    return total / len(priced), len(priced)


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


class _Prices(dict):
    """str.translate table: a character to chr(its cost in bits), priced when first met."""

    def __missing__(self, code: int) -> str:
        price = self[code] = chr(_char_bits(chr(code)))
        return price


_PRICES = _Prices.fromkeys(range(0x80))  # ASCII is left out (None deletes it)


def _char_bits(ch: str) -> int:
    from searcher.analysis import fold

    if _PUNCT.match(ch):
        return _PUNCT_BITS
    folded = fold(ch)
    if folded.isascii() or _PUNCT.match(folded) or _SYMBOL.match(ch):
        return _SYMBOL_BITS
    return _bits().get(folded[0], _RARE_BITS)


@functools.cache
def _bits() -> dict[str, int]:
    from searcher.corpus.hanzi import BITS

    return {ch: b for b, chars in BITS.items() for ch in chars}
