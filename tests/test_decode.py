"""Issue 10, "Big5 is not detected": sources in Big5 and Big5-HKSCS beside UTF-8 and GB18030.

Archives from Hong Kong and Taiwan are often Big5; GB18030 accepts almost any
bytes, so they used to be indexed as GB18030 nonsense. The Big5 sources here are
the seed page converted with OpenCC (Taiwan forms for Big5 as Windows writes it,
cp950; Hong Kong forms, plus Cantonese characters only Big5-HKSCS has, for
Big5-HKSCS), and they must be indexed as that text and found by a query in
simplified characters.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import opencc
import pytest
from conftest import SEEDS

import searcher
from searcher.corpus import decode, parse_file, read_file
from searcher.errors import CorpusError

SEED_PAGE = next(SEEDS.glob("*.txt"))
SEED = SEED_PAGE.read_text("utf-8")
NOT_TEXT = "not UTF-8, GB18030 or Big5 text; convert it to UTF-8"
# Cantonese, in characters that Big5-HKSCS has and Big5 (cp950) has not: 哋 嘅.
HK_ARTICLE = "\n\n佢哋嘅茶樓\n\n本報訊 佢哋嘅茶樓今日開張，街坊冇人唔知。\n"


def taiwan(text: str) -> str:
    return opencc.OpenCC("s2tw").convert(text)


def hong_kong(text: str) -> str:
    """Hong Kong forms; one that Big5-HKSCS lacks (説) in the Taiwan form its writers use (說)."""
    hk, tw = opencc.OpenCC("s2hk").convert(text), taiwan(text)
    assert len(hk) == len(tw) == len(text)
    return "".join(h if _encodes(h, "big5hkscs") else t for h, t in zip(hk, tw))


def _encodes(text: str, codec: str) -> bool:
    return text.encode(codec, errors="replace").decode(codec) == text


# encoding -> (codec, the seed page's text in it)
BIG5 = {
    "Big5": ("cp950", taiwan(SEED)),
    "Big5-HKSCS": ("big5hkscs", hong_kong(SEED) + HK_ARTICLE),
}


def test_the_big5_material_is_what_it_claims():
    tw, hk = BIG5["Big5"][1], BIG5["Big5-HKSCS"][1]
    assert "杜鵑花" in tw and "杜鹃花" not in tw
    assert _encodes(tw, "cp950")
    assert not _encodes(hk, "cp950") and _encodes(hk, "big5hkscs")  # HKSCS is needed


def articles_of(path: Path, text: str) -> list[tuple[str, str, str]]:
    """What the same file holds when it is UTF-8: (id, title, body) per article."""
    return [(a.id, a.title, a.body) for a in parse_file(path, text.encode())[0]]


@pytest.mark.parametrize("encoding", BIG5)
def test_a_big5_page_is_read_as_its_text(tmp_path, encoding):
    codec, text = BIG5[encoding]
    path = tmp_path / SEED_PAGE.name
    path.write_bytes(text.encode(codec))
    articles, errors = read_file(path)
    assert not errors
    assert articles and [(a.id, a.title, a.body) for a in articles] == articles_of(path, text)
    assert "杜鵑花" in "".join(a.body for a in articles)


@pytest.mark.parametrize("encoding", BIG5)
def test_big5_pages_and_json_lines_are_found_by_a_simplified_query(tmp_path, encoding):
    codec, text = BIG5[encoding]
    src = tmp_path / "src"
    src.mkdir()
    (src / SEED_PAGE.name).write_bytes(text.encode(codec))
    records = [
        {
            "id": "tw1",
            "title": taiwan("丹东杜鹃花节开幕"),
            "body": taiwan("杜鹃花开满山坡，游客络绎不绝。"),
        },
        {"id": "hk1", "title": "茶樓開張", "body": "佢哋嘅茶樓今日開張。"},
    ]
    if codec == "cp950":
        records.pop()
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(codec)
    (src / "articles.jsonl").write_bytes(lines)
    (src / "more.jsonl.gz").write_bytes(gzip.compress(lines.replace(b'"id": "', b'"id": "gz-')))
    report = searcher.build_index([src], tmp_path / "index")
    assert not report.problems
    with searcher.open_index(tmp_path / "index") as ix:
        flowers = ix.search("杜鹃花", limit=0)
        assert {"tw1", "gz-tw1"} <= {h.id for h in flowers.hits}
        assert any(h.id.startswith(SEED_PAGE.stem) for h in flowers.hits)
        assert ix.search("杜鵑花", limit=0).total == flowers.total
        assert ix.article("tw1").title == "丹東杜鵑花節開幕"
        if codec == "big5hkscs":
            assert {h.id for h in ix.search("佢哋嘅茶楼", limit=0).hits} >= {"hk1", "gz-hk1"}
            assert ix.article("hk1").body == "佢哋嘅茶樓今日開張。"


def test_gbk_and_gb18030_are_still_detected(tmp_path):
    path = tmp_path / SEED_PAGE.name
    path.write_bytes(SEED.encode("gbk"))
    articles, errors = read_file(path)
    assert not errors and [(a.id, a.title, a.body) for a in articles] == articles_of(path, SEED)
    # Four-byte GB18030 characters, which neither GBK nor Big5 has.
    text = "𠀀龘之谜\n\n本报讯 𠀀与龘两字的考证。\n"
    assert decode(text.encode("gb18030"), "p.txt") == text


@pytest.mark.parametrize(
    "text",
    [
        "杜鵑花節開幕",  # a title alone
        "丹東杜鵑花",
        "鞍山招商",
        "杜鵑花\n\n本報訊 杜鵑花開了。\n",  # a page of one short article
        '{"id": "a", "body": "杜鵑花開了。"}\n',  # one short JSON line
        "2022-01-12 No.3 杜鵑花 (p. 6)",  # mostly ASCII
    ],
)
@pytest.mark.parametrize("codec", ["cp950", "big5hkscs", "gbk"])
def test_short_texts_are_detected(text, codec):
    if codec == "gbk":
        text = opencc.OpenCC("t2s").convert(text)
    assert decode(text.encode(codec), "p.txt") == text


def test_the_two_big5_readings_of_their_symbols():
    # Windows' Big5 has ⑵ where Big5-HKSCS has Б, and kana where HKSCS has ①:
    # the reading with the Chinese symbols wins.
    tw = "通訊員王廷江近況⑵（附圖片１張）"
    hk = "茶樓今日開張，①街坊冇人唔知"
    assert decode(tw.encode("cp950"), "p.txt") == tw
    assert decode(hk.encode("big5hkscs"), "p.txt") == hk


@pytest.mark.parametrize(
    "data, line",
    [
        (b"ok\ncaf\xe9 \xff\n", 2),  # Latin-1
        (b"abc \xff\n", 1),
        ("第一行\n".encode() + "第二行\n".encode("gbk") + b"\x80\x80\n", 2),
    ],
)
def test_a_file_in_none_of_them_names_every_encoding_tried(data, line):
    with pytest.raises(CorpusError) as e:
        decode(data, "p.txt")
    assert str(e.value) == f"p.txt:{line}: {NOT_TEXT}"


def test_half_utf8_half_big5_names_where_big5_starts():
    data = "一半是UTF-8文字。\n".encode() * 30 + taiwan("另一半是繁体字。\n").encode("cp950") * 30
    with pytest.raises(CorpusError) as e:
        decode(data, "p.txt")
    assert str(e.value) == f"p.txt:31: {NOT_TEXT}"


def test_japanese_in_shift_jis_is_refused_not_read_as_chinese_nonsense():
    # GB18030 decodes these bytes, into characters no Chinese text is made of.
    text = (
        "新聞記事\n日本語の文章は、ひらがなとカタカナと漢字で書かれています。"
        "この文章はシフトJISで保存されたファイルの例です。新聞の記事も同じように"
        "書かれていますが、中国語の新聞とは違います。\n"
    )
    data = text.encode("shift_jis")
    assert data.decode("gb18030")  # what was indexed before
    with pytest.raises(CorpusError) as e:
        decode(data, "p.txt")
    assert str(e.value) == f"p.txt:1: {NOT_TEXT}"


@pytest.mark.parametrize("codec", ["gbk", "cp950"])
def test_a_table_drawn_in_box_characters_is_not_taken_for_nonsense(codec):
    rows = "│深發展│１２．３０│上漲│\n" if codec == "cp950" else "│深发展│１２．３０│上涨│\n"
    text = "股市行情\n┌──────┬──────┬────┐\n" + rows * 12 + "└──────┴──────┴────┘\n"
    assert decode(text.encode(codec), "p.txt") == text
