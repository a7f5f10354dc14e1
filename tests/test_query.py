"""Query parsing: the syntax users type, and one-line errors for what cannot be parsed."""

from __future__ import annotations

import pytest

from searcher.errors import QueryError
from searcher.query import And, Literal, Near, Not, Or, exact, literals, parse


def L(text, field=None, quoted=False):
    return Literal(text, field, quoted)


@pytest.mark.parametrize(
    "text, tree",
    [
        ("经济", L("经济")),
        ("经济 发展", And((L("经济"), L("发展")))),
        ("经济\u3000发展", And((L("经济"), L("发展")))),
        ("经济 AND 发展", And((L("经济"), L("发展")))),
        ("经济 OR 发展", Or((L("经济"), L("发展")))),
        ("经济 -发展", And((L("经济"), Not(L("发展"))))),
        ("经济 NOT 发展", And((L("经济"), Not(L("发展"))))),
        ('"经济发展"', L("经济发展", quoted=True)),
        ("“经济 发展”", L("经济 发展", quoted=True)),
        ("(鞍山 OR 锦州) 招商", And((Or((L("鞍山"), L("锦州"))), L("招商")))),
        ("（鞍山 OR 锦州）", Or((L("鞍山"), L("锦州")))),
        ("title:杜鹃花", L("杜鹃花", "title")),
        ("body:“减油增化”", L("减油增化", "body", True)),
        ("title:(鞍山 OR 锦州)", Or((L("鞍山", "title"), L("锦州", "title")))),
        ("covid-19", L("covid-19")),
        ("or and not", And((L("or"), L("and"), L("not")))),
        ("foo:bar", L("foo:bar")),
        # wildcards: dropped at a term's ends, splitting it inside, literal in quotes
        ("经济*", L("经济")),
        ("*发展", L("发展")),
        ("?经济？", L("经济")),
        ("经济＊", L("经济")),
        ("经济*发展", And((L("经济"), L("发展")))),
        ("经济?发展**建设", And((L("经济"), L("发展"), L("建设")))),
        ("title:经济*发展", And((L("经济", "title"), L("发展", "title")))),
        ("-经济*发展", Not(And((L("经济"), L("发展"))))),
        ("鞍山* OR 锦州", Or((L("鞍山"), L("锦州")))),
        ('"经济*"', L("经济*", quoted=True)),
        ("“*”", L("*", quoted=True)),
        ("NOT " * 32 + "x", Not(Not(parse("NOT " * 30 + "x")))),
        # issue 12: NEAR binds tighter than AND, OR and NOT; each side one exact string
        ("香港 NEAR/3 回归", Near(L("香港", None, True), L("回归", None, True), 3)),
        ("香港 NEAR 回归", Near(L("香港", None, True), L("回归", None, True), 10)),
        ('"香港 特区" NEAR/0 回归', Near(L("香港 特区", None, True), L("回归", None, True), 0)),
        (
            "香港 NEAR/3 回归 -澳门",
            And((Near(L("香港", None, True), L("回归", None, True), 3), Not(L("澳门")))),
        ),
        (
            "a NEAR b OR c",
            Or((Near(L("a", None, True), L("b", None, True), 10), L("c"))),
        ),
        ("-a NEAR/2 b", Not(Near(L("a", None, True), L("b", None, True), 2))),
        (
            "title:(经济 NEAR/5 改革)",
            Near(L("经济", "title", True), L("改革", "title", True), 5),
        ),
        ("title:经济 NEAR/5 改革", Near(L("经济", "title", True), L("改革", "title", True), 5)),
        ("经济* NEAR 改革", Near(L("经济", None, True), L("改革", None, True), 10)),
        ("a near b", And((L("a"), L("near"), L("b")))),
        ('"NEAR"', L("NEAR", quoted=True)),
    ],
)
def test_parse(text, tree):
    assert parse(text) == tree


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ("(鞍山", "'(' without ')'"),
        ("鞍山)", "')' without '('"),
        ("OR 鞍山", "'OR' needs a term on each side"),
        ("鞍山 OR", "'OR' needs a term on each side"),
        ("鞍山 -", None),
        ("NOT", "'NOT' needs a term after it"),
        ("title:", "'title:' needs a term after it"),
        ("()", "empty parentheses"),
        ("x" * 5000, "query too long"),
        ("x" * 10_000, "query too long"),
        ("*", "'*' alone would match every article; type some text with it"),
        ("?", "'?' alone would match every article"),
        ("＊＊", "'＊＊' alone would match every article"),
        ("经济 -*", "'*' alone would match every article"),
        ("title:*", "'*' alone would match every article"),
        ("(" * 33 + "x" + ")" * 33, "nested too deeply"),
        ("-" * 999 + "x", "nested too deeply"),
        ("NOT " * 33 + "x", "nested too deeply"),
        ("title:-" * 33 + "x", None),  # one field prefix, then a word
        (" ".join("x" * 65), "too many terms"),
        ("a*b*c*" * 22, "too many terms"),  # the words a wildcard splits count
        ("NEAR 回归", "'NEAR' needs a term on each side"),
        ("香港 NEAR", "'NEAR' needs a string on each side"),
        ("香港 NEAR (回归 OR 澳门)", "'NEAR' needs a string on each side"),
        ("(香港 OR 澳门) NEAR 回归", "each side of 'NEAR' is one string"),
        ("香港 NEAR 回*归", "each side of 'NEAR' is one string"),
        ("a NEAR b NEAR c", "join several NEARs with AND"),
        ("a NEAR/x b", "NEAR/n takes a number of characters"),
        ("a NEAR/-1 b", "NEAR/n takes a number of characters"),
        ("a NEAR/１ b", "NEAR/n takes a number of characters"),
        ("a NEAR/2000000 b", "at most 1,000,000"),
        ("title:a NEAR body:b", "must be in the same field"),
        ('"" NEAR b', "'NEAR' needs a string on each side"),
    ],
)
def test_errors_are_one_line(text, message):
    if message is None:
        parse(text)  # a lone '-' at the end is a literal
        return
    with pytest.raises(QueryError) as e:
        parse(text)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_positive_literals_skip_negated_ones():
    tree = parse("鞍山 -锦州 NOT (大连 OR 铁岭) title:杜鹃花")
    assert [lit.text for lit in literals(tree)] == ["鞍山", "杜鹃花"]


def test_exact_quotes_every_literal_and_keeps_the_rest():
    """Issue 12: trend takes every string exactly, operators and fields as they are."""
    tree = parse("改革开放 OR title:经济*发展 -香港 a NEAR b")
    assert exact(tree) == Or(
        (
            L("改革开放", None, True),
            And(
                (
                    And((L("经济", "title", True), L("发展", "title", True))),
                    Not(L("香港", None, True)),
                    Near(L("a", None, True), L("b", None, True), 10),
                )
            ),
        )
    )


def test_near_sides_are_positive_literals():
    assert literals(parse("a NEAR b -(c NEAR d)")) == [L("a", None, True), L("b", None, True)]
    assert literals(parse("a NEAR b -(c NEAR d)"), False) == [
        L("c", None, True),
        L("d", None, True),
    ]
