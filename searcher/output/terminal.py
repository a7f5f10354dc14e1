"""The terminal layout: rich, the only module that draws with it.

Article text is placed in rich ``Text`` objects and styled by span
(``Text.stylize``), never parsed as markup; widths are measured in terminal
cells (CJK characters take two).
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from typing import IO

from searcher.highlight import Span, cell_width
from searcher.output import display_title, inert, one_line
from searcher.output.plain import PlainWriter, kwic_columns, kwic_summary

MATCH_STYLE = "bold black on yellow"
PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red")  # one colour per query
EIGHTHS = " ▏▎▍▌▋▊▉"  # a bar's last, partly filled cell
MIN_BAR = 10  # cells


def bar(value: float, top: float, cells: int) -> str:
    """A horizontal bar of value on a scale where top fills cells, to an eighth of a cell."""
    eighths = round(value / top * cells * 8) if top > 0 else 0
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def number(value: float, per: str) -> str:
    if per == "none" or value >= 100 or value == 0:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def fit(text: str, cells: int) -> str:
    """text cut to at most cells (with "…" where cut), padded to exactly cells."""
    if cell_width(text) > cells:
        while text and cell_width(text) > cells - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (cells - cell_width(text))


def _shown(trend, point) -> float | None:
    return point.smoothed if trend.smooth > 1 else point.rate


def terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


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


def _meta_line(parts: list[tuple[str, str]], indent: str = ""):
    from rich.text import Text

    meta = Text(indent)
    for part, style in parts:
        if part:
            meta.append(inert(part), style=style)
            meta.append("  ")
    return meta


class TerminalWriter(PlainWriter):
    """Hits, articles and tables for a person at a terminal; counts and ids stay plain."""

    def __init__(self, out: IO[str] | None = None, *, color: bool = True, width=None) -> None:
        super().__init__(out or sys.stdout)
        self.color = color
        self.width = width or terminal_width()

    def _console(self, width: int | None = None):
        return console(self.out, self.color, width)

    def hits(self, results) -> None:
        from rich.text import Text

        con = self._console(self.width)
        for hit in results.hits:
            head = Text(f"{hit.rank:>3}. ", style="bold cyan")
            title = display_title(hit.title, snippets=hit.snippets)
            head.append_text(
                _styled(title.replace("\n", " "), hit.title_matches if hit.title else [], "bold")
            )
            con.print(head)
            parts = [(hit.date, "green"), (hit.source, "blue"), (hit.id, "dim")]
            con.print(_meta_line([*parts, (f"score {hit.score:.2f}", "dim")], "     "))
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

    def facets(self, facets: dict[str, dict[str, int]]) -> None:
        """A table per facet: each value and its number of articles."""
        from rich.table import Table
        from rich.text import Text

        con = self._console(self.width)
        for name, counts in facets.items():
            t = Table(title=name, title_justify="left", title_style="bold")
            t.add_column("value")
            t.add_column("articles", justify="right")
            for value, n in counts.items():
                t.add_row(Text(one_line(value)), str(n))
            con.print()
            con.print(t)

    def article(self, article, *, first: bool = True) -> None:
        con = self._console()
        if not first:
            self.out.write("\n")
        con.print(
            _styled(display_title(article.title, article.body), article.title_matches, "bold")
        )
        parts = [(article.date, "green"), (article.source, "blue"), (article.author, "")]
        con.print(_meta_line([*parts, (article.id, "dim")]))
        con.print()
        con.print(_styled(article.body, article.body_matches))

    def trend(self, trend) -> None:
        """A bar per query and period, one colour per query, the scale below."""
        from rich.text import Text

        con = self._console(self.width)
        values = [v for p in trend.points if (v := _shown(trend, p)) is not None]
        top = max(values, default=0.0)
        multi = len(trend.queries) > 1
        label = max((cell_width(p) for p in trend.periods), default=0)
        names = min(16, max(cell_width(one_line(q)) for q in trend.queries)) + 2 if multi else 0
        digits = max((len(number(v, trend.per)) for v in values), default=1)
        cells = max(MIN_BAR, self.width - label - names - digits - 3)
        con.print(self._trend_title(trend))
        if not trend.periods:
            con.print(Text("no dated articles (after the filters)", style="dim"))
            return
        colour = {q: PALETTE[i % len(PALETTE)] for i, q in enumerate(trend.queries)}
        for i, p in enumerate(trend.points):
            line = Text(fit(p.period, label) if i % len(trend.queries) == 0 else " " * label)
            line.append(" ")
            if multi:
                line.append(fit(one_line(p.query), names - 2) + "  ", style=colour[p.query])
            v = _shown(trend, p)
            if v is None:
                line.append("· no articles", style="dim")
            else:
                line.append(bar(v, top, cells), style=colour[p.query])
                line.append(" " + number(v, trend.per), style="bold" if v == top else "")
            con.print(line, no_wrap=True, overflow="crop")
        axis = "0" + "─" * (cells - 1) + " " + number(top, trend.per)  # ends under the top
        con.print(
            Text(" " * (label + 1 + names) + axis, style="dim"), no_wrap=True, overflow="crop"
        )
        con.print(Text(f"{len(trend.periods)} periods, {trend.elapsed_ms:.0f} ms", style="dim"))

    @staticmethod
    def _trend_title(trend):
        from rich.text import Text

        title = Text()
        for i, q in enumerate(trend.queries):
            title.append(
                ("" if i == 0 else ", ") + one_line(q), style=f"bold {PALETTE[i % len(PALETTE)]}"
            )
        per = "" if trend.per == "none" else f" {trend.unit}"
        smooth = f", moving average of {trend.smooth}" if trend.smooth > 1 else ""
        title.append(f": matching articles{per}, by {trend.by}{smooth}")
        return title

    def kwic(self, conc) -> None:
        """The concordance lines, matches lined up and marked, then the summary."""
        from rich.text import Text

        con = self._console(self.width)
        for date, article_id, left, match, right in kwic_columns(conc, self.width):
            line = Text()
            line.append(date + "  ", style="green")
            line.append(article_id + "  ", style="dim")
            line.append(left + " ")
            line.append(match, style=MATCH_STYLE)
            line.append(" " + right)
            con.print(line, no_wrap=True, overflow="crop")
        con.print(Text(kwic_summary(conc), style="dim"))

    def info(self, info) -> None:
        from rich.table import Table

        t = Table(show_header=False, box=None)
        t.add_column(style="bold")
        t.add_column()
        t.add_row("index", f"{inert(info.path)} ({info.generation})")
        t.add_row("articles", str(info.articles))
        t.add_row("dates", f"{info.first_date or '-'} .. {info.last_date or '-'}")
        t.add_row("built", info.built)
        t.add_row("sources", "\n".join(inert(s) for s in info.sources) or "-")
        t.add_row("papers", inert(", ".join(info.papers)) or "-")
        self._console().print(t)


_PHASES = {"reading": "reading sources", "segmenting": "segmenting", "merging": "merging"}


@contextlib.contextmanager
def progress_bar(err: IO[str]):
    """A progress callback for the indexer: a bar per phase, with its rate and time left.

    Reading counts bytes of source files, segmenting characters of text, merging
    documents (its total is not known ahead).
    """
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[rate]:>10}"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[articles]} articles"),
        console=console(err, True),
        transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def update(p) -> None:
            if p.phase not in tasks:
                tasks[p.phase] = bar.add_task(
                    _PHASES.get(p.phase, p.phase), total=None, rate="", articles=0
                )
            task = tasks[p.phase]
            speed = bar.tasks[task].speed if task < len(bar.tasks) else None
            unit = "B" if p.phase == "reading" else "ch" if p.phase == "segmenting" else "doc"
            rate = f"{_short(speed)} {unit}/s" if speed else ""
            bar.update(task, total=p.total, completed=p.done, rate=rate, articles=p.articles)

        yield update


def _short(n: float) -> str:
    for unit in ("", "k", "M", "G"):
        if n < 1000:
            return f"{n:.0f}{unit}" if n >= 10 or not unit else f"{n:.1f}{unit}"
        n /= 1000
    return f"{n:.0f}T"
