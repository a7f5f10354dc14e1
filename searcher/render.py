"""Render: results on a terminal (rich), as plain lines, or as JSON Lines.

The only module that draws with rich. Article text is data: it is placed in
rich ``Text`` objects and styled by span (``Text.stylize``), never parsed as
markup, and control characters (escape sequences, carriage returns,
bidirectional overrides) are replaced one-for-one by visible stand-ins before
it reaches any terminal, so match offsets stay valid. Plain and JSON output
never go through rich (it would hard-wrap piped text at 80 columns).
"""

from __future__ import annotations

import contextlib
import json
import sys
from dataclasses import asdict
from typing import IO, Any

from searcher.highlight import Span

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


def _one_line(text: str) -> str:
    return inert(text).replace("\n", " ")


def display_title(title: str, body: str = "", snippets: list | None = None) -> str:
    """The title, or the start of the text for an article printed without one."""
    if title.strip():
        return title
    start = body or (snippets[0].text if snippets else "")
    start = start.strip().split("\n", 1)[0]
    return (start[:30] + "…") if len(start) > 30 else (start or "(untitled)")


# -- JSON -----------------------------------------------------------------------


def _dump(obj: dict, out: IO[str]) -> None:
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def hit_json(hit, query: str | None = None) -> dict:
    d = {"type": "hit", **asdict(hit)}
    if query is not None:
        d["query"] = query
    return d


def summary_json(results, *, returned: int | None = None) -> dict:
    """The summary line; returned: hit lines written before it (default: the page's hits)."""
    d = {
        "type": "summary",
        "version": JSON_VERSION,
        "query": results.query,
        "total": results.total,
        "returned": len(results.hits) if returned is None else returned,
        "offset": results.offset,
        "limit": results.limit,
        "elapsed_ms": results.elapsed_ms,
    }
    if results.terms:
        d["terms"] = results.terms
    if results.facets:
        d["facets"] = results.facets
    return d


def json_results(results, out: IO[str], *, batch: bool = False, hits: bool = True) -> None:
    """Hit lines (unless hits=False, as for a count), then the summary line."""
    if hits:
        for hit in results.hits:
            _dump(hit_json(hit, results.query if batch else None), out)
    _dump(summary_json(results, returned=None if hits else 0), out)


def json_object(obj: Any, out: IO[str]) -> None:
    _dump(obj if isinstance(obj, dict) else asdict(obj), out)


# -- plain ----------------------------------------------------------------------


def plain_results(results, out: IO[str]) -> None:
    for hit in results.hits:
        title = _one_line(display_title(hit.title, snippets=hit.snippets))
        meta = "  ".join(
            x for x in (hit.date, _one_line(hit.source), f"score {hit.score:.2f}") if x
        )
        out.write(f"{hit.rank}. {title}  [{_one_line(hit.id)}]  {meta}\n")
        for s in hit.snippets:
            out.write(f"   {_one_line(s.text)}\n")


def plain_facets(facets: dict[str, dict[str, int]], out: IO[str]) -> None:
    """One line per facet value: facet<TAB>value<TAB>count."""
    for name, counts in facets.items():
        for value, n in counts.items():
            out.write(f"{name}\t{_one_line(value).replace(chr(9), ' ')}\t{n}\n")


def plain_ids(results, out: IO[str]) -> None:
    for hit in results.hits:
        out.write(_one_line(hit.id) + "\n")


def plain_count(results, out: IO[str], *, batch: bool = False) -> None:
    """The number of matching articles; with batch, QUERY<TAB>N."""
    prefix = f"{_one_line(results.query)}\t" if batch else ""
    out.write(f"{prefix}{results.total}\n")


def plain_article(art, out: IO[str]) -> None:
    out.write(f"{inert(display_title(art.title, art.body))}\n")
    meta = "  ".join(x for x in (art.id, art.date, art.source, art.author) if x)
    out.write(f"{inert(meta)}\n\n{inert(art.body)}\n")


def plain_info(info, out: IO[str]) -> None:
    out.write(f"index:     {info.path} ({info.generation})\n")
    out.write(f"articles:  {info.articles}\n")
    out.write(f"dates:     {info.first_date or '-'} .. {info.last_date or '-'}\n")
    out.write(f"built:     {info.built}\n")
    out.write("sources:   " + ("\n           ".join(info.sources) or "-") + "\n")
    out.write(f"papers:    {inert(', '.join(info.papers)) or '-'}\n")


# -- rich -------------------------------------------------------------------------

MATCH_STYLE = "bold black on yellow"


def console(out: IO[str], color: bool, width: int | None = None):
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        width=width,
        soft_wrap=False,
    )


def _styled(text: str, spans: list[Span], base: str = ""):
    from rich.text import Text

    t = Text(inert(text), style=base)
    for s, e in spans:
        t.stylize(MATCH_STYLE, s, e)
    return t


def rich_results(results, out: IO[str], *, color: bool = True, width: int | None = None) -> None:
    from rich.text import Text

    con = console(out, color, width)
    for hit in results.hits:
        head = Text(f"{hit.rank:>3}. ", style="bold cyan")
        title = display_title(hit.title, snippets=hit.snippets)
        head.append_text(
            _styled(title.replace("\n", " "), hit.title_matches if hit.title else [], "bold")
        )
        con.print(head)
        meta = Text("     ")
        for part, style in (
            (hit.date, "green"),
            (hit.source, "blue"),
            (hit.id, "dim"),
            (f"score {hit.score:.2f}", "dim"),
        ):
            if part:
                meta.append(inert(part), style=style)
                meta.append("  ")
        con.print(meta)
        for s in hit.snippets:
            line = Text("     ")
            line.append_text(_styled(s.text, s.matches))
            con.print(line)
        con.print()
    con.print(
        Text(
            f"{results.total} matching article{'s' if results.total != 1 else ''}"
            f" ({len(results.hits)} shown, {results.elapsed_ms:.0f} ms)",
            style="dim",
        )
    )
    if results.terms:
        con.print(Text("key terms: " + inert(" ".join(results.terms)), style="dim"))
    rich_facets(results.facets, out, color=color, width=width)


def rich_facets(
    facets: dict[str, dict[str, int]],
    out: IO[str],
    *,
    color: bool = True,
    width: int | None = None,
) -> None:
    """A table per facet: each value and its number of articles."""
    from rich.table import Table
    from rich.text import Text

    con = console(out, color, width)
    for name, counts in facets.items():
        t = Table(title=name, title_justify="left", title_style="bold")
        t.add_column("value")
        t.add_column("articles", justify="right")
        for value, n in counts.items():
            t.add_row(Text(_one_line(value)), str(n))
        con.print()
        con.print(t)


def rich_article(art, out: IO[str], *, color: bool = True) -> None:
    from rich.text import Text

    con = console(out, color)
    con.print(_styled(display_title(art.title, art.body), art.title_matches, "bold"))
    meta = Text()
    for part, style in (
        (art.date, "green"),
        (art.source, "blue"),
        (art.author, ""),
        (art.id, "dim"),
    ):
        if part:
            meta.append(inert(part), style=style)
            meta.append("  ")
    con.print(meta)
    con.print()
    con.print(_styled(art.body, art.body_matches))


def rich_info(info, out: IO[str], *, color: bool = True) -> None:
    from rich.table import Table

    con = console(out, color)
    t = Table(show_header=False, box=None)
    t.add_column(style="bold")
    t.add_column()
    t.add_row("index", f"{inert(info.path)} ({info.generation})")
    t.add_row("articles", str(info.articles))
    t.add_row("dates", f"{info.first_date or '-'} .. {info.last_date or '-'}")
    t.add_row("built", info.built)
    t.add_row("sources", "\n".join(inert(s) for s in info.sources) or "-")
    t.add_row("papers", inert(", ".join(info.papers)) or "-")
    con.print(t)


def error(message: str, err: IO[str] | None = None) -> None:
    err = err or sys.stderr
    err.write(f"Error: {_one_line(message)}\n")


def note(text: str, err: IO[str]) -> None:
    """A remark that is no error (an earlier build that died was cleaned up)."""
    err.write(f"Note: {_one_line(text)}\n")


def problem(text: str, err: IO[str]) -> None:
    """A bad source, "path:line: reason": one inert line, whatever its file is named."""
    err.write(_one_line(text) + "\n")


# -- index builds -------------------------------------------------------------------


@contextlib.contextmanager
def progress_bar(err: IO[str], *, enabled: bool):
    """A progress callback for the indexer: a rich bar on a terminal, else nothing."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TransferSpeedColumn,
    )

    with Progress(
        TextColumn("indexing"),
        BarColumn(),
        TextColumn("{task.fields[articles]} articles"),
        TransferSpeedColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=console(err, True),
        transient=True,
    ) as bar:
        task = bar.add_task("index", total=None, articles=0)

        def update(p) -> None:
            bar.update(
                task, total=p.bytes_total or None, completed=p.bytes_done, articles=p.articles
            )

        yield update


def _size(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def build_summary(report, err: IO[str]) -> None:
    """One line: what a build or update did, and the index it left."""
    rate = report.text_bytes / 1e6 / report.seconds if report.seconds else 0.0
    bad = f", {_plural(len(report.problems), 'problem')}" if report.problems else ""
    if report.rebuilt:
        did = f"indexed {_plural(report.articles, 'article')}"
    else:
        did = (
            f"updated: {report.added} added, {report.updated} updated,"
            f" {report.removed} removed, {report.unchanged} unchanged;"
            f" {_plural(report.articles, 'article')}"
        )
    speed = f" ({rate:.2f} MB/s)" if report.text_bytes else ""
    err.write(
        f"{did} ({_size(report.text_bytes)} of text read)"
        f" from {_plural(report.files, 'file')}"
        f" in {report.seconds:.1f} s{speed} -> {_one_line(report.path)}{bad}\n"
    )
