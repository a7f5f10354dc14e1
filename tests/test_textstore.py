"""The text store (searcher.local.textstore): exact substring matching over folded text,
the articles as written, ids and dates, and merged segments.

Checked against a plain scan of the same texts: whatever the bigram lists,
deletions and merges.
"""

from __future__ import annotations

import json
import random
import zlib
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searcher import analysis
from searcher.local import grams, textstore
from searcher.local.textstore import SegmentWriter, TextStore

ALPHABET = "经济发展鞍山市招商引资杜鹃花丹东哈 ，。a1Ａ𠀀"


def write(folder, segid: str, docs: list[tuple[str, str]], words=None) -> None:
    w = SegmentWriter(folder, segid)
    for i, (title, body) in enumerate(docs):
        w.add(
            {
                "id": f"{segid}-{i}",
                "title": title,
                "body": body,
                "date": f"1998-01-{i % 28 + 1:02d}" if i % 3 else "",
                "source": f"人民日报 第{i % 4}版",
                "author": "王" * (i % 2),
                "origin": f"f.jsonl:{i}",
            }
        )
    w.finish()
    counts = array("I")
    for title, body in docs:
        counts.extend(words or (len(title), len(body)))
    textstore.write_word_counts(folder, segid, counts)


def truth(docs, needle, field=None):
    out = {}
    for d, (title, body) in enumerate(docs):
        t, b = analysis.fold(title).count(needle), analysis.fold(body).count(needle)
        if (t or b) if field is None else (t if field == "title" else b):
            out[d] = (t, b)
    return out


texts = st.text(alphabet=ALPHABET, max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.tuples(texts, texts), min_size=1, max_size=40),
    needle=st.text(alphabet=ALPHABET, min_size=1, max_size=4),
    field=st.sampled_from([None, "title", "body"]),
    long=st.sampled_from([1, 3, 1024]),
)
def test_matches_and_counts_equal_a_plain_scan(tmp_path_factory, docs, needle, field, long):
    folder = tmp_path_factory.mktemp("ts")
    real = grams.LONG
    grams.LONG = long  # short lists, or (nearly) every list in impact layers
    try:
        write(folder, "s1", docs)
    finally:
        grams.LONG = real
    store = TextStore(folder, [("s1", 0, frozenset())])
    try:
        needle = analysis.fold(needle)
        want = truth(docs, needle, field)
        assert store.find(needle, field) == set(want)
        found = store.find(needle)
        assert store.counts(needle, found) == truth(docs, needle)
    finally:
        store.close()


def _pair_counts(text: str) -> dict[int, int]:
    """Each pair of UTF-16 code units of text -> how often it stands, not overlapping
    itself (as str.count counts): a plain left-to-right scan."""
    units = array("H")
    units.frombytes(text.encode("utf-16-le"))
    out: dict[int, int] = {}
    for key in {units[i] << 16 | units[i + 1] for i in range(len(units) - 1)}:
        a, b, i, n = key >> 16, key & 0xFFFF, 0, 0
        while i < len(units) - 1:
            if units[i] == a and units[i + 1] == b:
                n, i = n + 1, i + 2
            else:
                i += 1
        out[key] = n
    return out


@pytest.mark.parametrize(("long", "per_pass"), [(1, 1 << 19), (3, 50), (1024, 7)])
def test_every_list_of_the_table_holds_each_documents_exact_counts(
    tmp_path, monkeypatch, long, per_pass
):
    """The whole table against a scan: runs of one character (哈哈哈), characters
    beyond the BMP, counts too large for a byte, lists long and short, zipped, the
    keys counted in one pass or in many."""
    monkeypatch.setattr(grams, "LONG", long)
    monkeypatch.setattr(grams, "_PASS", per_pass)
    rng = random.Random(long)
    docs = _random_docs(rng, 60) + [
        ("哈哈哈", "哈" * 7 + "。哈哈" + "𠀀𠀀𠀀"),
        ("", "经济" * 70_000),  # a count past 0xFFFF
        ("经济经济", ""),
        ("", ""),
    ]
    docs += [(f"{i}", "发展" * (i % 70)) for i in range(40)]  # a zipped count stream
    write(tmp_path, "a", docs)
    store = TextStore(tmp_path, [("a", 0, frozenset())])
    try:
        table = store.segs[0].grams
        want: dict[int, dict[int, tuple[int, int]]] = {}
        for d, (title, body) in enumerate(docs):
            t, b = _pair_counts(analysis.fold(title)), _pair_counts(analysis.fold(body))
            for k in t.keys() | b.keys():
                want.setdefault(k, {})[d] = (t.get(k, 0), b.get(k, 0))
        keys = set(table.keys) | set(table.single_keys)
        assert keys == set(want)
        for k, by_doc in want.items():
            p = table.postings(k)
            assert dict(zip(p.docs, zip(p.tt, p.tb))) == by_doc, hex(k)
    finally:
        store.close()


def _random_docs(rng: random.Random, n: int) -> list[tuple[str, str]]:
    return [
        ("".join(rng.choices(ALPHABET, k=8)), "".join(rng.choices(ALPHABET, k=rng.randint(0, 60))))
        for _ in range(n)
    ]


def test_segments_offsets_and_deleted_documents(tmp_path):
    rng = random.Random(5)
    one, two = _random_docs(rng, 30), _random_docs(rng, 20)
    write(tmp_path, "a", one)
    write(tmp_path, "b", two)
    deleted = frozenset({0, 3, 7})
    store = TextStore(tmp_path, [("a", 0, deleted), ("b", 30, frozenset({1}))])
    try:
        for needle in ("经济", "山", "发展鞍", "。a", "哈哈", "𠀀"):
            want = {d for d in truth(one, needle) if d not in deleted}
            want |= {30 + d for d in truth(two, needle) if d != 1}
            assert store.find(needle) == want, needle
        assert store.doc_count == 50 - 4
        assert store.doc_id(31) == "b-1" and store.doc_id(2) == "a-2"
        assert store.docnum("b-2") == 32 and store.docnum("b-1") is None  # deleted
        assert store.docnum("a-7") is None and store.docnum("nope") is None
        fold = analysis.fold
        assert store.lengths(30) == tuple(len(fold(x).encode()) for x in two[0])
        assert store.chars(30) == len(two[0][0]) + len(two[0][1])
        live_title = [len(fold(t).encode()) for d, (t, _) in enumerate(one) if d not in deleted]
        live_title += [len(fold(t).encode()) for d, (t, _) in enumerate(two) if d != 1]
        assert store.avg_length("title") == pytest.approx(sum(live_title) / 46)
        assert store.word_total() == sum(len(t) + len(b) for t, b in one + two) - sum(
            len(one[d][0]) + len(one[d][1]) for d in deleted
        ) - len(two[1][0]) - len(two[1][1])
    finally:
        store.close()


def test_articles_come_back_as_written(tmp_path):
    """The folded text and a patch give the title and body back, character for
    character: full-width forms, traditional characters, upper case, separators."""
    docs = [
        ("ＧＤＰ增长３．９％", "杜鵑花（图片）：ABC def\n第二段，“引号”！"),
        ("①㍿ﬁ", "Ⅻ章½"),  # folds that change the length
        ("", "a\x1eb\x00c"),
        ("完全一样", "完全一样的正文。"),
    ]
    write(tmp_path, "a", docs)
    store = TextStore(tmp_path, [("a", 0, frozenset())])
    try:
        for d, (title, body) in enumerate(docs):
            s = store.stored(d)
            assert (s["title"], s["body"], s["id"]) == (title, body, f"a-{d}")
            assert s["origin"] == f"f.jsonl:{d}" and s["source"] == f"人民日报 第{d % 4}版"
        assert store.dates() == ["", "1998-01-02", "1998-01-03", ""]
    finally:
        store.close()


@pytest.mark.parametrize(("long", "per_pass"), [(3, 1 << 17), (1024, 5), (20, 1)])
def test_a_merged_segment_keeps_the_live_documents_in_order(tmp_path, monkeypatch, long, per_pass):
    """A merge keeps the live documents, in order, and writes the table a build of
    them writes, byte for byte: lists long in one input and short in the other, plain,
    counted, zipped and escaped lists, keys merged in one range or in many."""
    monkeypatch.setattr(grams, "LONG", long)
    monkeypatch.setattr(grams, "_MERGE_PASS", per_pass)
    rng = random.Random(9)
    docs = [
        (f"标题{i}", f"正文经济{i}发展" + "".join(rng.choices(ALPHABET, k=20))) for i in range(80)
    ]
    docs += [  # a list of 128 or more (a two-byte count), counts past a byte's code
        (
            "发展" * (i % 5),
            "正文。" * (1 + i % 2)
            + "改革" * (i % 90)
            + "经济" * (i % 3)
            + "。丙丁" * (33 + i % 20)  # counts of six bits in a long or zipped list
            + ("。甲乙" * (32 + i % 30) if i < 10 else "")  # in a short list (RAW)
            + ("。戊己" * 70 if i < 5 else ""),  # escaped in a short list
        )
        for i in range(140)
    ]
    write(tmp_path, "a", docs[:50])
    write(tmp_path, "b", docs[50:100])
    write(tmp_path, "c", docs[100:])
    layout = [("a", frozenset({1, 2})), ("b", frozenset({0})), ("c", frozenset())]
    n, _ = textstore.merge(tmp_path, layout, "m")
    kept = [d for i, d in enumerate(docs) if i not in (1, 2, 50)]
    assert n == len(kept)
    write(tmp_path, "fresh", kept)  # the same documents written at once
    assert (tmp_path / "seg-m.grams").read_bytes() == (tmp_path / "seg-fresh.grams").read_bytes()
    store = TextStore(tmp_path, [("m", 0, frozenset())])
    fresh = TextStore(tmp_path, [("fresh", 0, frozenset())])
    try:
        assert [store.doc_id(d) for d in range(n)] == [
            f"a-{i}" if i < 50 else f"b-{i - 50}" if i < 100 else f"c-{i - 100}"
            for i in range(len(docs))
            if i not in (1, 2, 50)
        ]
        for needle in ("经济1", "经济", "济发", "题", "哈哈", "𠀀"):
            want = truth(kept, needle)
            assert store.find(needle) == set(want), needle
            assert store.counts(needle, set(want)) == want
        assert [store.chars(d) for d in range(n)] == [len(t) + len(b) for t, b in kept]
        assert [store.word_counts(d) for d in range(n)] == [(len(t), len(b)) for t, b in kept]
        assert [store.stored(d)["body"] for d in range(n)] == [b for _, b in kept]
        seg, other = store.segs[0].grams, fresh.segs[0].grams
        assert list(seg.keys) == list(other.keys)  # the same lists as written at once
        for k in seg.keys:
            a, b = seg.postings(k), other.postings(k)
            assert sorted(zip(a.docs, a.tt, a.tb)) == sorted(zip(b.docs, b.tt, b.tb))
    finally:
        store.close()
        fresh.close()


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


def test_a_match_straddling_two_characters_is_not_a_match(tmp_path):
    """The text is UTF-16: the bytes of a needle may stand at an odd offset, across
    the halves of two characters; that is not a match."""
    text = "\u4e4e\u5e50\u4e2d\u6587"  # bytes 4e 4e 50 5e 2d 4e 87 65
    raw = text.encode("utf-16-le")
    straddling = [raw[i : i + n].decode("utf-16-le") for n in (2, 4) for i in (1, 3)]
    write(tmp_path, "a", [("", text), (text, "")])
    store = TextStore(tmp_path, [("a", 0, frozenset())])
    try:
        for needle in straddling:
            assert needle not in text and store.find(needle) == set(), needle
        assert store.find(text[1:3]) == {0, 1}
    finally:
        store.close()
    # Counted in place, a straddling byte match is not an occurrence either.
    for needle in straddling:
        folder = tmp_path / f"c{ord(needle[0]):x}{len(needle)}"
        folder.mkdir()
        write(folder, "b", [(text + needle, needle + text + needle)])
        store = TextStore(folder, [("b", 0, frozenset())])
        try:
            assert store.find(needle) == {0}, needle
            assert store.counts(needle, {0}) == {0: (1, 2)}, needle
        finally:
            store.close()


@pytest.mark.parametrize("layout", ["a record per line", "one line"])
def test_a_hit_reads_its_own_record_in_either_block_layout(tmp_path, monkeypatch, layout):
    """Blocks are written a record per line (a hit parses its own); a block written as one
    JSON line (format 4's first layout) is still read, whole."""
    from searcher.local import docs

    if layout == "one line":
        monkeypatch.setattr(
            docs,
            "_pack",
            lambda rs: zlib.compress(json.dumps(rs, ensure_ascii=False).encode()),
        )
    records = [[[], [[i, "，\n"]], f"报{i}", "", f"f:{i}"] for i in range(docs.BLOCK * 2 + 5)]
    w = docs.Writer(tmp_path / "seg-x.docs")
    for r in records:
        w.add(r)
    w.finish()
    data = (tmp_path / "seg-x.docs").read_bytes()
    reader = docs.Reader(data, len(records), "seg-x.docs")
    for d in [0, 5, docs.BLOCK - 1, docs.BLOCK, len(records) - 1, 3, docs.BLOCK + 1]:
        assert reader.record(d) == records[d]
    assert [r for b in range(3) for r in reader.records(b)] == records
