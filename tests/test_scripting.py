"""Issue 3, scripted use: sort, source filter, facets, similar, and the -c/-l/-q options."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

import searcher
from searcher import cli
from searcher.errors import ArticleNotFound, QueryError
from searcher.local import textstore

# Score order for 招商 (checked below): s1 s4 s5 s2 s3 s6. s3 and s4 share a day;
# s5 has no date and no source.
DATED = [
    {
        "id": "s1",
        "title": "鞍山招商",
        "body": "鞍山市招商引资成效显著。",
        "date": "1998-01-05",
        "source": "人民日报 1998-01-05 第1版",
    },
    {
        "id": "s2",
        "title": "锦州新闻",
        "body": "锦州招商工作会议召开。",
        "date": "1998-01-20",
        "source": "人民日报 1998-01-20 第2版",
    },
    {
        "id": "s3",
        "title": "地方动态",
        "body": "辽阳的招商项目，以及其他很多很多的地方消息和新闻报道内容。",
        "date": "1998-02-03",
        "source": "辽宁日报 1998-02-03",
    },
    {
        "id": "s4",
        "title": "招商引资再创新高",
        "body": "招商引资招商。",
        "date": "1998-02-03",
        "source": "辽宁日报 1998-02-03",
    },
    {"id": "s5", "title": "无日期", "body": "招商消息。", "date": "", "source": ""},
    {
        "id": "s6",
        "title": "Xinhua",
        "body": "招商会。",
        "date": "1998-03-01",
        "source": "Xinhua Daily 1998-03-01 第10版",
    },
]
BY_SCORE = ["s1", "s4", "s5", "s2", "s3", "s6"]

FLOWERS = [
    {
        "id": "p1",
        "title": "丹东杜鹃花远销海外",
        "body": "丹东的杜鹃花产业发展迅速，花农种植杜鹃花收入增加。2022年杜鹃花销往日本和韩国。",
        "date": "2022-01-12",
        "source": "辽宁日报 2022-01-12",
    },
    {
        "id": "p2",
        "title": "杜鹃花开",
        "body": "花农说，今年杜鹃花长势好，种植面积扩大，2022年收入可观。",
        "date": "2022-01-15",
        "source": "辽宁日报 2022-01-15",
    },
    {
        "id": "p3",
        "title": "丹东港口",
        "body": "丹东港口货物吞吐量创新高。",
        "date": "2022-01-10",
        "source": "丹东日报 2022-01-10",
    },
    {
        "id": "p4",
        "title": "钢铁生产",
        "body": "鞍山钢铁公司生产稳定。2022年产量提高。",
        "date": "2022-01-11",
        "source": "鞍山日报 2022-01-11",
    },
    {
        "id": "p5",
        "title": "杜鹃花展",
        "body": "沈阳举办杜鹃花展览。",
        "date": "2022-02-01",
        "source": "沈阳日报 2022-02-01",
    },
]


@pytest.fixture
def dated(make_index):
    return make_index(DATED, "dated")


@pytest.fixture
def flowers(make_index):
    return make_index(FLOWERS, "flowers")


@pytest.fixture
def ix(dated):
    with searcher.open_index(dated) as index:
        yield index


def ids(results):
    return [h.id for h in results.hits]


# -- the Python API: sort --------------------------------------------------------


def test_score_order_of_the_fixture(ix):
    assert ids(ix.search("招商", limit=0)) == BY_SCORE


def test_sort_by_date_oldest_first_a_day_keeps_score_order(ix):
    # s4 outranks s3 on the same day; the undated s5 comes last
    assert ids(ix.search("招商", limit=0, sort="date")) == ["s1", "s2", "s4", "s3", "s6", "s5"]


def test_sort_by_date_newest_first_a_day_keeps_score_order(ix):
    assert ids(ix.search("招商", limit=0, sort="-date")) == ["s6", "s4", "s3", "s2", "s1", "s5"]


def test_results_iterate_over_their_hits_and_have_a_length(ix):
    """Issue 10: `for hit in ix.search(q)` raised TypeError; .hits and .total stay."""
    results = ix.search("招商", limit=4)
    assert [h.id for h in results] == ids(results) == BY_SCORE[:4]
    assert len(results) == 4 and results.total == 6
    assert [h.id for h in ix.search("招商", limit=2, offset=5)] == BY_SCORE[5:]
    empty = ix.search("招商", offset=6)
    assert (len(empty), list(empty), empty.total) == (0, [], 6)


def test_options_as_dataclasses_or_keywords_are_the_same(ix):
    from searcher import Filters, Page

    by_keywords = ix.search("招商", limit=3, sort="-date", since="1998-01-02", facets="paper")
    by_options = ix.search(
        "招商", Filters(since="1998-01-02"), Page(3, sort="-date", facets=("paper",))
    )
    assert (ids(by_options), by_options.facets) == (ids(by_keywords), by_keywords.facets)
    with pytest.raises(TypeError, match="not both"):
        ix.search("招商", Filters(), since="1998-01-02")
    with pytest.raises(TypeError, match="unexpected keyword argument 'sorted'"):
        ix.search("招商", sorted="date")
    with pytest.raises(QueryError, match="--since takes a date as YYYY-MM-DD, not '1998-1-2'"):
        Filters(since="1998-1-2")


def test_pages_of_a_date_sort_join_up(ix):
    pages = [ix.search("招商", limit=2, offset=o, sort="-date") for o in (0, 2, 4)]
    assert [h.id for p in pages for h in p.hits] == ["s6", "s4", "s3", "s2", "s1", "s5"]
    assert [h.rank for p in pages for h in p.hits] == [1, 2, 3, 4, 5, 6]
    assert {p.total for p in pages} == {6}


# -- source ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("人民日报", {"s1", "s2"}),  # no wildcard: contained in the label
        ("1998-02", {"s3", "s4"}),
        ("第1", {"s1", "s6"}),  # in 第1版 and in 第10版
        ("*第1版", {"s1"}),  # a glob covers the whole label
        ("*第1?版", {"s6"}),
        ("人民日报*第2版", {"s2"}),
        ("辽宁日报", {"s3", "s4"}),
        ("xinhua", {"s6"}),  # any case
        ("XINHUA DAILY*", {"s6"}),
        ("[人辽]*", {"s1", "s2", "s3", "s4"}),
        ("*", {"s1", "s2", "s3", "s4", "s6"}),  # s5 has no source
        ("光明日报", set()),
    ],
)
def test_source_filter(ix, pattern, expected):
    r = ix.search("招商", limit=0, source=pattern)
    assert set(ids(r)) == expected and r.total == len(expected)


def test_source_filter_keeps_the_ranking(ix):
    assert ids(ix.search("招商", source="人民日报")) == ["s1", "s2"]
    assert ids(ix.search("招商", source="辽宁日报")) == ["s4", "s3"]


def test_source_and_dates_combine(ix):
    assert ids(ix.search("招商", source="日报", since="1998-01-10", until="1998-01-31")) == ["s2"]


# -- facets ------------------------------------------------------------------------


def test_facets_count_every_match_not_only_the_page(ix):
    r = ix.search("招商", limit=1, facets=("date:month", "source", "paper", "date:year"))
    assert len(r.hits) == 1 and r.total == 6
    assert r.facets == {
        "date:month": {"1998-01": 2, "1998-02": 2, "1998-03": 1},
        "source": {
            "辽宁日报 1998-02-03": 2,
            "Xinhua Daily 1998-03-01 第10版": 1,
            "人民日报 1998-01-05 第1版": 1,
            "人民日报 1998-01-20 第2版": 1,
        },
        "paper": {"人民日报": 2, "辽宁日报": 2, "Xinhua Daily": 1},
        "date:year": {"1998": 5},  # the undated s5 is under no value
    }
    # dates in date order, sources and papers by count, then name; facets in the order asked
    assert list(r.facets) == ["date:month", "source", "paper", "date:year"]


def test_facets_follow_the_filters(ix):
    r = ix.search("招商", since="1998-02-01", facets=["date:day"])
    assert r.facets == {"date:day": {"1998-02-03": 2, "1998-03-01": 1}}
    r = ix.search("招商", source="人民日报", facets="source")  # one name as a string
    assert r.facets == {"source": {"人民日报 1998-01-05 第1版": 1, "人民日报 1998-01-20 第2版": 1}}
    r = ix.search("没有这个", facets=["date:month", "source"])
    assert r.total == 0 and r.facets == {"date:month": {}, "source": {}}


def test_no_facets_unless_asked(ix):
    assert ix.search("招商").facets == {}


def test_sort_facets_and_source_read_no_stored_article_but_the_hits(ix, monkeypatch):
    calls = []
    real = textstore.TextStore.stored
    monkeypatch.setattr(
        textstore.TextStore, "stored", lambda self, d: calls.append(d) or real(self, d)
    )
    r = ix.search(
        "招商", limit=2, sort="-date", source="日报", facets=["date:month", "source", "paper"]
    )
    assert r.total == 4 and len(calls) == 2


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"sort": "newest"}, "unknown sort 'newest' (use one of: score, date, -date)"),
        (
            {"facets": ["month"]},
            "unknown facet 'month' (use one of: date:year, date:month, date:day, source, paper)",
        ),
        ({"offset": -1}, "limit and offset cannot be negative"),
    ],
)
def test_unknown_options_are_query_errors(ix, kwargs, message):
    with pytest.raises(QueryError) as e:
        ix.search("招商", **kwargs)
    assert str(e.value) == message
    with pytest.raises(QueryError):
        ix.similar("s1", **kwargs)


# -- similar -------------------------------------------------------------------------


def test_similar_ranks_articles_sharing_key_terms(flowers):
    with searcher.open_index(flowers) as ix:
        r = ix.similar("p1")
    assert r.query == "similar:p1"
    assert ids(r) == ["p2", "p3", "p5"]  # p1 itself left out; p4 shares no key term
    assert r.total == 3 and [h.rank for h in r.hits] == [1, 2, 3]
    # best first by tf-idf; no single characters (的, 年), numbers (2022) or words only p1 has
    assert r.terms == ["杜鹃花", "丹东", "花农", "种植"]


def test_similar_hits_highlight_the_key_terms(flowers):
    with searcher.open_index(flowers) as ix:
        hits = {h.id: h for h in ix.similar("p1").hits}
    marked = {s.text[a:b] for s in hits["p2"].snippets for a, b in s.matches}
    assert marked == {"花农", "杜鹃花", "种植"}
    assert hits["p3"].title == "丹东港口" and hits["p3"].title_matches == [(0, 2)]
    assert all(h.match == "loose" for h in hits.values())


def test_similar_takes_the_search_options(flowers):
    with searcher.open_index(flowers) as ix:
        assert ids(ix.similar("p1", source="辽宁日报")) == ["p2"]
        assert ids(ix.similar("p1", since="2022-01-11")) == ["p2", "p5"]
        assert ids(ix.similar("p1", sort="-date")) == ["p5", "p2", "p3"]
        assert ids(ix.similar("p1", limit=1, offset=1)) == ["p3"]
        r = ix.similar("p1", limit=1, facets=["date:month", "paper"])
        assert r.facets == {
            "date:month": {"2022-01": 2, "2022-02": 1},
            "paper": {"丹东日报": 1, "沈阳日报": 1, "辽宁日报": 1},
        }


def test_similar_unknown_id(flowers):
    with searcher.open_index(flowers) as ix, pytest.raises(ArticleNotFound, match="'nope'"):
        ix.similar("nope")


def test_similar_needs_no_jieba(flowers, monkeypatch):
    from searcher import analysis

    def no_jieba(run):
        raise AssertionError("jieba used at query time")

    monkeypatch.setattr(analysis, "_cut_run", no_jieba)
    with searcher.open_index(flowers) as ix:
        assert ids(ix.similar("p1")) == ["p2", "p3", "p5"]


# -- the CLI --------------------------------------------------------------------------


def run(*args, input=None):
    return CliRunner().invoke(cli.main, [str(a) for a in args], input=input)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_count(dated):
    r = run("search", "招商", "-c", "-i", dated)
    assert (r.exit_code, r.stdout) == (0, "6\n")
    r = run("search", "招商", "--count", "--source", "人民日报", "-n", "1", "-i", dated)
    assert (r.exit_code, r.stdout) == (0, "2\n")
    r = run("search", "没有这个", "-c", "-i", dated)
    assert (r.exit_code, r.stdout) == (1, "0\n")


def test_count_json_is_a_summary(dated):
    r = run("search", "招商", "-c", "--json", "--facet", "date:month", "-i", dated)
    (summary,) = json_lines(r.stdout)
    assert r.exit_code == 0
    assert summary["type"] == "summary" and summary["total"] == 6 and summary["returned"] == 0
    assert summary["facets"] == {"date:month": {"1998-01": 2, "1998-02": 2, "1998-03": 1}}
    assert (summary["offset"], summary["limit"]) == (0, 10)


def test_ids_only(dated):
    r = run("search", "招商", "-l", "-i", dated)
    assert (r.exit_code, r.stdout.splitlines()) == (0, BY_SCORE)
    r = run(
        "search", "招商", "--ids-only", "--sort", "date", "-n", "2", "--offset", "1", "-i", dated
    )
    assert r.stdout == "s2\ns4\n"
    r = run("search", "没有这个", "-l", "-i", dated)
    assert (r.exit_code, r.stdout) == (1, "")


def test_ids_feed_show(dated):
    ids_out = run("search", "招商", "-l", "-n", "2", "-i", dated).stdout.split()
    r = run("show", *ids_out, "--json", "-i", dated)  # what `| xargs searcher show` runs
    assert r.exit_code == 0
    assert [a["id"] for a in json_lines(r.stdout)] == ["s1", "s4"]
    r = run("show", "s1", "s2", "-i", dated)
    assert r.stdout.startswith("鞍山招商\n") and "\n\n锦州新闻\n" in r.stdout
    r = run("show", "s1", "nope", "s2", "--json", "-i", dated)
    assert r.exit_code == 1 and [a["id"] for a in json_lines(r.stdout)] == ["s1", "s2"]
    assert r.stderr.startswith("Error: no article with id 'nope'")


def test_quiet(dated):
    for args, code in ((["招商"], 0), (["没有这个"], 1), (["(招商"], 2)):
        r = run("search", "-q", *args, "-i", dated)
        assert (r.exit_code, r.stdout) == (code, ""), args
    assert run("search", "招商", "--quiet", "-i", dated).stdout == ""


def test_short_options_parse_before_a_query(dated):
    # -q is quiet, not a query; a query starting with '-' is still a query
    assert run("search", "-q", "招商", "-i", dated).stdout == ""
    r = run("search", "-招商", "鞍山", "-c", "-i", dated)
    assert (r.exit_code, r.stdout) == (1, "0\n")
    r = run("search", "招商", "-鞍山", "-锦州", "-l", "-i", dated)
    assert r.stdout.split() == ["s4", "s5", "s3", "s6"]
    r = run("search", "-c", "-n1", "招商", "-i", dated)
    assert r.stdout == "6\n"


@pytest.mark.parametrize("word", ["-qq", "-cctv", "-鞍山c", "-x", "-5"])
def test_a_minus_word_that_is_not_only_options_is_query_text(dated, word):
    # click alone would read -cctv as -c -c plus unknown letters
    r = run("search", word, "-c", "-i", dated)
    assert r.exit_code == 0 and r.stdout.strip().isdigit()


@pytest.mark.parametrize(
    "args, message",
    [
        (["-c", "-l"], "Error: use only one of -c/--count, -l/--ids-only and -q/--quiet"),
        (["-cq"], "Error: use only one of -c/--count, -l/--ids-only and -q/--quiet"),
        (["-l", "--json"], "Error: --json cannot be used with -l/--ids-only"),
        (["-q", "--facet", "source"], "Error: --facet cannot be used with -q/--quiet"),
        (["--sort", "newest"], "Error: Invalid value for '--sort'"),
        (["--facet", "month"], "Error: Invalid value for '--facet'"),
        (["--frobnicate"], "Error: No such option '--frobnicate'"),
    ],
)
def test_usage_errors(dated, args, message):
    for verb, subject in (("search", "招商"), ("similar", "s1")):
        r = run(verb, subject, *args, "-i", dated)
        assert r.exit_code == 2 and r.stdout == ""
        assert r.stderr.startswith(message) and r.stderr.count("\n") == 1, r.stderr


def test_sort_source_and_facets_in_json(dated):
    r = run(
        "search", "招商", "--json", "-n", "3", "--sort", "-date", "--source", "日报",
        "--facet", "paper", "--facet", "date:month", "-i", dated,
    )  # fmt: skip
    lines = json_lines(r.stdout)
    assert [h["id"] for h in lines[:-1]] == ["s4", "s3", "s2"]
    summary = lines[-1]
    assert summary["total"] == 4 and summary["returned"] == 3
    assert summary["facets"] == {
        "paper": {"人民日报": 2, "辽宁日报": 2},
        "date:month": {"1998-01": 2, "1998-02": 2},
    }
    assert list(summary["facets"]) == ["paper", "date:month"]


def test_plain_facets_are_tab_separated_lines(dated):
    r = run("search", "招商", "-n", "1", "--facet", "date:month", "--facet", "paper", "-i", dated)
    lines = r.stdout.splitlines()
    assert lines[0].startswith("1. 鞍山招商  [s1]")
    assert lines[-6:] == [
        "date:month\t1998-01\t2",
        "date:month\t1998-02\t2",
        "date:month\t1998-03\t1",
        "paper\t人民日报\t2",
        "paper\t辽宁日报\t2",
        "paper\tXinhua Daily\t1",
    ]
    r = run("search", "招商", "-c", "--facet", "date:year", "-i", dated)
    assert r.stdout == "6\ndate:year\t1998\t5\n"


def test_facets_on_a_terminal_are_a_table(dated):
    r = run("search", "招商", "--facet", "paper", "--color", "always", "-i", dated)
    text = re.sub(r"\x1b\[[0-9;]*m", "", r.stdout)
    table = text[text.index("\npaper") :]
    cells = [
        [c.strip() for c in line.strip().strip("│").split("│")]
        for line in table.splitlines()
        if line.startswith("│")
    ]
    assert cells == [["人民日报", "2"], ["辽宁日报", "2"], ["Xinhua Daily", "1"]]


def test_batch_with_the_new_options(dated):
    queries = "招商\n鞍山\n没有这个\n"
    r = run("search", "--batch", "-", "-c", "-i", dated, input=queries)
    assert (r.exit_code, r.stdout) == (0, "招商\t6\n鞍山\t1\n没有这个\t0\n")
    r = run("search", "--batch", "-", "-l", "--sort", "date", "-i", dated, input="鞍山\n锦州\n")
    assert r.stdout == "s1\ns2\n"
    r = run("search", "--batch", "-", "-q", "-i", dated, input="没有这个\n")
    assert (r.exit_code, r.stdout) == (1, "")
    r = run(
        "search", "--batch", "-", "--json", "--source", "人民日报", "--facet", "paper",
        "-i", dated, input="招商\n锦州\n",
    )  # fmt: skip
    summaries = [x for x in json_lines(r.stdout) if x["type"] == "summary"]
    assert [(s["query"], s["total"], s["facets"]) for s in summaries] == [
        ("招商", 2, {"paper": {"人民日报": 2}}),
        ("锦州", 1, {"paper": {"人民日报": 1}}),
    ]


def test_similar_cli(flowers):
    r = run("similar", "p1", "--json", "-i", flowers)
    lines = json_lines(r.stdout)
    assert r.exit_code == 0
    assert [h["id"] for h in lines[:-1]] == ["p2", "p3", "p5"]
    assert lines[-1]["query"] == "similar:p1" and lines[-1]["terms"][0] == "杜鹃花"
    assert run("similar", "p1", "-l", "--sort", "date", "-i", flowers).stdout == "p3\np2\np5\n"
    assert run("similar", "p1", "-c", "--source", "辽宁", "-i", flowers).stdout == "1\n"
    r = run("similar", "p1", "-q", "-i", flowers)
    assert (r.exit_code, r.stdout) == (0, "")
    plain = run("similar", "p1", "-n", "1", "-i", flowers).stdout
    assert plain.startswith("1. 杜鹃花开  [p2]")


def test_similar_exit_codes(flowers):
    # p4 shares no key term with another article: nothing similar
    r = run("similar", "p4", "-i", flowers)
    assert r.exit_code == 1
    r = run("similar", "nope", "-i", flowers)
    assert r.exit_code == 2 and r.stderr.startswith("Error: no article with id 'nope'")
    r = run("similar", "p1", "--since", "2022-13-01", "-i", flowers)
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.stderr


def test_an_option_without_its_value_is_a_usage_error(dated):
    r = run("search", "-锦州", "-i", dated, "-n")
    assert r.exit_code == 2
    assert r.stderr == "Error: option -n needs a value (see 'searcher search --help')\n"


def test_cli_choices_are_the_librarys():
    from searcher import options

    params = {p.name: p for p in cli.search_cmd.params}
    assert tuple(params["sort"].type.choices) == options.SORTS
    assert tuple(params["facets"].type.choices) == tuple(options.FACETS)
