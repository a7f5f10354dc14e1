"""Faults: a killed or failing build, a damaged index, readers during writes.

Whatever happens to `searcher index`, the index in force stays whole and
searchable, and the next run completes. The kill loop here is a small
configuration; `python bench/killloop.py` runs a longer one on the real corpus.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import killloop
import pytest
from conftest import ENV, ROOT, SEEDS, run_searcher, write_jsonl

import searcher
from searcher.errors import IndexDamaged, IndexNotFound
from searcher.local import store


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[Path, dict]:
    """The two versions' answers, each from a fresh build of it alone."""
    work = tmp_path_factory.mktemp("versions")
    return work, killloop.reference_answers(work, killloop.write_version)


# -- killed at any moment -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "sig, rebuild, points",
    [
        (signal.SIGKILL, False, 12),
        (signal.SIGKILL, True, 12),
        (signal.SIGINT, False, 5),
        (signal.SIGINT, True, 5),
        (signal.SIGTERM, False, 3),
        (signal.SIGTERM, True, 3),
    ],
    ids=[
        "sigkill-update",
        "sigkill-rebuild",
        "sigint-update",
        "sigint-rebuild",
        "sigterm-update",
        "sigterm-rebuild",
    ],
)
def test_killed_at_any_moment_keeps_the_old_or_the_new_index(
    versions, tmp_path, sig, rebuild, points
):
    _, expected = versions
    out = killloop.kill_loop(
        tmp_path, points=points, sig=sig, rebuild=rebuild, seed=points + rebuild, expected=expected
    )
    assert not out.failures, out.failures
    assert out.runs == points
    assert out.killed >= points // 3  # most signals land while it works
    assert out.seen["A"] + out.seen["B"] == points


@pytest.mark.slow
def test_ctrl_c_while_searcher_starts_is_one_line_and_status_130(tmp_path):
    """Ctrl-C while modules load (a bench run once caught Python ending by SIGINT there)."""
    ix = tmp_path / "ix"
    searcher.build_index([SEEDS], ix)
    got = []
    for k in range(30):  # from past Python's start-up: imports, jieba's dictionary, the build
        p = subprocess.Popen(
            [sys.executable, "-m", "searcher", "index", str(SEEDS), "-i", str(ix), "--rebuild"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
            start_new_session=True,
            preexec_fn=killloop.ctrl_c_as_in_a_terminal,
        )
        time.sleep(killloop.STARTUP + k * 0.01)
        os.killpg(p.pid, signal.SIGINT)
        _, err = p.communicate(timeout=60)
        got.append((p.returncode, err))
    for code, err in got:
        assert (code, err) in {(130, "Error: interrupted, previous index kept\n")} or code == 0, err
    assert sum(code == 130 for code, _ in got) >= 20
    with searcher.open_index(ix) as opened:
        assert opened.search("杜鹃花").total > 0


# -- readers during writes --------------------------------------------------------

_SEARCH_LOOP = """
import json, sys, time
sys.path.insert(0, {tests!r})
import killloop
ix, stop = sys.argv[1], sys.argv[2]
import os
while not os.path.exists(stop):
    try:
        got = killloop.answers(ix)
        print(json.dumps([time.time(), got]), flush=True)
    except BaseException as e:
        print("ERROR " + type(e).__name__ + ": " + str(e), flush=True)
    time.sleep(0.02)  # two CPUs here: leave the writers some
"""


@pytest.mark.slow
def test_four_search_loops_during_rebuilds_and_updates_never_fail(versions, tmp_path):
    _, expected = versions
    src, ix, stop = tmp_path / "src", tmp_path / "ix", tmp_path / "stop"
    killloop.write_version(src, "A")
    searcher.build_index([src], ix)
    script = _SEARCH_LOOP.format(tests=str(ROOT / "tests"))
    outputs = [(tmp_path / f"out{i}", tmp_path / f"err{i}") for i in range(4)]
    loops = []
    for out, err in outputs:  # to files: a full pipe would stall a loop
        with open(out, "w") as o, open(err, "w") as e:
            cmd = [sys.executable, "-c", script, str(ix), str(stop)]
            loops.append(subprocess.Popen(cmd, stdout=o, stderr=e, env=ENV))
    try:
        time.sleep(1.0)  # the loops are searching
        start = time.time()
        for k in range(6):  # updates and rebuilds in turn, each in its own process
            killloop.write_version(src, "B" if k % 2 == 0 else "A")
            r = run_searcher("index", src, "-i", ix, *(["--rebuild"] if k % 2 else []), env=ENV)
            assert r.returncode == 0, r.stderr
        end = time.time()
    finally:
        stop.touch()
        for p in loops:
            p.wait(timeout=60)
    valid = [json.loads(json.dumps(expected[v])) for v in ("A", "B")]
    for out, err in outputs:
        err, lines = err.read_text(), out.read_text().splitlines()
        assert not [x for x in lines if x.startswith("ERROR")], lines[:3]
        assert err == ""
        seen = [json.loads(x) for x in lines]
        assert all(got in valid for _, got in seen)  # every answer is a whole index's
        during = [t for t, _ in seen if start <= t <= end]
        assert len(during) >= 6  # this loop searched all through the writes
    assert len(list(ix.glob("gen-*"))) <= 2  # old generations are cleaned away


# -- a damaged index --------------------------------------------------------------


@pytest.fixture
def built(tmp_path) -> Path:
    ix = tmp_path / "ix"
    assert searcher.build_index([SEEDS], ix).articles == 7
    return ix


def _one_file(ix: Path, pattern: str) -> Path:
    return max(store.current_generation(ix).glob(pattern), key=lambda p: p.stat().st_size)


def _truncate(p: Path) -> str:
    size = p.stat().st_size
    with open(p, "r+b") as f:
        f.truncate(size // 2)
    return f"file {p.name} has {size // 2:,} bytes, it was written with {size:,}"


def _delete(p: Path) -> str:
    p.unlink()
    return f"file {p.name} is missing"


@pytest.mark.slow
@pytest.mark.parametrize(
    "pattern, damage",
    [
        ("*.trm", _truncate),  # Whoosh terms (the seed index's postings are all inlined)
        ("seg-*.text", _truncate),  # our text store
        ("seg-*.docs", _delete),  # the articles as written (patches, sources)
        ("seg-*.grams", _delete),
        ("_MAIN_*.toc", _delete),  # the table of contents
    ],
    ids=["truncated-terms", "truncated-text", "deleted-stored", "deleted-grams", "no-toc"],
)
def test_a_damaged_index_is_one_line_naming_the_problem_and_the_fix(built, pattern, damage):
    reason = damage(_one_file(built, pattern))
    want = f"Error: index at {built} is damaged: {reason} (run 'searcher index --rebuild')\n"
    for args in (["search", "杜鹃花"], ["info"], ["show", "x"], ["index"]):
        r = run_searcher(*args, "-i", built, env=ENV)
        assert (r.returncode, r.stderr, r.stdout) == (2, want, ""), args
    with pytest.raises(IndexDamaged):
        searcher.open_index(built)
    r = run_searcher("index", "--rebuild", "-i", built, env=ENV)
    assert r.returncode == 0, r.stderr
    with searcher.open_index(built) as ix:
        assert ix.search("杜鹃花").total > 0


def _zero(p: Path) -> None:
    """Bytes changed, size kept: not seen at open, met while reading."""
    size = p.stat().st_size
    p.unlink()  # a hard link shared with no one here, but never write through one
    p.write_bytes(bytes(size))


@pytest.mark.slow
@pytest.mark.parametrize(
    "pattern, verbs",
    [
        ("*.trm", [["search", "杜鹃花"], ["info"]]),  # show reads no term table
        ("seg-*.docs", [["search", "杜鹃花"], ["show", "辽宁日报-2022-01-12-2f8b89"]]),
        ("_MAIN_*.toc", [["search", "杜鹃花"], ["info"], ["show", "x"]]),
        ("seg-*.grams", [["search", "杜鹃花"]]),
    ],
    ids=["terms", "stored", "toc", "grams"],
)
def test_bytes_damaged_in_place_are_named_as_damage(built, pattern, verbs):
    _zero(_one_file(built, pattern))
    for args in verbs:
        r = run_searcher(*args, "-i", built, env=ENV)
        assert (r.returncode, r.stdout) == (2, ""), args
        assert r.stderr.startswith(f"Error: index at {built} is damaged: "), r.stderr
        assert (
            r.stderr.endswith(" (run 'searcher index --rebuild')\n") and r.stderr.count("\n") == 1
        )
    assert run_searcher("index", "--rebuild", "-i", built, env=ENV).returncode == 0
    with searcher.open_index(built) as ix:
        assert ix.search("杜鹃花").total > 0


def test_a_folder_that_is_not_an_index(tmp_path, built):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "todo.txt").write_text("x")
    r = run_searcher("search", "杜鹃花", "-i", other, env=ENV)
    assert r.returncode == 2
    assert r.stderr == (
        f"Error: {other} is not a searcher index (give an index folder with -i,"
        f" or build one there with 'searcher index --rebuild -i {other}')\n"
    )
    # The folder above an index: the index inside is suggested.
    r = run_searcher("search", "杜鹃花", "-i", built.parent, env=ENV)
    assert r.returncode == 2
    assert f"is not a searcher index; did you mean {built}?" in r.stderr
    assert len(r.stderr.splitlines()) == 1
    with pytest.raises(IndexNotFound):
        searcher.open_index(other)


@pytest.mark.parametrize("verb", ["search", "info", "index"])
def test_a_file_given_as_the_index(tmp_path, verb):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    args = {"search": ["杜鹃花"], "info": [], "index": [SEEDS]}[verb]
    r = run_searcher(verb, *args, "-i", notes, env=ENV)
    assert (r.returncode, r.stdout) == (2, "")
    assert (
        r.stderr
        == f"Error: {notes} is a file, not an index folder (give an index folder with -i)\n"
    )
    assert notes.read_text() == "mine"


@pytest.mark.slow
def test_a_broken_current_link_or_meta(built):
    gen = store.current_generation(built)
    (gen / store.META).write_text("{not json")
    r = run_searcher("search", "杜鹃花", "-i", built, env=ENV)
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1
    assert r.stderr.startswith(f"Error: index at {built} is damaged: searcher.json is unreadable")
    assert r.stderr.endswith("(run 'searcher index --rebuild')\n")
    shutil.rmtree(gen)
    r = run_searcher("search", "杜鹃花", "-i", built, env=ENV)
    assert r.stderr == (
        f"Error: index at {built} is damaged: CURRENT points to a missing folder {gen.name}"
        " (run 'searcher index --rebuild')\n"
    )
    # Its sources were in the lost generation: a rebuild is told them.
    r = run_searcher("index", "--rebuild", "-i", built, env=ENV)
    assert (r.returncode, r.stderr) == (
        2,
        f"Error: the sources of the index at {built} are not known (CURRENT points to a"
        f" missing folder {gen.name}); name them: searcher index --rebuild SOURCES -i {built}\n",
    )
    assert run_searcher("index", SEEDS, "--rebuild", "-i", built, env=ENV).returncode == 0
    assert run_searcher("search", "杜鹃花", "-i", built, "-c", env=ENV).returncode == 0


# -- no room, no permission -------------------------------------------------------


def _file_size_limit(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.slow
@pytest.mark.parametrize("limit", [1_000, 20_000, 150_000])
def test_no_room_on_disk_fails_in_one_line_and_keeps_the_index(versions, tmp_path, limit):
    _, expected = versions
    src, ix = tmp_path / "src", tmp_path / "ix"
    killloop.write_version(src, "A")
    searcher.build_index([src], ix)
    killloop.write_version(src, "B")
    for extra in ([], ["--rebuild"]):
        r = run_searcher(
            "index", src, "-i", ix, *extra, env=ENV, preexec_fn=_file_size_limit(limit)
        )
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith(f"Error: cannot write the index at {ix}")
        assert r.stderr.endswith(
            ": a file grew past the size limit (raise 'ulimit -f' and run it again);"
            " nothing was changed\n"
        )
        assert len(r.stderr.splitlines()) == 1
        assert killloop.answers(ix) == expected["A"]  # the previous index, whole
        assert not list(ix.glob("staging-*"))
    searcher.build_index([src], ix)
    assert killloop.answers(ix) == expected["B"]


def test_a_read_only_index_folder(permissions_enforced, built):
    before = run_searcher("search", "发展", "-i", built, "-l", env=ENV).stdout
    assert len(before.splitlines()) >= 3
    os.chmod(built, 0o555)
    try:
        r = run_searcher("index", SEEDS, "--rebuild", "-i", built, env=ENV, permissions=True)
        assert r.returncode == 2
        assert r.stderr.startswith(f"Error: cannot write the index at {built} (")
        assert r.stderr.endswith(
            ": permission denied (make the folder writable, or choose another with -i);"
            " nothing was changed\n"
        )
        assert len(r.stderr.splitlines()) == 1
        # Searching needs no write access.
        r = run_searcher("search", "发展", "-i", built, "-l", env=ENV, permissions=True)
        assert (r.returncode, r.stdout) == (0, before)
    finally:
        os.chmod(built, 0o755)
    assert run_searcher("index", SEEDS, "--rebuild", "-i", built, env=ENV).returncode == 0


def test_a_file_system_without_symbolic_links(tmp_path, monkeypatch):
    """FAT, exFAT, some network shares: CURRENT is a one-line file, swapped the same way."""

    def no_symlinks(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    src, ix = tmp_path / "src", tmp_path / "ix"
    write_jsonl(src / "a.jsonl", [{"id": "a1", "body": "杜鹃花开"}])
    assert searcher.build_index([src], ix).articles == 1
    current = ix / store.CURRENT
    assert current.is_file() and not current.is_symlink()
    first = current.read_text()
    write_jsonl(src / "b.jsonl", [{"id": "b1", "body": "杜鹃花谢"}])
    report = searcher.build_index(None, ix)  # an update, from the sources it remembers
    assert (report.added, report.articles) == (1, 2)
    assert current.read_text() != first and len(list(ix.glob("gen-*"))) == 2
    r = run_searcher("search", "杜鹃花", "-l", "-i", ix, env=ENV)  # another process reads it
    assert (r.returncode, sorted(r.stdout.split())) == (0, ["a1", "b1"])
    assert store.holds_index(ix)  # and a walk over its parent folder passes it over
    current.write_text("gen-gone\n")
    with pytest.raises(IndexDamaged, match="CURRENT points to a missing folder gen-gone"):
        searcher.open_index(ix)


# -- a writer that died -------------------------------------------------------------


def _children(pid: int) -> list[str]:
    """The pids of a process's children (Linux)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return f.read().split()
    except OSError:
        return []


@pytest.mark.slow
def test_a_killed_writers_lock_and_leftovers_are_cleared(tmp_path):
    """Killed mid-build with its workers running: the next build neither waits nor fails."""
    src, ix = tmp_path / "src", tmp_path / "ix"
    killloop.write_version(src, "A", 400)  # over 1 MB: the build forks workers
    searcher.build_index([src], ix)
    before = killloop.answers(ix)
    killloop.write_version(src, "B", 400)
    p = subprocess.Popen(
        [sys.executable, "-m", "searcher", "index", str(src), "-i", str(ix), "--rebuild"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lock = ix / store.LOCK
    deadline = time.time() + 60
    while not lock.read_text() and time.time() < deadline:
        time.sleep(0.05)
    # Well into the build: its worker processes forked. (Not a fixed delay: on a quiet
    # machine the whole build took under 2 s, the time this test used to wait.)
    while not _children(p.pid) and p.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)  # the workers at work, the staging folder being written
    assert p.poll() is None, "the build finished before it could be killed"
    p.kill()
    p.wait()
    assert lock.read_text().startswith(f"pid {p.pid}, started ")
    assert killloop.answers(ix) == before
    r = run_searcher("index", src, "-i", ix, "--rebuild", "--no-wait", env=ENV)
    assert r.returncode == 0, r.stderr
    note = r.stderr.splitlines()[0]
    assert note.startswith(f"Note: an earlier 'searcher index' (pid {p.pid}, started ")
    assert note.endswith(
        ") did not finish; its unfinished files are removed and the index it left in force is kept"
    )
    assert lock.read_text() == ""  # finished cleanly: nothing stale
    assert not list(ix.glob("staging-*")) and len(list(ix.glob("gen-*"))) <= 2
    assert killloop.answers(ix) != before
