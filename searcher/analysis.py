"""Analysis: how text becomes terms, the same way at index and at query time.

This module owns text folding (NFKC, lowercase, traditional -> simplified, one
character at a time so that a substring of the text folds to a substring of the
folded text) and word segmentation with jieba (the only module that imports
jieba). It knows nothing of Whoosh: ``searcher.engine`` wraps it as a tokenizer.
jieba and OpenCC load lazily, so a query that needs neither never pays for them.
"""

from __future__ import annotations

import functools
import gc
import logging
import marshal
import math
import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from pathlib import Path

# Bump when any change here alters the terms an index holds; an index built
# with another version must be rebuilt (the index records this number).
ANALYZER_VERSION = 1

_CJK = (
    "\u3400-\u4dbf"  # Extension A
    "\u4e00-\u9fff"  # Unified Ideographs
    "\uf900-\ufaff"  # Compatibility Ideographs
    "\U00020000-\U0003134f"  # Extensions B-G
)
# A letter or digit that is not an ideograph.
_ALNUM = rf"(?:(?![{_CJK}])[^\W_])"
# A token is a run of CJK ideographs (segmented further by jieba) or a "mixed"
# token of letters and digits that keeps its inner punctuation whole:
# gdp, 5g, c#, c++, 3.9%, 1,000, covid-19, 1998 (in 1998年).
_TOKEN_RE = re.compile(
    rf"(?P<cjk>[{_CJK}]+)"
    rf"|(?P<mixed>{_ALNUM}+(?:[.,:/&'’_-]{_ALNUM}+)*[%#+]*)",
)
_IS_CJK = re.compile(rf"[{_CJK}]")


# -- folding -----------------------------------------------------------------

_opencc = None
_opencc_lock = threading.Lock()


def _t2s(ch: str) -> str:
    """Traditional -> simplified for one character, with OpenCC's character table."""
    global _opencc
    if _opencc is None:
        with _opencc_lock:
            if _opencc is None:
                import opencc

                _opencc = opencc.OpenCC("t2s")
    out = _opencc.convert(ch)
    return out or ch


def _fold_char(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch).lower()
    if _IS_CJK.search(out):
        out = "".join(_t2s(c) if _IS_CJK.match(c) else c for c in out)
    return out or ch  # never delete a character: offsets rely on it


class _FoldTable(dict):
    """str.translate table that computes and remembers each character's fold."""

    def __missing__(self, code: int) -> int | str:
        ch = chr(code)
        out = _fold_char(ch)
        value: int | str = code if out == ch else out
        self[code] = value
        if len(out) != 1:
            _expanding.add(ch)
        return value


_TABLE = _FoldTable()
# ASCII folds by lowercase alone: prefill so the common case never calls back.
for _c in range(128):
    _TABLE[_c] = ord(chr(_c).lower())
# Characters whose fold is longer than one character (①, ㍿, ﬁ), as met.
_expanding: set[str] = set()
_expanding_re: tuple[int, re.Pattern[str] | None] = (0, None)


_SCRUB = str.maketrans({0x00: " ", 0x1E: " "})


def scrub(folded: str) -> str:
    """Folded text as both engines keep it and match a needle in it: the two characters
    the local text store uses as separators (U+0000, U+001E) replaced by spaces."""
    return folded.translate(_SCRUB)


def fold(text: str) -> str:
    """The folded form of text: what is indexed, and what a query is matched as."""
    return text.translate(_TABLE)


_luts = None  # numpy, code point -> one-character fold: (fold, scrub(fold), known)
_FOLD_CHUNK = 1 << 20  # characters folded at once by fold_each (memory: 20 bytes each)


def fold_each(texts: Iterable[str], scrubbed: bool = False) -> Iterator[str]:
    """fold (or scrub(fold(...)) if scrubbed) of each text, in order: a build's way.

    ``str.translate`` with a table looks each character up in a dict, a tenth of a
    build's CPU; here the characters of many texts at once go through one numpy
    table of code points. The table learns each character once, from ``fold``
    itself; a text holding a character whose fold is longer than one character is
    folded by ``fold``. The same strings as folding each text.
    """
    chunk: list[str] = []
    size = 0
    for text in texts:
        chunk.append(text)
        size += len(text)
        if size >= _FOLD_CHUNK:
            yield from _fold_chunk(chunk, scrubbed)
            chunk, size = [], 0
    if chunk:
        yield from _fold_chunk(chunk, scrubbed)


def _fold_chunk(texts: list[str], scrubbed: bool) -> list[str]:
    global _luts
    import numpy as np

    if _luts is None:  # of the basic plane: 0.6 MB in each process that builds
        known = np.zeros(0x10000, dtype=np.uint8)  # 1: one-to-one, 2: expands
        _luts = (np.arange(0x10000, dtype=np.uint32), np.arange(0x10000, dtype=np.uint32), known)
    lut, lut_scrubbed, known = _luts
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    slow = np.flatnonzero(codes > 0xFFFF)  # characters beyond the table: fold's
    if len(slow):
        codes = np.where(codes > 0xFFFF, 0, codes)
    for code in np.flatnonzero(np.bincount(codes[known[codes] == 0])).tolist():
        out = fold(chr(code))
        if len(out) == 1:
            lut[code], known[code] = ord(out), 1
            lut_scrubbed[code] = ord(scrub(out))
        else:
            known[code] = 2
    table = lut_scrubbed if scrubbed else lut
    folded = table[codes].tobytes().decode("utf-32-le", "surrogatepass")
    ends = list(accumulate(map(len, texts)))
    out = [folded[a:b] for a, b in zip([0, *ends], ends)]
    slow = np.concatenate([slow, np.flatnonzero(known[codes] == 2)])
    for i in set(np.searchsorted(ends, slow, side="right").tolist()):
        out[i] = scrub(fold(texts[i])) if scrubbed else fold(texts[i])
    return out


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Fold text and map folded offsets back to the text.

    Returns (folded, starts) where starts[i] is the offset in text of the
    character that produced folded[i], with one more entry len(text) at the end.
    starts is None when folding kept every character one-to-one (the usual
    case), meaning offsets are the same on both sides.
    """
    global _expanding_re
    folded = text.translate(_TABLE)
    if len(folded) == len(text):  # no character is ever folded to nothing
        return folded, None
    if _expanding_re[0] != len(_expanding):
        chars = "".join(sorted(_expanding))
        _expanding_re = (len(_expanding), re.compile(f"[{re.escape(chars)}]"))
    starts: list[int] = []
    last = 0
    for m in _expanding_re[1].finditer(text):
        i = m.start()
        starts.extend(range(last, i))
        starts.extend([i] * len(fold(m.group())))
        last = i + 1
    starts.extend(range(last, len(text)))
    starts.append(len(text))
    return folded, starts


def to_original(starts: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of folded text back to the original text."""
    if starts is None:
        return start, end
    # From the original character of the span's first folded character to
    # the one of its last, inclusive.
    return starts[start], starts[end - 1] + 1


# -- jieba ---------------------------------------------------------------------
#
# Words come from jieba's dictionary and method (precise mode, HMM for unknown
# words). jieba-next, a compiled port of the same algorithm, is used when it is
# installed: its output is identical (tests compare the two; on the whole
# People's Daily corpus not one span differs) and it is 3.5x faster. The index
# records which one built it, and the dictionaries.

_tokenizers: dict[str | None, object] = {}
_jieba_lock = threading.Lock()
_userdict: str | None = None  # path of the user dictionary in use, if any


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "searcher"


def _jieba_module():
    """jieba-next if installed (same words, compiled), else jieba; quiet either way."""
    if os.environ.get("SEARCHER_SEGMENTER") != "jieba":
        try:
            import jieba_next

            jieba_next.set_log_level(logging.WARNING)
            return jieba_next
        except ImportError:
            pass
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.default_logger.setLevel(logging.WARNING)
    return jieba


def segmenter() -> str:
    """Name and version of the segmenter in use, as recorded in an index."""
    mod = _jieba_module()
    from importlib import metadata

    name = "jieba-next" if mod.__name__ == "jieba_next" else "jieba"
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return name


def _new_tokenizer(userdict: str | None):
    """A jieba tokenizer (main dictionary, plus a user dictionary), initialised.

    jieba logs to stderr and writes its dictionary cache to the shared temp
    directory, where concurrent users race (fxsjy/jieba#26, #903): use a cache
    folder of our own.
    """
    mod = _jieba_module()
    tok = mod.dt if userdict is None else mod.Tokenizer()
    try:
        d = _cache_dir()
        d.mkdir(parents=True, exist_ok=True)
        if mod.__name__ == "jieba_next":
            mod.set_cache_dir(d)
        else:
            tok.tmp_dir = str(d)
    except OSError:
        pass  # fall back to the segmenter's default cache folder
    _read_cache_at_once(tok)
    gc.disable()  # half a million dictionary entries, none of them cyclic
    try:
        tok.initialize()
    finally:
        gc.enable()
    if userdict is not None:
        with open(userdict, encoding="utf-8-sig") as f:
            tok.load_userdict(f)
    return tok


def _read_cache_at_once(tok) -> None:
    """Have jieba-next read its dictionary cache in one read.

    It unmarshals the cache from the open file (``marshal.load``), which reads it
    a few bytes at a time: three times slower than ``marshal.loads`` of the whole
    file, a third of a second of every build. The same cache, the same check (the
    main dictionary's cache is taken as it is; any other goes to jieba-next's own
    method, which compares modification times), the same result.
    """
    own = getattr(tok, "_load_from_cache", None)
    if own is None or getattr(own, "_searcher", False):
        return

    def load(cache_file, abs_path) -> bool:
        if abs_path is None:
            try:
                tok.FREQ, tok.total = marshal.loads(Path(cache_file).read_bytes())
                return True
            except (OSError, ValueError, EOFError, TypeError):
                pass  # no cache yet, or a damaged one: jieba-next rebuilds it
        return own(cache_file, abs_path)

    load._searcher = True  # type: ignore[attr-defined]
    tok._load_from_cache = load


def _load_jieba():
    key = _userdict
    tok = _tokenizers.get(key)
    if tok is None:
        with _jieba_lock:
            tok = _tokenizers.get(key)
            if tok is None:
                tok = _tokenizers[key] = _new_tokenizer(key)
    return tok


def unload() -> None:
    """Let go of the segmenters this process loaded; loaded again when next needed.

    A build's main process loads jieba (120 MB) before forking its word workers, so
    that they share it. It has no use for it while they work, but its copy stays
    beside theirs: each page a worker touches (a reference count) is copied into the
    worker, and the main process keeps the original, shared by nobody. Dropping it
    once the workers are forked keeps the build's memory to the workers' copies.
    """
    with _jieba_lock:
        toks = list(_tokenizers.values())
        _tokenizers.clear()
    for tok in toks:
        with tok.lock:  # jieba's and jieba-next's tokenizers both have one
            tok.FREQ, tok.total, tok.initialized = {}, 0, False
            if hasattr(tok, "_rust_prefix"):
                tok._rust_prefix = None


def use_userdict(path: str | os.PathLike | None) -> None:
    """Segment with this user dictionary (jieba's format) from now on; None: none."""
    global _userdict
    _userdict = None if path is None else str(path)


@functools.cache
def dictionary_digest() -> str:
    """sha256 of jieba's main dictionary: an index records what it was built with."""
    import hashlib

    mod = _jieba_module()
    path = Path(mod.__file__).parent / "dict.txt"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unknown"


def read_userdict(path: str | os.PathLike) -> dict[str, int | None]:
    """The words of a jieba-format user dictionary ("word [freq] [tag]" per line).

    Raises CorpusError-like ValueError naming the line for a malformed line.
    """
    with open(path, encoding="utf-8-sig") as f:
        return userdict_words(f, str(path))


def userdict_words(lines: Iterable[str], name: str) -> dict[str, int | None]:
    """read_userdict over lines already read (name: the file, for messages)."""
    words: dict[str, int | None] = {}
    for n, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        freq = None
        if len(parts) > 1 and parts[1].isdigit():
            freq = int(parts[1])
        elif len(parts) > 2 or (len(parts) == 2 and not parts[1].isalpha()):
            raise ValueError(f"{name}:{n}: expected 'word [frequency] [tag]'")
        words[fold(parts[0])] = freq
    return words


def _cut_run(run: str) -> list[str]:
    """jieba precise mode (non-overlapping words) over one CJK run."""
    return list(_load_jieba().cut(run, HMM=True))


# jieba's own blocks are runs of U+4E00-U+9FD5; a run of only those is one block,
# and jieba-next's block cutter can take it directly (cut() would split it again).
_JIEBA_BLOCK = re.compile("[\u4e00-\u9fd5]+")


def _fast_cut() -> Callable[[str], list[str]]:
    tok = _load_jieba()
    block = getattr(tok, "_cut_dag", None)
    if block is None:
        return lambda run: tok.lcut(run, HMM=True)
    full = _JIEBA_BLOCK.fullmatch

    def cut(run: str) -> list[str]:
        return list(block(run)) if full(run) else tok.lcut(run, HMM=True)

    return cut


def load() -> None:
    """Load the segmenter now (before forking workers, so they share it)."""
    _load_jieba()


def segment(run: str, logprob: Callable[[str], float | None], max_len: int = 12) -> list[str]:
    """The most probable split of a CJK run into words of a given vocabulary.

    jieba's method (maximise the sum of log word probabilities over the word
    graph) with another dictionary: at query time the index's own words, so a
    short query is read without loading jieba's dictionary. A character that
    starts no known word stands alone, at a low probability.
    """
    n = len(run)
    unknown = min((logprob(c) or 0.0 for c in run), default=0.0) - 20.0
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for i in range(n):
        if best[i] == -math.inf:
            continue
        for j in range(i + 1, min(n, i + max_len) + 1):
            lp = logprob(run[i:j])
            if lp is None:
                if j > i + 1:
                    continue
                lp = unknown
            if best[i] + lp > best[j]:
                best[j] = best[i] + lp
                back[j] = i
    out = []
    j = n
    while j > 0:
        out.append(run[back[j] : j])
        j = back[j]
    return out[::-1]


def word_spans(
    folded: str, cut: Callable[[str], list[str]] | None = None
) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for each word of folded text, in order, offsets into it.

    CJK runs are segmented by jieba in precise mode (words do not overlap, so
    consecutive words get consecutive positions); letters and digits form mixed
    tokens kept whole; punctuation and spaces are not words. `cut` replaces
    jieba for the CJK runs (see `segment`).
    """
    cut = cut or _cut_run
    for m in _TOKEN_RE.finditer(folded):
        start = m.start()
        if m.lastgroup == "cjk":
            run = m.group()
            if len(run) == 1:
                yield run, start, start + 1
                continue
            pieces = cut(run)
            if "".join(pieces) != run:  # offsets rely on words that tile the run
                pieces = list(run)
            pos = start
            for w in pieces:
                yield w, pos, pos + len(w)
                pos += len(w)
        else:
            yield m.group(), start, m.end()


def cjk_runs(folded: str) -> list[str]:
    """The runs of CJK characters in folded text that ``words`` segments (two or more)."""
    return [
        m.group()
        for m in _TOKEN_RE.finditer(folded)
        if m.lastgroup == "cjk" and m.end() - m.start() > 1
    ]


def lookups(folded: str, longest: int) -> set[str]:
    """Every string segmenting folded text may look up (see ``segment``): the text itself,
    and each substring of up to longest characters of its CJK runs."""
    out = {folded}
    for run in cjk_runs(folded):
        for i in range(len(run)):
            out.update(run[i : i + n] for n in range(1, longest + 1) if i + n <= len(run))
    return out


def words(folded: str, cut: Callable[[str], list[str]] | None = None) -> list[str]:
    """The words of folded text (see word_spans), as a list: the indexer's hot path."""
    if cut is None:
        cut = _fast_cut()

    out: list[str] = []
    for m in _TOKEN_RE.finditer(folded):
        run = m.group()
        if m.lastgroup == "cjk" and len(run) > 1:
            pieces = cut(run)
            out.extend(pieces if "".join(pieces) == run else run)
        else:
            out.append(run)
    return out
