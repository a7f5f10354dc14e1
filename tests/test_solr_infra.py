"""The SolrCloud mechanisms the Solr engine is built on, proven on a running cluster.

Each test states one mechanism (exact substring by bigram phrase, ranking tiers by sorting on
function queries, proximity by span queries, collection-wide BM25, cursor paging, term
statistics, alias switch, a writer lock with optimistic concurrency, a shard without a live
replica) and checks it against a plain Python computation over generated documents, on a
collection of two shards. scripts/solr/NOTES.md says what was learned.

Needs a cluster: `scripts/solrcloud start` (address from SEARCHER_SOLR_TEST, default
solr://127.0.0.1:8983/); without one every test is skipped with the reason (a failure with
SEARCHER_SOLR_REQUIRED=1, see conftest.py). The fault test
kills and restarts a node through scripts/solrcloud (its folder: SEARCHER_SOLRCLOUD_DIR or the
default); the credentials test starts its own one-node cluster with a password on port 18993
(SEARCHER_SOLR_TEST_AUTH_PORT) and stops it.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
import uuid
from xml.sax.saxutils import escape

import pytest
from conftest import SOLRCLOUD, probing

from searcher.solr.client import (
    CONFIGSET_NAME,
    ConfigsetMismatch,
    SolrAuthError,
    SolrClient,
    SolrConflict,
    SolrError,
    SolrNotFound,
    SolrUnavailable,
    SolrUnreachable,
    configset_files,
    configset_upload_name,
    parse_address,
)

pytestmark = pytest.mark.solr

SCRIPT = SOLRCLOUD


@pytest.fixture(scope="module")
def solr(solr_base) -> SolrClient:
    client = SolrClient(solr_base, timeout=120)
    client.discover()  # so that a test can stop the address's node
    client.ensure_configset()
    return client


@pytest.fixture(scope="module")
def collections(solr):
    """make(shards=2, replicas=1, ...) -> a client on a new collection, deleted afterwards."""
    made: list[str] = []

    def make(shards: int = 2, replicas: int = 1, **kw) -> SolrClient:
        name = f"t_{uuid.uuid4().hex[:10]}"
        solr.create_collection(name, shards=shards, replicas=replicas, **kw)
        made.append(name)
        return solr.on(name)

    yield make
    for name in made:
        try:
            solr.delete_collection(name)
        except SolrError as e:  # a node may be down after the fault test
            print(f"could not delete {name}: {e}", file=sys.stderr)


def article(id_: str, title: str, body: str, words_title=None, words_body=None, **extra) -> dict:
    """A document as the engine will send it (words given, or one per character here)."""
    return {
        "id": id_,
        "kind": "article",
        "title": title,
        "body": body,
        "title_fold": title,
        "body_fold": body,
        "title_w": " ".join(words_title if words_title is not None else title.split()),
        "body_w": " ".join(words_body if words_body is not None else body.split()),
        "chars": len(title) + len(body),
        **extra,
    }


def exact_params(needle: str, fields=("title", "body")) -> dict:
    """An exact string: a term over characters (1) or a phrase over bigrams (2 or more),
    in any of the fields, analysed as the field is (configset 2 maps space and control
    characters in the character fields, so a raw {!term} would miss them). (A query that
    starts with {!parser v=$p} is that parser's alone: text after the closing brace is
    ignored, so alternatives go through {!bool}.)"""
    kind = "c1" if len(needle) == 1 else "c2"
    out = {"p": needle, "q": " ".join(f"should=$x_{f}" for f in fields).join(["{!bool ", "}"])}
    out.update({f"x_{f}": f"{{!field f={f}_{kind} v=$p}}" for f in fields})
    return out


def ids(client: SolrClient, params: dict) -> list[str]:
    return [d["id"] for d in client.docs({**params, "fl": "id", "sort": "id asc"}, rows=500)]


# -- addresses (no cluster needed) -------------------------------------------------------------


def test_address_forms_and_credentials_never_shown():
    a = parse_address("solr://127.0.0.1:8983/news", env={})
    assert (a.base_url, a.collection, a.user) == ("http://127.0.0.1:8983/solr", "news", "")
    a = parse_address("solrs://reader:s%40cret@solr.example.org/search/solr/news", env={})
    assert a.base_url == "https://solr.example.org:443/search/solr"
    assert (a.user, a.password, a.collection) == ("reader", "s@cret", "news")
    assert "cret" not in a.display and "cret" not in repr(a) and "cret" not in str(a)
    assert a.display == "solrs://reader@solr.example.org:443/search/solr/news"
    env = {"SEARCHER_SOLR_USER": "u", "SEARCHER_SOLR_PASSWORD": "pw"}
    a = parse_address("solr://h:1/c", env=env)
    assert (a.user, a.password) == ("u", "pw")
    assert parse_address("solr://h:1/", env={}).collection == ""
    for bad in ("http://h/c", "solr:///c", "solr://h:x/c", "solr://h/c?x=1", "solr://h/c d"):
        with pytest.raises(SolrError, match=r"bad|collection name"):
            parse_address(bad, env={})
    with pytest.raises(SolrError) as e:
        parse_address("solr://u:topsecret@h:x/c", env={})
    assert "topsecret" not in str(e.value)


def test_unreachable_host_is_one_line():
    client = SolrClient("solr://127.0.0.1:1/c", timeout=3)
    with pytest.raises(SolrUnreachable, match="connection refused") as e:
        client.select({"q": "*:*"})
    assert "\n" not in str(e.value)


def test_configset_is_shipped_in_the_package():
    files = configset_files()
    assert set(files) >= {"solrconfig.xml", "schema.xml"}
    assert f'name="{CONFIGSET_NAME}"'.encode() in files["schema.xml"]
    assert configset_upload_name().startswith(CONFIGSET_NAME + "-")


# -- the configset ---------------------------------------------------------------------------


def test_configset_version_read_back(solr, collections):
    c = collections(shards=1)
    assert c.schema_name() == CONFIGSET_NAME
    c.check_configset()
    with pytest.raises(SolrNotFound, match="no collection"):
        solr.on("no_such_collection").schema_name()
    other = dict(configset_files())
    other["schema.xml"] = other["schema.xml"].replace(
        f'name="{CONFIGSET_NAME}"'.encode(), b'name="searcher-0"'
    )
    old = solr.upload_configset(files=other, overwrite=True)
    c0 = collections(shards=1, configset=old)
    with pytest.raises(ConfigsetMismatch, match="version 0, this searcher uses version"):
        c0.check_configset()


# -- exact substrings ------------------------------------------------------------------------

ALPHABET = "鞍山市北大荒学的，。 \n"


def generated(n: int, seed: int, alphabet: str = ALPHABET, longest: int = 40) -> list[dict]:
    rnd = random.Random(seed)
    docs = []
    for i in range(n):
        title = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 8)))
        body = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest)))
        docs.append(article(f"d{i:04d}", title, body))
    return docs


def test_exact_substring_equals_python_scan(collections):
    c = collections()
    docs = generated(400, seed=11)
    docs.append(article("anshan", "鞍山市", "我在鞍山市工作"))
    c.add(docs)
    c.commit()
    rnd = random.Random(12)
    needles = {"山市", "山", " ", "\n", "，。", "市 北", "。\n", "鞍山市北大荒学"}
    for d in rnd.sample(docs, 60):
        text = d["body"]
        if text:
            i = rnd.randrange(len(text))
            needles.add(text[i : i + rnd.randint(1, 5)])
    for needle in sorted(needles):
        want = sorted(d["id"] for d in docs if needle in d["title"] or needle in d["body"])
        got = ids(c, exact_params(needle))
        assert got == want, repr(needle)
    assert "anshan" in ids(c, exact_params("山市"))


# -- ranking tiers ---------------------------------------------------------------------------


def test_ranking_tiers_by_sort_on_function_queries(collections):
    c = collections()
    c.add(
        [
            article(
                "word",
                "考上了北大",
                "他 考上 了 北大",
                ["考上", "了", "北大"],
                ["他", "考上", "了", "北大"],
            ),
            article("inside", "北大荒", "北大荒 的 春天", ["北大荒"], ["北大荒", "的", "春天"]),
            article("apart", "北方 大学", "北方 的 大学", ["北方", "大学"], ["北方", "的", "大学"]),
            article(
                "both",
                "北大 招生",
                "北大 招生 北大荒",
                ["北大", "招生"],
                ["北大", "招生", "北大荒"],
            ),
            article("none", "天气", "晴", ["天气"], ["晴"]),
        ]
        + [article(f"pad{i}", "其他", f"填充 {i}") for i in range(20)]  # spread over both shards
    )
    c.commit()
    params = {
        "e1": "北大",  # the literal, folded
        "w1": "北大",  # its words (one word here), as a phrase over the word fields
        "exact1": "{!bool should=$e1t should=$e1b}",
        "e1t": "{!field f=title_c2 v=$e1}",
        "e1b": "{!field f=body_c2 v=$e1}",
        "word1": "{!bool should=$w1t should=$w1b}",
        "w1t": "{!field f=title_w v=$w1}",
        "w1b": "{!field f=body_w v=$w1}",
        "q": "{!bool should=$exact1 should=$word1 should=$loose}",
        "loose": "title_w:北方 OR body_w:大学",
        "sort": "sum(exists(query($exact1))) desc, sum(exists(query($word1))) desc,"
        " score desc, id asc",
        "fl": "id,score,exact1:exists(query($exact1)),word1:exists(query($word1)),[shard]",
    }
    docs = c.select(params)["response"]["docs"]
    order = [d["id"] for d in docs]
    tiers = {d["id"]: (d["exact1"], d["word1"]) for d in docs}
    assert order[2:] == ["inside", "apart"]  # exact inside a word, then words apart
    assert set(order[:2]) == {"word", "both"}
    assert tiers == {
        "word": (True, True),
        "both": (True, True),
        "inside": (True, False),
        "apart": (False, False),
    }
    assert len({d["[shard]"] for d in docs}) == 2  # answered by both shards


# -- proximity -------------------------------------------------------------------------------


def near_xml(a: str, b: str, n: int, field: str = "body_c1") -> str:
    """A within n characters of B, either order, overlaps included: an unordered SpanNear
    of two exact strings (each an ordered SpanNear of its characters, slop 0)."""

    def side(s: str) -> str:
        if len(s) == 1:
            return f"<SpanTerm>{escape(s)}</SpanTerm>"
        terms = "".join(f"<SpanTerm>{escape(ch)}</SpanTerm>" for ch in s)
        return f'<SpanNear slop="0" inOrder="true">{terms}</SpanNear>'

    return f'<SpanNear fieldName="{field}" slop="{n}" inOrder="false">{side(a)}{side(b)}</SpanNear>'


def near_python(text: str, a: str, b: str, n: int) -> bool:
    """Some A and some B at most n characters apart (end of one to start of the other),
    or overlapping."""
    starts_a = [i for i in range(len(text)) if text.startswith(a, i)]
    starts_b = [j for j in range(len(text)) if text.startswith(b, j)]
    return any(max(j - (i + len(a)), i - (j + len(b))) <= n for i in starts_a for j in starts_b)


def test_proximity_by_unordered_span_near(collections):
    c = collections()
    alphabet = "甲乙丙丁，"
    docs = generated(300, seed=21, alphabet=alphabet, longest=30)
    c.add(docs)
    c.commit()
    rnd = random.Random(22)
    cases = [("甲乙", "乙丙", 0), ("甲", "甲", 0), ("甲乙丙", "乙", 2), ("丁", "甲乙", 3)]
    for _ in range(40):
        a = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3)))
        b = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 3)))
        cases.append((a, b, rnd.randint(0, 6)))
    for a, b, n in cases:
        want = sorted(d["id"] for d in docs if near_python(d["body"], a, b, n))
        got = ids(c, {"q": "{!xmlparser v=$x}", "x": near_xml(a, b, n)})
        assert got == want, (a, b, n)


# -- collection-wide statistics --------------------------------------------------------------


def test_score_does_not_depend_on_the_shard(solr, collections):
    """ExactStatsCache: BM25 over the whole collection's statistics. Two collections hold
    the same articles, the measured one on shard a in one and on shard b in the other; the
    same with each shard's own statistics (the configset without statsCache) differs."""
    rnd = random.Random(31)
    # shard a's articles are long and full of 甲, shard b's short and without it
    heavy = [
        article(f"a{i:03d}", "", " ".join(rnd.choice("甲乙") for _ in range(30))) for i in range(40)
    ]
    light = [
        article(f"b{i:03d}", "", " ".join(rnd.choice("丙丁") for _ in range(5))) for i in range(40)
    ]
    target = article("target", "", "甲 乙 甲 丙")
    files = dict(configset_files())
    files["solrconfig.xml"] = files["solrconfig.xml"].replace(
        b'<statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>', b""
    )
    local_stats = solr.upload_configset("searcher-test-localstats", files, overwrite=True)
    scores = {}
    for config in (None, local_stats):
        for where in ("a", "b"):
            c = collections(
                configset=config,
                extra={"router.name": "implicit", "shards": "a,b", "numShards": None},
            )
            c.update(heavy, params={"_route_": "a"})
            c.update(light, params={"_route_": "b"})
            c.update([target], params={"_route_": where})
            c.commit()
            q = {"q": "body_w:甲 body_w:丙", "fl": "id,score,[shard]", "rows": 100}
            docs = c.select(q)["response"]["docs"]
            (hit,) = [d for d in docs if d["id"] == "target"]
            assert hit["[shard]"].endswith(f"_{where}_replica_n1/") or where in hit["[shard]"]
            scores[config, where] = hit["score"]
    assert scores[None, "a"] == pytest.approx(scores[None, "b"], rel=1e-6)
    assert scores[local_stats, "a"] != pytest.approx(scores[local_stats, "b"], rel=1e-2)


def test_updated_collection_ranks_as_rebuilt_after_expunge_deletes(collections):
    """NRT replicas build their own segments, so before deleted documents are merged away
    two replicas of a shard hold different statistics and the same request scores
    differently depending on the replica that answers. commit(expungeDeletes) with
    forceMergeDeletesPctAllowed=0 (the configset's) removes every deleted document: the
    updated collection then scores exactly as one rebuilt from the final articles. (A
    segment with over 20% deleted documents is merged anyway, TieredMergePolicy's
    deletesPctAllowed: the update here stays below that.)"""
    rnd = random.Random(51)
    vocab = [f"w{i}" for i in range(200)]
    weights = [1 / (i + 1) for i in range(200)]

    def doc(i: int) -> dict:
        return article(
            f"u{i:04d}", "", " ".join(rnd.choices(vocab, weights, k=rnd.randint(10, 80)))
        )

    initial = [doc(i) for i in range(600)]
    final = {d["id"]: d for d in initial}
    for i in rnd.sample(range(600), 60):  # under 20% deleted: no merge removes them
        final[f"u{i:04d}"] = doc(i)
    gone = rnd.sample(sorted(final), 10)
    for k in gone:
        del final[k]
    rebuilt, updated = collections(replicas=2), collections(replicas=2)
    rebuilt.add(sorted(final.values(), key=lambda d: d["id"]))
    rebuilt.commit()
    updated.add(initial)
    updated.commit()
    updated.add(d for d in final.values() if d not in initial)
    updated.delete_ids(gone)
    updated.commit()
    queries = [" OR ".join(f"body_w:{w}" for w in rnd.sample(vocab[:100], 3)) for _ in range(10)]

    def ranking(c: SolrClient) -> list:
        return [
            [(d["id"], round(d["score"], 5)) for d in c.select(
                {"q": q, "fl": "id,score", "rows": 30, "sort": "score desc, id asc"}
            )["response"]["docs"]]
            for q in queries
        ]  # fmt: skip

    want = ranking(rebuilt)
    assert ranking(updated) != want  # deleted documents still in the statistics
    updated.commit(expunge_deletes=True)
    for _ in range(4):  # whichever replica answers
        got = ranking(updated)
        diff = [(q, a, b) for q, x, y in zip(queries, got, want) for a, b in zip(x, y) if a != b]
        assert got == want, diff[:3]


def test_facets_filters_and_date_sort(collections):
    c = collections()
    rows = [("2022-01-12", "辽宁日报"), ("2022-01-30", "辽宁日报"), ("2022-02-01", "人民日报"),
            ("1998-01-05", "人民日报"), ("", "人民日报")]  # fmt: skip
    c.add(
        article(f"f{i}", "", "经济 发展", source=f"{paper} {date}", paper=paper,
                **({"date": date, "year": date[:4], "month": date[:7]} if date else {}))
        for i, (date, paper) in enumerate(rows)
    )  # fmt: skip
    c.commit()
    facets = c.facets(
        "body_w:经济",
        {
            "month": {"type": "terms", "field": "month", "limit": -1, "sort": "index asc",
                      "facet": {"chars": "sum(chars)"}},
            "paper": {"type": "terms", "field": "paper", "limit": -1},
        },
    )  # fmt: skip
    assert [(b["val"], b["count"], b["chars"]) for b in facets["month"]["buckets"]] == [
        ("1998-01", 1, 5.0),
        ("2022-01", 2, 10.0),
        ("2022-02", 1, 5.0),
    ]
    assert {b["val"]: b["count"] for b in facets["paper"]["buckets"]} == {
        "人民日报": 3,
        "辽宁日报": 2,
    }
    since = {"q": "body_w:经济", "fq": "date:[2022-01-13 TO 2022-12-31]", "fl": "id"}
    assert [d["id"] for d in c.select(since)["response"]["docs"]] == ["f1", "f2"]
    for order, want in (
        ("asc", ["f3", "f0", "f1", "f2", "f4"]),
        ("desc", ["f2", "f1", "f0", "f3", "f4"]),
    ):
        got = c.select({"q": "body_w:经济", "sort": f"date {order}, id asc", "fl": "id"})
        assert [d["id"] for d in got["response"]["docs"]] == want  # undated last both ways


# -- paging, terms ---------------------------------------------------------------------------


def test_cursor_pages_every_hit_once(collections):
    c = collections()
    c.add(article(f"p{i:05d}", "标题", f"正文 {i % 7}") for i in range(2345))
    c.commit()
    pages = list(c.cursor({"q": "body_w:正文", "fl": "id", "sort": "score desc, id asc"}, rows=100))
    got = [d["id"] for p in pages for d in p["response"]["docs"]]
    assert len(got) == len(set(got)) == 2345 == pages[0]["response"]["numFound"]
    with pytest.raises(SolrError, match="sort that ends on"):
        next(c.cursor({"q": "*:*", "sort": "score desc"}))
    c.delete_query("body_w:0")  # every seventh
    c.commit(optimize=True)
    assert c.select({"q": "*:*", "rows": 0})["response"]["numFound"] == 2345 - 335


def test_terms_statistics_across_shards_and_deleted_documents(collections):
    c = collections()
    rnd = random.Random(41)
    vocab = ["经济", "发展", "北大", "3,000", "c#"]
    docs = [
        article(
            f"t{i:03d}", "", "", words_body=[rnd.choice(vocab) for _ in range(rnd.randint(1, 9))]
        )
        for i in range(200)
    ]
    c.add(docs)
    c.commit()

    def python_stats(ds):
        out = {}
        for w in vocab:
            df = sum(1 for d in ds if w in d["body_w"].split())
            ttf = sum(d["body_w"].split().count(w) for d in ds)
            if df:
                out[w] = (df, ttf)
        return out

    assert c.terms("body_w", [*vocab, "没有"]) == python_stats(docs)
    gone = [d for d in docs if "北大" in d["body_w"].split()][:5]
    c.delete_ids(d["id"] for d in gone)
    c.commit()
    live = [d for d in docs if d not in gone]
    assert c.terms("body_w", vocab) == python_stats(docs)  # deleted still counted
    c.commit(expunge_deletes=True)
    assert c.terms("body_w", vocab) == python_stats(live)  # merged away


# -- alias switch, lock, manifest --------------------------------------------------------------


def test_alias_switch_is_atomic_for_searchers(solr, collections):
    old, new = collections(), collections()
    old.add([article(f"old{i}", "", "旧 版本") for i in range(50)])
    new.add([article(f"new{i}", "", "新 版本") for i in range(70)])
    old.commit()
    new.commit()
    alias = f"a_{uuid.uuid4().hex[:8]}"
    solr.create_alias(alias, old.collection)
    via = solr.on(alias)
    seen, errors = probing(
        lambda: via.select({"q": "body_w:版本", "rows": 0})["response"]["numFound"],
        lambda: solr.create_alias(alias, new.collection),  # replaces the alias in one step
    )
    try:
        assert errors == []
        assert seen == {50, 70}
        assert solr.resolve(alias) == new.collection
        assert via.schema_name() == CONFIGSET_NAME  # the schema, through the alias
        assert via.terms("body_w", ["新"]) == {"新": (70, 70)}
    finally:
        solr.delete_alias(alias)


def test_writer_lock_by_optimistic_concurrency(collections):
    meta = collections(shards=1)
    lock = {"id": "lock:news", "kind": "lock", "holder_s": "host-a pid 1", "expires_l": 100}
    meta.add([{**lock, "_version_": -1}])  # -1: only if absent
    with pytest.raises(SolrConflict):
        meta.add([{**lock, "holder_s": "host-b pid 2", "_version_": -1}])
    (held,) = meta.get(["lock:news"])  # real-time get: no commit needed
    assert held["holder_s"] == "host-a pid 1"
    version = held["_version_"]
    # b sees it expired and takes it over, conditional on the version it read
    meta.add([{**lock, "holder_s": "host-b pid 2", "expires_l": 200, "_version_": version}])
    with pytest.raises(SolrConflict):  # a's renewal with its old version fails
        meta.add([{**lock, "expires_l": 300, "_version_": version}])
    (held,) = meta.get(["lock:news"])
    assert held["holder_s"] == "host-b pid 2"
    with pytest.raises(SolrConflict):
        meta.delete_ids(["lock:news"], version=version)
    meta.delete_ids(["lock:news"], version=held["_version_"])  # release
    assert meta.get(["lock:news"]) == []


def test_source_manifest_as_documents(collections):
    """A manifest of source files as one small document per file, read back by cursor."""
    meta = collections(shards=1)
    n = 20_000
    files = (
        {"id": f"file:{i:07d}", "kind": "file", "path_s": f"papers/{i // 1000}/{i}.txt",
         "sha256_s": f"{i:064x}", "size_l": i * 10, "articles_i": i % 30}
        for i in range(n)
    )  # fmt: skip
    began = time.monotonic()
    meta.add(files, batch_docs=5000)
    meta.commit()
    wrote = time.monotonic() - began
    began = time.monotonic()
    back = list(meta.docs({"q": "kind:file", "fl": "id,sha256_s", "sort": "id asc"}, rows=5000))
    read = time.monotonic() - began
    assert len(back) == n and back[123]["sha256_s"] == f"{123:064x}"
    print(f"manifest of {n} files: written in {wrote:.1f} s, read in {read:.1f} s")


# -- errors ----------------------------------------------------------------------------------


def test_missing_collection_and_bad_request_are_one_line(solr):
    c = solr.on("no_such_collection")
    for call in (lambda: c.select({"q": "*:*"}), lambda: c.add([{"id": "x"}])):
        with pytest.raises(SolrNotFound, match="no collection 'no_such_collection'") as e:
            call()
        assert "\n" not in str(e.value)
    with pytest.raises(SolrError) as e:
        solr.admin("CLUSTERSTATUS", {"collection": "no_such_collection"})
    assert "\n" not in str(e.value)


@pytest.fixture(scope="module")
def secured(solr_secured) -> str:
    return solr_secured


def test_credentials_from_address_or_environment_refused_is_one_line(secured, monkeypatch):
    monkeypatch.delenv("SEARCHER_SOLR_USER", raising=False)
    monkeypatch.delenv("SEARCHER_SOLR_PASSWORD", raising=False)
    with pytest.raises(SolrAuthError, match=r"refused the credentials \(401\); it needs some"):
        SolrClient(f"solr://{secured}/").live_nodes()
    with pytest.raises(SolrAuthError, match="of user 'admin'") as e:
        SolrClient(f"solr://admin:wrong@{secured}/").live_nodes()
    assert "wrong" not in str(e.value) and "\n" not in str(e.value)
    admin = SolrClient(f"solr://admin:s3cret@{secured}/news")
    admin.create_collection("news", shards=1)  # an authenticated upload: a trusted configset
    admin.add([article("x", "标题", "正文 内容")])
    admin.commit()
    monkeypatch.setenv("SEARCHER_SOLR_USER", "reader")
    monkeypatch.setenv("SEARCHER_SOLR_PASSWORD", "r34d")
    reader = SolrClient(f"solr://{secured}/news")  # credentials from the environment
    assert reader.address.display == f"solr://reader@{secured}/news"
    assert reader.select({"q": "body_w:正文"})["response"]["numFound"] == 1
    reader.check_configset()
    assert reader.terms("body_w", ["内容"]) == {"内容": (1, 1)}
    assert reader.discover() == [f"http://{secured}/solr"]  # may not list nodes: keeps its own
    with pytest.raises(SolrAuthError, match="does not allow user 'reader'"):
        reader.add([article("y", "", "")])
    admin.delete_collection("news")


# -- a shard without a live replica (stops a node; runs last) --------------------------------


def status() -> dict:
    out = subprocess.run([sys.executable, str(SCRIPT), "status", "--json"], capture_output=True,
                         text=True, timeout=60)  # fmt: skip
    return json.loads(out.stdout)


def test_shard_without_live_replica_is_an_error_never_a_partial_answer(solr, collections):
    try:
        nodes = status()["nodes"]
    except (ValueError, OSError, subprocess.SubprocessError):
        pytest.skip("the cluster was not started by scripts/solrcloud (its pids are unknown)")
    if len(nodes) < 2 or any(n["state"] != "up" for n in nodes):
        pytest.skip(f"needs 2 live nodes of scripts/solrcloud, status: {nodes}")
    single, double = collections(shards=2, replicas=1), collections(shards=2, replicas=2)
    for c in (single, double):
        c.add(article(f"k{i:03d}", "", "数据") for i in range(100))
        c.commit()
    # the node holding shard2 of the one-replica collection
    shard = solr.cluster_status(single.collection)["collections"][single.collection]["shards"]
    node = next(iter(shard["shard2"]["replicas"].values()))["node_name"]
    victim = next(n for n in nodes if f":{n['port']}_" in node)
    os.kill(victim["pid"], 9)
    try:
        deadline = time.monotonic() + 60
        while f"127.0.0.1:{victim['port']}_solr" in solr.live_nodes():
            assert time.monotonic() < deadline, "the killed node stayed in live_nodes"
            time.sleep(0.5)
        q = {"q": "body_w:数据", "rows": 0}
        with pytest.raises(SolrUnavailable, match="shard shard2 has no live replica") as e:
            single.select(q)
        assert e.value.shards == ["shard2"]
        with pytest.raises(SolrUnavailable, match="partial answer"):
            single.select({**q, "shards.tolerant": "true"})
        partial = single.select({**q, "shards.tolerant": "true"}, allow_partial=True)
        assert partial["responseHeader"]["partialResults"] is True
        assert 0 < partial["response"]["numFound"] < 100
        # every shard of the two-replica collection still has a live replica: complete
        assert double.select(q)["response"]["numFound"] == 100
    finally:
        subprocess.run([sys.executable, str(SCRIPT), "start"], capture_output=True, timeout=300)
    assert single.select({"q": "body_w:数据", "rows": 0})["response"]["numFound"] == 100
