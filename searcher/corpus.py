"""Corpus: turning source files into articles, and nothing else.

This module owns finding source files (``find_files``), decoding their bytes
(``decode``: UTF-8, else GB18030), reading JSON article files, and splitting a
printed newspaper page (``.txt``) into its articles (``split_page``) with the
page's paper and date (``page_meta``). Bad input never raises out of
``read_file``: it comes back as one ``CorpusError`` per bad item beside the
good articles: a file with no articles, a symbolic link that leads nowhere,
an article over ``MAX_ARTICLE_CHARS`` (refused before any splitting or
segmenting, which would take minutes and gigabytes) and a file cut off in the
middle of a character are reported too. A page article's title is its heading
lines joined by a space, with a ``——`` subtitle appended directly
(``守医者仁心 护百姓健康——建平县…纪实``); its body is its paragraphs joined by
``\\n``, column label first; bylines move to ``author``. Text is only lightly
normalised here (no NFKC: that is ``searcher.analysis``'s job).
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import re
import stat
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from searcher.errors import CorpusError

SUFFIXES = (".txt", ".jsonl", ".json", ".jsonl.gz", ".json.gz")
_UNSUPPORTED = "unsupported file type (use .txt pages or .jsonl/.json/.jsonl.gz articles)"
# Far above any real article (the People's Daily corpus's longest has 11,379
# characters), far below what jieba and the index builder can take in one piece:
# a 20-million-character line took 40 s and 5.6 GB to index as one article.
MAX_ARTICLE_CHARS = 1_000_000
_SPLIT_IT = "split it into articles"


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str
    date: str = ""
    source: str = ""
    author: str = ""
    origin: str = ""


@dataclass(frozen=True)
class PageArticle:
    title: str
    body: str
    author: str
    line: int = 0  # 1-based line of the article's first block, for ``origin``


# ---------------------------------------------------------------- files


_LONGEST_FIRST = sorted(SUFFIXES, key=len, reverse=True)


def _suffix(path: Path | str) -> str | None:
    name = (path if isinstance(path, str) else path.name).lower()
    return next((s for s in _LONGEST_FIRST if name.endswith(s)), None)


def find_files(
    sources: Iterable[str | Path], not_sources: Callable[[str], bool] | None = None
) -> tuple[list[Path], list[CorpusError]]:
    """The source files under sources, and the problems met finding them.

    not_sources(folder) says a folder holds no sources (an index: its own
    files are not articles); such a folder met inside a source folder is
    passed over, one given as a source is a problem.
    """
    files: list[Path] = []
    errors: list[CorpusError] = []
    seen: set[tuple[int, int]] = set()

    def add(p: Path, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key not in seen:  # the same file reached twice (links) is read once
            seen.add(key)
            files.append(p)

    def unreadable_folder(e: OSError) -> None:
        errors.append(CorpusError(str(e.filename), f"cannot read folder: {e.strerror or e}"))

    for src in sources:
        path = Path(src)
        if path.is_dir() and not_sources and not_sources(str(path)):
            errors.append(CorpusError(str(path), _AN_INDEX))
        elif path.is_dir():
            visited = {os.path.realpath(path)}
            for root, dirs, names in os.walk(path, onerror=unreadable_folder, followlinks=True):
                # A symlinked folder is followed once; a link back up would loop.
                keep = []
                for d in sorted(dirs):
                    real = os.path.realpath(os.path.join(root, d))
                    if d.startswith(".") or real in visited:
                        continue
                    visited.add(real)
                    if not (not_sources and not_sources(os.path.join(root, d))):
                        keep.append(d)
                dirs[:] = keep
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    p = os.path.join(root, name)
                    if not _suffix(name):
                        # A link without a suffix may stand for a folder of sources.
                        if "." not in name and os.path.islink(p) and not os.path.exists(p):
                            errors.append(_bad_link(p))
                        continue
                    try:
                        st = os.stat(p)
                    except OSError as e:
                        errors.append(
                            _bad_link(p)
                            if os.path.islink(p)
                            else CorpusError(p, f"cannot read file: {e.strerror or e}")
                        )
                        continue
                    if stat.S_ISREG(st.st_mode):
                        add(Path(p), st)
                    else:  # a device, pipe or socket named like a source: never read it
                        errors.append(CorpusError(p, "not a regular file (device, pipe or socket)"))
        elif path.is_file():
            if _suffix(path):
                add(path, path.stat())
            else:
                errors.append(CorpusError(str(path), _UNSUPPORTED))
        elif os.path.islink(path):
            errors.append(_bad_link(str(path)))
        else:
            errors.append(CorpusError(str(path), "no such file or folder"))
    return files, errors


_AN_INDEX = "a searcher index, not a folder of sources (give the folders of the pages and articles)"


def _bad_link(p: str) -> CorpusError:
    """Why the symbolic link p leads to nothing: a loop, or a missing target."""
    try:
        os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return CorpusError(p, "symbolic link loop")
        if e.errno != errno.ENOENT:
            return CorpusError(p, f"cannot read file: {e.strerror or e}")
    try:
        target = os.readlink(p)
    except OSError:
        target = "?"
    return CorpusError(p, f"broken symbolic link (points to {target})")


def read_sources(sources: Iterable[str | Path]) -> tuple[list[Article], list[CorpusError]]:
    files, errors = find_files(sources)
    articles: list[Article] = []
    for got, errs in map(read_file, files):
        articles += got
        errors += errs
    return articles, errors


def read_file(path: Path) -> tuple[list[Article], list[CorpusError]]:
    path = Path(path)
    suffix = _suffix(path)
    if suffix is None:
        return [], [CorpusError(str(path), _UNSUPPORTED)]
    try:
        data = path.read_bytes()
    except OSError as e:
        return [], [CorpusError(str(path), f"cannot read file: {e.strerror or e}")]
    return parse_file(path, data)


def parse_file(path: Path, data: bytes) -> tuple[list[Article], list[CorpusError]]:
    """The articles of a source file whose bytes were already read (see read_file)."""
    path = Path(path)
    suffix = _suffix(path)
    if suffix is None:
        return [], [CorpusError(str(path), _UNSUPPORTED)]
    if not data:
        return [], [CorpusError(str(path), "empty file, no articles")]
    errors: list[CorpusError] = []
    if suffix.endswith(".gz"):
        data, damage = _gunzip(data)
        if damage:
            errors.append(CorpusError(str(path), damage))
    try:
        text, cut = _decode(data, path)
    except CorpusError as e:
        return [], errors + [e]
    if cut is not None:
        errors.append(cut)
    stem = path.name[: -len(suffix)]
    if suffix == ".txt":
        articles, errs = _page_articles(path, stem, text)
        nothing = "no articles found in this page"
    else:
        articles, errs = _json_articles(path, stem, text, whole=suffix in (".json", ".json.gz"))
        nothing = "no articles in this file"
    errors = errs + errors
    if not articles and not errors:
        errors.append(CorpusError(str(path), nothing))
    return articles, errors


_TRUNCATED = "gzip file is truncated or damaged; articles before the damage were read"


def _gunzip(data: bytes) -> tuple[bytes, str]:
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
    return _decode(data, path)[0]


def _decode(data: bytes, path: str | Path) -> tuple[str, CorpusError | None]:
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


# ---------------------------------------------------------------- JSON articles

_ITEM_GAP = re.compile(r"[\s,]*")
_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


_TOO_DEEP = "JSON nested too deeply to be an article (an article is one object of fields)"


def _json_items(text: str, whole: bool) -> Iterable[tuple[int, object]]:
    """(line, value) pairs; a bad line yields (line, ValueError)."""
    start = text.lstrip()[:1]
    if whole and start in ("[", "{"):
        try:
            value = json.loads(text)
        except RecursionError:
            yield 1, ValueError(_TOO_DEEP)
            return
        except ValueError as e:
            if start == "[":  # an array is one document: its damage is one error
                yield e.lineno, ValueError(f"file is not a valid JSON array ({_json_why(e)})")
                return
            value = None  # not one object: read it as JSON Lines
        if isinstance(value, dict):
            yield text[: len(text) - len(text.lstrip())].count("\n") + 1, value
            return
        if isinstance(value, list):
            # Walk the array again to learn each item's line, for messages and ids.
            dec, pos, line, counted = json.JSONDecoder(), text.index("[") + 1, 1, 0
            for _ in value:
                pos = _ITEM_GAP.match(text, pos).end()
                line, counted = line + text.count("\n", counted, pos), pos
                item, pos = dec.raw_decode(text, pos)
                yield line, item
            return
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                value = json.loads(line)
            except RecursionError:
                value = ValueError(_TOO_DEEP)
            except ValueError as e:
                value = ValueError(f"line is not valid JSON ({_json_why(e)})")
            yield n, value


def _json_why(e: ValueError) -> str:
    """What is wrong, and where on its line: 'Expecting ',' delimiter: column 12'."""
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg}: column {e.colno}"
    if "Exceeds the limit" in str(e):  # Python's guard against huge integers
        return "a number of thousands of digits"
    return str(e)


def _json_articles(path: Path, stem: str, text: str, whole: bool):
    articles: list[Article] = []
    errors: list[CorpusError] = []
    first_line: dict[str, int] = {}
    for n, obj in _json_items(text, whole):
        try:
            fields = _json_fields(obj)
        except ValueError as e:
            errors.append(CorpusError(str(path), str(e), line=n))
            continue
        aid = fields.pop("id") or f"{stem}-L{n}"
        if aid in first_line:
            errors.append(
                CorpusError(
                    str(path),
                    f"duplicate id {aid!r} (first seen on line {first_line[aid]})",
                    line=n,
                )
            )
            continue
        if len(fields["title"]) + len(fields["body"]) > MAX_ARTICLE_CHARS:
            chars = len(fields["title"]) + len(fields["body"])
            errors.append(_too_long(path, n, chars, "one JSON object each"))
            continue
        first_line[aid] = n
        articles.append(Article(id=aid, origin=f"{path}:{n}", **fields))
    return articles, errors


def _json_fields(obj: object) -> dict[str, str]:
    if isinstance(obj, ValueError):
        raise obj
    if not isinstance(obj, dict):
        raise ValueError(f"line is not a JSON object (it is a JSON {_JSON_TYPES[type(obj)]})")
    if "body" not in obj:
        raise ValueError("field 'body' is missing")
    out = {}
    for key in ("id", "title", "body", "date", "source", "author"):
        value = obj.get(key, "")
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is None and key != "body":
            value = ""
        if not isinstance(value, str):
            kind = _JSON_TYPES[type(value)]
            raise ValueError(f"field {key!r} must be a string, not a JSON {kind}")
        out[key] = value
    if out["date"]:
        # Other spellings of a day (1998/01/05, 19980105, 1998年1月5日, an ISO
        # timestamp) are normalised; anything else is an error on its line.
        date, m = _find_date(out["date"])
        rest = out["date"][m.end() :].strip() if m else ""
        if not m or out["date"][: m.start()].strip() or (rest and not rest.startswith("T")):
            raise ValueError(f"field 'date' must be a date YYYY-MM-DD, not {out['date']!r}")
        out["date"] = date
    return out


# ---------------------------------------------------------------- page metadata

_NUM_DATE = re.compile(r"(?<!\d)(\d{4})([-_./]?)(\d{1,2})\2(\d{1,2})(?!\d)")
_CJK_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_PAGE_NO = re.compile(r"第\s*([0-9０-９]{1,3}|[一二三四五六七八九]?十?[一二三四五六七八九]?)\s*版")
_CN = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
_SEP = " \t\u3000_-–—.·|/,，、()（）"


def _find_date(s: str) -> tuple[str, re.Match | None]:
    for pattern in (_CJK_DATE, _NUM_DATE):
        for m in pattern.finditer(s):
            y, mo, d = m.group(1), m.groups()[-2], m.groups()[-1]
            if pattern is _NUM_DATE and not m.group(2) and (len(mo), len(d)) != (2, 2):
                continue  # YYYYMMDD needs all eight digits
            try:
                return datetime.date(int(y), int(mo), int(d)).isoformat(), m
            except ValueError:
                continue
    return "", None


def _page_number(s: str) -> tuple[int | None, str]:
    m = _PAGE_NO.search(s)
    if not m or not m.group(1):
        return None, s
    n = unicodedata.normalize("NFKC", m.group(1))
    tens, ten, ones = n.rpartition("十")
    value = int(n) if n.isdigit() else (_CN.get(tens, 1) * 10 if ten else 0) + _CN.get(ones, 0)
    return value, s[: m.start()] + " " + s[m.end() :]


def _meta(path: Path, text: str) -> tuple[str, str, int | None, str]:
    stem = path.name[: -len(_suffix(path))] if _suffix(path) else path.stem
    paper, date, page = "", "", None
    date, m = _find_date(stem)
    if m:  # a name without a date (a hash, a serial) says nothing about the paper
        page, rest = _page_number(stem[: m.start()] + " " + stem[m.end() :])
        words = [w for w in re.split(r"[\s_\-.]+", rest) if w]
        numbers = [int(w) for w in words if w.isascii() and w.isdigit() and len(w) <= 3]
        page = numbers[0] if page is None and numbers else page
        paper = " ".join(w for w in words if not w.isdigit())
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and len(lines[first].strip()) <= 40:
        h_date, hm = _find_date(lines[first])
        if hm:
            h_page, rest = _page_number(lines[first][: hm.start()] + " " + lines[first][hm.end() :])
            rest = " ".join(_WEEKDAY.sub(" ", rest).replace("\u3000", " ").split()).strip(_SEP)
            # Only a paper's name may stand beside the date, or a title with a date is eaten.
            if not rest or (
                re.fullmatch(r"[\u4e00-\u9fff A-Za-z]{1,16}", rest)
                and ("报" in rest or rest.isascii())
            ):
                paper, date = rest or paper, h_date
                page = h_page if h_page is not None else page
                lines[first] = ""  # blanked, not deleted, so origins keep their line numbers
    return paper, date, page, "\n".join(lines)


def page_meta(path: Path, text: str) -> tuple[str, str, str]:
    paper, date, _, rest = _meta(Path(path), text)
    return paper, date, rest


def _page_articles(path: Path, stem: str, text: str) -> tuple[list[Article], list[CorpusError]]:
    errors: list[CorpusError] = []
    if "\r" in text:  # as _blocks would, so that line numbers agree
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_ARTICLE_CHARS:
        # A line longer than any article would cost minutes and gigabytes to split
        # and segment: it is left out (blanked, so line numbers stay) before that.
        lines = text.split("\n")
        for n, line in enumerate(lines, 1):
            if len(line) > MAX_ARTICLE_CHARS:
                errors.append(
                    CorpusError(
                        str(path),
                        f"line of {len(line):,} characters is too long for an article"
                        f" (at most {MAX_ARTICLE_CHARS:,}); it was left out, the rest of the"
                        f" page was read ({_SPLIT_IT}, a paragraph per line)",
                        line=n,
                    )
                )
                lines[n - 1] = ""
        if errors:
            text = "\n".join(lines)
        del lines
    paper, date, page, rest = _meta(path, text)
    source = f"{paper} {date}".strip() + (f" 第{page}版" if page is not None else "")
    articles = []
    for n, a in enumerate(split_page(rest), 1):
        if not (a.title.strip() or a.body.strip()):
            continue  # nothing to find (a byline alone): numbered still, so ids stay put
        if len(a.title) + len(a.body) > MAX_ARTICLE_CHARS:
            errors.append(_too_long(path, a.line, len(a.title) + len(a.body), _PAGE_HINT))
            continue
        articles.append(
            Article(
                id=f"{stem}-{n:02d}",
                title=a.title,
                body=a.body,
                date=date,
                source=source.strip(),
                author=a.author,
                origin=f"{path}:{a.line}",
            )
        )
    return articles, errors


_PAGE_HINT = "a title or a blank line between them"


def _too_long(path: Path, line: int, chars: int, hint: str) -> CorpusError:
    return CorpusError(
        str(path),
        f"article of {chars:,} characters is too long (at most {MAX_ARTICLE_CHARS:,});"
        f" not indexed ({_SPLIT_IT}, {hint})",
        line=line,
    )


# ---------------------------------------------------------------- page splitting
#
# A page is cut into blocks (paragraphs as printed), each block gets a kind
# (para, heading, subtitle, label, byline), print-layout fragments are re-joined,
# and the blocks are grouped into articles by the rules in ``_starts_article``.

_SENT_END = "。！？!?；;…：:"
_CLOSERS = re.escape("”’」』）)》】]\"'")
_COMPLETE = re.compile(rf"(?:[{_SENT_END}][{_CLOSERS}]*|[（(][^（）()]*[）)]|(?<![\d.])\.)$")
_TAIL = re.compile(rf"^(.*[{_SENT_END}][{_CLOSERS}]*)[ \u3000]*(.+?)$", re.S)
_NOT_IN_HEADING = set("。！？!?；;：:，,、…")
_MARKERS = set("■□●○◆◇▲△★☆▶►◎※")
_NAME = r"[\u4e00-\u9fff]{2,4}"
_NAMES = rf"{_NAME}(?:[ \u3000、]+{_NAME})*"
_ROLE = (
    r"(?:新华社记者|本报特约记者|本报特约通讯员|本报通讯员|本报记者|特约记者|通讯员|实习生|记者)"
)
_CREDIT = (
    rf"(?:{_ROLE}[ \u3000]+{_NAMES}(?:[ \u3000]*摄)?"
    rf"|(?:{_ROLE}[ \u3000]*)?{_NAMES}[ \u3000]*摄)"
)
_BYLINE = re.compile(rf"{_CREDIT}(?:[ \u3000]+{_CREDIT})*|[（(]{_ROLE}[ \u3000]*{_NAMES}[）)]")
_BARE_BYLINE = re.compile(rf"[（(]{_NAMES}[）)]|{_NAME}(?:[ \u3000、]+{_NAME})+")
_NOT_NAMES = {"完", "待续", "续完", "未完", "未完待续", "全文完", "下转", "上接"}
_DAY_NO = r"[0-9０-９一二三四五六七八九十]{1,3}"
_PLACE_DAY = rf"(?:[\u4e00-\u9fff]{{2,8}}?{_DAY_NO}月{_DAY_NO}日)?"
_OPENS_UNTITLED = re.compile(rf"本报{_PLACE_DAY}[讯电]|新华社{_PLACE_DAY}电")
_DATELINE = re.compile(rf"{_OPENS_UNTITLED.pattern}|据?新华社|据\S{{1,20}}?报道")
_DATELINE_BY = re.compile(rf"[ \u3000]*[（(]?{_ROLE}[ \u3000]*({_NAMES})(?:报道|[）)])")
# A paragraph opening with a tiny sentence ("减排。") or a stop is the tail of a broken one.
_CONTINUES = re.compile(
    rf"[^\s，,、。！？!?；;：:]{{1,3}}[。！？!?；;]|[，,、。！？!?；;：:{_CLOSERS}]"
)
_SENTENCE = re.compile(r"[。；;…]")
_FINISHED = re.compile(rf"[。！？!?…][{_CLOSERS}]*(?:[（(][^（）()]*[）)])?$")  # "…。（张三）"
# Never a heading: a note or credit wholly in brackets, a dateline, a dash-led line
# that is no subtitle (a signature, a list item), or the first half
# of a broken paragraph: ending with an opening bracket, a joiner or a word that
# cannot end a headline ("…森林的作用是" cut after 是).
_NOT_HEADING = re.compile(
    rf"[（(][^（）()]*[）)]|(?:{_DATELINE.pattern}|——).*|.*[（(“‘《「『【—·．是于这据第及与对把被将从其该]"
)
_PAIRS = ("（）", "()", "“”", "《》", "『』", "「」", "【】")


@dataclass
class _Block:
    text: str
    line: int
    gap: int  # blank lines before it: more than usual hints at a new article
    kind: str = "para"
    names: list[str] = field(default_factory=list)
    indent: bool = False  # starts indented, on a page that indents its paragraphs


@dataclass
class _Layout:
    """What a page uses to set articles apart."""

    usual_gap: int = 0  # blank lines between paragraphs
    article_gap: int = 0  # blank lines before titles, where wider than usual_gap
    indents: bool = False  # paragraphs start indented, titles do not


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _join(parts: list[str]) -> str:
    # CJK is written without spaces; only two ASCII words need one between them.
    out = parts[:1]
    for a, b in zip(parts, parts[1:]):
        out += [" ", b] if (a[-1:] + b[:1]).isascii() and (a[-1:] + b[:1]).isalnum() else [b]
    return "".join(out)


def _heading_like(s: str) -> bool:
    return len(s) <= 40 and not any(c in _NOT_IN_HEADING for c in s)


def _question_like(s: str) -> bool:
    """A short line with a comma, colon, ! or ? inside, as headlines may have
    ("日本企业：经济前景不佳", "“输血”，更需“造血”"): a title only where one is expected."""
    return len(s) <= 40 and not _SENTENCE.search(s) and not s.endswith(tuple("，,、：:"))


def _names(byline: str) -> list[str]:
    s = re.sub(rf"{_ROLE}|摄|报道|[（()）]", " ", byline)
    return [n for n in re.split(r"[\s、]+", s) if n]


def _wrap_width(lines: list[str]) -> int:
    """The fixed width a page was hard-wrapped at, or 0 if it was not."""
    widths = [_width(line.strip()) for line in lines if line]
    wide = sorted(w for w in widths if w >= 20)
    if len(wide) < 3:
        return 0
    width = wide[len(wide) * 3 // 4]
    full = [w for w in wide if w >= width - max(4, width // 8)]
    # Wrapped text has many lines of one width and few much longer (headlines across columns).
    longer = sum(w > width * 1.15 for w in wide)
    if len(full) >= max(3, 0.4 * len(widths)) and longer <= max(1, len(full) // 20):
        return width
    return 0


def _blocks(text: str) -> list[_Block]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]  # whitespace-only lines become ""
    wrap = _wrap_width(lines)
    blocks: list[_Block] = []
    lines_of: list[list[str]] = []
    gap, last = 0, ""
    for n, raw in enumerate(lines, 1):
        if not raw:
            gap, last = gap + 1, ""
            continue
        s = raw.strip()
        wrapped = (
            wrap
            and last
            and not raw[0].isspace()
            and _width(last) >= wrap - max(4, wrap // 8)
            and not (_COMPLETE.search(last) and _heading_like(s))
        )
        if wrapped:
            lines_of[-1].append(s)
        else:
            blocks.append(_Block(s, n, gap, indent=raw[0].isspace()))
            lines_of.append([s])
        gap, last = 0, s
    for b, parts in zip(blocks, lines_of):
        b.text = _join(parts)
    return blocks


def _layout(blocks: list[_Block]) -> _Layout:
    gaps = Counter(b.gap for b in blocks[1:])
    lay = _Layout(usual_gap=gaps.most_common(1)[0][0] if gaps else 0)
    lay.indents = sum(b.indent for b in blocks) >= max(2, 0.4 * len(blocks))
    for b in blocks:
        b.indent = b.indent and lay.indents
    # Titles set apart by one wider gap, twice or more: that gap sets articles apart.
    wide = Counter(b.gap for b in blocks[1:] if b.gap > lay.usual_gap and _heading_like(b.text))
    if wide and wide.most_common(1)[0][1] >= 2:
        lay.article_gap = wide.most_common(1)[0][0]
    return lay


def _title_expected(b: _Block, after: _Block | None, lay: _Layout, first: bool) -> bool:
    """Where a page prints a title: first, set apart, flush left among indented
    paragraphs, or over a dateline or byline."""
    return (
        first
        or b.gap > lay.usual_gap
        or (lay.indents and not b.indent)
        or (
            after is not None and bool(_BYLINE.fullmatch(after.text) or _DATELINE.match(after.text))
        )
    )


def _can_head(b: _Block, after: _Block | None, lay: _Layout, first: bool) -> bool:
    """May this block be a heading (a title or a subhead)? Its brackets and quotes
    pair up (a broken paragraph's often do not) and it is not indented as text is."""
    if b.indent or _NOT_HEADING.fullmatch(b.text):
        return False
    if any(b.text.count(o) != b.text.count(c) for o, c in _PAIRS):
        return False
    return _heading_like(b.text) or (
        _question_like(b.text) and _title_expected(b, after, lay, first)
    )


def _classify(blocks: list[_Block], lay: _Layout) -> None:
    for i, b in enumerate(blocks):
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if len(b.text) <= 40 and _MARKERS & set(b.text) and not _COMPLETE.search(b.text):
            b.kind = "label"
        elif _BYLINE.fullmatch(b.text):
            b.kind, b.names = "byline", _names(b.text)
        elif (
            b.text.startswith(("——", "──"))
            and len(b.text) <= 60
            and not _SENTENCE.search(b.text)
            and i
            and blocks[i - 1].kind == "heading"  # else a signature ("——编者") or a list item
        ):
            b.kind = "subtitle"
        else:
            m = _TAIL.match(b.text)
            if m and _BYLINE.fullmatch(m.group(2)):
                b.text, b.names = m.group(1), _names(m.group(2))
            elif _can_head(b, after, lay, i == 0):
                b.kind = "heading"
                # A bare name between a title and the text is the author ("走访牧奎村/王忠范").
                prev = blocks[i - 1] if i else None
                if (
                    re.fullmatch(_NAMES, b.text)
                    and prev is not None
                    and prev.kind == "heading"
                    and _title_expected(prev, b, lay, i == 1)
                    and not (after is None or _heading_like(after.text))
                ):
                    b.kind, b.names = "byline", _names(b.text)
    # Bare names after the last sentence ("提升。袁春辉 李国恩") are a byline only
    # where an article ends: before a heading, a label or the end of the page.
    for b, after in zip(blocks, blocks[1:] + [None]):
        if b.kind == "para" and not b.names and (after is None or after.kind != "para"):
            m = _TAIL.match(b.text)
            tail = m.group(2) if m else ""
            if _BARE_BYLINE.fullmatch(tail) and tail.strip("（()）") not in _NOT_NAMES:
                b.text, b.names = m.group(1), _names(m.group(2))


def _join_fragments(blocks: list[_Block]) -> list[_Block]:
    """Re-join paragraphs the print layout broke mid-sentence (even mid-word)."""
    out: list[_Block] = []
    pieces: list[list[str]] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            prev
            and b.kind == "para"
            and not b.indent  # an indented line starts a paragraph
            and not prev.names
            and (
                (prev.kind == "para" and not _COMPLETE.search(pieces[-1][-1]))
                or (prev.kind == "heading" and _CONTINUES.match(b.text))
            )
        ):
            prev.kind, prev.names = "para", b.names
            pieces[-1].append(b.text)
        else:
            out.append(b)
            pieces.append([b.text])
    for b, parts in zip(out, pieces):
        b.text = _join(parts)
    return out


_TITLE_KINDS = ("heading", "subtitle")


@dataclass
class _Art:
    line: int
    title: str = ""
    body: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    has_text: bool = False


def _starts_article(
    cur: _Art | None,
    group: list[_Block],
    after: _Block | None,
    label: _Block | None,
    closed: bool,
    lay: _Layout,
) -> bool:
    """Does this run of headings open a new article, or is it a subhead?"""
    first_on_page = cur is None
    after_label = label is not None
    previous_closed = closed  # the article before ended with its byline
    has_subtitle = any(b.kind == "subtitle" for b in group)
    set_apart = group[0].gap > lay.usual_gap
    flush_left = lay.indents and not group[0].indent  # among indented paragraphs
    opens_with_dateline = after is not None and (
        after.kind == "byline" or bool(_DATELINE.match(after.text))
    )
    return (
        first_on_page
        or after_label
        or previous_closed
        or has_subtitle
        or set_apart
        or flush_left
        or opens_with_dateline
    )


def _group(blocks: list[_Block], lay: _Layout) -> list[_Art]:
    arts: list[_Art] = []
    cur: _Art | None = None
    label: _Block | None = None
    closed = False
    i = 0
    while i < len(blocks):
        b, j = blocks[i], i + 1
        if b.kind in _TITLE_KINDS:
            while j < len(blocks) and blocks[j].kind in _TITLE_KINDS:
                j += 1
            group, after = blocks[i:j], blocks[j] if j < len(blocks) else None
            if _starts_article(cur, group, after, label, closed, lay):
                cur = _Art(b.line, body=[label.text] if label else [])
                arts.append(cur)
                # The title runs to the subtitle; headings after it are subheads.
                end = next((k + 1 for k, g in enumerate(group) if g.kind == "subtitle"), len(group))
                cur.title = "".join(
                    g.text if g.kind == "subtitle" or k == 0 else " " + g.text
                    for k, g in enumerate(group[:end])
                )
                group = group[end:]
            assert cur is not None
            cur.body += [g.text for g in group]
            label, closed = None, False
        elif b.kind == "label" and j < len(blocks) and blocks[j].kind in _TITLE_KINDS:
            label = b
        else:
            # A dateline, or a gap as wide as before titles, opens an untitled brief.
            opens = b.kind != "byline" and bool(
                _OPENS_UNTITLED.match(b.text) or (lay.article_gap and b.gap >= lay.article_gap)
            )
            if cur is None or (opens and cur.has_text):
                cur = _Art(b.line)
                arts.append(cur)
            if b.kind != "byline":
                cur.body.append(b.text)
                # A deck or a picture credit above the text is not yet the text.
                cur.has_text = cur.has_text or bool(_FINISHED.search(b.text))
            by = (m := _DATELINE.match(b.text)) and _DATELINE_BY.match(b.text, m.end())
            cur.names += (_names(by.group(1)) if by else []) + b.names
            closed = bool(b.names) and cur.has_text  # a byline above the text closes nothing
        i = j
    return arts


def split_page(text: str) -> list[PageArticle]:
    blocks = _blocks(text)
    lay = _layout(blocks)
    _classify(blocks, lay)
    arts = _group(_join_fragments(blocks), lay)
    return [
        PageArticle(
            title=a.title,
            body="\n".join(a.body),
            author=" ".join(dict.fromkeys(a.names)),
            line=a.line,
        )
        for a in arts
    ]
