"""The engine-independent behaviour suite: what a user relies on, on every engine.

Each test runs once per engine behind ``searcher.engine``: the local Whoosh
index, the brute-force scan of ``bruteforce.py`` (the oracle) and a SolrCloud
collection (where the test cluster runs, see conftest.py). The truth is always
computed here, by a plain scan of the articles the test wrote.
"""

from __future__ import annotations

import csv
import fnmatch
import io
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
        occ = list(ix.engine.occurrences(term, searcher.Filters(), context=3))
        # Issue 12: offsets into the folded text; leftmost, not overlapping.
        want = sorted(
            (a["id"], f, m.start(), a["date"], m.string[max(0, m.start() - 3) : m.start()])
            for a in arts
            for f in ("title", "body")
            for m in re.finditer("发展", analysis.fold(a[f]))
        )
        assert [(o.id, o.field, o.start, o.date, o.left) for o in occ] == want
        folded = {a["id"]: {f: analysis.fold(a[f]) for f in ("title", "body")} for a in arts}
        assert all(folded[o.id][o.field][o.start + 2 :].startswith(o.right) for o in occ)
        assert all(len(o.right) <= 3 for o in occ)
        for o in ix.engine.occurrences(Term("发展", ("title",)), searcher.Filters()):
            assert (o.field, o.left, o.right) == ("title", "", "")
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


def two_files(address, tmp_path, **layout) -> tuple:
    """corpus(3) in two source files, indexed: (sources folder, articles, index)."""
    src = tmp_path / "src"
    arts = corpus(3)
    write_jsonl(src / "a.jsonl", arts[:25])
    write_jsonl(src / "b.jsonl", arts[25:])
    where = address("ix")
    searcher.build_index([src], where, **layout)
    return src, arts, where


def test_an_update_answers_as_a_rebuild(kind, address, tmp_path):
    """Scores included: on Solr, with two shards of two (NRT) replicas each, whichever
    replica answers (the update's commit merges deleted documents away)."""
    layout = {"shards": 2, "replicas": 2} if kind == "solr" else {}
    src, arts, where = two_files(address, tmp_path, **layout)
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
    # 400 articles: a common word's postings span several of Whoosh's blocks (128 each)
    src = write_jsonl(folder / "a.jsonl", corpus(11, 400))
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


# -- issue 12: proximity ----------------------------------------------------------------


def pair_scan(arts: list[dict], a: str, b: str, n: int, field: str | None = None) -> set[str]:
    """Articles where a and b stand within n characters in one field: every pair of
    occurrences (overlapping ones too) compared, in the folded text."""
    fa, fb = analysis.fold(a), analysis.fold(b)
    out = set()
    for art in arts:
        for f in [field] if field else ["title", "body"]:
            text = analysis.fold(art[f])
            lefts = [i for i in range(len(text)) if text.startswith(fa, i)]
            rights = [j for j in range(len(text)) if text.startswith(fb, j)]
            if any(max(j - (i + len(fa)), i - (j + len(fb))) <= n for i in lefts for j in rights):
                out.add(art["id"])
    return out


def test_near_on_the_seed_page_equals_a_pair_scan(address):
    from searcher.corpus import read_sources

    got, _ = read_sources([SEEDS])
    arts = [{"id": a.id, "title": a.title, "body": a.body} for a in got]
    where = address("seed")
    searcher.build_index([SEEDS], where)
    pairs = [("杜鹃花", "丹东"), ("发展", "产业"), ("辽宁", "振兴"), ("的", "发展"), ("村", "花")]
    with searcher.open_index(where) as ix:
        for a, b in pairs:
            for n in (0, 1, 3, 10, 50):
                want = pair_scan(arts, a, b, n)
                assert set(ids(ix.search(f"{a} NEAR/{n} {b}", limit=0))) == want, (a, b, n)
                assert set(ids(ix.search(f"{b} NEAR/{n} {a}", limit=0))) == want
                title = pair_scan(arts, a, b, n, "title")
                assert set(ids(ix.search(f"title:({a} NEAR/{n} {b})", limit=0))) == title
        near = ix.search("杜鹃花 NEAR/5 丹东", limit=0)
        assert near.total and all(h.match in ("word", "exact") for h in near)
        marked = {s.text[x:y] for h in near for s in h.snippets for x, y in s.matches}
        assert {"杜鹃花", "丹东"} <= marked  # highlights show both ends


_NEAR_TEXT = st.text(alphabet="甲乙丙丁。 \n", max_size=40)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(st.tuples(_NEAR_TEXT, _NEAR_TEXT), min_size=1, max_size=6),
    a=st.text(alphabet="甲乙丙丁", min_size=1, max_size=3),
    b=st.text(alphabet="甲乙丙丁", min_size=1, max_size=3),
    n=st.integers(0, 6),
    field=st.sampled_from([None, "title", "body"]),
)
def test_near_equals_a_pair_scan_on_generated_texts(address, tmp_path, texts, a, b, n, field):
    arts = [{"id": f"g{i}", "title": t, "body": body or "。"} for i, (t, body) in enumerate(texts)]
    where = address("gen")
    searcher.build_index([write_jsonl(tmp_path / "gen" / "a.jsonl", arts)], where, rebuild=True)
    q = f"{a} NEAR/{n} {b}" if field is None else f"{field}:({a} NEAR/{n} {b})"
    with searcher.open_index(where) as ix:
        assert set(ids(ix.search(q, limit=0))) == pair_scan(arts, a, b, n, field), q
        assert set(ids(ix.search(f"-({q})", limit=0))) == {x["id"] for x in arts} - pair_scan(
            arts, a, b, n, field
        )


# -- issue 12: trend ----------------------------------------------------------------------

# Known counts per month: 改革开放 in 2 of 4 articles in January (one in the title only;
# a third holds 改革 and 开放 apart and must not count), none in February (a gap),
# 1 of 3 in March, 0 of 2 in April; an undated article holding it counts nowhere.
TREND_ARTICLES = [
    ("t01", "1998-01-03", "人民日报 1998-01-03 第1版", "", "坚持改革开放，经济发展。"),
    ("t02", "1998-01-09", "人民日报 1998-01-09 第2版", "改革开放二十年", "回顾。"),
    ("t03", "1998-01-20", "辽宁日报 1998-01-20", "", "改革不停，开放扩大，经济向好。"),
    ("t04", "1998-01-31", "辽宁日报 1998-01-31", "", "农业丰收。"),
    ("t05", "1998-03-01", "人民日报 1998-03-01 第4版", "", "经济改革开放的新阶段。"),
    ("t06", "1998-03-15", "辽宁日报 1998-03-15", "", "冬季冰雪旅游。"),
    ("t07", "1998-03-15", "人民日报 1998-03-15 第3版", "", "经济数据发布，经济增长。"),
    ("t08", "1998-04-02", "人民日报 1998-04-02 第1版", "", "春耕开始。"),
    ("t09", "1998-04-30", "辽宁日报 1998-04-30", "", "五一假期安排。"),
    ("t10", "", "人民日报", "", "改革开放是强国之路。"),
]


@pytest.fixture
def trend_index(address, tmp_path):
    arts = [
        {"id": i, "date": d, "source": s, "title": t, "body": b} for i, d, s, t, b in TREND_ARTICLES
    ]
    where = address("trend")
    searcher.build_index([write_jsonl(tmp_path / "trend" / "a.jsonl", arts)], where)
    return where, arts


def trend_truth(arts, needle, width, keep=lambda a: True):
    """Per period: (matching articles, articles, characters), by a plain scan."""
    out: dict[str, list[int]] = {}
    for a in arts:
        if not a["date"] or not keep(a):
            continue
        cell = out.setdefault(a["date"][:width], [0, 0, 0])
        cell[0] += needle in analysis.fold(a["title"]) or needle in analysis.fold(a["body"])
        cell[1] += 1
        cell[2] += len(a["title"]) + len(a["body"])
    return out


def test_trend_counts_every_period_and_leaves_gaps(trend_index):
    where, arts = trend_index
    with searcher.open_index(where) as ix:
        t = ix.trend(["改革开放", "经济"])
    assert (t.by, t.per, t.smooth) == ("month", "articles", 1)  # Jan..Apr: by month
    assert t.periods == ["1998-01", "1998-02", "1998-03", "1998-04"]
    assert [(p.period, p.query) for p in t.points] == [
        (m, q) for m in t.periods for q in ("改革开放", "经济")
    ]
    got = {(p.query, p.period): (p.count, p.total, p.chars, p.rate) for p in t.points}
    assert got[("改革开放", "1998-01")][:2] == (2, 4)  # known counts
    assert got[("改革开放", "1998-02")] == (0, 0, 0, None)  # a gap, not a zero
    assert got[("改革开放", "1998-03")][:2] == (1, 3)
    assert got[("改革开放", "1998-04")][:2] == (0, 2) and got[("改革开放", "1998-04")][3] == 0
    for q in ("改革开放", "经济"):
        truth = trend_truth(arts, q, 7)
        for p in t.periods:
            count, total, chars = truth.get(p, (0, 0, 0))
            rate = count / total * 10_000 if total else None
            assert got[(q, p)] == (count, total, chars, rate), (q, p)


@pytest.mark.parametrize("by, width", [("year", 4), ("month", 7), ("day", 10)])
@pytest.mark.parametrize("per", ["articles", "chars", "none"])
def test_trend_rates_are_count_over_denominator(trend_index, by, width, per):
    where, arts = trend_index
    keep = lambda a: "人民日报" in a["source"] and a["date"] >= "1998-01-05"  # noqa: E731
    with searcher.open_index(where) as ix:
        t = ix.trend("经济", by=by, per=per, since="1998-01-05", source="人民日报")
    truth = trend_truth(arts, "经济", width, keep)
    assert t.periods[0] == min(truth) and t.periods[-1] == max(truth)
    for p in t.points:
        count, total, chars = truth.get(p.period, (0, 0, 0))
        assert (p.count, p.total, p.chars) == (count, total, chars)
        if per == "articles":
            assert p.rate == (count / total * 10_000 if total else None)
        elif per == "chars":
            assert p.rate == (count / chars * 1_000_000 if chars else None)
        else:
            assert p.rate == (float(count) if total else None)


def test_trend_smoothing_is_a_centred_moving_average_over_the_periods(trend_index):
    where, _ = trend_index
    with searcher.open_index(where) as ix:
        raw = ix.trend("经济", by="day", per="none").series("经济")
        sm = ix.trend("经济", by="day", per="none", smooth=3).series("经济")
    rates = [p.rate for p in raw]
    for i, p in enumerate(sm):
        assert p.rate == rates[i]
        window = [r for r in rates[max(0, i - 1) : i + 2] if r is not None]
        assert p.smoothed == (None if rates[i] is None else sum(window) / len(window))


def test_trend_takes_every_string_exactly_with_operators(trend_index):
    where, arts = trend_index
    with searcher.open_index(where) as ix:
        t = ix.trend(
            ["改革 开放", "改革开放 -经济", "title:改革开放", "经济 NEAR/2 增长"], by="year"
        )
    counts = {p.query: p.count for p in t.points}
    dated = [a for a in arts if a["date"]]
    assert counts["改革 开放"] == len(scan(dated, "改革") & scan(dated, "开放")) == 4
    assert counts["改革开放 -经济"] == len(scan(dated, "改革开放") - scan(dated, "经济")) == 1
    assert counts["title:改革开放"] == 1
    assert counts["经济 NEAR/2 增长"] == len(pair_scan(dated, "经济", "增长", 2)) == 1


# -- issue 12: kwic -----------------------------------------------------------------------


def occurrence_scan(arts, needle: str, field: str | None = None):
    """(id, field, folded start, folded text) of every occurrence, as str.count counts them."""
    out = []
    for a in sorted(arts, key=lambda a: a["id"]):
        for f in [field] if field else ["title", "body"]:
            text = analysis.fold(a[f])
            i = text.find(needle)
            while i >= 0:
                out.append((a["id"], f, i, text))
                i = text.find(needle, i + len(needle))
    return out


@pytest.mark.parametrize("needle", ["发展", "的", "产业发展", "哈哈"])
def test_kwic_has_a_line_per_occurrence_of_a_plain_scan(address, tmp_path, needle):
    arts = corpus(7) + [{"id": "z1", "title": "哈哈哈", "body": "哈哈哈哈哈，发展", "date": ""}]
    where = address()
    searcher.build_index([write_jsonl(tmp_path / "k" / "a.jsonl", arts)], where)
    by_id = {a["id"]: a for a in arts}
    truth = occurrence_scan(arts, needle)
    with searcher.open_index(where) as ix:
        conc = ix.kwic(needle, limit=0, width=6)
        assert ix.kwic(needle, limit=3).total == len(truth)
    assert conc.total == len(conc.lines) == len(truth)
    assert conc.articles == len({t[0] for t in truth})
    for line in conc.lines:
        text = by_id[line.id][line.field]
        assert analysis.fold(line.match) == needle
        assert text[line.offset : line.offset + len(line.match)] == line.match
        assert line.left == text[max(0, line.offset - 6) : line.offset]
        assert line.right == text[line.offset + len(line.match) :][:6]
    if needle == "哈哈":  # not overlapping: 2 in the body's 5, 1 in the title's 3
        assert [x.field for x in conc.lines if x.id == "z1"] == ["title", "body", "body"]


def _original(arts, article_id, field, start):
    a = next(a for a in arts if a["id"] == article_id)
    _, starts = analysis.fold_with_offsets(a[field])
    return analysis.to_original(starts, start, start + 1)[0]


def test_kwic_sorts_by_left_and_right_context_as_a_concordancer(built):
    where, arts = built
    w = 4
    truth = occurrence_scan(arts, "发展")
    n = len("发展")
    left = sorted(truth, key=lambda t: (t[3][max(0, t[2] - w) : t[2]][::-1], t[3][t[2] + n :][:w]))
    right = sorted(truth, key=lambda t: (t[3][t[2] + n :][:w], t[3][max(0, t[2] - w) : t[2]][::-1]))
    with searcher.open_index(where) as ix:
        for order, want in (("left", left), ("right", right)):
            conc = ix.kwic("发展", width=w, sort=order, limit=0)
            got = [(x.id, x.field, x.offset) for x in conc]
            assert got == [(i, f, _original(arts, i, f, s)) for i, f, s, _ in want], order
        dated = ix.kwic("发展", sort="date", limit=0)
        dates = [x.date for x in dated]
        assert [d for d in dates if d] == sorted(d for d in dates if d)
        assert dates[len([d for d in dates if d]) :] == [""] * dates.count("")
        ranked = [h.id for h in ix.search('"发展"', limit=0)]
        by_score = list(dict.fromkeys(x.id for x in ix.kwic("发展", sort="score", limit=0)))
        assert by_score == ranked
        assert len(ix.kwic("发展", limit=5)) == 5


def test_kwic_filters_and_fields(built):
    where, arts = built
    keep = [a for a in arts if a["date"] and a["date"] >= "1998-02-01" and "辽宁" in a["source"]]
    with searcher.open_index(where) as ix:
        conc = ix.kwic("发展", limit=0, since="1998-02-01", source="辽宁")
        assert conc.total == len(occurrence_scan(keep, "发展"))
        titles = ix.kwic("title:发展", limit=0)
        assert {x.field for x in titles} <= {"title"}
        assert titles.total == len(occurrence_scan(arts, "发展", "title"))
        with pytest.raises(searcher.QueryError, match="one string"):
            ix.kwic("发展 经济")


# -- issue 12: export ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "q", ["发展", '"杜鹃花"', "经济 OR 振兴", "发展 -经济", "丹东 NEAR/20 发展"]
)
def test_export_has_a_row_per_match_of_search(built, q):
    where, _ = built
    count = CliRunner().invoke(cli.main, ["search", q, "-c", "-i", where])
    r = CliRunner().invoke(cli.main, ["export", q, "-i", where])
    assert r.exit_code == (0 if int(count.stdout) else 1), r.stderr
    assert r.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(r.stdout[1:], newline="")))
    assert len(rows) == int(count.stdout)
    with searcher.open_index(where) as ix:
        assert [row["id"] for row in rows] == [h.id for h in ix.search(q, limit=0)]
    assert r.stderr.startswith("provenance: ") and r.stderr.count("\n") == 1


def test_export_rows_carry_metadata_and_citations(built):
    where, arts = built
    by_id = {a["id"]: a for a in arts}
    with searcher.open_index(where) as ix:
        export = ix.export("发展", full_text=True)
        rows = list(export)
    assert export.total == len(rows) and export.provenance.total == len(rows)
    kinds = set()
    for row in rows:
        a = by_id[row.id]
        assert (row.title, row.author, row.date, row.source, row.text) == (
            a["title"],
            a["author"],
            a["date"],
            a["source"],
            a["body"],
        )
        kinds.add((bool(a["author"]), "版" in a["source"], bool(a["title"])))
        title = a["title"] or a["body"][:20]
        assert row.citation.startswith(f"{a['author']}. {title}" if a["author"] else title)
        assert "[N]." in row.citation and row.citation.endswith(".")
        if "版" in a["source"]:
            assert row.citation.endswith(f"({row.page}).") and row.page.isdigit()
        assert "发展" in row.snippet or "发展" in row.title
    assert len(kinds) >= 4  # with and without author, page and title


# -- issue 12: snapshots --------------------------------------------------------------------

VIEW_COMMANDS = [
    ["search", "发展", "--json", "-n", "0"],
    ["search", "杜鹃花 OR 丹东", "--json", "--facet", "date:month"],
    ["similar", "x003", "--json", "-n", "0"],
    ["show", "x001", "x012", "--json", "--query", "发展"],
    ["info", "--json"],
    ["trend", "发展", "经济", "--json", "--by", "month"],
    ["kwic", "发展", "--json", "-n", "0", "--sort", "left"],
    ["export", "发展", "--format", "jsonl", "--full-text"],
]
_VOLATILE = {"elapsed_ms", "exported", "path", "index", "snapshot"}


def _answers(where: str) -> list:
    def steady(obj):
        if isinstance(obj, dict):
            return {k: steady(v) for k, v in obj.items() if k not in _VOLATILE}
        return obj

    out = []
    for cmd in VIEW_COMMANDS:
        r = CliRunner().invoke(cli.main, [*cmd, "-i", where])
        assert r.exit_code == 0 and r.stdout, (cmd, r.stderr)
        out.append([steady(json.loads(line)) for line in r.stdout.splitlines()])
    return out


def test_a_snapshot_answers_as_before_an_update(kind, address, tmp_path):
    src, arts, where = two_files(address, tmp_path)
    if kind == "solr":  # a SolrCloud collection keeps no snapshots: one line says so
        for cmd in (["snapshot", "thesis-2026"], ["search", "发展"]):
            at = where if cmd[0] == "snapshot" else f"{where}@thesis-2026"
            r = CliRunner().invoke(cli.main, [*cmd, "-i", at])
            assert r.exit_code == 2 and r.stderr.count("\n") == 1, r.stderr
            assert "snapshots" in r.stderr
        return
    before = _answers(where)
    r = CliRunner().invoke(cli.main, ["snapshot", "thesis-2026", "-i", where])
    assert r.exit_code == 0 and r.stdout.startswith("thesis-2026\t"), r.stderr
    assert _answers(f"{where}@thesis-2026") == before
    for round_ in range(3):  # changed, removed and added articles, several generations on
        write_jsonl(src / "a.jsonl", corpus(10 + round_)[:10] + arts[10:20])
        (src / "b.jsonl").unlink(missing_ok=True)
        searcher.build_index([src], where)
    assert _answers(where) != before
    assert _answers(f"{where}@thesis-2026") == before
    listed = CliRunner().invoke(cli.main, ["snapshot", "--list", "-i", where, "--json"])
    (snap,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (snap["name"], snap["address"]) == ("thesis-2026", f"{where}@thesis-2026")
    with searcher.open_index(f"{where}@thesis-2026") as ix:
        assert ix.export("发展").provenance.snapshot == "thesis-2026"
    r = CliRunner().invoke(cli.main, ["snapshot", "--drop", "thesis-2026", "-i", where])
    assert r.exit_code == 0, r.stderr
    r = CliRunner().invoke(cli.main, ["search", "发展", "-i", f"{where}@thesis-2026"])
    assert r.exit_code == 2 and "no snapshot 'thesis-2026'" in r.stderr
    assert r.stderr.count("\n") == 1
