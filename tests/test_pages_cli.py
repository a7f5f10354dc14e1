"""`searcher pages FILE...` (issue 13): how a page is split, before indexing it."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import SEEDS

from searcher import cli

SEED = SEEDS / "辽宁日报-2022-01-12.txt"


def test_pages_prints_each_article_of_a_page():
    r = CliRunner().invoke(cli.main, ["pages", str(SEED)])
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0] == f"{SEED}  辽宁日报 2022-01-12  7 articles"
    assert sum(" chars" in line for line in lines) == 7
    assert any("美丽产业带来美好生活  [王卢莎]" in line for line in lines)


def test_pages_json_is_the_page_view(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("标题\n\n本报讯 正文一段。\n\n@@tilte\n", "utf-8")
    r = CliRunner().invoke(cli.main, ["pages", "--json", str(page)])
    assert r.exit_code == 2  # the unknown marker is reported
    (obj,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert obj["type"] == "page" and obj["version"] == 1
    assert obj["articles"][0]["title"] == "标题"
    assert obj["problems"] == [
        f"{page}:5: unknown marker '@@tilte' (known: @@article, @@title, @@continue); the line was left out"
    ]
