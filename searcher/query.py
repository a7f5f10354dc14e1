"""Query: the text a user types -> a small tree of literals, AND, OR, NOT and NEAR.

Syntax: terms separated by spaces (the ideographic space too) must all match;
``OR`` between terms, ``NOT term`` or ``-term`` to exclude, parentheses to
group, ``"exact phrase"`` (or ``“…”`` as Chinese input methods type it), and
``title:`` / ``body:`` before a term, phrase or group. ``A NEAR/n B`` (``NEAR``
alone: n = 10) keeps articles where the strings A and B stand within n
characters of each other in one field; it binds tighter than AND, OR and NOT,
and each side is one string, quoted or not, taken exactly. The tree is plain
data; the engines decide what a literal matches.

Wildcards: a term already matches inside longer words, so ``*`` and ``?`` (and
``＊`` ``？``) in an unquoted term are not patterns. At its start or end they are
dropped (``经济*`` is ``经济``); inside it they split it into terms that must all
match (``经济*发展`` is ``经济 发展``); a term of wildcards only is refused (it
would match every article). Inside quotes they are ordinary characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from searcher.errors import QueryError

FIELDS = ("title", "body")
MAX_QUERY_CHARS = 1000
MAX_LITERALS = 64
MAX_DEPTH = 32  # parentheses and NOTs inside each other
NEAR_DISTANCE = 10  # NEAR without /n
MAX_NEAR_DISTANCE = 1_000_000  # the longest article, in characters
_NEAR = re.compile(r"NEAR(?:/(.*))?")

WILDCARDS = "*?＊？"
_WILD = re.compile(f"[{re.escape(WILDCARDS)}]+")

_OPEN_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
_PARENS = {"(": "(", "（": "(", ")": ")", "）": ")"}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Literal:
    text: str  # as typed (not folded)
    field: str | None = None  # None: title or body
    quoted: bool = False


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class Near:
    """Both strings within distance characters of each other in one field, in
    either order (at most distance characters between the end of one and the
    start of the other; overlapping occurrences count as near)."""

    left: Literal
    right: Literal
    distance: int = 10


Node = Literal | And | Or | Not | Near


# Lexer tokens: ("word", text) ("phrase", text) ("(",) (")",) ("OR",) ("AND",) ("NOT",) ("-",)
# ("NEAR", distance) and ("field", name) for a `title:` prefix.


def _near_token(word: str) -> tuple | None:
    """("NEAR", distance) for NEAR or NEAR/n; None for any other word."""
    m = _NEAR.fullmatch(word)
    if m is None:
        return None
    if m.group(1) is None:
        return ("NEAR", NEAR_DISTANCE)
    if not m.group(1).isascii() or not m.group(1).isdigit():
        raise QueryError(f"{word!r}: NEAR/n takes a number of characters (e.g. NEAR/5)")
    n = int(m.group(1))
    if n > MAX_NEAR_DISTANCE:
        raise QueryError(f"{word!r}: the distance is at most {MAX_NEAR_DISTANCE:,} characters")
    return ("NEAR", n)


def _lex(text: str) -> list[tuple]:
    toks: list[tuple] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _PARENS:
            toks.append((_PARENS[ch],))
            i += 1
            continue
        if ch in _OPEN_QUOTES:
            close = _OPEN_QUOTES[ch]
            j = i + 1
            # accept either closing form: users mix ASCII and curly quotes
            while j < n and text[j] not in (close, '"', "”"):
                j += 1
            toks.append(("phrase", text[i + 1 : j]))
            i = j + 1  # an unclosed quote runs to the end of the query
            continue
        if (
            ch == "-" and i + 1 < n and not text[i + 1].isspace()
        ):  # at a term start only: covid-19 stays whole
            toks.append(("-",))
            i += 1
            continue
        j = i
        while (
            j < n
            and not text[j].isspace()
            and text[j] not in _PARENS
            and text[j] not in _OPEN_QUOTES
        ):
            j += 1
        word = text[i:j]
        i = j
        field, sep, rest = word.partition(":")
        if not sep:
            field, sep, rest = word.partition("：")
        if sep and field.lower() in FIELDS:
            toks.append(("field", field.lower()))
            if rest:
                toks.append(("word", rest))
            continue
        if word in ("OR", "AND", "NOT"):
            toks.append((word,))
        elif near := _near_token(word):
            toks.append(near)
        elif word == "|":
            toks.append(("OR",))
        else:
            toks.append(("word", word))
    return toks


class _Parser:
    def __init__(self, toks: list[tuple]) -> None:
        self.toks = toks
        self.i = 0
        self.depth = 0

    def nest(self) -> None:
        """One level deeper (a group or a NOT): refused past MAX_DEPTH."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(
                f"query nested too deeply (more than {MAX_DEPTH} parentheses or NOTs"
                " inside each other; simplify it)"
            )

    def peek(self) -> tuple | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple:
        t = self.toks[self.i]
        self.i += 1
        return t

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            t = self.peek()
            if t[0] == ")":
                raise QueryError("unbalanced parenthesis: ')' without '(' in the query")
            raise QueryError(f"unexpected {t[0]!r} in the query")
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.peek() is not None and self.peek()[0] == "OR":
            self.take()
            if self.peek() is None or self.peek()[0] in (")", "OR", "AND"):
                raise QueryError("'OR' needs a term on each side")
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts = []
        while True:
            t = self.peek()
            if t is None or t[0] in (")", "OR"):
                break
            if t[0] == "AND":
                self.take()
                if not parts or self.peek() is None or self.peek()[0] in (")", "OR", "AND"):
                    raise QueryError("'AND' needs a term on each side")
                continue
            parts.append(self.unary())
        if not parts:
            if self.peek() is not None and self.peek()[0] == "OR":
                raise QueryError("'OR' needs a term on each side")
            raise QueryError('empty query (type a word, a "phrase" or title:word)')
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Node:
        t = self.peek()
        if t[0] in ("NOT", "-"):
            self.take()
            if self.peek() is None or self.peek()[0] in (")", "OR", "AND"):
                raise QueryError(f"'{t[0]}' needs a term after it")
            self.nest()
            node = Not(self.unary())
            self.depth -= 1
            return node
        return self.near()

    def near(self) -> Node:
        """An atom, or two strings joined by NEAR (which binds tighter than AND, OR, NOT)."""
        left = self.atom(None)
        t = self.peek()
        if t is None or t[0] != "NEAR":
            return left
        self.take()
        if self.peek() is None or self.peek()[0] not in ("word", "phrase", "field"):
            raise QueryError("'NEAR' needs a string on each side (e.g. 香港 NEAR/3 回归)")
        node = _near(left, self.atom(None), t[1])
        if self.peek() is not None and self.peek()[0] == "NEAR":
            raise QueryError(
                "'NEAR' joins two strings; join several NEARs with AND (a NEAR b AND b NEAR c)"
            )
        return node

    def atom(self, field: str | None) -> Node:
        t = self.take()
        kind = t[0]
        if kind == "(":
            if self.peek() is not None and self.peek()[0] == ")":
                raise QueryError("empty parentheses in the query")
            self.nest()
            node = self.or_expr()
            if self.peek() is None:
                raise QueryError("unbalanced parenthesis: '(' without ')' in the query")
            self.take()
            self.depth -= 1
            return _with_field(node, field) if field else node
        if kind == "field":
            if self.peek() is None or self.peek()[0] in (")", "OR", "AND", "field"):
                raise QueryError(f"'{t[1]}:' needs a term after it (e.g. {t[1]}:经济)")
            self.nest()
            if self.peek()[0] in ("NOT", "-"):
                op = self.take()
                if self.peek() is None or self.peek()[0] in (")", "OR", "AND"):
                    raise QueryError(f"'{op[0]}' needs a term after it")
                node = Not(self.atom(t[1]))
            else:
                node = self.atom(t[1])
            self.depth -= 1
            return node
        if kind == "word":
            return _term(t[1], field)
        if kind == "phrase":
            return Literal(t[1], field, quoted=True)
        if kind == ")":
            raise QueryError("unbalanced parenthesis: ')' without '(' in the query")
        raise QueryError(f"'{kind}' needs a term on each side")


def _term(word: str, field: str | None) -> Node:
    """An unquoted term: wildcards at its ends dropped, inside it splitting it (an AND)."""
    if not any(c in WILDCARDS for c in word):
        return Literal(word, field)
    parts = [p for p in _WILD.split(word) if p]
    if not parts:
        raise QueryError(
            f"{word!r} alone would match every article; type some text with it"
            " (terms already match inside words)"
        )
    lits = tuple(Literal(p, field) for p in parts)
    return lits[0] if len(lits) == 1 else And(lits)


def _near(left: Node, right: Node, distance: int) -> Near:
    """A NEAR of two strings, both taken exactly and in the same field."""
    for side in (left, right):
        if not isinstance(side, Literal):
            raise QueryError(
                "each side of 'NEAR' is one string, quoted or not (not a group, a NOT or"
                " a word split by a wildcard)"
            )
        if not side.text.strip():
            raise QueryError("'NEAR' needs a string on each side (e.g. 香港 NEAR/3 回归)")
    assert isinstance(left, Literal) and isinstance(right, Literal)
    if left.field and right.field and left.field != right.field:
        raise QueryError("both sides of 'NEAR' must be in the same field (title:(a NEAR b))")
    field = left.field or right.field
    return Near(Literal(left.text, field, True), Literal(right.text, field, True), distance)


def _with_field(node: Node, field: str) -> Node:
    if isinstance(node, Literal):
        return node if node.field else Literal(node.text, field, node.quoted)
    if isinstance(node, Near):
        if node.left.field:
            return node
        left, right = (Literal(lit.text, field, True) for lit in (node.left, node.right))
        return Near(left, right, node.distance)
    if isinstance(node, Not):
        return Not(_with_field(node.child, field))
    return type(node)(tuple(_with_field(c, field) for c in node.children))


def _drop_empty(node: Node) -> Node | None:
    """Remove literals that hold nothing searchable (an empty "" phrase)."""
    if isinstance(node, Literal):
        return node if node.text.strip() else None
    if isinstance(node, Near):
        return node
    if isinstance(node, Not):
        child = _drop_empty(node.child)
        return Not(child) if child is not None else None
    kids = tuple(k for k in (_drop_empty(c) for c in node.children) if k is not None)
    if not kids:
        return None
    return kids[0] if len(kids) == 1 else type(node)(kids)


def literals(node: Node, positive: bool = True) -> list[Literal]:
    """The literals of a query that a hit should contain (those not under a NOT)."""
    if isinstance(node, Literal):
        return [node] if positive else []
    if isinstance(node, Near):
        return [node.left, node.right] if positive else []
    if isinstance(node, Not):
        return literals(node.child, not positive)
    return [lit for c in node.children for lit in literals(c, positive)]


def exact(node: Node) -> Node:
    """The tree with every literal taken exactly, as if it were quoted."""
    if isinstance(node, Literal):
        return Literal(node.text, node.field, True)
    if isinstance(node, Near):
        return node
    if isinstance(node, Not):
        return Not(exact(node.child))
    return type(node)(tuple(exact(c) for c in node.children))


def parse(text: str) -> Node:
    """Parse a query; QueryError (one line, saying what to change) if it is malformed."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text)} characters; the limit is {MAX_QUERY_CHARS})")
    text = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text)
    if not text.strip():
        raise QueryError('empty query (type a word, a "phrase" or title:word)')
    node = _drop_empty(_Parser(_lex(text)).parse())
    if node is None:
        raise QueryError('empty query (type a word, a "phrase" or title:word)')
    if len(literals(node)) + len(literals(node, False)) > MAX_LITERALS:
        raise QueryError(f"too many terms in the query (the limit is {MAX_LITERALS})")
    return node
