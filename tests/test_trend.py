"""Issue 12: trend (searcher.trend): periods, default period, smoothing, the chart and formats.

The counts themselves are checked against a plain scan on every engine in
test_behaviour.py; here the pieces around them and what each format prints.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner
from conftest import write_jsonl

import searcher
from searcher import cli, trend
from searcher.highlight import cell_width
from searcher.output.plain import PlainWriter
from searcher.output.terminal import TerminalWriter

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize(
    "first, last, by",
    [
        ("1998-01-01", "1998-01-31", "day"),
        ("1998-01-01", "1998-04-02", "day"),  # 91 days
        ("1998-01-01", "1998-04-30", "month"),
        ("1998-01-01", "2003-12-31", "month"),
        ("1998-01-01", "2005-01-01", "year"),
        ("", "", "month"),
    ],
)
def test_default_period_follows_the_date_range(first, last, by):
    assert trend.default_by(first, last) == by


def test_periods_include_the_gaps():
    assert trend.periods("1998-01-30", "1998-02-02", "day") == [
        "1998-01-30", "1998-01-31", "1998-02-01", "1998-02-02"
    ]  # fmt: skip
    assert trend.periods("1998-11-05", "1999-02-01", "month") == [
        "1998-11", "1998-12", "1999-01", "1999-02"
    ]  # fmt: skip
    assert trend.periods("1998-11-05", "2000-02-01", "year") == ["1998", "1999", "2000"]
    assert trend.periods("", "", "day") == []


def test_smoothing_is_centred_and_keeps_gaps():
    assert trend.smoothed([1.0, 2.0, 3.0, 4.0], 3) == [1.5, 2.0, 3.0, 3.5]
    assert trend.smoothed([1.0, None, 3.0, 5.0], 3) == [1.0, None, 4.0, 4.0]
    assert trend.smoothed([2.0, 4.0, 6.0], 2) == [3.0, 5.0, 6.0]  # even: one more after
    assert trend.smoothed([2.0, 4.0], 1) == [2.0, 4.0]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"by": "week"}, "unknown period 'week'"),
        ({"per": "words"}, "unknown normalisation 'words'"),
        ({"smooth": 0}, "smoothing takes a number of periods"),
    ],
)
def test_bad_options_are_query_errors(seed_index, kwargs, message):
    with searcher.open_index(seed_index) as ix, pytest.raises(searcher.QueryError, match=message):
        ix.trend("杜鹃花", **kwargs)


@pytest.fixture(scope="module")
def months_index(tmp_path_factory):
    """Articles in January and March 1998 (February: a gap), 经济 in some of them."""
    tmp = tmp_path_factory.mktemp("months")
    arts = [
        {"id": "a", "date": "1998-01-05", "body": "经济发展。"},
        {"id": "b", "date": "1998-01-06", "body": "农业。"},
        {"id": "c", "date": "1998-03-01", "body": "经济，经济。"},
        {"id": "d", "date": "1998-03-02", "body": "工业。", "title": "改革开放"},
    ]
    searcher.build_index([write_jsonl(tmp / "a.jsonl", arts)], tmp / "ix")
    return str(tmp / "ix")


def _trend(path, *queries, **kw):
    with searcher.open_index(path) as ix:
        return ix.trend(list(queries), by="month", **kw)


def test_plain_lines_are_period_query_count_total_rate(months_index):
    out = io.StringIO()
    PlainWriter(out).trend(_trend(months_index, "经济", "改革开放"))
    assert out.getvalue().splitlines() == [
        "1998-01\t经济\t1\t2\t5000.0",
        "1998-01\t改革开放\t0\t2\t0.0",
        "1998-02\t经济\t0\t0\t",
        "1998-02\t改革开放\t0\t0\t",
        "1998-03\t经济\t1\t2\t5000.0",
        "1998-03\t改革开放\t1\t2\t5000.0",
    ]


def test_csv_starts_with_a_bom_and_parses(months_index):
    r = CliRunner().invoke(
        cli.main, ["trend", "经济", "--csv", "--by", "month", "--smooth", "2", "-i", months_index]
    )
    assert r.exit_code == 0 and r.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(r.stdout[1:], newline="")))
    assert list(rows[0]) == ["period", "query", "count", "total", "chars", "rate", "smoothed"]
    assert [(x["period"], x["count"], x["rate"], x["smoothed"]) for x in rows] == [
        ("1998-01", "1", "5000.0", "5000.0"),  # the gap after it is left out of the average
        ("1998-02", "0", "", ""),
        ("1998-03", "1", "5000.0", "5000.0"),
    ]


@pytest.mark.parametrize("width", [40, 80, 120])
def test_the_chart_fits_the_terminal_and_shows_the_scale(months_index, width):
    t = _trend(months_index, "经济", "改革开放", per="none")
    out = io.StringIO()
    TerminalWriter(out, color=True, width=width).trend(t)
    lines = ANSI.sub("", out.getvalue()).splitlines()
    assert max(cell_width(line) for line in lines) <= width
    start = next(i for i, line in enumerate(lines) if line.startswith("1998-01"))
    title = "".join(lines[:start])  # wrapped on a narrow terminal
    assert title.startswith("经济, 改革开放: matching articles, by month")
    rows = lines[start:-2]
    assert [r[:7] for r in rows if r[:1] != " "] == ["1998-01", "1998-02", "1998-03"]
    assert sum("no articles" in r for r in rows) == 2  # the gap, for each query
    bars = {r.split()[-1] for r in rows if "█" in r}
    assert bars == {"1"}  # every bar is one article, drawn the full width of the scale
    assert lines[-2].strip().startswith("0─") and lines[-2].endswith(" 1")
    assert "3 periods" in lines[-1]
    colours = re.findall(r"\x1b\[(3\d)m█", out.getvalue())
    assert len(set(colours)) == 2  # one colour per query


def test_cli_exit_status_and_usage(months_index):
    def run(*args):
        return CliRunner().invoke(cli.main, [*args, "-i", months_index])

    assert run("trend", "经济").exit_code == 0
    assert run("trend", "没有的词").exit_code == 1
    r = run("trend", "经济", "--json", "--csv")
    assert r.exit_code == 2 and "only one of --json and --csv" in r.stderr
    r = run("trend", "(经济")
    assert r.exit_code == 2 and r.stderr.count("\n") == 1


def test_no_dated_articles_is_said_not_drawn(months_index):
    with searcher.open_index(months_index) as ix:
        t = ix.trend("经济", since="2000-01-01")
    assert (t.periods, t.points) == ([], [])
    out = io.StringIO()
    TerminalWriter(out, color=False, width=60).trend(t)
    assert out.getvalue().splitlines()[-1] == "no dated articles (after the filters)"
