"""Encoding detection: searcher's own against detector libraries, on real text.

    python bench/charsets.py [--samples N] [--seed S] [--corpus DIR]

Material (nothing of it is written to disk): People's Daily articles from the
shared corpus, encoded as UTF-8 and GBK (GB18030 is the same bytes for this
text: it has no character outside GBK), converted to traditional characters
with OpenCC and encoded as Big5 (``s2tw``, Taiwan forms) and Big5-HKSCS
(``s2hk``, Hong Kong forms; a character Big5-HKSCS lacks, such as 説, is taken
in its Taiwan form 說, as a Hong Kong writer's Big5 has it). Only articles whose
both conversions encode fully are used (the count is printed). Each cut is
drawn from the same articles in every encoding: the whole article, 200 and 40
characters of its body, a title of 10-20 characters alone, and 40 characters
in a line of ASCII (NFKC: full-width digits and letters made ASCII).

A method is right when it gives back exactly the text encoded. A library
names an encoding; its answer counts when that is in the right family (UTF-8
or ASCII; GB2312, GBK or GB18030; Big5, cp950 or Big5-HKSCS), the text then
decoded as searcher decodes that family. Libraries that are not installed are
left out (pip install chardet charset-normalizer faust-cchardet chardetng-py).

Prints the command, an accuracy table, and a table of speed (MB/s of detecting
and decoding, on the sampled whole articles and on the whole corpus as one file)
and first-call cost (a fresh process: import and one detection of a Big5 title,
less the interpreter's own start-up; bytecode compiled).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import shlex
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from common import DEFAULT_CORPUS, ROOT, bench_env, header, log, read_corpus

sys.path.insert(0, str(ROOT))

import opencc

from searcher.corpus import decode as searcher_decode
from searcher.errors import CorpusError

ENCODINGS = {"UTF-8": "utf-8", "GBK": "gbk", "Big5": "cp950", "Big5-HKSCS": "big5hkscs"}
CUTS = (
    "whole article",
    "200 characters",
    "40 characters",
    "title (10-20)",
    "40 + ASCII",
    "4 characters",
)
FAMILY_CODECS = {"utf-8": ("utf-8",), "gb": ("gb18030",), "big5": ("cp950", "big5hkscs")}


# ---------------------------------------------------------------- material


def traditional(text: str, tw: opencc.OpenCC, hk: opencc.OpenCC) -> tuple[str, str] | None:
    """(Taiwan form, Hong Kong form) of text, or None when either cannot be encoded."""
    t, h = tw.convert(text), hk.convert(text)
    if len(t) != len(text) or len(h) != len(text):
        return None  # a conversion changed the length: cuts would not line up
    h = "".join(c if _encodes(c, "big5hkscs") else d for c, d in zip(h, t))
    if not (_encodes(t, "cp950") and _encodes(h, "big5hkscs")):
        return None
    return t, h


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def material(arts: list[dict], n: int, seed: int) -> tuple[dict, dict]:
    """{(encoding, cut): [(bytes, text)]} for n articles per cut, and counts for the report."""
    tw, hk = opencc.OpenCC("s2tw"), opencc.OpenCC("s2hk")
    usable = []
    for a in arts:
        text = (a["title"] + "\n" if a["title"] else "") + a["body"]
        forms = traditional(text, tw, hk)
        if forms is not None:
            usable.append(
                (a, {"UTF-8": text, "GBK": text, "Big5": forms[0], "Big5-HKSCS": forms[1]})
            )
    rng = random.Random(seed)
    cells: dict[tuple[str, str], list[tuple[bytes, str]]] = {}
    for cut in CUTS:
        pool = [u for u in usable if _fits(u[0], cut)]
        for a, forms in rng.sample(pool, min(n, len(pool))):
            title = len(a["title"]) + 1 if a["title"] else 0
            width = {"200 characters": 200, "4 characters": 4}.get(cut, 40)
            start = title + rng.randrange(max(1, len(a["body"]) - width + 1))
            for enc, text in forms.items():
                piece = _cut(a, text, cut, start, title)
                cells.setdefault((enc, cut), []).append((piece.encode(ENCODINGS[enc]), piece))
    counts = {"articles": len(arts), "usable": len(usable)}
    # The whole corpus as one file, for speed on big files.
    for enc in ("GBK", "Big5"):
        text = "\n".join(forms[enc] for _, forms in usable)
        cells[(enc, "one file")] = [(text.encode(ENCODINGS[enc]), text)]
    return cells, counts


def _fits(a: dict, cut: str) -> bool:
    if cut == "title (10-20)":
        return 10 <= len(a["title"]) <= 20
    if cut == "200 characters":
        return len(a["body"]) >= 200
    return len(a["body"]) >= 40


def _cut(a: dict, text: str, cut: str, start: int, title: int) -> str:
    if cut == "whole article":
        return text
    if cut == "title (10-20)":
        return text[: title - 1]
    if cut == "200 characters":
        return text[start : start + 200]
    if cut == "4 characters":
        return text[start : start + 4]
    piece = text[start : start + 40]
    if cut == "40 + ASCII":
        return (
            f"{a['id']} {a['date']} p.{a['id'][9:11]}: {unicodedata.normalize('NFKC', piece)} (ok)"
        )
    return piece


def not_chinese() -> dict[str, bytes]:
    """Japanese and Korean text from CPython's own codec tests, where it has them."""
    try:
        import test
    except ImportError:  # some Linux distributions ship Python without its tests
        return {}
    folder = Path(test.__file__).parent / "cjkencodings"
    names = ("shift_jis", "euc_jp", "euc_kr", "cp949")
    return {n: (folder / f"{n}.txt").read_bytes() for n in names if (folder / f"{n}.txt").exists()}


# ---------------------------------------------------------------- methods


def _family(name: str | None) -> str | None:
    n = (name or "").lower().replace("-", "").replace("_", "")
    if n in ("utf8", "ascii", "utf8sig"):
        return "utf-8"
    if n in ("gb2312", "gbk", "gb18030", "cp936", "euccn"):
        return "gb"
    if n in ("big5", "big5hkscs", "cp950", "big5tw", "csbig5"):
        return "big5"
    return None


def _first_decoding(data: bytes, codecs) -> str | None:
    """The text in the first of codecs that decodes data strictly, else None."""
    for codec in codecs:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    return None


def _decode_family(data: bytes, name: str | None) -> str | None:
    codecs = FAMILY_CODECS.get(_family(name) or "", ())
    if (name or "").lower().replace("-", "").replace("_", "") == "big5hkscs":
        codecs = codecs[::-1]  # the library said which Big5
    return _first_decoding(data, codecs)


def _today(data: bytes) -> str | None:
    """What searcher did before Big5: UTF-8, else GB18030."""
    return _first_decoding(data, ("utf-8", "gb18030"))


def _searcher(data: bytes) -> str | None:
    try:
        return searcher_decode(data, "bench")
    except CorpusError:
        return None


def methods() -> dict[str, Callable[[bytes], str | None]]:
    """name -> bytes to text (None: refused or a wrong family); the libraries installed."""
    out: dict[str, Callable[[bytes], str | None]] = {
        "UTF-8 else GB18030 (before)": _today,
        "searcher": _searcher,
    }
    if importlib.util.find_spec("charset_normalizer"):
        import charset_normalizer as cn

        def normalizer(data: bytes, only: list[str] | None = None) -> str | None:
            best = cn.from_bytes(data, cp_isolation=only).best()
            return _decode_family(data, best.encoding if best else None)

        out[f"charset-normalizer {cn.__version__}"] = normalizer
        out["charset-normalizer, 4 codecs"] = lambda d: normalizer(
            d, ["utf_8", "gb18030", "big5", "big5hkscs"]
        )
    if importlib.util.find_spec("chardet"):
        import chardet

        out[f"chardet {chardet.__version__}"] = lambda d: _decode_family(
            d, chardet.detect(d)["encoding"]
        )
        out["chardet, 3 codecs"] = lambda d: _decode_family(
            d, chardet.detect(d, include_encodings=["utf-8", "gb18030", "big5hkscs"])["encoding"]
        )
    if importlib.util.find_spec("cchardet"):
        import cchardet

        out[f"cchardet {cchardet.__version__} (uchardet)"] = lambda d: _decode_family(
            d, cchardet.detect(d)["encoding"]
        )
    if importlib.util.find_spec("chardetng_py"):
        import chardetng_py

        out["chardetng-py (Firefox)"] = lambda d: _decode_family(
            d, chardetng_py.detect(d, allow_utf8=True)
        )
    return out


# First call in a fresh process: import, then one detection of a Big5 title.
FIRST_CALL = {
    "UTF-8 else GB18030 (before)": "d.decode('gb18030')",
    "searcher": "from searcher.corpus import decode; decode(d, 'x')",
    "charset-normalizer": "import charset_normalizer as m; m.from_bytes(d).best()",
    "chardet": "import chardet; chardet.detect(d)",
    "cchardet": "import cchardet; cchardet.detect(d)",
    "chardetng-py": "import chardetng_py; chardetng_py.detect(d, allow_utf8=True)",
}
# What `searcher index` has loaded before its first file anyway: the corpus package, OpenCC.
INDEXER_LOADS = "from searcher.corpus import decode; from searcher.analysis import fold; fold('鵑')"
SAMPLE_TITLE = "杜鵑花是丹東市花".encode("big5")


def first_call_ms(code: str, repeat: int = 9) -> float:
    """Median wall time of a fresh process running code, less one doing nothing."""
    setup = f"d = {SAMPLE_TITLE!r}\n"
    env = bench_env()
    subprocess.run([sys.executable, "-c", setup + code], env=env, check=True)  # compile

    def run(src: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", src], env=env, check=True)
        return time.perf_counter() - t

    times = [(run(setup + code), run(setup)) for _ in range(repeat)]
    return 1000 * statistics.median(a - b for a, b in times)


def first_decode_ms(repeat: int = 9) -> float:
    """searcher's first decoding of a Big5 title, timed inside a fresh process that has
    loaded what `searcher index` loads before its first file (median of repeat)."""
    code = (
        f"d = {SAMPLE_TITLE!r}\n{INDEXER_LOADS}\nimport time\nt = time.perf_counter()\n"
        "decode(d, 'x')\nprint(time.perf_counter() - t)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code],
            env=bench_env(),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for _ in range(repeat)
    ]
    return 1000 * statistics.median(float(r) for r in runs)


def first_call_of(name: str) -> float | None:
    code = next((c for k, c in FIRST_CALL.items() if name.startswith(k)), None)
    return None if code is None or "codecs" in name else first_call_ms(code)


# ---------------------------------------------------------------- measuring


def accuracy(fn: Callable[[bytes], str | None], samples: list[tuple[bytes, str]]) -> float:
    return sum(fn(data) == text for data, text in samples) / len(samples)


def speed(fn: Callable[[bytes], str | None], blobs: list[bytes]) -> float:
    """MB/s over blobs, best of 3 passes."""
    size = sum(map(len, blobs))
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for b in blobs:
            fn(b)
        best = min(best, time.perf_counter() - t)
    return size / best / 1e6


def _measure(cells: dict, ms: dict) -> tuple[dict, dict, dict]:
    """Accuracy per (encoding, cut), what each method makes of text that is not Chinese,
    and speeds."""
    table: dict[tuple[str, str], dict[str, float]] = {}
    for key, samples in cells.items():
        if key[1] not in CUTS:
            continue
        log(f"accuracy: {key[0]}, {key[1]} ({len(samples)} texts)")
        table[key] = {name: accuracy(fn, samples) for name, fn in ms.items()}
    others = not_chinese()
    refused = {
        enc: {name: fn(data) is None for name, fn in ms.items()} for enc, data in others.items()
    }
    speeds = {}
    for name, fn in ms.items():
        log(f"speed: {name}")
        speeds[name] = [
            speed(fn, [data for data, _ in cells[(enc, cut)]])
            for cut in ("whole article", "one file")
            for enc in ("GBK", "Big5")
        ] + [first_call_of(name)]
    return table, {"others": others, "refused": refused}, speeds


def _print_refused(names: list[str], others: dict, refused: dict) -> None:
    print(
        "\nNot Chinese: CPython's test texts for its Japanese and Korean codecs"
        f" ({', '.join(f'{e} {len(d)} B' for e, d in others.items())}):"
        " refused (searcher) or named as what they are (a library), or read as Chinese:\n"
    )
    print("| encoding | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for enc, row in refused.items():
        print(
            f"| {enc} | " + " | ".join("refused" if row[n] else "as Chinese" for n in names) + " |"
        )


def _print_speeds(cells: dict, speeds: dict) -> None:
    mb = {enc: len(cells[(enc, "one file")][0][0]) / 1e6 for enc in ("GBK", "Big5")}
    print(
        "\n| method | MB/s, GBK articles | MB/s, Big5 articles"
        f" | MB/s, one GBK file of {mb['GBK']:.1f} MB | MB/s, one Big5 file of {mb['Big5']:.1f} MB"
        " | first call, ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (*mbs, first) in speeds.items():
        first_s = "" if first is None else f"{first:.0f}"
        print(f"| {name} | " + " | ".join(f"{x:.1f}" for x in mbs) + f" | {first_s} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--samples", type=int, default=1000, help="texts per encoding and cut")
    ap.add_argument("--seed", type=int, default=1998)
    args = ap.parse_args()
    command = "python bench/charsets.py " + shlex.join(sys.argv[1:])
    head, _ = header(command.strip())

    arts = read_corpus(args.corpus)
    log(f"{len(arts)} articles; converting and encoding ...")
    cells, counts = material(arts, args.samples, args.seed)
    ms = methods()
    table, odd, speeds = _measure(cells, ms)

    print(head)
    print(
        f"\n{counts['usable']:,} of {counts['articles']:,} articles encode fully in Big5 (s2tw)"
        f" and Big5-HKSCS (s2hk); {args.samples} texts per cut, seed {args.seed}."
        " Share of texts decoded exactly:\n"
    )
    names = list(ms)
    print("| encoding | cut | " + " | ".join(names) + " |")
    print("| --- | --- |" + " ---: |" * len(names))
    for (enc, cut), row in table.items():
        cells_ = " | ".join(f"{row[n]:.1%}" for n in names)
        print(f"| {enc} | {cut} | {cells_} |")
    if odd["refused"]:
        _print_refused(names, odd["others"], odd["refused"])
    _print_speeds(cells, speeds)
    extra = first_decode_ms()
    print(
        f"\nsearcher's first call beyond what `searcher index` loads anyway (searcher.corpus,"
        f" OpenCC): {extra:.1f} ms (its table of common characters, read on the first file"
        " that is not UTF-8)."
    )


if __name__ == "__main__":
    main()
