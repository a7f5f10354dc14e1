"""Hostile sources: every kind of bad input beside good articles, as `searcher index` meets it.

A folder the tests build holds good pages and articles next to a binary file,
an empty file, a page without articles, mixed encodings, a file cut off in the
middle of a character, a 20 MB line, broken JSON Lines, an unreadable file,
symbolic links that lead nowhere and a file name full of terminal escapes. The
index must take every good article, report each bad thing on one line as
``path[:line]: reason``, exit 2, and with ``--strict`` stop at the first one and
leave the index as it was.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import resource
import shutil
from pathlib import Path

import pytest
from conftest import ENV, SEEDS, permissions_enforceable, run_searcher, write_jsonl

import searcher
from searcher import output
from searcher.corpus import MAX_ARTICLE_CHARS, decode, find_files, parse_file, read_file, split
from searcher.errors import BadSource, CorpusError

# Text found only in the good parts of the folder.
GOOD_STRINGS = [
    "杜鹃花",  # the seed page
    "鹦鹉螺号潜艇",  # articles.jsonl, line 1, before the bad lines
    "青铜器铭文考",  # articles.jsonl, line 7, between them
    "冰川融水监测",  # articles.jsonl, line 9, after the too-long article
    "另一个好文件",  # more.jsonl
    "昆曲水磨调",  # the GBK page cut off in the middle of its last character
    "皮影木偶戏",  # the page with a 20 MB line: the article before it
    "漆器髹饰技艺",  # ... and the one after it
]
# Text found only in the bad parts: none of it may be indexed.
BAD_STRINGS = [
    "断了的一行",  # a broken JSON line
    "无正文标题",  # a JSON article without body
    "重复的文章",  # a duplicate id
    "鳕鱼罐头",  # the article of 1,000,004 characters
    "鲸落深海",  # the 20 MB line
    "琥珀色的黄昏",  # the UTF-8 half of a half-GBK file
]
# Unreadable files and folders, where run_searcher(permissions=True) can make them so.
LOCKED = permissions_enforceable()
if LOCKED:
    BAD_STRINGS.append("锁住的文件")  # the unreadable file, and the page in the unreadable folder
ARTICLES = 7 + 3 + 1 + 1 + 2  # seed page, articles.jsonl, more.jsonl, cut GBK page, huge page
HUGE_LINE_CHARS = 7_000_000  # 21 MB of UTF-8 on one line
UNREADABLE = "locked.txt"
LOCKED_DIR = "locked-dir"
EVIL_NAME = "evil\x1b[31m\x07\nname.txt"


def jline(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def build_folder(src: Path) -> dict[str, str]:
    """The hostile folder; returns {problem prefix: file it names} for each bad thing."""
    src.mkdir(parents=True)
    for page in SEEDS.glob("*.txt"):
        shutil.copy(page, src / page.name)
    (src / "more.jsonl").write_text(
        jline({"id": "m1", "title": "另一个好文件", "body": "正文。"}) + "\n", "utf-8"
    )
    expected: dict[str, str] = {}

    def bad(name: str, reason: str, line: int | None = None) -> None:
        where = f"{src / name}:{line}" if line else str(src / name)
        expected[f"{where}: {reason}"] = str(src / name)

    _bad_pages(src, bad)
    _bad_article_lines(src, bad)
    _bad_files_and_links(src, bad)
    (src / EVIL_NAME).write_bytes(b"\x00")
    expected[
        f"{output.inert(str(src / EVIL_NAME)).replace(chr(10), ' ')}: binary file, not text"
    ] = str(src / EVIL_NAME)
    return expected


def _bad_pages(src: Path, bad) -> None:
    """Text files that are no page, or a page with a bad part."""
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    bad("binary.txt", "binary file, not text")
    (src / "empty.txt").write_bytes(b"")
    bad("empty.txt", "empty file, no articles")
    (src / "empty.jsonl").write_bytes(b"")
    bad("empty.jsonl", "empty file, no articles")
    (src / "blank.txt").write_text("\n  \n\u3000\n\n", "utf-8")
    bad("blank.txt", "no articles found in this page")
    mixed = "琥珀色的黄昏，UTF-8文字。\n".encode() * 30 + "另一半是GBK文字。\n".encode("gbk") * 30
    (src / "mixed.txt").write_bytes(mixed)
    bad("mixed.txt", "not UTF-8, GB18030 or Big5 text; convert it to UTF-8", 31)
    cut = "昆曲水磨调研究\n\n苏州昆曲水磨调的传承与发展，老艺人口传心授。\n".encode("gbk")
    cut += "曲".encode("gbk")[:1]  # the first byte of a two-byte character, then the end
    (src / "cut-gbk.txt").write_bytes(cut)
    bad(
        "cut-gbk.txt",
        "file ends in the middle of a character (cut off?); the last bytes were dropped",
        cut.count(b"\n") + 1,
    )
    huge = "鲸落深海" * (HUGE_LINE_CHARS // 4)
    (src / "huge-line.txt").write_text(
        "木偶戏传承人的坚守\n\n本报讯 皮影木偶戏传承人坚持演出四十年，观众络绎不绝。\n\n"
        f"{huge}\n\n"
        "漆器髹饰技艺展\n\n本报讯 漆器髹饰技艺展今日开幕，展出作品百余件。\n",
        "utf-8",
    )
    bad(
        "huge-line.txt",
        f"line of {HUGE_LINE_CHARS:,} characters is too long for an article"
        f" (at most {MAX_ARTICLE_CHARS:,}); it was left out, the rest of the page was read"
        " (split it into articles, a paragraph per line)",
        5,
    )


def _bad_article_lines(src: Path, bad) -> None:
    """An article file with a bad line of every kind between good ones."""
    lines = [
        jline({"id": "j1", "title": "鹦鹉螺号潜艇", "body": "第一篇。"}),
        '{"id": "j2", "body": "断了的一行',
        jline({"id": "j3", "title": "无正文标题"}),
        jline({"id": "j4", "body": 42}),
        jline({"id": "j1", "body": "重复的文章"}),
        jline(["数组", "不是对象"]),
        jline({"id": "j7", "title": "青铜器铭文考", "body": "第七行。"}),
        jline({"id": "j8", "body": "鳕鱼罐头" * 250_001}),
        jline({"id": "j9", "title": "冰川融水监测", "body": "最后一篇。"}),
    ]
    (src / "articles.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    bad("articles.jsonl", "line is not valid JSON (", 2)
    bad("articles.jsonl", "field 'body' is missing", 3)
    bad("articles.jsonl", "field 'body' must be a string, not a JSON number", 4)
    bad("articles.jsonl", "duplicate id 'j1' (first seen on line 1)", 5)
    bad("articles.jsonl", "line is not a JSON object (it is a JSON array)", 6)
    bad(
        "articles.jsonl",
        f"article of 1,000,004 characters is too long (at most {MAX_ARTICLE_CHARS:,});"
        " not indexed (split it into articles, one JSON object each)",
        8,
    )


def _bad_files_and_links(src: Path, bad) -> None:
    """Unreadable files and folders, symbolic link loops and broken links."""
    if LOCKED:  # where file modes cannot be enforced, this part is left out
        locked = src / UNREADABLE
        locked.write_text("锁住的文件\n\n本报讯 这一页谁也读不了。\n", "utf-8")
        locked.chmod(0)
        bad(UNREADABLE, "cannot read file: Permission denied")
        (src / LOCKED_DIR).mkdir()
        (src / LOCKED_DIR / "inside.txt").write_text(
            "锁住的文件夹\n\n本报讯 文件夹里的一页。\n", "utf-8"
        )
        (src / LOCKED_DIR).chmod(0)
        bad(LOCKED_DIR, "cannot read folder: Permission denied")
    os.symlink("loop2", src / "loop1")
    os.symlink("loop1", src / "loop2")
    bad("loop1", "symbolic link loop")
    bad("loop2", "symbolic link loop")
    os.symlink("cycle.txt", src / "cycle.txt")
    bad("cycle.txt", "symbolic link loop")
    os.symlink("missing.jsonl", src / "gone.jsonl")
    bad("gone.jsonl", "broken symbolic link (points to missing.jsonl)")
    os.symlink("nowhere.md", src / "notes.md")  # not a source by its name: not reported
    (src / "d").mkdir()
    os.symlink("..", src / "d" / "up")  # a folder link back up: walked once, no loop


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, dict[str, str]]:
    src = tmp_path / "src"
    expected = build_folder(src)
    yield src, expected
    if LOCKED:
        (src / UNREADABLE).chmod(0o644)
        (src / LOCKED_DIR).chmod(0o755)


def problem_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr
    return stderr.splitlines()


def assert_problems(lines: list[str], expected: dict[str, str]) -> None:
    """One line per bad thing, each the expected `path[:line]: reason`."""
    unmatched = list(expected)
    for line in lines:
        matches = [p for p in unmatched if line == p or (p.endswith("(") and line.startswith(p))]
        assert len(matches) == 1, f"unexpected problem line: {line!r}"
        unmatched.remove(matches[0])
    assert unmatched == [], f"not reported: {unmatched}"


def exact_ids(ix, text: str) -> list[str]:
    return sorted(h.id for h in ix.search(f'"{text}"', limit=None, snippets=False).hits)


def answers(ix_path) -> dict[str, list[str]]:
    with searcher.open_index(ix_path) as ix:
        return {s: exact_ids(ix, s) for s in GOOD_STRINGS + BAD_STRINGS}


def test_index_takes_every_good_article_and_reports_each_bad_thing(hostile, tmp_path):
    src, expected = hostile
    ix_path = tmp_path / "ix"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = run_searcher("index", str(src), "-i", str(ix_path), "--json", permissions=True, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert r.returncode == 2, r.stderr
    assert_problems(problem_lines(r.stderr), expected)
    report = json.loads(r.stdout)
    assert len(report["problems"]) == len(expected)
    assert f"{src / EVIL_NAME}: binary file, not text" in report["problems"]  # JSON: the real name
    assert report["failed"] == sorted(set(expected.values()))
    assert report["articles"] == ARTICLES
    with searcher.open_index(ix_path) as ix:
        for text in GOOD_STRINGS:
            assert exact_ids(ix, text), f"{text} not indexed"
        for text in BAD_STRINGS:
            assert exact_ids(ix, text) == [], f"{text} indexed from a bad source"
        assert ix.info().articles == ARTICLES  # the seed page once, though d/up leads back
        assert exact_ids(ix, "鹦鹉螺号潜艇") == ["j1"]
    # The 21 MB line is refused before splitting and segmenting: seconds of work, not a
    # minute (CPU time, which another job on the machine does not stretch).
    assert cpu < 60
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1 << 20  # KiB: 1 GiB


def test_problem_lines_are_one_inert_line_each(hostile, tmp_path):
    src, _ = hostile
    r = run_searcher("index", str(src), "-i", str(tmp_path / "ix"), permissions=True, env=ENV)
    evil = [line for line in r.stderr.splitlines() if "evil" in line]
    assert len(evil) == 1 and evil[0].endswith("name.txt: binary file, not text")
    assert not any(c in r.stderr for c in "\x1b\x07\r")
    assert r.stderr.splitlines()[-1].startswith(f"indexed {ARTICLES} articles ")


def test_strict_stops_at_the_first_problem_and_changes_nothing(hostile, tmp_path):
    src, expected = hostile
    ix_path = tmp_path / "ix"
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(src / "more.jsonl", good / "more.jsonl")
    assert run_searcher("index", str(SEEDS), str(good), "-i", str(ix_path), env=ENV).returncode == 0
    before = answers(ix_path)
    current = (ix_path / "CURRENT").read_text()

    r = run_searcher("index", str(src), "--strict", "-i", str(ix_path), permissions=True, env=ENV)
    assert r.returncode == 2
    first, statement = problem_lines(r.stderr)
    assert first in expected or any(first.startswith(p) for p in expected if p.endswith("("))
    assert statement == (
        "Error: stopped at the first bad source (--strict); the index was not changed"
    )
    assert (ix_path / "CURRENT").read_text() == current
    assert answers(ix_path) == before
    assert not list(ix_path.glob("staging-*"))


def test_strict_stop_after_the_workers_started_leaves_no_process(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    many = [{"id": f"g{i}", "title": "好文章", "body": "正文内容。" * 100} for i in range(2500)]
    (src / "a-good.jsonl").write_text("".join(jline(a) + "\n" for a in many), "utf-8")
    (src / "b-bad.jsonl").write_text(jline({"id": "x", "body": "好"}) + "\nnot json\n", "utf-8")
    seen: list[str] = []
    with pytest.raises(BadSource) as e:
        searcher.build_index([src], tmp_path / "ix", strict=True, on_problem=seen.append, procs=2)
    assert e.value.problem == seen[0] and len(seen) == 1
    assert seen[0].startswith(f"{src / 'b-bad.jsonl'}:2: line is not valid JSON")
    assert str(e.value).endswith("(strict: stopped at this problem, the index was not changed)")
    assert multiprocessing.active_children() == []
    assert not (tmp_path / "ix" / "CURRENT").exists()
    assert not list((tmp_path / "ix").glob("staging-*"))
    # Without strict the same folder is indexed, the bad line reported.
    report = searcher.build_index([src], tmp_path / "ix", procs=2)
    assert report.articles == 2501 and report.failed == [str(src / "b-bad.jsonl")]


def test_an_update_picks_up_the_fixed_files(hostile, tmp_path):
    src, expected = hostile
    ix_path = tmp_path / "ix"
    assert (
        run_searcher("index", str(src), "-i", str(ix_path), permissions=True, env=ENV).returncode
        == 2
    )
    # The same bad sources are reported again by an update that reads nothing new.
    r = run_searcher("index", "-i", str(ix_path), permissions=True, env=ENV)
    assert r.returncode == 2
    assert_problems(problem_lines(r.stderr)[:-1], expected)

    if LOCKED:
        (src / UNREADABLE).chmod(0o644)
        (src / LOCKED_DIR).chmod(0o755)
    text = (src / "articles.jsonl").read_text("utf-8").split("\n")
    text[1] = jline({"id": "j2", "body": "断了的一行，修好了。"})
    (src / "articles.jsonl").write_text("\n".join(text), "utf-8")
    (src / "cut-gbk.txt").write_bytes((src / "cut-gbk.txt").read_bytes() + "曲".encode("gbk")[1:])
    (src / "loop1").unlink()
    (src / "loop1").write_text(jline({"id": "l1", "body": "环路修好了。"}) + "\n", "utf-8")

    r = run_searcher("index", "-i", str(ix_path), "--json", permissions=True, env=ENV)
    assert r.returncode == 2  # the rest is still bad
    report = json.loads(r.stdout)
    fixed = {UNREADABLE, LOCKED_DIR, "cut-gbk.txt", "loop1", "loop2"}
    assert report["failed"] == sorted(
        f for f in set(expected.values()) if Path(f).name not in fixed
    )
    with searcher.open_index(ix_path) as ix:
        if LOCKED:
            assert stems(exact_ids(ix, "锁住的文件")) == ["inside", "locked"]
        assert exact_ids(ix, "断了的一行") == ["j2"]
        assert stems(exact_ids(ix, "昆曲水磨调")) == ["cut-gbk"]
        assert exact_ids(ix, "环路修好了") == []  # "loop1" is no source file name


def stems(ids: list[str]) -> list[str]:
    """The file part of page article ids (``p-3fa2c1`` -> ``p``)."""
    return [re.sub(r"-[0-9a-f]{6}(-\d+)?$", "", i) for i in ids]


# ---------------------------------------------------------------- the library, one case at a time


def test_a_long_page_line_never_reaches_the_splitter(tmp_path, monkeypatch):
    seen: list[int] = []
    real = split.split_detail

    def spy(text):
        seen.append(max(len(line) for line in text.split("\n")))
        return real(text)

    monkeypatch.setattr(split, "split_detail", spy)
    text = (
        "标题\n\n本报讯 正文。\n\n"
        + "长" * (MAX_ARTICLE_CHARS + 1)
        + "\n\n另一篇\n\n本报讯 又一篇。\n"
    )
    articles, (error,) = parse_file(tmp_path / "p.txt", text.encode())
    assert seen and max(seen) <= MAX_ARTICLE_CHARS
    assert [a.title for a in articles] == ["标题", "另一篇"]
    assert stems([a.id for a in articles]) == ["p", "p"]
    assert (error.line, error.reason.startswith("line of 1,000,001 characters")) == (5, True)


def test_an_article_of_short_lines_over_the_limit_is_refused(tmp_path):
    line = "短句没有结束" * 20_000  # 120,000 characters, no sentence end: one paragraph
    text = "标题\n\n" + "\n".join([line] * 9) + "\n"
    articles, (error,) = parse_file(tmp_path / "p.txt", text.encode())
    assert articles == [] and error.line == 1
    # title and the nine lines re-joined into one paragraph (print line breaks dropped)
    assert error.reason.startswith(f"article of {2 + 9 * len(line):,} characters is too long")


def test_a_json_article_at_the_limit_is_indexed_one_over_is_not(tmp_path):
    at = jline({"id": "a", "title": "题", "body": "字" * (MAX_ARTICLE_CHARS - 1)})
    over = jline({"id": "b", "title": "题", "body": "字" * MAX_ARTICLE_CHARS})
    articles, (error,) = parse_file(tmp_path / "a.jsonl", f"{at}\n{over}\n".encode())
    assert [a.id for a in articles] == ["a"] and error.line == 2


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "gb18030", "cp950", "big5hkscs"])
def test_a_character_cut_off_at_the_end_is_dropped_and_reported(tmp_path, encoding):
    big5 = encoding in ("cp950", "big5hkscs")
    text = "標題\n\n本報訊 正文第一段。\n末行" if big5 else "标题\n\n本报讯 正文第一段。\n末行"
    data = text.encode(encoding) + "截".encode(encoding)[:-1]
    path = tmp_path / "p.txt"
    path.write_bytes(data)
    articles, (error,) = read_file(path)
    assert str(error) == (
        f"{path}:4: file ends in the middle of a character (cut off?); the last bytes were dropped"
    )
    assert articles[0].body.endswith("末行")
    assert decode(data, path) == text


def test_a_character_cut_off_in_the_middle_is_still_an_error():
    data = "第一行文字\n".encode() + "截".encode()[:2] + "\n第三行文字\n".encode()
    with pytest.raises(CorpusError, match=r"^p\.txt:2: not UTF-8, GB18030 or Big5 text"):
        decode(data, "p.txt")


def test_find_files_reports_links_that_lead_nowhere(tmp_path):
    (tmp_path / "a.txt").write_text("正文。", "utf-8")
    os.symlink("b.txt", tmp_path / "b.txt")
    os.symlink("no-such-folder", tmp_path / "archive")
    os.symlink("gone.md", tmp_path / "notes.md")
    os.symlink(".", tmp_path / "here")
    files, errors = find_files([tmp_path])
    assert files == [tmp_path / "a.txt"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'archive'}: broken symbolic link (points to no-such-folder)",
        f"{tmp_path / 'b.txt'}: symbolic link loop",
    ]
    files, errors = find_files([tmp_path / "b.txt"])
    assert files == [] and [str(e) for e in errors] == [f"{tmp_path / 'b.txt'}: symbolic link loop"]


def test_a_fifo_named_like_a_page_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    files, errors = find_files([tmp_path])
    assert files == []
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'pipe.txt'}: not a regular file (device, pipe or socket)"
    ]


def test_render_problem_is_one_inert_line():
    out = io.StringIO()
    output.problem("a\x1b[2J\nb.txt:3: reason", out)
    assert out.getvalue() == "a\ufffd[2J b.txt:3: reason\n"


def test_strict_update_of_an_open_index_keeps_it_answering(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(jline({"id": "g", "title": "鹦鹉螺号潜艇", "body": "好。"}) + "\n", "utf-8")
    searcher.build_index([good], tmp_path / "ix")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(jline({"id": "b", "body": "新的。"}) + "\n" + jline({"id": "b"}) + "\n", "utf-8")
    with searcher.open_index(tmp_path / "ix") as ix:
        with pytest.raises(BadSource, match=r"bad\.jsonl:2: field 'body' is missing \(strict"):
            ix.update([good, bad], strict=True)
        assert exact_ids(ix, "鹦鹉螺号潜艇") == ["g"] and ix.info().articles == 1
    with searcher.open_index(tmp_path / "ix") as ix:
        assert ix.info().articles == 1


def test_json_nested_too_deeply_or_with_huge_numbers_is_one_bad_line(tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_text(
        "[" * 100_000
        + "]" * 100_000
        + "\n"
        + jline({"id": "ok", "title": "好", "body": "经济发展"})
        + "\n"
        + '{"id": "n", "body": "x", "extra": '
        + "1" * 5000
        + "}\n",
        "utf-8",
    )
    articles, errors = read_file(f)
    assert [a.id for a in articles] == ["ok"]
    assert [str(e) for e in errors] == [
        f"{f}:1: JSON nested too deeply to be an article (an article is one object of fields)",
        f"{f}:3: line is not valid JSON (a number of thousands of digits)",
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_bom_is_read(tmp_path, encoding):
    text = "标题\n\n北京讯 这是一篇ＵＴＦ１６的文章，经济发展。\n"
    f = tmp_path / "page.txt"
    data = text.encode(encoding)
    f.write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
    articles, errors = read_file(f)
    assert not errors
    assert [(a.title, a.body) for a in articles] == [
        ("标题", "北京讯 这是一篇ＵＴＦ１６的文章，经济发展。")
    ]


def test_indexes_inside_the_sources_are_not_read_as_articles(tmp_path):
    """`searcher index ~/archive -i ~/archive/index`: its own files are not sources."""
    archive = tmp_path / "archive"
    write_jsonl(archive / "a.jsonl", [{"id": "a1", "body": "杜鹃花开"}])
    shutil.copy(SEEDS / "辽宁日报-2022-01-12.txt", archive / "page.txt")
    # Named like an index's own files, but an article file and a note in a folder of sources:
    write_jsonl(archive / "notes" / "searcher.json", [{"id": "s1", "body": "笔记"}])
    (archive / "notes" / "CURRENT").write_text("what I am working on\n")
    searcher.build_index([archive / "a.jsonl"], archive / "old-index")  # another index beside
    for _ in range(2):  # the build, then an update that finds its own index there
        report = searcher.build_index([archive], archive / "index")
        assert report.problems == [] and report.files == 3
        assert report.articles == 9  # a1, s1 and the seven of the page
    with searcher.open_index(archive / "index") as ix:
        assert [h.id for h in ix.search("杜鹃花开").hits] == ["a1"]
    # An index named as a source is a problem; the other sources are still read.
    report = searcher.build_index([archive / "old-index", archive / "a.jsonl"], tmp_path / "ix")
    assert report.problems == [
        f"{archive / 'old-index'}: a searcher index, not a folder of sources"
        " (give the folders of the pages and articles)"
    ]
    assert report.articles == 1
