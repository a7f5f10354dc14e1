"""Documents: what searcher sends to Solr, analysed once, in Python.

An article becomes one document: its stored fields as given; its folded title and body
(Solr cuts them into character unigrams and bigrams, ``*_c1``/``*_c2``: an exact string is
a phrase over them); its jieba words, folded and joined by spaces (``*_w``, one token per
word, consecutive positions); the fields that filter, sort and count (``date``, ``year``,
``month``, ``source_fold``, ``paper``, ``chars``), its word count and its digest (what an
update compares). The analysis is the local engine's own (``searcher.analysis``), so both
engines hold the same words and the same folded text.

Beside the articles a collection keeps a few records of searcher's own (``kind`` other than
``article``): its metadata, one document per source file (the manifest), the writer's lock
and the mark of an unfinished update. Their ids start with a control character, which no
article id of a real archive holds.
"""

from __future__ import annotations

import json

from searcher import analysis, changes, engine
from searcher.corpus import SourceArticle

RECORD = "\x1fsearcher:"  # the ids of searcher's own records start with it
META_ID = RECORD + "meta"
LOCK_ID = RECORD + "lock"
PENDING_ID = RECORD + "pending"
FILE_PREFIX = RECORD + "file:"
STORED = engine.STORED_FIELDS  # id, title, body, date, source, author, origin

# Space and control characters as the configset's character fields hold them (spaces.txt).
_SPANABLE = str.maketrans({c: 0xFDCF + c for c in range(1, 0x21)})


def spanable(folded: str) -> str:
    """A string as the character fields index it (for span queries, which Solr does not
    analyse): space and control characters mapped as the configset maps them."""
    return analysis.scrub(folded).translate(_SPANABLE)


def article(a: dict, stamp: int) -> dict:
    """The Solr document of an article (a dict of SourceArticle's fields).

    stamp: the build that sent it (a rebuild in place removes older ones at its end).
    """
    title, body = a.get("title") or "", a.get("body") or ""
    folded_title, folded_body = analysis.fold(title), analysis.fold(body)
    title_words, body_words = analysis.words(folded_title), analysis.words(folded_body)
    doc = {
        "id": a["id"],
        "kind": "article",
        "title": title,
        "body": body,
        "author": a.get("author") or "",
        "origin": a.get("origin") or "",
        "title_fold": analysis.scrub(folded_title),
        "body_fold": analysis.scrub(folded_body),
        "title_w": " ".join(title_words),
        "body_w": " ".join(body_words),
        "chars": len(title) + len(body),
        "words_i": len(title_words) + len(body_words),
        "digest_s": changes.digest(SourceArticle(**{k: a.get(k) or "" for k in STORED})),
        "build_l": stamp,
    }
    date, source = a.get("date") or "", a.get("source") or ""
    if date:
        doc.update(date=date, year=date[:4], month=date[:7])
    if source:
        doc.update(source=source, source_fold=analysis.fold(source))
        paper = engine.paper_of(source)
        if paper:
            doc["paper"] = paper
    return doc


def stored(doc: dict) -> dict[str, str]:
    """An article's stored fields from a Solr document ('' for those it lacks)."""
    return {k: str(doc.get(k) or "") for k in STORED}


# -- records ----------------------------------------------------------------------------------


def meta(meta: dict, collection: str, stamp: int, userdict: str | None) -> dict:
    """The metadata record: what the indexer wrote, the collection's own name (a search
    through an alias learns from it which collection answers) and the user dictionary
    (base64 of its bytes)."""
    doc = {
        "id": META_ID,
        "kind": "meta",
        "meta_stored": json.dumps(meta, ensure_ascii=False),
        "collection_s": collection,
        "build_l": stamp,
    }
    if userdict is not None:
        doc["userdict_stored"] = userdict
    return doc


def file(path: str, record: dict, stamp: int) -> dict:
    """One source file of the manifest: its hash, stat, articles and problems."""
    return {
        "id": FILE_PREFIX + path,
        "kind": "file",
        "path_s": path,
        "record_stored": json.dumps(record, ensure_ascii=False),
        "build_l": stamp,
    }
