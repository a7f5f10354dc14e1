"""Ranking the first m without ranking everything (searcher.local.rank): the same
first m as a full sort by (score descending, id ascending), ties included, and the
merge policy that keeps segments few (searcher.local.segments.plan)."""

from __future__ import annotations

import random
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searcher.local import grams, rank, segments


def full_sort(scores: dict[int, float], ids: dict[int, str]) -> list[int]:
    return sorted(scores, key=lambda d: (-scores[d], ids[d]))


@settings(max_examples=200, deadline=None)
@given(
    scores=st.dictionaries(st.integers(0, 300), st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.25])),
    m=st.integers(1, 40),
)
def test_top_is_the_head_of_a_full_sort_with_ties(scores, m):
    ids = {d: f"id{(d * 7919) % 1000:04d}" for d in scores}  # id order unlike number order
    assert rank.top(scores, m, ids.__getitem__) == full_sort(scores, ids)[:m]


def _collection(rng: random.Random, n: int):
    """Documents with small counts and lengths, so that many scores tie."""
    docs = {}
    for d in range(n):
        tt, tb = rng.choice([0, 0, 0, 1, 2]), rng.choice([0, 1, 1, 2, 3])
        if tt or tb:
            docs[d] = (tt, tb, rng.choice([10, 20, 30]), rng.choice([100, 200, 300, 400]))
    return docs


def _layers(docs: dict, lens: array) -> list[grams.Layer]:
    groups: dict[tuple[int, int], list[int]] = {}
    for d, (tt, tb, _, _) in docs.items():
        groups.setdefault((tt, tb), []).append(d)
    out = []
    for (tt, tb), g in sorted(groups.items()):
        g.sort(key=lambda d: (lens[2 * d + 1], d))
        out.append(grams.Layer(tt, tb, min(lens[2 * d] for d in g), g))
    return out


@pytest.mark.parametrize("seed", range(12))
def test_impact_layers_give_the_head_of_a_full_sort(seed):
    rng = random.Random(seed)
    w = rank.Weights(2.0 * 2.5 * 2.2, 2.0 * 2.2, 0.3, 0.9 / 20, 0.3, 0.9 / 250)
    sources, everything, ids = [], {}, {}
    offset = 0
    for _ in range(3):  # three segments, one with deleted documents
        n = rng.randint(50, 400)
        docs = _collection(rng, n)
        lens = array("I", [0] * (2 * n))
        for d, (_, _, lt, lb) in docs.items():
            lens[2 * d], lens[2 * d + 1] = lt, lb
        deleted = frozenset(rng.sample(sorted(docs), min(5, len(docs)))) if offset else frozenset()
        sources.append(rank.Source(_layers(docs, lens), offset, lens, deleted))
        for d, (tt, tb, lt, lb) in docs.items():
            if d not in deleted:
                everything[offset + d] = w.score(tt, tb, lt, lb)
        offset += n
    for d in everything:
        ids[d] = f"id{(d * 7919) % 100000:05d}"
    accepted = {d for d in everything if d % 3}  # a tier: some documents only
    for m in (1, 10, 37):
        for accept in (lambda d: True, accepted.__contains__):
            want = {d: s for d, s in everything.items() if accept(d)}
            scored = rank.by_layers(sources, {}, w, m, accept)
            assert set(scored) <= set(want)
            assert all(scored[d] == want[d] for d in scored)  # the same float, to the last bit
            assert rank.top(scored, m, ids.__getitem__) == full_sort(want, ids)[:m]
            assert len(scored) < len(want) or len(want) <= 2 * m  # it did not score everything


def test_the_merge_policy_merges_factor_segments_of_a_level(monkeypatch):
    monkeypatch.setattr(segments, "FACTOR", 4)
    base = segments.BASE
    batch = base * 16 + 1  # level 3
    sizes = [(f"b{i}", batch) for i in range(9)] + [(f"t{i}", 10) for i in range(3)]
    groups = segments.plan(sizes)
    assert groups == [["b0", "b1", "b2", "b3"], ["b4", "b5", "b6", "b7"]]
    assert segments.plan(sizes[:3] + sizes[9:]) == []  # fewer than FACTOR of each level
    # the smallest of a level first, kept in their order
    mixed = [("x", batch + 5), ("y", batch + 1), ("z", batch + 3), ("u", batch + 2), ("v", batch)]
    assert segments.plan(mixed) == [["y", "z", "u", "v"]]
    # a merged segment is a level up: the policy merges it only with its peers
    assert segments.level(4 * batch) == segments.level(batch) + 1
    assert segments.level(0) == 0 and segments.level(base - 1) == 0


def test_a_segment_where_one_article_holds_the_string_is_ranked_too(tmp_path, monkeypatch):
    """A two-character string with impact layers in one segment and, in another, a single
    article holding it once (kept apart from the lists): that article is found and counted."""
    import json

    import searcher

    monkeypatch.setattr(grams, "LONG", 4)  # the first segment's list is in impact layers
    src = tmp_path / "src"
    src.mkdir()
    many = [{"id": f"a{i}", "title": "", "body": f"中国第{i}篇，中国。"} for i in range(12)]
    (src / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in many), "utf-8")
    ix = tmp_path / "ix"
    searcher.build_index([src], ix)
    one = {"id": "b0", "title": "另一篇", "body": "只提一次中国的文章。"}
    (src / "b.jsonl").write_text(json.dumps(one) + "\n", "utf-8")
    searcher.build_index([src], ix)  # an update: a second segment of one article
    with searcher.open_index(ix) as opened:
        for limit in (3, 20):
            r = opened.search('"中国"', limit=limit)
            assert r.total == 13
            assert len(r.hits) == min(limit, 13)
        assert {h.id for h in opened.search('"中国"', limit=20)} == {f"a{i}" for i in range(12)} | {
            "b0"
        }
        assert opened.search('"中国"', limit=20).hits[-1].id == "b0"  # once, in a longer body
