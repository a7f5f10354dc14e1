"""Tests for searcher.corpus: files -> articles, as a user of the index sees them."""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searcher.corpus import (
    SUFFIXES,
    SourceArticle,
    decode,
    find_files,
    page_meta,
    read_file,
    read_sources,
    split_page,
)
from searcher.errors import CorpusError

SEEDS = Path(__file__).parent.parent / "seeds"
SEED = SEEDS / "辽宁日报-2022-01-12.txt"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def by_title(articles, part: str):
    (found,) = [a for a in articles if part in a.title]
    return found


# ---------------------------------------------------------------- the seed page


@pytest.fixture(scope="module")
def seed_articles() -> list[SourceArticle]:
    articles, errors = read_file(SEED)
    assert errors == []
    return articles


SEED_TITLES = [
    "聚焦主导产业 延链建群精准招商 鞍山2021年实际到位内资增幅全省第一",
    "锦州今年计划实施 “揭榜挂帅”科技攻关项目20个",
    "铁岭党员干部 结对帮扶3116名困难群众",
    "大连石化“减油增化” 推动绿色发展",
    "新能源供暖让天空更蓝",
    "美丽产业带来美好生活",
    "守医者仁心 护百姓健康——建平县医院发挥党建引领作用提升医疗服务能力纪实",
]


def test_seed_page_has_its_seven_articles_in_order(seed_articles):
    assert [a.title for a in seed_articles] == SEED_TITLES


def test_seed_articles_carry_paper_date_ids_and_origin(seed_articles):
    assert all(re.fullmatch(r"辽宁日报-2022-01-12-[0-9a-f]{6}", a.id) for a in seed_articles)
    assert len({a.id for a in seed_articles}) == 7
    assert {a.date for a in seed_articles} == {"2022-01-12"}
    assert {a.source for a in seed_articles} == {"辽宁日报 2022-01-12"}
    assert seed_articles[0].origin == f"{SEED}:3"
    assert seed_articles[6].origin == f"{SEED}:98"


@pytest.mark.parametrize(
    "title, author",
    [
        ("鞍山2021年", "刘家伟"),
        ("揭榜挂帅", "崔治"),
        ("结对帮扶", "李波"),
        ("推动绿色发展", "杨丽娟"),
        ("新能源供暖", "郑磊"),
        ("美丽产业", "王卢莎"),
        ("守医者仁心", "袁春辉 李国恩"),
    ],
)
def test_seed_bylines_become_authors_and_leave_the_body(seed_articles, title, author):
    article = by_title(seed_articles, title)
    assert article.author == author
    for name in author.split():
        assert not re.search(rf"(本报记者|记者) ?{name}(?!报道)|{name} ?摄|\s{name}$", article.body)


@pytest.mark.parametrize(
    "title, words",
    [
        (
            "鞍山2021年",
            [
                "现代农业、商贸服务",
                "以“乡情相伴、共谋发展”为主题的鞍商大会",
                "本报讯 记者刘家伟报道",
            ],
        ),
        ("推动绿色发展", ["大连石化还坚持技术节能和结构减排。"]),
        (
            "新能源供暖",
            [
                "推进燃煤锅炉淘汰",
                "减排1300吨二氧化碳",
                "图①为工人",
                "图③为定期检查温度传感器等配件。",
            ],
        ),
        ("美丽产业", ["变电村是丹东杜鹃花", "“大略估计,今年卖花"]),
        (
            "守医者仁心",
            [
                "多学科会诊体系初步建立。",
                "经皮冠状动脉介入治疗术",
                "缺陷和问题导向的培训式质控模式",
            ],
        ),
    ],
)
def test_seed_broken_paragraphs_are_rejoined_so_words_are_whole(seed_articles, title, words):
    body = by_title(seed_articles, title).body
    for word in words:
        assert word in body


def test_seed_no_paragraph_ends_in_a_broken_word(seed_articles):
    halves = (
        "现代农",
        "减排1300吨二",
        "大略估",
        "多学",
        "推进",
        "为主",
        "和结构",
        "变电村是",
        "经皮冠状动脉",
    )
    for article in seed_articles:
        for paragraph in article.body.split("\n"):
            assert not paragraph.endswith(halves), paragraph


def test_seed_subheads_captions_and_column_label_stay_in_their_article(seed_articles):
    hospital = by_title(seed_articles, "守医者仁心").body.split("\n")
    for subhead in [
        "党建引领 动力十足",
        "核心提示",
        "廉政建设 认真履职“一岗双责”",
        "创新管理 精打细算",
        "提高技术 树立品牌",
        "优质服务 大爱为民",
    ]:
        assert subhead in hospital
    assert hospital[0] == "党建引领 动力十足"
    # The box follows a fragment whose continuation is not on the page: it stays broken.
    assert "县医院持之以恒正风肃纪,严格落实党" in hospital
    flowers = by_title(seed_articles, "美丽产业").body.split("\n")
    assert flowers[0] == "■ 走基层 ● 在一线 ZAIYIXIAN"
    heating = by_title(seed_articles, "新能源供暖").body.split("\n")
    assert heating[-3:] == [
        "图①为工人为水管增加保温层,防止热量流失。",
        "图②为工作人员在能源管理监控平台巡查。",
        "图③为定期检查温度传感器等配件。",
    ]
    # The subtitle belongs to the title, not to the body.
    assert "——建平县医院" not in by_title(seed_articles, "守医者仁心").body


def test_seed_keeps_punctuation_as_printed(seed_articles):
    assert "建成后将成为世界规模最大、技术领先" in seed_articles[0].body
    assert "项目,建成后" in seed_articles[0].body  # ASCII comma, not folded here


def test_ids_are_stable_across_reads(seed_articles):
    again, _ = read_file(SEED)
    assert again == seed_articles


def test_seeds_folder_reads_pages_and_skips_its_readme():
    articles, errors = read_sources([SEEDS])
    assert errors == []
    assert len(articles) == 7
    assert (SEEDS / "README.md").exists()


# ---------------------------------------------------------------- other page layouts


def test_layout_indented_paragraphs_without_blank_lines():
    page = (
        "沈阳地铁四号线开通运营\n"
        "　　本报讯 记者张伟报道 1月10日，沈阳地铁四号线正式开通运营，\n"
        "　　新线全长三十公里，设站二十三座。\n"
        "大连港集装箱吞吐量创新高\n"
        "　　本报讯（记者 王芳 李强）去年，大连港集装箱吞吐量突破一千万标箱。\n"
        "　　港口负责人表示，今年将继续开辟新航线。\n"
    )
    first, second = split_page(page)
    assert first.title == "沈阳地铁四号线开通运营"
    assert first.author == "张伟"
    assert "设站二十三座" in first.body
    assert "大连港" not in first.body
    assert second.title == "大连港集装箱吞吐量创新高"
    assert second.author == "王芳 李强"
    assert second.body.split("\n")[1] == "港口负责人表示，今年将继续开辟新航线。"


def wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


# Ideographic spaces, as printed; no-break or em spaces, as a web page's copy has them.
@pytest.mark.parametrize("lead", ["\u3000\u3000", "\xa0\xa0\xa0\xa0", "\u2003\u2003"])
def test_layout_titles_flush_left_among_paragraphs_indented_by_any_space(lead):
    # Lines of a poem, not ending a sentence, then a headline: flush left among
    # indented paragraphs, it is a title whatever spaces indent them.
    page = (
        f"冬日山村\n{lead}雪花飘落在山间的小路上\n{lead}梅花开在农家的窗前\n"
        f"{lead}孩子们的笑声传得很远\n新年音乐会在京举行\n"
        f"{lead}新年音乐会今晚在国家大剧院举行，观众两千余人。\n{lead}音乐会由中外艺术家同台演出。\n"
        f"城区新增二十个公交站点\n{lead}为方便市民出行，城区今年新增公交站点二十个。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["冬日山村", "新年音乐会在京举行", "城区新增二十个公交站点"]
    assert arts[0].body.split("\n") == [
        "雪花飘落在山间的小路上",
        "梅花开在农家的窗前",
        "孩子们的笑声传得很远",
    ]


@pytest.mark.parametrize("separator", ["blank", "indent"])
def test_layout_hard_wrapped_lines_are_rejoined(separator):
    p1 = "本报讯 记者赵明报道 今年冬天，抚顺市依托丰富的冰雪资源大力发展冰雪旅游产业，推出滑雪温泉民俗等二十条精品线路吸引省内外游客"
    p2 = "据统计元旦假期全市接待游客同比增长百分之三十旅游收入同比增长百分之四十五冰雪经济正在成为当地新的增长点和群众增收的重要渠道。"
    p3 = "下一步，抚顺市将继续完善冰雪旅游基础设施建设，提升服务质量。"
    lead = "　　" if separator == "indent" else ""
    gap = [""] if separator == "blank" else []
    lines = ["抚顺冰雪旅游持续升温", *gap]
    for p in (p1, p2, p3):
        first, *rest = wrap(p, 20)
        lines += [lead + first, *rest, *gap]
    (article,) = split_page("\n".join(lines))
    assert article.title == "抚顺冰雪旅游持续升温"
    assert article.author == "赵明"
    if separator == "blank":  # p1 has no final stop: it runs on into p2
        assert article.body.split("\n") == [p1 + p2, p3]
    else:  # an indented line starts a paragraph, stop or not
        assert article.body.split("\n") == [p1, p2, p3]


def test_layout_crlf_and_bom(tmp_path):
    page = (
        "\ufeff营口港开通新航线\r\n\r\n本报讯 记者孙丽报道 营口港开通至东南亚的集装箱新航线。\r\n"
    )
    path = tmp_path / "营口日报-2022-03-01.txt"
    path.write_bytes(page.encode("utf-8-sig"))
    (article,), errors = read_file(path)
    assert errors == []
    assert article.title == "营口港开通新航线"
    assert "\r" not in article.body and "\ufeff" not in article.title
    assert (article.author, article.date, article.source) == (
        "孙丽",
        "2022-03-01",
        "营口日报 2022-03-01",
    )


def test_layout_gbk_encoded_page(tmp_path):
    page = "丹东草莓喜获丰收\n\n本报讯 记者刘洋报道 东港市草莓进入采摘期，果农喜笑颜开。\n"
    path = write(tmp_path / "page.txt", page, "gbk")
    (article,), errors = read_file(path)
    assert errors == []
    assert article.title == "丹东草莓喜获丰收"
    assert "草莓进入采摘期" in article.body


@pytest.mark.parametrize(
    "header, paper, date, source",
    [
        ("人民日报 1998年1月5日 第3版", "人民日报", "1998-01-05", "人民日报 1998-01-05 第3版"),
        ("辽宁日报 2022-01-12 星期三", "辽宁日报", "2022-01-12", "辽宁日报 2022-01-12"),
        ("2022年1月12日　星期三　第三版", "", "2022-01-12", "2022-01-12 第3版"),
    ],
)
def test_layout_header_line_gives_paper_and_date(tmp_path, header, paper, date, source):
    page = f"{header}\n\n植树造林绿化家园\n\n本报讯 记者周红报道 春天到了，各地掀起植树造林热潮。\n"
    path = write(tmp_path / "page.txt", page)
    got_paper, got_date, rest = page_meta(path, page)
    assert (got_paper, got_date) == (paper, date)
    assert header not in rest
    (article,), _ = read_file(path)
    assert (article.title, article.date, article.source) == ("植树造林绿化家园", date, source)
    assert article.origin == f"{path}:3"


def test_pages_in_one_file_each_give_their_articles_date_and_page(tmp_path):
    # A day's pages (or a week's) in one file, each under its header line: an article
    # carries the date and page of the header above it, not the file's first.
    page = (
        "人民日报 1998年1月5日 第3版\n\n植树造林绿化家园\n\n本报讯 各地掀起植树造林热潮。\n\n"
        "人民日报 1998年1月5日 第4版\n\n城北农贸市场完成改造\n\n本报讯 摊位全部明码标价。\n\n"
        "人民日报 1998年1月6日 第1版\n\n全市冬季供暖全面启动\n\n本报讯 集中供暖系统启动。\n"
    )
    path = write(tmp_path / "人民日报-1998-01-05.txt", page)
    articles, errors = read_file(path)
    assert not errors
    assert [(a.title, a.date, a.source, a.origin) for a in articles] == [
        ("植树造林绿化家园", "1998-01-05", "人民日报 1998-01-05 第3版", f"{path}:3"),
        ("城北农贸市场完成改造", "1998-01-05", "人民日报 1998-01-05 第4版", f"{path}:9"),
        ("全市冬季供暖全面启动", "1998-01-06", "人民日报 1998-01-06 第1版", f"{path}:15"),
    ]


def test_header_wins_over_file_name(tmp_path):
    page = "人民日报 1998年1月5日 第3版\n\n标题\n\n正文。\n"
    assert page_meta(tmp_path / "辽宁日报-2022-01-12.txt", page)[:2] == ("人民日报", "1998-01-05")


def test_a_title_with_a_date_is_not_a_header(tmp_path):
    page = "2021年12月31日晚 沈阳举行跨年活动\n\n本报讯 记者周红报道 活动吸引了数万市民。\n"
    paper, date, rest = page_meta(tmp_path / "x.txt", page)
    assert (paper, date, rest) == ("", "", page)


def test_layout_single_article_without_dateline():
    page = "\n\n冬日暖阳\n\n清晨的阳光洒在浑河岸边，晨练的市民三五成群。\n\n有人打太极，有人放风筝，一派祥和景象。\n"
    (article,) = split_page(page)
    assert article.title == "冬日暖阳"
    assert article.author == ""
    assert (
        article.body
        == "清晨的阳光洒在浑河岸边，晨练的市民三五成群。\n有人打太极，有人放风筝，一派祥和景象。"
    )


def test_layout_page_starting_mid_article_has_an_untitled_article():
    page = "（上接第一版）工程建成后将惠及沿线百万群众。\n\n项目进展顺利\n\n目前，主体工程已完成七成。\n"
    (article,) = split_page(page)
    assert article.title == ""
    assert article.body.split("\n") == [
        "（上接第一版）工程建成后将惠及沿线百万群众。",
        "项目进展顺利",
        "目前，主体工程已完成七成。",
    ]


def test_layout_articles_set_apart_by_extra_blank_lines():
    # Two wider gaps make it the page's way of setting articles apart (one alone does
    # not: the seed page leaves one triple gap, and its other titles one blank line).
    page = (
        "盘锦稻田画吸引游客\n\n稻田画面积达到两百亩。\n\n游客可以登上观景台观赏。\n\n\n\n"
        "本溪枫叶节开幕\n\n漫山红叶迎来了八方来客。\n\n景区推出多条赏枫线路\n\n线路覆盖全市主要景点。\n\n\n\n"
        "丹东草莓上市\n\n东港草莓进入采摘期。\n"
    )
    first, second, _ = split_page(page)
    assert first.title == "盘锦稻田画吸引游客"
    assert "游客可以登上观景台观赏" in first.body
    assert second.title == "本溪枫叶节开幕"
    # Set apart by the usual single blank line: a subhead, not an article.
    assert second.body.split("\n") == [
        "漫山红叶迎来了八方来客。",
        "景区推出多条赏枫线路",
        "线路覆盖全市主要景点。",
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "本报北京1月11日电 记者张三报道 会议强调，",
        "新华社北京1月11日电（记者 张三）会议强调，",
        "本报讯（记者 张三）会议强调，",
        "本报记者 张三\n\n会议强调，",
        "本报沈阳1月11日讯 记者张三报道 会议强调，",
    ],
)
def test_a_heading_before_a_dateline_or_byline_starts_an_article(opening):
    page = f"甲市召开工作会议\n\n本报讯 记者李四报道 会议部署全年工作。\n\n乙市推进项目建设\n\n{opening}要抓好落实。\n"
    first, second = split_page(page)
    assert (first.title, first.author) == ("甲市召开工作会议", "李四")
    assert (second.title, second.author) == ("乙市推进项目建设", "张三")


@pytest.mark.parametrize(
    "ending, author",
    [
        ("全面提升。本报记者 张三", "张三"),
        ("全面提升。记者 张三 李四", "张三 李四"),
        ("全面提升。本报通讯员 王五", "王五"),
        ("全面提升。张三 摄", "张三"),
        ("全面提升。\n\n本报记者 张三 摄", "张三"),
        ("全面提升。（记者 张三）", "张三"),
        ("全面提升。张三 李四", "张三 李四"),
        ("全面提升。（张三）", "张三"),
        ("全面提升。新华社记者 张三 摄", "张三"),
        ("全面提升。本报记者 张三 本报通讯员 李四", "张三 李四"),
    ],
)
def test_a_closing_byline_ends_the_article(ending, author):
    page = f"甲市推进改革\n\n改革取得实效，{ending}\n\n乙市发展产业\n\n产业发展势头良好。\n"
    first, second = split_page(page)
    assert (first.title, first.author) == ("甲市推进改革", author)
    assert first.body == "改革取得实效，全面提升。"
    assert (second.title, second.author) == ("乙市发展产业", "")


@pytest.mark.parametrize(
    "line",
    ["责任编辑：王明", "（责任编辑：王明）", "本版责任编辑 王明", "责编 王明", "本版邮编：100733"],
)
def test_the_pages_editor_is_no_author_and_stays_in_the_text(line):
    # The page's editor edited the article above, and did not write it: the line is
    # kept in its text, and the author is the reporter only.
    page = f"甲市推进改革\n\n本报讯（记者 张三）改革取得实效。\n\n{line}\n"
    (article,) = split_page(page)
    assert article.author == "张三"
    assert article.body.split("\n") == ["本报讯（记者 张三）改革取得实效。", line]


@pytest.mark.parametrize("greeting", ["编辑同志：", "编辑点评："])
def test_a_letters_greeting_or_a_comments_label_names_no_author(greeting):
    page = f"食堂饭菜质量亟待提高\n\n{greeting}\n\n我是机床厂的一名工人，近来食堂饭菜越来越差。\n"
    (article,) = split_page(page)
    assert (article.title, article.author) == ("食堂饭菜质量亟待提高", "")
    assert article.body.split("\n")[0] == greeting


def test_a_dateline_without_a_title_opens_an_untitled_article():
    page = (
        "本报讯 记者张三报道 甲市今天召开大会。\n\n会议由市长主持。\n\n"
        "本报北京1月4日电 记者李四报道 乙市今天开工。\n\n工程总投资三亿元，年底建成。\n"
    )
    first, second = split_page(page)
    assert (first.title, first.author, first.body.count("\n")) == ("", "张三", 1)
    assert (second.title, second.author) == ("", "李四")
    assert second.body.endswith("工程总投资三亿元，年底建成。")


def test_completion_marks_that_are_not_bylines_stay_in_the_body():
    page = "标题\n\n正文到此为止。（完）\n\n小标题\n\n继续正文。（附图片１张）\n"
    # (After "（完）", the end, the heading may well open an article: either split is fine.)
    articles = split_page(page)
    assert [a.author for a in articles] == [""] * len(articles)
    text = "\n".join(x for a in articles for x in (a.title, a.body))
    assert "正文到此为止。（完）\n" in text and text.endswith("继续正文。（附图片１张）")


def test_ascii_words_broken_across_lines_keep_a_space():
    (article,) = split_page("标题\n\n会议经过讨论，采用了Whoosh\n\nsearch engine方案。\n")
    assert article.body == "会议经过讨论，采用了Whoosh search engine方案。"


def test_layout_flush_left_title_among_indented_paragraphs_starts_an_article():
    page = (
        "甲市召开工作会议\n"
        "　　会议部署了全年工作。\n"
        "　　与会代表表示，一定要抓好落实。\n"
        "乙市冬季供暖平稳\n"
        "　　全市供暖面积两亿平方米\n"  # an indented short line is text, not a title
        "　　入冬以来，乙市供暖运行平稳。\n"
    )
    first, second = split_page(page)
    assert first.title == "甲市召开工作会议"
    assert first.body.endswith("一定要抓好落实。")
    assert second.title == "乙市冬季供暖平稳"
    assert second.body.split("\n") == ["全市供暖面积两亿平方米", "入冬以来，乙市供暖运行平稳。"]


@pytest.mark.parametrize(
    "title",
    ["日本企业：经济前景不佳", "“输血”，更需“造血”", "农村电价缘何高？", "拜年变了味，当刹！"],
)
def test_a_headline_with_punctuation_is_a_title_where_a_title_is_expected(title):
    before_dateline = f"甲市召开工作会议\n\n会议部署了全年工作。\n\n{title}\n\n据新华社东京1月3日电 调查显示，前景不佳。\n"
    set_apart = (
        f"甲市召开工作会议\n\n会议部署了全年工作。\n\n\n{title}\n\n调查显示，前景不佳。\n\n\n"
        "乙市推进项目建设\n\n项目进展顺利。\n"
    )
    for page in (before_dateline, set_apart):
        assert [a.title for a in split_page(page)][:2] == ["甲市召开工作会议", title]
    # Inside an article, the same line is only text; but a headline after a short
    # kicker and a colon is weighed as any heading is, and here (after a finished
    # paragraph, over text on another subject) it opens an article.
    articles = split_page(
        f"甲市召开工作会议\n\n会议部署了全年工作。\n\n{title}\n\n调查显示，前景不佳。\n"
    )
    if "：" in title:
        assert [a.title for a in articles] == ["甲市召开工作会议", title]
    else:
        (article,) = articles
        assert article.title == "甲市召开工作会议" and title in article.body


def test_a_credit_in_brackets_is_never_a_title():
    page = (
        "甲市召开工作会议\n\n会议部署了全年工作。\n\n（王彦田周亮）\n\n\n"
        "治理高定价砍掉大回扣\n\n本报讯 首批中央管理药品价格公布。\n\n\n"
        "迎虎年（书法）\n\n（关山月）\n"
    )
    assert [(a.title, a.body) for a in split_page(page)] == [
        ("甲市召开工作会议", "会议部署了全年工作。\n（王彦田周亮）"),
        ("治理高定价砍掉大回扣", "本报讯 首批中央管理药品价格公布。"),
        ("迎虎年（书法）", "（关山月）"),
    ]


def test_untitled_briefs_set_apart_like_the_titles_are_separate_articles():
    page = (
        "甲市召开工作会议\n\n会议部署了全年工作。\n\n代表们表示要抓好落实。\n\n\n"
        "乙市推进项目建设\n\n项目进展顺利。\n\n主体工程已完成七成。\n\n\n"
        "中国政府向马达加斯加赠送药品的交接仪式昨天举行。\n\n\n"
        "越南国防部三日举行了授衔仪式。\n\n\n"
        "丙市冬季供暖平稳\n\n入冬以来供暖运行平稳。\n"
    )
    assert [(a.title, a.body) for a in split_page(page)][:4] == [
        ("甲市召开工作会议", "会议部署了全年工作。\n代表们表示要抓好落实。"),
        ("乙市推进项目建设", "项目进展顺利。\n主体工程已完成七成。"),
        ("", "中国政府向马达加斯加赠送药品的交接仪式昨天举行。"),
        ("", "越南国防部三日举行了授衔仪式。"),
    ]


def test_a_dateline_after_a_deck_or_picture_credit_stays_in_the_article():
    page = (
        "李鹏在北京考察企业\n\n图为李鹏总理在石景山发电总厂的车间里，同正在值班的工人们亲切交谈，"
        "向他们祝贺新年（新华社记者樊如钧摄）\n\n新华社北京12月31日电 今天是一九九七年的最后一天。\n\n"
        "本报讯 记者李四报道 乙市今天开工。\n"
    )
    first, second = split_page(page)
    assert first.title == "李鹏在北京考察企业"
    assert first.body.split("\n")[1] == "新华社北京12月31日电 今天是一九九七年的最后一天。"
    assert (second.title, second.author) == ("", "李四")


def test_a_bare_name_between_title_and_text_is_the_author():
    page = "甲市召开工作会议\n\n会议部署了全年工作。\n\n\n走访牧奎村\n\n王忠范\n\n朔风卷地，牧奎村已披上银装。\n"
    _, second = split_page(page)
    assert (second.title, second.author, second.body) == (
        "走访牧奎村",
        "王忠范",
        "朔风卷地，牧奎村已披上银装。",
    )


def test_dash_list_items_and_dateline_fragments_are_not_titles():
    page = (
        "国务院侨办发表新年贺词\n\n本报北京12月30日讯新华社记者胡晓梦\n\n、本报记者吴亚明报道：新年将至。\n\n"
        "——企业亏损状况有所改善。亏损面是近年来最低。\n\n——企业兼并重组步伐加快。\n"
    )
    (article,) = split_page(page)
    assert article.title == "国务院侨办发表新年贺词"
    assert article.body.split("\n") == [
        "本报北京12月30日讯新华社记者胡晓梦、本报记者吴亚明报道：新年将至。",
        "——企业亏损状况有所改善。亏损面是近年来最低。",
        "——企业兼并重组步伐加快。",
    ]


@pytest.mark.parametrize(
    "first, second",
    [
        ("图为战士们在抢修线路（新华社记者", "李文波摄）"),  # brackets open across the break
        ("人们在谈论森林的作用时，总爱说森林的作用是", "提供木材。"),  # cut after a joining word
        ("塔拉尔将于", "三月当选议员，同年被提名为总统候选人。"),
    ],
)
def test_print_breaks_that_look_like_headings_are_rejoined(first, second):
    page = f"甲市召开工作会议\n\n会议部署了全年工作。\n\n{first}\n\n{second}\n\n\n乙市推进项目建设\n\n项目进展顺利。\n"
    one, two = split_page(page)
    assert one.body.split("\n") == ["会议部署了全年工作。", first + second]
    assert two.title == "乙市推进项目建设"


def test_a_signature_line_is_not_a_subtitle():
    page = "甲市召开工作会议\n\n会议部署了全年工作。\n\n———编者\n\n乙市推进项目建设\n\n本报讯 项目进展顺利。\n"
    one, two = split_page(page)
    assert (one.title, one.body) == ("甲市召开工作会议", "会议部署了全年工作。\n———编者")
    assert two.title == "乙市推进项目建设"


def test_hard_wrapped_page_with_a_headline_wider_than_the_column():
    p1 = "今年冬天，抚顺市依托丰富的冰雪资源大力发展冰雪旅游产业，推出二十条精品线路吸引游客，据统计元旦假期全市接待游客同比增长百分之三十。"
    p2 = "（三）查封、扣押的赃款赃物，对依法不移送的，应当随案移送证据清单、照片或者其他证明文件，待判决生效后上缴国库。"
    lines = ["抚顺冰雪旅游持续升温带动全市冰雪经济快速发展成为群众增收新渠道", ""]
    for p in (p1, p2, p1, p2):
        lines += [*wrap(p, 16), ""]
    (article,) = split_page("\n".join(lines))
    assert article.title == lines[0]
    assert article.body.split("\n") == [p1, p2, p1, p2]


# Common characters without any that make up byline roles or datelines.
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(HAN, min_size=1, max_size=60),
            st.sampled_from(["", "。", "，", "！", "、"]),
            st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", "\n　\n", "\n\n\n\n"]),
            st.sampled_from(["", "　　", " "]),
        ),
        max_size=12,
    )
)
def test_split_page_never_loses_a_character(parts):
    page = "".join(indent + text + stop + sep for text, stop, sep, indent in parts)
    out = "".join(a.title + a.body + a.author for a in split_page(page))
    for ch in set(HAN):
        assert out.count(ch) == page.count(ch)


PAGE_CHARS = list(
    "的一是在了和人中大为上国记者本报讯电摄张三李四。，、！？；：“”（）() \u3000\n\n\r■●——图①Ab1"
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(PAGE_CHARS), max_size=200).map("".join)))
def test_split_page_takes_any_text(page):
    for article in split_page(page):
        assert "\r" not in article.title + article.body
        assert article.title == article.title.strip()
        assert all(p.strip() for p in article.body.split("\n")) or article.body == ""


# ---------------------------------------------------------------- page_meta


@pytest.mark.parametrize(
    "name, paper, date",
    [
        ("辽宁日报-2022-01-12.txt", "辽宁日报", "2022-01-12"),
        ("renminribao_19980105_03.txt", "renminribao", "1998-01-05"),
        ("2022-01-12.txt", "", "2022-01-12"),
        ("人民日报1998年1月5日.txt", "人民日报", "1998-01-05"),
        ("000_8b272d3be77f3c18.txt", "", ""),
        ("notes_20221340.txt", "", ""),
    ],
)
def test_page_meta_from_file_name(name, paper, date):
    assert page_meta(Path(name), "标题\n\n正文。") == (paper, date, "标题\n\n正文。")


def test_page_number_from_file_name_goes_into_source(tmp_path):
    path = write(tmp_path / "renminribao_19980105_03.txt", "标题\n\n正文。\n")
    (article,), _ = read_file(path)
    assert re.fullmatch(r"renminribao_19980105_03-[0-9a-f]{6}", article.id)
    assert article.source == "renminribao 1998-01-05 第3版"


# ---------------------------------------------------------------- decode


@pytest.mark.parametrize(
    "data, text",
    [
        ("报纸".encode(), "报纸"),
        ("报纸".encode("utf-8-sig"), "报纸"),
        ("报纸".encode("gbk"), "报纸"),
        ("𠀀龘".encode("gb18030"), "𠀀龘"),
        (b"", ""),
    ],
)
def test_decode_accepts_utf8_and_gb18030(data, text):
    assert decode(data, "f.txt") == text


def test_decode_rejects_binary():
    with pytest.raises(CorpusError, match=r"^f\.bin: binary file, not text$"):
        decode(b"\x89PNG\r\n\x00\x00", "f.bin")


def test_decode_names_the_bad_line_of_broken_utf8():
    data = "第一行文字\n第二行文字\n".encode() + b"\xff\xfe bad\n" + "第四行".encode()
    with pytest.raises(CorpusError) as e:
        decode(data, "p.txt")
    assert str(e.value) == "p.txt:3: not UTF-8, GB18030 or Big5 text; convert it to UTF-8"


def test_decode_names_where_a_second_encoding_starts():
    # half UTF-8, half GBK: neither decodes it all; the GBK half starts on line 31
    data = "一半是UTF-8文字。\n".encode() * 30 + "另一半是GBK文字。\n".encode("gbk") * 30
    with pytest.raises(CorpusError, match=r"^p\.txt:31: not UTF-8, GB18030 or Big5 text"):
        decode(data, "p.txt")


def test_decode_names_the_bad_line_of_other_encodings():
    with pytest.raises(CorpusError, match=r"^p\.txt:2: not UTF-8, GB18030 or Big5 text"):
        decode(b"ok\ncaf\xe9 \xff\n", "p.txt")


# ---------------------------------------------------------------- JSON articles


def jsonl(*objs) -> str:
    return "".join(
        (o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objs
    )


GOOD = {
    "id": "19980101-01-001",
    "title": "迈向新世纪",
    "date": "1998-01-01",
    "source": "人民日报 1998-01-01 第1版",
    "body": "第一段。\n第二段。",
}


def test_jsonl_articles_are_read_with_all_fields(tmp_path):
    path = write(tmp_path / "rmrb.jsonl", jsonl(GOOD, {**GOOD, "id": "x2", "author": "张三"}))
    (a, b), errors = read_file(path)
    assert errors == []
    assert a == SourceArticle(
        id="19980101-01-001",
        title="迈向新世纪",
        body="第一段。\n第二段。",
        date="1998-01-01",
        source="人民日报 1998-01-01 第1版",
        author="",
        origin=f"{path}:1",
    )
    assert (b.id, b.author, b.origin) == ("x2", "张三", f"{path}:2")


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "a", "body": "x"', "line is not valid JSON (Expecting ',' delimiter: column 24)"),
        ('{"id": "a" "body": "x"}', "line is not valid JSON (Expecting ',' delimiter: column 12)"),
        ('["a", "b"]', "line is not a JSON object"),
        ('{"id": "a", "title": "t"}', "field 'body' is missing"),
        ('{"id": "a", "body": 3}', "field 'body' must be a string"),
        ('{"id": "a", "body": null}', "field 'body' must be a string"),
        ('{"id": "a", "body": "x", "title": ["t"]}', "field 'title' must be a string"),
        ('{"id": "a", "body": "x", "source": 1}', "field 'source' must be a string"),
        ('{"id": "a", "body": "x", "date": "January 1998"}', "field 'date' must be a date"),
        ('{"id": "a", "body": "x", "date": "1998-01-01 or so"}', "field 'date' must be a date"),
        ('{"id": "a", "body": "x", "date": "1998-02-30"}', "field 'date' must be a date"),
        ('{"id": "a", "body": "x", "date": 19980101}', "field 'date' must be a string"),
    ],
)
def test_bad_json_lines_are_reported_and_the_rest_is_read(tmp_path, line, reason):
    path = write(tmp_path / "a.jsonl", jsonl({**GOOD, "id": "1"}, "", line, {**GOOD, "id": "4"}))
    articles, errors = read_file(path)
    assert [a.id for a in articles] == ["1", "4"]
    (error,) = errors
    assert (error.path, error.line) == (str(path), 3)
    assert str(error).startswith(f"{path}:3: {reason}")


@pytest.mark.parametrize(
    "date", ["1998-01-05", "1998/1/5", "19980105", "1998年1月5日", "1998-01-05T08:30:00+08:00"]
)
def test_json_dates_are_normalised(tmp_path, date):
    path = write(tmp_path / "a.jsonl", jsonl({**GOOD, "date": date}))
    (article,), errors = read_file(path)
    assert article.date == "1998-01-05" and errors == []


def test_missing_id_is_derived_from_file_and_line(tmp_path):
    body_only = {"body": "正文。"}
    path = write(tmp_path / "day.jsonl", jsonl(body_only, "", body_only))
    articles, _ = read_file(path)
    assert [a.id for a in articles] == ["day-L1", "day-L3"]
    assert read_file(path)[0] == articles


def test_numeric_id_is_accepted_as_text(tmp_path):
    (article,), _ = read_file(write(tmp_path / "a.jsonl", jsonl({"id": 7, "body": "x"})))
    assert article.id == "7"


def test_duplicate_id_is_reported_on_the_later_line(tmp_path):
    path = write(tmp_path / "a.jsonl", jsonl(GOOD, {**GOOD, "id": "b"}, {**GOOD, "title": "again"}))
    articles, (error,) = read_file(path)
    assert [a.title for a in articles] == ["迈向新世纪", "迈向新世纪"]
    assert str(error) == f"{path}:3: duplicate id '19980101-01-001' (first seen on line 1)"


def test_json_array_file_gives_item_lines(tmp_path):
    text = "[\n  " + json.dumps(GOOD, ensure_ascii=False) + ',\n  {"body": "b"},\n  42\n]\n'
    path = write(tmp_path / "arr.json", text)
    articles, (error,) = read_file(path)
    assert [a.id for a in articles] == ["19980101-01-001", "arr-L3"]
    assert (error.line, error.reason.startswith("line is not a JSON object")) == (4, True)


@pytest.mark.parametrize("text", [jsonl(GOOD, {**GOOD, "id": "2"}), json.dumps(GOOD, indent=2)])
def test_json_file_may_be_lines_or_one_object(tmp_path, text):
    articles, errors = read_file(write(tmp_path / "a.json", text))
    assert errors == [] and articles[0].title == "迈向新世纪"


def test_broken_json_array_is_one_error(tmp_path):
    path = write(tmp_path / "a.json", '[{"body": "x"},\n {"body": }]')
    articles, (error,) = read_file(path)
    assert articles == [] and error.line == 2
    assert error.reason == "file is not a valid JSON array (Expecting value: column 11)"


def test_gbk_jsonl(tmp_path):
    (article,), errors = read_file(write(tmp_path / "a.jsonl", jsonl(GOOD), "gbk"))
    assert errors == [] and article.body == "第一段。\n第二段。"


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".json.gz"])
def test_gzipped_articles(tmp_path, suffix):
    path = tmp_path / f"rmrb{suffix}"
    path.write_bytes(gzip.compress(jsonl(GOOD, {"body": "二"}).encode()))
    articles, errors = read_file(path)
    assert errors == []
    assert [a.id for a in articles] == ["19980101-01-001", "rmrb-L2"]


def test_truncated_gzip_keeps_articles_before_the_damage(tmp_path):
    lines = [{"id": str(n), "body": f"第{n}篇文章。" * 20} for n in range(2000)]
    data = gzip.compress(jsonl(*lines).encode())
    path = tmp_path / "big.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, errors = read_file(path)
    assert 0 < len(articles) < 2000
    assert [a.id for a in articles] == [str(n) for n in range(len(articles))]
    (error,) = errors
    assert error.path == str(path) and "truncated" in error.reason


def test_not_gzip_at_all(tmp_path):
    path = write(tmp_path / "a.jsonl.gz", jsonl(GOOD))
    articles, (error,) = read_file(path)
    assert articles == []
    assert str(error) == f"{path}: not a readable gzip file (damaged or not gzip)"


def test_binary_and_undecodable_files_are_errors_not_exceptions(tmp_path):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02")
    articles, (error,) = read_file(binary)
    assert articles == [] and str(error) == f"{binary}: binary file, not text"


def test_empty_files_and_pages_without_articles_are_reported(tmp_path):
    for name in ("e.txt", "e.jsonl", "e.json"):
        path = write(tmp_path / name, "")
        articles, errors = read_file(path)
        assert articles == [] and [str(e) for e in errors] == [f"{path}: empty file, no articles"]
    for name, text, reason in [
        ("blank.txt", " \n\u3000\n\n", "no articles found in this page"),
        ("byline.txt", "本报记者 张三\n", "no articles found in this page"),
        ("blank.jsonl", "\n  \n", "no articles in this file"),
        ("empty.json", "[]", "no articles in this file"),
    ]:
        path = write(tmp_path / name, text)
        articles, errors = read_file(path)
        assert articles == [] and [str(e) for e in errors] == [f"{path}: {reason}"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "title": st.text(),
                "body": st.text(),
                "source": st.text(),
                "date": st.dates().map(lambda d: d.isoformat() if d.year >= 1000 else ""),
            }
        ),
        max_size=5,
    )
)
def test_jsonl_round_trip(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("rt") / "rt.jsonl"
    path.write_text(jsonl(*records), encoding="utf-8")
    articles, errors = read_file(path)
    assert [e.reason for e in errors] == ([] if records else ["empty file, no articles"])
    assert [(a.title, a.body, a.source, a.date) for a in articles] == [
        (r["title"], r["body"], r["source"], r["date"]) for r in records
    ]


# ---------------------------------------------------------------- find_files


def test_find_files_walks_folders_sorted_and_skips_the_rest(tmp_path):
    names = ["b/2.jsonl", "b/1.txt", "a.json.gz", ".hidden/x.txt", "b/.x.txt", "notes.md"]
    for name in names + ["c/d/e.JSONL"]:
        write(tmp_path / name, "")
    files, errors = find_files([tmp_path])
    assert errors == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.json.gz",
        "b/1.txt",
        "b/2.jsonl",
        "c/d/e.JSONL",
    ]


def test_find_files_reports_missing_and_unsupported(tmp_path):
    md = write(tmp_path / "notes.md", "")
    files, errors = find_files([tmp_path / "nope", md])
    assert files == []
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'nope'}: no such file or folder",
        f"{md}: unsupported file type (use .txt pages or .jsonl/.json/.jsonl.gz articles)",
    ]


def test_find_files_survives_symlink_loops_and_duplicates(tmp_path):
    page = write(tmp_path / "d/p.txt", "")
    os.symlink(tmp_path / "d", tmp_path / "d/loop")
    files, errors = find_files([tmp_path, page, str(page)])
    assert (files, errors) == ([page], [])


def test_suffixes_are_the_documented_ones():
    assert SUFFIXES == (".txt", ".jsonl", ".json", ".jsonl.gz", ".json.gz")


def test_read_sources_collects_articles_and_errors(tmp_path):
    write(tmp_path / "src/a.jsonl", jsonl(GOOD, "oops"))
    articles, errors = read_sources([tmp_path / "src", SEED, tmp_path / "missing"])
    assert len(articles) == 8
    assert [(e.line, e.reason.split(" (")[0]) for e in errors] == [
        (None, "no such file or folder"),
        (2, "line is not valid JSON"),
    ]
