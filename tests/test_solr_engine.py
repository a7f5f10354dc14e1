"""The Solr engine: what the behaviour suite cannot see from above the interface.

Word statistics equal to the local index's, paging by cursor, proximity (NEAR) against the
oracle, odd text, the writer's lock and its recovery from a build that died, the atomic
rebuild, the collection's layout, the configset check, and every failure as one line with
exit status 2 (unreachable host, missing collection, another configset version, a timeout,
refused credentials), plus a user who may only search. Needs the test cluster
(conftest.py); the builds killed at random moments are marked slow.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time

import bruteforce
import pytest
from conftest import ENV, ROOT, SEEDS, probing, run_searcher, write_jsonl
from test_behaviour import corpus

import searcher
from searcher import engine, query, terms
from searcher.options import Filters, Page
from searcher.solr import collection, documents
from searcher.solr import engine as solr_engine
from searcher.solr.client import (
    CONFIGSET_NAME,
    SolrClient,
    configset_files,
)
from searcher.solr.lock import WriterLock

pytestmark = pytest.mark.solr


@pytest.fixture(scope="module")
def shared(solr_module_indexes, tmp_path_factory):
    """corpus(11, 60) in a local index, the brute-force engine and a Solr collection."""
    mp = pytest.MonkeyPatch()
    bruteforce.install(mp)
    src = write_jsonl(tmp_path_factory.mktemp("shared") / "a.jsonl", corpus(11, 60))
    local, solr = str(src.parent / "ix"), solr_module_indexes("shared")
    for where in (local, solr, "brute://shared"):
        searcher.build_index([src], where)
    yield local, solr
    mp.undo()


def one_line_error(r: subprocess.CompletedProcess, pattern: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert r.stdout == ""
    assert re.fullmatch(rf"Error: .*{pattern}.*\n", r.stderr), r.stderr


# -- what the engine answers ------------------------------------------------------------------


def test_word_statistics_are_the_local_index_s(shared):
    local, solr = shared
    with searcher.open_index(local) as lo, searcher.open_index(solr) as so:
        words = sorted(
            {w for t in ("发展", "杜鹃花", "经济振兴", "丹东市") for w in terms._candidates(t)}
        )
        words += ["没有这个词", "a b", ""]
        assert so.engine.word_stats(words) == lo.engine.word_stats(words)
        text = lo.article("x005").body
        assert terms.key_terms(text, so.engine.word_stats) == terms.key_terms(
            text, lo.engine.word_stats
        )


def test_every_hit_is_fetched_page_by_page(shared, monkeypatch):
    _, solr = shared
    with searcher.open_index(solr) as ix:
        whole = [(h.id, h.match) for h in ix.search("发展", limit=0)]
        top = [(h.id, h.match) for h in ix.search("发展", limit=30)]
        monkeypatch.setattr(solr_engine, "PAGE_ROWS", 7)
        monkeypatch.setattr(solr_engine, "DEEP", 5)
        requests = []
        real = ix.engine.client.select
        monkeypatch.setattr(
            ix.engine.client, "select", lambda p, **kw: requests.append(p) or real(p, **kw)
        )
        paged = ix.search("发展", limit=0, facets=["date:month"])
        assert [(h.id, h.match) for h in paged] == whole and len(whole) > 20
        assert paged.facets == ix.search("发展", facets=["date:month"]).facets
        cursors = [dict(p) for p in requests if "cursorMark" in dict(p)]
        assert len(cursors) >= len(whole) // 7 and all(int(c["rows"]) <= 7 for c in cursors)
        assert [h.id for h in ix.search("发展", limit=4, offset=9)] == [i for i, _ in top[9:13]]


def test_near_answers_as_the_oracle(shared):
    _, solr = shared
    with searcher.open_index(solr) as so, searcher.open_index("brute://shared") as br:
        cases = [("杜鹃", "丹东", 10), ("发展", "经济", 3), ("辽宁", "振兴", 0), ("花", "市", 1)]
        cases += [("的 ", "发展", 5), ("。", "，", 2)]
        for a, b, n in cases:
            for field in (None, "title"):
                left = query.Literal(a, field, quoted=True)
                right = query.Literal(b, field, quoted=True)
                node = query.And((query.Near(left, right, n), query.Literal("发展")))
                q = terms.resolve(f"{a} NEAR/{n} {b}", node, so.engine.word_stats)
                got = so.engine.search(q, Filters(), Page(limit=None))
                want = br.engine.search(q, Filters(), Page(limit=None))
                assert {m.id for m in got.page} == {m.id for m in want.page}, (a, b, n, field)
                assert got.total == want.total


def test_odd_text_is_indexed_and_found_exactly(solr_indexes, tmp_path):
    """Control characters, a NUL, tabs, full-width forms, a 9,000-character 'word' (over
    Lucene's token limit) and astral characters: exact strings as a substring scan."""
    long_word = "x" * 9000
    arts = [
        {"id": "ctl", "title": "标题\t制表", "body": "前\x00后\x01中\x1e止 空  格\r\n换行"},
        {"id": "wide", "title": "ＧＤＰ增长", "body": "１９９８年，GDP 增长３．９％。"},
        {"id": "long", "title": "", "body": f"开头 {long_word} 结尾"},
        {"id": "astral", "title": "𠀀𠀁字", "body": "𡃁仔 and 𠀀"},
        {"id": "plain", "title": "普通", "body": "普通的文章。"},
    ]
    src = write_jsonl(tmp_path / "odd" / "a.jsonl", arts)
    where, local = solr_indexes("odd"), str(tmp_path / "local")
    searcher.build_index([src], where)
    searcher.build_index([src], local)
    needles = ["前 后", "\t制", "空  格", "gdp", "1998年", "3.9%", "𠀀", "𠀀𠀁", "x" * 20, "开头 x"]
    needles += ["格\r", "and 𠀀", "普通"]
    with searcher.open_index(where) as so, searcher.open_index(local) as lo:
        for n in needles:
            q = '"' + n + '"'
            assert {h.id for h in so.search(q, limit=0)} == {h.id for h in lo.search(q, limit=0)}, n
        assert so.article("ctl").body == arts[0]["body"]
        assert [h.id for h in so.search(long_word[:1000], limit=0)] == ["long"]


# -- writing ------------------------------------------------------------------------------------


def test_a_second_writer_is_refused_and_a_dead_one_blocks_nothing(solr_indexes, tmp_path):
    where = solr_indexes("lock")
    src = write_jsonl(tmp_path / "src" / "a.jsonl", corpus(2, 10)).parent
    searcher.build_index([src], where)
    client = SolrClient(where)
    name = collection.find(client).name
    held = WriterLock(client.on(name))
    assert held.acquire(wait=False, on_wait=None) is None
    try:
        r = run_searcher("index", "-i", where, "--no-wait", env=ENV)
        one_line_error(r, r"another 'searcher index' \(pid \d+ on .*\) is writing")
    finally:
        held.release()
    # a writer that died on this machine: its pid is gone, its lock is taken over at once
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], text=True,
                          capture_output=True).stdout.strip()  # fmt: skip
    lock = {"id": documents.LOCK_ID, "kind": "lock", "holder_s": f"pid {dead} on x",
            "host_s": held.host, "pid_l": int(dead), "start_l": 1, "started_s": "then",
            "expires_l": int((time.time() + 600) * 1000)}  # fmt: skip
    client.on(name).update([lock])
    write_jsonl(tmp_path / "src" / "b.jsonl", [{"id": "new", "body": "新的文章。"}])
    r = run_searcher("index", "-i", where, "--no-wait", env=ENV)
    assert r.returncode == 0, r.stderr
    assert f"an earlier 'searcher index' (pid {dead} on x, started then) did not finish" in r.stderr
    with searcher.open_index(where) as ix:
        assert ix.info().articles == 11


def test_rebuild_switches_atomically_and_keeps_the_replaced_generation_one_build(
    solr_indexes, tmp_path
):
    where = solr_indexes("swap")
    old = write_jsonl(tmp_path / "old" / "a.jsonl", corpus(2, 30))
    new = write_jsonl(tmp_path / "new" / "a.jsonl", corpus(3, 45))
    searcher.build_index([old], where, shards=2, replicas=1)
    client = SolrClient(where)
    with searcher.open_index(where) as ix:
        before = ix.search("的", limit=0).total
    with searcher.open_index(where) as ix:  # opened before: it keeps answering

        def probe() -> tuple[int, int]:
            with searcher.open_index(where) as fresh:  # the alias as it is now
                now = fresh.search("的", limit=0, snippets=False).total
            return ix.search("的", limit=0, snippets=False).total, now

        seen, errors = probing(probe, lambda: searcher.build_index([new], where, rebuild=True))
    with searcher.open_index(where) as ix:
        after = ix.search("的", limit=0).total
    assert errors == [] and before != after
    assert {old for old, _ in seen} == {before} and {now for _, now in seen} == {before, after}
    gens = collection.generations(client, client.collection)
    assert sorted(gens) == [1, 2] and client.resolve() == gens[2]  # the replaced one is kept
    searcher.build_index([new], where)  # the next build removes it
    assert sorted(collection.generations(client, client.collection)) == [2]


def test_layout_of_a_new_collection(solr_indexes, tmp_path):
    where = solr_indexes("layout")
    r = run_searcher("index", str(SEEDS), "-i", where, "--shards", "2", "--replicas", "2",
                     "--json", env=ENV)  # fmt: skip
    assert r.returncode == 0, r.stderr
    client = SolrClient(where)
    assert collection.shape(client, client.resolve()) == (2, 2)
    r = run_searcher("index", str(SEEDS), "-i", where, "--rebuild", "--shards", "1", env=ENV)
    assert r.returncode == 0, r.stderr
    assert collection.shape(client, client.resolve()) == (1, 2)  # replicas as before
    r = run_searcher("index", str(SEEDS), "-i", str(tmp_path / "ix"), "--shards", "2", env=ENV)
    assert r.returncode == 2 and "apply to a SolrCloud collection" in r.stderr


def test_the_readme_solrcloud_commands_find_what_the_local_index_finds(solr_base, tmp_path):
    """The README's three commands (start, index seeds/, search), on the test cluster."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("### Try it on a local cluster") :]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = [c for c in block.splitlines() if c.strip() and not c.startswith("#")]
    assert len(commands) <= 3 and commands[0].startswith("scripts/solrcloud start")
    address = f"{solr_base}t{os.getpid()}_readme"
    local = str(tmp_path / "local")
    try:
        for cmd in commands[1:]:
            words = re.sub(r"\s+#.*", "", cmd).split()
            assert words[0] == "searcher"
            args = [address if w.startswith("solr://") else w for w in words[1:]]
            r = run_searcher(*args, "--json", cwd=ROOT, env=ENV)
            assert r.returncode == 0, r.stderr
            r_local = run_searcher(*[local if w == address else w for w in args], "--json",
                                   cwd=ROOT, env=ENV)  # fmt: skip
            if args[0] == "search":
                hits = [json.loads(x) for x in r.stdout.splitlines()]
                hits_local = [json.loads(x) for x in r_local.stdout.splitlines()]
                assert [h.get("id") for h in hits] == [h.get("id") for h in hits_local]
                assert len(hits) > 1
    finally:
        from conftest import drop_solr_index

        drop_solr_index(address)


# -- one line, exit 2 ------------------------------------------------------------------------


def test_unreachable_missing_and_timeout_are_one_line(solr_base):
    one_line_error(run_searcher("search", "发展", "-i", "solr://127.0.0.1:1/x", env=ENV),
                   "cannot reach Solr at solr://127.0.0.1:1/: connection refused")  # fmt: skip
    one_line_error(run_searcher("info", "-i", f"{solr_base}no_such_collection", env=ENV),
                   "no collection 'no_such_collection'")  # fmt: skip
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    try:
        port = silent.getsockname()[1]
        env = {**ENV, "SEARCHER_SOLR_TIMEOUT": "1"}
        one_line_error(run_searcher("search", "发展", "-i", f"solr://127.0.0.1:{port}/x", env=env),
                       "did not answer within 1 s")  # fmt: skip
    finally:
        silent.close()


def test_another_configset_version_is_refused_with_what_to_do(solr_base, solr_indexes):
    client = SolrClient(solr_base, timeout=300)
    files = dict(configset_files())
    files["schema.xml"] = files["schema.xml"].replace(
        f'name="{CONFIGSET_NAME}"'.encode(), b'name="searcher-1"'
    )
    old = client.upload_configset("searcher-test-v1", files, overwrite=True)
    where = solr_indexes("v1")
    name = SolrClient(where).collection
    client.create_collection(name, shards=1, configset=old)
    for verb in (["search", "发展"], ["info"], ["index", str(SEEDS)]):
        one_line_error(run_searcher(*verb, "-i", where, env=ENV),
                       r"made with configset version 1, this searcher uses version \d+ \(rebuild it")  # fmt: skip
    one_line_error(run_searcher("index", "--rebuild", str(SEEDS), "-i", where, env=ENV),
                   "cannot be rebuilt in place with another configset: delete it")  # fmt: skip


def test_credentials_refused_and_a_user_who_may_only_search(solr_secured, tmp_path):
    where = f"solr://{solr_secured}/renmin"
    reader = {**ENV, "SEARCHER_SOLR_USER": "reader", "SEARCHER_SOLR_PASSWORD": "r34d"}
    nobody = {k: v for k, v in ENV.items() if not k.startswith("SEARCHER_SOLR_")}
    one_line_error(run_searcher("search", "发展", "-i", where, env=nobody),
                   r"refused the credentials \(401\); it needs some")  # fmt: skip
    r = run_searcher("search", "x", "-i", f"solr://admin:wrong@{solr_secured}/renmin", env=nobody)
    one_line_error(r, "refused the credentials .* of user 'admin'")
    assert "wrong" not in r.stderr
    with_password = f"solr://admin:s3cret@{solr_secured}/renmin"
    r = run_searcher("index", str(SEEDS), "-i", with_password, "--rebuild", "--json", env=nobody)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["path"] == f"solr://admin@{solr_secured}/renmin"
    for verb in (["info"], ["info", "--json"], ["search", "杜鹃花"], ["show", "nope"]):
        r = run_searcher(*verb, "-i", with_password, env=nobody)
        assert "s3cret" not in r.stdout + r.stderr and r.returncode in (0, 1), verb
    try:
        r = run_searcher("search", "杜鹃花", "-i", where, "--json", env=reader)
        assert r.returncode == 0 and json.loads(r.stdout.splitlines()[-1])["total"] == 1
        hit = json.loads(r.stdout.splitlines()[0])["id"]
        for verb in (["info"], ["show", hit], ["similar", hit]):
            assert run_searcher(*verb, "-i", where, env=reader).returncode == 0, verb
        one_line_error(run_searcher("index", str(SEEDS), "-i", where, env=reader),
                       "does not allow user 'reader' to do this")  # fmt: skip
        # a user who may update documents, not create collections: keeps it current
        editor = {**ENV, "SEARCHER_SOLR_USER": "editor", "SEARCHER_SOLR_PASSWORD": "3d1t"}
        allow_editor(f"solr://admin:s3cret@{solr_secured}/")
        more = write_jsonl(tmp_path / "more" / "a.jsonl", [{"id": "n1", "body": "杜鹃花又开了。"}])
        r = run_searcher("index", str(SEEDS), str(more.parent), "-i", where, env=editor)
        assert r.returncode == 0, r.stderr
        r = run_searcher("search", "杜鹃花", "-c", "-i", where, env=reader)
        assert r.stdout == "2\n"
        one_line_error(run_searcher("index", "--rebuild", "-i", where, env=editor),
                       "does not allow user 'editor' to do this")  # fmt: skip
    finally:
        from conftest import drop_solr_index

        drop_solr_index(f"solr://admin:s3cret@{solr_secured}/renmin")


def allow_editor(admin_address: str) -> None:
    """Add the user editor:3d1t, who may search and update documents (Solr's update
    permission) but not create or delete collections (the Security API). The update
    permission comes before the admin's "all": the first that matches a request decides,
    so the admin keeps it too."""
    admin = SolrClient(admin_address)
    for path, command in (
        ("/admin/authentication", {"set-user": {"editor": "3d1t"}}),
        ("/admin/authorization", {"set-user-role": {"editor": ["reader", "editor"]}}),
        (
            "/admin/authorization",
            {"set-permission": {"name": "update", "role": ["admin", "editor"], "before": 4}},
        ),
    ):
        admin.request(path, body=json.dumps(command).encode())
    time.sleep(2)  # the nodes pick the new security.json up from ZooKeeper


# -- a build killed at any moment ----------------------------------------------------------------

KILLED = """
import sys
from searcher.solr import writer
writer.BATCH_DOCS = 4  # many small requests: a kill lands in the middle of sending
from searcher import cli
sys.argv = ["searcher", *sys.argv[1:]]
cli.main()
"""


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_old_or_new_and_the_next_completes(
    solr_indexes, tmp_path
):
    rng = random.Random(5)
    src = tmp_path / "src"
    before = corpus(8, 120)
    write_jsonl(src / "a.jsonl", before[:60])
    write_jsonl(src / "b.jsonl", before[60:])
    where = solr_indexes("killed")
    searcher.build_index([src], where, shards=2, replicas=1)
    after = corpus(9, 130)  # the same ids, other text, and ten more
    write_jsonl(src / "a.jsonl", after[:70])
    write_jsonl(src / "c.jsonl", after[70:])
    (src / "b.jsonl").unlink()
    old = {a["id"]: a["body"] for a in before}
    new = {a["id"]: a["body"] for a in after}
    for delay in [rng.uniform(0.5, 4.0) for _ in range(4)]:
        p = subprocess.Popen([sys.executable, "-c", KILLED, "index", "-i", where], env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        SolrClient(where).on(SolrClient(where).resolve()).commit()  # what it sent, visible
        with searcher.open_index(where) as ix:
            for h in ix.search("的", limit=0, snippets=False):
                body = ix.article(h.id).body
                assert body in (old.get(h.id), new.get(h.id)), h.id
            found = {h.id for h in ix.search("的", limit=0, snippets=False)}
        having = {i for i in old if "的" in old[i]} & {i for i in new if "的" in new[i]}
        assert having <= found  # no article of both versions is missing
    report = searcher.build_index(None, where)
    fresh = solr_indexes("fresh")
    searcher.build_index([src], fresh, shards=2, replicas=1)
    with searcher.open_index(where) as ix, searcher.open_index(fresh) as fx:
        assert ix.info().articles == fx.info().articles == len(new) == report.articles
        for q in ("的", "发展", '"杜鹃花"', "经济 OR 振兴"):
            got = [(h.id, h.score, h.match, h.snippets) for h in ix.search(q, limit=0)]
            assert got == [(h.id, h.score, h.match, h.snippets) for h in fx.search(q, limit=0)]


def test_engine_dispatch_needs_no_solr_for_local_indexes():
    assert not engine.is_remote("index/articles") and engine.is_remote("solr://h/c")
