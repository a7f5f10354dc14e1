"""Faults of the cluster: nodes killed (SIGKILL) under searches and updates.

On the test cluster of scripts/solrcloud (2 nodes; its folder from SEARCHER_SOLRCLOUD_DIR
or the default), with collections of 2 shards:

- 2 replicas each, a node killed while searches run: every search keeps returning the
  complete answer (every shard still has a live replica);
- 2 replicas each, a node killed during an update: the update completes or fails with one
  line, and a re-run completes with every article present;
- 1 replica each, the node of shard2 killed: a search is one line naming the shard, exit
  2, never a partial answer.

The killed node is restarted with `scripts/solrcloud start` after each test. Slow (each
kill waits for the cluster to notice, about 15 s, and the restart about 20 s).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from conftest import ENV, SOLRCLOUD, no_solr, run_searcher, write_jsonl
from test_behaviour import corpus

import searcher
from searcher.solr.client import SolrClient

pytestmark = [pytest.mark.solr, pytest.mark.slow]

QUERIES = ["的", "发展", '"杜鹃花"', "经济 OR 振兴", "辽宁 -丹东"]


def cluster(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SOLRCLOUD), *args], capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def nodes(solr_base) -> list[dict]:
    """The test cluster's nodes (port, pid), all up; restarted after the test."""
    try:
        state = json.loads(cluster("status", "--json").stdout)
    except ValueError:
        no_solr("the test cluster was not started by scripts/solrcloud (its pids are unknown)")
    up = [n for n in state["nodes"] if n["state"] == "up"]
    if len(up) < 2 or f":{up[0]['port']}/" not in solr_base:
        no_solr(f"needs 2 live nodes of scripts/solrcloud serving {solr_base}: {state['nodes']}")
    yield up
    r = cluster("start")
    assert r.returncode == 0, r.stderr


def kill(node: dict, ask: dict | None = None) -> None:
    """SIGKILL a node; with ask (another node), wait until the cluster no longer counts it
    live (its ZooKeeper session has ended)."""
    os.kill(node["pid"], signal.SIGKILL)
    if ask is not None:
        client = SolrClient(f"solr://127.0.0.1:{ask['port']}/")
        name = f"127.0.0.1:{node['port']}_solr"
        deadline = time.monotonic() + 90
        while name in client.live_nodes():
            assert time.monotonic() < deadline, "the killed node stayed in live_nodes"
            time.sleep(0.5)


def answers(ix) -> dict:
    return {q: [h.id for h in ix.search(q, limit=0, snippets=False)] for q in QUERIES}


def both_nodes(address: str, ports: list[int]) -> str:
    """The address naming every node: solr://127.0.0.1:P1,127.0.0.1:P2/COLLECTION."""
    hosts = ",".join(f"127.0.0.1:{p}" for p in ports)
    return f"solr://{hosts}/{address.rsplit('/', 1)[1]}"


def test_searches_stay_complete_while_a_node_is_killed(solr_indexes, nodes, solr_base, tmp_path):
    src = write_jsonl(tmp_path / "src" / "a.jsonl", corpus(12, 200))
    where = solr_indexes("searching")
    searcher.build_index([src], where, shards=2, replicas=2)
    with searcher.open_index(where) as ix:
        want = answers(ix)
    cli = both_nodes(where, [n["port"] for n in nodes])
    wrong, errors, done, stop = [], [], [0], threading.Event()

    def loop() -> None:
        with searcher.open_index(where) as ix:  # knows both nodes from the start
            while not stop.is_set():
                try:
                    got = answers(ix)
                except searcher.SearcherError as e:
                    errors.append(str(e))
                    continue
                done[0] += 1
                if got != want:
                    wrong.append(got)

    threads = [threading.Thread(target=loop) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        time.sleep(2)
        kill(nodes[0])  # the node of the address itself
        began = time.monotonic()
        while time.monotonic() - began < 25:  # across the moment the cluster notices
            r = run_searcher("search", "发展", "-n", "0", "-l", "-i", cli, env=ENV)
            assert r.returncode == 0 and r.stdout.split() == want["发展"], r.stderr
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == [] and wrong == [] and done[0] > 10


KILLABLE = """
import sys
from searcher.solr import writer
writer.BATCH_DOCS = 5  # many small requests: the update is still sending when the node dies
from searcher import cli
sys.argv = ["searcher", *sys.argv[1:]]
cli.main()
"""


def test_an_update_survives_a_node_killed_or_fails_in_one_line(
    solr_indexes, nodes, solr_base, tmp_path
):
    src = tmp_path / "src"
    write_jsonl(src / "a.jsonl", corpus(13, 300))
    where = solr_indexes("updating")
    searcher.build_index([src], where, shards=2, replicas=2)
    final = corpus(14, 360)  # every article changed, 60 more
    write_jsonl(src / "a.jsonl", final)
    p = subprocess.Popen([sys.executable, "-c", KILLABLE, "index", "-i", where], env=ENV,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    time.sleep(1.5)
    kill(nodes[1])
    _, err = p.communicate(timeout=600)
    assert p.returncode in (0, 2), err
    if p.returncode == 2:
        assert err.count("\n") == 1 and err.startswith("Error: "), err
    print(f"the update {'completed' if p.returncode == 0 else 'failed: ' + err.strip()}")
    r = cluster("start")
    assert r.returncode == 0, r.stderr
    r = run_searcher("index", "-i", where, env=ENV)
    assert r.returncode == 0, r.stderr
    with searcher.open_index(where) as ix:
        assert ix.info().articles == len(final)
        for a in final:
            assert ix.article(a["id"]).body == a["body"]


def test_a_shard_without_a_live_replica_is_named_never_partial(
    solr_indexes, nodes, solr_base, tmp_path
):
    src = write_jsonl(tmp_path / "src" / "a.jsonl", corpus(15, 100))
    where = solr_indexes("single")
    searcher.build_index([src], where, shards=2, replicas=1)
    client = SolrClient(where)
    name = client.resolve()
    shard2 = client.cluster_status(name)["collections"][name]["shards"]["shard2"]
    node_name = next(iter(shard2["replicas"].values()))["node_name"]
    victim = next(n for n in nodes if f":{n['port']}_" in node_name)
    other = next(n for n in nodes if n is not victim)
    kill(victim, ask=other)
    address = f"solr://127.0.0.1:{other['port']}/{where.rsplit('/', 1)[1]}"
    for verb in (["search", "发展"], ["search", "发展", "-c"], ["info"]):
        r = run_searcher(*verb, "-i", address, env=ENV)
        assert (r.returncode, r.stdout) == (2, ""), (verb, r.stdout, r.stderr)
        assert r.stderr.count("\n") == 1 and "shard shard2 has no live replica" in r.stderr, (
            r.stderr
        )
