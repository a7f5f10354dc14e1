"""Search: what a query finds, in what order, with which highlights."""

from __future__ import annotations

import pytest

import searcher
from searcher import analysis
from searcher.errors import QueryError

ARTICLES = [
    {
        "id": "eco",
        "title": "全省经济发展迅速",
        "body": "去年全省经济发展迅速，工业增加值增长。",
        "date": "1998-01-05",
    },
    {
        "id": "eco-apart",
        "title": "发展与经济",
        "body": "农村发展很快。城市经济也在进步。",
        "date": "1998-01-10",
    },
    {
        "id": "beida",
        "title": "学子来信",
        "body": "他去年考上了北大，今年回乡探亲。",
        "date": "1998-01-12",
    },
    {
        "id": "beidahuang",
        "title": "北大荒的冬天",
        "body": "北大荒的农场迎来丰收。",
        "date": "1998-01-15",
    },
    {
        "id": "xibei",
        "title": "大学新闻",
        "body": "西北大学的学生参加社会实践。",
        "date": "1998-01-20",
    },
    {
        "id": "gdp",
        "title": "ＧＤＰ增长３．９％",
        "body": "１９９８年ＧＤＰ增长３．９％，５Ｇ与Ｃ＃无关。",
        "date": "1998-01-25",
    },
    {
        "id": "flower",
        "title": "杜鹃花开",
        "body": "丹东的杜鹃花远销全国各地。",
        "date": "1998-01-31",
    },
    {
        "id": "anshan",
        "title": "招商引资",
        "body": "鞍山市以招商引资项目积蓄新动能。",
        "date": "1998-02-02",
    },
]


@pytest.fixture
def ix(make_index):
    with searcher.open_index(make_index(ARTICLES)) as index:
        yield index


def ids(results):
    return [h.id for h in results.hits]


def test_phrase_found_inside_longer_text(ix):
    # jieba.analyse.ChineseAnalyzer's character positions made this find nothing.
    assert ids(ix.search('"经济发展"')) == ["eco"]


def test_unquoted_finds_words_apart_below_the_exact_string(ix):
    r = ix.search("经济发展")
    assert ids(r) == ["eco", "eco-apart"]
    assert [h.match for h in r.hits] == ["word", "loose"]


def test_substring_that_is_not_a_word(ix):
    # 山市 is inside the jieba word 鞍山市: a substring search finds it, so must we.
    assert ids(ix.search("山市")) == ["anshan"]
    assert ids(ix.search('"山市"')) == ["anshan"]


def test_whole_word_ranks_above_string_inside_a_word(ix):
    r = ix.search("北大")
    assert ids(r)[0] == "beida"
    assert set(ids(r)) == {"beida", "beidahuang", "xibei"}
    assert r.hits[0].match == "word" and {h.match for h in r.hits[1:]} == {"exact"}


def test_ascii_query_finds_full_width_text(ix):
    for q in ("GDP", "gdp", "1998", "3.9%", "5G", "C#", "1998年"):
        assert ids(ix.search(q)) == ["gdp"], q


def test_traditional_query_finds_simplified_text(ix):
    assert ids(ix.search("杜鵑花")) == ["flower"]


def test_and_or_not(ix):
    assert ids(ix.search("北大 学生")) == ["xibei"]
    assert set(ids(ix.search("杜鹃花 OR 招商引资"))) == {"flower", "anshan"}
    assert set(ids(ix.search("北大 -北大荒"))) == {"beida", "xibei"}
    assert set(ids(ix.search("北大 NOT (北大荒 OR 学生)"))) == {"beida"}
    assert "flower" not in ids(ix.search("-杜鹃花", limit=0))
    assert len(ix.search("-杜鹃花", limit=0).hits) == len(ARTICLES) - 1


def test_fields(ix):
    assert ids(ix.search("title:北大")) == ["beidahuang"]
    assert set(ids(ix.search("body:北大"))) == {"beida", "beidahuang", "xibei"}
    assert ids(ix.search('title:"大学新闻"')) == ["xibei"]
    assert ids(ix.search("title:工业")) == []


def test_title_match_ranks_above_body_match(make_index):
    path = make_index(
        [
            {"id": "body", "title": "新闻", "body": "今天讨论了改革的问题，其他事项若干。"},
            {"id": "title", "title": "改革", "body": "今天讨论了一些问题，其他事项若干。"},
        ]
    )
    with searcher.open_index(path) as ix:
        assert ids(ix.search("改革")) == ["title", "body"]


def test_date_range(ix):
    assert set(ids(ix.search("北大", since="1998-01-13"))) == {"beidahuang", "xibei"}
    assert ids(ix.search("北大", until="1998-01-12")) == ["beida"]
    assert ids(ix.search("北大", since="1998-01-13", until="1998-01-16")) == ["beidahuang"]
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        ix.search("北大", since="January")


def test_limit_offset_and_total(ix):
    r = ix.search("北大", limit=1)
    assert r.total == 3 and len(r.hits) == 1
    r2 = ix.search("北大", limit=2, offset=1)
    assert [h.rank for h in r2.hits] == [2, 3]
    assert ids(r2) == ids(ix.search("北大", limit=0))[1:]


def test_snippet_highlights_the_matched_characters(ix):
    hit = ix.search("杜鹃花").hits[0]
    s = hit.snippets[0]
    assert [s.text[a:b] for a, b in s.matches] == ["杜鹃花"]
    assert hit.title_matches == [(0, 3)]


def test_highlight_maps_back_to_full_width_text(ix):
    hit = ix.search("GDP 3.9%").hits[0]
    s = hit.snippets[0]
    assert [s.text[a:b] for a, b in s.matches] == ["ＧＤＰ", "３．９％"]


def test_loose_hit_highlights_the_words(ix):
    hit = [h for h in ix.search("经济发展").hits if h.id == "eco-apart"][0]
    marked = {s.text[a:b] for s in hit.snippets for a, b in s.matches}
    assert marked == {"经济", "发展"}


def test_seed_page_articles_are_searchable(seed_index):
    with searcher.open_index(seed_index) as ix:
        r = ix.search("杜鹃花")
        assert r.hits[0].title == "美丽产业带来美好生活"
        assert r.hits[0].date == "2022-01-12"
        # words the print layout broke across blocks are found whole
        for q in ("现代农业", "二氧化碳", "大略估计", "多学科会诊"):
            assert ix.search(f'"{q}"').total == 1, q


def _substrings(text: str, lengths=(2, 3, 4)):
    out = set()
    for n in lengths:
        for i in range(len(text) - n + 1):
            s = text[i : i + n]
            if not any(c.isspace() or c in '"“”()（）' for c in s) and s.strip("-") == s:
                out.add(s)
    return out


@pytest.mark.slow
def test_recall_and_precision_against_substring_search(seed_index):
    """Every 2-4 character string of the seed page: quoted, exactly the substring set;
    unquoted, the substring set first (recall 100%, precision 100% over that prefix)."""
    with searcher.open_index(seed_index) as ix:
        arts = [ix.article(h.id) for h in ix.search("-zzzz", limit=0).hits]
        assert len(arts) == 7
        texts = {a.id: (analysis.fold(a.title), analysis.fold(a.body)) for a in arts}
        page = "\n".join(a.title + "\n" + a.body for a in arts)
        queries = sorted(_substrings(page))
        assert len(queries) > 10000
        for q in queries:
            fq = analysis.fold(q)
            truth = {i for i, (t, b) in texts.items() if fq in t or fq in b}
            got = ix.search(f'"{q}"', limit=0, snippets=False)
            assert {h.id for h in got.hits} == truth, q
            if q.isalnum():
                loose = ix.search(q, limit=0, snippets=False)
                assert {h.id for h in loose.hits[: len(truth)]} == truth, q


def test_article_highlights_like_a_hit(ix):
    art = ix.article("eco-apart", query_text="经济发展")
    assert {art.body[a:b] for a, b in art.body_matches} == {"经济", "发展"}
    assert {art.title[a:b] for a, b in art.title_matches} == {"经济", "发展"}
    art = ix.article("eco", query_text='"经济发展" -农村')
    assert [art.body[a:b] for a, b in art.body_matches] == ["经济发展"]


def test_a_filter_leaves_the_scores_of_what_it_keeps_unchanged(make_index):
    path = make_index(
        [
            {"id": f"d{i}", "body": "招商引资" + "，会议" * i, "date": f"1998-01-{i + 1:02d}"}
            for i in range(6)
        ]
    )
    with searcher.open_index(path) as ix:
        every = {h.id: h.score for h in ix.search("招商", limit=0).hits}
        late = {h.id: h.score for h in ix.search("招商", limit=0, since="1998-01-04").hits}
    assert sorted(late) == ["d3", "d4", "d5"]
    assert late == {k: every[k] for k in late}


@pytest.mark.parametrize(
    "wild, plain",
    [
        ("经济*", "经济"),
        ("*经济", "经济"),
        ("*经济?", "经济"),
        ("杜鹃花＊", "杜鹃花"),
        ("经济*发展", "经济 发展"),
        ("title:鞍山*", "title:鞍山"),
    ],
)
def test_wildcards_add_nothing_to_a_term(seed_index, wild, plain):
    with searcher.open_index(seed_index) as ix:
        a, b = ix.search(wild, limit=0), ix.search(plain, limit=0)
    assert a.total == b.total > 0
    assert [(h.id, h.score, h.match, h.snippets) for h in a.hits] == [
        (h.id, h.score, h.match, h.snippets) for h in b.hits
    ]


def test_a_query_of_wildcards_is_refused(seed_index):
    with searcher.open_index(seed_index) as ix:
        for text in ("*", "? ?", "经济 OR *"):
            with pytest.raises(QueryError, match="alone would match every article"):
                ix.search(text)
        assert ix.search('"*"', limit=0).total == 0  # in quotes, the character itself
