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


def test_pages_shows_the_later_page_an_article_stands_on(tmp_path):
    page = tmp_path / "人民日报-1998-01-05.txt"
    page.write_text(
        "人民日报 1998年1月5日 第3版\n\n植树造林绿化家园\n\n本报讯 各地掀起植树造林热潮。\n\n"
        "人民日报 1998年1月6日 第1版\n\n全市冬季供暖全面启动\n\n本报讯 集中供暖系统启动。\n",
        "utf-8",
    )
    r = CliRunner().invoke(cli.main, ["pages", str(page)])
    assert r.exit_code == 0
    lines = [line for line in r.output.splitlines() if " chars" in line]
    assert [line.endswith("chars") for line in lines] == [True, False]
    assert lines[1].endswith("chars  on 人民日报 1998-01-06 第1版")
    r = CliRunner().invoke(cli.main, ["pages", "--json", str(page)])
    (obj,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert [a["source"] for a in obj["articles"]] == ["", "人民日报 1998-01-06 第1版"]
