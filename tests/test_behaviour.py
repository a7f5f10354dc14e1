"""The engine-independent behaviour suite: what a user relies on, on every engine.

Each test runs once per engine behind ``searcher.engine``: the local Whoosh
index, the brute-force scan of ``bruteforce.py`` (the oracle) and a SolrCloud
collection (where the test cluster runs, see conftest.py). The truth is always
computed here, by a plain scan of the articles the test wrote.
"""

from __future__ import annotations

import fnmatch
import json
import random
import re

import bruteforce
import pytest
from click.testing import CliRunner
from conftest import HIT_KEYS, SEEDS, write_jsonl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import searcher
from searcher import analysis, cli
from searcher.engine import Term

# The Solr leg needs the test cluster (see conftest.py: skipped without one, a failure
# where SEARCHER_SOLR_REQUIRED=1).
ENGINES = ["local", "brute", pytest.param("solr", marks=pytest.mark.solr)]


def _sentences() -> list[str]:
    text = next(SEEDS.glob("*.txt")).read_text("utf-8")
    parts = re.split(r"(?<=[。！？])|\n", text)
    return [p.strip() for p in parts if len(p.strip()) >= 8]


SENTENCES = _sentences()
PAPERS = ["辽宁日报", "人民日报", "鞍山日报"]


def corpus(seed: int, n: int = 40) -> list[dict]:
    """Articles made of the seed page's sentences, with dates and sources."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = f"1998-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}" if i % 9 else ""
        paper = PAPERS[i % 3]
        out.append(
            {
                "id": f"x{i:03d}",
                "title": rng.choice(SENTENCES)[:12] if i % 5 else "",
                "body": "".join(rng.sample(SENTENCES, rng.randint(1, 5))),
                "date": day,
                "source": f"{paper} {day} 第{i % 4 + 1}版".replace("  ", " ") if i % 7 else "",
                "author": "王卢莎" if i % 4 == 0 else "",
            }
        )
    return out


@pytest.fixture(params=ENGINES)
def kind(request, monkeypatch) -> str:
    if request.param == "brute":
        bruteforce.install(monkeypatch)
    if request.param == "solr":
        request.getfixturevalue("solr_base")  # skip (or fail) here without a cluster
    return request.param


@pytest.fixture
def address(kind, tmp_path, request):
    """address(name) -> where the engine under test keeps an index of that name (a
    collection of the test cluster for Solr, removed after the test)."""
    if kind == "solr":
        return request.getfixturevalue("solr_indexes")

    def make(name: str = "ix") -> str:
        return str(tmp_path / name) if kind == "local" else f"brute://{tmp_path}/{name}"

    return make


@pytest.fixture(scope="module")
def solr_built(solr_module_indexes, tmp_path_factory):
    """corpus(7) in one collection, shared by the module's Solr tests (they only read it)."""
    arts = corpus(7)
    src = write_jsonl(tmp_path_factory.mktemp("solr-src") / "a.jsonl", arts)
    where = solr_module_indexes("built")
    searcher.build_index([src], where)
    return where, arts


@pytest.fixture
def built(kind, address, tmp_path, request):
    """An index of corpus(7) on the engine under test, and its articles."""
    if kind == "solr":
        return request.getfixturevalue("solr_built")
    arts = corpus(7)
    src = write_jsonl(tmp_path / "src" / "a.jsonl", arts)
    where = address()
    searcher.build_index([src], where)
    return where, arts


def fold(a: dict, field: str | None = None) -> str:
    fields = [field] if field else ["title", "body"]
    return "\n".join(analysis.fold(a[f]) for f in fields)


def scan(arts: list[dict], needle: str, field: str | None = None) -> set[str]:
    n = analysis.fold(needle)
    out = set()
    for a in arts:
        parts = [field] if field else ["title", "body"]
        if any(n in analysis.fold(a[f]) for f in parts):
            out.add(a["id"])
    return out


def ids(results) -> list[str]:
    return [h.id for h in results]


# -- query semantics ------------------------------------------------------------


def test_an_exact_string_finds_exactly_what_a_substring_scan_finds(built):
    where, arts = built
    rng = random.Random(1)
    with searcher.open_index(where) as ix:
        for _ in range(40):
            a = rng.choice(arts)
            text = a["body"]
            i = rng.randrange(len(text) - 4)
            needle = text[i : i + rng.randint(1, 4)]
            if '"' in needle or not needle.strip():
                continue
            assert set(ids(ix.search(f'"{needle}"', limit=0))) == scan(arts, needle), needle
            unquoted = ix.search(needle.replace(" ", ""), limit=0)
            exact = [h for h in unquoted if h.match in ("word", "exact")]
            assert {h.id for h in exact} >= scan(arts, needle.replace(" ", ""))


def test_tiers_whole_words_then_inside_words_then_words_apart(address, tmp_path):
    arts = [
        {"id": "apart", "body": "钢铁产量高，发展很快，人民生活提高。"},
        {"id": "inside", "body": "北大荒经济发展迅速。"},
        {"id": "word", "body": "考上了北大，经济发展，钢铁发展迅速。"},
        {"id": "none", "body": "鞍山钢铁。"},
    ]
    src = write_jsonl(tmp_path / "s" / "a.jsonl", arts)
    where = address()
    searcher.build_index([src], where)
    with searcher.open_index(where) as ix:
        r = ix.search("北大 经济发展", limit=0)
        assert [(h.id, h.match) for h in r] == [("word", "word"), ("inside", "exact")]
        r = ix.search("钢铁发展", limit=0)
        assert [(h.id, h.match) for h in r] == [("word", "word"), ("apart", "loose")]
        assert [h.id for h in ix.search('"钢铁发展"', limit=0)] == ["word"]


@pytest.mark.parametrize(
    "q, expect",
    [
        ('"鞍山" OR "丹东"', lambda a: "鞍山" in fold(a) or "丹东" in fold(a)),
        ('"杜鹃花" -"丹东"', lambda a: "杜鹃花" in fold(a) and "丹东" not in fold(a)),
        (
            '("振兴" OR "发展") NOT "经济"',
            lambda a: ("振兴" in fold(a) or "发展" in fold(a)) and "经济" not in fold(a),
        ),
        ('title:"辽宁"', lambda a: "辽宁" in fold(a, "title")),
        ('body:"杜鹃花" "基地"', lambda a: "杜鹃花" in fold(a, "body") and "基地" in fold(a)),
        (
            'title:("辽宁" OR "发展")',
            lambda a: "辽宁" in fold(a, "title") or "发展" in fold(a, "title"),
        ),
    ],
)
def test_operators_and_fields(built, q, expect):
    where, arts = built
    with searcher.open_index(where) as ix:
        assert set(ids(ix.search(q, limit=0))) == {a["id"] for a in arts if expect(a)}
        # unquoted, words apart may add articles, never lose one
        assert set(ids(ix.search(q.replace('"', ""), limit=0))) >= set(ids(ix.search(q, limit=0)))


# -- filters, sort, facets ------------------------------------------------------


def test_filters_sort_and_facets(built):
    where, arts = built
    with searcher.open_index(where) as ix:
        r = ix.search("发展", limit=0, since="1998-02-01", until="1998-02-28", source="辽宁")
        truth = {
            a["id"]
            for a in arts
            if a["id"] in scan(arts, "发展") | set(ids(ix.search("发展", limit=0)))
            and a["date"]
            and "1998-02-01" <= a["date"] <= "1998-02-28"
            and "辽宁" in a["source"]
        }
        assert set(ids(r)) == truth
        by_date = ix.search("发展", limit=0, sort="date")
        dates = [h.date for h in by_date]
        dated = [d for d in dates if d]
        assert dated == sorted(dated) and dates[len(dated) :] == [""] * (len(dates) - len(dated))
        newest = [h.date for h in ix.search("发展", limit=0, sort="-date") if h.date]
        assert newest == sorted(newest, reverse=True)
        r = ix.search("发展", limit=3, facets=["date:month", "source", "paper"])
        every = ix.search("发展", limit=0).hits
        assert r.total == len(every) and len(r.hits) == 3
        months: dict[str, int] = {}
        for h in every:
            if h.date:
                months[h.date[:7]] = months.get(h.date[:7], 0) + 1
        assert r.facets["date:month"] == dict(sorted(months.items()))
        papers = [s.split()[0] for s in (h.source for h in every) if s]
        assert sum(r.facets["paper"].values()) == len(papers)
        assert list(r.facets["source"].values()) == sorted(
            r.facets["source"].values(), reverse=True
        )


def test_paging_joins_up(built):
    where, _ = built
    with searcher.open_index(where) as ix:
        whole = ids(ix.search("发展", limit=0))
        pages = [ids(ix.search("发展", limit=4, offset=o)) for o in range(0, len(whole), 4)]
        assert [i for p in pages for i in p] == whole


# -- similar, show, info ------------------------------------------------------------


def test_similar_show_and_info(built):
    where, arts = built
    with searcher.open_index(where) as ix:
        like = ix.similar("x001", limit=5)
        assert "x001" not in ids(like) and like.terms and like.query == "similar:x001"
        assert all(h.match == "loose" for h in like)
        art = ix.article("x002", query_text="发展")
        body = arts[2]["body"]
        assert art.body == body
        assert [body[s:e] for s, e in art.body_matches] == ["发展"] * body.count("发展")
        info = ix.info()
        assert info.articles == len(arts)
        dates = sorted(a["date"] for a in arts if a["date"])
        assert (info.first_date, info.last_date) == (dates[0], dates[-1])
        assert info.papers == sorted({a["source"].split()[0] for a in arts if a["source"]})
    with pytest.raises(searcher.ArticleNotFound), searcher.open_index(where) as ix:
        ix.similar("nope")


def test_occurrences_and_totals(built):
    where, arts = built
    with searcher.open_index(where) as ix:
        term = Term("发展")
        occ = list(ix.engine.occurrences(term, searcher.Filters()))
        want = sorted(
            (a["id"], f, m.start())
            for a in arts
            for f in ("title", "body")
            for m in re.finditer("(?=发展)", a[f])
        )
        assert [(o.id, o.field, o.start) for o in occ] == want
        assert all(arts[int(o.id[1:])][o.field][o.start : o.end] == "发展" for o in occ)
        totals = ix.engine.totals(7, searcher.Filters(source="人民日报"))
    want_totals: dict[str, list[int]] = {}
    for a in arts:
        if a["date"] and "人民日报" in a["source"]:
            cell = want_totals.setdefault(a["date"][:7], [0, 0])
            cell[0] += 1
            cell[1] += len(a["title"]) + len(a["body"])
    assert totals == {k: tuple(v) for k, v in sorted(want_totals.items())}


# -- the CLI and its JSON -----------------------------------------------------------


def test_cli_json_on_every_engine(built):
    where, _ = built
    r = CliRunner().invoke(cli.main, ["search", "发展", "-n", "2", "--json", "-i", where])
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 0 and [x["type"] for x in lines] == ["hit", "hit", "summary"]
    assert set(lines[0]) == HIT_KEYS
    r = CliRunner().invoke(cli.main, ["search", "没有这个词组", "-c", "-i", where])
    assert (r.exit_code, r.stdout) == (1, "0\n")
    r = CliRunner().invoke(cli.main, ["info", "--json", "-i", where])
    assert json.loads(r.stdout)["articles"] == 40


def test_cli_batch_ids_quiet_sort_and_show_on_every_engine(built, tmp_path):
    where, _ = built
    run = CliRunner().invoke
    with searcher.open_index(where) as ix:
        every = [h.id for h in ix.search("发展", limit=0)]
        newest = [h.id for h in ix.search("经济", limit=0, sort="-date")]
    batch = tmp_path / "queries.txt"
    batch.write_text("发展\n没有这个词组\n经济\n", encoding="utf-8")
    r = run(cli.main, ["search", "--batch", str(batch), "-n", "0", "--json", "-i", where])
    summaries = [x for x in map(json.loads, r.stdout.splitlines()) if x["type"] == "summary"]
    assert r.exit_code == 0 and [x["query"] for x in summaries] == ["发展", "没有这个词组", "经济"]
    assert summaries[0]["total"] == len(every) and summaries[1]["total"] == 0
    r = run(cli.main, ["search", "发展", "-l", "-n", "0", "-i", where])
    assert r.stdout.split() == every
    r = run(cli.main, ["search", "经济", "-l", "-n", "0", "--sort", "-date", "-i", where])
    assert r.stdout.split() == newest
    assert run(cli.main, ["search", "发展", "-q", "-i", where]).exit_code == 0
    assert run(cli.main, ["search", "没有这个词组", "-q", "-i", where]).exit_code == 1
    r = run(cli.main, ["show", every[0], "nope", "--json", "-i", where])
    shown = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 1 and [a["id"] for a in shown] == [every[0]]


@pytest.mark.parametrize(
    "pattern",
    ["辽宁", "人民日报 1998-02", "*日报 1998-0[12]-*", "?宁日报*", "[!辽]*", "*第[1-2]版"],
)
def test_source_patterns_as_fnmatch_on_every_engine(built, pattern):
    where, arts = built
    pat = analysis.fold(pattern)
    wild = any(c in pat for c in "*?[")
    with searcher.open_index(where) as ix:
        got = {h.id for h in ix.search("的", limit=0, source=pattern)}
        every = {h.id for h in ix.search("的", limit=0)}
    want = {
        a["id"]
        for a in arts
        if a["id"] in every
        and a["source"]
        and (fnmatch.fnmatchcase(analysis.fold(a["source"]), pat) if wild else pat in a["source"])
    }
    assert got == want and (want or pattern == "?宁日报*")


# -- keeping it current -------------------------------------------------------------


def _all_answers(where) -> dict:
    queries = ["发展", "杜鹃花", '"丹东"', "经济 OR 振兴", "发展 -经济"]
    with searcher.open_index(where) as ix:
        out = {q: [(h.id, h.score, h.match) for h in ix.search(q, limit=0)] for q in queries}
        out["similar"] = [(h.id, h.score) for h in ix.similar("x003", limit=0)]
        out["facets"] = ix.search("发展", facets=["date:day", "paper"]).facets
        info = ix.info()
        out["info"] = (info.articles, info.first_date, info.last_date, info.papers)
    return out


def test_an_update_answers_as_a_rebuild(kind, address, tmp_path):
    """Scores included: on Solr, with two shards of two (NRT) replicas each, whichever
    replica answers (the update's commit merges deleted documents away)."""
    layout = {"shards": 2, "replicas": 2} if kind == "solr" else {}
    src = tmp_path / "src"
    arts = corpus(3)
    write_jsonl(src / "a.jsonl", arts[:25])
    write_jsonl(src / "b.jsonl", arts[25:])
    where = address("ix")
    searcher.build_index([src], where, **layout)
    changed = corpus(4)[:10]  # the same ids with other text
    write_jsonl(src / "a.jsonl", changed + arts[10:20])
    (src / "b.jsonl").unlink()
    write_jsonl(src / "c.jsonl", corpus(5, 45)[40:])
    report = searcher.build_index([src], where)
    assert (report.rebuilt, report.added, report.updated, report.removed) == (False, 5, 10, 20)
    fresh = address("fresh")
    searcher.build_index([src], fresh, rebuild=True, **layout)
    want = _all_answers(fresh)
    for _ in range(3 if kind == "solr" else 1):  # another replica may answer each time
        assert _all_answers(where) == want


# -- the oracle -----------------------------------------------------------------------


def _beside_the_oracle(folder, where: str, name: str):
    """corpus(11) in the index at where and in the brute-force engine: both opened."""
    mp = pytest.MonkeyPatch()
    bruteforce.install(mp)
    src = write_jsonl(folder / "a.jsonl", corpus(11, 60))
    where, oracle = where or str(folder / "ix"), f"brute://{name}"
    for address in (where, oracle):
        searcher.build_index([src], address)
    with searcher.open_index(where) as ix, searcher.open_index(oracle) as br:
        yield ix, br
    mp.undo()


@pytest.fixture(scope="module")
def twin(tmp_path_factory):
    """corpus(11) in a local index and in the brute-force engine."""
    yield from _beside_the_oracle(tmp_path_factory.mktemp("twin"), "", "twin")


def _answer(ix, q: str):
    r = ix.search(q, limit=0)
    return r.total, [(h.id, h.score, h.match, h.snippets, h.title_matches) for h in r]


_PIECES = st.sampled_from(
    ["发展", "杜鹃花", "丹东", "经济", "振兴", "辽宁", "基地", "人民", "市", "的", "产业发展"]
)
_ORACLE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_QUERIES = given(
    a=_PIECES,
    b=_PIECES,
    op=st.sampled_from(
        ["{a}", '"{a}"', "{a} {b}", "{a} OR {b}", "{a} -{b}", "title:{a} {b}", "{a}{b}"]
    ),
)


def test_similar_and_facets_as_the_oracle(twin):
    local, brute = twin
    for aid in ("x000", "x013", "x042"):
        lo, br = local.similar(aid, limit=0), brute.similar(aid, limit=0)
        assert (lo.terms, [(h.id, h.score) for h in lo]) == (
            br.terms,
            [(h.id, h.score) for h in br],
        )
    for facet in ("date:year", "date:month", "date:day", "source", "paper"):
        assert (
            local.search("发展", facets=[facet]).facets
            == brute.search("发展", facets=[facet]).facets
        )


# -- Solr against the oracle: everything but the scores ----------------------------------------
#
# Solr scores with Lucene's BM25 (document lengths kept in one byte per field, an exact
# string scored as a phrase of its character bigrams), so its scores, and the order of
# articles within a tier, legitimately differ from the oracle's. Everything else must not:
# the articles found, each one's tier (word / exact / loose), the tiers in rank order, the
# snippets and highlights, the facets, similar's key terms and the articles they find.


@pytest.fixture(scope="module")
def solr_twin(solr_module_indexes, tmp_path_factory):
    """corpus(11) in a Solr collection and in the brute-force engine."""
    folder = tmp_path_factory.mktemp("solr-twin")
    yield from _beside_the_oracle(folder, solr_module_indexes("twin"), "solr-twin")


def _facts(ix, q: str):
    """What every engine must answer alike, whatever its scores."""
    r = ix.search(q, limit=0)
    by_id = {h.id: (h.match, h.snippets, h.title_matches) for h in r}
    return r.total, [h.match for h in r], by_id


@pytest.mark.parametrize(
    "pair, facts",
    [("twin", _answer), pytest.param("solr_twin", _facts, marks=pytest.mark.solr)],
    ids=["local", "solr"],
)
@_ORACLE
@_QUERIES
def test_answers_as_the_oracle(request, pair, facts, a, b, op):
    """The local engine: everything, scores included; Solr: everything but the scores."""
    engine, brute = request.getfixturevalue(pair)
    q = op.format(a=a, b=b)
    assert facts(engine, q) == facts(brute, q)


@pytest.mark.solr
def test_solr_similar_facets_and_info_as_the_oracle(solr_twin):
    solr, brute = solr_twin
    for aid in ("x000", "x013", "x042"):
        so, br = solr.similar(aid, limit=0), brute.similar(aid, limit=0)
        assert so.terms == br.terms
        assert {h.id for h in so} == {h.id for h in br}
    for facet in ("date:year", "date:month", "date:day", "source", "paper"):
        assert (
            solr.search("发展", facets=[facet]).facets
            == brute.search("发展", facets=[facet]).facets
        )
    s, b = solr.info(), brute.info()
    assert (s.articles, s.first_date, s.last_date, s.papers) == (
        b.articles,
        b.first_date,
        b.last_date,
        b.papers,
    )
