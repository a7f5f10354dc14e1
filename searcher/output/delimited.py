"""CSV and TSV: a header row, then one row per record, for spreadsheets and scripts.

CSV is UTF-8 with a byte order mark, so that Excel on Chinese Windows reads it as
UTF-8 (LibreOffice, Python's ``csv`` with ``encoding="utf-8-sig"`` and pandas
take it too), with Excel's dialect (quoted where needed, CRLF line ends). TSV is
plain UTF-8, one line per record: tabs and line breaks inside a value become
a space and the visible mark ``⏎`` (one character, so contexts keep
their width), and nothing is quoted. Article text goes into a file or a pipe as
it is (a spreadsheet shows it as data); written to a terminal, its control
characters are made inert like everywhere else.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import asdict, fields
from typing import IO

from searcher.output import inert
from searcher.output.plain import context, rate_text
from searcher.views import ExportRow

BOM = "\ufeff"


class DelimitedWriter:
    """CSV (``tsv=False``) or TSV rows of the research views."""

    def __init__(self, out: IO[str] | None = None, *, tsv: bool = False) -> None:
        self.out = out or sys.stdout
        self.tsv = tsv
        self.terminal = self.out.isatty()
        if tsv:  # one line per record, nothing quoted: tabs and line breaks are replaced
            self._rows = csv.writer(
                self.out,
                delimiter="\t",
                quoting=csv.QUOTE_NONE,
                quotechar=None,
                lineterminator="\n",
            )
        else:
            self._rows = csv.writer(self.out, dialect="excel")

    def row(self, values) -> None:
        if self.tsv:
            values = [context(str(v)) for v in values]
        elif self.terminal:
            values = [inert(str(v)) for v in values]
        self._rows.writerow(values)

    def start(self) -> None:
        if not self.tsv:
            self.out.write(BOM)

    def trend(self, trend) -> None:
        self.start()
        smooth = trend.smooth > 1
        self.row(["period", "query", "count", "total", "chars", "rate"] + ["smoothed"] * smooth)
        for p in trend.points:
            cells = [p.period, p.query, p.count, p.total, p.chars, rate_text(p.rate)]
            self.row(cells + [rate_text(p.smoothed)] * smooth)

    def kwic(self, conc) -> None:
        self.start()
        self.row(["id", "date", "field", "offset", "left", "match", "right", "title"])
        for x in conc.lines:
            self.row([x.id, x.date, x.field, x.offset, x.left, x.match, x.right, x.title])

    def export(self, export) -> None:
        """The header (the ExportRow fields; text only with the full text), then the rows."""
        self.start()
        names = [f.name for f in fields(ExportRow) if f.name != "text" or export.full_text]
        self.row(names)
        for row in export:
            d = asdict(row)
            self.row([d[n] for n in names])
