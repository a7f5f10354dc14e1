"""Live: what a generation records of its live documents, written at each commit.

Whoosh keeps deleted documents in its term infos and postings until their
segment is merged; ranking and query segmentation must count live documents
only, or an updated index would answer differently from one rebuilt from the
same sources. So each generation records, beside its segments:

- ``totals`` (in its metadata): live documents, bytes of their folded titles and
  bodies, their words. BM25's average lengths and the word total for query
  segmentation come from here, nothing is summed when an index is opened.
- ``dwords.json``: for each segment with deleted documents, the words of those
  documents (field -> word -> [occurrences, documents]). A word's live statistics
  are its term infos' minus these (``Snapshot.word_stats``). The words are those
  the deleted article was indexed with: its text as written (the text store
  keeps it), folded and segmented again with the same dictionaries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

FILE = "dwords.json"
Words = dict[str, dict[str, dict[str, list[int]]]]  # segid -> field -> word -> [freq, docs]


def read(folder: str | Path) -> Words:
    try:
        return json.loads((Path(folder) / FILE).read_text("utf-8"))
    except FileNotFoundError:
        return {}


def write(folder: str | Path, words: Words) -> None:
    """Replace the file (never through a hard link to an older generation's)."""
    path = Path(folder) / FILE
    path.unlink(missing_ok=True)
    if not words:
        return
    tmp = path.with_name(FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(words, ensure_ascii=False, separators=(",", ":")))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def add_deleted(words: Words, segid: str, stored: dict[str, str]) -> None:
    """Count the words of a deleted article (stored: its title and body as written)."""
    from searcher import analysis

    seg = words.setdefault(segid, {})
    for field in ("title", "body"):
        counts = Counter(analysis.words(analysis.fold(stored[field])))
        f = seg.setdefault(field, {})
        for w, n in counts.items():
            cell = f.setdefault(w, [0, 0])
            cell[0] += n
            cell[1] += 1


def keep(words: Words, segids: set[str]) -> Words:
    """Only the segments still in the index (a merge leaves no deleted document)."""
    return {sid: v for sid, v in words.items() if sid in segids}


def totals(store) -> dict:
    """The live totals of a text store (see ``textstore.TextStore``)."""
    segs = store.segs
    return {
        "docs": store.doc_count,
        "title": sum(s.field_total("title") for s in segs),
        "body": sum(s.field_total("body") for s in segs),
        "words": sum(s.word_total() for s in segs),
    }
