"""The engine-independent behaviour suite: what a user relies on, on every engine.

Each test runs once per engine behind ``searcher.engine``: the local Whoosh
index, and the brute-force scan of ``bruteforce.py`` (the oracle); a SolrCloud
leg joins where a cluster runs. The truth is always computed here, by a plain
scan of the articles the test wrote.
"""

from __future__ import annotations

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

ENGINES = ["local", "brute"]


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
    return request.param


@pytest.fixture
def address(kind, tmp_path):
    """address(name) -> where the engine under test keeps an index of that name."""

    def make(name: str = "ix") -> str:
        return str(tmp_path / name) if kind == "local" else f"brute://{tmp_path}/{name}"

    return make


@pytest.fixture
def built(address, tmp_path):
    """An index of corpus(7) on the engine under test, and its articles."""
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


def test_an_update_answers_as_a_rebuild(address, tmp_path):
    src = tmp_path / "src"
    arts = corpus(3)
    write_jsonl(src / "a.jsonl", arts[:25])
    write_jsonl(src / "b.jsonl", arts[25:])
    where = address("ix")
    searcher.build_index([src], where)
    changed = corpus(4)[:10]  # the same ids with other text
    write_jsonl(src / "a.jsonl", changed + arts[10:20])
    (src / "b.jsonl").unlink()
    write_jsonl(src / "c.jsonl", corpus(5, 45)[40:])
    report = searcher.build_index([src], where)
    assert (report.rebuilt, report.added, report.updated, report.removed) == (False, 5, 10, 20)
    fresh = address("fresh")
    searcher.build_index([src], fresh, rebuild=True)
    assert _all_answers(where) == _all_answers(fresh)


# -- the oracle -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def twin(tmp_path_factory):
    """corpus(11) in a local index and in the brute-force engine."""
    mp = pytest.MonkeyPatch()
    bruteforce.install(mp)
    src = write_jsonl(tmp_path_factory.mktemp("twin") / "a.jsonl", corpus(11, 60))
    local = str(src.parent / "ix")
    searcher.build_index([src], local)
    searcher.build_index([src], "brute://twin")
    with searcher.open_index(local) as lo, searcher.open_index("brute://twin") as br:
        yield lo, br
    mp.undo()


def _answer(ix, q: str):
    r = ix.search(q, limit=0)
    return r.total, [(h.id, h.score, h.match, h.snippets, h.title_matches) for h in r]


_PIECES = st.sampled_from(
    ["发展", "杜鹃花", "丹东", "经济", "振兴", "辽宁", "基地", "人民", "市", "的", "产业发展"]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    a=_PIECES,
    b=_PIECES,
    op=st.sampled_from(
        ["{a}", '"{a}"', "{a} {b}", "{a} OR {b}", "{a} -{b}", "title:{a} {b}", "{a}{b}"]
    ),
)
def test_the_local_engine_answers_as_the_oracle(twin, a, b, op):
    local, brute = twin
    q = op.format(a=a, b=b)
    assert _answer(local, q) == _answer(brute, q)


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
