"""Write searcher/corpus/hanzi.py: common Chinese characters by frequency.

    python bench/make_hanzi.py

The table tells GB18030 text from Big5 text (searcher/corpus/decode.py): text
decoded in the right encoding is made of common characters, text decoded in
the wrong one of rare characters, symbols and kana. It is derived from jieba's
dictionary (dict.txt, MIT licence: about 350,000 words with their counts in a
large corpus), not from any newspaper: a character's count is the sum of the
counts of the words it is in, after folding (traditional -> simplified, as
searcher.analysis.fold does). Each character is kept with its cost in whole
bits, -log2(its share of all counts), up to MAX_BITS.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from searcher.analysis import fold  # noqa: E402

OUT = ROOT / "searcher" / "corpus" / "hanzi.py"
MAX_BITS = 20  # about the 6,000 most common characters; rarer ones cost RARE_BITS in decode.py
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def char_counts(dict_txt: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    with open(dict_txt, encoding="utf-8") as f:
        for line in f:
            word, freq = line.split(" ")[:2]
            for ch in word:
                if _CJK.match(ch):
                    counts[fold(ch)[:1]] += int(freq)
    return counts


def main() -> None:
    dict_txt = Path(jieba.__file__).parent / "dict.txt"
    counts = char_counts(dict_txt)
    total = sum(counts.values())
    levels: dict[int, list[str]] = {}
    for ch, n in counts.most_common():
        bits = round(-math.log2(n / total))
        if bits > MAX_BITS:
            break
        levels.setdefault(bits, []).append(ch)
    lines = [
        f'"""Common Chinese characters by cost in bits (-log2 of their share); made by'
        f" bench/make_hanzi.py.\n\nFrom jieba {jieba.__version__}'s dict.txt (MIT licence),"
        f" folded to simplified: {sum(map(len, levels.values()))} characters. Do not edit.\n"
        '"""',
        "",
        "BITS = {",
    ]
    for bits, chars in sorted(levels.items()):
        text = "".join(chars)
        if len(text) <= 40:
            lines.append(f'    {bits}: "{text}",')
            continue
        lines.append(f"    {bits}: (")
        lines += [f'        "{text[i : i + 40]}"' for i in range(0, len(text), 40)]
        lines.append("    ),")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {sum(map(len, levels.values()))} characters")


if __name__ == "__main__":
    main()
