"""Changes: what an update must do, decided without touching a file or an index.

A ``ChangePlan`` takes the manifest of the index in force (each source file's
hash, stat and the ids and digests of its articles) and is shown the source
files found now, in path order. For each it says whether the file can be kept
as indexed or must be read; a file read is handed back with its articles, and
the plan decides which are added, updated (same id, new content) or unchanged,
and which ids are duplicates (the first file in path order keeps an id, as a
rebuild would). At the end it knows the ids removed (their file is gone or no
longer holds them) and the new manifest. The indexer does the reading and the
engine the writing; this module only decides.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field

from searcher.corpus import SourceArticle
from searcher.errors import CorpusError

RACY_NS = 2_000_000_000  # a change this recent may hide a second write on a coarse clock


def stat_key(st: os.stat_result) -> list[int]:
    """What changes whenever a file's content can have changed.

    A write always moves ctime, which no tool can set back (unlike mtime), so
    a file whose size, inode, mtime and ctime are all as recorded still has the
    recorded hash; any other file is hashed again.
    """
    return [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]


def known_hash(record: dict | None, st: os.stat_result, now_ns: int | None = None) -> str | None:
    """The recorded hash of a file if its stat says it cannot have changed, else None."""
    if record is None or record.get("stat") != stat_key(st):
        return None
    now = time.time_ns() if now_ns is None else now_ns
    if now - max(st.st_mtime_ns, st.st_ctime_ns) < RACY_NS:
        return None
    return record["hash"]


def digest(a: SourceArticle) -> str:
    """A short digest of everything an article shows: a changed one is re-indexed."""
    text = json.dumps([a.title, a.body, a.date, a.source, a.author, a.origin], ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class Counts:
    added: int = 0
    updated: list[str] = field(default_factory=list)  # ids whose article changed
    unchanged: int = 0


class ChangePlan:
    """Old manifest + the files found now -> added / updated / removed / unchanged."""

    def __init__(self, old_files: dict) -> None:
        self.old = old_files
        self.before: dict[str, str] = {}  # id -> digest, in the index in force
        for rec in old_files.values():
            for article_id, d in rec["articles"]:
                self.before[article_id] = d
        self.claimed: dict[str, str] = {}  # id -> the file that holds it, in file order
        self.manifest: dict[str, dict] = {}
        self.counts = Counts()

    def keeps(self, key: str, file_hash: str) -> bool:
        """Whether the file at key (absolute path) can stay as indexed: its hash is
        the recorded one and no earlier file now claims its articles (nor gave up
        one it had skipped as a duplicate)."""
        rec = self.old.get(key)
        return (
            rec is not None
            and rec["hash"] == file_hash
            and not any(a in self.claimed for a, _ in rec["articles"])
            and all(a in self.claimed for a in rec.get("skipped", ()))
        )

    def keep(self, key: str, stat: list[int]) -> list[str]:
        """Keep the file as indexed; returns its recorded problems (still there)."""
        rec = self.old[key]
        for a, _ in rec["articles"]:
            self.claimed[a] = key
        self.counts.unchanged += len(rec["articles"])
        self.manifest[key] = {**rec, "stat": stat}
        return list(rec.get("problems") or [])

    def read(
        self, key: str, file_hash: str, stat: list[int], articles: list[SourceArticle], problems
    ) -> tuple[list[SourceArticle], list[CorpusError]]:
        """A file read anew, with its articles and problems: the articles to index
        (new or changed), and the duplicate ids it holds (skipped)."""
        entry: dict = {"hash": file_hash, "stat": stat, "articles": [], "skipped": []}
        dups: list[CorpusError] = []
        to_index: list[SourceArticle] = []
        for a in articles:
            if a.id in self.claimed:
                dups.append(
                    CorpusError(
                        a.origin or key,
                        f"duplicate id {a.id!r} (first in {self.claimed[a.id]}); skipped",
                    )
                )
                entry["skipped"].append(a.id)
                continue
            self.claimed[a.id] = key
            d = digest(a)
            entry["articles"].append([a.id, d])
            if self.before.get(a.id) == d:
                self.counts.unchanged += 1
            else:
                if a.id in self.before:
                    self.counts.updated.append(a.id)
                else:
                    self.counts.added += 1
                to_index.append(a)
        entry["problems"] = [str(p) for p in problems] + [str(p) for p in dups]
        self.manifest[key] = entry
        return to_index, dups

    def removed(self) -> list[str]:
        """Ids in the index in force that no file holds now."""
        return [a for a in self.before if a not in self.claimed]

    def changes_anything(self, sources: list[str], old_sources: list[str]) -> bool:
        """Whether the new state differs from the old at all (else nothing is written)."""
        c = self.counts
        return bool(
            c.added
            or c.updated
            or self.removed()
            or self.manifest != self.old
            or sources != old_sources
        )
