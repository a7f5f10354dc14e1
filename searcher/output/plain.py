"""Plain lines: for pipes and scripts. One record per line, tabs between fields where a
line holds several values, never wrapped, no escape codes."""

from __future__ import annotations

import sys
from typing import IO

from searcher.highlight import cell_width
from searcher.output import display_title, inert, one_line


def size(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def build_summary(report) -> str:
    """One line: what a build or update did, and the index it left."""
    rate = report.text_bytes / 1e6 / report.seconds if report.seconds else 0.0
    bad = f", {plural(len(report.problems), 'problem')}" if report.problems else ""
    if report.rebuilt:
        did = f"indexed {plural(report.articles, 'article')}"
    else:
        did = (
            f"updated: {report.added} added, {report.updated} updated,"
            f" {report.removed} removed, {report.unchanged} unchanged;"
            f" {plural(report.articles, 'article')}"
        )
    speed = f" ({rate:.2f} MB/s)" if report.text_bytes else ""
    return (
        f"{did} ({size(report.text_bytes)} of text read)"
        f" from {plural(report.files, 'file')}"
        f" in {report.seconds:.1f} s{speed} -> {one_line(report.path)}{bad}"
    )


NEWLINE = "⏎"  # a line break inside a kwic context: one visible character


def context(text: str) -> str:
    """A kwic context on one line: each line break one mark, control characters inert."""
    return inert(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", NEWLINE)


def pad_left(text: str, cells: int) -> str:
    return " " * max(0, cells - cell_width(text)) + text


def pad_right(text: str, cells: int) -> str:
    return text + " " * max(0, cells - cell_width(text))


def _keep_cells(text: str, cells: int, *, end: bool) -> str:
    """The part of text nearest the match within cells: its end (end=True) or its start."""
    while cell_width(text) > cells:
        text = text[1:] if end else text[:-1]
    return text


def kwic_columns(conc, width: int | None = None) -> list[tuple[str, str, str, str, str]]:
    """(date, id, left, match, right) of each line, padded so the matches line up; with
    a width (terminal cells), the contexts are cut nearest the match to fit it."""
    rows = [
        (x.date or "-", one_line(x.id), context(x.left), context(x.match), context(x.right))
        for x in conc.lines
    ]
    id_cells = max((cell_width(r[1]) for r in rows), default=0)
    if width is not None:
        match_cells = max((cell_width(r[3]) for r in rows), default=0)
        side = max(4, (width - 10 - id_cells - match_cells - 8) // 2)
        rows = [
            (d, i, _keep_cells(left, side, end=True), m, _keep_cells(right, side, end=False))
            for d, i, left, m, right in rows
        ]
    left_cells = max((cell_width(r[2]) for r in rows), default=0)
    return [
        (pad_right(d, 10), pad_right(i, id_cells), pad_left(left, left_cells), m, right)
        for d, i, left, m, right in rows
    ]


def kwic_summary(conc) -> str:
    shown = f"{len(conc.lines)} shown" if len(conc.lines) < conc.total else "all shown"
    return (
        f"{plural(conc.total, 'occurrence')} in {plural(conc.articles, 'article')}"
        f" ({shown}, sorted by {conc.sort}, {conc.elapsed_ms:.0f} ms)"
    )


def rate_text(value: float | None) -> str:
    return "" if value is None else repr(round(value, 4))


class PlainWriter:
    def __init__(self, out: IO[str] | None = None) -> None:
        self.out = out or sys.stdout

    def results(self, results, *, mode: str = "hits", batch: bool = False) -> None:
        out = self.out
        if mode == "ids":
            for hit in results.hits:
                out.write(one_line(hit.id) + "\n")
            return
        if mode == "count":  # the number of matching articles; with batch, QUERY<TAB>N
            prefix = f"{one_line(results.query)}\t" if batch else ""
            out.write(f"{prefix}{results.total}\n")
        else:
            if batch:
                out.write(f"== {inert(results.query)}\n")
            self.hits(results)
        self.facets(results.facets)

    def hits(self, results) -> None:
        for hit in results.hits:
            title = one_line(display_title(hit.title, snippets=hit.snippets))
            meta = "  ".join(
                x for x in (hit.date, one_line(hit.source), f"score {hit.score:.2f}") if x
            )
            self.out.write(f"{hit.rank}. {title}  [{one_line(hit.id)}]  {meta}\n")
            for s in hit.snippets:
                self.out.write(f"   {one_line(s.text)}\n")

    def facets(self, facets: dict[str, dict[str, int]]) -> None:
        """One line per facet value: facet<TAB>value<TAB>count."""
        for name, counts in facets.items():
            for value, n in counts.items():
                self.out.write(f"{name}\t{one_line(value).replace(chr(9), ' ')}\t{n}\n")

    def article(self, article, *, first: bool = True) -> None:
        out = self.out
        if not first:
            out.write("\n")  # a blank line between articles
        out.write(f"{inert(display_title(article.title, article.body))}\n")
        meta = "  ".join(x for x in (article.id, article.date, article.source, article.author) if x)
        out.write(f"{inert(meta)}\n\n{inert(article.body)}\n")

    def info(self, info) -> None:
        out = self.out
        out.write(f"index:     {inert(info.path)} ({info.generation})\n")
        out.write(f"articles:  {info.articles}\n")
        out.write(f"dates:     {info.first_date or '-'} .. {info.last_date or '-'}\n")
        out.write(f"built:     {info.built}\n")
        out.write("sources:   " + ("\n           ".join(map(inert, info.sources)) or "-") + "\n")
        out.write(f"papers:    {inert(', '.join(info.papers)) or '-'}\n")

    def build_report(self, report) -> None:
        sys.stderr.write(build_summary(report) + "\n")

    def page(self, view) -> None:
        """How a page file was split: a header line, then per article its lines, id,
        title, byline and length, its first and last characters, and a ``?`` line for
        each place the splitter was unsure of."""
        self.out.write("".join(line + "\n" for line in page_lines(view)))

    def trend(self, trend) -> None:
        """PERIOD<TAB>QUERY<TAB>COUNT<TAB>TOTAL<TAB>RATE per cell (and SMOOTHED when
        smoothing); a gap has no rate."""
        for p in trend.points:
            cells = [p.period, one_line(p.query).replace("\t", " "), str(p.count), str(p.total)]
            cells.append(rate_text(p.rate))
            if trend.smooth > 1:
                cells.append(rate_text(p.smoothed))
            self.out.write("\t".join(cells) + "\n")

    def kwic(self, conc) -> None:
        """One line per occurrence, the matches lined up; the summary on stderr."""
        for date, article_id, left, match, right in kwic_columns(conc):
            self.out.write(f"{date}  {article_id}  {left}  {match}  {right}".rstrip() + "\n")
        sys.stderr.write(kwic_summary(conc) + "\n")

    def snapshots(self, snapshots) -> None:
        """NAME<TAB>GENERATION<TAB>what -i takes, one line each."""
        for snap in snapshots:
            self.out.write(f"{snap.name}\t{snap.generation}\t{one_line(snap.address)}\n")


def _flat(text: str) -> str:
    return inert(text).replace("\n", " ⏎ ")


def page_lines(view) -> list[str]:
    where = " ".join(x for x in (view.paper, view.date) if x) or "-"
    out = [f"{inert(view.path)}  {inert(where)}  {plural(len(view.articles), 'article')}"]
    for a in view.articles:
        title = display_title(a.title, a.first)
        byline = f"  [{a.byline}]" if a.byline else ""
        marker = f"  (@@{a.marker})" if a.marker else ""
        on = f"  on {inert(a.source)}" if a.source else ""
        out.append(
            f"  {a.line:>4}-{a.end_line:<4} {a.id or '(not indexed)'}  "
            f"{_flat(title)}{inert(byline)}  {a.length} chars{marker}{on}"
        )
        ends = f"「{_flat(a.first)}」" + (f"…「{_flat(a.last)}」" if a.last else "")
        out.append(f"{'':12}{ends}")
        out += [
            f"{'':12}? line {u.line}: {u.decision} (p {u.p:.2f}: {inert(u.cues)})" for u in a.unsure
        ]
    out += [
        f"{'':12}unknown marker on line {m.line}: {_flat(m.text)}"
        for m in view.markers
        if not m.known
    ]
    return out
