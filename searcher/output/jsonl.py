"""JSON Lines: one object per line, UTF-8, not ASCII-escaped (the formats the README pins)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import IO, Any

from searcher.output import JSON_VERSION


def dump(obj: dict, out: IO[str]) -> None:
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


def versioned(kind: str, obj: Any) -> dict:
    """An object of one of the versioned kinds (article, info, index)."""
    data = obj if isinstance(obj, dict) else asdict(obj)
    return {"type": kind, "version": JSON_VERSION, **data}


class JsonWriter:
    def __init__(self, out: IO[str] | None = None) -> None:
        self.out = out or sys.stdout

    def results(self, results, *, mode: str = "hits", batch: bool = False) -> None:
        """Hit lines (not for a count), then the summary line."""
        if mode == "hits":
            for hit in results.hits:
                dump(hit_json(hit, results.query if batch else None), self.out)
        dump(summary_json(results, returned=None if mode == "hits" else 0), self.out)

    def article(self, article, *, first: bool = True) -> None:
        dump(versioned("article", article), self.out)

    def info(self, info) -> None:
        dump(versioned("info", info), self.out)

    def build_report(self, report) -> None:
        dump(versioned("index", report.to_dict()), self.out)

    def page(self, view) -> None:
        dump(versioned("page", view), self.out)

    # -- research views ----------------------------------------------------------

    def trend(self, trend) -> None:
        """One line per query and period, then the summary."""
        for p in trend.points:
            d = {"type": "trend", **asdict(p)}
            if trend.smooth == 1:
                del d["smoothed"]
            dump(d, self.out)
        dump(trend_summary(trend), self.out)

    def kwic(self, conc) -> None:
        for line in conc.lines:
            dump({"type": "kwic", **asdict(line)}, self.out)
        dump(kwic_summary(conc), self.out)

    def export(self, export) -> None:
        """One line per article (the CSV's columns), then a summary with the provenance."""
        n = 0
        for row in export:
            d = asdict(row)
            if not export.full_text:
                del d["text"]
            dump({"type": "export", **d}, self.out)
            n += 1
        prov = asdict(export.provenance)
        dump({"type": "summary", "version": JSON_VERSION, "total": n, "provenance": prov}, self.out)

    def snapshots(self, snapshots) -> None:
        for snap in snapshots:
            dump(versioned("snapshot", snap), self.out)


def _summary(obj, keys: tuple[str, ...], **computed) -> dict:
    """A view's summary line: its type and version, then its fields named in keys."""
    fields = {k: getattr(obj, k) for k in keys}
    return {"type": "summary", "version": JSON_VERSION, **fields, **computed}


def trend_summary(trend) -> dict:
    keys = ("queries", "per", "by", "unit", "smooth")
    return _summary(trend, keys, periods=len(trend.periods), elapsed_ms=trend.elapsed_ms)


def kwic_summary(conc) -> dict:
    keys = ("query", "total", "articles")
    extra = {k: getattr(conc, k) for k in ("width", "sort", "limit", "elapsed_ms")}
    return _summary(conc, keys, returned=len(conc.lines), **extra)
