"""The naive recipe: jieba's own Whoosh analyzer in a plain Whoosh index.

A Whoosh index with jieba.analyse.ChineseAnalyzer() on `title` and `body` (TEXT,
stored) and `id` (ID, stored, unique), the default ix.writer(), one process.
Queries go through MultifieldParser(["title", "body"]) with its default AND
grouping; hits are highlighted with Whoosh's default ContextFragmenter.

    python bench/naive.py build CORPUS DIR   # build; prints {"seconds", "articles"} as JSON
    python bench/naive.py search DIR QUERY   # what a user's script does: ten highlighted hits

`search` imports nothing but whoosh (which loads jieba when it unpickles the
schema): it is timed as one cold terminal query by bench/run.py.
"""

from __future__ import annotations

import sys
import time


def build(corpus, folder):
    """Build the index at folder from every article file under corpus.

    Returns (index, seconds, articles); reading the corpus is timed, as searcher's
    build reads it too.
    """
    import shutil
    from pathlib import Path

    import jieba.analyse
    from common import read_corpus
    from whoosh import fields
    from whoosh import index as windex

    folder = Path(folder)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    analyzer = jieba.analyse.ChineseAnalyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(stored=True, analyzer=analyzer),
        body=fields.TEXT(stored=True, analyzer=analyzer),
    )
    t0 = time.perf_counter()
    ix = windex.create_in(str(folder), schema)
    writer = ix.writer()
    n = 0
    for a in read_corpus(Path(corpus)):
        writer.add_document(id=a["id"], title=a.get("title") or "", body=a["body"])
        n += 1
    writer.commit()
    return ix, time.perf_counter() - t0, n


class Searcher:
    """An opened naive index: top10 is parse + search + highlight, what a terminal search does."""

    def __init__(self, folder) -> None:
        from whoosh import index as windex
        from whoosh.qparser import MultifieldParser

        self.ix = windex.open_dir(str(folder))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "body"], self.ix.schema)  # default AND grouping

    def top10(self, q: str) -> list[tuple[str, str, str]]:
        from whoosh import highlight

        res = self.searcher.search(self.parser.parse(q), limit=10)
        res.fragmenter = highlight.ContextFragmenter()  # Whoosh's documented default
        return [(hit["id"], hit["title"], hit.highlights("body")) for hit in res]

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "build":
        import json

        _, seconds, n = build(argv[1], argv[2])
        print(json.dumps({"seconds": round(seconds, 3), "articles": n}))
        return 0
    if len(argv) == 3 and argv[0] == "search":
        s = Searcher(argv[1])
        hits = s.top10(argv[2])
        for rank, (id_, title, snippet) in enumerate(hits, 1):
            print(f"{rank}. {title} [{id_}]\n   {snippet}")
        s.close()
        return 0 if hits else 1
    print(__doc__.split("\n\n")[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
