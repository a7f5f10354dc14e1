"""Issue 3: the JSON formats, pinned key by key (a key added, removed or renamed fails here).

When one of these tests fails on purpose, update the README's "JSON output" section
and, if a key was removed, renamed or changed meaning, bump output.JSON_VERSION.
"""

from __future__ import annotations

import csv
import json
import re

import pytest
from click.testing import CliRunner
from conftest import HIT_KEYS, ROOT, write_jsonl

from searcher import cli, output

SNIPPET = {"text", "matches"}
SUMMARY = {"type", "version", "query", "total", "returned", "offset", "limit", "elapsed_ms"}
ARTICLE = {
    "type",
    "version",
    "id",
    "title",
    "body",
    "date",
    "source",
    "author",
    "origin",
    "title_matches",
    "body_matches",
}
INFO = {
    "type",
    "version",
    "path",
    "generation",
    "articles",
    "sources",
    "papers",
    "first_date",
    "last_date",
    "built",
}
INDEX = {
    "type",
    "version",
    "path",
    "articles",
    "files",
    "bytes",
    "text_bytes",
    "seconds",
    "problems",
}
INDEX_UPDATE = {"added", "updated", "removed", "unchanged", "failed", "rebuilt"}
# issue 12: the research views
TREND = {"type", "query", "period", "count", "total", "chars", "rate"}
TREND_SUMMARY = {
    "type",
    "version",
    "queries",
    "per",
    "by",
    "unit",
    "smooth",
    "periods",
    "elapsed_ms",
}
KWIC = {"type", "id", "title", "date", "field", "left", "match", "right", "offset"}
KWIC_SUMMARY = {
    "type", "version", "query", "total", "articles", "returned", "width", "sort", "limit",
    "elapsed_ms",
}  # fmt: skip
EXPORT_COLUMNS = ["id", "title", "author", "date", "source", "paper", "page", "citation", "snippet"]
EXPORT_SUMMARY = {"type", "version", "total", "provenance"}
PROVENANCE = {
    "query", "since", "until", "source", "sort", "index", "generation", "snapshot", "exported",
    "searcher", "total",
}  # fmt: skip
SNAPSHOT = {"type", "version", "name", "generation", "address"}


def run(*args, input=None):
    r = CliRunner().invoke(cli.main, [str(a) for a in args], input=input)
    assert r.exit_code == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_hit_and_summary(seed_index):
    *hits, summary = run("search", "杜鹃花 OR 招商", "--json", "-n", "2", "-i", seed_index)
    assert len(hits) == 2
    for h in hits:
        assert set(h) == HIT_KEYS and h["type"] == "hit"
        assert h["snippets"] and all(set(s) == SNIPPET for s in h["snippets"])
        assert all(len(span) == 2 for s in h["snippets"] for span in s["matches"])
        assert h["match"] in ("word", "exact", "loose")
    assert set(summary) == SUMMARY
    assert summary["type"] == "summary" and summary["version"] == 1
    assert (summary["query"], summary["returned"], summary["offset"], summary["limit"]) == (
        "杜鹃花 OR 招商",
        2,
        0,
        2,
    )
    assert isinstance(summary["total"], int) and isinstance(summary["elapsed_ms"], float)


def test_limit_is_null_for_all(seed_index):
    *_, summary = run("search", "杜鹃花", "--json", "-n", "0", "--offset", "1", "-i", seed_index)
    assert (summary["limit"], summary["offset"], summary["returned"]) == (None, 1, 0)


def test_batch_hits_carry_their_query(seed_index):
    lines = run("search", "--batch", "-", "--json", "-i", seed_index, input="杜鹃花\n")
    assert set(lines[0]) == HIT_KEYS | {"query"} and lines[0]["query"] == "杜鹃花"
    assert set(lines[-1]) == SUMMARY


def test_summary_with_facets(seed_index):
    args = ["--json", "--facet", "source", "--facet", "date:month", "-i", seed_index]
    for extra in ([], ["-c"]):
        summary = run("search", "杜鹃花", *args, *extra)[-1]
        assert set(summary) == SUMMARY | {"facets"}
        assert summary["facets"] == {
            "source": {"辽宁日报 2022-01-12": 1},
            "date:month": {"2022-01": 1},
        }


@pytest.mark.parametrize(
    "facet, value", [("date:year", "1998"), ("date:month", "1998-01"), ("date:day", "1998-01-02"),
                     ("source", "测试报 第1版"), ("paper", "测试报")]
)  # fmt: skip
def test_facet_values(tmp_path, facet, value):
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [{"id": "x", "body": "杜鹃花", "date": "1998-01-02", "source": "测试报 第1版"}],
    )
    CliRunner().invoke(cli.main, ["index", str(src), "-i", str(tmp_path / "ix")])
    summary = run("search", "杜鹃花", "--json", "--facet", facet, "-i", tmp_path / "ix")[-1]
    assert summary["facets"] == {facet: {value: 1}}


# The seed page's 美丽产业带来美好生活: a page article's id comes from its title and text.
FLOWERS = "辽宁日报-2022-01-12-2f8b89"


def test_similar(seed_index):
    *hits, summary = run("similar", FLOWERS, "--json", "-n", "2", "-i", seed_index)
    assert [set(h) for h in hits] == [HIT_KEYS, HIT_KEYS]
    assert set(summary) == SUMMARY | {"terms"}
    assert summary["query"] == f"similar:{FLOWERS}"
    assert summary["terms"] and all(isinstance(t, str) for t in summary["terms"])


def test_article_and_info(seed_index):
    (art,) = run("show", FLOWERS, "--json", "-i", seed_index)
    assert set(art) == ARTICLE and (art["type"], art["version"]) == ("article", 1)
    (info,) = run("info", "--json", "-i", seed_index)
    assert set(info) == INFO and (info["type"], info["version"]) == ("info", 1)


def test_index_report(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "body": "杜鹃花"}])
    (report,) = run("index", src, "--json", "-i", tmp_path / "ix")
    assert set(report) == INDEX | INDEX_UPDATE and (report["type"], report["version"]) == (
        "index",
        1,
    )
    assert report["rebuilt"] is True and report["added"] == 1 and report["failed"] == []


def test_trend(seed_index):
    *cells, summary = run("trend", "杜鹃花", "丹东", "--json", "-i", seed_index)
    assert [set(c) for c in cells] == [TREND, TREND]
    assert [(c["query"], c["period"]) for c in cells] == [
        ("杜鹃花", "2022-01-12"),
        ("丹东", "2022-01-12"),
    ]
    assert cells[0]["count"] == 1 and cells[0]["total"] == 7 and cells[0]["chars"] > 0
    assert cells[0]["rate"] == 1 / 7 * 10_000
    assert set(summary) == TREND_SUMMARY and summary["type"] == "summary"
    assert (summary["per"], summary["by"], summary["smooth"], summary["periods"]) == (
        "articles",
        "day",
        1,
        1,
    )
    *cells, summary = run("trend", "杜鹃花", "--json", "--smooth", "3", "-i", seed_index)
    assert set(cells[0]) == TREND | {"smoothed"} and summary["smooth"] == 3


def test_kwic(seed_index):
    *lines, summary = run("kwic", "杜鹃花", "--json", "-n", "2", "-i", seed_index)
    assert [set(x) for x in lines] == [KWIC, KWIC] and lines[0]["type"] == "kwic"
    assert lines[0]["match"] == "杜鹃花" and isinstance(lines[0]["offset"], int)
    assert set(summary) == KWIC_SUMMARY
    assert summary["total"] > 2 and summary["articles"] == 1 and summary["returned"] == 2


def test_export(seed_index, tmp_path):
    *rows, summary = run("export", "杜鹃花 OR 招商", "--format", "jsonl", "-i", seed_index)
    assert rows and all(set(r) == {"type", *EXPORT_COLUMNS} for r in rows)
    assert set(summary) == EXPORT_SUMMARY and set(summary["provenance"]) == PROVENANCE
    *rows, _ = run("export", "杜鹃花", "--format", "jsonl", "--full-text", "-i", seed_index)
    assert set(rows[0]) == {"type", *EXPORT_COLUMNS, "text"}
    out = tmp_path / "x.csv"
    r = CliRunner().invoke(
        cli.main, ["export", "杜鹃花", "--full-text", "-o", out, "-i", seed_index]
    )
    assert r.exit_code == 0 and r.stdout == ""
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    assert header == [*EXPORT_COLUMNS, "text"]


def test_snapshot(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "body": "杜鹃花"}])
    CliRunner().invoke(cli.main, ["index", str(src), "-i", str(tmp_path / "ix")])
    (snap,) = run("snapshot", "v1", "--json", "-i", tmp_path / "ix")
    assert set(snap) == SNAPSHOT and (snap["type"], snap["version"]) == ("snapshot", 1)
    assert run("snapshot", "--json", "-i", tmp_path / "ix") == [snap]


def test_readme_documents_every_key():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("### JSON output") : readme.index("### Python")]
    assert f"(version {output.JSON_VERSION})" in readme
    documented = set(re.findall(r"`([a-z_]+)`", section))
    keys = HIT_KEYS | SNIPPET | SUMMARY | ARTICLE | INFO | INDEX | INDEX_UPDATE
    views = TREND | TREND_SUMMARY | KWIC | KWIC_SUMMARY | EXPORT_SUMMARY | PROVENANCE | SNAPSHOT
    assert (
        keys | views | set(EXPORT_COLUMNS) | {"query", "facets", "terms", "smoothed"} <= documented
    )
