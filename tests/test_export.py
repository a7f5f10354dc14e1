"""Issue 12: export (searcher.export) and its citations (searcher.citation).

Row counts against `search -c` and the metadata of every row are checked on every
engine in test_behaviour.py; here the GB/T 7714-2015 citation, the provenance and
the files written."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from conftest import write_jsonl

import searcher
from searcher import cli, output
from searcher.citation import cite, first_words, page_of


@pytest.mark.parametrize(
    "article, citation",
    [
        (
            {"title": "美丽产业带来美好生活", "author": "王卢莎", "date": "2022-01-12",
             "source": "辽宁日报 2022-01-12 第6版"},
            "王卢莎. 美丽产业带来美好生活[N]. 辽宁日报, 2022-01-12(6).",
        ),
        (  # no author
            {"title": "迈向新世纪", "author": "", "date": "1998-01-01",
             "source": "人民日报 1998-01-01 第1版"},
            "迈向新世纪[N]. 人民日报, 1998-01-01(1).",
        ),
        (  # no page
            {"title": "美丽产业", "author": "王卢莎", "date": "2022-01-12", "source": "辽宁日报 2022-01-12"},
            "王卢莎. 美丽产业[N]. 辽宁日报, 2022-01-12.",
        ),
        (  # neither, and the page in Chinese numerals elsewhere
            {"title": "标题", "author": "", "date": "2022-01-12", "source": "辽宁日报"},
            "标题[N]. 辽宁日报, 2022-01-12.",
        ),
        (
            {"title": "标题", "author": " 张三 ", "date": "1998-01-05",
             "source": "人民日报 1998-01-05 第十二版"},
            "张三. 标题[N]. 人民日报, 1998-01-05(12).",
        ),
        (  # untitled: its first words, so [N] is always there
            {"title": "", "author": "", "date": "1998-01-05", "source": "人民日报 1998-01-05 第3版",
             "body": "１９９７年，我国农业和农村经济总体上保持了良好的发展势头。其余"},
            "１９９７年，我国农业和农村经济总体上保持…[N]. 人民日报, 1998-01-05(3).",
        ),
        ({"title": "", "body": "短句。后面", "author": "", "date": "", "source": ""}, "短句[N]."),
    ],
)  # fmt: skip
def test_gbt_7714_newspaper_citation(article, citation):
    assert cite(**{"body": "", **article}) == citation


def test_pages_and_first_words():
    assert [
        page_of(s) for s in ("人民日报 1998-01-05 第３版", "x 第二十版", "x 第 10 版", "x")
    ] == [
        "3",
        "20",
        "10",
        "",
    ]
    assert first_words("") == "（无题）" and first_words("  一句话。") == "一句话"


@pytest.fixture(scope="module")
def export_index(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    arts = [
        {"id": f"e{i}", "title": f"杜鹃花{i}" if i % 2 else "", "author": "王" if i % 3 else "",
         "source": f"辽宁日报 2022-01-{i + 10} 第{i}版", "date": f"2022-01-{i + 10}",
         "body": f"第{i}篇。杜鹃花，丹东。\x1b[31m红\x1b[0m 逗号,引号\"换行\n结束。"}
        for i in range(1, 8)
    ]  # fmt: skip
    searcher.build_index([write_jsonl(tmp / "a.jsonl", arts)], tmp / "ix")
    return str(tmp / "ix")


def test_rows_are_read_as_they_are_iterated(export_index):
    with searcher.open_index(export_index) as ix:
        reads = []
        stored = ix.engine.stored
        ix.engine.stored = lambda i: reads.append(i) or stored(i)  # type: ignore[method-assign]
        export = ix.export("杜鹃花", sort="date")
        assert reads == [] and export.total == 7
        rows = iter(export)
        assert next(rows).id == "e1" and reads == ["e1"]
        assert [r.id for r in rows] == [f"e{i}" for i in range(2, 8)]


def test_csv_file_keeps_the_text_exactly(export_index, tmp_path):
    out = tmp_path / "x.csv"
    r = CliRunner().invoke(
        cli.main, ["export", "杜鹃花", "--full-text", "-o", str(out), "-i", export_index]
    )
    assert r.exit_code == 0 and not list(tmp_path.glob("*.tmp-*"))
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7 and rows[0]["text"].endswith('逗号,引号"换行\n结束。')
    assert "\x1b[31m" in rows[0]["text"]  # data in a file, as it is
    assert rows[0]["citation"] == "王. 杜鹃花1[N]. 辽宁日报, 2022-01-11(1)."


def test_provenance_names_the_index_its_generation_and_snapshot(export_index):
    from searcher import snapshots

    snapshots.keep(export_index, "paper")
    r = CliRunner().invoke(
        cli.main,
        [
            "export",
            "杜鹃花",
            "--format",
            "jsonl",
            "--since",
            "2022-01-12",
            "-i",
            f"{export_index}@paper",
        ],
    )
    summary = json.loads(r.stdout.splitlines()[-1])
    prov = summary["provenance"]
    with searcher.open_index(export_index) as ix:
        generation = ix.info().generation
    assert (prov["query"], prov["since"], prov["until"], prov["index"]) == (
        "杜鹃花", "2022-01-12", None, f"{export_index}@paper"
    )  # fmt: skip
    assert (prov["generation"], prov["snapshot"], prov["total"]) == (generation, "paper", 6)
    assert prov["searcher"] and prov["exported"][:4].isdigit()
    assert r.stderr == (
        f"provenance: 6 articles for query '杜鹃花' (since 2022-01-12), sorted by score, from"
        f" {export_index}@paper (generation {generation}, snapshot paper), exported"
        f" {prov['exported']} by searcher {prov['searcher']}\n"
    )


def test_export_to_a_terminal_is_inert(export_index, monkeypatch):
    from searcher.output.delimited import DelimitedWriter

    class Tty:
        def __init__(self):
            self.parts = []

        def write(self, s):
            self.parts.append(s)

        def isatty(self):
            return True

    tty = Tty()
    with searcher.open_index(export_index) as ix:
        DelimitedWriter(tty).export(ix.export("杜鹃花", full_text=True))
    text = "".join(tty.parts)
    assert "\x1b" not in text and output.inert("\x1b[31m红") in text


def test_cli_exit_status(export_index, tmp_path):
    def run(*args):
        return CliRunner().invoke(cli.main, [*args, "-i", export_index])

    assert run("export", "没有").exit_code == 1
    r = run("export", "杜鹃花", "-o", str(tmp_path / "no" / "dir.csv"))
    assert r.exit_code == 2 and r.stderr.startswith("Error: cannot write")
    r = run("export", "杜鹃花", "--sort", "newest")
    assert r.exit_code == 2
