"""Highlighting (searcher.highlight): spans in the original text, snippets in terminal cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from searcher import analysis, highlight

TEXT = "杜鹃花是丹东市花。变电村是丹东杜鹃花的重要种植区和集散地！\n经济发展，ＧＤＰ增长３．９％。"


def test_spans_are_merged_and_map_to_the_characters_shown():
    spans = highlight.find_spans(TEXT, ["杜鹃花", "丹东", "丹东杜鹃", "gdp", "3.9%"])
    assert [TEXT[s:e] for s, e in spans] == ["杜鹃花", "丹东", "丹东杜鹃花", "ＧＤＰ", "３．９％"]


def test_expanding_characters_map_back_whole():
    text = "第①条…完"  # ① folds to "1", … to "...": longer than the original
    assert analysis.fold(text) == "第1条...完"
    assert [text[s:e] for s, e in highlight.find_spans(text, ["1条", "..."])] == ["①条…"]
    assert highlight.find_spans(text, ["."]) == [(3, 4)]
    assert highlight.find_spans("ＡＢＡＢ", ["ab"]) == [(0, 4)]
    assert highlight.find_spans("abc", [""]) == []


def test_snippets_pick_the_sentences_with_the_most_matches_in_text_order():
    spans = highlight.find_spans(TEXT, ["丹东", "杜鹃花"])
    snips = highlight.snippets(TEXT, spans, count=2)
    assert [s.text for s in snips] == [
        "杜鹃花是丹东市花。",
        "变电村是丹东杜鹃花的重要种植区和集散地！",
    ]
    for s in snips:
        assert [s.text[a:b] for a, b in s.matches] in (["杜鹃花", "丹东"], ["丹东杜鹃花"])


def test_no_match_shows_the_first_sentence():
    assert [s.text for s in highlight.snippets(TEXT, [])] == ["杜鹃花是丹东市花。"]


def test_a_long_sentence_is_cut_around_its_match_within_the_width():
    text = "前" * 100 + "杜鹃花" + "后" * 100 + "。"
    (snip,) = highlight.snippets(text, highlight.find_spans(text, ["杜鹃花"]), max_cells=40)
    assert highlight.cell_width(snip.text) <= 40
    assert snip.text.startswith("…") and snip.text.endswith("…")
    (m,) = snip.matches
    assert snip.text[m[0] : m[1]] == "杜鹃花"


def test_a_cut_sentence_fills_its_width_counting_each_character_in_cells():
    """Context before the match takes up to a quarter of the width, then the window
    is filled to the width: wide characters two cells, a combining mark none."""
    text = "前" * 100 + "杜鹃花" + "后" * 100 + "。"
    (snip,) = highlight.snippets(text, highlight.find_spans(text, ["杜鹃花"]), max_cells=40)
    assert snip.text == "…" + "前" * 4 + "杜鹃花" + "后" * 12 + "…"
    text = "ab前" * 30 + "杜鹃花" + "x后\u0301" * 40 + "。"
    (snip,) = highlight.snippets(text, highlight.find_spans(text, ["杜鹃花"]), max_cells=31)
    assert snip.text == "…b前ab前杜鹃花" + "x后\u0301" * 5 + "x…"
    assert snip.matches == [(6, 9)]


@given(
    st.text(alphabet="杜鹃花丹东①…ａb。\n ", max_size=60),
    st.sampled_from(["杜鹃", "1", "ab", "。"]),
)
def test_every_span_folds_back_to_its_needle(text, needle):
    for s, e in highlight.find_spans(text, [needle]):
        assert needle in analysis.fold(text[s:e])


def test_cell_width_counts_wide_characters_twice():
    assert highlight.cell_width("ab") == 2
    assert highlight.cell_width("杜鹃") == 4
    assert highlight.cell_width("ＧＤＰ") == 6
    assert highlight.cell_width("e\u0301") == 1  # a combining accent takes no cell
