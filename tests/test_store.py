"""The index folder (searcher.local.store): generations, CURRENT, copies, the writer lock.

Issue 10: an index copied with a tool that follows symbolic links (cp -rL,
shutil.copytree, zip, a FAT stick) or skips them (rsync -r) did not open, and a
rebuild into the copy failed. Every ordinary way of copying, archiving and
restoring an index folder must give an index that opens, answers the same and
can be updated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import write_jsonl

import searcher
from searcher.errors import IndexBusy, IndexDamaged, IndexNotFound, NotAnIndex
from searcher.local import store

QUERIES = ["杜鹃花", "招商", "鞍山", '"丹东"']


def _answers(path) -> dict:
    with searcher.open_index(path) as ix:
        return {q: [(h.id, h.score) for h in ix.search(q, limit=0)] for q in QUERIES}


def _two_generations(tmp_path: Path) -> tuple[Path, Path]:
    """An index updated once (an old generation kept beside the one in force)."""
    src, ix = tmp_path / "src", tmp_path / "ix"
    write_jsonl(src / "a.jsonl", [{"id": "a1", "body": "杜鹃花是丹东市花"}])
    searcher.build_index([src], ix)
    write_jsonl(src / "b.jsonl", [{"id": "b1", "body": "鞍山招商引资"}])
    searcher.build_index(None, ix)
    assert len(list(ix.glob("gen-*"))) == 2
    return src, ix


def _as_legacy(ix: Path) -> None:
    """CURRENT as searcher wrote it before issue 10: a symbolic link."""
    name = (ix / store.CURRENT).read_text().strip()
    (ix / store.CURRENT).unlink()
    os.symlink(name, ix / store.CURRENT)


def _run(*cmd: str, cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)


def _copy(method: str, ix: Path, dest: Path) -> None:
    parent = ix.parent
    if method == "copytree":
        shutil.copytree(ix, dest)
    elif method in ("cp -r", "cp -rL"):
        _run(*method.split(), str(ix), str(dest), cwd=parent)
    elif method.startswith("rsync"):
        _run(*method.split(), f"{ix}/", str(dest), cwd=parent)
    elif method == "tar":
        _run("tar", "-cf", "ix.tar", ix.name, cwd=parent)
        dest.parent.mkdir(exist_ok=True)
        _run("tar", "-xf", str(parent / "ix.tar"), "-C", str(dest.parent), cwd=parent)
        (dest.parent / ix.name).rename(dest)
    elif method == "zip":
        _run("zip", "-qr", "ix.zip", ix.name, cwd=parent)
        _run("unzip", "-q", str(parent / "ix.zip"), "-d", str(dest.parent / "unzipped"), cwd=parent)
        (dest.parent / "unzipped" / ix.name).rename(dest)
    else:
        raise AssertionError(method)


COPIES = ["cp -r", "cp -rL", "copytree", "tar", "zip", "rsync -r", "rsync -a", "rsync -rL"]


@pytest.mark.parametrize("legacy", [False, True], ids=["current-file", "current-link"])
@pytest.mark.parametrize("method", COPIES)
def test_every_ordinary_copy_opens_answers_and_updates(tmp_path, method, legacy):
    tool = method.split()[0]
    if tool != "copytree" and shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed here")
    src, ix = _two_generations(tmp_path)
    if legacy:
        _as_legacy(ix)
    before = _answers(ix)
    copy = tmp_path / "copies" / "ix"
    copy.parent.mkdir()
    _copy(method, ix, copy)
    assert _answers(copy) == before
    # The copy is updated on its own (the original stays as it was) ...
    write_jsonl(src / "c.jsonl", [{"id": "c1", "body": "丹东杜鹃花卉基地"}])
    report = searcher.build_index([src], copy)
    assert (report.added, report.articles) == (1, 3)
    searcher.build_index([src], tmp_path / "fresh", rebuild=True)
    assert _answers(copy) == _answers(tmp_path / "fresh")
    assert _answers(ix) == before
    # ... and rebuilt, and still opens after both.
    assert searcher.build_index([src], copy, rebuild=True).articles == 3
    assert _answers(copy) == _answers(tmp_path / "fresh")
    assert (copy / store.CURRENT).is_file() and not (copy / store.CURRENT).is_symlink()


def test_current_is_a_one_line_file_naming_the_generation(tmp_path):
    _, ix = _two_generations(tmp_path)
    current = ix / store.CURRENT
    assert current.is_file() and not current.is_symlink()
    name = current.read_text()
    assert name.endswith("\n") and (ix / name.strip()).is_dir()
    assert store.current_generation(ix) == ix / name.strip()


def test_a_legacy_link_is_read_and_replaced_by_a_file(tmp_path):
    src, ix = _two_generations(tmp_path)
    _as_legacy(ix)
    before = _answers(ix)
    write_jsonl(src / "c.jsonl", [{"id": "c1", "body": "丹东"}])
    searcher.build_index(None, ix)
    assert not (ix / store.CURRENT).is_symlink()
    assert [i for i, _ in _answers(ix)["杜鹃花"]] == [i for i, _ in before["杜鹃花"]] == ["a1"]
    assert sorted(i for i, _ in _answers(ix)['"丹东"']) == ["a1", "c1"]


def test_without_current_the_newest_generation_is_in_force(tmp_path):
    _, ix = _two_generations(tmp_path)
    newest = store.current_generation(ix)
    (ix / store.CURRENT).unlink()
    assert store.current_generation(ix) == newest
    assert store.holds_index(ix)


def test_clean_keeps_the_previous_generation_and_removes_leftovers(tmp_path):
    _, ix = _two_generations(tmp_path)
    in_force = store.current_generation(ix)
    (ix / "staging-20990101T000000-000000001-1").mkdir()
    unpublished = ix / "gen-20990101T000000-000000001-1"  # renamed, never published
    shutil.copytree(in_force, unpublished)
    store.clean(ix)
    assert sorted(
        p.name for p in ix.iterdir() if p.name.startswith(("gen-", "staging-"))
    ) == sorted(p.name for p in ix.glob("gen-*") if p != unpublished)
    assert not unpublished.exists() and in_force.exists()
    assert len(list(ix.glob("gen-*"))) == 2  # the one in force and the one before it


def test_open_generation_checks_versions_sizes_and_names_the_users_path(tmp_path):
    _, ix = _two_generations(tmp_path)
    gen = store.open_generation(str(ix), {"store_format": store.STORE_FORMAT})
    assert gen.index == str(ix) and gen.name == gen.folder.name
    with pytest.raises(searcher.IndexOutdated, match=f"index at {ix} was built with store format"):
        store.open_generation(str(ix), {"store_format": 999})
    victim = max(gen.folder.glob("*.text"), key=lambda p: p.stat().st_size)
    with open(victim, "ab") as f:
        f.write(b"x")
    with pytest.raises(IndexDamaged, match=f"index at {ix} is damaged: file {victim.name} has"):
        store.open_generation(str(ix), {})


def test_what_is_not_an_index_says_so(tmp_path):
    with pytest.raises(IndexNotFound, match="no index at"):
        store.current_generation(tmp_path / "none")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("x")
    with pytest.raises(NotAnIndex, match="is not a searcher index"):
        store.current_generation(tmp_path / "notes")
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotAnIndex, match="is a file, not an index folder"):
        store.current_generation(tmp_path / "file")


def test_the_writer_lock_is_exclusive_and_records_a_holder_that_died(tmp_path):
    ix = tmp_path / "ix"
    with store.writer_lock(ix) as stale:
        assert stale is None
        with (
            pytest.raises(IndexBusy, match="another 'searcher index' is writing"),
            store.writer_lock(ix, wait=False),
        ):
            pass
    # A holder killed before it could empty its record: the next one is told.
    (ix / store.LOCK).write_text("pid 123, started 2026-01-01 00:00:00")
    with store.writer_lock(ix) as stale:
        assert stale == "pid 123, started 2026-01-01 00:00:00"
    assert (ix / store.LOCK).read_text() == ""


def test_an_index_built_before_the_engine_interface_still_opens(tmp_path, monkeypatch):
    """Whoosh pickles field types and the codec by module path; indexes built before
    issue 10 name searcher.engine, where the Whoosh layer used to live."""
    from searcher.local import whooshdb

    for name in ("WordsField", "WordTokenizer", "_Codec", "_PostingsWriter"):
        monkeypatch.setattr(getattr(whooshdb, name), "__module__", "searcher.engine")
    _, ix = _two_generations(tmp_path)
    monkeypatch.undo()
    tocs = list(ix.glob("gen-*/*.toc"))
    assert tocs and all(b"csearcher.engine\n" in toc.read_bytes() for toc in tocs)
    with searcher.open_index(ix) as opened:
        assert [h.id for h in opened.search("招商")] == ["b1"]
        assert [h.id for h in opened.search("杜鹃花")] == ["a1"]


# -- issue 12: snapshots ---------------------------------------------------------------


def test_a_snapshot_keeps_its_generation_through_updates_and_copies(tmp_path):
    from searcher import snapshots

    src, ix = _two_generations(tmp_path)
    kept = snapshots.keep(str(ix), "v1")
    assert (ix / store.SNAPSHOTS / "v1").read_text().strip() == kept.generation
    assert kept.generation == store.current_generation(ix).name
    before = _answers(ix)
    for i in range(3):  # each update would remove all but the newest old generation
        write_jsonl(src / "b.jsonl", [{"id": "b1", "body": f"鞍山招商第{i}次"}])
        searcher.build_index(None, ix)
    assert (ix / kept.generation).is_dir()
    assert len(list(ix.glob("gen-*"))) == 3  # in force, the one before it, the snapshot's
    assert _answers(f"{ix}@v1") == before != _answers(ix)
    copy = tmp_path / "copy"
    shutil.copytree(ix, copy)
    assert _answers(f"{copy}@v1") == before
    assert [s.name for s in snapshots.listing(str(ix))] == ["v1"]
    snapshots.drop(str(ix), "v1")
    assert not (ix / kept.generation).exists() and snapshots.listing(str(ix)) == []


def test_snapshot_errors_are_one_line(tmp_path):
    from searcher import snapshots
    from searcher.errors import SearcherError, SnapshotNotFound

    with pytest.raises(IndexNotFound):
        snapshots.keep(str(tmp_path / "none"), "v1")
    src, ix = _two_generations(tmp_path)
    snapshots.keep(str(ix), "v1")
    with pytest.raises(SearcherError, match="already exists"):
        snapshots.keep(str(ix), "v1")
    with pytest.raises(SearcherError, match="bad snapshot name"):
        snapshots.keep(str(ix), "../x")
    with pytest.raises(SnapshotNotFound):
        searcher.open_index(f"{ix}@v2")
    with pytest.raises(SearcherError, match="is a snapshot, which never changes"):
        searcher.build_index([src], f"{ix}@v1")
    # a folder whose own name has an @ is a folder, not a snapshot
    at = tmp_path / "ix@v1"
    shutil.copytree(ix, at)
    with searcher.open_index(at) as opened:
        assert opened.info().generation == store.current_generation(ix).name
