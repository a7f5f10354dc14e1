"""Output: what the CLI prints, in one of three formats chosen once per command.

``writer(...)`` picks the format: JSON Lines (``--json``: one object per hit,
article or report, then a summary), the terminal layout (rich, on a terminal or
with ``--color always``), plain lines (piped: never wrapped, no escape codes)
or, for the research views, CSV and TSV rows (``delimited``).
Each writer takes the plain data the library returns (``searcher.results``)
and renders every view the same way. Messages (errors, notes, bad sources) go
to stderr as one inert line each.

Article text is data: control characters (escape sequences, carriage returns,
bidirectional overrides) are replaced one-for-one by visible stand-ins before
any text reaches a terminal, so match offsets stay valid, and nothing is ever
read as rich markup.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Protocol

JSON_VERSION = 1

# Control characters and bidi overrides -> a visible stand-in of the same length.
_INERT = {c: "\ufffd" for c in range(0x20) if c not in (0x0A,)}
_INERT.update({0x7F: "\ufffd"})
_INERT.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_INERT.update(
    {c: "\ufffd" for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
_INERT[0x09] = " "


def inert(text: str) -> str:
    """Text safe to print on a terminal, character for character (offsets unchanged)."""
    return text.translate(_INERT)


def one_line(text: str) -> str:
    return inert(text).replace("\n", " ")


def display_title(title: str, body: str = "", snippets: list | None = None) -> str:
    """The title, or the start of the text for an article printed without one."""
    if title.strip():
        return title
    start = body or (snippets[0].text if snippets else "")
    start = start.strip().split("\n", 1)[0]
    return (start[:30] + "…") if len(start) > 30 else (start or "(untitled)")


def error(message: str, err: IO[str] | None = None) -> None:
    (err or sys.stderr).write(f"Error: {one_line(message)}\n")


def note(text: str, err: IO[str] | None = None) -> None:
    """A remark that is no error (an earlier build that died was cleaned up)."""
    (err or sys.stderr).write(f"Note: {one_line(text)}\n")


def provenance(prov, err: IO[str] | None = None) -> None:
    """Where an export came from, one line on stderr (the JSON Lines summary holds it too)."""
    filters = ", ".join(
        f"{k} {v}"
        for k, v in (("since", prov.since), ("until", prov.until), ("source", prov.source))
        if v
    )
    where = f"generation {prov.generation}" + (
        f", snapshot {prov.snapshot}" if prov.snapshot else ""
    )
    text = (
        f"provenance: {prov.total} articles for query {prov.query!r}"
        f"{f' ({filters})' if filters else ''}, sorted by {prov.sort}, from {prov.index}"
        f" ({where}), exported {prov.exported} by searcher {prov.searcher}"
    )
    (err or sys.stderr).write(one_line(text) + "\n")


def problem(text: str, err: IO[str] | None = None) -> None:
    """A bad source, "path:line: reason": one inert line, whatever its file is named."""
    (err or sys.stderr).write(one_line(text) + "\n")


class Writer(Protocol):
    """One output format; every verb's data goes through the writer chosen for it."""

    def results(self, results, *, mode: str = "hits", batch: bool = False) -> None:
        """A page of hits (mode "hits"), only the count ("count") or the ids ("ids")."""

    def article(self, article, *, first: bool = True) -> None: ...

    def info(self, info) -> None: ...

    def build_report(self, report) -> None: ...

    def page(self, view) -> None:
        """How a page file is split into articles (``searcher pages``)."""

    def trend(self, trend) -> None: ...

    def kwic(self, conc) -> None: ...

    def export(self, export) -> None:
        """Every row of an export (JSON Lines and CSV only)."""

    def snapshots(self, snapshots) -> None: ...


def use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return stream.isatty() and not os.environ.get("NO_COLOR")


def writer(
    as_json: bool, color: str = "auto", out: IO[str] | None = None, *, rows: str = ""
) -> Writer:
    """The writer for a command: JSON Lines, rows (rows="csv" or "tsv"), the terminal
    layout (a terminal, or ``--color always``) or plain lines."""
    out = out or sys.stdout
    if rows:
        from searcher.output.delimited import DelimitedWriter

        return DelimitedWriter(out, tsv=rows == "tsv")
    if as_json:
        from searcher.output.jsonl import JsonWriter

        return JsonWriter(out)
    if out.isatty() or color == "always":
        from searcher.output.terminal import TerminalWriter

        return TerminalWriter(out, color=use_color(color, out))
    from searcher.output.plain import PlainWriter

    return PlainWriter(out)
