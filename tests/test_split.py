"""Page splitting as a user relies on it (issue 13): the layouts a user brings, words
broken by the print layout, markers that correct the split, ids that stay, and the
view of a page's split."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from searcher.corpus import SPLITTER_VERSION, page_split, read_file, split_page
from searcher.corpus.split import split_detail

SEED = Path(__file__).parent.parent / "seeds" / "辽宁日报-2022-01-12.txt"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def titles(page: str) -> list[str]:
    return [a.title for a in split_page(page)]


def hard_wrap(texts, width: int) -> list[str]:
    """Each text cut into lines of ``width`` characters, one after another."""
    return [t[i : i + width] for t in texts for i in range(0, len(t), width)]


def wrap_cells(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` display cells (a CJK character is two)."""
    out, line, used = [], "", 0
    for c in text:
        w = 1 if c.isascii() else 2
        if used + w > width:
            out.append(line)
            line, used = "", 0
        line, used = line + c, used + w
    return out + [line]


# ---------------------------------------------------------------- what a page holds


ROUNDUP = """各地开展送温暖活动

本报北京1月5日电 记者张三报道 新年伊始，各地纷纷开展送温暖活动，把党和政府的关怀送到困难群众心坎上。

四川

本报成都1月5日电 记者李四报道 四川省各级党委、政府组织干部深入基层，走访慰问困难职工三万余户。

江西

本报南昌1月5日电 记者王五报道 江西省总工会日前拨出专款五百万元，帮助困难职工欢度春节。

京城喜降瑞雪（图片）

1月5日，北京普降大雪，市民在天安门广场赏雪。新华社记者 李六 摄

图片新闻

1月4日，上海市民在外滩观看灯展。本报记者 赵七 摄

启事

本报读者来信部电话号码即日起变更为65368000。
"""


def test_13_section_labels_over_datelines_stay_in_their_roundup():
    # Issue 13: "四川", "江西" over a dateline were read as new articles.
    first, *rest = split_page(ROUNDUP)
    assert first.title == "各地开展送温暖活动"
    assert first.body.split("\n")[1:4:2] == ["四川", "江西"]
    assert first.author == "张三 李四 王五"
    assert [a.title for a in rest] == ["京城喜降瑞雪（图片）", "图片新闻", "启事"]


def test_13_photo_captions_and_picture_news_are_articles_with_their_credit():
    _, caption, news, notice = split_page(ROUNDUP)
    assert (caption.author, caption.body) == (
        "李六",
        "1月5日，北京普降大雪，市民在天安门广场赏雪。",
    )
    assert (news.author, news.body) == ("赵七", "1月4日，上海市民在外滩观看灯展。")
    assert notice.body.startswith("本报读者来信部")  # a one-line notice stands alone


def test_13_a_kicker_and_a_subtitle_belong_to_the_title_and_the_byline_under_it_is_the_author():
    page = (
        "坚持绿色发展 建设美丽乡村\n\n"
        "桐柏山区的科技之花\n\n"
        "——记河南桐柏县科技特派员刘建国\n\n"
        "本报记者 张丽\n\n"
        "冬日的桐柏山，寒意正浓，刘建国却已在果园里忙了一个上午。\n\n"
        "十年来，他走遍了全县二百多个村庄。\n"
    )
    (article,) = split_page(page)
    assert article.title == (
        "坚持绿色发展 建设美丽乡村 桐柏山区的科技之花——记河南桐柏县科技特派员刘建国"
    )
    assert article.author == "张丽"
    assert article.body.startswith("冬日的桐柏山")


def test_13_a_byline_is_not_glued_to_the_title():
    page = "市民热议新规\n本报记者 王强\n　　新规出台后，市民议论纷纷。\n　　专家认为，新规切实可行。\n"
    (article,) = split_page(page)
    assert (article.title, article.author) == ("市民热议新规", "王强")


def test_13_a_short_brief_after_an_article_stands_alone():
    page = (
        "甲市召开经济工作会议\n\n"
        "本报讯 甲市经济工作会议今天召开，会议总结了去年的工作，部署了今年的任务。\n\n"
        "会议要求，各部门要切实抓好落实，确保全年目标完成。\n\n"
        "本报讯 乙县新建的文化中心日前投入使用。\n\n"
        "中心设有图书馆、展览厅和排练厅。\n"
    )
    first, second = split_page(page)
    assert first.title == "甲市召开经济工作会议"
    assert (second.title, second.body) == (
        "",
        "本报讯 乙县新建的文化中心日前投入使用。\n中心设有图书馆、展览厅和排练厅。",
    )


def test_traditional_characters_datelines_and_bylines(tmp_path):
    page = (
        "港島日報　2008年9月3日\n\n"
        "颱風逼近　天文台或改發八號風球\n\n"
        "本報訊　受颱風影響，本港今日天氣轉差，天文台表示或改發八號烈風信號。\n\n"
        "本報記者　陳嘉欣\n\n"
        "中秋月餅銷情平穩\n\n"
        "新華社北京9月2日電（記者 張華）中秋節臨近，各大餅家月餅銷情平穩。\n"
    )
    (a, b), errors = read_file(write(tmp_path / "page.txt", page))
    assert errors == []
    assert (a.title, a.author, a.source) == (
        "颱風逼近　天文台或改發八號風球",
        "陳嘉欣",
        "港島日報 2008-09-03",
    )
    assert (b.title, b.author) == ("中秋月餅銷情平穩", "張華")


FLAT = (  # laid out as the seed page: one blank line between every two blocks, nothing more
    "甲市推进老旧小区改造\n\n"
    "本报讯 甲市今年将改造老旧小区一百二十个，涉及居民三万户。改造内容包括加装电梯、更新管网和整治环境。\n\n"
    "加装电梯有序推进\n\n"
    "今年甲市老旧小区加装电梯的工作将分批推进，首批五十部电梯春节后开工，居民出资比例不超过三成。\n\n"
    "乙县冬小麦长势良好\n\n"
    "本报讯 乙县农业部门近日对全县冬小麦苗情进行了调查，一类苗比例比去年同期提高五个百分点。\n"
)


# Where the page sets nothing apart, a subhead stays in its article:
SORTED = (  # the section's words (垃圾分类, 厨余垃圾, 社区, 居民) are the whole article's
    "甲市推进垃圾分类\n\n今年以来，甲市在全市社区推行垃圾分类，居民把可回收物、"
    "厨余垃圾、有害垃圾和其他垃圾分开投放，社区设立回收站点。\n\n"
    "志愿者上门指导\n\n社区志愿者逐户讲解垃圾分类知识，指导居民分类投放厨余垃圾、可回收物"
    "和有害垃圾，社区回收站点的分类准确率明显提高。\n\n"
    "乙县冬小麦长势良好\n\n本报讯 乙县农业部门近日对全县冬小麦苗情进行了调查，一类苗"
    "比例比去年同期提高五个百分点。\n"
)


@pytest.mark.parametrize(
    ("page", "title", "subhead"),
    [
        # Issue 13, round 2: the subhead's words were in the text above; the next
        # title's words come back in the text under it, a dateline under that.
        (FLAT, "甲市推进老旧小区改造", "加装电梯有序推进"),
        # Round 4: the text under the subhead goes on with the article's words; the
        # next title's text shares none.
        (SORTED, "甲市推进垃圾分类", "志愿者上门指导"),
    ],
)
def test_13_on_a_page_that_sets_nothing_apart_a_subhead_stays_in_its_article(page, title, subhead):
    first, second = split_page(page)
    assert first.title == title
    assert f"\n{subhead}\n" in first.body
    assert second.title == "乙县冬小麦长势良好"


def test_a_run_of_untitled_briefs_after_a_long_article_is_split_into_briefs():
    # Indented paragraphs, no blank lines, no titles over the briefs: each opens
    # with a date (最近, 去年, 日前) and so does the one after it, as briefs do.
    para = (
        "网络版开通以来，读者来信来电不断，对网络版的内容和服务提出了许多意见和建议。"
        "编辑部认真研究每一条意见，改进版面设计，增加新闻更新的次数，方便海外读者及时"
        "了解国内的情况。"
    )
    briefs = [
        "乙省去年新增电话用户二百二十万户。这样，全省目前拥有电话用户八百三十六万户，"
        "移动电话用户全年新增六十四万户。",
        "建设部最近发出通知，决定制止十种收费项目。这十种收费项目包括住宅推荐产品评估费、"
        "项目经理资质证书费等。",
        "丙研究所最近选育出一株高产菌种，它将改变目前这种酶生产成本高、产量低的现状，"
        "广泛用于食品和纺织工业。",
        "丁县实施的水稻高产工程去年又获丰收，一万多亩样板田平均亩产达到一千二百公斤，"
        "农民收入明显增加。",
        "戊市日前开通城市公交一卡通，市民乘坐公交车和地铁可以刷同一张卡，换乘还能享受优惠。",
    ]
    page = "网络版受到读者欢迎\n" + "".join(f"\u3000\u3000{p}\n" for p in [para] * 20 + briefs)
    articles = split_page(page)
    assert [(a.title, a.line) for a in articles] == [("网络版受到读者欢迎", 1)] + [
        ("", line) for line in range(22, 27)
    ]
    assert [a.body for a in articles[1:]] == briefs


@pytest.mark.parametrize("form", ["simplified", "traditional"])
def test_the_first_paragraph_cut_inside_a_word_under_a_title_is_rejoined(form):
    # 查 / 询: two characters that go together far more often than by chance; the
    # first piece is the text's, not a line of the title (查 / 詢 as well).
    page = (
        "人才市场用上新系统\n\n杭州市日前开通人才查\n\n询系统网络，求职者在家中就能看到"
        "各单位的招聘信息。\n\n系统开通一个月来，已有三万多人次上网查询。\n\n\n\n"
        "乙县冬小麦长势良好\n\n本报讯 乙县农业部门近日对全县冬小麦苗情进行了调查。\n"
    )
    title = "人才市场用上新系统"
    body = [
        "杭州市日前开通人才查询系统网络，求职者在家中就能看到各单位的招聘信息。",
        "系统开通一个月来，已有三万多人次上网查询。",
    ]
    if form == "traditional":
        import opencc

        convert = opencc.OpenCC("s2hk").convert
        page, title, body = convert(page), convert(title), [convert(p) for p in body]
    first, second = split_page(page)
    assert (first.title, first.body.split("\n")) == (title, body)
    assert second.body.startswith(("本报讯", "本報訊"))


def test_a_headline_after_a_kicker_and_a_colon_opens_an_article_on_a_flat_page():
    page = (
        "各地做好春节市场供应\n\n本报讯 春节临近，各地采取措施保障节日市场供应，粮油肉蛋菜"
        "货源充足，价格基本稳定。\n\n北京市增加了蔬菜储备，有不回家过年的学生和外来务工人员"
        "都能买到平价菜。\n\n上海：查补税款三亿元\n\n上海市税务部门去年开展税收专项检查，"
        "共查补税款三亿元，对偷税漏税的企业依法作出处理。\n"
    )
    assert [(a.title, a.line) for a in split_page(page)] == [
        ("各地做好春节市场供应", 1),
        ("上海：查补税款三亿元", 7),
    ]


def test_word_cohesion_is_the_share_of_the_words_ahead_found_in_the_article():
    from searcher.corpus.segment import LazyFacts
    from searcher.corpus.split import units_of

    article = "今年以来，甲市在全市社区推行垃圾分类，居民把厨余垃圾和有害垃圾分开投放。"
    same = "社区志愿者逐户讲解垃圾分类知识，居民对厨余垃圾的分类投放更加熟悉。"
    other = "乙县农业部门近日对全县冬小麦苗情进行了调查，一类苗比例有所提高。"
    shares = []
    for ahead in (same, other):
        units, _, _ = units_of(f"{article}\n\n小标题\n\n{ahead}\n")
        shares.append(LazyFacts(units).words.cohesion(0, 1, units))
    assert shares[0] > 0.2 and shares[1] == 0.0


def test_pieces_no_reader_takes_for_a_line_of_their_own_are_rejoined():
    # A closing quote left alone by a break (』), and a salutation cut after one
    # character (同 / 志们：): neither is a title, a byline or a paragraph.
    page = (
        "澳门各界迎新年\n\n本报澳门1月1日电 澳门各界人士纷纷发表新年献辞，《澳门日报》说："
        "『祖国统一是全体中国人民的共同愿望。\n\n』\n\n"
        "香港报纸刊登新年致词\n\n据新华社香港1月1日电 香港报纸今天纷纷发表社论，高度评价过去的"
        "一年。\n\n"
        "在座谈会上的讲话\n\n同\n\n志们：\n\n今天我们在这里举行座谈会，纪念这位久经考验的"
        "无产阶级革命家。\n"
    )
    assert [(a.title, a.body.split("\n")[0][-6:], a.line) for a in split_page(page)] == [
        ("澳门各界迎新年", "共同愿望。』", 1),
        ("香港报纸刊登新年致词", "过去的一年。", 7),
        ("在座谈会上的讲话", "同志们：", 11),
    ]


def test_a_deck_cut_in_two_mid_word_is_one_line_of_the_title():
    page = (
        "西藏雪灾救灾工作有序进行\n\n各级政府全力组\n\n织抗灾\n\n"
        "本报拉萨1月5日电 记者张三报道 入冬以来，西藏部分地区遭受雪灾，各级政府迅速组织"
        "力量抗灾救灾。\n"
    )
    (article,) = split_page(page)
    assert article.title == "西藏雪灾救灾工作有序进行 各级政府全力组织抗灾"
    assert article.author == "张三"
    assert article.body.startswith("本报拉萨1月5日电")


def test_13_a_traditional_page_splits_as_its_simplified_form():
    import opencc

    page = opencc.OpenCC("s2hk").convert(FLAT)
    assert titles(page) == ["甲市推進老舊小區改造", "乙縣冬小麥長勢良好"]


def test_13_a_headline_naming_several_things_is_a_title():
    page = (
        "甲市召开经济工作会议\n\n会议部署了全年工作，要求各部门抓好落实。\n\n"
        "忠诚的人民公仆、群众的贴心人\n\n"
        "乙县县长张三近日荣获全省优秀公务员称号，他扎根基层三十年，为群众办实事好事上千件。\n"
    )
    assert titles(page) == ["甲市召开经济工作会议", "忠诚的人民公仆、群众的贴心人"]


def test_a_poem_and_a_table_of_figures_stay_one_article_each():
    page = (
        "春到田野\n\n李向东\n\n春风吹绿了田野，\n\n布谷声声催耕忙。\n\n拖拉机奔驰在原野上，\n\n"
        "社员们的心里喜洋洋。\n\n\n"
        "本周农产品批发价格\n\n品种 单位 价格\n\n大白菜 元/斤 0.85\n\n土豆 元/斤 1.20\n\n"
        "（省农业农村厅市场信息处）\n"
    )
    poem, table = split_page(page)
    assert (poem.title, poem.author) == ("春到田野", "李向东")
    # Lines ending in a comma read as a sentence broken by the layout: re-joined.
    assert poem.body == "春风吹绿了田野，布谷声声催耕忙。\n拖拉机奔驰在原野上，社员们的心里喜洋洋。"
    assert table.title == "本周农产品批发价格"
    assert table.body.endswith("（省农业农村厅市场信息处）")


def test_section_labels_over_reported_datelines_stay_in_their_roundup():
    # "据新华社…电" opens a section of a roundup as "本报…电" does.
    page = (
        "东南亚汇市普遍下跌\n\n"
        "据新华社曼谷1月6日电 泰铢对美元汇率今天大幅下跌，收盘时跌至每美元兑五十三泰铢。\n\n"
        "泰国财政部长认为，汇率下跌的主要原因是受周边货币大幅下跌的影响。\n\n"
        "菲律宾\n\n"
        "据新华社马尼拉1月6日电 菲律宾比索对美元汇率今天首次跌破四十五比索兑一美元。\n\n"
        "印尼\n\n"
        "据新华社雅加达1月6日电 印尼盾对美元的比价今天再次下跌，市场需求量剧增。\n"
    )
    (article,) = split_page(page)
    assert article.body.split("\n")[2:5:2] == ["菲律宾", "印尼"]


def test_a_headline_with_a_colon_over_a_dateline_after_text_opens_an_article():
    # A list in the text before and the colon weighed against it as a title.
    page = (
        "甲国银行倒闭的启示\n\n"
        "甲国商业银行倒闭的原因有以下几点：\n\n"
        "1·银行经营者盲目扩张，忽视风险管理。\n\n"
        "2·部分国家监管当局监管无力，给银行以可乘之机。\n\n"
        "3·各国金融监管当局合作不够，使问题长时间没被发现。\n\n"
        "此外，金融机构应当随时跟踪国际金融形势的变化，规避风险，减少损失。\n\n"
        "乙国金融：元月形势仍紧\n\n"
        "据新华社乙城1月3日电（记者张三）由于受巨额短期外债压力的影响，"
        "今年1月份乙国的金融形势仍不容乐观。\n\n"
        "去年底乙国政府实际能够支配的外汇储备共有一百亿美元。\n"
    )
    assert titles(page) == ["甲国银行倒闭的启示", "乙国金融：元月形势仍紧"]


def test_a_signature_over_a_date_closes_a_letter_and_is_no_title():
    page = (
        "致读者\n\n"
        "亲爱的读者，从今天起，本报每周增出一期社会周刊，欢迎您来信来稿。\n\n"
        "让我们携手并肩，把握机遇，办好这份属于大家的周刊。\n\n"
        "本报群众工作部\n\n"
        "1998年1月7日\n\n"
        "甲市新建文化中心投入使用\n\n"
        "本报讯 甲市新建的文化中心日前投入使用，中心设有图书馆、展览厅和排练厅。\n"
    )
    letter, news = split_page(page)
    assert letter.title == "致读者"
    assert letter.body.endswith("本报群众工作部\n1998年1月7日")
    assert news.title == "甲市新建文化中心投入使用"


def test_a_picture_title_over_its_credit_is_an_item_even_after_a_poem():
    page = (
        "新年的祝福\n\n李向东\n\n"
        "新年的钟声\n\n敲响在山谷\n\n那是他们\n\n如雷似火的\n\n脚步\n\n"
        "迎虎年（书法）\n\n（王大山）\n\n"
        "凝眸岁月\n\n赵小林\n\n"
        "“爆竹声中一岁除，春风送暖入屠苏。”旧岁要去，新年又来，心中有一丝莫名的惆怅。\n"
    )
    poem, picture, essay = split_page(page)
    assert (poem.title, poem.author) == ("新年的祝福", "李向东")
    assert (picture.title, picture.author) == ("迎虎年（书法）", "王大山")
    assert essay.title == "凝眸岁月"


# ---------------------------------------------------------------- words the print layout broke


@pytest.mark.parametrize("width", [21, 27, 33, 41, 47, 63])
def test_a_page_hard_wrapped_at_any_width_has_its_words_whole(width):
    title = "抚顺冰雪旅游持续升温"
    p1 = "本报讯 记者赵明报道 今年冬天，抚顺市依托丰富的冰雪资源大力发展冰雪旅游产业，推出滑雪温泉民俗等20条精品线路。"
    p2 = "据统计，元旦假期全市接待游客同比增长30%，旅游收入同比增长45%，冰雪经济正在成为当地新的增长点。"
    lines = wrap_cells(title, width) + [""]
    for p in (p1, p2):
        lines += wrap_cells("\u3000\u3000" + p, width)
    (article,) = split_page("\n".join(lines) + "\n")
    assert article.title == title
    assert article.author == "赵明"
    assert article.body.split("\n") == [p1, p2]  # every word whole: 冰雪旅游, 增长点, 45%


def test_a_title_with_a_comma_after_a_full_line_that_ends_a_sentence_is_not_glued():
    # Hard-wrapped at 20 characters: the last line of the first article fills the
    # width and ends its sentence; the flush-left line under it, over an indented
    # paragraph, is the next title, not the rest of that paragraph.
    def wrap(p: str) -> list[str]:
        t = "\u3000\u3000" + p
        return [t[i : i + 20] for i in range(0, len(t), 20)]

    first = [
        "本报讯 甲市第五届冬季运动会今天开幕，来自全市各区县的两千多名运动员将参加滑雪、"
        "滑冰等十个大项的比赛。",
        "本届运动会首次设立了群众组，机关干部、企业职工和在校学生都可以报名参加，比赛场馆"
        "全部向市民免费开放。",
        "运动会将持续五天，闭幕式定于本月十日在市体育中心举行，欢迎市民到场观看比赛。",
    ]
    second = "这个沙龙每两周活动一次，参加的有教授、博士后和研究生，大家围绕一个题目各抒己见。"
    lines = ["甲市举办冬季运动会", *[x for p in first for x in wrap(p)]]
    assert len(lines[-1]) == 20 and lines[-1].endswith("。")
    lines += ["清华，有这样一个学术沙龙", *wrap(second)]
    one, two = split_page("\n".join(lines) + "\n")
    assert (one.title, one.body.split("\n")) == ("甲市举办冬季运动会", first)
    assert (two.title, two.body, two.line) == ("清华，有这样一个学术沙龙", second, 10)


def test_13_the_text_cut_under_a_title_is_rejoined_not_glued_to_the_title():
    page = (
        "市民踏雪游园（图片）\n\n\n１月５日北京迎来今冬第一场大雪市民纷纷来到\n\n"
        "公园赏雪游玩。（新华社记者李明摄）\n\n\n\n"
        "乙县冬小麦长势良好\n\n本报讯 乙县农业部门近日对全县冬小麦苗情进行了调查。\n"
    )
    caption = split_page(page)[0]
    assert (caption.title, caption.body, caption.author) == (
        "市民踏雪游园（图片）",
        "１月５日北京迎来今冬第一场大雪市民纷纷来到公园赏雪游玩。",  # the cut text whole
        "李明",
    )


@pytest.mark.parametrize(
    ("first", "title", "office", "text", "author"),
    [
        (
            "甲市召开文艺工作座谈会\n\n会议总结了去年的文艺工作，部署了今年的任务。",
            "让文艺精品走进千家万户",
            "甲省文联副主席王建华",
            "文艺工作者要深入生活、扎根人民，创作更多群众喜闻乐见的作品。",
            "王建华",
        ),
        (  # a department's office (司长)
            "甲市召开经济工作会议\n\n"
            "本报讯 甲市经济工作会议今天召开，会议总结了去年的工作，部署了今年的任务。",
            "认识产业化经营的实质",
            "国务院政研室农村司司长李炳坤",
            "近几年，农业产业化经营在我国农村出现了蓬勃发展的局面，需要做到三个“最大化”。",
            "李炳坤",
        ),
        (  # a theatre's office (导演)
            "甲市话剧节开幕\n\n本报讯 甲市第三届话剧节昨晚开幕，十二台新戏将在一个月里轮番上演。",
            "让舞台贴近观众",
            "乙市青年话剧团导演赵立群",
            "这些年排戏，我最深的体会是，戏要从生活里来，观众才会坐得住。",
            "赵立群",
        ),
        (  # two offices one after another
            "甲市话剧节开幕\n\n本报讯 甲市第三届话剧节昨晚开幕，十二台新戏将在一个月里轮番上演。",
            "关注时代走向大众",
            "丙省剧协副主席、丙省戏剧学院院长孙文海",
            "话剧要关注时代，也要走向大众，这是我们这一代戏剧人的责任。",
            "孙文海",
        ),
    ],
)
def test_13_an_author_named_by_an_office_under_a_title_is_the_byline(
    first, title, office, text, author
):
    _, second = split_page(f"{first}\n\n{title}\n\n{office}\n\n{text}\n")
    assert (second.title, second.author) == (title, author)


def test_13_a_byline_cut_in_the_name_is_rejoined():
    page = (
        "丙市冬季供暖平稳\n\n本报记者王\n\n晓东\n\n入冬以来，丙市供暖运行平稳，居民室温普遍达标。\n"
    )
    (article,) = split_page(page)
    assert (article.title, article.author) == ("丙市冬季供暖平稳", "王晓东")
    assert article.body == "入冬以来，丙市供暖运行平稳，居民室温普遍达标。"


def test_a_word_broken_between_two_blocks_is_rejoined_and_shown():
    page = (
        "县医院提升服务能力\n\n"
        "县医院完成了胸痛中心的网络框架组建；积极探索诊疗模式，多学\n\n"
        "科会诊体系初步建立。\n"
    )
    detail = split_detail(page)
    (article,) = detail.articles
    assert "多学科会诊体系初步建立" in article.body
    assert article.rejoined == (5,)


# ---------------------------------------------------------------- markers correct the split


MARKED = """甲市召开工作会议

会议部署了全年工作，要求各地抓好落实。

@@title
这一行是标题

会议要求各部门切实负起责任。

@@continue
小标题

@@continue
本报讯 这一段接着上一篇，不是新文章的开头。

@@title 给定的标题
本报讯 乙县新建的文化中心日前投入使用。

@@article
又一篇

中心设有图书馆、展览厅和排练厅。
"""


def test_markers_force_a_title_a_boundary_or_none():
    arts = split_page(MARKED)
    assert [(a.title, a.forced) for a in arts] == [
        ("甲市召开工作会议", ""),
        ("这一行是标题", "title"),
        ("给定的标题", "title"),
        ("又一篇", "article"),
    ]
    assert arts[1].body.split("\n")[1:] == ["小标题", "本报讯 这一段接着上一篇，不是新文章的开头。"]
    assert arts[2].body == "本报讯 乙县新建的文化中心日前投入使用。"


def test_marker_lines_are_never_text_and_keep_line_numbers(tmp_path):
    path = write(tmp_path / "p.txt", MARKED)
    articles, errors = read_file(path)
    assert errors == []
    assert not any("@@" in a.title + a.body + a.author for a in articles)
    assert [a.origin.rsplit(":", 1)[1] for a in articles] == ["1", "6", "17", "20"]


def test_an_unknown_marker_is_reported_and_left_out(tmp_path):
    path = write(tmp_path / "p.txt", "标题\n\n@@titel\n本报讯 正文一段。\n")
    (article,), (error,) = read_file(path)
    assert "@@" not in article.body
    assert str(error) == (
        f"{path}:3: unknown marker '@@titel' (known: @@article, @@title, @@continue);"
        " the line was left out"
    )


def test_a_marker_splits_a_page_the_splitter_read_as_one_article():
    page = (
        "甲市深化营商环境改革\n\n甲市今年的改革将聚焦营商环境，推出一批便民利企的新举措。\n\n"
        "营商环境改革再出新举措\n\n这些新举措包括压缩营商环境改革的审批时限、推行网上办理。\n"
    )
    assert titles(page) == ["甲市深化营商环境改革"]  # a subhead of a text on one subject
    marked = page.replace("营商环境改革再", "@@title\n营商环境改革再")
    assert titles(marked) == ["甲市深化营商环境改革", "营商环境改革再出新举措"]


# ---------------------------------------------------------------- ids a user can keep


def ids_by_title(path: Path) -> dict[str, str]:
    articles, _ = read_file(path)
    return {a.title: a.id for a in articles}


def test_an_article_keeps_its_id_when_the_split_elsewhere_changes(tmp_path):
    page = SEED.read_text("utf-8")
    before = ids_by_title(write(tmp_path / "辽宁日报-2022-01-12.txt", page))
    # A user splits the first article's last paragraph off as an article of its own.
    changed = page.replace("此外,鞍山市还出台了", "@@title 鞍山出台实施意见\n此外,鞍山市还出台了")
    after = ids_by_title(write(tmp_path / "辽宁日报-2022-01-12.txt", changed))
    assert len(after) == len(before) + 1
    for title, aid in before.items():
        assert after[title] == aid
    assert after["鞍山出台实施意见"] not in before.values()


def test_an_id_never_passes_to_another_article(tmp_path):
    page = "甲市召开工作会议\n\n本报讯 会议部署了全年工作。\n\n乙县发展特色产业\n\n本报讯 特色产业带动农民增收。\n"
    first = ids_by_title(write(tmp_path / "p.txt", page))
    # The first article is retitled by hand: it gets a new id, the second keeps its own.
    second = ids_by_title(
        write(
            tmp_path / "p.txt",
            page.replace("甲市召开工作会议", "@@title 甲市部署全年工作\n甲市召开工作会议"),
        )
    )
    assert second["乙县发展特色产业"] == first["乙县发展特色产业"]
    assert second["甲市部署全年工作"] != first["甲市召开工作会议"]
    assert set(first.values()) & set(second.values()) == {first["乙县发展特色产业"]}


def test_articles_that_open_alike_get_distinct_ids(tmp_path):
    caption = "图片新闻\n\n1月4日，市民在外滩观看灯展。本报记者 赵七 摄\n\n\n"
    articles, _ = read_file(write(tmp_path / "p.txt", caption * 3))
    ids = [a.id for a in articles]
    assert len(set(ids)) == 3
    assert ids[1:] == [ids[0] + "-2", ids[0] + "-3"]


def test_the_splitter_version_names_the_split_it_makes():
    # If this fails, the split of some page changed: raise SPLITTER_VERSION (an index
    # built by the old splitter would split pages differently) and update the digest.
    pages = [SEED.read_text("utf-8"), ROUNDUP, MARKED]
    out = json.dumps([[asdict(a) for a in split_page(p)] for p in pages], ensure_ascii=False)
    digest = hashlib.sha256(out.encode("utf-8")).hexdigest()[:16]
    assert (SPLITTER_VERSION, digest) == (7, DIGEST)


DIGEST = "6095c5767cdf046d"


# ---------------------------------------------------------------- the view of a page's split


def test_the_page_view_shows_each_article_as_split():
    view = page_split(SEED)
    assert (view.paper, view.date, view.splitter_version) == (
        "辽宁日报",
        "2022-01-12",
        SPLITTER_VERSION,
    )
    flowers = next(a for a in view.articles if a.title == "美丽产业带来美好生活")
    assert (flowers.byline, flowers.line, flowers.marker) == ("王卢莎", 74, "")
    assert flowers.first == "■ 走基层 ● 在一线 ZAIYIXIAN"[:20]
    assert flowers.last.endswith("赢得更广阔的市场。")
    assert flowers.length == len(flowers.title) + len(
        next(a for a in read_file(SEED)[0] if a.id == flowers.id).body
    )
    assert [a.line for a in view.articles] == sorted(a.line for a in view.articles)
    assert all(a.line <= a.end_line for a in view.articles)


def test_the_page_view_marks_where_the_splitter_was_unsure(tmp_path):
    view = page_split(SEED)
    unsure = [u for a in view.articles for u in a.unsure]
    assert unsure, "the seed page has places the splitter weighs closely"
    for u in unsure:
        assert view.unsure_below < u.p < 1 - view.unsure_below
        assert u.decision in ("article starts", "no article starts")
        assert re.match(r"(heading|text): .+ [+-]\d", u.cues)


def test_the_page_view_shows_markers_and_problems_and_is_json(tmp_path):
    path = write(tmp_path / "p.txt", MARKED + "@@tilte\n")
    view = page_split(path)
    assert [(m.line, m.known) for m in view.markers] == [
        (5, True),
        (10, True),
        (13, True),
        (16, True),
        (19, True),
        (23, False),
    ]
    assert [a.marker for a in view.articles] == ["", "title", "title", "article"]
    assert view.problems == [
        f"{path}:23: unknown marker '@@tilte' (known: @@article, @@title, @@continue);"
        " the line was left out"
    ]
    assert (
        json.loads(json.dumps(asdict(view), ensure_ascii=False))["articles"][1]["marker"] == "title"
    )


def test_a_pen_name_over_a_short_first_sentence_is_the_author():
    # The text under the pen name opens with a sentence shorter than a line: still
    # a sentence, so the name is the author's and the line over it a title.
    page = (
        "甲县新建一座图书馆\n\n本报讯 甲县新建的图书馆日前开放，藏书十万册，"
        "设有少儿阅览室和电子阅览室。\n\n批评没有家\n\n剑武\n\n"
        "两个现象，使笔者有了这个题目。\n\n其一，在书画界，经常听到一些真知灼见，"
        "但见诸报端时，却只剩下赞扬。\n"
    )
    arts = split_page(page)
    assert [(a.title, a.author, a.line) for a in arts] == [
        ("甲县新建一座图书馆", "", 1),
        ("批评没有家", "剑武", 5),
    ]
    assert arts[1].body.split("\n")[0] == "两个现象，使笔者有了这个题目。"


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n"])
def test_a_title_opening_with_the_papers_name_stays_over_its_dateline(gap):
    # "本报…" opens the title and "本报…电" the text: no dateline cut in two.
    page = (
        f"甲市新建一座图书馆\n\n本报讯 甲市新建的图书馆日前开放，藏书十万册。{gap}"
        "本报珍藏版在罗马首发\n\n本报罗马1月13日电 记者罗晋报道：本报珍藏版今天在罗马首发。\n"
    )
    arts = split_page(page)
    assert [(a.title, a.line) for a in arts] == [
        ("甲市新建一座图书馆", 1),
        ("本报珍藏版在罗马首发", 5 if gap == "\n\n" else 6),
    ]
    assert arts[1].body.startswith("本报罗马1月13日电")


@pytest.mark.parametrize(
    ("width", "line", "briefs"),
    [
        (  # the dateline and its byline fill a line exactly
            20,
            (0, "\u3000\u3000新华社南宁一月十五日电（记者邓亚平）"),
            [
                "新华社南宁一月十五日电（记者邓亚平）政协广西壮族自治区第八届委员会第一次全体"
                "会议一月十五日选举陈辉光为自治区政协主席。",
                "新华社兰州一月十六日电（记者李新明）政协甘肃省第八届委员会第一次全体会议一月"
                "十六日选举杨振杰为省政协主席，会议通过了政治决议。",
                "新华社长春一月十六日电（记者李亚彪）政协吉林省第八届委员会第一次全体会议一月"
                "十六日选举张岳琦为省政协主席，会议通过了政治决议。",
            ],
        ),
        (  # ... two lines exactly, the second ending in its bracket
            13,
            (1, "日电（记者柴海亮、尹洪东）"),
            [
                "新华社呼和浩特一月十七日电（记者柴海亮、尹洪东）内蒙古自治区第九届人民代表大会"
                "第一次会议今天选举刘明祖为自治区人大常委会主任。",
                "新华社银川一月十七日电（记者刘泉龙）宁夏回族自治区第八届人民代表大会第一次会议"
                "今天闭幕，会议选举了自治区人大常委会组成人员。",
            ],
        ),
    ],
)
def test_a_wrapped_dateline_ending_in_its_byline_goes_on_into_the_text(width, line, briefs):
    # Hard-wrapped, paragraphs indented: the text goes on, flush left, under the
    # dateline's bracket; one paragraph, one article each.
    lines = hard_wrap(["\u3000\u3000" + b for b in briefs], width)
    assert lines[line[0]] == line[1]
    arts = split_page("\n".join(lines) + "\n")
    assert [a.body for a in arts] == briefs


@pytest.mark.parametrize("year", ["’97", "’９７"])
def test_a_wrapped_title_opening_with_a_short_year_is_not_glued_to_the_line_above(year):
    # Every line full but the last of each paragraph; "’97…" opens with a mark that
    # closes a quote elsewhere, but here it only shortens a year.
    first = (
        "本报讯 甲市今年新开通公交线路十二条，市民出行更加方便。全市公交线路已有一百二十条，"
        "总长度超过两千公里，日均客运量达到一百万人次，比去年增加一成。（王小明）"
    )
    second = "本报讯 一年一度的世界十大航天科技新闻评选最近揭晓。" * 2
    title = f"{year}世界航天十大新闻评出"
    lines = hard_wrap(["\u3000\u3000" + first, title, "\u3000\u3000" + second], 20)
    assert len(lines[3]) == 20  # the line over the title is full
    arts = split_page("\n".join(lines) + "\n")
    assert [(a.title, a.body) for a in arts] == [
        ("", first.removesuffix("（王小明）")),
        (title, second),
    ]


def test_a_wrapped_title_whose_line_ends_inside_a_bracket_goes_on_to_the_next_line():
    first = (
        "本报讯 甲市今年新开通公交线路十二条，市民出行更加方便。全市公交线路已有一百二十条，"
        "总长度超过两千公里，日均客运量达到一百万人次，比去年增加一成。"
    )
    title = "试谈学术自审与地缘文化——读《当代学术：川籍学者文丛》"
    second = "四川出版的这套文丛收入川籍学者的论著十种，" * 3
    lines = hard_wrap(["\u3000\u3000" + first, title, "\u3000\u3000" + second], 20)
    assert lines[4] == "试谈学术自审与地缘文化——读《当代学术："
    arts = split_page("\n".join(lines) + "\n")
    assert [(a.title, a.body) for a in arts] == [("", first), (title, second)]


def test_a_caption_broken_under_a_picture_title_is_one_paragraph():
    # A title ends with its picture's mark: the line under it is no second line of
    # the title but the caption's first piece, cut by the layout.
    page = (
        "甲县新建一座图书馆\n\n本报讯 甲县新建的图书馆日前开放，藏书十万册。\n\n\n"
        "农家剧团义演（图片）\n\n辽宁省锦州市太和区农民木偶剧团新春走村串户\n\n"
        "为村民义务演出，受到农村儿童的欢迎。\n"
    )
    arts = split_page(page)
    assert [(a.title, a.body) for a in arts] == [
        ("甲县新建一座图书馆", "本报讯 甲县新建的图书馆日前开放，藏书十万册。"),
        (
            "农家剧团义演（图片）",
            "辽宁省锦州市太和区农民木偶剧团新春走村串户为村民义务演出，受到农村儿童的欢迎。",
        ),
    ]


@pytest.mark.parametrize("layout", ["blank", "indent"])
def test_a_picture_title_holding_a_sentence_opens_an_article(layout):
    # A picture's title may hold its caption's sentences; its mark ends it.
    title = "美加边境大门。门楣上的题字是：同一母亲的孩子（图片）"
    first = "眼下正是开罗的冬季，也是水上人家的捕鱼淡季。"
    if layout == "blank":
        page = f"开罗的水上人家\n\n{first}\n\n\n{title}\n\n（陆治摄）\n"
    else:
        page = f"开罗的水上人家\n\u3000\u3000{first}\n{title}\n\u3000\u3000（陆治摄）\n"
    arts = split_page(page)
    assert [a.title for a in arts] == ["开罗的水上人家", title]
    assert arts[0].body == first


def test_a_line_under_a_picture_title_is_its_caption_not_more_title():
    page = (
        "甲县新建一座图书馆\n\n本报讯 甲县新建的图书馆日前开放，藏书十万册。\n\n\n"
        "《中国书院辞典》出版（图片）\n\n封面题字启功装帧设计陈子劲\n"
    )
    arts = split_page(page)
    assert [(a.title, a.body) for a in arts][1] == (
        "《中国书院辞典》出版（图片）",
        "封面题字启功装帧设计陈子劲",
    )


@pytest.mark.parametrize(
    "second",
    [
        "参加该比赛的是去年全国少年比赛的前八名。",
        "他说，今年的比赛将在五月举行。",
        "但去年的比赛因雨推迟了一天。",
    ],
)
def test_a_paragraph_that_refers_back_goes_on_in_a_run_of_briefs(second):
    # Untitled briefs one after another, each opening with a dateline; the second
    # paragraph of the first has a date in its first words, but it refers back (该,
    # 他, 但): no brief opens so.
    page = (
        f"本报讯 甲市少年乒乓球邀请赛昨天在市体育馆开幕，共有八支代表队参赛。\n\n{second}\n\n"
        "本报讯 乙市冬季长跑比赛日前落下帷幕，三千多名市民参加了比赛。\n"
    )
    arts = split_page(page)
    assert [a.body.split("\n") for a in arts] == [
        ["本报讯 甲市少年乒乓球邀请赛昨天在市体育馆开幕，共有八支代表队参赛。", second],
        ["本报讯 乙市冬季长跑比赛日前落下帷幕，三千多名市民参加了比赛。"],
    ]


def test_a_title_wrapped_in_two_lines_after_a_full_line_opens_an_article():
    # Hard-wrapped at 10 characters: the letter above ends on a full line with its
    # writer in brackets; the title over the next letter, with a colon in it, takes
    # two lines, and the letter under it is indented.
    first = "　　一些地方工伤事故频发，应当引起重视，制止其愈演愈烈。（四川省达川市委李安东）"
    title = "重视：私营企业工伤事故多"
    second = "　　今年以来，一些私营企业接连发生工伤事故，伤亡人数比去年增加。"
    lines = hard_wrap([first, title, second], 10)
    assert lines[3:6] == ["川省达川市委李安东）", "重视：私营企业工伤事", "故多"]
    arts = split_page("\n".join(lines) + "\n")
    assert [a.title for a in arts] == ["", title]
    assert arts[1].body == second.strip("\u3000")


@pytest.mark.parametrize(
    ("first", "second"),
    [("——怀念新中国", "地质事业的奠基人何长工"), ("——在全国语言文", "字工作会议上的讲话")],
)
def test_a_subtitle_cut_in_two_is_one_line_of_the_title(first, second):
    page = (
        "甲县新建一座图书馆\n\n本报讯 甲县新建的图书馆日前开放，藏书十万册。\n\n\n"
        f"乐为人民扛长工\n\n{first}\n\n{second}\n\n宋瑞祥\n\n"
        "十年前的今天，他离开了我们。\n"
    )
    arts = split_page(page)
    assert [(a.title, a.author, a.body) for a in arts][1] == (
        f"乐为人民扛长工{first}{second}",
        "宋瑞祥",
        "十年前的今天，他离开了我们。",
    )


@pytest.mark.parametrize(
    ("end", "title"),
    [
        ("假发票决不能有容身之处！———编者", "贺卡：太俗太滥"),  # an editor's note signed
        ("切实保护养路工的合法权益。（石守权）", "武汉：自学考试升温（附图片２张）"),
    ],
)
def test_a_title_after_a_full_line_that_ends_a_note_opens_an_article(end, title):
    # Hard-wrapped at 20 characters, paragraphs indented: the line over the title is
    # full, and ends a note signed by its editor, or with a writer in brackets.
    first = (
        "　　兜售假发票是一种不法行为，理应受到严厉打击。但是在有些地方，假发票买卖“兴隆”，"
        "有的竟然还能形成一定的市场，受害最大的是国家和集体。"
    )
    first = first[: 60 - len(end)] + end
    second = (
        "　　元旦和春节之前，各单位之间互寄贺卡，已经成了一种风气。贺卡越印越精美，"
        "价钱也越来越贵，有的一张就要几十元。"
    )
    lines = hard_wrap([first, title, second], 20)
    assert lines[2].endswith(end[-6:]) and len(lines[2]) == 20 and lines[3] == title
    arts = split_page("\n".join(lines) + "\n")
    assert [a.title for a in arts] == ["", title]
    assert arts[1].body == second.strip("\u3000")


@pytest.mark.parametrize(
    "tail",
    [
        "如今，这位备受尊敬的老大姐，过着平静而温馨的日子（附图片１张）",
        "如今，她过着平静的日子（附图片１张）",
    ],
)
def test_a_picture_title_wrapped_in_two_lines_opens_an_article_a_lede_does_not(tail):
    # Hard-wrapped at 20 characters, paragraphs indented. A picture's title takes two
    # lines, its mark on the second; the last line or two of a paragraph end in the
    # same kind of mark, with a comma: they stay its text. A full line ending a
    # sentence is over each.
    para = "　　梁军是新中国第一个女拖拉机手，她的事迹鼓舞了成千上万的青年向农业现代化进军。" + tail
    first = "　　眼下正是开罗的冬季，也是水上人家的捕鱼淡季，人们都盼着明年能有一个好的年景。"
    title = "美加边境大门。门楣上的题字是：同一母亲的孩子（图片）"
    last = "　　（陆治摄）"
    lines = hard_wrap([para, first, title, last], 20)
    assert lines[1].endswith("进军。") and lines[2].startswith("如今") and len(lines[5]) == 20
    arts = split_page("\n".join(lines) + "\n")
    assert [a.title for a in arts if a.title] == [title]
    paragraphs = [q for a in arts[:-1] for q in a.body.split("\n")]
    assert paragraphs == [p.strip("\u3000") for p in (para, first)]


def test_a_paragraph_cut_inside_a_word_on_a_flat_page_is_rejoined():
    # One blank line between every two blocks: the first piece of a paragraph the
    # layout cut inside a word (来亚 / 洲) is no title; a title whose last two
    # characters make a word (买卖 / 前) stays one.
    page = (
        "美财长访问北京\n\n"
        "本报北京１月１２日讯 国务院副总理朱镕基今天会见了美国财政部副部长萨默斯。\n\n"
        "萨默斯是受克林顿总统委派来亚\n\n洲访问的。他已于近期访问了新加坡等国。\n\n"
        "驾驶证不能随意买卖\n\n前不久，我市城区一家信息服务处公开亮出招牌，代办驾驶证。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["美财长访问北京", "驾驶证不能随意买卖"]
    assert (
        arts[0].body.split("\n")[1]
        == "萨默斯是受克林顿总统委派来亚洲访问的。他已于近期访问了新加坡等国。"
    )


# ------------------------------------------- careless spacing, the seed page's furniture

SPACED = [
    (
        "全市冬季供暖全面启动",
        [
            "本报讯 记者王明报道 十一月十五日零时，全市集中供暖系统全面启动。",
            "市供热办负责人介绍，今年新增供热面积三百万平方米，惠及居民五万余户。",
            "为保证供暖质量，各供热企业提前完成了管网检修和设备调试。",
            "市民如遇室温不达标，可拨打供热服务热线反映。",
        ],
    ),
    (
        "老城区改造工程年底完工",
        [
            "本报讯 记者李红报道 记者从市建委获悉，老城区改造一期工程进展顺利。",
            "工程涉及十二条街巷，包括道路拓宽、管线入地和立面整治。",
            "施工单位采取分段施工的办法，尽量减少对居民出行的影响。",
            "据介绍，二期工程将于明年春天开工。",
        ],
    ),
    (
        "乡村图书室走进百姓家",
        [
            "本报讯 记者张华报道 今年以来，全县新建乡村图书室八十个。",
            "每个图书室配备图书两千册以上，并订阅报刊二十种。",
            "不少农民利用农闲时间到图书室学习种养技术。",
            "县文化局还组织志愿者定期到图书室开展读书活动。",
        ],
    ),
]


def spaced_page(para_gaps: list[int], article_gaps: list[int]) -> str:
    """SPACED with so many blank lines before each paragraph after the first (in
    turn, over the page) and before each title after the first."""
    lines: list[str] = []
    paras, articles = iter(para_gaps), iter(article_gaps)
    for k, (title, body) in enumerate(SPACED):
        lines += [""] * (next(articles) if k else 0) + [title, ""]
        for n, p in enumerate(body):
            lines += [""] * (next(paras) if n else 0) + [p]
    return "\n".join(lines) + "\n"


def test_blank_lines_put_in_at_random_set_no_article_apart():
    # Paragraphs one or two blank lines apart, articles two or three: the wider gaps
    # come in two sizes, so they are no system, and a paragraph after two blank
    # lines goes on with its article.
    page = spaced_page([1, 2, 1, 1, 3, 1, 2, 1, 1], [2, 3])
    arts = split_page(page)
    assert [a.title for a in arts] == [title for title, _ in SPACED]
    assert [a.body.split("\n") for a in arts] == [body for _, body in SPACED]


def test_one_wider_gap_still_sets_untitled_briefs_apart():
    # Every paragraph one blank line apart and every article three: a paragraph
    # after three blank lines opens an untitled brief, as before.
    brief = "本报讯 全市今天起开展冬季消防安全大检查，为期一个月。"
    page = spaced_page([1] * 9, [3, 3]) + "\n\n\n" + brief + "\n"
    arts = split_page(page)
    assert [a.title for a in arts] == [title for title, _ in SPACED] + [""]
    assert arts[-1].body == brief


def test_a_column_of_untitled_briefs_after_the_article_gap_stays_apart():
    # More untitled briefs (no dateline) than titles after the one wider gap: the gap
    # is the page's system still, and each brief is an article of its own.
    briefs = [
        "全市今天起开展冬季消防安全大检查，为期一个月。",
        "市图书馆新馆将于下月对读者开放，藏书八十万册。",
        "城区新增公共自行车站点二十个，市民可刷卡借车。",
    ]
    page = spaced_page([1] * 9, [3, 3]) + "".join("\n\n\n" + b + "\n" for b in briefs)
    arts = split_page(page)
    assert [a.title for a in arts] == [title for title, _ in SPACED] + ["", "", ""]
    assert [a.body for a in arts[3:]] == briefs


def test_a_column_label_in_brackets_goes_with_the_title_under_it():
    # 【…】 alone on a line names a column: the article under it starts at the label
    # and is titled by its headline (the label kept as its first line, as ■ labels
    # are), on a page whose blocks are one blank line apart, first on the page too.
    page = (
        "【地方传真】\n\n新区首座智能停车场投用\n\n"
        "本报讯 新区首座智能停车场日前正式投入使用，可提供车位四百个。\n\n"
        "【地方传真】\n\n城北农贸市场完成升级改造\n\n"
        "本报讯 城北农贸市场升级改造工程近日完工，摊位全部实现明码标价。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["新区首座智能停车场投用", "城北农贸市场完成升级改造"]
    assert [a.line for a in arts] == [1, 7]
    assert [a.body.split("\n")[0] for a in arts] == ["【地方传真】", "【地方传真】"]


def test_a_column_label_first_on_the_page_opens_no_article_of_its_own():
    page = (
        "● 经济广角\n\n各国政要发表新年贺词\n\n"
        "本报讯 新年来临之际，多国领导人发表新年贺词，祝愿世界和平与繁荣。\n\n"
        "亚洲股市新年开局平稳\n\n"
        "本报讯 新年首个交易日，亚洲主要股市开局平稳，成交量有所放大。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["各国政要发表新年贺词", "亚洲股市新年开局平稳"]
    assert arts[0].line == 1


@pytest.mark.parametrize(
    "first, second",
    [("担心亚洲金融动荡殃及", "本国经济美不再隔岸观火"), ("春节前夕市领导", "走访慰问困难职工")],
)
def test_a_title_printed_over_two_lines_is_one_title(first, second):
    # On a page whose blocks are one blank line apart, two short lines with none
    # between them are one title (cut inside a word, or between two of its words).
    page = (
        "新年音乐会在京举行\n\n本报北京１月１日电 新年音乐会今晚在国家大剧院举行。\n\n"
        f"{first}\n{second}\n\n本报记者 王明\n\n"
        "本报讯 亚洲金融动荡持续，本国经济界人士普遍表示担忧，要求采取措施。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["新年音乐会在京举行", first + second]
    assert arts[1].author == "王明"


@pytest.mark.parametrize("under", ["今哲", "本报记者 王明", "本报评论员", "农业部部长刘江"])
def test_a_name_under_a_title_with_no_blank_line_between_is_no_part_of_it(under):
    # A pen name, a byline or an author by office right under the title is not the
    # title's second line.
    page = (
        "新年音乐会在京举行\n\n本报北京１月１日电 新年音乐会今晚在国家大剧院举行。\n\n"
        f"继续加强水利的基础地位\n{under}\n\n"
        "一九九七年，水利改革与建设取得重大进展，全国水利投入继续增加。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["新年音乐会在京举行", "继续加强水利的基础地位"]


def test_rows_of_a_table_with_no_blank_line_between_are_no_title():
    # A table's rows, one under another on a page of blank-line paragraphs: each
    # row stays as printed, none is joined to another as a title.
    rows = ["品种    单位    价格", "大白菜  元/斤   0.85", "土豆    元/斤   1.20"]
    page = (
        "本周菜价行情\n\n本报讯 本周我市蔬菜价格总体平稳，部分品种略有下降。\n\n"
        + "\n".join(rows)
        + "\n\n（市物价局供稿）\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["本周菜价行情"]
    assert not any(row.replace(" ", "") in arts[0].title.replace(" ", "") for row in rows[1:])


@pytest.mark.parametrize("rule", ["＊＊＊", "* * *", "◇ ◇ ◇", "——————", "-----"])
def test_articles_set_apart_by_rules(rule):
    # Only a rule line between articles, paragraphs one blank line apart: a headline
    # under a rule opens an article (a deck under it too), and so does an untitled
    # brief; the rule is in no article's text.
    brief = "市气象台预报，明天我市将有小到中雪，请市民注意出行安全。"
    page = "\n\n".join(
        [
            "全市冬季供暖全面启动",
            "本报讯 十一月十五日零时，全市集中供暖系统全面启动。",
            "市供热办负责人介绍，今年新增供热面积三百万平方米。",
            rule,
            "老城区改造工程年底完工",
            "涉及十二条街巷的改造工程进展顺利",
            "本报讯 记者从市建委获悉，老城区改造一期工程进展顺利。",
            rule,
            brief,
            rule,
            "乡村图书室走进百姓家",
            "今年以来，全县新建乡村图书室八十个，每个配备图书两千册以上。",
        ]
    )
    arts = split_page(page + "\n")
    assert [a.title for a in arts] == [
        "全市冬季供暖全面启动",
        "老城区改造工程年底完工 涉及十二条街巷的改造工程进展顺利",
        "",
        "乡村图书室走进百姓家",
    ]
    assert arts[2].body == brief
    assert not any(rule in a.body for a in arts)


def test_a_rule_inside_an_article_sets_off_a_section_or_an_afterword():
    # One rule in an article, text under it: a section of the same article; a rule
    # over an editor's afterword (编后) keeps it in its article too.
    page = (
        "山区农民走上致富路\n\n本报讯 近年来，山区农民依靠科技发展特色种植，收入逐年增加。\n\n"
        "＊＊＊\n\n村里的年轻人也纷纷回乡创业，开起了农家乐和网店。\n\n"
        "＊＊＊\n\n编后\n\n致富路上，科技是最好的帮手。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["山区农民走上致富路"]
    assert "编后" in arts[0].body and arts[0].body.endswith("科技是最好的帮手。")


def test_a_later_pages_header_line_in_the_same_file_is_no_title():
    # Two pages in one file, each under its header line: the second header is no
    # part of the title under it, nor of the text above it.
    page = (
        "人民日报 1998年1月2日 第3版\n\n甲市召开工作会议\n\n本报讯 会议部署了全年工作。\n\n"
        "人民日报 1998年1月2日 第4版\n\n乙县发展特色产业\n\n本报讯 特色产业带动农民增收。\n"
    )
    arts = split_page(page)
    assert [(a.title, a.body) for a in arts] == [
        ("甲市召开工作会议", "本报讯 会议部署了全年工作。"),
        ("乙县发展特色产业", "本报讯 特色产业带动农民增收。"),
    ]


def test_a_signatures_dash_cut_from_its_name_sets_nothing_apart():
    # A dash alone on its line over a name (the print layout cut ———孙道权（江苏）):
    # a signature inside the article, not a rule between two.
    page = (
        "读者来信选登\n\n就业率是反映经济发展状况的一个晴雨表，不能简单看待。\n\n———\n\n"
        "孙道权（江苏）\n\n如果说过去的工作重点是控制数量，那么今天则必须尽快完成转变。\n\n"
        "———李东旭\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["读者来信选登"]


@pytest.mark.parametrize(
    "note",
    [
        "（摘自人民日报1998年1月5日第3版）",
        "摘自人民日报 1998年1月5日",
        "原载光明日报 1998年1月5日",
        "本报1998年1月5日讯",
    ],
)
def test_where_an_article_was_first_printed_is_no_page_header(note):
    # A reprint's source at the end of its text names a paper and a date as a header
    # does (a dateline alone on its line too): it stays in the text, and no article
    # opens under it.
    page = (
        "读书的乐趣\n\n读书是一种乐趣，也是一种修养。\n\n"
        f"{note}\n\n好书不厌百回读，熟读深思子自知。\n"
    )
    arts = split_page(page)
    assert [a.title for a in arts] == ["读书的乐趣"]
    assert note in arts[0].body.split("\n")


def test_a_later_page_opens_with_an_article_whatever_stands_under_its_header():
    # A later page's header line in the same file: what stands under it opens an
    # article, a headline over a byline as much as the text of an untitled brief.
    page = (
        "人民日报 1998年1月3日 第3版\n\n甲市召开工作会议\n\n本报讯 会议部署了全年工作。\n\n"
        "人民日报 1998年1月3日 第4版\n\n安全飞行又一年\n\n本报记者 祝谦\n\n"
        "民航全年安全运送旅客五千万人次。\n\n"
        "人民日报 1998年1月3日 第5版\n\n越南国防部三日举行了对一批高级将领的授衔仪式。\n"
    )
    arts = split_page(page)
    assert [(a.title, a.author) for a in arts] == [
        ("甲市召开工作会议", ""),
        ("安全飞行又一年", "祝谦"),
        ("", ""),
    ]
    assert arts[2].body == "越南国防部三日举行了对一批高级将领的授衔仪式。"
