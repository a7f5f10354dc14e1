"""Request: a resolved query, its filters and its page as Solr request parameters.

Every piece of user text travels as a parameter of its own and is referenced (``v=$p3``),
never pasted into query syntax, and clauses are combined with ``{!bool …}`` (a query that
starts with ``{!parser v=$p}`` is that parser's alone). For each positive term of the query
(``terms.Query.terms``), in order:

- ``exact``: its folded string in any of its fields: a phrase over the character bigrams
  (``{!field f=body_c2}``), or the one character (``body_c1``): exactly the articles a
  substring search finds; the title clause boosted 2.5×;
- ``words``: all of its words, each in any of its fields (``{!term f=body_w}``);
- what it matches: exact, or exact or words when the term is loose; its words for a
  ``word_only`` term (``similar``);
- what it scores: exact where it matches exactly, else its words (the local engine's
  BM25F: one or the other, never both).

``q`` is ``{!bool filter=TREE should=SCORE0 should=SCORE1 …}``: the tree (AND, OR, NOT,
NEAR) decides which articles match without scoring, the positive terms add their scores.
The ranking tiers are sort keys: ``sum(exists(query($exact_i)))`` (terms found exactly),
then ``sum(and(exists(query($exact_i)), exists(query($words_i))))`` (found as whole words),
then the score, then the id; a date sort goes first. The same functions, as pseudo-fields,
tell each returned article which terms it matched and how.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from searcher import analysis
from searcher.engine import STORED_FIELDS, TITLE_BOOST, Term
from searcher.options import FACETS, Filters
from searcher.query import And, Near, Not, Or
from searcher.solr.documents import spanable

ALL = "*:*"
STORED_FL = ",".join(STORED_FIELDS)
FACET_FIELDS = {"date:year": "year", "date:month": "month", "date:day": "date"}
FACET_FIELDS |= {"source": "source", "paper": "paper"}
WIDTH_FIELDS = {4: "year", 7: "month", 10: "date"}


class Request:
    """The parameters of one search, built from a resolved query (``terms.Query``)."""

    def __init__(self) -> None:
        self.params: list[tuple[str, str]] = []
        self._exact: dict[Term, str | None] = {}
        self._words: dict[Term, str | None] = {}
        self.flags: list[tuple[str | None, str | None]] = []  # (exact, words) per term

    def param(self, value: str) -> str:
        """A new parameter holding value; returns its reference ($name)."""
        name = f"p{len(self.params)}"
        self.params.append((name, value))
        return "$" + name

    def bool(self, must=(), should=(), must_not=(), filter=()) -> str:
        clauses = [("must", must), ("should", should), ("must_not", must_not)]
        clauses.append(("filter", filter))
        body = " ".join(f"{kind}={ref}" for kind, refs in clauses for ref in refs)
        return self.param(f"{{!bool {body}}}")

    # -- one term ---------------------------------------------------------------------------

    def _field(self, parser: str, field: str, value_ref: str) -> str:
        ref = self.param(f"{{!{parser} f={field} v={value_ref}}}")
        if field.startswith("title_"):
            ref = self.param(f"{{!boost b={TITLE_BOOST} v={ref}}}")
        return ref

    def exact(self, t: Term) -> str | None:
        """The term's string, exactly, in any of its fields (None for a word_only term)."""
        if t not in self._exact:
            ref = None
            if not t.word_only and t.folded:
                needle = self.param(analysis.scrub(t.folded))
                kind = "c1" if len(t.folded) == 1 else "c2"
                ref = self.bool(
                    should=[self._field("field", f"{f}_{kind}", needle) for f in t.fields]
                )
            self._exact[t] = ref
        return self._exact[t]

    def words(self, t: Term) -> str | None:
        """All the term's words, each in any of its fields (None if it has none)."""
        if t not in self._words:
            each = []
            for w in dict.fromkeys(t.words):
                value = self.param(w)
                each.append(
                    self.bool(should=[self._field("term", f"{f}_w", value) for f in t.fields])
                )
            self._words[t] = None if not each else each[0] if len(each) == 1 else self.bool(each)
        return self._words[t]

    def matches(self, t: Term) -> str:
        exact, words = self.exact(t), self.words(t)
        if t.word_only:
            return words or self.nothing()
        if t.loose and words:
            return self.bool(should=[exact, words])
        return exact or self.nothing()

    def score(self, t: Term) -> str | None:
        exact, words = self.exact(t), self.words(t)
        if t.word_only:
            return words
        if t.loose and words:
            return self.bool(should=[exact, self.bool(must=[words], must_not=[exact])])
        return exact

    def nothing(self) -> str:
        everything = self.param(ALL)
        return self.bool(must=[everything], must_not=[everything])

    # -- the tree ---------------------------------------------------------------------------

    def tree(self, node) -> str:
        if isinstance(node, Term):
            return self.matches(node)
        if isinstance(node, Near):
            return self.near(node)
        if isinstance(node, Not):
            return self.bool(must=[self.param(ALL)], must_not=[self.tree(node.child)])
        if isinstance(node, Or):
            return self.bool(should=[self.tree(c) for c in node.children])
        assert isinstance(node, And)
        pos = [self.tree(c) for c in node.children if not isinstance(c, Not)]
        neg = [self.tree(c.child) for c in node.children if isinstance(c, Not)]
        return self.bool(must=pos or [self.param(ALL)], must_not=neg)

    def near(self, n: Near) -> str:
        """Both strings within n.distance characters of each other in one field, either order
        (an unordered span query over the characters; overlapping occurrences count)."""
        fields = [f for f in n.left.fields if f in n.right.fields]
        each = []
        for f in fields:
            xml = (
                f'<SpanNear fieldName="{f}_c1" slop="{int(n.distance)}" inOrder="false">'
                f"{_span(n.left.folded)}{_span(n.right.folded)}</SpanNear>"
            )
            each.append(self.param(f"{{!xmlparser v={self.param(xml)}}}"))
        return self.bool(should=each) if each else self.nothing()

    # -- the whole search -------------------------------------------------------------------

    def query(self, query) -> str:
        """q: the tree as a filter, the positive terms' scores summed."""
        tree = self.tree(query.tree)
        scores = [s for s in (self.score(t) for t in query.terms) if s]
        self.flags = [(self.exact(t), self.words(t)) for t in query.terms]
        return top(self.bool(filter=[tree], should=scores))

    def tiers(self) -> list[str]:
        """Sort keys: terms found exactly, then found as whole words (most first)."""
        exact = [f"exists(query({e}))" for e, _ in self.flags if e]
        whole = [f"and(exists(query({e})),exists(query({w})))" for e, w in self.flags if e and w]
        return [f"{_sum(keys)} desc" for keys in (exact, whole) if keys]

    def flag_fields(self) -> list[str]:
        """fl pseudo-fields: x<i> (term i found exactly), y<i> (term i's words all there)."""
        out = []
        for i, (e, w) in enumerate(self.flags):
            if e:
                out.append(f"x{i}:exists(query({e}))")
            if w:
                out.append(f"y{i}:exists(query({w}))")
        return out

    def filters(self, filters: Filters, exclude: str | None = None) -> list[str]:
        """fq: articles only, then the dates, source, ids and the excluded article."""
        fq = ["kind:article"]
        if filters.since or filters.until:
            fq.append(f"date:[{filters.since or '*'} TO {filters.until or '*'}]")
        if filters.source:
            regexp = self.param(f"source_fold:/{source_regexp(filters.source)}/")
            fq.append(f"{{!lucene v={regexp}}}")
        if filters.ids is not None:
            ids = [self._field("term", "id", self.param(i)) for i in sorted(filters.ids)]
            fq.append(top(self.bool(should=ids) if ids else self.nothing()))
        if exclude is not None:
            gone = self._field("term", "id", self.param(exclude))
            fq.append(top(self.bool(must=[self.param(ALL)], must_not=[gone])))
        return fq


def top(ref: str) -> str:
    """A top-level q or fq that is the query held by a parameter."""
    return f"{{!query v={ref}}}"


def _sum(keys: list[str]) -> str:
    return keys[0] if len(keys) == 1 else f"sum({','.join(keys)})"


def _span(folded: str) -> str:
    """One side of a proximity query: a character, or its characters in a row."""
    chars = [f"<SpanTerm>{escape(c)}</SpanTerm>" for c in spanable(folded)]
    if len(chars) == 1:
        return chars[0]
    return f'<SpanNear slop="0" inOrder="true">{"".join(chars)}</SpanNear>'


# -- the source filter -----------------------------------------------------------------------


def source_regexp(pattern: str) -> str:
    """A Filters.source pattern as a Lucene regular expression over the folded label.

    The same rules as the local engine (``fnmatch.fnmatchcase`` for a pattern with ``*``,
    ``?`` or ``[``, else "contains"), written for Lucene's RegExp: every literal character
    escaped with a backslash (so ``/``, ``"``, ``~``, ``&``, ``<``, ``#`` and ``@`` are plain),
    ``*`` -> ``.*``, ``?`` -> ``.``, ``[!…]`` -> ``[^…]``.
    """
    pat = analysis.fold(pattern)
    if not any(c in pat for c in "*?["):
        return ".*" + _literal(pat) + ".*"
    out, i, n = [], 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            cls, i = _char_class(pat, i)
            out.append(cls)
        else:
            out.append(_literal(c))
    return "".join(out)


def _literal(text: str) -> str:
    return "".join(c if c.isalnum() and c.isascii() else "\\" + c for c in text)


def _char_class(pat: str, i: int) -> tuple[str, int]:
    """fnmatch's [...] starting after the '[' at i-1 -> (Lucene class, next index).

    As fnmatch.translate: a leading '!' negates, a ']' right after '[' or '[!' is literal,
    an unclosed '[' is a literal '['; ranges a-z are kept."""
    j = i
    if j < len(pat) and pat[j] == "!":
        j += 1
    if j < len(pat) and pat[j] == "]":
        j += 1
    while j < len(pat) and pat[j] != "]":
        j += 1
    if j >= len(pat):
        return "\\[", i
    body = pat[i:j]
    negate = body.startswith("!")
    body = body[1:] if negate else body
    parts = re.findall(r"(.)-(.)|(.)", body, re.S)
    items = []
    for lo, hi, single in parts:
        if single:
            items.append(_literal(single))
        elif lo <= hi:
            items.append(f"{_literal(lo)}-{_literal(hi)}")
    if not items:  # an empty or reversed range matches nothing in fnmatch
        return ("." if negate else "#"), j + 1
    return ("[^" if negate else "[") + "".join(items) + "]", j + 1


def facet_json(names: tuple[str, ...]) -> dict:
    """JSON facets: every value of each facet asked for, counted over every match."""
    return {
        f"f{i}": {
            "type": "terms",
            "field": FACET_FIELDS[name],
            "limit": -1,
            "mincount": 1,
            "sort": "index asc" if FACETS[name] else "count desc",
        }
        for i, name in enumerate(names)
    }


def facet_counts(names: tuple[str, ...], facets: dict) -> dict[str, dict[str, int]]:
    """Solr's facet buckets -> searcher's facets: dates in date order, sources and papers
    from the most articles down (then by name), as the local engine orders them."""
    out = {}
    for i, name in enumerate(names):
        buckets = (facets.get(f"f{i}") or {}).get("buckets", [])
        counts = {str(b["val"]): int(b["count"]) for b in buckets}
        if FACETS[name]:
            out[name] = dict(sorted(counts.items()))
        else:
            out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def totals_json(width: int) -> dict:
    """A facet of the articles and their characters per period (4 year, 7 month, 10 day)."""
    return {
        "t": {
            "type": "terms",
            "field": WIDTH_FIELDS[width],
            "limit": -1,
            "sort": "index asc",
            "facet": {"chars": "sum(chars)"},
        }
    }
