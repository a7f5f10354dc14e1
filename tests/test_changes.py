"""The change plan (searcher.changes): what an update adds, updates, removes and keeps.

Pure: no file and no index is touched; the plan is shown files and articles.
"""

from __future__ import annotations

import os

from searcher import changes
from searcher.corpus import SourceArticle


def art(aid: str, body: str = "正文", **kw) -> SourceArticle:
    return SourceArticle(id=aid, title=kw.pop("title", ""), body=body, **kw)


def manifest_of(*files: tuple[str, list[SourceArticle]]) -> dict:
    """The manifest a first build of these files leaves."""
    plan = changes.ChangePlan({})
    for key, arts in files:
        assert not plan.keeps(key, f"h-{key}")
        plan.read(key, f"h-{key}", [1], arts, [])
    return plan.manifest


def test_a_first_build_adds_everything():
    plan = changes.ChangePlan({})
    new, dups = plan.read("/a", "h1", [1, 2, 3, 4], [art("x"), art("y")], [])
    assert [a.id for a in new] == ["x", "y"] and dups == []
    assert (plan.counts.added, plan.counts.updated, plan.counts.unchanged) == (2, [], 0)
    assert plan.removed() == []
    assert plan.manifest["/a"]["articles"] == [
        ["x", changes.digest(art("x"))],
        ["y", changes.digest(art("y"))],
    ]


def test_an_unchanged_file_is_kept_without_reading():
    old = manifest_of(("/a", [art("x")]), ("/b", [art("y")]))
    plan = changes.ChangePlan(old)
    assert plan.keeps("/a", "h-/a")
    assert plan.keep("/a", [9]) == []
    assert not plan.keeps("/b", "another hash")
    new, _ = plan.read("/b", "another hash", [9], [art("y", "改过的正文"), art("z")], [])
    assert [a.id for a in new] == ["y", "z"]
    assert (plan.counts.added, plan.counts.updated, plan.counts.unchanged) == (1, ["y"], 1)
    assert plan.manifest["/a"]["stat"] == [9]  # the new stat is recorded
    assert plan.changes_anything(["/src"], ["/src"])


def test_a_changed_file_whose_articles_did_not_change_adds_nothing():
    old = manifest_of(("/a", [art("x"), art("y")]))
    plan = changes.ChangePlan(old)
    new, _ = plan.read("/a", "new hash", [1], [art("x"), art("y")], [])
    assert new == [] and plan.counts.unchanged == 2 and plan.removed() == []


def test_removed_articles_and_files():
    old = manifest_of(("/a", [art("x"), art("y")]), ("/b", [art("z")]))
    plan = changes.ChangePlan(old)
    plan.read("/a", "new hash", [1], [art("x")], [])  # y gone from a; b gone entirely
    assert sorted(plan.removed()) == ["y", "z"]
    assert plan.changes_anything(["/src"], ["/src"])


def test_a_duplicate_id_stays_with_the_first_file_in_path_order():
    plan = changes.ChangePlan({})
    plan.read("/a", "h1", [1], [art("x", "甲")], [])
    new, dups = plan.read("/b", "h2", [1], [art("x", "乙", origin="/b:1"), art("w")], [])
    assert [a.id for a in new] == ["w"]
    assert [str(d) for d in dups] == ["/b:1: duplicate id 'x' (first in /a); skipped"]
    assert plan.manifest["/b"]["skipped"] == ["x"]
    assert plan.manifest["/b"]["problems"] == [str(dups[0])]


def test_a_kept_file_is_read_again_when_an_earlier_file_now_claims_its_article():
    old = manifest_of(("/b", [art("x")]))
    plan = changes.ChangePlan(old)
    plan.read("/a", "h-new", [1], [art("x", "新的")], [])  # a new file, earlier in path order
    assert not plan.keeps("/b", "h-/b")  # b's x is a's now: b must be read again


def test_a_file_that_skipped_a_duplicate_is_read_again_when_the_first_one_goes():
    plan = changes.ChangePlan({})
    plan.read("/a", "h-a", [1], [art("x")], [])
    plan.read("/b", "h-b", [1], [art("x", "乙")], [])
    plan = changes.ChangePlan(plan.manifest)
    assert not plan.keeps("/b", "h-b")  # /a is gone: b's skipped x must be read now


def test_problems_of_a_kept_file_are_reported_again():
    plan = changes.ChangePlan({})
    plan.read("/a", "h", [1], [art("x")], ["/a:3: line is not valid JSON"])
    again = changes.ChangePlan(plan.manifest)
    assert again.keep("/a", [1]) == ["/a:3: line is not valid JSON"]


def test_the_stat_says_when_the_recorded_hash_can_be_trusted(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("x")
    st = os.stat(f)
    record = {"hash": "H", "stat": changes.stat_key(st)}
    later = max(st.st_mtime_ns, st.st_ctime_ns) + 10 * changes.RACY_NS
    assert changes.known_hash(record, st, later) == "H"
    # Written within the last two seconds: a coarse clock could hide a second write.
    assert changes.known_hash(record, st, max(st.st_mtime_ns, st.st_ctime_ns) + 1) is None
    assert changes.known_hash({**record, "stat": [0, 0, 0, 0]}, st, later) is None
    assert changes.known_hash(None, st, later) is None


def test_nothing_changes_when_the_files_and_sources_are_the_same():
    old = manifest_of(("/a", [art("x")]))
    plan = changes.ChangePlan(old)
    plan.keep("/a", old["/a"]["stat"])
    assert not plan.changes_anything(["/src"], ["/src"])
    assert plan.changes_anything(["/src", "/more"], ["/src"])
