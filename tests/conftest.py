"""Shared fixtures: indexes built from the project's seeds/ and from articles the tests write."""

from __future__ import annotations

import ctypes
import functools
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import searcher
from searcher.stopping import STOP_SIGNALS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# For searcher subprocesses: this checkout's package, installed or not.
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# The keys of a hit in the JSON output (version 1): all there is.
HIT_KEYS = {
    "type",
    "rank",
    "id",
    "title",
    "date",
    "source",
    "score",
    "snippets",
    "author",
    "match",
    "title_matches",
}

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_file_override() -> None:
    """In a child about to exec: give up root's power to ignore file permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_searcher(*args: str, permissions: bool = False, **kw) -> subprocess.CompletedProcess:
    """Run the searcher command in a fresh process; text output captured.

    With permissions=True file modes are enforced even when the tests run as
    root (as CI machines often do): the child drops the capabilities that let
    root read a mode-000 file or write into a read-only folder.
    """
    if permissions and os.geteuid() == 0:
        kw["preexec_fn"] = _drop_file_override
    return subprocess.run(
        [sys.executable, "-m", "searcher", *args], capture_output=True, text=True, **kw
    )


@functools.cache
def permissions_enforceable() -> bool:
    """Does run_searcher(permissions=True) really keep a mode-000 file unreadable here?"""
    with tempfile.TemporaryDirectory() as d:
        locked = Path(d) / "locked"
        locked.write_text("x")
        locked.chmod(0)
        try:
            r = subprocess.run(
                [sys.executable, "-c", f"open({str(locked)!r}).read()"],
                preexec_fn=_drop_file_override if os.geteuid() == 0 else None,
                capture_output=True,
            )
        except (OSError, subprocess.SubprocessError):
            return False
        return r.returncode != 0


@pytest.fixture(scope="session")
def permissions_enforced() -> None:
    """Skip unless run_searcher(permissions=True) really enforces file modes here."""
    if not permissions_enforceable():
        pytest.skip("file modes cannot be enforced here (root without CAP_SETPCAP)")


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    """Write articles as JSON Lines, filling in the fields a test leaves out."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for i, a in enumerate(articles, 1):
            full = {"id": f"a{i:03d}", "title": "", "date": "1998-01-01", "source": "测试报", **a}
            f.write(json.dumps(full, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(autouse=True)
def _keep_ctrl_c():
    """`searcher index` run in-process ignores Ctrl-C and SIGTERM once its build is
    complete; undo that."""
    handlers = [signal.getsignal(stop) for stop in STOP_SIGNALS]
    yield
    for stop, handler in zip(STOP_SIGNALS, handlers):
        signal.signal(stop, handler)


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("seed") / "index"
    report = searcher.build_index([SEEDS], path)
    assert report.articles == 7 and not report.problems
    return str(path)


@pytest.fixture
def make_index(tmp_path):
    """make_index([{title, body, ...}, ...]) -> path of a built index."""

    def make(articles: list[dict], name: str = "index") -> str:
        src = write_jsonl(tmp_path / f"{name}-src" / "articles.jsonl", articles)
        path = tmp_path / name
        searcher.build_index([src], path)
        return str(path)

    return make


# -- SolrCloud ---------------------------------------------------------------------------------
#
# The Solr tests run against a cluster of scripts/solrcloud (address: SEARCHER_SOLR_TEST,
# default solr://127.0.0.1:8983/). Without one they are skipped with the reason; with
# SEARCHER_SOLR_REQUIRED=1 (as .ci/run sets) a skipped Solr test is a failure instead.

SOLR_TEST = os.environ.get("SEARCHER_SOLR_TEST", "solr://127.0.0.1:8983/")
SOLR_REQUIRED = os.environ.get("SEARCHER_SOLR_REQUIRED") == "1"
SOLRCLOUD = ROOT / "scripts" / "solrcloud"


def no_solr(reason: str):
    """Skip a Solr test here; fail it where the Solr leg must run."""
    if SOLR_REQUIRED:
        pytest.fail(f"{reason} (SEARCHER_SOLR_REQUIRED=1: the Solr tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def solr_base() -> str:
    """The test cluster's address without a collection (solr://HOST:PORT/), or skip."""
    from searcher.solr.client import SolrClient, SolrError

    client = SolrClient(SOLR_TEST, timeout=60)
    try:
        nodes = client.live_nodes()
    except SolrError as e:
        no_solr(f"no SolrCloud at {SOLR_TEST}: {e}")
    if len(nodes) < 2:
        no_solr(f"SolrCloud at {SOLR_TEST} has {len(nodes)} live node(s); the tests need 2")
    return client.address.with_collection("").display


def drop_solr_index(address: str) -> None:
    """Remove what searcher made for an address: its alias and its generations."""
    from searcher.solr import collection
    from searcher.solr.client import SolrClient, SolrError

    try:
        collection.remove(SolrClient(address, timeout=300))
    except SolrError as e:  # a node may be down after a fault test
        print(f"could not remove {address}: {e}", file=sys.stderr)


class SolrIndexes:
    """name() -> the address of a new index on the test cluster; all removed by drop()."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.made: list[str] = []

    def __call__(self, name: str = "ix") -> str:
        import uuid

        address = f"{self.base}t{uuid.uuid4().hex[:8]}_{name}"
        self.made.append(address)
        return address

    def drop(self) -> None:
        for address in self.made:
            drop_solr_index(address)


@pytest.fixture
def solr_indexes(solr_base):
    made = SolrIndexes(solr_base)
    yield made
    made.drop()


@pytest.fixture(scope="module")
def solr_module_indexes(solr_base):
    made = SolrIndexes(solr_base)
    yield made
    made.drop()


@pytest.fixture(scope="session")
def solr_secured(tmp_path_factory):
    """A one-node cluster of scripts/solrcloud that requires a password: an administrator
    (admin:s3cret) and a reader who may only search (reader:r34d). Its HOST:PORT."""
    folder = tmp_path_factory.mktemp("secured")
    port = int(os.environ.get("SEARCHER_SOLR_TEST_AUTH_PORT", "18993"))
    run = subprocess.run(
        [sys.executable, str(SOLRCLOUD), "start", "--nodes", "1", "--port", str(port),
         "--dir", str(folder), "--auth", "admin:s3cret", "--reader", "reader:r34d"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if run.returncode != 0:
        no_solr(f"cannot start a cluster with a password: {run.stderr.strip()[-300:]}")
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([sys.executable, str(SOLRCLOUD), "stop", "--dir", str(folder), "--purge"],
                       capture_output=True, timeout=300)  # fmt: skip


def probing(
    probe: Callable[[], object], action: Callable[[], None], threads: int = 2, pause: float = 0.5
) -> tuple[set, list[str]]:
    """Call probe() over and over on threads while action() runs (after a pause, and a
    pause after it): what probe returned, as a set, and the errors it raised."""
    seen: set = set()
    errors: list[str] = []
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                seen.add(probe())
            except searcher.SearcherError as e:
                errors.append(str(e))

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for t in workers:
        t.start()
    try:
        time.sleep(pause)
        action()
        time.sleep(pause)
    finally:
        stop.set()
        for t in workers:
            t.join()
    return seen, errors
