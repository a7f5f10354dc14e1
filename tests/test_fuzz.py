"""Any query text, to the library and to the command: hits or a one-line query error.

Hypothesis builds queries from the pieces that break parsers (unbalanced quotes
and parentheses, lone operators, wildcards, field names that exist and that do
not, control characters, bidi overrides) mixed with Chinese text of the seed
page, plus arbitrary Unicode and strings of 10,000 characters. Every query must
give a list of hits of the index or a SearcherError whose message is one line,
in less than a second on the seed index. The runs are derandomized, so CI sees
the same queries every time.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import ENV, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import searcher
from searcher import cli
from searcher.errors import QueryError, SearcherError
from searcher.query import MAX_QUERY_CHARS

SECOND = 1.0  # the most CPU time one query may take on the seed index (not wall time:
# another job on a 2-core machine stretches that, not the work)

_PAGE = (SEEDS / "辽宁日报-2022-01-12.txt").read_text(encoding="utf-8")
_HAN = "".join(re.findall(r"[\u4e00-\u9fff]+", _PAGE))
CHINESE = sorted(set(_HAN))[:: max(1, len(set(_HAN)) // 60)]  # ~60 characters of the page
WORDS = ["经济", "发展", "杜鹃花", "鞍山", "招商", "锦州", "丹东", "项目", "的"]
SYNTAX = list('"“”「」『』()（）*?＊？:：-|') + [
    " OR ",
    " AND ",
    " NOT ",
    "OR",
    "AND",
    "NOT",
    "title:",
    "body:",
    "foo:",
    "date:",
    "TITLE:",
    "title：",
    " ",
    "\u3000",
    "\t",
    "\n",
]
CONTROL = [chr(c) for c in range(0x20)] + ["\x7f", "\x9b", "\x1b[31m", "\x1b]8;;http://x\x07"]
BIDI = ["\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u061c"]
LETTERS = list("abcxyzGDP5") + ["C#", "3.9%", "ＧＤＰ"]

piece = st.one_of(
    st.sampled_from(CHINESE + WORDS),
    st.sampled_from(SYNTAX),
    st.sampled_from(CONTROL + BIDI),
    st.sampled_from(LETTERS),
    st.text(max_size=3),  # any Unicode (no surrogates: they cannot be command arguments)
)
queries = st.lists(piece, max_size=40).map("".join)
# 10,000 characters: refused by length, however they are made
huge = st.builds(
    lambda parts, n: ("".join(parts) * n)[:n],
    st.lists(piece.filter(bool), min_size=1, max_size=8),
    st.just(10_000) | st.integers(MAX_QUERY_CHARS + 1, 10_000),
)
# just under the limit: the longest queries that are searched
near_limit = st.one_of(
    st.builds(
        lambda parts, n: ("".join(parts) * n)[:n],
        st.lists(piece.filter(bool), min_size=1, max_size=8),
        st.integers(MAX_QUERY_CHARS - 10, MAX_QUERY_CHARS),
    ),
    st.builds(  # real text of the page: every substring is looked up as a word
        lambda start: _HAN[start : start + MAX_QUERY_CHARS],
        st.integers(0, max(0, len(_HAN) - MAX_QUERY_CHARS)),
    ),
)
SORTS = st.sampled_from(["score", "date", "-date"])
SOURCES = st.sampled_from([None, "", "辽宁", "辽宁日报 2022-01-1?", "*第1版", "[", "*", "不存在"])
LIMITS = st.sampled_from([None, 0, 1, 3, 10])


@pytest.fixture(scope="module")
def ix(seed_index):
    with searcher.open_index(seed_index) as index:
        index.search("经济")  # the first query loads what every later one shares
        yield index


@pytest.fixture(scope="module")
def seed_ids(ix):
    return {h.id for h in ix.search("的 OR -的", limit=0, snippets=False).hits}


def check_library(ix, seed_ids, text, **options):
    t0 = time.process_time()
    try:
        results = ix.search(text, **options)
    except SearcherError as e:  # QueryError above all; never another type
        message = str(e)
        assert message and "\n" not in message and "\r" not in message, repr(message)
        results = None
    elapsed = time.process_time() - t0
    assert elapsed < SECOND, f"{elapsed:.2f} s for {text[:80]!r}"
    if results is not None:
        limit = options.get("limit", 10)
        offset = options.get("offset", 0)
        assert all(h.id in seed_ids for h in results.hits)
        assert len({h.id for h in results.hits}) == len(results.hits)
        assert results.total >= len(results.hits)
        if limit:
            assert len(results.hits) <= limit
        assert [h.rank for h in results.hits] == list(
            range(offset + 1, offset + 1 + len(results.hits))
        )
    return elapsed


FUZZ = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@settings(FUZZ, max_examples=400)
@given(text=queries)
def test_library_any_query(ix, seed_ids, text):
    check_library(ix, seed_ids, text)


@settings(FUZZ, max_examples=150)
@given(text=queries, limit=LIMITS, offset=st.sampled_from([0, 2]), sort=SORTS, source=SOURCES)
def test_library_any_query_with_options(ix, seed_ids, text, limit, offset, sort, source):
    check_library(
        ix,
        seed_ids,
        text,
        limit=limit,
        offset=offset,
        sort=sort,
        source=source,
        facets=["source", "date:month"],
    )


@settings(FUZZ, max_examples=40)
@given(text=huge)
def test_library_huge_query_is_refused_at_once(ix, seed_ids, text):
    with pytest.raises(QueryError, match="query too long"):
        ix.search(text)
    assert check_library(ix, seed_ids, text) < SECOND / 4  # at once: not searched (noisy machine)


@settings(FUZZ, max_examples=25)
@given(text=near_limit)
def test_library_longest_queries_are_searched_in_time(ix, seed_ids, text):
    check_library(ix, seed_ids, text)


@pytest.mark.parametrize(
    "text",
    [
        ("".join(CHINESE) * 20)[:MAX_QUERY_CHARS],
        " ".join(CHINESE[:64]),
        " OR ".join(CHINESE[:64]),
        " ".join("-" + c for c in CHINESE[:64]),
        "NOT 经济",
        "-",
        "title:",
        "((((((",
        "(" * 40 + "经济" + ")" * 40,
        "-" * 999 + "经",
        "NOT " * 100 + "经济",
        '""',
        "OR OR OR",
        "\x00",
        "，。！？、；：【】《》",
        "经" * 10_000,
        "\ud800经济",  # a lone surrogate (representable in a str, not in an argument)
    ],
)
def test_library_nasty_queries(ix, seed_ids, text):
    check_library(ix, seed_ids, text)


# -- the command, in process ------------------------------------------------------


def check_cli(seed_index, args):
    t0 = time.process_time()
    r = CliRunner().invoke(cli.main, ["search", "-i", seed_index, *args])
    elapsed = time.process_time() - t0
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in (0, 1, 2), (r.exit_code, r.stderr)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert r.stderr.count("\n") <= 1 and "\r" not in r.stderr, repr(r.stderr)
    assert "internal error" not in r.stderr, r.stderr
    if r.exit_code == 2:
        assert r.stderr.startswith("Error: "), repr(r.stderr)
    assert elapsed < SECOND, f"{elapsed:.2f} s for {args!r}"


@settings(FUZZ, max_examples=120)
@given(
    text=queries,
    shape=st.sampled_from(["one", "words", "after --"]),
    form=st.sampled_from(
        [[], ["--json"], ["-n", "0", "--color", "always"], ["-c"], ["-l"], ["--facet", "source"]]
    ),
)
def test_cli_any_query(seed_index, text, shape, form):
    # one argument; split as a shell would (a word may look like an option); or after --
    words = {"one": [text], "words": text.split(), "after --": ["--", text]}[shape]
    check_cli(seed_index, [*form, *words])


@settings(FUZZ, max_examples=15)
@given(text=huge | near_limit)
def test_cli_long_query(seed_index, text):
    check_cli(seed_index, ["--", text])


# -- the command, as a process ------------------------------------------------------


@pytest.mark.parametrize(
    "arg",
    [
        "*",
        "经济*",
        "((((((",
        '"',
        "OR OR OR",
        "title:",
        "-",
        "\x1b[31m经济\x9b",
        "\u202e经济\u2066",
        "经" * 10_000,
        b"\xff(",  # not UTF-8: Python reads it as a lone surrogate
        b"\xff\xfe\xe7\xbb\x8f\xe6\xb5\x8e",
    ],
)
def test_process_nasty_queries(seed_index, arg):
    r = subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-m",
            b"searcher",
            b"search",
            b"-i",
            os.fsencode(seed_index),
            b"--",
            arg if isinstance(arg, bytes) else arg.encode("utf-8"),
        ],
        capture_output=True,
        env=ENV,
        timeout=60,
    )
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode in (0, 1, 2), err
    assert "Traceback" not in err and err.count("\n") <= 1 and "internal error" not in err
    if r.returncode == 2:
        assert err.startswith("Error: ")
    if isinstance(arg, bytes):  # said plainly, not searched as mangled text
        assert r.returncode == 2
        assert err == (
            "Error: Invalid value for QUERY: the query is not text in the terminal's encoding"
            " (set it to UTF-8) (see 'searcher search --help')\n"
        )


def test_process_batch_that_is_not_utf8(seed_index, tmp_path):
    batch = tmp_path / "queries.txt"
    batch.write_bytes("杜鹃花\n".encode() + b"\xff\xfe(\n")
    r = subprocess.run(
        [sys.executable, "-m", "searcher", "search", "-i", seed_index, "--batch", str(batch)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert r.returncode == 2
    assert r.stderr.startswith("Error: Invalid value for '--batch'")
    assert "not UTF-8" in r.stderr and r.stderr.count("\n") == 1
