"""A deliberately simple engine: a scan over a list of articles, in memory.

It implements ``searcher.engine.Engine`` and ``Target`` the obvious way (every
query is a pass over every article: a substring test for exact strings, sets
of jieba words for words apart, BM25 written out from its definition), so it
is both a second engine behind the same interface and the tests' oracle: on
the same sources, every engine must answer as it does.

Indexes live in ``REGISTRY`` under an address ``brute://NAME``; ``install``
makes ``searcher.engine`` open them, so the whole library and CLI run on it.
"""

from __future__ import annotations

import contextlib
import fnmatch
import math
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from searcher import analysis, engine
from searcher.engine import Match, Matches, Occurrence, Previous, Summary, Term, WordStats
from searcher.errors import IndexNotFound, SearcherError, SnapshotNotFound
from searcher.options import FACETS, Filters, Page
from searcher.query import And, Near, Not, Or

K1, B, TITLE_BOOST = 1.2, 0.75, 2.5
FIELDS = ("title", "body")
REGISTRY: dict[str, dict] = {}  # address -> {"articles": [...], "meta": {}, "files": {}, ...}


@dataclass
class _Doc:
    stored: dict
    folded: dict  # field -> folded text
    words: dict  # field -> list of words
    length: dict = field(default_factory=dict)  # field -> bytes of folded text

    @classmethod
    def of(cls, article: dict) -> _Doc:
        stored = {k: article.get(k) or "" for k in engine.STORED_FIELDS}
        folded = {f: analysis.fold(stored[f]) for f in FIELDS}
        words = {f: analysis.words(folded[f]) for f in FIELDS}
        length = {f: len(folded[f].encode("utf-8")) for f in FIELDS}
        return cls(stored, folded, words, length)


class BruteEngine:
    def __init__(self, address: str) -> None:
        if address not in REGISTRY:
            base, name = engine.snapshot_address(address)
            raise IndexNotFound(address) if name is None else SnapshotNotFound(base, name)
        state = REGISTRY[address]
        self.address = address
        self.meta = state["meta"]
        self.userdict = state.get("userwords", {})
        self.docs: list[_Doc] = state["docs"]
        self.generation = state.get("generation", "brute")
        self.by_id = {d.stored["id"]: d for d in self.docs}

    def close(self) -> None:
        pass

    # -- statistics ----------------------------------------------------------

    def word_stats(self, words) -> WordStats:
        counts: Counter[str] = Counter()
        for d in self.docs:
            for f in FIELDS:
                counts.update(d.words[f])
        frequency, documents = {}, {}
        for w in words:
            if counts[w]:
                frequency[w] = counts[w]
                documents[w] = max(sum(w in d.words[f] for d in self.docs) for f in FIELDS)
            elif w in self.userdict:
                frequency[w] = self.userdict[w] or 1
        return WordStats(len(self.docs), sum(counts.values()), frequency, documents)

    # -- matching ------------------------------------------------------------

    def _exact(self, t: Term, d: _Doc) -> bool:
        return any(t.folded in d.folded[f] for f in t.fields)

    def _apart(self, t: Term, d: _Doc) -> bool:
        return bool(t.words) and all(any(w in d.words[f] for f in t.fields) for w in t.words)

    def _kinds(self, t: Term, d: _Doc) -> tuple[bool, bool, bool]:
        """(exact, whole, loose) of a term in an article."""
        apart = self._apart(t, d)
        if t.word_only:
            return False, False, apart
        exact = self._exact(t, d)
        return exact, exact and apart, apart and not exact and t.loose

    def _near(self, n: Near, d: _Doc) -> bool:
        for f in n.left.fields:
            if f not in n.right.fields:
                continue
            text = d.folded[f]
            lefts = _starts(text, n.left.folded)
            rights = _starts(text, n.right.folded)
            a, b = len(n.left.folded), len(n.right.folded)
            for i in lefts:
                for j in rights:
                    if j < i + a + n.distance + 1 and i < j + b + n.distance + 1:
                        return True
        return False

    def _matches(self, node, d: _Doc) -> bool:
        if isinstance(node, Term):
            exact, _, loose = self._kinds(node, d)
            return exact or loose
        if isinstance(node, Near):
            return self._near(node, d)
        if isinstance(node, Not):
            return not self._matches(node.child, d)
        if isinstance(node, Or):
            return any(self._matches(c, d) for c in node.children)
        assert isinstance(node, And)
        return all(self._matches(c, d) for c in node.children)

    def _passes(self, d: _Doc, filters: Filters) -> bool:
        s = d.stored
        if filters.ids is not None and s["id"] not in filters.ids:
            return False
        if filters.since and not (s["date"] and s["date"] >= filters.since):
            return False
        if filters.until and not (s["date"] and s["date"] <= filters.until):
            return False
        if filters.source:
            pat, label = analysis.fold(filters.source), analysis.fold(s["source"])
            wild = any(c in pat for c in "*?[")
            if not label or not (fnmatch.fnmatchcase(label, pat) if wild else pat in label):
                return False
        return True

    # -- BM25, written out ------------------------------------------------------

    def _avg(self, f: str) -> float:
        n = len(self.docs)
        return (sum(d.length[f] for d in self.docs) / n if n else 1.0) or 1.0

    def _idf(self, df: int) -> float:
        n = len(self.docs)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _weight(self, f: str, idf: float, tf: float, length: int) -> float:
        boost = TITLE_BOOST if f == "title" else 1.0
        a, c = K1 * (1 - B), K1 * B / self._avg(f)
        return idf * boost * (K1 + 1) * tf / (tf + a + c * length)

    def _exact_score(self, t: Term, d: _Doc) -> float:
        df = sum(self._exact(t, o) for o in self.docs)
        score = 0.0
        for f in FIELDS:
            tf = d.folded[f].count(t.folded)
            if f in t.fields and tf:
                score += self._weight(f, self._idf(df), tf, d.length[f])
        return score

    def _words_score(self, t: Term, d: _Doc) -> float:
        score = 0.0
        for f in t.fields:
            for w in dict.fromkeys(t.words):
                tf = d.words[f].count(w)
                if tf:
                    df = sum(w in o.words[f] for o in self.docs)
                    score += self._weight(f, self._idf(df), tf, d.length[f])
        return score

    def search(self, query, filters: Filters, page: Page, *, exclude=None) -> Matches:
        found = []
        for d in self.docs:
            if d.stored["id"] == exclude or not self._passes(d, filters):
                continue
            if not self._matches(query.tree, d):
                continue
            kinds = [self._kinds(t, d) for t in query.terms]
            score = 0.0
            for t, (exact, _, loose) in zip(query.terms, kinds):
                if exact:
                    score += self._exact_score(t, d)
                if loose:
                    score += self._words_score(t, d)
            found.append((d, kinds, score))
        found.sort(
            key=lambda x: (
                -sum(k[0] for k in x[1]),
                -sum(k[1] for k in x[1]),
                -x[2],
                x[0].stored["id"],
            )
        )
        if page.sort != "score":
            newest = page.sort == "-date"
            dated = [x for x in found if x[0].stored["date"]]
            dated.sort(key=lambda x: x[0].stored["date"], reverse=newest)
            found = dated + [x for x in found if not x[0].stored["date"]]
        matches = [
            Match(
                id=d.stored["id"],
                score=score,
                exact=frozenset(i for i, k in enumerate(kinds) if k[0]),
                whole=frozenset(i for i, k in enumerate(kinds) if k[1]),
                loose=frozenset(i for i, k in enumerate(kinds) if k[2]),
                stored=dict(d.stored) if page.stored else {},
            )
            for d, kinds, score in page.window(found)
        ]
        return Matches(len(found), matches, _facets([x[0] for x in found], page.facets))

    def stored(self, article_id: str):
        d = self.by_id.get(article_id)
        return dict(d.stored) if d else None

    def summary(self) -> Summary:
        dates = sorted(d.stored["date"] for d in self.docs if d.stored["date"])
        return Summary(
            address=self.address,
            generation=self.generation,
            articles=len(self.docs),
            sources=list(self.meta.get("sources", [])),
            sources_labels=sorted({d.stored["source"] for d in self.docs} - {""}),
            first_date=dates[0] if dates else "",
            last_date=dates[-1] if dates else "",
            built=self.meta.get("built", ""),
            snapshot=engine.snapshot_address(self.address)[1] or "",
        )

    def totals(self, width: int, filters: Filters) -> dict:
        out: dict[str, tuple[int, int]] = {}
        for d in self.docs:
            date = d.stored["date"]
            if len(date) >= width and self._passes(d, filters):
                n, chars = out.get(date[:width], (0, 0))
                out[date[:width]] = (n + 1, chars + len(d.stored["title"]) + len(d.stored["body"]))
        return dict(sorted(out.items()))

    def occurrences(self, term: Term, filters: Filters, *, context: int = 0):
        pattern = re.compile(re.escape(term.folded))  # leftmost, not overlapping
        for d in sorted(self.docs, key=lambda d: d.stored["id"]):
            if not self._passes(d, filters):
                continue
            for f in term.fields:
                text = d.folded[f]
                for m in pattern.finditer(text) if term.folded else ():
                    left = text[max(0, m.start() - context) : m.start()] if context else ""
                    right = text[m.end() : m.end() + context] if context else ""
                    yield Occurrence(d.stored["id"], f, m.start(), d.stored["date"], left, right)


def _starts(text: str, needle: str) -> list[int]:
    return [i for i in range(len(text) - len(needle) + 1) if text.startswith(needle, i)]


def _facets(docs: list[_Doc], names) -> dict:
    out = {}
    for name in names:
        width = FACETS[name]
        if width is not None:
            c = Counter(d.stored["date"][:width] for d in docs if len(d.stored["date"]) >= width)
            out[name] = dict(sorted(c.items()))
            continue
        labels = [d.stored["source"] for d in docs if d.stored["source"]]
        if name == "paper":
            labels = [p for p in map(engine.paper_of, labels) if p]
        c = Counter(labels)
        out[name] = dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


# -- writing ----------------------------------------------------------------------


class _Transaction:
    def __init__(self, address: str, previous: Previous, userdict: bytes | None) -> None:
        self.address = address
        old = REGISTRY.get(address, {}) if previous.incremental else {}
        self.old = {a["id"]: a for a in old.get("articles", [])}
        self.new: dict[str, dict] = {}
        self.userdict = userdict
        self.state: dict | None = None

    def add(self, article: dict) -> None:
        self.new[article["id"]] = article

    def delete(self, ids) -> None:
        for i in ids:  # the versions in force before this transaction
            self.old.pop(i, None)

    def commit(self, manifest: dict, meta: dict) -> None:
        # Kept in the order a rebuild reads them: the manifest's file and article order.
        order = [a for rec in manifest.values() for a, _ in rec["articles"]]
        words = {}
        with tempfile.NamedTemporaryFile(suffix=".txt") as f:
            if self.userdict:
                f.write(self.userdict)
                f.flush()
                words = analysis.read_userdict(f.name)
            analysis.use_userdict(f.name if self.userdict else None)
            everything = {**self.old, **self.new}
            articles = [everything[i] for i in order]
            docs = [_Doc.of(a) for a in articles]  # segmented with the user dictionary
        self.state = {
            "articles": articles,
            "docs": docs,
            "meta": meta,
            "generation": f"brute-{len(REGISTRY)}-{id(self)}",
            "files": manifest,
            "userdict": self.userdict,
            "userwords": words,
        }

    def publish(self) -> None:
        REGISTRY[self.address] = self.state

    def cancel(self) -> None:
        self.state = None


class BruteTarget:
    def __init__(self, address: str) -> None:
        self.address = address

    def lock(self, *, wait, on_wait):
        return contextlib.nullcontext(None)

    def clean(self) -> None:
        pass

    def holds(self, folder: str) -> bool:
        return False

    def versions(self) -> dict:
        return {"engine": "brute"}

    def previous(self, rebuild: bool) -> Previous:
        state = REGISTRY.get(self.address)
        if state is None:
            return Previous()
        if rebuild:
            return Previous(meta=state["meta"], userdict=state["userdict"])
        return Previous(meta=state["meta"], files=state["files"], userdict=state["userdict"])

    def begin(self, previous, *, userdict, procs, estimate, progress):
        return _Transaction(self.address, previous, userdict)

    # -- snapshots (engine.Keeper): a state kept under ADDRESS@NAME ---------------

    def snapshots(self) -> dict[str, str]:
        prefix = self.address + "@"
        return {
            k[len(prefix) :]: REGISTRY[k]["generation"]
            for k in sorted(REGISTRY)
            if k.startswith(prefix)
        }

    def keep(self, name: str) -> str:
        if name in self.snapshots():
            raise SearcherError(f"snapshot {name!r} already exists in {self.address}")
        if self.address not in REGISTRY:
            raise IndexNotFound(self.address)
        REGISTRY[f"{self.address}@{name}"] = REGISTRY[self.address]  # states are never changed
        return REGISTRY[self.address]["generation"]

    def drop(self, name: str) -> None:
        if name not in self.snapshots():
            raise SnapshotNotFound(self.address, name)
        del REGISTRY[f"{self.address}@{name}"]


def install(monkeypatch) -> None:
    """Make searcher open ``brute://`` addresses with this engine."""
    real_engine, real_target = engine.open_engine, engine.open_target

    def open_engine(address):
        return BruteEngine(address) if address.startswith("brute://") else real_engine(address)

    def open_target(address, **layout):
        if not address.startswith("brute://"):
            return real_target(address, **layout)
        if engine.snapshot_address(address)[1]:
            raise SearcherError(f"{address} is a snapshot, which never changes")
        return BruteTarget(address)

    monkeypatch.setattr(engine, "open_engine", open_engine)
    monkeypatch.setattr(engine, "open_target", open_target)
