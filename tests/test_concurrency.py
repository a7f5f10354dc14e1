"""One writer at a time; searches keep working, and see a whole index, during any write."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

from click.testing import CliRunner
from conftest import ROOT, write_jsonl

import searcher
from searcher import cli, store

QUERIES = ["杜鹃花", "招商", "发展", "鞍山"]


def _version(src, tag: str, n: int) -> None:
    write_jsonl(
        src / "a.jsonl",
        [
            {
                "id": f"{tag}{i}",
                "title": f"{tag}标题{i}",
                "body": f"杜鹃花与招商发展，鞍山第{i}号。",
            }
            for i in range(n)
        ],
    )


def _answer(ix) -> tuple:
    return tuple(tuple(h.id for h in ix.search(q, limit=0, snippets=False).hits) for q in QUERIES)


def _cli(*args):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "searcher", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )


def test_searches_during_rebuilds_and_updates_never_fail(tmp_path):
    src, path = tmp_path / "src", tmp_path / "ix"
    answers = {}
    for tag, n in (("new", 40), ("old", 25)):  # old last: the index starts from it
        _version(src, tag, n)
        searcher.build_index([src], path, rebuild=True)
        with searcher.open_index(path) as ix:
            answers[tag] = _answer(ix)
    assert answers["old"] != answers["new"]

    stop = threading.Event()
    seen: list[tuple] = []
    errors: list[BaseException] = []

    def search_loop() -> None:
        while not stop.is_set():
            try:
                with searcher.open_index(path) as ix:
                    seen.append(_answer(ix))
            except BaseException as e:  # any error at all fails the test
                errors.append(e)

    readers = [threading.Thread(target=search_loop) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        for k in range(4):  # writers in other processes: updates and rebuilds in turn
            tag = "new" if k % 2 == 0 else "old"
            _version(src, tag, 40 if tag == "new" else 25)
            args = ["index", src, "-i", path] + (["--rebuild"] if k % 3 == 0 else [])
            p = _cli(*args)
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert not errors, errors[:3]
    assert len(seen) > 10
    assert set(seen) <= {answers["old"], answers["new"]}  # never a mix
    assert len(list(path.glob("gen-*"))) <= 2  # old generations are cleaned away


def test_a_second_writer_waits_or_gives_up(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "body": "杜鹃花"}])
    path = tmp_path / "ix"
    searcher.build_index([src], path)
    with store.writer_lock(path):
        r = CliRunner().invoke(cli.main, ["index", "-i", str(path), "--no-wait"])
        assert r.exit_code == 2
        assert r.stderr == (
            f"Error: another 'searcher index' is writing {path} (wait for it, or drop --no-wait)\n"
        )
        waiting = _cli("index", "-i", path, "--json")
        time.sleep(1.5)
        assert waiting.poll() is None  # still waiting for the lock
        # searches are not blocked by a writer
        with searcher.open_index(path) as ix:
            assert ix.search("杜鹃花").total == 1
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0
    assert err.splitlines()[0] == (
        f"waiting for another 'searcher index' to finish with {path} ..."
    )
    assert '"type": "index"' in out


def test_an_open_index_keeps_answering_after_its_generation_is_removed(tmp_path):
    src = tmp_path / "src"
    _version(src, "old", 5)
    path = tmp_path / "ix"
    searcher.build_index([src], path)
    with searcher.open_index(path) as ix:
        first = ix.generation
        for tag in ("new", "newer"):  # two updates: the first generation is cleaned away
            _version(src, tag, 5 + len(tag))
            searcher.build_index([src], path)
        assert not first.exists()
        hits = ix.search("杜鹃花", limit=0).hits  # stored fields and snippets still read
        assert sorted(h.id for h in hits) == [f"old{i}" for i in range(5)]
        assert hits[0].snippets and ix.search("鞍山", sort="date").total == 5
