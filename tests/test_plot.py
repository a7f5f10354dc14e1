"""Issue 12: trend figures (searcher.plot): PNG and SVG, Chinese legends, and one line
when matplotlib or a Chinese font is missing."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from searcher import cli, plot


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def test_without_matplotlib_one_line_says_how_to_install(seed_index, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib fails
    r = run("trend", "杜鹃花", "--plot", tmp_path / "t.png", "-i", seed_index)
    assert r.exit_code == 2
    assert r.stderr == "Error: --plot needs matplotlib: pip install 'searcher[plot]'\n"
    assert not (tmp_path / "t.png").exists()


def test_only_png_and_svg(seed_index, tmp_path):
    r = run("trend", "杜鹃花", "--plot", tmp_path / "t.gif", "-i", seed_index)
    assert r.exit_code == 2 and "--plot writes .png or .svg files" in r.stderr


@pytest.fixture
def matplotlib():
    return pytest.importorskip("matplotlib")


def test_svg_keeps_the_chinese_legend_as_text(matplotlib, seed_index, tmp_path):
    r = run("trend", "杜鹃花", "丹东", "--plot", tmp_path / "t.svg", "-i", seed_index)
    assert r.exit_code == 0, r.stderr
    svg = (tmp_path / "t.svg").read_text("utf-8")
    assert svg.startswith("<?xml") and ">杜鹃花<" in svg and ">丹东<" in svg


def test_png_is_drawn_with_a_font_that_has_the_characters(matplotlib, seed_index, tmp_path):
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    r = run("trend", "杜鹃花", "--plot", tmp_path / "t.png", "-i", seed_index)
    assert r.exit_code == 0 and (tmp_path / "t.png").read_bytes().startswith(b"\x89PNG")
    family = plot.cjk_font()
    if family is None:
        assert "fonts-noto-cjk" in r.stderr and r.stderr.startswith("Note: no Chinese font")
        pytest.skip("no Chinese font on this machine (the note was checked)")
    assert r.stderr == ""
    path = font_manager.findfont(font_manager.FontProperties(family=family))
    assert all(ord(c) in FT2Font(path).get_charmap() for c in "杜鹃花丹东")


def test_without_a_chinese_font_a_note_says_what_to_install(
    matplotlib, seed_index, tmp_path, monkeypatch
):
    monkeypatch.setattr(plot, "cjk_font", lambda: None)
    r = run("trend", "杜鹃花", "--plot", tmp_path / "t.png", "-i", seed_index)
    assert r.exit_code == 0 and (tmp_path / "t.png").exists()
    assert r.stderr.startswith("Note: no Chinese font found") and r.stderr.count("\n") == 1
    assert "apt install fonts-noto-cjk" in r.stderr
