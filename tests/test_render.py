"""Terminal rendering: snippets fit the terminal, matches are styled by span, text stays inert."""

from __future__ import annotations

import io
import re

import pytest

import searcher
from searcher import render
from searcher.highlight import cell_width

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("width", [50, 80, 120])
def test_terminal_layout_fits_the_width_in_cells(seed_index, width):
    with searcher.open_index(seed_index) as ix:
        results = ix.search("发展 OR 杜鹃花", limit=5, max_cells=width - 6)
    out = io.StringIO()
    render.rich_results(results, out, color=True, width=width)
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
    render.rich_results(results, out, color=True, width=200)
    styled = re.findall(r"\x1b\[[0-9;]*43m(.*?)\x1b\[0m", out.getvalue())
    assert styled and set(styled) == {"杜鹃花"}


def test_inert_keeps_offsets():
    text = "a\x1b[31mb\u202ec\rd\te"
    safe = render.inert(text)
    assert len(safe) == len(text)
    assert "\x1b" not in safe and "\u202e" not in safe and "\r" not in safe
