"""Incremental updates: the index follows its sources, and ranks as a fresh rebuild would."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, write_jsonl

import searcher
from searcher import cli
from searcher.local import segments, store, writer
from searcher.local.textstore import TextStore

BODIES = [
    "鞍山市招商引资成效显著，高质量发展动能强劲。",
    "锦州港口货物吞吐量创新高，招商工作会议召开。",
    "杜鹃花是丹东市花，变电村的杜鹃花卉基地面积已达五百余亩。",
    "经济发展迅速，人民生活水平不断提高。",
    "北大荒的粮食产量连年增长，农业现代化水平提升。",
    "西北大学举办学术会议，讨论经济发展与招商引资。",
    "冬奥会筹备工作顺利推进，冰雪运动蓬勃发展。",
    "辽宁省推进营商环境建设，鞍山钢铁转型升级。",
]
QUERIES = [
    "招商",
    "发展",
    "杜鹃花",
    "经济发展",
    "鞍山",
    "山市",
    "会议",
    "招商引资",
    '"经济 发展"',
    "经济的发展",
    "title:丹东",
    "发展 -招商",
    "冰雪 OR 杜鹃",
    "大学",
    "新高",
]


def articles(prefix: str, n: int, start: int = 0) -> list[dict]:
    return [
        {
            "id": f"{prefix}{i}",
            "title": BODIES[(i + 3) % len(BODIES)][:6],
            "body": BODIES[i % len(BODIES)] + BODIES[(i * 5 + 1) % len(BODIES)][: 5 + i % 9],
            "date": f"1998-01-{1 + i % 28:02d}",
        }
        for i in range(start, start + n)
    ]


def answers(path, queries=QUERIES) -> dict[str, list[tuple]]:
    """Every query's full ranked answer: (id, score, match) of each hit."""
    with searcher.open_index(path) as ix:
        return {
            q: [(h.id, h.score, h.match) for h in ix.search(q, limit=0, snippets=False).hits]
            for q in queries
        }


def make_sources(root: Path) -> Path:
    src = root / "src"
    write_jsonl(src / "a.jsonl", articles("a", 12))
    write_jsonl(src / "b.jsonl", articles("b", 9, 4))
    write_jsonl(src / "c.jsonl", articles("c", 7, 2))
    shutil.copy(next(SEEDS.glob("*.txt")), src / "page.txt")
    return src


def test_update_matches_a_fresh_rebuild(tmp_path):
    src = make_sources(tmp_path)
    first = searcher.build_index([src], tmp_path / "ix")
    assert first.rebuilt and first.added == first.articles == 12 + 9 + 7 + 7

    # change one article and add one in a.jsonl, remove c.jsonl, add d.jsonl
    changed = articles("a", 12)
    changed[3]["body"] = "完全改写的正文：揭榜挂帅机制落地。"
    changed.append({"id": "a-new", "title": "新增", "body": "新增文章讲招商引资与经济发展。"})
    write_jsonl(src / "a.jsonl", changed)
    (src / "c.jsonl").unlink()
    write_jsonl(src / "d.jsonl", articles("d", 5, 1))

    report = searcher.build_index([src], tmp_path / "ix")
    assert not report.rebuilt
    assert (report.added, report.updated, report.removed) == (1 + 5, 1, 7)
    assert report.unchanged == 11 + 9 + 7
    assert report.articles == 12 + 1 + 9 + 5 + 7

    fresh = searcher.build_index([src], tmp_path / "fresh", rebuild=True)
    assert fresh.articles == report.articles
    updated = answers(tmp_path / "ix", [*QUERIES, "揭榜挂帅", "完全改写"])
    assert updated == answers(tmp_path / "fresh", [*QUERIES, "揭榜挂帅", "完全改写"])
    assert [h[0] for h in updated["完全改写"]] == ["a3"]
    assert all(not h[0].startswith("c") for hits in updated.values() for h in hits)
    _check_id_lookups(tmp_path / "ix", [a["id"] for a in changed] + ["c2", "nope"])


def _check_id_lookups(path, ids: list[str]) -> None:
    """An id is found by a binary search in each segment's ids sorted: as a scan of
    every live id finds it (a replaced article's old copy is deleted, not found)."""
    with searcher.open_index(path) as ix:
        snap = ix.engine.snap
        live = {snap.texts.doc_id(d): d for d in snap.all_docs()}
        assert {i: snap.docnum(i) for i in ids} == {i: live.get(i) for i in ids}
        assert live.get("a3") is not None and "c2" not in live


def test_unchanged_files_are_not_read_again(tmp_path):
    src = make_sources(tmp_path)
    searcher.build_index([src], tmp_path / "ix")
    before = answers(tmp_path / "ix")
    for f in src.iterdir():
        os.utime(f)  # touched, not changed
    report = searcher.build_index(None, tmp_path / "ix")  # the index remembers its sources
    assert (report.added, report.updated, report.removed, report.text_bytes) == (0, 0, 0, 0)
    assert report.unchanged == report.articles == 35
    assert answers(tmp_path / "ix") == before


def test_a_change_that_keeps_size_and_mtime_is_found(tmp_path):
    src = tmp_path / "src"
    f = write_jsonl(src / "a.jsonl", [{"id": "x", "body": "杜鹃花开"}])
    searcher.build_index([src], tmp_path / "ix")
    st = f.stat()
    f.write_text(f.read_text("utf-8").replace("杜鹃花开", "玫瑰花开"), "utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_size == st.st_size
    report = searcher.build_index([src], tmp_path / "ix")
    assert report.updated == 1
    with searcher.open_index(tmp_path / "ix") as ix:
        assert ix.search("杜鹃").total == 0
        assert [h.id for h in ix.search("玫瑰").hits] == ["x"]


def test_duplicate_ids_resolve_as_a_rebuild_would(tmp_path):
    src = tmp_path / "src"
    write_jsonl(src / "b.jsonl", [{"id": "dup", "body": "后来的版本"}])
    searcher.build_index([src], tmp_path / "ix")
    # a.jsonl sorts first: its copy of dup wins, b.jsonl's is now the duplicate
    write_jsonl(src / "a.jsonl", [{"id": "dup", "body": "先来的版本"}])
    report = searcher.build_index([src], tmp_path / "ix")
    assert any("duplicate id 'dup'" in p and "b.jsonl" in p for p in report.problems)
    with searcher.open_index(tmp_path / "ix") as ix:
        assert [h.id for h in ix.search("先来").hits] == ["dup"]
        assert ix.search("后来").total == 0
    # remove a.jsonl: b.jsonl's copy comes back
    (src / "a.jsonl").unlink()
    report = searcher.build_index([src], tmp_path / "ix")
    assert not report.problems
    with searcher.open_index(tmp_path / "ix") as ix:
        assert [h.id for h in ix.search("后来").hits] == ["dup"]


def test_many_small_updates_merge_segments_and_keep_results(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "FACTOR", 3)
    src = tmp_path / "src"
    for k in range(7):
        write_jsonl(src / f"day{k}.jsonl", articles(f"d{k}-", 4, k))
        searcher.build_index([src], tmp_path / "ix")
        if k == 4:  # an update that also changes and removes
            write_jsonl(src / "day1.jsonl", articles("d1-", 2, 5))
            (src / "day2.jsonl").unlink()
    with searcher.open_index(tmp_path / "ix") as ix:
        assert len(ix.engine.snap.layout) <= 4
        _check_store_matches_whoosh(ix)
    searcher.build_index([src], tmp_path / "fresh", rebuild=True)
    assert answers(tmp_path / "ix") == answers(tmp_path / "fresh")


def _check_store_matches_whoosh(ix) -> None:
    """Every live document's lengths and id belong to its article as stored."""
    from searcher import analysis

    snap = ix.engine.snap
    texts: TextStore = snap.texts
    lengths = {"title": [], "body": []}
    for d in snap.all_docs():
        stored = snap.stored(d)
        assert texts.doc_id(d) == stored["id"]
        for i, f in enumerate(("title", "body")):
            n = texts.lengths(d)[i]
            assert n == len(analysis.fold(stored[f]).encode("utf-8"))
            lengths[f].append(n)
    for f, values in lengths.items():
        assert texts.avg_length(f) == pytest.approx(sum(values) / len(values))


@pytest.mark.parametrize("factor", [100, 3])
def test_parallel_build_equals_one_process(tmp_path, monkeypatch, factor):
    """Batches built by two workers, kept apart or merged (in the workers) as they finish."""
    src = make_sources(tmp_path)
    searcher.build_index([src], tmp_path / "one", procs=1)
    monkeypatch.setattr(writer, "_IN_PROCESS", 0)
    monkeypatch.setattr(writer, "_MAX_BATCH", 600)
    monkeypatch.setattr(writer, "_HOLD", 0)  # streaming: merges start while batches are built
    monkeypatch.setattr(segments, "FACTOR", factor)
    report = searcher.build_index([src], tmp_path / "two", procs=2)
    with searcher.open_index(tmp_path / "two") as ix:
        n = len(ix.engine.snap.layout)
        assert n > 2 if factor == 100 else n < 3  # several batches, or merged down
        _check_store_matches_whoosh(ix)
    assert report.articles == 35
    assert answers(tmp_path / "two") == answers(tmp_path / "one")


def test_sources_given_again_replace_the_old_set(tmp_path):
    src = make_sources(tmp_path)
    searcher.build_index([src], tmp_path / "ix")
    report = searcher.build_index([src / "a.jsonl"], tmp_path / "ix")
    assert report.articles == 12 and report.removed == 35 - 12
    with searcher.open_index(tmp_path / "ix") as ix:
        assert ix.info().sources == [str((src / "a.jsonl").resolve())]


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def test_cli_update_report_json(tmp_path):
    src = make_sources(tmp_path)
    assert run("index", src, "-i", tmp_path / "ix").exit_code == 0
    write_jsonl(src / "e.jsonl", [{"id": "e1", "body": "新来的"}])
    r = run("index", "-i", tmp_path / "ix", "--json")
    assert r.exit_code == 0
    report = json.loads(r.stdout)
    assert {k: report[k] for k in ("added", "updated", "removed", "unchanged", "rebuilt")} == {
        "added": 1,
        "updated": 0,
        "removed": 0,
        "unchanged": 35,
        "rebuilt": False,
    }
    assert report["articles"] == 36 and report["failed"] == []


def test_a_failed_source_is_listed(tmp_path):
    src = make_sources(tmp_path)
    (src / "bad.jsonl").write_text('{"id": "ok1", "body": "好"}\n{broken\n', "utf-8")
    r = run("index", src, "-i", tmp_path / "ix", "--json")
    assert r.exit_code == 2
    report = json.loads(r.stdout)
    assert report["failed"] == [str(src / "bad.jsonl")]
    # still failing on the next update, though the file is not read again
    r = run("index", "-i", tmp_path / "ix", "--json")
    assert r.exit_code == 2 and json.loads(r.stdout)["failed"] == [str(src / "bad.jsonl")]


# -- versions and dictionaries ---------------------------------------------------


def _edit_meta(path, **changes) -> None:
    gen = store.current_generation(path)
    meta = json.loads((gen / store.META).read_text("utf-8"))
    meta.update(changes)
    (gen / store.META).write_text(json.dumps(meta), "utf-8")


def test_an_index_from_an_older_analyzer_asks_for_a_rebuild(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "body": "杜鹃花"}])
    searcher.build_index([src], tmp_path / "ix")
    _edit_meta(tmp_path / "ix", analyzer_version=0)
    for args in (("search", "杜鹃花"), ("info",), ("index",)):
        r = run(*args, "-i", tmp_path / "ix")
        assert r.exit_code == 2
        assert r.stderr.strip().splitlines() == [
            f"Error: index at {tmp_path / 'ix'} was built with analyzer version 0,"
            " this searcher uses 1 (run 'searcher index --rebuild')"
        ]
    assert run("index", "-i", tmp_path / "ix", "--rebuild").exit_code == 0
    assert run("search", "杜鹃花", "-i", tmp_path / "ix").exit_code == 0


def test_another_jieba_dictionary_asks_for_a_rebuild(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "body": "杜鹃花"}])
    searcher.build_index([src], tmp_path / "ix")
    _edit_meta(tmp_path / "ix", dictionary="0" * 64)
    r = run("index", "-i", tmp_path / "ix")
    assert r.exit_code == 2
    assert "another jieba dictionary (run 'searcher index --rebuild')" in r.stderr


USERDICT = "揭榜挂帅 20 n\n减油增化\n"


def test_userdict_changes_words_at_index_and_query_time(tmp_path):
    src = write_jsonl(
        tmp_path / "src" / "a.jsonl",
        [
            {"id": "whole", "body": "实行揭榜挂帅制度，推进减油增化。"},
            {"id": "apart", "body": "他揭榜以后挂帅出征。"},
        ],
    )
    (tmp_path / "words.txt").write_text(USERDICT, "utf-8")

    searcher.build_index([src], tmp_path / "plain")
    with searcher.open_index(tmp_path / "plain") as ix:
        assert not ix.engine.snap.docs_with_word("body", "揭榜挂帅")
        # without the user dictionary the query is two words, found apart too
        assert [h.id for h in ix.search("揭榜挂帅").hits] == ["whole", "apart"]

    r = run("index", src.parent, "-i", tmp_path / "ix", "--userdict", tmp_path / "words.txt")
    assert r.exit_code == 0
    with searcher.open_index(tmp_path / "ix") as ix:
        assert ix.engine.snap.docs_with_word("body", "揭榜挂帅") and ix.engine.snap.docs_with_word(
            "body", "减油增化"
        )
        # one word now: only the article that holds it
        assert [(h.id, h.match) for h in ix.search("揭榜挂帅").hits] == [("whole", "word")]

    # the dictionary is kept: a later update uses it without being told
    write_jsonl(tmp_path / "src" / "b.jsonl", [{"id": "later", "body": "再次揭榜挂帅。"}])
    assert run("index", "-i", tmp_path / "ix").exit_code == 0
    with searcher.open_index(tmp_path / "ix") as ix:
        hits = ix.search("揭榜挂帅").hits
        assert {(h.id, h.match) for h in hits} == {("whole", "word"), ("later", "word")}

    # a different dictionary needs a rebuild
    (tmp_path / "other.txt").write_text("揭榜挂帅\n", "utf-8")
    r = run("index", "-i", tmp_path / "ix", "--userdict", tmp_path / "other.txt")
    assert r.exit_code == 2
    assert "another user dictionary" in r.stderr and "--rebuild" in r.stderr
    r = run("index", "-i", tmp_path / "ix", "--userdict", tmp_path / "other.txt", "--rebuild")
    assert r.exit_code == 0
    with searcher.open_index(tmp_path / "ix") as ix:
        assert not ix.engine.snap.docs_with_word("body", "减油增化")


def test_a_malformed_userdict_line_is_named(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "body": "杜鹃花"}])
    bad = tmp_path / "words.txt"
    bad.write_text("好词 10 n\n坏 词 行 多 余\n", "utf-8")
    r = run("index", src, "-i", tmp_path / "ix", "--userdict", bad)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {bad}:2: ")
    assert not (tmp_path / "ix" / "CURRENT").exists()


def test_api_update_reopens_on_the_new_index(tmp_path):
    src = tmp_path / "src"
    write_jsonl(src / "a.jsonl", [{"id": "x", "body": "杜鹃花开"}])
    searcher.build_index([src], tmp_path / "ix")
    with searcher.open_index(tmp_path / "ix") as ix:
        assert ix.search("玫瑰").total == 0
        write_jsonl(src / "b.jsonl", [{"id": "y", "body": "玫瑰花开"}])
        report = ix.update()
        assert (report.added, report.unchanged, report.articles) == (1, 1, 2)
        assert [h.id for h in ix.search("玫瑰").hits] == ["y"]
        assert ix.info().articles == 2


def test_the_fast_term_table_writes_whooshs_own_bytes(tmp_path, monkeypatch):
    """Terms written straight into the term table and postings (inlined or in blocks):
    the same files as Whoosh's own path."""
    from searcher import analysis, corpus
    from searcher.local import whooshdb

    articles, _ = corpus.read_sources([SEEDS])
    files = {}
    for fast in (False, True):
        monkeypatch.setattr(whooshdb, "FAST_TERMS", fast)
        folder = tmp_path / str(fast)
        folder.mkdir()
        whooshdb.create(str(folder))
        b = whooshdb.SegmentBuilder(str(folder))
        # Twenty times over: lists of eight articles or more (in blocks) come between
        # inlined ones, and the commonest words run past one block (128 articles).
        for n, a in enumerate(articles * 20):
            doc = {"id": f"{a.id}-{n}", "title": a.title, "body": a.body, "date": a.date}
            b.add(
                doc, analysis.words(analysis.fold(a.title)), analysis.words(analysis.fold(a.body))
            )
        seg = b.finish()
        files[fast] = {
            f.name.split(".", 1)[1]: f.read_bytes() for f in folder.glob(f"*_{seg.segid}.*")
        }
    assert files[True].keys() == files[False].keys() >= {"trm", "pst"}
    assert len(files[False]["pst"]) > 100  # lists that are not inlined were written
    for name, data in files[False].items():
        assert files[True][name] == data, name


def _every_view(path) -> dict:
    """What similar, facets and info say, for comparing an updated index with a rebuilt one."""
    with searcher.open_index(path) as ix:
        out = {"info": {**vars(ix.info()), "path": "", "generation": "", "built": ""}}
        for aid in ("t1", "t2"):
            like = ix.similar(aid, limit=0, facets=["date:month", "paper"])
            out[aid] = (like.terms, [(h.id, h.score) for h in like], like.facets)
        found = ix.search("鞍山 OR 丹东", limit=0, facets=["date:day", "source", "paper"])
        out["facets"] = found.facets
        return out


def test_similar_facets_and_info_after_an_update_equal_a_rebuild(tmp_path):
    """Issue 10: similar's key terms counted articles deleted by an update (Whoosh's
    doc_frequency counts them until a merge), and info's dates still showed theirs."""
    src = tmp_path / "src"
    steel = [
        {
            "id": f"b{i}",
            "title": "鞍山钢铁",
            "body": f"鞍钢集团第{i}季度产量创新高，鞍山经济转型。",
            "date": f"1998-02-0{i + 1}",
            "source": f"鞍山日报 1998-02-0{i + 1}",
        }
        for i in range(1, 6)
    ]
    kept = {"id": "b0", "title": "鞍山新闻", "body": "鞍山市民迎新春。", "date": "1998-02-01"}
    targets = [
        ("t1", "丹东杜鹃花", "丹东杜鹃花卉基地扩大，鞍钢集团前来采购花卉。", "05", "辽宁日报"),
        ("t2", "丹东花卉", "丹东花卉产业兴旺，杜鹃花远销鞍山和沈阳。", "06", "辽宁日报"),
        ("t3", "沈阳花市", "沈阳花市上丹东杜鹃花最受欢迎，鞍山花卉也有。", "07", "沈阳日报"),
    ]
    write_jsonl(src / "common.jsonl", [kept, *steel])
    write_jsonl(
        src / "targets.jsonl",
        [
            {"id": i, "title": t, "body": b, "date": f"1998-01-{d}", "source": f"{p} 1998-01-{d}"}
            for i, t, b, d, p in targets
        ],
    )
    searcher.build_index([src], tmp_path / "ix")
    write_jsonl(src / "common.jsonl", [kept])  # five articles deleted by the update
    report = searcher.build_index([src], tmp_path / "ix")
    assert (report.removed, report.rebuilt) == (5, False)
    searcher.build_index([src], tmp_path / "fresh", rebuild=True)
    updated, rebuilt = _every_view(tmp_path / "ix"), _every_view(tmp_path / "fresh")
    assert updated == rebuilt
    assert rebuilt["info"]["last_date"] == "1998-02-01"
    # 鞍钢 is in t1 alone now (the deleted articles held it): no key term of t1
    assert "鞍钢" not in rebuilt["t1"][0] and "丹东" in rebuilt["t1"][0]


def test_progress_follows_the_work_in_phases(tmp_path, monkeypatch):
    """Issue 10: the bar said 100% once the files were read and sat there while the
    real work ran. Progress now comes per phase, from the work itself."""
    src = tmp_path / "src"
    body = "鞍山市招商引资成效显著，高质量发展动能强劲。" * 40  # 880 characters
    write_jsonl(
        src / "a.jsonl", [{"id": f"a{i}", "title": "标题", "body": body} for i in range(300)]
    )
    write_jsonl(src / "b.jsonl", [{"id": f"b{i}", "title": "", "body": body} for i in range(100)])
    events = []
    searcher.build_index([src], tmp_path / "ix", progress=events.append, procs=1)
    phases = [e.phase for e in events]
    assert phases[0] == "reading" and "segmenting" in phases
    assert phases.index("segmenting") > max(i for i, p in enumerate(phases) if p == "reading")
    reading = [e for e in events if e.phase == "reading"]
    size = sum(f.stat().st_size for f in src.iterdir())
    assert [(e.done, e.total) for e in reading][-1] == (size, size)
    assert [e.articles for e in reading] == [300, 400]
    seg = [e for e in events if e.phase == "segmenting"]
    text = 300 * (2 + len(body)) + 100 * len(body)
    assert [e.done for e in seg] == sorted(e.done for e in seg)  # never backwards
    assert (seg[-1].done, seg[-1].total) == (text, text)
    assert sum(e.done < e.total for e in seg) >= 3  # reported along the way, not at the end

    # The same with word workers (their counts are shared with the build).
    monkeypatch.setattr(writer, "_IN_PROCESS", 0)
    monkeypatch.setattr(writer, "_MAX_BATCH", 50_000)
    events.clear()
    searcher.build_index([src], tmp_path / "ix2", progress=events.append, procs=2)
    seg = [e for e in events if e.phase == "segmenting"]
    assert [e.done for e in seg] == sorted(e.done for e in seg)
    assert (seg[-1].done, seg[-1].total) == (text, text)


def test_the_splitter_version_is_recorded_and_a_different_one_is_noted(tmp_path, monkeypatch):
    """Issue 13: the index records what split its pages, and says when this searcher
    would split them differently (only a rebuild splits every page anew)."""
    from searcher import corpus

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), src / "page.txt")
    searcher.build_index([src], tmp_path / "ix")
    meta = json.loads((store.current_generation(tmp_path / "ix") / store.META).read_text())
    assert meta["splitter_version"] == corpus.SPLITTER_VERSION
    notes: list[str] = []
    searcher.build_index([src], tmp_path / "ix", on_notice=notes.append)
    assert notes == []
    monkeypatch.setattr(corpus, "SPLITTER_VERSION", corpus.SPLITTER_VERSION + 1)
    searcher.build_index([src], tmp_path / "ix", on_notice=notes.append)
    (note,) = notes
    assert f"split by splitter version {corpus.SPLITTER_VERSION - 1}" in note
    assert f"differently (version {corpus.SPLITTER_VERSION})" in note and "--rebuild" in note
    searcher.build_index([src], tmp_path / "ix", rebuild=True, on_notice=notes.append)
    meta = json.loads((store.current_generation(tmp_path / "ix") / store.META).read_text())
    assert meta["splitter_version"] == corpus.SPLITTER_VERSION and len(notes) == 1


def test_word_statistics_of_an_updated_index_equal_a_rebuilt_ones(tmp_path):
    """Query segmentation reads term infos, which count deleted documents until their
    segment is merged: the words of deleted articles (dwords.json) are subtracted."""
    src = make_sources(tmp_path)
    searcher.build_index([src], tmp_path / "ix")
    changed = articles("a", 12)
    changed[3]["body"] = "完全改写的正文：揭榜挂帅机制落地。"
    write_jsonl(src / "a.jsonl", changed)
    (src / "c.jsonl").unlink()
    searcher.build_index([src], tmp_path / "ix")
    searcher.build_index([src], tmp_path / "fresh", rebuild=True)
    with searcher.open_index(tmp_path / "ix") as ix, searcher.open_index(tmp_path / "fresh") as fr:
        words = sorted({w for t, b in BODIES_WORDS for w in (t, b)} | {"揭榜", "完全", "挂帅"})
        assert ix.engine.snap.dwords  # the update deleted articles still in their segments
        assert ix.engine.word_stats(words) == fr.engine.word_stats(words)


BODIES_WORDS = [(b[:2], b[2:4]) for b in BODIES]
