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

    def snapshots(self, snapshots) -> None:
        for snap in snapshots:
            dump(versioned("snapshot", snap), self.out)
