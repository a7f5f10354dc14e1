"""One writer at a time; an open index outlives updates (searches during writes: test_faults)."""

from __future__ import annotations

import subprocess
import sys
import time

from click.testing import CliRunner
from conftest import ENV, write_jsonl

import searcher
from searcher import cli
from searcher.local import store


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


def _cli(*args):
    return subprocess.Popen(
        [sys.executable, "-m", "searcher", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        text=True,
    )


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
        first = ix.engine.snap.generation.folder
        for tag in ("new", "newer"):  # two updates: the first generation is cleaned away
            _version(src, tag, 5 + len(tag))
            searcher.build_index([src], path)
        assert not first.exists()
        hits = ix.search("杜鹃花", limit=0).hits  # stored fields and snippets still read
        assert sorted(h.id for h in hits) == [f"old{i}" for i in range(5)]
        assert hits[0].snippets and ix.search("鞍山", sort="date").total == 5
