"""Analysis: folding and the jieba tokenizer (positions, offsets, mixed tokens)."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from searcher import analysis
from searcher.local.whooshdb import WordsField, WordTokenizer


def test_fold_full_width_case_and_traditional():
    assert analysis.fold("１９９８年ＮＥＣ杯") == "1998年nec杯"
    assert analysis.fold("ＧＤＰ增长３．９％") == "gdp增长3.9%"
    assert analysis.fold("杜鵑花 醫院 揭榜掛帥") == "杜鹃花 医院 揭榜挂帅"
    assert analysis.fold("Ｃ＃") == "c#"


def test_fold_is_per_character_so_substrings_fold_to_substrings():
    text = "乾隆年間的著名醫院"
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            assert analysis.fold(text[i:j]) in analysis.fold(text)


def test_fold_with_offsets_maps_expansions_back():
    text = "甲①乙㍿丙"  # ① -> 1, ㍿ -> 株式会社
    folded, starts = analysis.fold_with_offsets(text)
    assert folded == "甲1乙株式会社丙"
    i = folded.index("丙")
    assert analysis.to_original(starts, i, i + 1) == (4, 5)
    i = folded.index("株式")
    assert analysis.to_original(starts, i, i + 2) == (3, 4)


def test_fold_with_offsets_identity_when_lengths_match():
    folded, starts = analysis.fold_with_offsets("ＮＥＣ杯")
    assert folded == "nec杯" and starts is None


_FOLDABLE = "１９ＮＥＣａｂＧＤＰ，：（）。杜鵑醫院①㍿ﬁ\x00\x1e\udc80😀甲乙 \t"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_FOLDABLE) | st.characters(), max_size=30)))
def test_fold_each_folds_every_text_as_fold_does(texts):
    """The build's batch fold: the same strings as fold (and scrub) of each text, texts
    with expanding characters (①, ㍿), separators, lone surrogates and astral
    characters among them, across the batch's chunks."""
    chunk, analysis._FOLD_CHUNK = analysis._FOLD_CHUNK, 40  # several chunks in one call
    try:
        assert list(analysis.fold_each(texts)) == [analysis.fold(t) for t in texts]
        assert list(analysis.fold_each(iter(texts), scrubbed=True)) == [
            analysis.scrub(analysis.fold(t)) for t in texts
        ]
    finally:
        analysis._FOLD_CHUNK = chunk


def test_fold_each_of_the_seed_page():
    texts = SEEDS.joinpath("辽宁日报-2022-01-12.txt").read_text("utf-8").splitlines()
    assert list(analysis.fold_each(texts)) == [analysis.fold(t) for t in texts]


def _tokens(text):
    # Whoosh tokenizers reuse one Token object: copy each as it comes.
    return [t.copy() for t in WordTokenizer()(text, positions=True, chars=True)]


def test_phrase_positions_are_consecutive():
    toks = _tokens("经济发展迅速")
    assert [t.text for t in toks] == ["经济", "发展", "迅速"]
    assert [t.pos for t in toks] == [0, 1, 2]
    assert [(t.startchar, t.endchar) for t in toks] == [(0, 2), (2, 4), (4, 6)]


def test_mixed_tokens_stay_whole():
    text = "ＧＤＰ增长３．９％，５Ｇ和Ｃ＃、C++与１９９８年的covid-19"
    words = [t.text for t in _tokens(text)]
    for w in ("gdp", "3.9%", "5g", "c#", "c++", "1998", "covid-19"):
        assert w in words


def test_offsets_point_into_the_original_full_width_text():
    text = "在ＮＥＣ杯上"
    tok = next(t for t in _tokens(text) if t.text == "nec")
    assert text[tok.startchar : tok.endchar] == "ＮＥＣ"


def test_words_field_counts_the_same_terms_as_the_tokenizer():
    text = "鞍山市以招商引资项目不断积蓄着高质量发展的新动能。鞍山市ＧＤＰ"
    field = WordsField()
    counted = {t.decode(): n for t, n, _, _ in field.index(text)}
    expected: dict[str, int] = {}
    for t in _tokens(text):
        expected[t.text] = expected.get(t.text, 0) + 1
    assert counted == expected
    assert counted["鞍山市"] == 2


_alphabet = st.sampled_from(
    list("经济发展迅速鞍山市杜鵑花醫院的了和北大荒")
    + list("ＧＤＰ５Ｇ１９９８ａｂｃ")
    + list("GDP5Gc#3.9%abc-_")
    + list("，。、！？“”《》（） 　\n\t①㍿ﬁ")
    + list("\u3400\u9fd6\uf900\U00020000")  # ideographs outside jieba's range
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_alphabet, max_size=60))
def test_every_token_slices_back_to_its_text(text):
    toks = _tokens(text)
    assert [t.pos for t in toks] == list(range(len(toks)))
    prev_end = 0
    for t in toks:
        assert t.text
        assert prev_end <= t.startchar < t.endchar <= len(text)
        assert analysis.fold(text[t.startchar : t.endchar]) == t.text
        prev_end = t.endchar


def test_segment_with_a_vocabulary_prefers_likely_long_words():
    logp = {
        "经济": -5.0,
        "发展": -5.0,
        "经": -9.0,
        "济": -12.0,
        "发": -8.0,
        "展": -11.0,
        "经济发展": -30.0,
        "北大荒": -9.0,
        "北大": -8.0,
        "荒": -10.0,
    }.get
    assert analysis.segment("经济发展", logp) == ["经济", "发展"]
    assert analysis.segment("北大荒", logp) == ["北大荒"]
    # a character no word starts with stands alone
    assert analysis.segment("北大鸭", logp) == ["北大", "鸭"]
    assert analysis.segment("", logp) == []


# -- jieba-next gives jieba's words -------------------------------------------

_SEED_TEXT = "\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))


def _runs(text: str) -> list[str]:
    return [w for w in analysis._TOKEN_RE.findall(analysis.fold(text)) if len(w) > 1]


def _jieba_pair(userdict=None):
    import logging

    import jieba
    import jieba_next

    jieba.setLogLevel(logging.WARNING)
    jieba_next.set_log_level(logging.WARNING)
    a, b = jieba.Tokenizer(), jieba_next.Tokenizer()
    for tok in (a, b):
        tok.initialize()
        if userdict:
            with open(userdict, encoding="utf-8-sig") as f:
                tok.load_userdict(f)
    return a, b


@pytest.fixture(scope="module")
def tokenizers():
    return _jieba_pair()


def test_jieba_next_cuts_the_seed_page_as_jieba_does(tokenizers):
    a, b = tokenizers
    runs = [m.group() for m in analysis._TOKEN_RE.finditer(analysis.fold(_SEED_TEXT))]
    runs = [r for r in runs if analysis._IS_CJK.match(r)]
    assert len(runs) > 300
    assert [a.lcut(r, HMM=True) for r in runs] == [b.lcut(r, HMM=True) for r in runs]


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=list(
            "经济发展迅速鞍山市杜鹃花醫院的了和北大荒揭榜挂帅减油增化变电村我们他们中国人民"
        ),
        min_size=2,
        max_size=40,
    )
)
def test_jieba_next_cuts_generated_text_as_jieba_does(tokenizers, text):
    a, b = tokenizers
    assert a.lcut(text, HMM=True) == b.lcut(text, HMM=True)


def test_jieba_next_with_a_user_dictionary_cuts_as_jieba_does(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("揭榜挂帅 20 n\n减油增化\n变电村 5\n", "utf-8")
    a, b = _jieba_pair(words)
    text = "实行揭榜挂帅制度，推进减油增化，变电村的杜鹃花卉基地。" + _SEED_TEXT[:3000]
    assert a.lcut(text, HMM=True) == b.lcut(text, HMM=True)
    assert "揭榜挂帅" in b.lcut(text, HMM=True)


def test_the_indexers_fast_path_gives_the_tokenizers_words():
    folded = analysis.fold(_SEED_TEXT + "ＧＤＰ增长３．９％，Ｃ＃与C++；㐀㐁𠀀丽")
    assert analysis.words(folded) == [w for w, _, _ in analysis.word_spans(folded)]


def test_a_segmenter_let_go_is_loaded_again_when_needed():
    """A build's main process lets go of jieba once its workers have it; anything
    that segments afterwards (a search, an update's deletions) loads it again."""
    text = analysis.fold("辽宁省鞍山市招商引资工作会议召开")
    before = analysis.words(text)
    analysis.unload()
    assert not analysis._tokenizers
    assert analysis.words(text) == before
    assert analysis._tokenizers
