"""Terminal rendering: snippets fit the terminal, matches are styled by span, text stays inert."""

from __future__ import annotations

import io
import re

import pytest

import searcher
from searcher import output
from searcher.highlight import cell_width
from searcher.output.plain import PlainWriter
from searcher.output.terminal import TerminalWriter

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("width", [50, 80, 120])
def test_terminal_layout_fits_the_width_in_cells(seed_index, width):
    with searcher.open_index(seed_index) as ix:
        results = ix.search("发展 OR 杜鹃花", limit=5, max_cells=width - 6)
    out = io.StringIO()
    TerminalWriter(out, color=True, width=width).results(results)
    lines = ANSI.sub("", out.getvalue()).splitlines()
    # one line per snippet: nothing wrapped, every line within the terminal's cells
    snippet_lines = [line for line in lines if line.startswith("     ") and line.strip()]
    n_snippets = sum(len(h.snippets) for h in results.hits)
    assert len(snippet_lines) == n_snippets + len(results.hits)  # + one meta line per hit
    assert max(cell_width(line) for line in lines) <= width


def test_matches_are_styled_exactly(seed_index):
    with searcher.open_index(seed_index) as ix:
        results = ix.search("杜鹃花", limit=1)
    out = io.StringIO()
    TerminalWriter(out, color=True, width=200).results(results)
    styled = re.findall(r"\x1b\[[0-9;]*43m(.*?)\x1b\[0m", out.getvalue())
    assert styled and set(styled) == {"杜鹃花"}


def test_inert_keeps_offsets():
    text = "a\x1b[31mb\u202ec\rd\te"
    safe = output.inert(text)
    assert len(safe) == len(text)
    assert "\x1b" not in safe and "\u202e" not in safe and "\r" not in safe


# -- hostile article text, in every view ---------------------------------------------

MARKUP = "[bold red]x[/] [link=http://evil.example]点我[/link]"
# each must never reach the terminal as itself
RAW = {
    "ESC": "\x1b",
    "CSI (C1)": "\x9b",
    "BEL": "\x07",
    "CR": "\r",
    "BS": "\b",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "RLI": "\u2067",
    "FSI": "\u2068",
    "PDI": "\u2069",
    "RLM": "\u200f",
}
NASTY = "\x1b[31m红\x1b[0m \x1b]8;;http://evil.example\x07链\x1b]8;;\x07 \x9b31m \r覆盖\b \u202e反向\u202c \u2066隔离\u2069 \u2067\u2068\u200f"
SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours (only with --color always)


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory):
    from conftest import write_jsonl

    tmp = tmp_path_factory.mktemp("hostile")
    common = "杜鹃花 产业 发展 丹东 种植 集散地 "
    src = write_jsonl(
        tmp / "src" / "a.jsonl",
        [
            {
                "id": "h1",
                "title": f"{MARKUP} 标题 {NASTY}",
                "body": f"{common}{MARKUP} {NASTY} 杜鹃花 正文",
                "author": f"作者{MARKUP}{NASTY}",
                "source": f"来源{MARKUP}{NASTY} 1998-01-01 第1版",
            },
            {
                "id": "h2",
                "title": "另一篇",
                "body": f"{common}杜鹃花 {NASTY}",
                "author": "",
                "source": f"来源{MARKUP}{NASTY} 1998-01-01 第2版",
            },
        ],
    )
    path = tmp / "index"
    searcher.build_index([src], path)
    return str(path)


def _visible(out: str, color: bool) -> str:
    """The text a terminal shows: rich's own colour codes taken out when they are expected."""
    return SGR.sub("", out) if color else out


def _assert_inert(out: str, color: bool) -> None:
    shown = _visible(out, color)
    for name, ch in RAW.items():
        assert ch not in shown, f"{name} reached the output"
    if not color:
        assert "\x1b" not in out
    # the markup is shown as text, not applied
    assert "[bold red]x[/]" in shown and "[link=http://evil.example]点我[/link]" in shown
    # control characters are shown as the sanitizer's stand-ins, one for one
    assert output.inert("\x1b[31m红\x1b[0m") in shown
    assert output.inert("\u202e反向") in shown


def _run(*args):
    from click.testing import CliRunner

    from searcher import cli

    return CliRunner().invoke(cli.main, [str(a) for a in args])


VIEWS = [
    ("search", "杜鹃花", "-n", "5"),
    ("search", "杜鹃花", "--facet", "source", "--facet", "paper"),
    ("search", "--batch", "-"),
    ("show", "h1", "h2", "--query", "杜鹃花"),
    ("similar", "h1"),
    ("info",),
    ("kwic", "杜鹃花", "--width", "200", "-n", "0"),  # issue 12
    ("kwic", "杜鹃花", "--width", "200", "--tsv"),
]


@pytest.mark.parametrize("color", ["always", "never", None])  # None: piped, plain lines
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v[:2]))
def test_hostile_text_is_inert_in_every_view(hostile_index, view, color):
    args = [*view, "-i", hostile_index] + (["--color", color] if color else [])
    from click.testing import CliRunner

    from searcher import cli

    # a wide terminal: kwic cuts its contexts to the terminal's width
    r = CliRunner().invoke(cli.main, args, input="杜鹃花\n", env={"COLUMNS": "1000"})
    assert r.exit_code == 0, r.stderr
    if view[0] == "info":  # papers only: the source label up to its date
        shown = _visible(r.stdout, color == "always")
        assert "[bold red]x[/]" in shown
        assert not any(ch in shown for ch in RAW.values())
        return
    _assert_inert(r.stdout, color == "always")
    if view[0] in ("search", "similar") and "--facet" in view:
        assert output.inert("\u202e反向").replace("\n", " ") in r.stdout


@pytest.mark.parametrize("color", [True, False])
def test_renderers_use_the_sanitizer_for_every_field(hostile_index, color):
    """Title, snippet, source and author as rich lays them out: the inert() text."""
    with searcher.open_index(hostile_index) as ix:
        results = ix.search("杜鹃花", limit=5, facets=["source", "paper"])
        art = ix.article("h1", query_text="杜鹃花")
    out = io.StringIO()
    TerminalWriter(out, color=color, width=400).results(results)
    TerminalWriter(out, color=color).article(art)
    shown = _visible(out.getvalue(), color)
    for ch in RAW.values():
        assert ch not in shown
    squeezed = "".join(shown.split())  # rich_article wraps at the console's width
    for text in (art.author, art.source, art.title, results.hits[0].snippets[0].text):
        assert "".join(output.inert(text).split()) in squeezed
    plain = io.StringIO()
    PlainWriter(plain).results(results)
    PlainWriter(plain).article(art)
    assert "\x1b" not in plain.getvalue()
    assert not any(ch in plain.getvalue() for ch in RAW.values())
    assert output.inert(art.title) in plain.getvalue()


def test_inert_covers_every_listed_character():
    for ch in [
        *RAW.values(),
        "\x00",
        "\x7f",
        "\x85",
        "\u200e",
        "\u202a",
        "\u202b",
        "\u202d",
        "\u061c",
    ]:
        assert output.inert(ch) == "\ufffd"
    assert output.inert("\t") == " " and output.inert("\n") == "\n"
    assert output.inert(MARKUP) == MARKUP  # markup is harmless text: rich never parses it
