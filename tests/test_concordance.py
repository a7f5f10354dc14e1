"""Issue 12: kwic (searcher.concordance): lines lined up by display width, line breaks as
one mark, TSV and the CLI. The counts and orders are checked against a plain scan on
every engine in test_behaviour.py."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from conftest import write_jsonl

import searcher
from searcher import cli
from searcher.highlight import cell_width
from searcher.output.plain import NEWLINE, PlainWriter
from searcher.output.terminal import TerminalWriter

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ARTICLES = [
    {"id": "a1", "date": "1998-01-02", "title": "经济新闻", "body": "ＧＤＰ增长，经济向好。"},
    {"id": "long-id-2", "date": "1998-01-01", "body": "abc 经济 def\n第二行经济"},
    {"id": "u", "date": "", "body": "全角ＡＢＣ经济"},
]


@pytest.fixture(scope="module")
def kwic_index(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kwic")
    searcher.build_index([write_jsonl(tmp / "a.jsonl", ARTICLES)], tmp / "ix")
    return str(tmp / "ix")


def _conc(path, **kw):
    with searcher.open_index(path) as ix:
        return ix.kwic("经济", limit=0, **kw)


def test_lines_by_date_with_context_as_written(kwic_index):
    conc = _conc(kwic_index, width=4)
    assert [(x.id, x.field, x.left, x.match, x.right, x.offset) for x in conc] == [
        ("long-id-2", "body", "abc ", "经济", " def", 4),
        ("long-id-2", "body", "\n第二行", "经济", "", 14),
        ("a1", "title", "", "经济", "新闻", 0),
        ("a1", "body", "Ｐ增长，", "经济", "向好。", 6),
        ("u", "body", "角ＡＢＣ", "经济", "", 5),  # undated last
    ]
    assert (conc.total, conc.articles, conc.sort, conc.width) == (5, 3, "date", 4)


@pytest.mark.parametrize("color", [False, True])
def test_matches_line_up_by_display_width(kwic_index, color):
    conc = _conc(kwic_index, width=4)
    out = io.StringIO()
    writer = TerminalWriter(out, color=color, width=200) if color else PlainWriter(out)
    writer.kwic(conc)
    lines = ANSI.sub("", out.getvalue()).splitlines()[: len(conc.lines)]
    columns = {cell_width(line[: line.index("经济", 12)]) for line in lines}
    assert len(columns) == 1  # CJK and full-width characters count two cells
    assert lines[1].count(NEWLINE) == 1 and "\n" not in lines[1]
    if color:
        marked = re.findall(r"\x1b\[[0-9;]*43m(.*?)\x1b\[0m", out.getvalue())
        assert marked == ["经济"] * 5


def test_plain_summary_goes_to_stderr(kwic_index):
    r = CliRunner().invoke(cli.main, ["kwic", "经济", "-n", "2", "-i", kwic_index])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 2
    assert r.stderr.startswith("5 occurrences in 3 articles (2 shown, sorted by date")


def test_tsv_has_a_header_and_one_line_per_occurrence(kwic_index):
    r = CliRunner().invoke(cli.main, ["kwic", "经济", "--tsv", "--width", "4", "-i", kwic_index])
    header, *rows = r.stdout.splitlines()
    assert header.split("\t") == [
        "id",
        "date",
        "field",
        "offset",
        "left",
        "match",
        "right",
        "title",
    ]
    assert len(rows) == 5 and all(len(row.split("\t")) == 8 for row in rows)
    assert rows[1].split("\t")[4] == f"{NEWLINE}第二行"


def test_cli_exit_status_and_usage(kwic_index):
    def run(*args):
        return CliRunner().invoke(cli.main, [*args, "-i", kwic_index])

    assert run("kwic", "没有").exit_code == 1
    r = run("kwic", "经济", "发展")
    assert r.exit_code == 2 and "kwic shows one string" in r.stderr
    assert r.stderr.count("\n") == 1
    assert run("kwic", '"abc 经济"').exit_code == 0
    r = run("kwic", "经济", "--json", "--tsv")
    assert r.exit_code == 2 and "only one of --json and --tsv" in r.stderr
    r = run("kwic", "经济", "--width", "5000")
    assert r.exit_code == 2


@pytest.mark.parametrize("width", [40, 60, 100])
def test_the_terminal_layout_cuts_contexts_to_fit(kwic_index, width):
    conc = _conc(kwic_index, width=100)
    out = io.StringIO()
    TerminalWriter(out, color=True, width=width).kwic(conc)
    raw = out.getvalue().splitlines()[: len(conc.lines)]
    assert max(cell_width(ANSI.sub("", line)) for line in raw) <= width
    # where the highlighted match starts, in cells: the same on every line
    starts = {cell_width(ANSI.sub("", line[: line.index("\x1b[1;30;43m")])) for line in raw}
    assert len(starts) == 1
