"""The text store (searcher.local.textstore): exact substring matching over folded text.

Checked against a plain scan of the same texts: whatever the bigram buckets
(hash collisions only add candidates), deletions and merged segments.
"""

from __future__ import annotations

import random
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searcher.local import textstore
from searcher.local.textstore import SegmentWriter, TextStore

ALPHABET = "经济发展鞍山市招商引资杜鹃花丹东 ，。a1"


def write(folder, segid: str, docs: list[tuple[str, str]], words=None) -> None:
    w = SegmentWriter(folder, segid)
    for i, (title, body) in enumerate(docs):
        w.add(title, body, f"{segid}-{i}", len(title) + len(body) + 1)
    w.finish()
    counts = array("I")
    for title, body in docs:
        counts.extend(words or (len(title), len(body)))
    textstore.write_word_counts(folder, segid, counts)


def truth(docs, needle, field=None):
    out = {}
    for d, (title, body) in enumerate(docs):
        t, b = title.count(needle), body.count(needle)
        if (t or b) if field is None else (t if field == "title" else b):
            out[d] = (t, b)
    return out


texts = st.text(alphabet=ALPHABET, max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.tuples(texts, texts), min_size=1, max_size=40),
    needle=st.text(alphabet=ALPHABET, min_size=1, max_size=4),
    field=st.sampled_from([None, "title", "body"]),
)
def test_counts_equal_a_plain_scan(tmp_path_factory, docs, needle, field):
    folder = tmp_path_factory.mktemp("ts")
    write(folder, "s1", docs)
    store = TextStore(folder, [("s1", 0, frozenset())])
    try:
        assert store.counts(needle, field) == truth(docs, needle, field)
        assert store.find(needle, field) == set(truth(docs, needle, field))
    finally:
        store.close()


def test_segments_offsets_and_deleted_documents(tmp_path):
    rng = random.Random(5)
    one = [
        ("".join(rng.choices(ALPHABET, k=8)), "".join(rng.choices(ALPHABET, k=40)))
        for _ in range(30)
    ]
    two = [
        ("".join(rng.choices(ALPHABET, k=8)), "".join(rng.choices(ALPHABET, k=40)))
        for _ in range(20)
    ]
    write(tmp_path, "a", one)
    write(tmp_path, "b", two)
    deleted = frozenset({0, 3, 7})
    store = TextStore(tmp_path, [("a", 0, deleted), ("b", 30, frozenset({1}))])
    try:
        for needle in ("经济", "山", "发展鞍", "。a"):
            want = {d for d in truth(one, needle) if d not in deleted}
            want |= {30 + d for d in truth(two, needle) if d != 1}
            assert store.find(needle) == want, needle
        assert store.doc_count == 50 - 4
        assert store.doc_id(31) == "b-1" and store.doc_id(2) == "a-2"
        assert store.lengths(30) == tuple(len(x.encode()) for x in two[0])
        assert store.chars(30) == len(two[0][0]) + len(two[0][1]) + 1
        live_title = [len(t.encode()) for d, (t, _) in enumerate(one) if d not in deleted]
        live_title += [len(t.encode()) for d, (t, _) in enumerate(two) if d != 1]
        assert store.avg_length("title") == pytest.approx(sum(live_title) / 46)
        assert store.word_total() == sum(len(t) + len(b) for t, b in one + two) - sum(
            len(one[d][0]) + len(one[d][1]) for d in deleted
        ) - len(two[1][0]) - len(two[1][1])
    finally:
        store.close()


def test_a_merged_segment_keeps_the_live_documents_in_order(tmp_path):
    docs = [(f"标题{i}", f"正文经济{i}发展") for i in range(12)]
    write(tmp_path, "a", docs[:6])
    write(tmp_path, "b", docs[6:])
    n = textstore.copy_segment(tmp_path, ["a", "b"], {"a": {1, 2}, "b": {0}}, tmp_path, "m")
    assert n == 9
    store = TextStore(tmp_path, [("m", 0, frozenset())])
    try:
        kept = [d for i, d in enumerate(docs) if i not in (1, 2, 6)]
        assert [store.doc_id(d) for d in range(9)] == [
            f"{'a' if i < 6 else 'b'}-{i % 6}" for i in range(12) if i not in (1, 2, 6)
        ]
        assert store.find("经济1") == {d for d, (_, b) in enumerate(kept) if "经济1" in b}
        assert [store.chars(d) for d in range(9)] == [len(t) + len(b) + 1 for t, b in kept]
        assert [store.word_counts(d) for d in range(9)] == [(len(t), len(b)) for t, b in kept]
    finally:
        store.close()


def test_a_side_file_that_does_not_fit_is_damage(tmp_path):
    write(tmp_path, "a", [("标题", "正文")] * 3)
    (tmp_path / "seg-a.wlen").write_bytes(b"\x00" * 8)  # two documents' counts for three
    with pytest.raises(textstore.Mismatch, match=r"seg-a\.wlen does not match"):
        TextStore(tmp_path, [("a", 0, frozenset())])


def test_separator_bytes_in_text_are_scrubbed(tmp_path):
    write(tmp_path, "a", [("a\x1eb", "c\x00d")])
    store = TextStore(tmp_path, [("a", 0, frozenset())])
    try:
        assert store.find("a b") == {0} and store.find("c d") == {0}
        assert store.find("\x00") == store.find(" ") == {0}  # scrubbed as the text is
    finally:
        store.close()
