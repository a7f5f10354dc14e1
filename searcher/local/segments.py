"""Segments: a Whoosh segment and its text store, the pair a batch becomes.

The two halves are written by different processes (the words need jieba, the
text store does not) but always together, under one segment id, and merged and
dropped together: this module is the only one that knows they are a pair.
``tick(n)`` reports n characters of text done, for the build's progress.

Merging is tiered: a segment's level is set by the size of its text (every
``FACTOR`` times larger, one level up, from ``BASE``), and ``FACTOR`` segments
of one level are merged into one of the next. The number of segments so stays
logarithmic in the archive (45 batches of 100 copies of the corpus: 10
segments), each byte is rewritten about log_FACTOR(archive / batch) times, and
no merge holds much of its output: ``merge`` streams the words term by term and
the bigram lists a range of keys at a time, so a worker can run it beside indexing.
"""

from __future__ import annotations

import gc
import math
import os
from array import array
from collections.abc import Callable
from pathlib import Path

from searcher import analysis
from searcher.local import textstore, whooshdb

FACTOR = 8  # segments of one level merged into one of the next
# Bytes of (UTF-16) text where level 1 starts: a batch of 4 M characters (8 MB)
# is then in the middle of level 3, and FACTOR of them in the middle of level 4.
BASE = 46_000
_TICK = 1 << 16  # characters of text between two progress reports

Tick = Callable[[int], None]


def _no_tick(n: int) -> None:
    pass


_trim = None  # glibc's malloc_trim once looked up; False: none


def give_back() -> None:
    """Return freed memory to the system: after a batch or a merge in a worker, and
    after the main process lets go of jieba (glibc keeps it in its heap otherwise:
    about 90 MiB a batch of text, held until the build ends and counted in the
    build's peak). A no-op without glibc."""
    global _trim
    if _trim is None:
        try:
            import ctypes

            _trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):
            _trim = False
    if _trim:
        _trim(0)


def build_words(staging: str, segid: str, docs: list[dict], tick: Tick = _no_tick):
    """The Whoosh segment of a batch of articles (jieba words) and its word counts."""
    gc.disable()  # millions of small objects, none of them cyclic
    builder = whooshdb.SegmentBuilder(staging, segid)
    try:
        words = analysis.words
        counts = array("I")
        pending = 0
        folded = analysis.fold_each(t for doc in docs for t in (doc["title"], doc["body"]))
        for doc, title, body in zip(docs, folded, folded):
            tw, bw = words(title), words(body)
            builder.add(doc, tw, bw)
            counts.append(len(tw))
            counts.append(len(bw))
            pending += len(doc["title"]) + len(doc["body"])
            if pending >= _TICK:
                tick(pending)
                pending = 0
        segment = builder.finish()
        textstore.write_word_counts(staging, segid, counts)
        tick(pending)
        return segment
    except BaseException:
        builder.cancel()
        raise
    finally:
        gc.enable()
        give_back()


def build_texts(staging: str, segid: str, docs: list[dict]) -> None:
    """The text store of a batch of articles: no jieba needed."""
    gc.disable()
    texts = textstore.SegmentWriter(staging, segid)
    try:
        texts.add_all(docs)
        texts.finish()
    except BaseException:
        texts.cancel()
        raise
    finally:
        gc.enable()
        give_back()


def merge(staging: str, inputs: list, segid: str) -> object:
    """Segment segid, holding the live documents of the given Whoosh segments, in order.

    Nothing is segmented again: texts and postings are copied. Returns the new
    Whoosh segment (for ``whooshdb.commit``); the inputs' files stay until a
    commit drops them. (The id is chosen by the caller: forked workers share the
    random state that would choose it.)
    """
    gc.disable()
    try:
        layout = [(s.segid, frozenset(s.deleted_docs())) for s in inputs]
        count, remaps = textstore.merge(staging, layout, segid)
        try:
            return whooshdb.merge(staging, list(zip(inputs, remaps)), segid, count)
        except BaseException:
            drop_files(Path(staging), [segid])
            raise
    finally:
        gc.enable()
        give_back()


def text_size(staging: str | Path, segment) -> int:
    """Bytes of live text of a segment (what its level is set by)."""
    path = Path(staging) / f"seg-{segment.segid}{textstore.TEXT_EXT}"
    total = segment.doc_count_all()
    live = total - segment.deleted_count()
    return os.path.getsize(path) * live // max(total, 1)


def level(size: int) -> int:
    return 0 if size < BASE else 1 + int(math.log(size / BASE, FACTOR))


def plan(sizes: list[tuple[object, int]]) -> list[list[object]]:
    """Which segments to merge now: FACTOR segments of a level at a time, lowest
    levels first, the smallest of a level first. sizes: (segment, bytes of text)."""
    by_level: dict[int, list[tuple[int, int, object]]] = {}
    for i, (seg, size) in enumerate(sizes):
        by_level.setdefault(level(size), []).append((size, i, seg))
    out = []
    for lv in sorted(by_level):
        group = sorted(by_level[lv], key=lambda x: (x[0], x[1]))
        while len(group) >= FACTOR:
            chosen, group = group[:FACTOR], group[FACTOR:]
            out.append([seg for _, _, seg in sorted(chosen, key=lambda x: x[1])])
    return out


def drop_files(staging: Path, segids: list[str]) -> None:
    """Remove the text stores of segments merged away (never part of a commit)."""
    for sid in segids:
        for name in textstore.file_names(sid):
            (staging / name).unlink(missing_ok=True)


def drop_unused(staging: Path) -> None:
    """Remove the text stores of segments no longer in the index (merged away)."""
    keep = {n for sid in whooshdb.segment_ids(str(staging)) for n in textstore.file_names(sid)}
    for f in staging.glob("seg-*"):
        if f.name not in keep:
            f.unlink()
