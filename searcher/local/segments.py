"""Segments: a Whoosh segment and its text store, the pair a batch of articles becomes.

The two halves are written by different processes (the words need jieba, the
text store does not) but always together, under one segment id, and merged and
dropped together: this module is the only one that knows they are a pair.
``tick(n)`` reports n characters of text done, for the build's progress.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable
from pathlib import Path

from searcher import analysis
from searcher.local import textstore, whooshdb

MAX_SEGMENTS = 16  # more than this after an update: the smallest are merged
_TICK = 1 << 16  # characters of text between two progress reports

Tick = Callable[[int], None]


def _no_tick(n: int) -> None:
    pass


def build_words(staging: str, segid: str, docs: list[dict], tick: Tick = _no_tick):
    """The Whoosh segment of a batch of articles (jieba words) and its word counts."""
    gc.disable()  # millions of small objects, none of them cyclic
    builder = whooshdb.SegmentBuilder(staging, segid)
    try:
        fold, words = analysis.fold, analysis.words
        counts = array("I")
        pending = 0
        for doc in docs:
            tw, bw = words(fold(doc["title"])), words(fold(doc["body"]))
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


def build_texts(staging: str, segid: str, docs: list[tuple[str, str, str]]) -> None:
    """The text store of a batch of (id, title, body): no jieba needed."""
    gc.disable()
    texts = textstore.SegmentWriter(staging, segid)
    try:
        fold = analysis.fold
        for article_id, title, body in docs:
            texts.add(fold(title), fold(body), article_id, len(title) + len(body))
        texts.finish()
    except BaseException:
        texts.cancel()
        raise
    finally:
        gc.enable()


def merge_small(staging: Path, tick: Tick = _no_tick) -> None:
    """Merge the smallest segments when there are too many (few updates need it).

    Postings and texts are copied, nothing is segmented again.
    """
    if len(whooshdb.segment_ids(str(staging))) <= MAX_SEGMENTS:
        return
    reader = whooshdb.Reader(str(staging))
    try:
        segs = reader.segments()
        total = reader.doc_count_all
    finally:
        reader.close()
    ends = [offset for _, offset, _ in segs[1:]] + [total]
    live = {sid: end - offset - len(deleted) for (sid, offset, deleted), end in zip(segs, ends)}
    order = [sid for sid, _, _ in segs]
    smallest = sorted(order, key=lambda s: live[s])[: len(segs) - MAX_SEGMENTS // 2 + 1]
    chosen = [s for s in order if s in smallest]  # keep their document order
    stores: dict[str, textstore.TextStore] = {}

    def word_counts(segid: str, d: int) -> tuple[int, int]:
        if segid not in stores:
            stores[segid] = textstore.TextStore(staging, [(segid, 0, frozenset())])
        return stores[segid].word_counts(d)

    try:
        merged = whooshdb.merge(str(staging), chosen, word_counts)
    finally:
        for st in stores.values():
            st.close()
    textstore.copy_segment(
        staging,
        chosen,
        {sid: deleted for sid, _, deleted in segs},
        staging,
        whooshdb.segment_id(merged),
    )
    whooshdb.commit(str(staging), add=[merged], drop=chosen)
    tick(sum(live[s] for s in chosen))


def drop_unused(staging: Path) -> None:
    """Remove the text stores of segments no longer in the index (merged away)."""
    keep = {n for sid in whooshdb.segment_ids(str(staging)) for n in textstore.file_names(sid)}
    for f in staging.glob("seg-*"):
        if f.name not in keep:
            f.unlink()
