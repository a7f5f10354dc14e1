"""The searcher command: exit codes, JSON, plain and terminal output, errors, rebuilds."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from conftest import ENV, HIT_KEYS, ROOT, SEEDS, write_jsonl

import searcher
from searcher import cli, output
from searcher.highlight import cell_width
from searcher.local import whooshdb
from searcher.stopping import Terminated


def run(*args, input=None, env=None):
    return CliRunner().invoke(cli.main, [str(a) for a in args], input=input, env=env)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.mark.parametrize("verb", sorted(cli.main.commands))
def test_every_verb_has_help(verb):
    """Every verb says what it does and what each of its options does."""
    command = cli.main.commands[verb]
    r = run(verb, "--help")
    assert r.exit_code == 0
    summary = command.help.strip().split("\n")[0]
    assert len(summary) > 20 and summary in " ".join(r.stdout.split())
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help and len(param.help) > 10, f"{verb} {param.opts}: no help text"
    listing = run("--help").stdout
    assert verb in listing and summary[:30] in " ".join(listing.split())


def test_exit_codes(seed_index):
    assert run("search", "杜鹃花", "-i", seed_index).exit_code == 0
    assert run("search", "没有这个词语", "-i", seed_index).exit_code == 1
    assert run("search", "(杜鹃花", "-i", seed_index).exit_code == 2
    assert run("search", "杜鹃花", "--since", "yesterday", "-i", seed_index).exit_code == 2
    assert run("info", "-i", seed_index).exit_code == 0
    assert run("show", "nope", "-i", seed_index).exit_code == 1


def test_missing_index_is_one_line_error(tmp_path):
    r = run("search", "杜鹃花", "-i", tmp_path / "none")
    assert r.exit_code == 2
    assert r.stderr == f"Error: no index at {tmp_path / 'none'} (run 'searcher index' first)\n"


def test_index_path_from_environment(seed_index):
    r = run("search", "杜鹃花", "--json", env={"SEARCHER_INDEX": seed_index})
    assert r.exit_code == 0 and json_lines(r.stdout)[0]["title"] == "美丽产业带来美好生活"


def test_bad_query_error_says_what_is_wrong(seed_index):
    r = run("search", "鞍山 OR", "-i", seed_index)
    assert r.exit_code == 2
    assert r.stderr.strip() == "Error: 'OR' needs a term on each side"
    assert "Traceback" not in r.stdout


def test_json_output(seed_index):
    r = run("search", "杜鹃花 OR 招商", "--json", "-n", "2", "-i", seed_index)
    assert r.exit_code == 0
    lines = json_lines(r.stdout)
    hits, summary = lines[:-1], lines[-1]
    assert len(hits) == 2
    for rank, h in enumerate(hits, 1):
        assert set(h) == HIT_KEYS and h["type"] == "hit" and h["rank"] == rank
        for s in h["snippets"]:
            for a, b in s["matches"]:
                assert s["text"][a:b] in ("杜鹃花", "招商")
    assert summary["type"] == "summary" and summary["total"] >= 2 and summary["returned"] == 2
    assert "杜鹃花" in r.stdout  # ensure_ascii=False


def test_limit_zero_means_all(seed_index):
    r = run("search", "发展", "--json", "-n", "0", "-i", seed_index)
    lines = json_lines(r.stdout)
    assert lines[-1]["total"] == len(lines) - 1 > 3


def test_batch_from_stdin(seed_index):
    r = run("search", "--batch", "-", "--json", "-i", seed_index, input="杜鹃花\n\n减油增化\n")
    lines = json_lines(r.stdout)
    hits = [x for x in lines if x["type"] == "hit"]
    assert {h["query"] for h in hits} == {"杜鹃花", "减油增化"}
    assert [x["query"] for x in lines if x["type"] == "summary"] == ["杜鹃花", "减油增化"]
    assert r.exit_code == 0


def test_piped_output_is_plain(seed_index):
    r = run("search", "杜鹃花", "-i", seed_index)
    assert "\x1b" not in r.stdout
    first = r.stdout.splitlines()[0]
    assert first.startswith("1. 美丽产业带来美好生活  [")
    # plain output is not hard-wrapped at 80 columns
    assert any(cell_width(line) > 80 for line in r.stdout.splitlines())


def test_color_always_highlights_matches(seed_index):
    r = run("search", "杜鹃花", "--color", "always", "-i", seed_index)
    assert "\x1b[" in r.stdout
    assert "杜鹃花" in r.stdout


def test_no_color_env(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    assert output.use_color("auto", Tty()) is False
    assert output.use_color("always", Tty()) is True
    monkeypatch.delenv("NO_COLOR")
    assert output.use_color("auto", Tty()) is True


HOSTILE = "[bold red]注意[/bold red] \x1b[31m红色\x1b[0m 杜鹃花 \x1b]0;title\x07 \u202e反向\r"


@pytest.fixture
def hostile_index(make_index):
    return make_index([{"id": "h1", "title": "[link=http://x]标题[/link]", "body": HOSTILE}])


@pytest.mark.parametrize("color", ["always", "never"])
def test_markup_and_escapes_in_articles_are_inert(hostile_index, color):
    for args in (("search", "杜鹃花"), ("show", "h1", "--query", "杜鹃花")):
        r = run(*args, "--color", color, "-i", hostile_index)
        assert r.exit_code == 0
        assert "[bold red]注意[/bold red]" in r.stdout
        assert "[link=http://x]标题[/link]" in r.stdout
        assert "\x1b[31m" not in r.stdout and "\x1b]0;" not in r.stdout
        assert "\u202e" not in r.stdout and "\x07" not in r.stdout and "\r" not in r.stdout


def test_json_keeps_article_text_exact(hostile_index):
    r = run("search", "杜鹃花", "--json", "-i", hostile_index)
    hit = json_lines(r.stdout)[0]
    assert hit["title"] == "[link=http://x]标题[/link]"
    assert "\x1b" not in r.stdout  # escaped as \u001b by JSON
    assert hit["snippets"][0]["text"] == HOSTILE.split(";")[0] + ";"


def test_show(seed_index):
    hit = json_lines(run("search", "杜鹃花", "--json", "-i", seed_index).stdout)[0]
    r = run("show", hit["id"], "-i", seed_index)
    assert r.exit_code == 0
    assert r.stdout.startswith("美丽产业带来美好生活\n")
    assert "变电村是丹东杜鹃花的重要种植区和集散地" in r.stdout  # a re-joined paragraph
    art = json.loads(run("show", hit["id"], "--json", "--query", "杜鹃花", "-i", seed_index).stdout)
    assert art["id"] == hit["id"] and art["author"] == "王卢莎"
    assert {art["body"][a:b] for a, b in art["body_matches"]} == {"杜鹃花"}


def test_info(seed_index):
    r = run("info", "--json", "-i", seed_index)
    info = json.loads(r.stdout)
    assert info["articles"] == 7
    assert info["first_date"] == info["last_date"] == "2022-01-12"
    assert info["sources"] == [str(SEEDS)]
    assert info["papers"] == ["辽宁日报"]
    assert "articles:  7" in run("info", "-i", seed_index).stdout


def test_index_reports_and_exit_codes(tmp_path):
    good = write_jsonl(
        tmp_path / "src" / "a.jsonl", [{"id": "x1", "title": "标题", "body": "正文内容"}]
    )
    (tmp_path / "src" / "b.jsonl").write_text('{"id": "x2", "body": "好的"}\nnot json\n', "utf-8")
    r = run("index", tmp_path / "src", "--json", "-i", tmp_path / "ix")
    assert r.exit_code == 2  # a source had a problem
    report = json.loads(r.stdout)
    assert report["articles"] == 2
    assert any(p.startswith(f"{tmp_path / 'src' / 'b.jsonl'}:2: ") for p in report["problems"])
    assert f"{tmp_path / 'src' / 'b.jsonl'}:2: " in r.stderr
    r = run("index", good, "-i", tmp_path / "ix")
    assert r.exit_code == 0
    assert r.stderr.startswith(
        "updated: 0 added, 0 updated, 1 removed, 1 unchanged; 1 article (0 B of text read)"
        " from 1 file in "
    )
    r = run("index", good, "-i", tmp_path / "ix", "--rebuild")
    assert r.exit_code == 0
    assert "indexed 1 article (18 B of text read) from 1 file in " in r.stderr


def test_failed_rebuild_keeps_the_old_index(tmp_path, monkeypatch):
    ix_path = tmp_path / "ix"
    src = write_jsonl(tmp_path / "old.jsonl", [{"id": "old", "title": "旧文章", "body": "杜鹃花"}])
    assert run("index", src, "-i", ix_path).exit_code == 0
    new = write_jsonl(
        tmp_path / "new.jsonl",
        [{"id": f"n{i}", "title": "新文章", "body": "杜鹃花"} for i in range(5)],
    )

    calls = {"n": 0}
    real_add = whooshdb.SegmentBuilder.add

    def failing_add(self, doc, *words):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real_add(self, doc, *words)

    monkeypatch.setattr(whooshdb.SegmentBuilder, "add", failing_add)
    r = run("index", new, "-i", ix_path)
    assert r.exit_code == 2
    assert r.stderr == (
        f"Error: cannot write the index at {ix_path}: the disk is full"
        " (free some space and run it again); nothing was changed\n"
    )
    monkeypatch.setattr(whooshdb.SegmentBuilder, "add", real_add)
    hits = json_lines(run("search", "杜鹃花", "--json", "-i", ix_path).stdout)
    assert [h["id"] for h in hits if h["type"] == "hit"] == ["old"]
    assert not list(ix_path.glob("staging-*"))  # nothing half-built left behind


class _CtrlCOnSetName:
    """A class attribute whose __set_name__ meets Ctrl-C: what happens when Ctrl-C lands
    while a dataclass is defined. Python 3.11 reports it as a RuntimeError."""

    def __set_name__(self, owner, name):
        raise KeyboardInterrupt


def _ctrl_c(*args, **kwargs):
    raise KeyboardInterrupt


def _ctrl_c_while_defining_a_class(*args, **kwargs):
    type("Defined", (), {"field": _CtrlCOnSetName()})


def _terminate(*args, **kwargs):
    raise Terminated  # what the command's SIGTERM handler raises


@pytest.mark.parametrize(
    "stop, status, word",
    [
        (_ctrl_c, 130, "interrupted"),
        (_ctrl_c_while_defining_a_class, 130, "interrupted"),
        (_terminate, 143, "terminated"),
    ],
    ids=["ctrl-c", "ctrl-c-wrapped-by-python", "sigterm"],
)
def test_a_stopped_command_says_one_line_and_keeps_the_index(
    tmp_path, monkeypatch, stop, status, word
):
    ix_path = tmp_path / "ix"
    src = write_jsonl(tmp_path / "old.jsonl", [{"id": "old", "title": "旧文章", "body": "杜鹃花"}])
    run("index", src, "-i", ix_path)
    monkeypatch.setattr(whooshdb.SegmentBuilder, "add", stop)
    r = run("index", src, "-i", ix_path, "--rebuild")
    assert (r.exit_code, r.stderr) == (status, f"Error: {word}, previous index kept\n")
    monkeypatch.setattr(searcher.Index, "search", stop)
    r = run("search", "杜鹃花", "-i", ix_path)
    assert (r.exit_code, r.stderr) == (status, f"Error: {word}\n")
    monkeypatch.undo()
    with searcher.open_index(ix_path) as ix:
        assert [h.id for h in ix.search("杜鹃花").hits] == ["old"]


_LOAD_WITH_CTRL_C = """
import sys


class CtrlCOnSetName:
    def __set_name__(self, owner, name):
        raise KeyboardInterrupt


class CtrlCWhileLoading:  # the moment searcher.cli is imported, before any verb runs
    def find_spec(self, name, path=None, target=None):
        if name == "searcher.cli":
            type("Defined", (), {"field": CtrlCOnSetName()})


sys.meta_path.insert(0, CtrlCWhileLoading())
sys.argv = ["searcher", *sys.argv[1:]]
from searcher.__main__ import run

run()
"""


@pytest.mark.parametrize("verb", ["index", "search"])
def test_ctrl_c_wrapped_while_modules_load_is_one_line_and_130(verb):
    r = subprocess.run(
        [sys.executable, "-c", _LOAD_WITH_CTRL_C, verb, "杜鹃花"],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=120,
    )
    said = "interrupted, previous index kept" if verb == "index" else "interrupted"
    assert (r.returncode, r.stderr, r.stdout) == (130, f"Error: {said}\n", "")


def _cli(*args, **kw):
    return subprocess.run(
        [sys.executable, "-m", "searcher", *map(str, args)],
        capture_output=True,
        env=ENV,
        cwd=kw.get("cwd"),
        timeout=120,
    )


def test_broken_pipe_exits_quietly(seed_index):
    cmd = [sys.executable, "-m", "searcher", "search", "发展", "-n", "0", "-i", seed_index]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV) as p:
        p.stdout.read(5)
        p.stdout.close()  # like `| head -c 5`
        err = p.stderr.read().decode()
        assert p.wait(timeout=60) == 0
    assert err == ""


def test_python_dash_m_and_default_index_path(tmp_path):
    r = _cli("search", "杜鹃花", cwd=tmp_path)
    assert r.returncode == 2
    assert (
        r.stderr.decode()
        == f"Error: no index at {os.path.join('index', 'articles')} (run 'searcher index' first)\n"
    )


def test_missing_source_changes_nothing(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "keep", "title": "标题", "body": "杜鹃花"}])
    run("index", src, "-i", tmp_path / "ix")
    r = run("index", tmp_path / "typo", "-i", tmp_path / "ix")
    assert r.exit_code == 2
    assert (
        r.stderr
        == f"Error: {tmp_path / 'typo'}: no such file or folder (the index was not changed)\n"
    )
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", "utf-8")
    r = run("index", bad, "-i", tmp_path / "ix")
    assert r.exit_code == 2
    assert f"{bad}:1: " in r.stderr and "no articles found" in r.stderr
    with searcher.open_index(tmp_path / "ix") as ix:
        assert [h.id for h in ix.search("杜鹃花").hits] == ["keep"]


def test_ids_are_stable_across_rebuilds(tmp_path):
    def ids():
        out = run("search", "-n", "0", "--json", "-i", tmp_path / "ix", "--", "-zzzz").stdout
        return [h["id"] for h in json_lines(out) if h["type"] == "hit"]

    run("index", SEEDS, "-i", tmp_path / "ix")
    first = ids()
    run("index", SEEDS, "-i", tmp_path / "ix")
    assert ids() == first and len(first) == 7


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["search"],
            "Error: give a QUERY or --batch FILE (not both) (see 'searcher search --help')",
        ),
        (["search", "x", "-n", "many"], "Error: Invalid value for '-n' / '--limit'"),
        (["search", "x", "--batch", "/nonexistent/q.txt"], "Error: Invalid value for '--batch'"),
        (["frobnicate"], "Error: No such command 'frobnicate'."),
    ],
)
def test_usage_errors_are_one_line(args, message):
    r = run(*args)
    assert r.exit_code == 2
    assert r.stderr.startswith(message) and r.stderr.count("\n") == 1


def test_query_may_start_with_a_minus(seed_index):
    r = run("search", "-杜鹃花", "-n", "0", "--json", "-i", seed_index)
    ids = [h["id"] for h in json_lines(r.stdout) if h["type"] == "hit"]
    assert r.exit_code == 0 and len(ids) == 6
