"""Shared fixtures: indexes built from the project's seeds/ and from articles the tests write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import searcher

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    """Write articles as JSON Lines, filling in the fields a test leaves out."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for i, a in enumerate(articles, 1):
            full = {"id": f"a{i:03d}", "title": "", "date": "1998-01-01", "source": "测试报", **a}
            f.write(json.dumps(full, ensure_ascii=False) + "\n")
    return path


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
